"""The справка's stored PDF moves to consultations, which owns the справка; its rows and files stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [("reports", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name="storedreportpdf", table="consultations_storedreportpdf"),
            ],
            state_operations=[migrations.DeleteModel(name="StoredReportPdf")],
        ),
    ]
