"""The framework the performance team sets up: plans, objectives, measures, targets."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models

from scorecard.rules.measure_types import Aggregation, MeasureType, TargetProfile
from scorecard.rules.rag import Polarity, RagMethod, Tolerance

from .organisation import Directorate, Service
from .periods import ReportingPeriod

VALUE_DIGITS = {"max_digits": 18, "decimal_places": 4}


class LeadOfficerMixin(models.Model):
    """A lead officer as the plan names them (a person or a post), linked to a user when known.

    Real plans name posts ("Head of Performance and Review") as often as people, and many name
    nobody (Cherwell's improvement plan), so the words are kept as written.
    """

    lead_officer = models.CharField(max_length=200, blank=True)
    lead_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The signed-in user who leads it, when the lead officer is a user.",
    )

    class Meta:
        abstract = True


class Plan(models.Model):
    """A plan such as "Corporate Improvement Plan 2009/10", with the vision it serves."""

    code = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=300)
    vision = models.TextField(blank=True)
    period = models.CharField(max_length=40, blank=True, help_text="e.g. 2009/10")

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.title


class Perspective(models.Model):
    """A balanced-scorecard perspective: Customer, Projects, Finance, People by default."""

    name = models.CharField(max_length=60, unique=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Objective(LeadOfficerMixin):
    """A strategic objective, priority or theme; objectives form a tree."""

    code = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=500)
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, null=True, blank=True, related_name="objectives"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    directorate = models.ForeignKey(
        Directorate, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Measure(LeadOfficerMixin):
    """A performance indicator: how it is measured, rated and who answers for it."""

    class Family(models.TextChoices):
        NATIONAL = "national", "National"
        BVPI = "bvpi", "BVPI"
        LOCAL = "local", "Local"
        PSA = "psa", "PSA"
        LAA = "laa", "LAA"
        CORPORATE = "corporate", "Corporate"
        SERVICE = "service", "Service"

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        QUARTERLY = "quarterly", "Quarterly"
        ANNUAL = "annual", "Annual"

    code = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=500)
    definition = models.TextField(blank=True)
    family = models.CharField(max_length=12, choices=Family.choices, default=Family.LOCAL)
    polarity = models.CharField(
        max_length=10,
        choices=[(p.value, p.label) for p in Polarity],
        default=Polarity.HIGHER.value,
    )
    unit = models.CharField(max_length=20, default="number", help_text="%, number, £, days, kg…")
    decimal_places = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(4)])
    allows_out_of_range = models.BooleanField(
        "Can fall outside 0-100%",
        default=False,
        help_text="For a percentage that may be below 0 or above 100 (a growth rate, a "
        "variance). Otherwise such a result is saved only once the officer confirms it.",
    )
    frequency = models.CharField(
        max_length=10, choices=Frequency.choices, default=Frequency.QUARTERLY
    )
    cumulative = models.BooleanField(
        default=False, help_text="Year to date, rather than a snapshot of the period."
    )
    baseline = models.DecimalField(null=True, blank=True, **VALUE_DIGITS)
    baseline_period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    rag_method = models.CharField(
        max_length=30,
        choices=[(m.value, m.label) for m in RagMethod],
        blank=True,
        help_text="Blank: the council's default RAG method.",
    )
    tolerance_amount = models.DecimalField(null=True, blank=True, **VALUE_DIGITS)
    tolerance_is_percent = models.BooleanField(
        default=True, help_text="Tolerance is a % of the target; otherwise an absolute amount."
    )
    updaters = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="updated_measures"
    )
    directorate = models.ForeignKey(
        Directorate, on_delete=models.SET_NULL, null=True, blank=True, related_name="measures"
    )
    service = models.ForeignKey(
        Service, on_delete=models.SET_NULL, null=True, blank=True, related_name="measures"
    )
    objectives = models.ManyToManyField(Objective, blank=True, related_name="measures")
    perspective = models.ForeignKey(
        Perspective, on_delete=models.SET_NULL, null=True, blank=True, related_name="measures"
    )
    measure_type = models.CharField(
        "type",
        max_length=12,
        choices=[(t.value, t.label) for t in MeasureType],
        default=MeasureType.SIMPLE.value,
        help_text="Simple: the officer enters the value. Ratio: numerator and denominator. "
        "Calculated: a formula over other measures.",
    )
    formula = models.TextField(
        blank=True, help_text="For a calculated measure: [NI 192a] / [NI 192b] * 100."
    )
    aggregation = models.CharField(
        max_length=10,
        choices=[(a.value, a.label) for a in Aggregation],
        blank=True,
        help_text="How months make a quarter and a year. Blank: the latest month, or the sum "
        "for a cumulative measure.",
    )
    target_profile = models.CharField(
        max_length=10,
        choices=[(p.value, p.label) for p in TargetProfile],
        default=TargetProfile.MANUAL.value,
        help_text="How an annual target becomes each period's target.",
    )
    # Percentages per quarter (4) or month (12) of a seasonal profile, as decimal strings.
    target_profile_shares = models.JSONField(default=list, blank=True)
    published = models.BooleanField(default=False, help_text="Shown to the public.")
    data_quality = models.TextField(blank=True, help_text="Source, definition caveats, checks.")
    # The indicator id in comparator files (LG Inform, APSE, CIPFA) that lines up with this
    # measure's own results (issue 11, "Comparator data import").
    external_indicator = models.CharField(
        max_length=100, blank=True, help_text="The id of this indicator in comparator files."
    )
    # The Oxford Improvement Model's customer quadrant (seed 003): a service's satisfaction
    # results, read beside its cost on the value-for-money page (issue 11).
    customer_satisfaction = models.BooleanField(
        default=False, help_text="A customer satisfaction result for its service."
    )

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def tolerance(self) -> Tolerance | None:
        if self.tolerance_amount is None:
            return None
        return Tolerance(
            amount=Decimal(self.tolerance_amount), is_percent=self.tolerance_is_percent
        )

    def effective_rag_method(self, default: str) -> RagMethod:
        """The measure's own RAG method, or the council's default when it has none."""
        return RagMethod(self.rag_method or default)


class Target(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="targets")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="targets")
    # For a range measure, the middle of the range; otherwise the figure to meet or beat.
    value = models.DecimalField(**VALUE_DIGITS)
    lower = models.DecimalField(
        null=True, blank=True, help_text="For a range measure.", **VALUE_DIGITS
    )
    upper = models.DecimalField(
        null=True, blank=True, help_text="For a range measure.", **VALUE_DIGITS
    )
    # Derived from an annual target by the measure's profile, said in words; blank when typed.
    derivation = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["measure", "period__start"]
        constraints = [models.UniqueConstraint(fields=["measure", "period"], name="unique_target")]

    def __str__(self) -> str:
        return f"{self.measure.code} {self.period}: {self.value}"

    def clean(self) -> None:
        """A range's lower bound is not above its upper bound (docs/plan-workbook.md, Targets)."""
        if self.lower is not None and self.upper is not None and self.lower > self.upper:
            raise ValidationError({"upper": "The upper bound is below the lower bound."})
