"""The Content-Security-Policy of every response: strict on the public site, looser only where Wagtail's admin needs it.

The public pages run no script at all, inline or not, and carry no inline style (the charts are SVG
attributes), so one injected `<script>` or `style=` in a proposal's text would be refused by the browser
even if it slipped past the escaping. Wagtail 8's admin still writes inline scripts of its own (inline
panels, date pickers: wagtail/wagtail#7053) and inline styles, with no nonce to give them; a nonce added
to whatever script the response holds would bless an injected one too, so the admin gets
'unsafe-inline' and nothing else beyond the public policy: no other origin, no eval, no plugins.
"""

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.urls import reverse

# Sources shared by both policies. Embeds (a YouTube video, a map) are third-party frames over HTTPS;
# their own scripts run in their own origin, not in ours.
PUBLIC_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "frame-src": [SELF, "https:"],
    "object-src": [NONE],
    "base-uri": [NONE],
    "form-action": [SELF],
    # The admin's preview shows public pages in a frame of its own origin; no other site may frame them.
    "frame-ancestors": [SELF],
}

ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    # The image chooser previews a file before it is uploaded.
    "img-src": [SELF, "data:", "blob:"],
    "base-uri": [SELF],
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy under the admin's address."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(reverse("wagtailadmin_home")):
            return PolicyParts(ADMIN_POLICY, parts.update, parts.replace, parts.nonce)
        return parts
