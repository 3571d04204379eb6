"""Find measures, actions, objectives and plans by code or words, from the header of every page
(issue 12). Every signed-in user reads the framework; drafts and figures are not searched, and
only the performance team is offered the set-up page of what it finds."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from actionplans.models import Action
from scorecard.models import Measure, Objective, Plan
from scorecard.returns import permissions

LIMIT = 25  # per kind: enough to find a thing, few enough to read


@dataclass(frozen=True)
class Found:
    code: str
    title: str
    url: str
    setup_url: str = ""


def _matching(queryset: QuerySet, words: str) -> QuerySet:
    """Rows whose code or title holds the words, an exact code first."""
    condition = Q(code__icontains=words)
    title = Q()
    for word in words.split():  # every word somewhere in the title, in any order
        title &= Q(title__icontains=word)
    condition |= title
    exact = Case(
        When(code__iexact=words, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return queryset.filter(condition).annotate(exact=exact).order_by("exact", "code")


def _groups(words: str, team: bool) -> list[tuple[str, list[Found], int]]:
    kinds = [
        (
            "Measures",
            Measure.objects.all(),
            lambda m: reverse("measure", args=[m.code]),
            lambda m: reverse("setup:measure", args=[m.pk]),
        ),
        (
            "Actions",
            Action.objects.all(),
            lambda a: reverse("action", args=[a.code]),
            lambda a: reverse("actionplans:setup_action", args=[a.pk]),
        ),
        (
            "Objectives",
            Objective.objects.all(),
            lambda o: f"{reverse('items')}?objective={o.pk}",
            lambda o: reverse("setup:edit", args=["objectives", o.pk]),
        ),
        (
            "Plans",
            Plan.objects.all(),
            lambda p: reverse("improvement_plan", args=[p.code]),
            lambda p: reverse("setup:edit", args=["plans", p.pk]),
        ),
    ]
    groups = []
    for name, queryset, url, setup_url in kinds:
        matches = _matching(queryset, words)
        rows = list(matches[: LIMIT + 1])
        found = [Found(r.code, r.title, url(r), setup_url(r) if team else "") for r in rows[:LIMIT]]
        total = len(rows) if len(rows) <= LIMIT else matches.count()
        groups.append((name, found, total))
    return groups


def search(request: HttpRequest) -> HttpResponse:
    """What matches the words typed in the header's search box, grouped by kind."""
    words = (request.GET.get("q") or "").strip()[:100]
    groups = _groups(words, permissions.may_set_up(request.user)) if words else []
    context = {"q": words, "groups": groups, "total": sum(t for _n, _f, t in groups)}
    return render(request, "reporting/search.html", context)
