"""Forms for entering, checking and signing off returns.

The forms hold no rules of their own: the RAG comes from ``services.result_rating`` (the one
RAG engine) and completeness from ``services.entry_problems`` (the pure rules in
``scorecard.rules.returns``), the same checks the services and the Excel return make.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from scorecard.models import Measure, ReportingPeriod
from scorecard.rules.plausibility import implausible_actual
from scorecard.rules.rag import RagMethod, Status
from scorecard.rules.units import as_entered, format_value
from scorecard.widgets import DateInput, Textarea

from .services import (
    CONFIRM_FIELD,
    default_method,
    entry_problems,
    is_ratio,
    judgement_rule_rating,
    ratio_actual,
    result_rating,
    target_of,
)

RAG_CHOICES = [("", "Not set")] + [
    (s.value, s.word) for s in (Status.GREEN, Status.AMBER, Status.RED)
]
RISK_CHOICES = [("", "Not assessed")] + [(n, str(n)) for n in range(1, 6)]

# The buttons of a return form, as the name="action" value each sends.
CHECK, COPY, DRAFT, SUBMIT = "check", "copy", "draft", "submit"


def _text(rows: int) -> forms.Textarea:
    return Textarea(attrs={"rows": rows, "cols": 60})


class ReturnForm(forms.Form):
    """What the return form of every kind of item has: its version, a correction's reason, and
    the checks and messages the pages share. A kind's form adds its fields and takes ``item=``
    (``ItemKind.form`` in ``scorecard.kinds``)."""

    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    reason = forms.CharField(
        required=False,
        label="Reason for the correction",
        help_text="The period is not open: the audit trail keeps why its return was changed.",
        widget=_text(2),
    )

    def __init__(
        self,
        *args,
        period: ReportingPeriod,
        submitting: bool = False,
        correcting: bool = False,
        copied: bool = False,
        row: Any = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.period, self.submitting = period, submitting
        self.copied = copied  # the earlier commentary was copied in: the page says so
        self.row = row
        self.conflict = None
        self.rating = None
        if not correcting:
            del self.fields["reason"]

    def values(self) -> dict[str, Any]:
        """The return's fields as entered (not version or reason)."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in ("version", "reason")
        }

    @property
    def row_label(self) -> str:
        """The row's code, for errors listed at the top of a page of many rows (prefixed forms)."""
        return self.row.item.code if self.row is not None and self.prefix else ""

    def filled(self) -> bool:
        """Whether the officer has given this row a value: only those are submitted."""
        data = {name: self[name].value() for name in self.fields}
        entered = ("actual", "numerator", "denominator", "officer_rag", "rag")
        return any(data.get(name) not in (None, "") for name in entered)

    def submit_when_filled(self) -> bool:
        """On a page of many rows, submit this one only if the officer gave it a value."""
        self.submitting = self.filled()
        return self.submitting

    def show_conflict(self, conflict: Any) -> None:
        """Someone saved first: say so, and let the officer save again over the latest version,
        having seen what changed."""
        self.add_error(None, str(conflict))
        self.conflict = conflict
        current = conflict.current
        data = self.data.copy()
        data[self.add_prefix("version")] = current.version if current is not None else 0
        self.data = data

    def add_problems(self, problems: dict[str, str]) -> None:
        """Put the rules' problems beside their fields (or at the top), one per field."""
        for name, message in problems.items():
            target = name if name in self.fields else None
            if target is None or target not in self.errors:
                self.add_error(target, message[:1].upper() + message[1:] + ".")


class ResultForm(ReturnForm):
    actual = forms.DecimalField(required=False, max_digits=18, decimal_places=4)
    # A ratio measure's two parts, shown instead of the actual, which is worked out from them.
    numerator = forms.DecimalField(required=False, max_digits=18, decimal_places=4)
    denominator = forms.DecimalField(required=False, max_digits=18, decimal_places=4)
    forecast = forms.DecimalField(
        required=False,
        max_digits=18,
        decimal_places=4,
        label="Year-end forecast (optional)",
        help_text="Where you expect the measure to end the year, in the same unit as the actual.",
    )
    officer_rag = forms.ChoiceField(
        required=False,
        choices=RAG_CHOICES,
        label="RAG",
        help_text="This measure is rated by your judgement: choose Green, Amber or Red.",
    )
    commentary = forms.CharField(
        required=False,
        widget=_text(4),
        help_text="What the figure shows and why; required when you judge it Amber or Red.",
    )
    corrective_action = forms.CharField(
        required=False,
        widget=_text(3),
        help_text="What is being done to bring it back on target; required when it is Red.",
    )
    # Ticked, the words stay on the council's own pages but never reach the public pages or
    # open data (issue 14): they may name people or contracts residents should not read.
    commentary_internal = forms.BooleanField(
        required=False, label="Internal: keep the commentary off the public pages"
    )
    corrective_action_internal = forms.BooleanField(
        required=False, label="Internal: keep the corrective action off the public pages"
    )
    judgement_reason = forms.CharField(
        required=False,
        widget=_text(3),
        label="Why your RAG differs from the target and tolerance",
        help_text="Needed when your RAG is not what the target and tolerance give.",
    )
    risk_likelihood = forms.TypedChoiceField(
        required=False,
        choices=RISK_CHOICES,
        coerce=int,
        empty_value=None,
        label="Likelihood of missing the target",
        help_text="1 (rare) to 5 (almost certain).",
    )
    risk_impact = forms.TypedChoiceField(
        required=False,
        choices=RISK_CHOICES,
        coerce=int,
        empty_value=None,
        label="Impact of missing the target",
        help_text="1 (negligible) to 5 (severe).",
    )
    # Shown only beside an implausible actual (asks_confirmation): ticked, the value is saved.
    confirm_actual = forms.BooleanField(required=False, label="Yes, this value is right")

    field_order = [
        "actual",
        "numerator",
        "denominator",
        CONFIRM_FIELD,
        "forecast",
        "officer_rag",
        "commentary",
        "commentary_internal",
        "corrective_action",
        "corrective_action_internal",
        "judgement_reason",
        "risk_likelihood",
        "risk_impact",
        "reason",
        "version",
    ]

    def __init__(
        self,
        *args,
        item: Measure,
        compact: bool = False,
        default: str | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.measure = measure = item
        self.default = default or default_method()
        self.method = measure.effective_rag_method(self.default)
        if self.method is not RagMethod.JUDGEMENT:
            del self.fields["officer_rag"], self.fields["judgement_reason"]
        self.rule_rating = None  # what the target and tolerance give a judgement measure
        self.asks_confirmation = False
        self.is_ratio = is_ratio(measure)
        if self.is_ratio:
            del self.fields["actual"], self.fields[CONFIRM_FIELD]
            self.fields["numerator"].help_text = _ratio_hint(measure)
        else:
            del self.fields["numerator"], self.fields["denominator"]
            self.fields["actual"].help_text = _actual_hint(measure)
        for name in ("actual", "numerator", "denominator", "forecast"):
            if self.initial.get(name) is not None:
                self.initial[name] = as_entered(self.initial[name], measure.decimal_places)
        if compact:
            # Left out of the update-all table: a stored forecast is kept as it is.
            del self.fields["risk_likelihood"], self.fields["risk_impact"], self.fields["forecast"]
            _compact(self, keep_hint="numerator" if self.is_ratio else "actual")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if {"actual", "numerator", "denominator"} & set(self.errors):
            return data
        ratio_problems = ratio_actual(self.measure, data)
        if ratio_problems:
            self.add_problems(ratio_problems)
            return data
        rating = result_rating(
            measure=self.measure,
            period=self.period,
            actual=data.get("actual"),
            officer_rag=data.get("officer_rag") or "",
            default=self.default,
            forecast=data.get("forecast"),
        )
        self.rating = rating
        status = rating.status if rating.status.is_rated else None
        self.rule_rating = judgement_rule_rating(
            measure=self.measure,
            period=self.period,
            actual=data.get("actual"),
            default=self.default,
        )
        target = target_of(self.measure, self.period)
        self.asks_confirmation = bool(
            implausible_actual(
                data.get("actual"),
                unit=self.measure.unit,
                target=target,
                allows_out_of_range=self.measure.allows_out_of_range,
            )
        )
        self.add_problems(
            entry_problems(
                item=self.measure,
                values=data,
                rating=status,
                submitting=self.submitting,
                default=self.default,
                target=target,
                confirmed=bool(data.get(CONFIRM_FIELD)),
                by_rule=self.rule_rating.status if self.rule_rating else None,
            )
        )
        return data


class ActionUpdateForm(ReturnForm):
    rag = forms.ChoiceField(
        required=False,
        choices=RAG_CHOICES,
        label="RAG",
        help_text="Your judgement of progress: Green, Amber or Red.",
    )
    commentary = forms.CharField(
        required=False,
        widget=_text(4),
        help_text="Progress this period; required when you judge it Amber or Red.",
    )

    field_order = ["rag", "commentary", "reason", "version"]

    def __init__(
        self, *args, item: Any, compact: bool = False, default: str | None = None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.action = item
        if compact:
            _compact(self, keep_hint=None)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        status = Status(data["rag"]) if data.get("rag") else None
        self.add_problems(
            entry_problems(item=self.action, values=data, rating=status, submitting=self.submitting)
        )
        return data


def _compact(form: forms.Form, *, keep_hint: str | None) -> None:
    """One row of the update-all table: short boxes, and only the actual's hint."""
    for name, field in form.fields.items():
        if name != keep_hint:
            field.help_text = ""
        if isinstance(field.widget, forms.Textarea):
            # Real commentary runs to a paragraph or two: room for it without scrolling a box.
            field.widget.attrs.update(rows=5, cols=36)


def _ratio_hint(measure: Measure) -> str:
    times = " × 100" if measure.unit.strip() == "%" else ""
    return (
        f"The value is worked out as numerator ÷ denominator{times}; the denominator cannot be 0."
    )


def _actual_hint(measure: Measure) -> str:
    places = measure.decimal_places
    plural = "" if places == 1 else "s"
    shape = "a whole number" if places == 0 else f"up to {places} decimal place{plural}"
    unit = measure.unit.strip()
    if unit == "%":
        if measure.allows_out_of_range:
            return f"A percentage, {shape}."
        return f"A percentage from 0 to 100, {shape}."
    if unit.lower() in ("", "number"):
        return f"A number, {shape}."
    return f"In {unit}, {shape} (for example {format_value(_example(places), unit, places)})."


def _example(places: int) -> Decimal:
    return Decimal("12.5") if places else Decimal("12")


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label="What should the officer change?",
        widget=_text(3),
        error_messages={"required": "Say what the officer should change."},
    )
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class DecisionForm(forms.Form):
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class PeriodForm(forms.Form):
    """Add a period by its label, with its deadline."""

    label = forms.CharField(
        label="Period", help_text="For example 2009/10 Q3, 2009/10 or Oct 2009.", max_length=40
    )
    deadline = forms.DateField(
        required=False,
        help_text="Returns are due by this date (YYYY-MM-DD). Blank: the council's default.",
        widget=DateInput(),
    )

    def clean_label(self) -> str:
        from scorecard.rules.periods import parse_period

        try:
            self.ref = parse_period(self.cleaned_data["label"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None
        return self.ref.label


class DeadlineForm(forms.Form):
    deadline = forms.DateField(widget=DateInput())


class UnlockForm(forms.Form):
    reason = forms.CharField(
        label="Reason for unlocking",
        widget=_text(2),
        error_messages={"required": "Give a reason for unlocking the period."},
    )


class PublishForm(forms.Form):
    """Publishing a period: a reason is needed only before it is locked (issue 14)."""

    reason = forms.CharField(
        label="Reason for publishing before sign-off",
        help_text="Needed only while the period is not locked; kept in the audit trail.",
        required=False,
        widget=_text(2),
    )


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label="Reason for taking it off the public pages",
        help_text="Kept in the audit trail.",
        widget=_text(2),
        error_messages={"required": "Give a reason for unpublishing the period."},
    )


class RerateForm(forms.Form):
    """The performance team's deliberate re-rating of a signed-off period, with its reason."""

    reason = forms.CharField(
        label="Reason for re-rating",
        help_text="Kept in the audit trail beside every RAG that changes.",
        widget=_text(2),
        error_messages={"required": "Give a reason for re-rating the period."},
    )


class UploadForm(forms.Form):
    period = forms.ModelChoiceField(
        queryset=ReportingPeriod.objects.none(),
        empty_label=None,
        label="Period",
        help_text="The period the return is for.",
    )
    file = forms.FileField(
        label="Completed Excel return (.xlsx)",
        help_text="The workbook you downloaded and filled in, or an improvement-plan table "
        "with a RAG column per quarter.",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def __init__(self, *args, periods, max_bytes: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = periods
        self.max_bytes = max_bytes

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("Upload an Excel workbook (.xlsx).")
        if upload.size > self.max_bytes:
            raise forms.ValidationError(
                f"The file is too large ({upload.size // 1024:,} KB): the most a return may be is "
                f"{self.max_bytes // 1024:,} KB."
            )
        return upload
