"""Existing rows are brought in line with the rules that 0005 makes constraints."""

from django.db import migrations, models


def bring_existing_rows_in_line(apps, schema_editor):
    """Existing data meets the new rules before they become constraints."""
    Consultation = apps.get_model("consultations", "Consultation")
    Submission = apps.get_model("consultations", "Submission")
    # Nobody asked these participants about e-mail notices: they get none.
    Submission.objects.update(notify=False)
    # Entered by editors but left "unconfirmed" by the old admin form: they count from entry.
    Submission.objects.exclude(channel="online").filter(status="unconfirmed").update(status="pending")
    # A live policy page showed its consultation before this field existed; the next publish corrects it.
    Consultation.objects.filter(policy_page__live=True).update(shown_on_page=True)
    # A справка published before its consultation closed is withdrawn until it closes.
    Consultation.objects.filter(report_published_at__lt=models.F("closes_at")).update(report_published_at=None)


class Migration(migrations.Migration):

    dependencies = [("consultations", "0003_shown_on_page_and_notify")]

    operations = [migrations.RunPython(bring_existing_rows_in_line, migrations.RunPython.noop)]
