"""Reading the links out of a rendered page, to assert they are real <a href> elements."""

from html.parser import HTMLParser


class Links(HTMLParser):
    """The (href, text) of every link in a piece of HTML, optionally only inside one element."""

    def __init__(self, inside=None):
        super().__init__()
        self.inside, self.depth, self.open_link, self.links = inside, 0 if inside else 1, None, []

    def handle_starttag(self, tag, attrs):
        if tag == self.inside:
            self.depth += 1
        if tag == "a" and self.depth:
            self.open_link = [dict(attrs).get("href"), ""]

    def handle_data(self, data):
        if self.open_link is not None:
            self.open_link[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self.open_link is not None:
            self.links.append((self.open_link[0], self.open_link[1].strip()))
            self.open_link = None
        if tag == self.inside and self.inside:
            self.depth -= 1


def links(html, inside=None):
    parser = Links(inside)
    parser.feed(html)
    return parser.links
