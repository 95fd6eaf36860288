"""Make sure the demo site has an editor account, and print how to sign in."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "redaktor"


class Command(BaseCommand):
    help = "Създава акаунт на редактор за демонстрационния сайт и отпечатва данните за вход."

    def handle(self, *args, **options):
        credentials_file = Path(settings.BASE_DIR) / "var" / "demo-editor.txt"
        user = get_user_model().objects.filter(username=USERNAME).first()
        password = credentials_file.read_text().strip() if credentials_file.exists() else ""
        if user is None or not password or not user.check_password(password):
            password = secrets.token_urlsafe(12)
            if user is None:
                user = get_user_model().objects.create_superuser(USERNAME, "redaktor@example.bg", password)
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            credentials_file.parent.mkdir(parents=True, exist_ok=True)
            credentials_file.write_text(password + "\n")
            credentials_file.chmod(0o600)
        self.stdout.write(
            f"Вход за редактори: {settings.WAGTAILADMIN_BASE_URL}/admin/  "
            f"потребител: {USERNAME}  парола: {password}"
        )
