"""Whole responses for anonymous visitors, kept in the cache until the public content changes.

Served from the cache: GET and HEAD requests without a session or a flash message (so nobody signed in, nobody
who entered a page's password and nobody who has just sent a form), answered 200 with a complete body. Each
response is kept with the content version it was made under (content_changes.py) and with the moment time
alone changes it (a consultation or a rating period opens or closes, a survey closes, a new day makes a
measure overdue); it is served only before both.

Pages with a form are kept too. The two parts of a form that must differ for each visitor are made afresh on
every hit: the CSRF token (from the visitor's own cookie, which Django sets as on any page with a form) and
the signed moment the form was shown (the forms' anti-abuse check). The rest of a form's page is the same for
everyone. Anything else written while a page is made (a session, a confirmation link's effect)
keeps that response out of the cache. Pages are kept compressed (every browser accepts gzip): compressed once, not
on every visit, with the fresh values of a form in segments of their own; a client that takes no gzip gets the
page decompressed.
"""

import hashlib
import logging
import re
import time
from dataclasses import dataclass, fields
from datetime import timedelta

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.middleware.gzip import re_accepts_gzip
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_vary_headers, set_response_etag
from django.utils.safestring import mark_safe

from . import content_changes
from .remembered import PUBLIC_PAGES, versions_read_once
from .segmented_gzip import GzipParts

logger = logging.getLogger(__name__)

NEXT_CHANGE_KEY = "page-cache-next-change"
VARY_ALLOWED = {"cookie", "accept-language", "accept-encoding"}
NEVER_CACHED = ("/admin/", "/documents/", "/media/")

# The values made afresh for each visitor: the CSRF token and the signed time a form was shown.
FRESH_VALUE = re.compile(rb'<input type="hidden" name="(csrfmiddlewaretoken|(?:[\w-]+-)?rendered_at)" value="([^"]*)"')
FRESH_TEXT = re.compile(FRESH_VALUE.pattern.decode())
CSRF_FIELD = b"csrfmiddlewaretoken"


def cut_fresh_values(content):
    """(the parts of `content` around its fresh values, for each cut whether the CSRF token (True) or a form's
    time (False) goes there). `content` is bytes or str; the parts are of the same type."""
    pattern = FRESH_VALUE if isinstance(content, bytes) else FRESH_TEXT
    parts, fresh, start = [], [], 0
    for match in pattern.finditer(content):
        parts.append(content[start:match.start(2)])
        fresh.append(match.group(1) in (CSRF_FIELD, CSRF_FIELD.decode()))
        start = match.end(2)
    parts.append(content[start:])
    return parts, fresh


def fresh_values(fresh, request, as_text=False):
    """The values made for this visitor that go into the cuts `fresh` describes (cut_fresh_values)."""
    if not fresh:
        return []
    from consultations.forms import form_timestamp

    token = get_token(request) if any(fresh) else ""
    shown_at = form_timestamp() if not all(fresh) else ""
    values = [token if is_token else shown_at for is_token in fresh]
    return values if as_text else [value.encode() for value in values]


def filled(parts, values):
    """The parts joined with the fresh values in their cuts."""
    empty = parts[0][:0]
    return empty.join(part for pair in zip(parts, [*values, empty]) for part in pair)


@dataclass
class Entry:
    version: str
    valid_until: float
    status: int
    headers: list
    fresh: list  # for each cut in the body, whether the CSRF token (True) or the form's time (False) goes there
    parts: list | None  # the body, cut where a fresh value goes; None when kept compressed only
    gzipped: GzipParts | None  # the same parts compressed once (segmented_gzip.py), when that makes them smaller

    @classmethod
    def of(cls, response, version, valid_until):
        content = response.content
        parts, fresh = cut_fresh_values(content)
        if not fresh:
            set_response_etag(response)  # once here rather than on every hit (ConditionalGetMiddleware)
        gzipped = GzipParts.of(parts)
        if gzipped.length >= len(content):
            gzipped = None
        # Every browser takes gzip: the page is kept compressed only, so a hit reads a fifth of it from the cache.
        return cls(version, valid_until, response.status_code, list(response.headers.items()), fresh,
                   parts if gzipped is None else None, gzipped)

    def response(self, request):
        values = fresh_values(self.fresh, request)
        gzip = self.gzipped is not None and re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        if gzip:
            content = self.gzipped.body(values)
        elif self.gzipped is not None:
            content = self.gzipped.plain(values)
        else:
            content = filled(self.parts, values)
        response = HttpResponse(content, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        if self.gzipped is not None:
            patch_vary_headers(response, ("Accept-Encoding",))
        if gzip:
            response.headers["Content-Encoding"] = "gzip"
            if response.get("ETag", "").startswith('"'):
                response.headers["ETag"] = "W/" + response.headers["ETag"]  # as GZipMiddleware does
        response.headers["X-Page-Cache"] = "hit"
        return response


# Entries kept by the code before a deploy may have another shape: their keys differ, so they are never read.
SHAPE = " ".join(f"{field.name}:{field.type}" for kept in (Entry, GzipParts) for field in fields(kept))
KEY_PREFIX = f"page-cache:{hashlib.sha256(SHAPE.encode()).hexdigest()[:8]}:"


def is_plain_visit(request):
    """A visit that is shown what everyone is: a GET or HEAD with no session (nobody signed in, no page password, no
    answered survey), no flash message waiting and no credentials."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def is_cacheable_request(request):
    return settings.PAGE_CACHE_SECONDS > 0 and is_plain_visit(request) and not request.path.startswith(NEVER_CACHED)


def cache_key(request):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}|{request.LANGUAGE_CODE}"
    return KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def is_storable(request, response, written):
    if response.status_code != 200 or response.streaming or response.cookies or written:
        return False
    if len(response.content) > settings.PAGE_CACHE_MAX_BYTES:
        return False
    if getattr(request, "session", None) is not None and request.session.modified:
        return False
    if getattr(getattr(request, "_messages", None), "added_new", False):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header.strip()}
    return vary <= VARY_ALLOWED


def next_change(now):
    """The next moment a public page changes with no write: a period opening or closing, or midnight."""
    from django.apps import apps
    from django.db.models import Min, Q

    moments = [timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)]
    for label, names in settings.PAGE_CACHE_TIMED_FIELDS.items():
        model = apps.get_model(label)
        found = model._base_manager.aggregate(**{
            name: Min(name, filter=Q(**{f"{name}__gt": now})) for name in names})
        moments += [moment for moment in found.values() if moment is not None]
    return min(moments).timestamp()


def next_change_under(version):
    """`next_change()`, remembered while the version is the same and the moment is ahead."""
    remembered = cache.get(NEXT_CHANGE_KEY)
    if remembered and remembered[0] == version and remembered[1] > time.time():
        return remembered[1]
    moment = next_change(timezone.now())
    cache.set(NEXT_CHANGE_KEY, (version, moment), None)
    return moment


def remembered_until_next_change(name, parts, compute):
    """PUBLIC_PAGES.remembered for what also changes with time alone (an announcement of an open consultation, a
    policy's stage while it is consulted on): forgotten, as kept pages are, once the next timed moment passes."""
    version = content_changes.current_version()
    if version is None:
        return compute()
    try:
        moment = next_change_under(version)
    except Exception:
        logger.warning("The cache did not answer; %s is computed without it", name, exc_info=True)
        return compute()
    return PUBLIC_PAGES.remembered(name, (*parts, moment), compute)


def remembered_markup(request, name, key, render):
    """The HTML `render()` makes, remembered as remembered_until_next_change with its fresh values cut out (the
    page cache's rule), and filled with this visitor's own."""
    parts, fresh = remembered_until_next_change(name, key, lambda: cut_fresh_values(str(render())))
    return mark_safe(filled(parts, fresh_values(fresh, request, as_text=True)))  # noqa: S308 - our templates'


def remembered_for_page(request, page, name, compute, parts=()):
    """What `page` lists (`compute()`, which may differ by `parts`), remembered as remembered_until_next_change; a
    preview shows the draft's own."""
    if getattr(request, "is_preview", False):
        return compute()
    return remembered_until_next_change(name, (page.pk, *parts), compute)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with versions_read_once() as read:
            return self.respond(request, read)

    def respond(self, request, read_versions):
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = cache_key(request)
        # One round trip for a hit. The version is read before the page is made: see content_changes.py.
        try:
            found = cache.get_many([content_changes.VERSION_KEY, key])
        except Exception:
            found = {}
        version = found.get(content_changes.VERSION_KEY) or content_changes.current_version()
        if version is None:
            return self.get_response(request)
        read_versions[content_changes.VERSION_KEY] = version
        entry = found.get(key)
        if isinstance(entry, Entry) and entry.version == version and entry.valid_until > time.time():
            return entry.response(request)
        with content_changes.recording() as written:
            response = self.get_response(request)
        if is_storable(request, response, written):
            self.store(key, version, response)
            response.headers["X-Page-Cache"] = "miss"
        elif response.streaming and response.status_code == 200 and not written and not response.has_header("ETag"):
            # An export or a stored PDF, too big to keep: the same address and content version make the same
            # bytes, so a browser that has them is answered 304 (ConditionalGetMiddleware) before any is made.
            try:
                moment = next_change_under(version)
            except Exception:
                return response
            response.headers["ETag"] = f'"{hashlib.sha256(f"{key}:{version}:{moment}".encode()).hexdigest()[:32]}"'
        return response

    def store(self, key, version, response):
        try:
            until = min(next_change_under(version), time.time() + settings.PAGE_CACHE_SECONDS)
            entry = Entry.of(response, version, until)
            cache.set(key, entry, max(1, int(until - time.time())))
        except Exception:
            logger.warning("A page could not be kept in the cache", exc_info=True)
