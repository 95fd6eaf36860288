"""Consultations belong to policy pages by a foreign key; the 14-day net allows the spring clock change; registry numbers."""

import datetime
import django.db.models.deletion
import django.db.models.expressions
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('consultations', '0005_channel_and_report_constraints'),
        ('policy_pages', '0002_alter_policypage_body'),
        ('wagtaildocs', '0014_alter_document_file_size'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='consultation',
            name='consultation_period_at_least_14_days',
        ),
        migrations.AlterField(
            model_name='consultation',
            name='policy_page',
            field=models.ForeignKey(help_text='Страницата, на която е публикуван проектът.', on_delete=django.db.models.deletion.PROTECT, related_name='consultations', to='policy_pages.policypage', verbose_name='Страница на политиката'),
        ),
        migrations.AddConstraint(
            model_name='consultation',
            constraint=models.CheckConstraint(condition=models.Q(('closes_at__gte', django.db.models.expressions.CombinedExpression(django.db.models.expressions.CombinedExpression(models.F('opens_at'), '+', models.Value(datetime.timedelta(days=14))), '-', models.Value(datetime.timedelta(seconds=3600))))), name='consultation_period_at_least_14_days', violation_error_message='Срокът не може да е по-кратък от 14 дни (чл. 26, ал. 4 ЗНА).'),
        ),
        migrations.AddConstraint(
            model_name='submission',
            constraint=models.CheckConstraint(condition=models.Q(('channel', 'online'), models.Q(('registry_number', ''), _negated=True), _connector='OR'), name='submission_registry_number_unless_online', violation_error_message='Въведете входящия номер на документа.'),
        ),
    ]
