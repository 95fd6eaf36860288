"""WSGI entry point for gunicorn: `gunicorn botevgrad.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "botevgrad.settings.production")

application = get_wsgi_application()
