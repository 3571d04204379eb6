"""Filters of the API's lists, by the codes and labels users speak in (issue 14)."""

import django_filters

from actionplans.models import Action, ActionUpdate
from scorecard.models import Measure, Objective, Result, ReturnStatus, Target


class _ByObjectiveAndDirectorate(django_filters.FilterSet):
    objective = django_filters.CharFilter(field_name="objectives__code", label="Objective code")
    directorate = django_filters.CharFilter(field_name="directorate__name", label="Directorate")


class MeasureFilter(_ByObjectiveAndDirectorate):
    class Meta:
        model = Measure
        fields = ["objective", "directorate", "frequency", "family"]


class ObjectiveFilter(django_filters.FilterSet):
    plan = django_filters.CharFilter(field_name="plan__code", label="Plan code")
    directorate = django_filters.CharFilter(field_name="directorate__name", label="Directorate")

    class Meta:
        model = Objective
        fields = ["plan", "directorate"]


class ActionFilter(django_filters.FilterSet):
    objective = django_filters.CharFilter(field_name="objective__code", label="Objective code")
    directorate = django_filters.CharFilter(field_name="directorate__name", label="Directorate")

    class Meta:
        model = Action
        fields = ["objective", "directorate"]


class TargetFilter(django_filters.FilterSet):
    period = django_filters.CharFilter(field_name="period__label", label="Period label")
    measure = django_filters.CharFilter(field_name="measure__code", label="Measure code")
    objective = django_filters.CharFilter(
        field_name="measure__objectives__code", label="Objective code", distinct=True
    )
    directorate = django_filters.CharFilter(
        field_name="measure__directorate__name", label="Directorate"
    )

    class Meta:
        model = Target
        fields = ["period", "measure", "objective", "directorate"]


HANDED_IN_CHOICES = [(s.value, s.label) for s in (ReturnStatus.SUBMITTED, ReturnStatus.APPROVED)]


class ResultFilter(django_filters.FilterSet):
    period = django_filters.CharFilter(field_name="period__label", label="Period label")
    measure = django_filters.CharFilter(field_name="measure__code", label="Measure code")
    objective = django_filters.CharFilter(
        field_name="measure__objectives__code", label="Objective code", distinct=True
    )
    directorate = django_filters.CharFilter(
        field_name="measure__directorate__name", label="Directorate"
    )
    status = django_filters.ChoiceFilter(choices=HANDED_IN_CHOICES)

    class Meta:
        model = Result
        fields = ["period", "measure", "objective", "directorate", "status"]


class ActionUpdateFilter(django_filters.FilterSet):
    period = django_filters.CharFilter(field_name="period__label", label="Period label")
    action = django_filters.CharFilter(field_name="action__code", label="Action code")
    objective = django_filters.CharFilter(field_name="action__objective__code")
    directorate = django_filters.CharFilter(field_name="action__directorate__name")
    status = django_filters.ChoiceFilter(choices=HANDED_IN_CHOICES)

    class Meta:
        model = ActionUpdate
        fields = ["period", "action", "objective", "directorate", "status"]
