from django import forms

from scorecard.models import Directorate, Objective, Perspective, Plan, ReportingPeriod
from scorecard.widgets import DateInput, Textarea

from .models import ReportPack

COVER_FIELDS = [
    "title",
    "committee",
    "meeting_date",
    "agenda_item",
    "report_by",
    "contact_officer",
    "contact_telephone",
    "period",
]
SCOPE_FIELDS = ["objectives", "directorates", "perspectives", "plans"]
NARRATIVE_FIELDS = [
    "going_well",
    "requires_attention",
    "being_done",
    "needs_to_develop",
    "recommendation",
]
ANNEX_FIELDS = [
    "include_scorecard",
    "include_improvement_plan",
    "include_exceptions",
    "include_action_plans",
    "include_benchmarking",
    "include_risk_matrix",
    "include_measure_pages",
    "include_provisional",
]


class PackForm(forms.ModelForm):
    """The pack's cover, scope, annexes and (once created) narrative."""

    class Meta:
        model = ReportPack
        fields = [*COVER_FIELDS, *SCOPE_FIELDS, *ANNEX_FIELDS, *NARRATIVE_FIELDS]
        widgets = {
            "meeting_date": DateInput,
            **dict.fromkeys(SCOPE_FIELDS, forms.CheckboxSelectMultiple),
            **{name: Textarea(attrs={"rows": 6}) for name in NARRATIVE_FIELDS},
        }
        help_texts = {
            "objectives": "Leave all unticked to cover everything.",
            # How reporting/narrative.py reads the text: said once, on the first box.
            "going_well": "A blank line starts a new numbered paragraph; a line starting "
            "with “- ” is an item of a list.",
        }

    def __init__(self, *args, creating: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = ReportingPeriod.objects.exclude(kind="month").order_by(
            "-start"
        )
        self.fields["objectives"].queryset = Objective.objects.filter(parent=None).order_by("code")
        self.fields["directorates"].queryset = Directorate.objects.all()
        self.fields["perspectives"].queryset = Perspective.objects.all()
        self.fields["plans"].queryset = Plan.objects.all()
        if creating:
            # The narrative is drafted from the period's facts once the pack exists.
            for name in NARRATIVE_FIELDS:
                del self.fields[name]

    def values(self) -> dict:
        """What the user set, for the services: a field left out of the request keeps what is
        stored (or its default), as `ModelForm.save` would."""
        values = {}
        for name, value in self.cleaned_data.items():
            field = self.fields[name]
            omitted = field.widget.value_omitted_from_data(
                self.data, self.files, self.add_prefix(name)
            )
            if (
                omitted
                and value in field.empty_values
                and ReportPack._meta.get_field(name).has_default()
            ):
                continue
            values[name] = value
        return values

    def fieldsets(self):
        groups = [
            ("Cover", COVER_FIELDS),
            ("Scope", SCOPE_FIELDS),
            ("Annexes", ANNEX_FIELDS),
            ("Narrative", NARRATIVE_FIELDS),
        ]
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in groups
        ]
