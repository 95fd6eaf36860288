"""Files every site answers at its root (robots.txt, favicon.ico, sitemap.xml), and the page tree's view."""

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.views import serve as wagtail_serve

from .public_tree import route, site_for, visible

# Pages a search engine has no business indexing: the admin and one-time confirmation links.
ROBOTS_DISALLOW = ["/admin/", "/konsultacii/potvardi/"]


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", *[f"Disallow: {path}" for path in ROBOTS_DISALLOW]]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    path = finders.find("favicon.ico")
    if path:
        response = FileResponse(open(path, "rb"), content_type="image/x-icon")
    elif staticfiles_storage.exists("favicon.ico"):
        response = FileResponse(staticfiles_storage.open("favicon.ico"), content_type="image/x-icon")
    else:
        raise Http404
    patch_cache_control(response, public=True, max_age=7 * 24 * 60 * 60)
    return response


def serve_page(request, path):
    """Wagtail's view of a page, with its route found from the cache (public_tree.py), where Wagtail keeps its own."""
    request._wagtail_route_for_request = route(request, path)
    return wagtail_serve(request, path)


class PageSitemap(Sitemap):
    """Wagtail's sitemap, with the site and the restrictions known (public_tree.py) and no query per page type:
    every page's address and date are on the base page, so its specific fields are never read."""

    def get_wagtail_site(self):
        return site_for(self.request) or super().get_wagtail_site()

    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        return visible(pages).order_by("path").defer_streamfields().specific(defer=True)
