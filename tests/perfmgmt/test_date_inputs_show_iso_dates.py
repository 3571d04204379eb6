"""Every date box in the app shows its date as the browser's date picker reads it: 2009-12-15.

In en-GB Django writes 15/12/2009, which an <input type="date"> shows blank and sends back blank.
The test walks every form class of the app, so a new form with a date field is checked too.
"""

import importlib
from datetime import date

import pytest
from django import forms

FORM_MODULES = ["reporting.forms", "scorecard.returns.forms"]


def app_forms() -> list[type[forms.BaseForm]]:
    modules = {importlib.import_module(name).__name__ for name in FORM_MODULES}
    found, todo = [], [forms.BaseForm]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__ in modules:
            found.append(cls)
    return found


def date_fields() -> list:
    return fields_of(forms.DateField)


def fields_of(kind: type, widget: type = forms.Widget) -> list:
    """Every field of that kind (and widget) in the app's forms, as test parameters."""
    return [
        pytest.param(form.__name__, name, field, id=f"{form.__name__}.{name}")
        for form in app_forms()
        for name, field in form.base_fields.items()
        if isinstance(field, kind) and isinstance(field.widget, widget)
    ]


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
