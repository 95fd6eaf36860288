"""Public URLs of reports: the справка of each consultation and its downloads."""

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("konsultacii/<int:pk>/spravka/", views.consultation_report, name="consultation_report"),
    path("konsultacii/<int:pk>/spravka.csv", views.consultation_report_csv, name="consultation_report_csv"),
    path("konsultacii/<int:pk>/spravka.pdf", views.consultation_report_pdf, name="consultation_report_pdf"),
]
