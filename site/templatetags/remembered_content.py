"""`{% remembered_content "name" part… [when condition] %}…{% endremembered_content %}`: a page's main content, made
once per address.

A page cache hit needs a visitor the whole response can be kept for; the content of a page is the same for far more
visits than that: every visit from someone with no session and no message waiting, whether or not the page cache is
on, kept the page already or was emptied by a change elsewhere on the site. So the enclosed HTML is remembered under
the address (with its query), the host and the language, until the public content changes or the next timed moment
passes (remembered_until_next_change), with the fresh values of its forms cut out and made for each visitor (the
page cache's own rule). A preview, a form sent back with errors, a visitor with a session or a message, and any
request that is not a GET are rendered as they are, and so is the content when the condition after `when` is false
(what a search answers, which a search index may take in later than the database). What the content shows must
depend on nothing else: a part that shows something of the visitor does not belong inside the tag.
"""

from django import template
from django.utils.translation import get_language

from botevgrad.page_cache import is_plain_visit, remembered_markup

register = template.Library()


class RememberedContentNode(template.Node):
    def __init__(self, nodelist, name, parts, condition):
        self.nodelist, self.name, self.parts, self.condition = nodelist, name, parts, condition

    def render(self, context):
        request = context.get("request")
        if (request is None or getattr(request, "is_preview", False) or not is_plain_visit(request)
                or (self.condition is not None and not self.condition.resolve(context))):
            return self.nodelist.render(context)
        key = (request.get_full_path(), request.get_host(), get_language(),
               *(part.resolve(context) for part in self.parts))
        return remembered_markup(request, f"content-{self.name.resolve(context)}", key,
                                 lambda: self.nodelist.render(context))


@register.tag
def remembered_content(parser, token):
    bits = token.split_contents()[1:]
    condition = None
    if "when" in bits:
        if bits.index("when") != len(bits) - 2:
            raise template.TemplateSyntaxError("remembered_content takes one condition, last: when condition")
        condition = parser.compile_filter(bits.pop())
        bits.pop()
    if not bits:
        raise template.TemplateSyntaxError("remembered_content takes a name and the parts of its key")
    nodelist = parser.parse(("endremembered_content",))
    parser.delete_first_token()
    name, *parts = (parser.compile_filter(bit) for bit in bits)
    return RememberedContentNode(nodelist, name, parts, condition)
