"""Files every site answers at its root: robots.txt and favicon.ico."""

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

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
