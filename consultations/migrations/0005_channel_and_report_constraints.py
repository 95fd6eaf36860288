from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("consultations", "0004_existing_rows_meet_new_rules")]

    operations = [
        migrations.AddConstraint(
            model_name='consultation',
            constraint=models.CheckConstraint(condition=models.Q(('report_published_at__isnull', True), ('report_published_at__gte', models.F('closes_at')), _connector='OR'), name='consultation_report_after_closing', violation_error_message='Справката се публикува след края на консултацията.'),
        ),
        migrations.AddConstraint(
            model_name='submission',
            constraint=models.CheckConstraint(condition=models.Q(('channel', 'online'), models.Q(('status', 'unconfirmed'), _negated=True), _connector='OR'), name='submission_only_online_unconfirmed', violation_error_message='Предложение, получено по друг канал, се отчита от момента на въвеждането: изберете статус „Чака преглед“, „Одобрено“ или „Скрито“.'),
        ),
    ]
