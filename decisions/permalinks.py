"""Absolute addresses people cite: the site's real host, never a placeholder such as localhost."""

from urllib.parse import urlsplit

# Host names a Site record carries until someone gives it the public address (Wagtail's
# default site is "localhost"); nobody outside the server can open a link to them.
PLACEHOLDER_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


def public_root_url(site_root_url, request=None):
    """The scheme and host to put before a page's path.

    The Wagtail Site record's address (hostname and port) is the canonical one, and is used even
    when the request came through another allowed name (an alias, an IP address). Only when the
    record still holds a placeholder such as localhost and the request came from elsewhere is
    the request's own scheme and host used instead.
    """
    if request is None:
        return site_root_url
    if urlsplit(site_root_url).hostname not in PLACEHOLDER_HOSTS:
        return site_root_url
    request_host = request.get_host()
    if urlsplit(f"//{request_host}").hostname in PLACEHOLDER_HOSTS:
        return site_root_url
    return f"{request.scheme}://{request_host}"


def permanent_url(page, request=None):
    """The page's absolute address as `public_root_url` decides it, or None if the page is not routable."""
    parts = page.get_url_parts(request=request)
    if parts is None or parts[1] is None:
        return None
    _site_id, root_url, path = parts
    return public_root_url(root_url, request) + path
