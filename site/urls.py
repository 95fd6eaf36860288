"""Root URLs: Wagtail admin, documents, search, sitemap; everything else is Wagtail's page tree."""

from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from search import views as search_views

from .api import api_router
from .media import serve_image
from .views import PageSitemap, favicon, robots_txt, serve_page

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("konsultacii/", include("consultations.urls")),
    path("api/v2/", api_router.urls),
    path("emisii/", include("home.feeds")),
    path("izvestiya/", include("alerts.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": PageSitemap}}),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    # Only image renditions: documents' files go through Wagtail's permission-checked view.
    re_path(r"^media/images/(?P<path>.+)$", serve_image, name="image_rendition"),
]

# Wagtail's own URLs, its page view with the route found from the cache (public_tree.py).
urlpatterns += [
    path("", include([pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"])),
    re_path(wagtail_urls.serve_pattern, serve_page, name="wagtail_serve"),
]
