"""Every form class of the app, and its fields of a kind, as test parameters."""

import importlib

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


def fields_of(kind: type, widget: type = forms.Widget) -> list:
    """Every field of that kind (and widget) in the app's forms, as test parameters."""
    return [
        pytest.param(form.__name__, name, field, id=f"{form.__name__}.{name}")
        for form in app_forms()
        for name, field in form.base_fields.items()
        if isinstance(field, kind) and isinstance(field.widget, widget)
    ]
