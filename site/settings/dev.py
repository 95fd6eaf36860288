"""Settings for `make run`: one machine, SQLite, mail printed to the console."""

from .base import *  # noqa: F403
from .base import env

# Off by default, so the demo shows what visitors see (the site's own 404 and 500 pages);
# `make run DEBUG=1` asks for Django's debug pages.
DEBUG = env.bool("DEBUG", default=False)
# Only ever used on a developer's machine; production reads SECRET_KEY from the environment.
SECRET_KEY = "dev-only-not-secret-botevgrad"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Static files come from the finders here (runserver, the live test server); WhiteNoise
# serves the collected files in production only.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise")]  # noqa: F405
# One process, so the per-process memory cache is a correct store for rate limits here;
# production uses the shared cache from CACHE_URL.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
