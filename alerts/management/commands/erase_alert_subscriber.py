"""Erase an address from e-mail alerts when its owner asks the municipality rather than using the link."""

from django.core.management.base import BaseCommand

from alerts.models import Subscription, normalise_email


class Command(BaseCommand):
    help = "Изтрива всички абонаменти за известия на даден адрес (искане за изтриване на лични данни)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="адресът на електронна поща")

    def handle(self, *args, email, **options):
        deleted, _ = Subscription.objects.filter(email__iexact=normalise_email(email)).delete()
        self.stdout.write(f"Изтрити абонаменти: {deleted}")
