"""What a report covers: everything, or the measures and actions of some objectives,
directorates, perspectives or plans."""

from dataclasses import dataclass

from django.db.models import QuerySet

from actionplans.models import Action
from scorecard.models import Measure, Objective, Plan

from ..pages import objective_plans


@dataclass(frozen=True)
class Scope:
    """What a report covers: everything, or the measures and actions of some objectives,
    directorates, perspectives or plans."""

    objective_codes: tuple[str, ...] = ()
    directorate_names: tuple[str, ...] = ()
    perspective_names: tuple[str, ...] = ()
    plan_codes: tuple[str, ...] = ()

    def measures(self) -> QuerySet:
        qs = Measure.objects.all()
        if self.objective_codes:
            qs = qs.filter(objectives__in=_with_descendants(self.objective_codes)).distinct()
        if self.directorate_names:
            qs = qs.filter(directorate__name__in=self.directorate_names)
        if self.perspective_names:
            qs = qs.filter(perspective__name__in=self.perspective_names)
        if self.plan_codes:
            qs = qs.filter(objectives__in=self._plan_objectives()).distinct()
        return qs

    def actions(self) -> QuerySet:
        qs = Action.objects.all()
        if self.objective_codes:
            qs = qs.filter(objective__in=_with_descendants(self.objective_codes))
        if self.directorate_names:
            qs = qs.filter(directorate__name__in=self.directorate_names)
        if self.perspective_names:
            qs = qs.none()
        if self.plan_codes:
            qs = qs.filter(objective__in=self._plan_objectives())
        return qs

    def _plan_objectives(self) -> list[int]:
        """The objectives in the chosen plans, with those under them that inherit the plan."""
        chosen = set(Plan.objects.filter(code__in=self.plan_codes).values_list("pk", flat=True))
        return [pk for pk, plan in objective_plans().items() if plan in chosen]

    def plans(self) -> QuerySet:
        qs = Plan.objects.all()
        if self.plan_codes:
            qs = qs.filter(code__in=self.plan_codes)
        if self.objective_codes:
            qs = qs.filter(objectives__code__in=self.objective_codes).distinct()
        return qs


def _with_descendants(codes: tuple[str, ...]) -> list[int]:
    parents = dict(Objective.objects.values_list("pk", "parent_id"))
    chosen = set(Objective.objects.filter(code__in=codes).values_list("pk", flat=True))

    def under(pk):
        seen = set()
        while pk is not None and pk not in seen:
            if pk in chosen:
                return True
            seen.add(pk)
            pk = parents.get(pk)
        return False

    return [pk for pk in parents if under(pk)]


EVERYTHING = Scope()  # a report of everything the council measures
