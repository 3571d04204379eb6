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


class Textarea(forms.Textarea):
    """A text box whose line breaks are stored as typed, not as the browser sends them.

    Browsers send a text box's line breaks as CRLF whatever the user typed, so text saved
    unchanged would come back different ("\\r\\n" for "\\n"): a false change in the audit trail,
    a new version, a stale pack. Line breaks are stored as "\\n".
    """

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        if isinstance(value, str):
            return value.replace("\r\n", "\n").replace("\r", "\n")
        return value
