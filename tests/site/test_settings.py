"""Production settings come only from the environment and refuse to start without the required values."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "botevgrad.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-check-only-0123456789abcdef",
    "ALLOWED_HOSTS": "dialozi.botevgrad.bg",
    "DATABASE_URL": "postgres://user:password@127.0.0.1:1/botevgrad",
    "WAGTAILADMIN_BASE_URL": "https://dialozi.botevgrad.bg",
    "CACHE_URL": "pymemcache://127.0.0.1:11211",
}


def run_django(argv, env):
    ignored = {*PRODUCTION_ENV, "ELASTICSEARCH_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean_env = {k: v for k, v in os.environ.items() if k not in ignored}
    return subprocess.run(
        [sys.executable, "manage.py", *argv], env={**clean_env, **env}, capture_output=True, text=True, timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CACHE_URL"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_django(["check"], env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_deploy_check_gives_no_warnings():
    result = run_django(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_site_package_is_importable_under_its_own_name():
    import botevgrad.settings.base as base

    assert base.PROJECT_DIR.name == "site"
    assert base.LANGUAGE_CODE == "bg"
    assert base.TIME_ZONE == "Europe/Sofia"


def test_timeout_in_email_url_reaches_the_mail_backend():
    env = {**PRODUCTION_ENV, "EMAIL_URL": "smtp+tls://user:secret@mail.example.bg:587?timeout=7"}
    script = "from django.core.mail import get_connection; print(type(get_connection()).__name__, get_connection().timeout)"
    result = run_django(["shell", "-c", script], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["EmailBackend", "7"]


def test_mail_timeout_has_a_default_without_one_in_the_url():
    env = {**PRODUCTION_ENV, "EMAIL_URL": "smtp://mail.example.bg:25"}
    result = run_django(["shell", "-c", "from django.core.mail import get_connection; print(get_connection().timeout)"], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "10"


def test_a_typo_in_trusted_proxies_stops_the_start():
    result = run_django(["check"], {**PRODUCTION_ENV, "TRUSTED_PROXIES": "10.0.0.300"})
    assert result.returncode != 0
    assert "10.0.0.300" in result.stderr


def test_production_cache_gives_up_on_a_dead_memcached_quickly():
    """The options tests/trust/test_faults.py proves against a refusing and a hanging server reach production."""
    script = ("from django.conf import settings; from django.core.cache import caches; "
              "o = settings.CACHES['default']['OPTIONS']; "
              "print(type(caches['default']).__name__, o['ignore_exc'], o['timeout'], o['connect_timeout'], "
              "settings.RATELIMIT_FAIL_OPEN)")
    result = run_django(["shell", "-c", script], PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-5:] == ["PersistentPyMemcacheCache", "True", "0.5", "0.5", "True"]
