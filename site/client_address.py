"""The visitor's address, for rate limits: never taken from a header a visitor could forge.

Written here rather than taken from django-ipware: ipware picks the first public address in the
headers, whatever sent them; the rule needed is narrower — believe X-Forwarded-For only when the
request arrives from one of our own proxies, and then only the address that proxy appended.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

# Requests whose peer address is missing or malformed (a misconfigured socket) share this key:
# they are still limited, and the visitor sees a page, not a server error.
UNKNOWN_ADDRESS = "0.0.0.0"  # noqa: S104 - a rate-limit key, not an address anything listens on


@lru_cache(maxsize=8)
def trusted_networks(proxies):
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies if proxy.strip())


def parse_address(value):
    try:
        return ipaddress.ip_address(value.strip())
    except (ValueError, AttributeError):
        return None


def client_address(request):
    """REMOTE_ADDR, or — when REMOTE_ADDR is a trusted proxy — the last untrusted hop in X-Forwarded-For."""
    peer = parse_address(request.META.get("REMOTE_ADDR", ""))
    if peer is None:
        return UNKNOWN_ADDRESS
    networks = trusted_networks(tuple(settings.TRUSTED_PROXIES))
    if not any(peer in network for network in networks):
        return str(peer)
    # Walk from the right: each proxy appends the address it received the request from.
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops[-20:]):
        address = parse_address(hop)
        if address is None:
            return str(peer)
        if not any(address in network for network in networks):
            return str(address)
    return str(peer)
