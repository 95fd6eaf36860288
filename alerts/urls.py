"""Public URLs of e-mail alerts: the subscription form, the confirmation and unsubscribe links from e-mails."""

from django.urls import path

from . import views
from .tokens import subscription_confirmation

app_name = "alerts"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("potvardi/<str:token>/", subscription_confirmation.view, name="confirm"),
    path("otpisvane/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
