"""Public URLs of participation that belong to no page: confirming a proposal or an evaluation, the справка."""

from django.urls import path

from . import evaluation_views, views

app_name = "consultations"

urlpatterns = [
    path("potvardi/<str:token>/", views.submission_confirmation.view, name="confirm"),
    path("ocenka/potvardi/<str:token>/", evaluation_views.evaluation_confirmation.view, name="confirm_evaluation"),
    path("<int:pk>/spravka/", views.consultation_report, name="report"),
    path("<int:pk>/spravka.csv", views.consultation_report_csv, name="report_csv"),
    path("<int:pk>/spravka.pdf", views.consultation_report_pdf, name="report_pdf"),
]
