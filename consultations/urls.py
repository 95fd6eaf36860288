"""Public URLs of consultations that belong to no page: confirming a proposal, and the справка with its downloads."""

from django.urls import path

from . import views

app_name = "consultations"

urlpatterns = [
    path("potvardi/<str:token>/", views.submission_confirmation.view, name="confirm"),
    path("<int:pk>/spravka/", views.consultation_report, name="report"),
    path("<int:pk>/spravka.csv", views.consultation_report_csv, name="report_csv"),
    path("<int:pk>/spravka.pdf", views.consultation_report_pdf, name="report_pdf"),
]
