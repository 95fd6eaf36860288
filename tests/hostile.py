"""Hostile values that factories seed into content, so escaping is exercised on every page."""

XSS = '<script>alert("xss")</script>'
XSS_ATTRIBUTE = '"><img src=x onerror=alert(1)>'

# What Wagtail's rich-text editor stores when someone types the payload: escaped text.
XSS_AS_TYPED_IN_RICH_TEXT = "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;"
