"""Database constraints whose validation error belongs next to one field of a form, not at the top of it."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import router


class ConstraintErrorsAtFields:
    """Mix into a model (before `models.Model`) to put each named constraint's message at a field.

    Django reports a violated check or multi-column unique constraint as an error of the whole form.
    A model that lists `constraint_error_fields = {"constraint name": "field name"}` has that message
    shown at the field in every ModelForm, public or admin, so no form keeps its own copy of the rule.
    The field must be one the constraint reads: Django skips a constraint when a form leaves out a
    field it reads, so the field is then always in the form.
    """

    constraint_error_fields = {}

    def validate_constraints(self, exclude=None):
        using = router.db_for_write(self.__class__, instance=self)
        errors = {}
        for model_class, constraints in self.get_constraints():
            for constraint in constraints:
                try:
                    constraint.validate(model_class, self, exclude=exclude, using=using)
                except ValidationError as error:
                    errors.setdefault(self.constraint_error_fields.get(constraint.name, NON_FIELD_ERRORS), []).append(error)
        if errors:
            raise ValidationError(errors)

    @classmethod
    def constraint_error(cls, name):
        """The error a form shows when the database itself refused a row for constraint `name` (a race)."""
        constraint = next(c for c in cls._meta.constraints if c.name == name)
        return ValidationError({cls.constraint_error_fields[name]: constraint.get_violation_error_message()})
