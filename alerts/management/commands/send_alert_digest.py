"""Daily: delete unconfirmed alert subscriptions whose link expired, then e-mail each subscriber what is new."""

from django.core.management.base import BaseCommand

from alerts.digest import send_digests
from alerts.models import Subscription
from alerts.tokens import SubscriptionConfirmation


class Command(BaseCommand):
    help = ("Изпраща на всеки потвърден абонат едно писмо с новото от последното му писмо насам и изтрива "
            "непотвърдените абонаменти с изтекла връзка (пускайте веднъж дневно).")

    def handle(self, *args, **options):
        deleted, _ = Subscription.objects.expired_unconfirmed(SubscriptionConfirmation.max_age).delete()
        sent = send_digests()
        self.stdout.write(f"Изтрити непотвърдени абонаменти: {deleted}; изпратени писма: {sent}")
