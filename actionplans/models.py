"""Priority action plans, inspection recommendations and findings, actions and their updates.

The shape follows Oxfordshire CC's 2002 CPA improvement plan: recommendations (`1a`) group
numbered findings with a category (`3. Key objectives not sufficiently explained (Ambition)`),
and each action cites the recommendations and findings it addresses as "(1a) (3)".
"""

from django.conf import settings
from django.db import models

from scorecard.models import Directorate, Objective, Plan, ReportingPeriod
from scorecard.models.framework import LeadOfficerMixin
from scorecard.models.results import RAG_CHOICES, ReturnMixin
from scorecard.rules.rag import RagMethod, Rating, Status, rag_for


def judgement_rating(rag: str) -> Rating:
    """An action's RAG is its officer's judgement; this is how the rules put that in words."""
    return rag_for(
        method=RagMethod.JUDGEMENT,
        polarity="higher",
        actual=None,
        target=None,
        tolerance=None,
        judgement=Status(rag) if rag else None,
    )


class ActionPlan(LeadOfficerMixin):
    """A priority action plan (PAP) delivering an objective."""

    code = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=500)
    objective = models.ForeignKey(
        Objective, on_delete=models.PROTECT, null=True, blank=True, related_name="action_plans"
    )
    directorate = models.ForeignKey(
        Directorate, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Recommendation(models.Model):
    """An inspector's recommendation, numbered within its plan (`1a`)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="recommendations")
    code = models.CharField(max_length=20)
    text = models.TextField()
    objective = models.ForeignKey(
        Objective, on_delete=models.SET_NULL, null=True, blank=True, related_name="recommendations"
    )
    current_position = models.TextField(
        blank=True, help_text="Where things stand on the recommendation as a whole."
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["plan", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="unique_recommendation")
        ]

    def __str__(self) -> str:
        return f"{self.code}) {self.text[:80]}"


class Finding(models.Model):
    """A numbered weakness (or strength) an inspection found, with its category."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="findings")
    code = models.CharField(max_length=20)
    text = models.TextField()
    category = models.CharField(max_length=100, blank=True, help_text="e.g. Ambition, Focus")
    recommendation = models.ForeignKey(
        Recommendation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="findings",
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["plan", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="unique_finding")]

    def __str__(self) -> str:
        return f"{self.code}. {self.text[:80]}"


class Action(LeadOfficerMixin):
    """An action or milestone, rated by its officer's judgement each period."""

    code = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=500)
    objective = models.ForeignKey(
        Objective, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    action_plan = models.ForeignKey(
        ActionPlan, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    # The recommendation the action sits under in the plan's table; the recommendations and
    # findings it cites ("(1a) (3)") are the many-to-many links below.
    recommendation = models.ForeignKey(
        Recommendation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="further_actions",
    )
    directorate = models.ForeignKey(
        Directorate, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    updaters = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="updated_actions"
    )
    due = models.DateField(null=True, blank=True)
    timescale = models.CharField(max_length=200, blank=True, help_text="As written, e.g. Nov 02")
    current_position = models.TextField(blank=True)
    further_action = models.TextField(blank=True)
    addresses = models.CharField(
        max_length=500, blank=True, help_text='Citations as written, e.g. "(1a) (3)".'
    )
    recommendations = models.ManyToManyField(Recommendation, blank=True, related_name="actions")
    findings = models.ManyToManyField(Finding, blank=True, related_name="actions")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class ActionUpdate(ReturnMixin):
    """Progress on an action in a period: the officer's RAG and commentary."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="action_updates"
    )
    rag = models.CharField(max_length=10, choices=RAG_CHOICES, blank=True)

    class Meta:
        ordering = ["action", "period__start"]
        constraints = [
            models.UniqueConstraint(fields=["action", "period"], name="unique_action_update")
        ]
        indexes = [models.Index(fields=["period", "rag"])]

    def __str__(self) -> str:
        return f"{self.action.code} {self.period}: {self.rag or '-'}"

    @property
    def explanation(self) -> str:
        """The officer's RAG in words, from the one RAG engine."""
        return judgement_rating(self.rag).explanation
