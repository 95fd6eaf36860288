"""`{% remembered_content "name" part… %}…{% endremembered_content %}`: a page's main content, made once per address.

A page cache hit needs a visitor the whole response can be kept for; the content of a page is the same for far more
visits than that: every visit from someone with no session and no message waiting, whether or not the page cache is
on, kept the page already or was emptied by a change elsewhere on the site. So the enclosed HTML is remembered under
the address (with its query), the host and the language, until the public content changes or the next timed moment
passes (remembered_until_next_change), with the fresh values of its forms cut out and made for each visitor (the
page cache's own rule). A preview, a form sent back with errors, a visitor with a session or a message, and any
request that is not a GET are rendered as they are. What the content shows must depend on nothing else: a part that
shows something of the visitor does not belong inside the tag.
"""

from django import template
from django.utils.translation import get_language

from botevgrad.page_cache import is_plain_visit, remembered_markup

register = template.Library()


class RememberedContentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False) or not is_plain_visit(request):
            return self.nodelist.render(context)
        key = (request.get_full_path(), request.get_host(), get_language(),
               *(part.resolve(context) for part in self.parts))
        return remembered_markup(request, f"content-{self.name.resolve(context)}", key,
                                 lambda: self.nodelist.render(context))


@register.tag
def remembered_content(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("remembered_content takes a name and the parts of its key")
    nodelist = parser.parse(("endremembered_content",))
    parser.delete_first_token()
    name, *parts = (parser.compile_filter(bit) for bit in bits[1:])
    return RememberedContentNode(nodelist, name, parts)
