"""The filters every list shares; their state lives in the URL so a view can be bookmarked."""

from functools import cached_property

import django_filters
from django import forms
from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Concat

from scorecard.models import (
    CouncilSettings,
    Directorate,
    Measure,
    Objective,
    Perspective,
    ReportingPeriod,
)
from scorecard.rules.rag import Status
from scorecard.rules.risk import SCALE, RiskBand, RiskBands
from scorecard.rules.travel import Direction

from .items import ITEM_SOURCES, Item, ObjectiveTree

# Lists show provisional figures (marked), so nothing in them is ever awaiting approval.
STATUS_CHOICES = [(s.value, s.word) for s in Status if s is not Status.AWAITING_APPROVAL]
DIRECTION_CHOICES = [(d.value, d.word) for d in Direction]
RISK_CHOICES = [(str(n), str(n)) for n in SCALE]
BAND_CHOICES = [(b.value, b.word) for b in RiskBand]
KIND_CHOICES = [(source.kind, source.chosen_by.capitalize()) for source in ITEM_SOURCES]


class ItemFilter(django_filters.FilterSet):
    """Filters for measures and actions alike.

    The database narrows each model by what it stores (directorate, objective, perspective,
    family, lead officer, text); the rated fields (RAG, direction of travel) are known only once
    the period is rated, so `keep` applies those to the items.
    """

    period = django_filters.ModelChoiceFilter(
        queryset=ReportingPeriod.objects.exclude(kind="month").order_by("-start"),
        to_field_name="label",
        method="no_database_filter",
        label="Period",
        empty_label="Latest with results",
    )
    q = django_filters.CharFilter(method="filter_text", label="Code or title contains")
    kind = django_filters.ChoiceFilter(
        choices=KIND_CHOICES, method="no_database_filter", label="Type", empty_label="All"
    )
    status = django_filters.MultipleChoiceFilter(
        choices=STATUS_CHOICES,
        method="no_database_filter",
        label="RAG",
        widget=forms.CheckboxSelectMultiple,
    )
    short_term = django_filters.ChoiceFilter(
        choices=DIRECTION_CHOICES,
        method="no_database_filter",
        label="Short-term trend",
        empty_label="Any",
    )
    long_term = django_filters.ChoiceFilter(
        choices=DIRECTION_CHOICES,
        method="no_database_filter",
        label="Long-term trend",
        empty_label="Any",
    )
    directorate = django_filters.ModelChoiceFilter(
        queryset=Directorate.objects.all(), method="filter_directorate", empty_label="All"
    )
    objective = django_filters.ModelChoiceFilter(
        queryset=Objective.objects.filter(parent=None).order_by("code"),
        method="filter_objective",
        label="Strategic objective",
        empty_label="All",
    )
    perspective = django_filters.ModelChoiceFilter(
        queryset=Perspective.objects.all(), method="filter_perspective", empty_label="All"
    )
    family = django_filters.ChoiceFilter(
        choices=Measure.Family.choices, method="filter_family", empty_label="All"
    )
    lead_officer = django_filters.CharFilter(method="filter_lead", label="Lead officer contains")
    # The risk matrix's cells and bands list their items (issue 11): rated fields, kept by `keep`.
    likelihood = django_filters.ChoiceFilter(
        choices=RISK_CHOICES,
        method="no_database_filter",
        label="Risk likelihood",
        empty_label="Any",
    )
    impact = django_filters.ChoiceFilter(
        choices=RISK_CHOICES, method="no_database_filter", label="Risk impact", empty_label="Any"
    )
    risk_band = django_filters.ChoiceFilter(
        choices=BAND_CHOICES, method="no_database_filter", label="Risk band", empty_label="Any"
    )
    figures = django_filters.ChoiceFilter(
        choices=[("approved", "Approved only")],
        method="no_database_filter",
        label="Figures",
        empty_label="Approved and provisional",
    )

    # The filters that narrow the rows the database reads; the rest act on the ratings (`keep`).
    DATABASE_FILTERS = ("q", "directorate", "objective", "perspective", "family", "lead_officer")

    class Meta:
        model = Measure
        fields: list[str] = []

    def no_database_filter(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(code__icontains=value) | Q(title__icontains=value))

    def filter_directorate(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(directorate=value)

    def filter_objective(self, queryset: QuerySet, name: str, value: Objective) -> QuerySet:
        tree = ObjectiveTree()
        below = [pk for pk in tree.objectives if value.pk in tree.with_ancestors([pk])]
        field = "objectives" if queryset.model is Measure else "objective"
        return queryset.filter(**{f"{field}__in": below}).distinct()

    def filter_perspective(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if queryset.model is not Measure:
            return queryset.none()
        return queryset.filter(perspective=value)

    def filter_family(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if queryset.model is not Measure:
            return queryset.none()
        return queryset.filter(family=value)

    def filter_lead(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """The lead officer as the list shows it: the words of the plan, or the user's name."""
        return queryset.alias(
            lead_name=Concat("lead_user__first_name", Value(" "), "lead_user__last_name")
        ).filter(Q(lead_officer__icontains=value) | Q(lead_name__icontains=value))

    def keep(self, item: Item) -> bool:
        """Whether an item passes the filters on what the rating found."""
        data = self.form.cleaned_data
        if data.get("kind") and item.kind != data["kind"]:
            return False
        if data.get("status") and item.status.value not in data["status"]:
            return False
        for name in ("short_term", "long_term"):
            wanted = data.get(name)
            actual = getattr(item, name)
            if wanted and (actual is None or actual.value != wanted):
                return False
        if data.get("figures") == "approved" and item.provisional:
            return False
        return self._keeps_risk(item, data)

    @cached_property
    def risk_bands(self) -> RiskBands:
        return CouncilSettings.load().risk_bands

    def _keeps_risk(self, item: Item, data: dict) -> bool:
        for name in ("likelihood", "impact"):
            if data.get(name) and getattr(item, name) != int(data[name]):
                return False
        band = data.get("risk_band")
        if band:
            score = item.risk_score
            return score is not None and self.risk_bands.band_of(score).value == band
        return True
