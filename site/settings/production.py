"""Production: configured only from environment variables; refuses to start without the required ones."""

from .base import *  # noqa: F403
from .base import env, sqlite_for_threads

DEBUG = False
# env() raises ImproperlyConfigured when a variable without a default is missing.
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
DATABASES = {"default": sqlite_for_threads(env.db("DATABASE_URL"))}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")

# Shared by every app server: rate limits on public forms count across all of them.
# memcached, e.g. pymemcache://cache:11211 (django-ratelimit needs atomic increments).
CACHES = {"default": env.cache("CACHE_URL")}
if CACHES["default"]["BACKEND"].endswith("PyMemcacheCache"):
    CACHES["default"]["BACKEND"] = "botevgrad.memcached.PersistentPyMemcacheCache"
    CACHES["default"]["OPTIONS"] = {**MEMCACHED_OPTIONS, **CACHES["default"].get("OPTIONS", {})}  # noqa: F405
# EMAIL_URL, e.g. smtp+tls://user:password@mail.example.bg:587?timeout=10
_email = env.email("EMAIL_URL", default="consolemail://")
# django-environ leaves ?timeout= among the backend OPTIONS, which Django's SMTP backend never reads.
_email_timeout = _email.pop("OPTIONS", {}).pop("TIMEOUT", None)
vars().update(_email)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=_email_timeout or 10)
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)  # noqa: F405

STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# Preloading HSTS binds every subdomain of the municipality's domain for years; that is the
# IT department's decision (SECURE_HSTS_PRELOAD=true), not a default of this application.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
if CACHES["default"]["BACKEND"] == "botevgrad.memcached.PersistentPyMemcacheCache":
    # django-ratelimit knows the backends by name; this one is PyMemcacheCache, whose increments are atomic.
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.W001")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}
