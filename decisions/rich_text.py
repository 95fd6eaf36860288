"""Text from outside (imports) as the decision's rich text: only what the editor itself could have produced."""

import re

import nh3
from django.utils.html import escape

# What the decision's rich-text features (BODY_FEATURES) store: bold, italic, links, lists, h3, h4.
ALLOWED_TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ol", "ul", "li", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Wagtail's editor stores bold and italic as <b> and <i>.
SAME_AS = {"strong": "b", "em": "i"}
LOOKS_LIKE_HTML = re.compile(r"</?[a-zA-Z][^>]*>")
BLOCK_TAG = re.compile(r"<(p|ol|ul|h3|h4)[ >]")
SAME_AS_TAG = re.compile(r"<(/?)(strong|em)>")


def sanitise_html(html):
    """The HTML with everything the editor could not store removed (scripts with their content, attributes, styles)."""
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    return SAME_AS_TAG.sub(lambda match: f"<{match.group(1)}{SAME_AS[match.group(2)]}>", clean).strip()


def plain_text_to_html(text):
    """Paragraphs from blank-line-separated blocks, line breaks inside them kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    return "".join("<p>" + "<br>".join(escape(line.strip()) for line in block.split("\n")) + "</p>"
                   for block in paragraphs)


def body_html(text):
    """A decision's text as stored rich text: sanitised when it is HTML, in paragraphs when it is plain text."""
    if LOOKS_LIKE_HTML.search(text):
        html = sanitise_html(text)
        # Inline HTML only ("Текст с <b>удебелено</b>") goes into a paragraph, as the editor would put it.
        return html if not html or BLOCK_TAG.search(html) else f"<p>{html}</p>"
    return plain_text_to_html(text)
