"""The Content-Security-Policy of every response: strict on the public site, looser only where Wagtail's admin needs it.

The public pages run no script at all, inline or not, and carry no inline style (the charts are SVG
attributes), so one injected `<script>` or `style=` in a proposal's text would be refused by the browser
even if it slipped past the escaping. Wagtail 8's admin still writes inline scripts of its own (inline
panels, date pickers: wagtail/wagtail#7053) and inline styles, with no nonce to give them; a nonce added
to whatever script the response holds would bless an injected one too, so the admin gets
'unsafe-inline' and nothing else beyond the public policy: no other origin, no eval, no plugins.
"""

from dataclasses import asdict

from csp.constants import HEADER, NONE, SELF, UNSAFE_INLINE
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
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


# What makes one response's policy differ from another's in django-csp: a view's decorator, a nonce asked for
# by a template, a report-only policy or excluded addresses in the settings. None of them is used here today.
PER_RESPONSE = ("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro")
PER_SETTINGS = ("CONTENT_SECURITY_POLICY_REPORT_ONLY", "DEBUG")
_built = {}


def forget_built_policies(**kwargs):
    _built.clear()


setting_changed.connect(forget_built_policies, dispatch_uid="content_security.forget_built_policies")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy under the admin's address."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and self.in_admin(request):
            return PolicyParts(ADMIN_POLICY, parts.update, parts.replace, parts.nonce)
        return parts

    @staticmethod
    def in_admin(request):
        return request.path_info.startswith(reverse("wagtailadmin_home"))

    @staticmethod
    def varies(request, response):
        """Whether this response's policy could differ from the one kept for its part of the site."""
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
        return (getattr(request, "_csp_nonce", None) is not None or bool(policy.get("EXCLUDE_URL_PREFIXES"))
                or any(getattr(settings, name, None) for name in PER_SETTINGS)
                or any(getattr(response, name, None) is not None for name in PER_RESPONSE))

    def process_response(self, request, response):
        """django-csp builds the policy afresh for every response, an eighth of the time of a page served from the
        page cache. Here it only differs between the admin and the rest, so each is built once; a response whose
        policy could differ in another way (PER_RESPONSE, PER_SETTINGS) goes the library's way."""
        if self.varies(request, response):
            return super().process_response(request, response)
        if HEADER not in response and not getattr(response, "_csp_exempt", False):
            admin = self.in_admin(request)
            if admin not in _built:
                _built[admin] = build_policy(**asdict(self.get_policy_parts(request, response)))
            response[HEADER] = _built[admin]
        # As the library does: a nonce asked for after the header is written is an error, not a silent gap.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
