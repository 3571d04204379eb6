"""A text box saved unchanged stores the same text: the browser's CRLF line breaks are stored as
the "\\n" they were shown from, so saving changes nothing and the audit trail stays true."""

import pytest
from django import forms

from tests.forms.test_date_inputs_show_iso_dates import fields_of


def text_boxes() -> list:
    return fields_of(forms.CharField, forms.Textarea)


def test_the_app_has_text_boxes_to_check():
    names = {param.values[:2] for param in text_boxes()}
    assert {
        ("PackForm", "going_well"),
        ("ResultForm", "commentary"),
        ("ResultForm", "corrective_action"),
        ("ActionUpdateForm", "commentary"),
    } <= names


@pytest.mark.parametrize(("form", "name", "field"), text_boxes())
def test_a_text_box_stores_line_breaks_as_shown(form, name, field):
    sent = {name: "Long-term sickness in two depots.\r\nShort-term absence is down.\r\n"}
    value = field.widget.value_from_datadict(sent, {}, name)
    assert field.clean(value) == "Long-term sickness in two depots.\nShort-term absence is down."
