"""Indicator values in templates, written as the charts write them."""

from django import template

from ..charts import quantity as format_quantity

register = template.Library()


@register.filter
def quantity(value, unit=""):
    """`{{ value|quantity:indicator.unit }}`: 1 234,5 %, never 1234.5000."""
    return "" if value is None else format_quantity(value, unit)
