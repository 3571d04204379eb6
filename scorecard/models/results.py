"""Results: what officers report for a measure in a period, and the RAG the rule gave it."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from scorecard.rules.measure_types import ResultSource
from scorecard.rules.rag import Status
from scorecard.rules.returns import ReturnStatus as StoredStatus

from .framework import VALUE_DIGITS, Measure
from .periods import ReportingPeriod

RAG_CHOICES = [(s.value, s.word) for s in (Status.GREEN, Status.AMBER, Status.RED)]
RISK_SCALE = [MinValueValidator(1), MaxValueValidator(5)]


class ReturnStatus(models.TextChoices):
    """Where a return (a result or an action update) stands in the approval cycle."""

    DRAFT = StoredStatus.DRAFT.value, "Draft"
    SUBMITTED = StoredStatus.SUBMITTED.value, "Submitted"
    APPROVED = StoredStatus.APPROVED.value, "Approved"
    RETURNED = StoredStatus.RETURNED.value, "Returned"


class ReturnMixin(models.Model):
    """What every return carries: commentary, its place in approval, and who did what when."""

    commentary = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=ReturnStatus.choices, default=ReturnStatus.DRAFT
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Incremented on every save so that a second editor's stale form is refused, not applied.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True


class Result(ReturnMixin):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="results")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="results")
    actual = models.DecimalField(null=True, blank=True, **VALUE_DIGITS)
    # A ratio measure's parts, from which ``actual`` is computed; summed, never averaged.
    numerator = models.DecimalField(null=True, blank=True, **VALUE_DIGITS)
    denominator = models.DecimalField(null=True, blank=True, **VALUE_DIGITS)
    forecast = models.DecimalField("year-end forecast", null=True, blank=True, **VALUE_DIGITS)
    source = models.CharField(
        max_length=12,
        choices=[(s.value, s.label) for s in ResultSource],
        default=ResultSource.ENTERED.value,
        editable=False,
    )
    # How a derived value was made, in words: "Q2 value 64.0% = 1,280 / 2,000, the sum of July
    # to September". Blank for a value typed by an officer.
    derivation = models.TextField(blank=True, editable=False)
    officer_rag = models.CharField(
        max_length=10,
        choices=RAG_CHOICES,
        blank=True,
        help_text="The officer's RAG, used when the measure is rated by judgement.",
    )
    # The rating the RAG engine gave (stored so lists can filter and count in SQL); it is
    # recalculated whenever the result, the targets or the measure's rule change.
    rag = models.CharField(max_length=10, choices=RAG_CHOICES, blank=True, editable=False)
    rag_explanation = models.TextField(blank=True, editable=False)
    corrective_action = models.TextField(blank=True)
    # Words kept off the public pages and open data (issue 14): an officer's commentary or
    # corrective action may name people or contracts that residents should not read.
    commentary_internal = models.BooleanField(
        default=False, help_text="Keep the commentary off the public pages."
    )
    corrective_action_internal = models.BooleanField(
        default=False, help_text="Keep the corrective action off the public pages."
    )
    # Why the officer's judgement RAG differs from what the target and tolerance give
    # (scorecard.rules.judgement); asked for on submit, shown to the approver.
    judgement_reason = models.TextField(blank=True)
    risk_likelihood = models.PositiveSmallIntegerField(null=True, blank=True, validators=RISK_SCALE)
    risk_impact = models.PositiveSmallIntegerField(null=True, blank=True, validators=RISK_SCALE)

    class Meta:
        ordering = ["measure", "period__start"]
        constraints = [models.UniqueConstraint(fields=["measure", "period"], name="unique_result")]
        indexes = [models.Index(fields=["period", "rag"])]

    def __str__(self) -> str:
        return f"{self.measure.code} {self.period}: {self.actual}"

    @property
    def risk_score(self) -> int | None:
        """Risk of missing the target, likelihood × impact (Oxfordshire CC scorecard, 2009)."""
        if self.risk_likelihood is None or self.risk_impact is None:
            return None
        return self.risk_likelihood * self.risk_impact
