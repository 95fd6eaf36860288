"""Which page types may be created where: the shape of the site tree."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from consultations.models import ConsultationIndexPage
from decisions.models import DecisionIndexPage, DecisionPage
from home.models import HomePage, StandardPage
from policy_pages.models import PolicyIndexPage, PolicyPage
from reports.models import MonitoringReportPage, ReportIndexPage
from surveys.models import SurveyPage


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_holds_the_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {PolicyIndexPage, ConsultationIndexPage, DecisionIndexPage, ReportIndexPage, SurveyPage, StandardPage},
        )

    def test_surveys_live_under_the_home_page_and_hold_nothing(self):
        self.assertAllowedParentPageTypes(SurveyPage, {HomePage})
        self.assertAllowedSubpageTypes(SurveyPage, set())

    def test_reports_live_only_in_the_reports_index(self):
        self.assertAllowedParentPageTypes(MonitoringReportPage, {ReportIndexPage})
        self.assertAllowedSubpageTypes(ReportIndexPage, {MonitoringReportPage})
        self.assertAllowedSubpageTypes(MonitoringReportPage, set())

    def test_policies_live_only_in_the_policy_index(self):
        self.assertAllowedParentPageTypes(PolicyPage, {PolicyIndexPage})
        self.assertAllowedSubpageTypes(PolicyIndexPage, {PolicyPage})
        self.assertAllowedSubpageTypes(PolicyPage, set())

    def test_decisions_live_only_in_the_decision_index(self):
        self.assertAllowedParentPageTypes(DecisionPage, {DecisionIndexPage})
        self.assertAllowedSubpageTypes(DecisionIndexPage, {DecisionPage})
        self.assertAllowedSubpageTypes(DecisionPage, set())

    def test_standard_pages_nest_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_only_one_home_page_can_exist(self):
        self.assertEqual(HomePage.max_count, 1)
