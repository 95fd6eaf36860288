from django.apps import AppConfig


class BotevgradConfig(AppConfig):
    name = "botevgrad"

    def ready(self):
        from . import remembered

        remembered.connect()
