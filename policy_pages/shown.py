"""What a policy page shows beside its own fields, each read only when the page's content is made.

The content is remembered for plain visits (site/templatetags/remembered_content.py); a visit that finds it
there needs none of this, so none of it is read before the template asks for it."""

from django.utils.functional import cached_property

from botevgrad.page_cache import remembered_for_page


class PolicyShown:
    def __init__(self, page, request):
        self.page, self.request = page, request

    @cached_property
    def listed(self):
        listed = remembered_for_page(self.request, self.page, "policy-lists", self.page.listed)
        # The stage shown follows the consultations just read (lifecycle.public_stage), with no query of its own.
        self.page.consulting_now = any(consultation.is_open() for consultation in listed["consultations"])
        return listed

    @cached_property
    def stage(self):
        self.listed  # noqa: B018 - reads the consultations, which the stage follows
        return self.page.public_stage

    @cached_property
    def monitoring(self):
        from .monitoring_section import monitoring_section

        return monitoring_section(self.page, self.request)

    @cached_property
    def golden_thread(self):
        from .lifecycle import golden_thread

        return golden_thread(self.page, self.listed["consultations"], self.listed["adopted_by"], self.monitoring,
                             self.page.shown_evaluations())
