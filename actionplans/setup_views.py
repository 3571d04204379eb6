"""The performance team's set-up pages for actions and action plans.

They live here because action plans may use the scorecard and never the other way round; the
list and form pages, the permission check and the audited save are the scorecard's
(``scorecard.setup``).
"""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse

from actionplans.models import Action, ActionPlan
from scorecard.setup.forms import FingerprintMixin
from scorecard.setup.views import SetupKind, item_edit, item_list


class ActionForm(FingerprintMixin, forms.ModelForm):
    class Meta:
        model = Action
        fields = [
            "code",
            "title",
            "objective",
            "action_plan",
            "directorate",
            "lead_officer",
            "lead_user",
            "updaters",
            "due",
            "timescale",
            "addresses",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "due": forms.DateInput(attrs={"type": "date"}),
        }


class ActionPlanForm(FingerprintMixin, forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["code", "title", "objective", "directorate", "lead_officer", "lead_user"]


ACTIONS = SetupKind(
    Action,
    ActionForm,
    "action",
    "actions",
    related=("objective",),
    list_url="actionplans:setup_actions",
    add_url="actionplans:setup_action_add",
    edit_url="actionplans:setup_action",
    extra_column="objective",
)
ACTION_PLANS = SetupKind(
    ActionPlan,
    ActionPlanForm,
    "action plan",
    "action plans",
    related=("objective",),
    list_url="actionplans:setup_plans",
    add_url="actionplans:setup_plan_add",
    edit_url="actionplans:setup_plan",
    extra_column="objective",
)


def actions(request: HttpRequest) -> HttpResponse:
    return item_list(request, "actions", spec=ACTIONS)


def action_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    return item_edit(request, "actions", pk, spec=ACTIONS)


def action_plans(request: HttpRequest) -> HttpResponse:
    return item_list(request, "action-plans", spec=ACTION_PLANS)


def action_plan_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    return item_edit(request, "action-plans", pk, spec=ACTION_PLANS)
