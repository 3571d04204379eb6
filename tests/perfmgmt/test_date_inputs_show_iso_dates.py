"""Every date box in the app shows its date as the browser's date picker reads it: 2009-12-15.

In en-GB Django writes 15/12/2009, which an <input type="date"> shows blank and sends back blank.
The test walks every form class of the app, so a new form with a date field is checked too.
"""

from datetime import date

from django import forms

from tests.support.forms import fields_of


def date_fields() -> list:
    return fields_of(forms.DateField)


def test_every_date_box_shows_its_date_in_iso_form_and_reads_it_back(settings):
    settings.LANGUAGE_CODE = "en-gb"
    found = {param.values[:2]: param.values[2] for param in date_fields()}
    assert {
        ("PackForm", "meeting_date"),
        ("DeadlineForm", "deadline"),
        ("PeriodForm", "deadline"),
    } <= set(found), "the walk over the app's forms missed a date field"
    for (form, name), field in found.items():
        html = field.widget.render(name, date(2009, 12, 15))
        assert 'type="date"' in html, (form, name)
        assert 'value="2009-12-15"' in html, (form, name, html)
        assert field.clean(field.widget.format_value(date(2009, 12, 15))) == date(2009, 12, 15)
