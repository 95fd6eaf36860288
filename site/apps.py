from django.apps import AppConfig


class BotevgradConfig(AppConfig):
    name = "botevgrad"

    def ready(self):
        from . import content_changes

        content_changes.connect()
