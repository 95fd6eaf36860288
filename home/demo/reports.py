"""The demo monitoring report: the administration's text beside live data of the policies."""

from consultations.models import Consultation, EvaluationPeriod
from policy_pages.models import Indicator
from reports.models import MonitoringReportPage, ReportIndexPage

REPORT_TITLE = "Отчет за изпълнението на политиките, 2025 г., второ полугодие"


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def load_reports(home, policies):
    index = ReportIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=ReportIndexPage(
            title="Отчети", slug="otcheti", show_in_menus=True,
            intro="<p>Отчетите на администрацията за изпълнението на политиките, с живи данни от мониторинга.</p>"))
    if MonitoringReportPage.objects.child_of(index).filter(title=REPORT_TITLE).exists():
        return
    education = policies["obrazovanie-i-mladi-hora"]
    waste = policies["okolna-sreda-i-otpadaci"]
    indicator = Indicator.objects.filter(page=education).order_by("sort_order").first()
    period = EvaluationPeriod.objects.filter(policy_page=education).order_by("opens_at").first()
    consultation = Consultation.objects.filter(policy_page=waste, report_published_at__isnull=False).first()
    body = [
        ("heading", {"text": "Основни изводи", "level": "h2"}),
        paragraph("През второто полугодие на 2025 г. мерките за образованието напреднаха според графика; забавен е "
                  "младежкият център, зависещ от обществена поръчка. Жителите оценяват най-ниско прозрачността: "
                  "ще публикуваме графиците и разходите на всяка мярка всеки месец."),
        ("policy_progress", {"policy": education, "heading": ""}),
    ]
    if indicator is not None:
        body += [paragraph("Индикаторът по-долу се обновява при всяко ново измерване."),
                 ("indicator_chart", {"indicator": indicator})]
    if period is not None:
        body += [("evaluation_summary", {"period": period})]
    body += [("policy_progress", {"policy": waste, "heading": "Околна среда и отпадъци"})]
    if consultation is not None:
        body += [paragraph("Програмата за отпадъците беше обсъдена публично; справката показва как са отразени "
                           "предложенията."), ("consultation_summary", {"consultation": consultation})]
    index.add_child(instance=MonitoringReportPage(
        title=REPORT_TITLE, slug="otchet-2025-vtoro-polugodie", period_covered="2025, второ полугодие",
        summary="Как вървят мерките за образованието и отпадъците, какво показват индикаторите и как жителите "
                "оценяват изпълнението.", body=body))
