"""Widgets every form shares, so that a form shows what is stored in a shape the browser keeps."""

from django import forms

ISO_DATE = "%Y-%m-%d"


class DateInput(forms.DateInput):
    """A date picker, ``<input type="date">``, with its value written as an ISO date.

    Browsers read and send a date input's value as ``2009-12-15`` only. Django would write it
    in the language's format (``15/12/2009`` in en-GB), which the browser shows blank and sends
    back blank: an unchanged form would lose its date, or be refused as missing one.
    """

    input_type = "date"

    def __init__(self, attrs: dict | None = None, format: str | None = None):
        super().__init__(attrs, format=format or ISO_DATE)
