"""`{% remembered_form form "name" part… %}…{% endremembered_form %}`: a public form, rendered once.

A fresh form renders the same for every visitor but for two values, the CSRF token and the signed moment it was
shown (the anti-abuse check), and its widgets take several milliseconds to render (a rating form has 29 radio
buttons). So its HTML is rendered once under the public content's version, until the next timed moment (a period
opening or closing), with those two values cut out and made afresh for each visitor: the page cache's own rule for
whole pages (botevgrad.page_cache.cut_fresh_values). The parts name what else the HTML shows (the page, the
consultation or period); the form's prefix, its initial values and the host are always in the key. A form sent
back with errors, a preview, and a request without a visitor are rendered as they are. A form that would show
something of the visitor (a signed-in person's e-mail, say) must carry it in its initial values, or not use the tag.
"""

from django import template
from django.utils.translation import get_language

from botevgrad.page_cache import remembered_markup

register = template.Library()


class RememberedFormNode(template.Node):
    def __init__(self, nodelist, form, name, parts):
        self.nodelist, self.form, self.name, self.parts = nodelist, form, name, parts

    def render(self, context):
        form = self.form.resolve(context)
        request = context.get("request")
        if form is None or form.is_bound or request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        initial = sorted((name, str(value)) for name, value in form.initial.items() if name != "rendered_at")
        key = (type(form).__name__, form.prefix, initial, request.get_host(), get_language(),
               *(part.resolve(context) for part in self.parts))
        return remembered_markup(request, f"form-{self.name.resolve(context)}", key,
                                 lambda: self.nodelist.render(context))


@register.tag
def remembered_form(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError("remembered_form takes a form, a name and the parts of its key")
    nodelist = parser.parse(("endremembered_form",))
    parser.delete_first_token()
    form, name, *parts = (parser.compile_filter(bit) for bit in bits[1:])
    return RememberedFormNode(nodelist, form, name, parts)
