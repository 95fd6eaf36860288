"""What the site serves at fixed addresses: image renditions, never raw documents; robots.txt, favicon; its own 404."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.site.test_settings import run_django

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_on_disk(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    return tmp_path


def test_image_renditions_are_served_with_long_caching(client, media_on_disk, home):
    image = get_image_model().objects.create(title="Парк", file=get_test_image_file())
    rendition = image.get_rendition("fill-100x100")
    assert rendition.url.startswith("/media/images/")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert "max-age=" in response["Cache-Control"] and "public" in response["Cache-Control"]


def test_paths_outside_the_renditions_are_not_served(client, media_on_disk, home):
    (media_on_disk / "secret.txt").write_text("тайна")
    for path in ["/media/images/../secret.txt", "/media/images/%2e%2e/secret.txt", "/media/secret.txt",
                 "/media/images/"]:
        assert client.get(path).status_code == 404, path


def test_private_document_file_is_only_reachable_through_the_permission_checked_view(client, media_on_disk, home):
    private = Collection.get_first_root_node().add_child(name="Вътрешни")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(
        title="Вътрешна записка", file=ContentFile(b"%PDF-1.4 secret", name="zapiska.pdf"), collection=private)
    assert client.get("/media/" + document.file.name).status_code == 404
    response = client.get(document.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_public_document_is_served_by_wagtails_view(client, media_on_disk, home):
    document = get_document_model().objects.create(title="Наредба", file=ContentFile(b"%PDF-1.4", name="naredba.pdf"))
    assert document.url.startswith("/documents/")
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client.get("/media/" + document.file.name).status_code == 404


def test_robots_txt_points_to_the_sitemap_and_keeps_out_the_admin(client, home):
    response = client.get("/robots.txt", HTTP_HOST="dialozi.botevgrad.bg")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://dialozi.botevgrad.bg/sitemap.xml" in text


def test_favicon_is_an_icon(client, home):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"


def test_missing_page_is_the_sites_own_404(client, home):
    response = client.get("/nyama-takava-stranica/")
    assert response.status_code == 404
    assert "Страницата не е намерена" in response.content.decode()


def test_make_run_settings_show_the_sites_404_unless_debug_is_asked_for():
    script = "from django.conf import settings; print(settings.DEBUG)"
    env = {"DJANGO_SETTINGS_MODULE": "botevgrad.settings.dev", "DATABASE_URL": "sqlite:////tmp/botevgrad-unused.sqlite3"}
    assert run_django(["shell", "-c", script], env).stdout.split()[-1] == "False"
    assert run_django(["shell", "-c", script], {**env, "DEBUG": "1"}).stdout.split()[-1] == "True"


def test_sqlite_is_set_up_for_a_threaded_server_and_a_worker():
    from botevgrad.settings.base import sqlite_for_threads

    options = sqlite_for_threads({"ENGINE": "django.db.backends.sqlite3", "NAME": "x"})["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]
    assert "OPTIONS" not in sqlite_for_threads({"ENGINE": "django.db.backends.postgresql", "NAME": "x"})
