"""Erase a participant on request from the shell, as the admin's "Изтриване на лични данни" screen does."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from consultations.erasure import erase
from consultations.erasure_views import erased_message


class Command(BaseCommand):
    help = ("Изтрива личните данни на участник по адреса му: от предложенията, оценките, абонаментите за известия "
            "и опашката с писма (искане по чл. 17 от Общия регламент относно защитата на данните).")

    def add_arguments(self, parser):
        parser.add_argument("email", help="адресът на електронна поща")

    def handle(self, *args, email, **options):
        try:
            validate_email(email.strip())
        except ValidationError as error:
            raise CommandError(f"Невалиден адрес: {email}") from error
        found = erase(email, user=None)
        self.stdout.write(str(erased_message(found)) if found else "За този адрес няма лични данни.")
