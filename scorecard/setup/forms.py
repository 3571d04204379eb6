"""The set-up pages' forms. They only read and convert what was typed: the rules are checked by
``scorecard.setup.services`` (and the model's own validation), whose errors come back onto the
field they name."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model

from scorecard.admin_mixins import REASON_FIELD
from scorecard.models import (
    ComparatorArea,
    ComparatorGroup,
    CouncilSettings,
    Directorate,
    Measure,
    Objective,
    Perspective,
    Plan,
    ReportingPeriod,
    Role,
    Service,
)
from scorecard.returns.audit import as_text
from scorecard.rules.units import as_entered

from .services import TargetRow

User = get_user_model()


class FingerprintMixin(forms.Form):
    """Carries the row's fingerprint as loaded, so a save over someone else's is refused."""

    loaded = forms.CharField(widget=forms.HiddenInput, required=False)


class PlanForm(FingerprintMixin, forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["code", "title", "period", "vision"]
        widgets = {"vision": forms.Textarea(attrs={"rows": 4})}


class ObjectiveForm(FingerprintMixin, forms.ModelForm):
    class Meta:
        model = Objective
        fields = ["code", "title", "plan", "parent", "directorate", "lead_officer", "lead_user"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}


class DirectorateForm(FingerprintMixin, forms.ModelForm):
    class Meta:
        model = Directorate
        fields = ["name", "code"]


class ServiceForm(FingerprintMixin, forms.ModelForm):
    class Meta:
        model = Service
        fields = ["name", "directorate", "cost_indicator"]


class ComparatorAreaForm(FingerprintMixin, forms.ModelForm):
    class Meta:
        model = ComparatorArea
        fields = ["name", "code"]


class ComparatorGroupForm(FingerprintMixin, forms.ModelForm):
    """A comparator group "edited in the browser" (issue 11), beside the file import."""

    class Meta:
        model = ComparatorGroup
        fields = ["name", "members"]
        widgets = {"members": forms.CheckboxSelectMultiple}


class PerspectiveForm(FingerprintMixin, forms.ModelForm):
    class Meta:
        model = Perspective
        fields = ["name", "order"]


class CouncilSettingsForm(FingerprintMixin, forms.ModelForm):
    class Meta:
        model = CouncilSettings
        fields = [
            "council_name",
            "default_rag_method",
            "deadline_days",
            "overall_green_from",
            "overall_amber_from",
            "segregation_of_duties",
        ]


MEASURE_GROUPS = [
    ("What it is", ["code", "title", "definition", "family", "objectives", "perspective"]),
    (
        "How it is measured",
        [
            "measure_type",
            "polarity",
            "unit",
            "decimal_places",
            "allows_out_of_range",
            "frequency",
            "cumulative",
            "aggregation",
            "baseline",
            "baseline_period",
        ],
    ),
    (
        "How it is rated",
        ["rag_method", "tolerance_amount", "tolerance_is_percent", "target_profile"],
    ),
    ("Who answers for it", ["directorate", "service", "lead_officer", "lead_user", "updaters"]),
    ("Calculated from other measures", ["formula"]),
    ("Publication and data quality", ["published", "data_quality"]),
]
MEASURE_FIELDS = [name for _legend, names in MEASURE_GROUPS for name in names]
MEASURE_RELATED = ("objectives", "updaters")


class MeasureForm(FingerprintMixin, forms.ModelForm):
    reason_for_change = forms.CharField(
        required=False,
        label="Reason for change",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Required when you change the RAG method, polarity, tolerance, profile or "
        "targets of a measure; kept in its audit trail with your name.",
    )
    target_profile_shares = forms.CharField(
        required=False,
        label="Seasonal profile percentages",
        help_text="For a seasonal profile: each quarter's (or month's) share of the year, "
        "separated by commas, e.g. 10, 20, 30, 40.",
    )

    class Meta:
        model = Measure
        fields = MEASURE_FIELDS
        widgets = {
            "definition": forms.Textarea(attrs={"rows": 3}),
            "data_quality": forms.Textarea(attrs={"rows": 3}),
            "formula": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        shares = self.instance.target_profile_shares or []
        self.initial.setdefault("target_profile_shares", ", ".join(str(s) for s in shares))
        self.fields["measure_type"].required = False
        # Stored figures keep four places: show them as typed ("2.5", not "2.5000").
        for name in ("tolerance_amount", "baseline"):
            value = getattr(self.instance, name)
            if value is not None:
                self.initial[name] = as_text(value)

    def clean_target_profile_shares(self) -> list[str]:
        text = self.cleaned_data.get("target_profile_shares") or ""
        return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]

    def values(self) -> dict:
        data = self.cleaned_data
        values = {n: data[n] for n in MEASURE_FIELDS if n not in MEASURE_RELATED and n in data}
        values["measure_type"] = values.get("measure_type") or self.instance.measure_type
        values["target_profile_shares"] = data.get("target_profile_shares", [])
        return values

    def related(self) -> dict:
        return {n: self.cleaned_data[n] for n in MEASURE_RELATED}

    @property
    def reason(self) -> str:
        return self.cleaned_data.get(REASON_FIELD, "")


class TargetForm(forms.Form):
    """One period's target: its value, and the range's bounds for a range measure."""

    period = forms.ModelChoiceField(ReportingPeriod.objects.order_by("-start", "end"))
    value = forms.DecimalField(
        label="Target",
        max_digits=18,
        decimal_places=4,
        required=False,
        help_text="For a range measure, blank: the middle of the range.",
    )
    lower = forms.DecimalField(required=False, max_digits=18, decimal_places=4)
    upper = forms.DecimalField(required=False, max_digits=18, decimal_places=4)


class BaseTargetFormSet(forms.BaseFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every row offers the same periods: read them once, not once per row.
        choices = None
        for form in self.forms:
            field = form.fields["period"]
            choices = choices if choices is not None else list(field.choices)
            field.choices = choices

    def clean(self) -> None:
        seen = set()
        for form in self.forms:
            period = getattr(form, "cleaned_data", {}).get("period")
            if period is not None and not form.cleaned_data.get("DELETE"):
                if period in seen:
                    raise forms.ValidationError(f"{period.label} has two targets: give one.")
                seen.add(period)

    def rows(self, stored_periods: set[int]) -> list[TargetRow]:
        """The targets as typed, and a deletion for each stored one taken off the form."""
        rows, kept = [], set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data.get("period"):
                continue
            kept.add(data["period"].pk)
            rows.append(
                TargetRow(
                    period=data["period"],
                    value=data.get("value"),
                    lower=data.get("lower"),
                    upper=data.get("upper"),
                    delete=bool(data.get("DELETE")),
                )
            )
        for period in ReportingPeriod.objects.filter(pk__in=stored_periods - kept):
            rows.append(TargetRow(period=period, value=None, delete=True))
        return rows


TargetFormSet = forms.formset_factory(
    TargetForm, formset=BaseTargetFormSet, extra=2, can_delete=True
)


def target_initial(measure: Measure) -> list[dict]:
    """The measure's stored targets as the form shows them, at its decimal places."""
    if measure.pk is None:
        return []
    places = measure.decimal_places
    return [
        {
            "period": t.period,
            "value": as_entered(t.value, places),
            "lower": as_entered(t.lower, places) if t.lower is not None else None,
            "upper": as_entered(t.upper, places) if t.upper is not None else None,
        }
        for t in measure.targets.select_related("period")
    ]


ROLE_CHOICES = [(r.value, r.label) for r in Role]


class UserForm(FingerprintMixin, forms.Form):
    """An officer's account: name, email, roles and directorate."""

    email = forms.EmailField(help_text="The invitation and reminders go to this address.")
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    job_title = forms.CharField(max_length=200, required=False)
    directorate = forms.ModelChoiceField(Directorate.objects.all(), required=False)
    roles = forms.MultipleChoiceField(
        choices=ROLE_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Why the roles change; kept in the audit trail.",
    )
