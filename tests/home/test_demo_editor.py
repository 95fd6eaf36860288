"""`make run` prints an editor login that works, the same one every time."""

import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command


@pytest.fixture
def credentials_dir(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    return tmp_path


def run_command():
    out = io.StringIO()
    call_command("ensure_demo_editor", stdout=out)
    return out.getvalue().split("парола: ")[1].strip()


@pytest.mark.django_db
def test_printed_password_signs_in_and_stays_the_same(credentials_dir):
    password = run_command()
    assert authenticate(username="redaktor", password=password).is_superuser
    assert run_command() == password
    assert (credentials_dir / "var" / "demo-editor.txt").stat().st_mode & 0o777 == 0o600


@pytest.mark.django_db
def test_lost_credentials_file_gets_a_new_working_password(credentials_dir):
    run_command()
    (credentials_dir / "var" / "demo-editor.txt").unlink()
    password = run_command()
    assert authenticate(username="redaktor", password=password) is not None
