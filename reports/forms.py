"""The page of the reports list asked for in the address."""

from django import forms

from search.forms import page_number_field


class ReportsPageForm(forms.Form):
    stranica = page_number_field()
