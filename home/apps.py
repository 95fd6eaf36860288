from django.apps import AppConfig
from django.db import models
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Начало")

    def ready(self):
        self.give_pages_latin_slugs()
        self.take_decimal_commas_in_the_admin()

    @staticmethod
    def take_decimal_commas_in_the_admin():
        """Amounts and indicator values in the admin as Bulgarians write them: 120,5 (and 120.5), shown 2,4 not 2,4000.

        Django's number fields take only a decimal point unless localised; an editor's "120,5" was
        refused with "Въведете число.". Public forms ask for no decimals.
        """
        from wagtail.admin.forms.models import register_form_field_override

        from home.number_fields import PlainDecimalField

        register_form_field_override(models.DecimalField, override={"form_class": PlainDecimalField, "localize": True})

    @staticmethod
    def give_pages_latin_slugs():
        """Latin slugs for every page type of every app, without those apps importing home."""
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.models import Page

        from home.slugs import latin_slug_before_save, page_slug_form_field, set_latin_slug

        # Wagtail makes an empty slug from the title (and checks sibling slugs) at the start of
        # full_clean() and minimal_clean(), which every admin save and every save(clean=True)
        # goes through. It offers no hook there, so ours runs just before its defaults.
        if not getattr(Page._set_core_field_defaults, "sets_latin_slug", False):
            wagtail_defaults = Page._set_core_field_defaults

            def set_core_field_defaults(page):
                set_latin_slug(page)
                wagtail_defaults(page)

            set_core_field_defaults.sets_latin_slug = True
            Page._set_core_field_defaults = set_core_field_defaults

        # The admin form checks sibling slugs before the model is cleaned, so a Cyrillic slug
        # the editor typed is made Latin in the form field, where that check can see it.
        register_form_field_override(models.SlugField, override=page_slug_form_field)
        # save(clean=False) skips the cleaning above.
        pre_save.connect(latin_slug_before_save, dispatch_uid="home.slugs.latin_slug_before_save")
