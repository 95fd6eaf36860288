"""Public URLs of consultations that belong to no page: confirming a proposal from the e-mail."""

from django.urls import path

from . import views

app_name = "consultations"

urlpatterns = [
    path("potvardi/<str:token>/", views.confirm, name="confirm"),
]
