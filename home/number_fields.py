"""The admin's decimal field: a value shown as it was typed, without the zeros its column pads it with."""

from decimal import Decimal

from django import forms


class PlainDecimalField(forms.DecimalField):
    def prepare_value(self, value):
        if isinstance(value, Decimal):
            from policy_pages.models.indicators import plain_number  # the one rule for dropping padded zeros

            return plain_number(value)
        return value
