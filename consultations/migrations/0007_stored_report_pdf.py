"""The справка's stored PDF, moved here from reports: the table (renamed by reports 0002) and its rows stay."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("consultations", "0006_policy_page_type_and_rules_in_constraints"),
        ("reports", "0002_stored_report_pdf_to_consultations"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="StoredReportPdf",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("file", models.FileField(upload_to="spravki/", verbose_name="Файл")),
                        ("built_at", models.DateTimeField(verbose_name="Създаден на")),
                        ("consultation", models.OneToOneField(
                            on_delete=django.db.models.deletion.CASCADE, related_name="stored_report_pdf",
                            to="consultations.consultation", verbose_name="Консултация")),
                    ],
                    options={"verbose_name": "PDF на справка", "verbose_name_plural": "PDF на справки"},
                ),
            ],
        ),
    ]
