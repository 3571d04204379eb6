"""Set-up pages for the performance team: search, filters and inlines for real set-up work."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group

from scorecard.models import (
    ComparatorArea,
    ComparatorGroup,
    CouncilSettings,
    Directorate,
    Measure,
    Objective,
    OfficerProfile,
    Perspective,
    Plan,
    ReportingPeriod,
    Result,
    Service,
    Target,
)
from scorecard.returns.services import RULE_FIELDS
from scorecard.rules.measure_types import MeasureType, TargetProfile
from scorecard.rules.profiles import check_shares
from scorecard.rules.units import as_entered, format_value
from scorecard.services.targets import profiled_targets_derive
from scorecard.setup.services import formula_refusals

from .admin_mixins import REASON_FIELD, AuditedAdmin, ReadOnlyAdmin, SuperuserOnlyAdmin

User = get_user_model()


def _reason_given(data) -> bool:
    return bool((data.get(REASON_FIELD) or "").strip())


class OfficerProfileInline(admin.StackedInline):
    model = OfficerProfile
    can_delete = False
    autocomplete_fields = ["directorate"]


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(Group)
class RoleAdmin(SuperuserOnlyAdmin, AuditedAdmin, GroupAdmin):
    """Roles and their permissions: superusers only."""


@admin.register(User)
class OfficerAdmin(SuperuserOnlyAdmin, AuditedAdmin, UserAdmin):
    """Officers' accounts: superusers manage them; the performance team may look them up."""

    inlines = [OfficerProfileInline]
    list_display = ["username", "first_name", "last_name", "email", "job_title", "is_active"]
    list_filter = [*UserAdmin.list_filter, "profile__directorate"]
    search_fields = [*UserAdmin.search_fields, "profile__job_title"]
    list_select_related = ["profile"]

    @admin.display(description="Job title", ordering="profile__job_title")
    def job_title(self, user) -> str:
        profile = getattr(user, "profile", None)
        return profile.job_title if profile else ""


@admin.register(CouncilSettings)
class CouncilSettingsAdmin(AuditedAdmin):
    def has_add_permission(self, request) -> bool:
        return not CouncilSettings.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ServiceInline(admin.TabularInline):
    model = Service
    extra = 0


@admin.register(Directorate)
class DirectorateAdmin(AuditedAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    inlines = [ServiceInline]


@admin.register(Service)
class ServiceAdmin(AuditedAdmin):
    list_display = ["name", "directorate"]
    list_filter = ["directorate"]
    search_fields = ["name", "directorate__name"]


@admin.register(Perspective)
class PerspectiveAdmin(AuditedAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]


class ObjectiveInline(admin.TabularInline):
    model = Objective
    fk_name = "plan"
    fields = ["code", "title", "parent", "lead_officer", "order"]
    extra = 0
    show_change_link = True
    autocomplete_fields = ["parent"]


@admin.register(Plan)
class PlanAdmin(AuditedAdmin):
    list_display = ["code", "title", "period"]
    search_fields = ["code", "title", "vision"]
    inlines = [ObjectiveInline]


class MeasureObjectiveInline(admin.TabularInline):
    model = Measure.objectives.through
    extra = 0
    verbose_name = "measure"
    verbose_name_plural = "measures"
    autocomplete_fields = ["measure"]


@admin.register(Objective)
class ObjectiveAdmin(AuditedAdmin):
    list_display = ["code", "title", "plan", "parent", "lead_officer", "directorate"]
    list_filter = ["plan", "directorate"]
    search_fields = ["code", "title", "lead_officer"]
    list_select_related = ["plan", "parent", "directorate"]
    autocomplete_fields = ["parent", "lead_user", "directorate"]
    inlines = [MeasureObjectiveInline]


class TargetFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        """Changing an existing measure's targets needs the reason given on the measure."""
        super().clean()
        changed = any(form.has_changed() for form in self.forms)
        if self.instance.pk and changed and not _reason_given(self.data):
            raise forms.ValidationError(
                "Give a reason for changing the targets, in “Reason for change” above."
            )


class FigureForm(forms.ModelForm):
    """Show a stored figure at its measure's decimal places: 80.0, not 80.0000."""

    figure_field: str

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        value = self.initial.get(self.figure_field)
        measure = getattr(self.instance, "measure", None) if self.instance.measure_id else None
        if value is not None and measure is not None:
            self.initial[self.figure_field] = as_entered(value, measure.decimal_places)


class TargetForm(FigureForm):
    figure_field = "value"


class TargetInline(admin.TabularInline):
    model = Target
    form = TargetForm
    formset = TargetFormSet
    extra = 1
    autocomplete_fields = ["period"]


class MeasureAdminForm(forms.ModelForm):
    reason_for_change = forms.CharField(
        required=False,
        label="Reason for change",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Required when you change the RAG method, tolerance or targets of a measure; "
        "kept in its audit trail with your name.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A form that leaves the profile out (older set-up scripts) keeps the stored one.
        if "target_profile" in self.fields:
            self.fields["target_profile"].required = False

    def clean_target_profile(self):
        return self.cleaned_data.get("target_profile") or self.instance.target_profile

    def clean_target_profile_shares(self):
        shares = self.cleaned_data.get("target_profile_shares")
        return self.instance.target_profile_shares if shares is None else shares

    def clean(self):
        data = super().clean()
        if data.get("target_profile") == TargetProfile.SEASONAL:
            try:
                check_shares(data.get("target_profile_shares") or [])
            except ValueError as error:
                self.add_error("target_profile_shares", f"{error}, as a list: [10, 20, 30, 40]")
        rule_changed = {
            name
            for name in set(self.changed_data) & set(RULE_FIELDS)
            if data.get(name) != self.initial.get(name)
        }
        if self.instance.pk and rule_changed and not _reason_given(data):
            self.add_error(REASON_FIELD, "Give a reason for changing how this measure is rated.")
        return data

    def clean_formula(self) -> str:
        """Refuse a formula as the plan workbook does (``scorecard.rules.formula``)."""
        text = (self.cleaned_data.get("formula") or "").strip().removeprefix("=").strip()
        if not text:
            return ""
        code = (self.data.get("code") or self.instance.code or "").strip()
        problems = formula_refusals(code=code, formula=text)
        if problems:
            raise forms.ValidationError(problems)
        return text

    def save(self, commit=True):
        # A formula makes the measure calculated; clearing it makes the measure entered again.
        if self.cleaned_data.get("formula"):
            self.instance.measure_type = MeasureType.CALCULATED
        elif self.instance.measure_type == MeasureType.CALCULATED:
            self.instance.measure_type = MeasureType.SIMPLE
        return super().save(commit)


@admin.register(Measure)
class MeasureAdmin(AuditedAdmin):
    form = MeasureAdminForm
    # Its rule and targets are audited, with the reason, by measure_rules_record.
    audited_elsewhere = (*RULE_FIELDS, REASON_FIELD, Target)
    list_display = [
        "code",
        "title",
        "family",
        "polarity",
        "unit",
        "frequency",
        "rag_method",
        "directorate",
        "perspective",
        "published",
    ]
    list_filter = [
        "family",
        "frequency",
        "rag_method",
        "polarity",
        "directorate",
        "perspective",
        "published",
        "objectives__plan",
    ]
    search_fields = ["code", "title", "definition", "lead_officer"]
    list_select_related = ["directorate", "perspective"]
    autocomplete_fields = [
        "objectives",
        "updaters",
        "lead_user",
        "directorate",
        "service",
        "baseline_period",
    ]
    inlines = [TargetInline]
    fieldsets = [
        (None, {"fields": ["code", "title", "definition", "family", "objectives", "perspective"]}),
        (
            "How it is measured",
            {
                "fields": [
                    "polarity",
                    "unit",
                    "decimal_places",
                    "allows_out_of_range",
                    "frequency",
                    "cumulative",
                    "baseline",
                    "baseline_period",
                ]
            },
        ),
        (
            "How it is rated",
            {
                "fields": [
                    "rag_method",
                    "tolerance_amount",
                    "tolerance_is_percent",
                    "target_profile",
                    "target_profile_shares",
                    REASON_FIELD,
                ]
            },
        ),
        (
            "Who answers for it",
            {
                "fields": [
                    "directorate",
                    "service",
                    "lead_officer",
                    "lead_user",
                    "updaters",
                ]
            },
        ),
        (
            "Publication and data quality",
            {"fields": ["published", "data_quality", "customer_satisfaction"]},
        ),
        (
            "Benchmarking",
            {
                "fields": ["external_indicator"],
                "description": "The indicator's id in comparator files (LG Inform, APSE, "
                "CIPFA), so imported comparator values line up with this measure's results.",
            },
        ),
        (
            "Calculated from other measures",
            {
                "fields": ["formula"],
                "description": "Give a formula to make this measure calculated: its value "
                "for each period is worked out from the other measures' results for that "
                "period, and nobody enters it. Codes in square brackets, numbers, + - * /, "
                "brackets and sum( ), min( ), max( ): [NI 192a] / [NI 192b] * 100.",
            },
        ),
    ]

    # A change to how a measure is rated is audited with its reason (scorecard.returns).
    def save_model(self, request, obj, form, change) -> None:
        from scorecard.returns.audit import changes_between

        request._rule_changes = (
            changes_between(
                {name: form.initial.get(name) for name in RULE_FIELDS},
                {name: form.cleaned_data.get(name) for name in RULE_FIELDS},
            )
            if change
            else {}
        )
        super().save_model(request, obj, form, change)
        if change and "code" in form.changed_data:
            from scorecard.services.measures import formulas_follow_rename

            # The calculated measures that use the old code follow it (audited there).
            followed = formulas_follow_rename(
                user=request.user,
                old_code=form.initial.get("code", ""),
                new_code=obj.code,
                reason=form.cleaned_data.get(REASON_FIELD, ""),
            )
            if followed:
                self.message_user(
                    request,
                    f"The formulas of {', '.join(followed)} now use {obj.code}.",
                )

    def save_formset(self, request, form, formset, change) -> None:
        if formset.model is Target and change:
            request._rule_changes.update(_target_changes(formset))
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        from scorecard.returns.services import measure_rules_record
        from scorecard.services.calculated import calculated_refresh

        if "formula" in form.changed_data:
            calculated_refresh(measure_ids=[form.instance.pk], user=request.user)

        changes = getattr(request, "_rule_changes", {})
        if not change:
            # A new measure's annual target is profiled at once; its set-up is audited as added.
            profiled_targets_derive(measure_ids=[form.instance.pk], user=request.user)
        if change and changes:
            rerated = measure_rules_record(
                user=request.user,
                measure=form.instance,
                changes=changes,
                reason=form.cleaned_data.get(REASON_FIELD, ""),
            )
            self.message_user(
                request,
                f"{form.instance.code}: {rerated} result(s) in open periods re-rated. Closed and "
                "locked periods keep the ratings they were signed off with; the performance "
                "team re-rates one, with a reason, from its page under Periods.",
            )


def _target_changes(formset) -> dict[str, list[str]]:
    """``{"Target 2009/10 Q3": [old, new]}`` for each target row added, changed or deleted."""
    from scorecard.returns.audit import as_text

    changes = {}
    for form in formset.forms:
        if not form.has_changed() or not hasattr(form, "cleaned_data"):
            continue
        period = form.cleaned_data.get("period") or getattr(form.instance, "period", None)
        # The form has already put the new value on its instance; the old one is its initial.
        for name, label in (("value", "Target"), ("lower", "Lower"), ("upper", "Upper")):
            old = form.initial.get(name) if form.instance.pk else None
            new = None if form.cleaned_data.get("DELETE") else form.cleaned_data.get(name)
            if period is not None and as_text(old) != as_text(new):
                changes[f"{label} {period.label}"] = [as_text(old), as_text(new)]
    return changes


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """Periods are opened, closed, locked and given deadlines on the periods page, audited."""

    list_display = ["label", "kind", "start", "end", "deadline", "state"]
    list_filter = ["kind", "state"]
    search_fields = ["label"]
    readonly_fields = ["label", "start", "end"]


@admin.register(Result)
class ResultAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """Results are entered on the return pages, rated, lock-checked and audited there."""

    list_display = ["measure", "period", "figure", "rag", "status", "updated_at"]
    list_filter = ["rag", "status", "period__kind", "measure__directorate"]
    search_fields = ["measure__code", "measure__title", "period__label", "commentary"]
    list_select_related = ["measure", "period"]
    autocomplete_fields = ["measure", "period"]
    readonly_fields = ["figure", "rag", "rag_explanation", "entered_by", "approved_by", "version"]

    def get_fields(self, request, obj=None):
        # The figure at its measure's places ("7.84 days"), not the stored "7.8400".
        fields = [f for f in super().get_fields(request, obj) if f != "figure"]
        return ["figure" if f == "actual" else f for f in fields]

    @admin.display(description="Actual", ordering="actual")
    def figure(self, result: Result) -> str:
        measure = result.measure
        return format_value(result.actual, measure.unit, measure.decimal_places)


@admin.register(ComparatorArea)
class ComparatorAreaAdmin(AuditedAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(ComparatorGroup)
class ComparatorGroupAdmin(AuditedAdmin):
    """Comparator groups are defined by the performance team (issue 11): formed from an
    imported file's areas, or chosen here."""

    search_fields = ["name"]
    filter_horizontal = ["members"]


def _superusers_only(request) -> bool:
    """The Django admin is for superusers only: the performance team sets up the framework on
    the set-up pages, through the audited services (issue 12)."""
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = _superusers_only
