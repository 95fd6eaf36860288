"""The site's URLs with one more: a view that does no work, the floor every page is compared to."""

from django.http import HttpResponse
from django.urls import path

from botevgrad.urls import urlpatterns as site_urlpatterns


def floor(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("__bench/floor/", floor), *site_urlpatterns]
