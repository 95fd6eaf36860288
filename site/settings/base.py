"""Settings shared by every environment; the environment-specific modules override them."""

import ipaddress
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from botevgrad.content_security import PUBLIC_POLICY
from search.config import search_backends

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()

INSTALLED_APPS = [
    "home",
    "policy_pages",
    "consultations",
    "decisions",
    "reports",
    "surveys",
    "search",
    "alerts",
    "botevgrad",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.settings",
    "django_ratelimit",
    "django_tasks",
    "django_tasks_db",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "botevgrad.content_security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Outside the page cache, so a kept page answers If-None-Match with a 304 too.
    "django.middleware.http.ConditionalGetMiddleware",
    "botevgrad.page_cache.AnonymousPageCacheMiddleware",
]

ROOT_URLCONF = "botevgrad.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "botevgrad.context_processors.site_navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "botevgrad.wsgi.application"


def sqlite_for_threads(database):
    """SQLite settings for a threaded server beside a worker process: no "database is locked" errors.

    WAL lets readers go on while one writer writes; IMMEDIATE transactions take the write lock at
    the start, so two writers queue (up to the busy timeout) instead of failing half-way.
    """
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("OPTIONS", {}).update(
            timeout=20,
            transaction_mode="IMMEDIATE",
            init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        )
    return database


# The embedded default: one SQLite file, no services to install.
DATABASES = {
    "default": sqlite_for_threads(env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "bg"
LANGUAGES = [("bg", _("Bulgarian"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False
TIME_ZONE = "Europe/Sofia"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page models can exceed Django's default of 1000 fields in Wagtail's editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Диалози за бъдещето на Ботевград"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = search_backends(
    env("ELASTICSEARCH_URL", default=""), env("ELASTICSEARCH_INDEX", default="botevgrad")
)

# Background work (e-mail, building report PDFs) is queued in the database and run by
# `manage.py db_worker`, which `make run` and compose start beside the web server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Seconds to wait for the mail server before the worker gives up and retries later.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)

# Documents are served only through Wagtail's view, which checks their collection's privacy;
# their files under MEDIA_ROOT are never served directly.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# When the cache is down, forms are taken without their rate limits rather than refused (django-ratelimit
# would otherwise limit every request): a municipality must not lose proposals on the last day to an outage.
RATELIMIT_FAIL_OPEN = True
# memcached in production (CACHE_URL): a server that is down or hangs costs a request at most half a second,
# then is left alone for 30 s; every read is a miss and every write is skipped meanwhile (tests/trust/test_faults.py).
MEMCACHED_OPTIONS = {"ignore_exc": True, "connect_timeout": 0.5, "timeout": 0.5, "retry_attempts": 1,
                     "dead_timeout": 30}

# Anonymous visitors' pages come from the cache until the public content changes (botevgrad/page_cache.py);
# 0 turns the page cache off. The time only bounds how long an unvisited page takes space.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=24 * 60 * 60)
# memcached keeps items of up to 1 MB; bigger pages are made afresh each time.
PAGE_CACHE_MAX_BYTES = 1_000_000 - 10_000
# The moments at which public pages change by themselves, with no write to the database.
PAGE_CACHE_TIMED_FIELDS = {
    "consultations.Consultation": ("opens_at", "closes_at"),
    "consultations.EvaluationPeriod": ("opens_at", "closes_at"),
    "surveys.SurveyPage": ("closes_at",),
}

# The visitor's address for rate limits: REMOTE_ADDR, or the address a trusted proxy reports.
RATELIMIT_IP_META_KEY = "botevgrad.client_address.client_address"
# Addresses or networks (CIDR) of the reverse proxies in front of the app, e.g. "172.18.0.0/16":
# only requests that arrive from them may name the visitor's address in X-Forwarded-For.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
for _proxy in TRUSTED_PROXIES:
    ipaddress.ip_network(_proxy, strict=False)  # a typo stops the start-up, not every request later

# Proposals one address may send to consultations per hour (django-ratelimit's syntax).
SUBMISSION_RATE_LIMIT = env("SUBMISSION_RATE_LIMIT", default="20/h")
# Confirmation e-mails the public form may send to one address per hour: the form must not become a
# way to mail the municipality's name to anyone, and a person rarely sends more proposals than this.
CONFIRMATION_EMAIL_RATE_LIMIT = env("CONFIRMATION_EMAIL_RATE_LIMIT", default="5/h")
# A person needs longer than this to read the form and write one sentence; scripts do not.
SUBMISSION_MINIMUM_FILL_SECONDS = 3
# A period's evaluation results (and each group's) are public from this many confirmed evaluations: fewer
# would let readers guess who gave which score (consultations/evaluation_results.py).
EVALUATION_RESULTS_THRESHOLD = env.int("EVALUATION_RESULTS_THRESHOLD", default=5)

# Subscriptions to e-mail alerts one address may ask for per hour, and confirmation e-mails the alerts
# form may send to one mailbox per hour (alerts/views.py): a person subscribes to a topic or two.
ALERT_SUBSCRIPTION_RATE_LIMIT = env("ALERT_SUBSCRIPTION_RATE_LIMIT", default="10/h")
ALERT_CONFIRMATION_EMAIL_RATE_LIMIT = env("ALERT_CONFIRMATION_EMAIL_RATE_LIMIT", default="3/h")

# The public API (site/api.py): at most this many items per request. Its absolute links take the
# address of the Wagtail site record (set_site_address), so WAGTAILAPI_BASE_URL stays unset.
WAGTAILAPI_LIMIT_MAX = 100

DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Община Ботевград <noreply@botevgrad.bg>")

# A TrueType font with Cyrillic letters for PDF reports (Debian: fonts-dejavu-core).
REPORT_PDF_FONT = env("REPORT_PDF_FONT", default="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
REPORT_PDF_BOLD_FONT = env("REPORT_PDF_BOLD_FONT", default="/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

# --- The Wagtail admin in Bulgarian (tests/site/test_admin_language.py keeps it so) ---
# Dates as Bulgarians write them, in listings (Django's formats, site/formats/bg/formats.py)
# and in the admin's date pickers, whose values the formats module's *_INPUT_FORMATS parse.
FORMAT_MODULE_PATH = ["botevgrad.formats"]
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# Gravatar is unreachable from the town hall's network: show Wagtail's default avatar instead
# of a broken image.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# What a page may load and run (site/content_security.py); the admin's looser policy is chosen there.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": PUBLIC_POLICY}
# Browser features no page of the site uses, denied to it and to anything it embeds. Only features
# Chromium knows: an unknown one is an error in every visitor's console (tests/browser/test_content_security.py).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation", "gyroscope", "hid",
        "idle-detection", "magnetometer", "microphone", "midi", "payment", "serial", "usb", "xr-spatial-tracking",
    )
}

# Slugs are Latin (home/slugs.py transliterates Bulgarian): ASCII-only in the editor and the copy form too.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# The admin's dashboard would ask releases.wagtail.org for news on every visit: an outside request
# from the town hall's editors' browsers, and an error in their console when it is blocked.
WAGTAIL_ENABLE_UPDATE_CHECK = False
