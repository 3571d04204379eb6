"""A text box saved unchanged stores the same text: the browser's CRLF line breaks are stored as
the "\\n" they were shown from, so saving changes nothing and the audit trail stays true."""

from django import forms

from tests.support.forms import fields_of


def text_boxes() -> list:
    return fields_of(forms.CharField, forms.Textarea)


def test_every_text_box_stores_line_breaks_as_shown():
    found = {param.values[:2]: param.values[2] for param in text_boxes()}
    assert {
        ("PackForm", "going_well"),
        ("ResultForm", "commentary"),
        ("ResultForm", "corrective_action"),
        ("ActionUpdateForm", "commentary"),
    } <= set(found), "the walk over the app's forms missed a text box"
    sent = "Long-term sickness in two depots.\r\nShort-term absence is down.\r\n"
    for (form, name), field in found.items():
        value = field.widget.value_from_datadict({name: sent}, {}, name)
        assert field.clean(value) == (
            "Long-term sickness in two depots.\nShort-term absence is down."
        ), (form, name)
