"""Serving uploaded image renditions: public files, cached by browsers and proxies.

WhiteNoise serves only files that exist when the server starts, and renditions are made later,
so a view serves them (from the default file storage). Documents never come this way: their
files may be private and Wagtail's document view checks that (WAGTAILDOCS_SERVE_METHOD).
"""

from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views.static import serve

# Rendition file names change when the image or the crop changes, so they can be cached long.
RENDITION_MAX_AGE = 30 * 24 * 60 * 60
PUBLIC_IMAGE_FOLDER = "images"


def serve_image(request, path):
    folder = Path(settings.MEDIA_ROOT) / PUBLIC_IMAGE_FOLDER
    if not folder.is_dir():
        raise Http404
    response = serve(request, path, document_root=folder)
    patch_cache_control(response, public=True, max_age=RENDITION_MAX_AGE)
    return response
