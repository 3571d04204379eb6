"""Who is who: directorates, services, officers' profiles, roles, and the council's settings."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from scorecard.rules.rag import RagMethod
from scorecard.rules.risk import RiskBands, RiskBandsError
from scorecard.rules.summaries import OverallStatusThresholds


class Role(models.TextChoices):
    """The roles of the performance cycle; each is a Django group of the same name."""

    OFFICER = "Officer"
    APPROVER = "Approver"
    PERFORMANCE_TEAM = "Performance team"
    VIEWER = "Viewer"
    COMMITTEE_CLERK = "Committee clerk"


class Directorate(models.Model):
    name = models.CharField(max_length=120, unique=True)
    code = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    directorate = models.ForeignKey(Directorate, on_delete=models.PROTECT, related_name="services")
    name = models.CharField(max_length=120)
    # The id comparator files give the service's cost under (issue 11, value for money): its
    # cost quartile among the comparator group. Blank: no cost quartile.
    cost_indicator = models.CharField(
        "Cost indicator",
        max_length=100,
        blank=True,
        help_text="The indicator id comparator files use for this service's cost (cost per "
        "head where the service gives one, else net cost), e.g. an LG Inform id.",
    )

    class Meta:
        ordering = ["directorate__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["directorate", "name"], name="unique_service_name")
        ]

    def __str__(self) -> str:
        return self.name


class OfficerProfile(models.Model):
    """What a council knows of a user beyond the login: post and directorate."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    job_title = models.CharField(max_length=200, blank=True)
    directorate = models.ForeignKey(
        Directorate, on_delete=models.SET_NULL, null=True, blank=True, related_name="officers"
    )
    # Each user chooses whether the notifications they see in the app also come by email.
    email_notifications = models.BooleanField(
        default=True,
        help_text="Also send my notifications (returns sent back, approvals waiting, deadlines) "
        "by email.",
    )

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()


class CouncilSettings(models.Model):
    """Council-wide choices the performance team makes; a single row."""

    council_name = models.CharField(max_length=200, default="Demo County Council")
    default_rag_method = models.CharField(
        max_length=30,
        choices=[(m.value, m.label) for m in RagMethod],
        default=RagMethod.TOLERANCE.value,
        help_text="Used by every measure whose own RAG method is blank.",
    )
    deadline_days = models.PositiveSmallIntegerField(
        default=30,
        validators=[MaxValueValidator(365)],
        help_text="A period's submission deadline defaults to this many days after it ends.",
    )
    overall_green_from = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=Decimal("100"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Overall status is Green when at least this % of rated items are Green or Amber.",
    )
    overall_amber_from = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=Decimal("90"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Overall status is Amber from this % up to the Green threshold, else Red.",
    )
    segregation_of_duties = models.BooleanField(
        "segregation of duties in sign-off",
        default=True,
        help_text="Nobody approves a return they entered or submitted: a second person must.",
    )
    # Our own row in comparator files is ignored: our value always comes from our results.
    area_code = models.CharField(
        "council's area code",
        max_length=20,
        blank=True,
        help_text="The council's own code in comparator files (e.g. E07000178).",
    )
    # Risk of missing a target (likelihood × impact): the council's bands, by where each
    # starts (seed 004; issue 11). Low runs from 1 up to medium, high from here to 25.
    risk_medium_from = models.PositiveSmallIntegerField(
        "medium risk from",
        default=5,
        validators=[MinValueValidator(2), MaxValueValidator(24)],
        help_text="A risk score (likelihood × impact) from this is Medium; below it, Low.",
    )
    risk_high_from = models.PositiveSmallIntegerField(
        "high risk from",
        default=15,
        validators=[MinValueValidator(3), MaxValueValidator(25)],
        help_text="A risk score from this up to 25 is High, and needs an action plan.",
    )

    class Meta:
        verbose_name = "council settings"
        verbose_name_plural = "council settings"

    def __str__(self) -> str:
        return self.council_name

    @classmethod
    def load(cls) -> "CouncilSettings":
        """Return the council's settings, creating the row with defaults the first time."""
        obj, _ = cls.objects.get_or_create(pk=1)
        return obj

    def clean(self) -> None:
        try:
            RiskBands(medium_from=self.risk_medium_from, high_from=self.risk_high_from)
        except RiskBandsError as error:
            raise ValidationError({"risk_high_from": str(error)}) from error

    @property
    def risk_bands(self) -> RiskBands:
        return RiskBands(medium_from=self.risk_medium_from, high_from=self.risk_high_from)

    @property
    def overall_thresholds(self) -> OverallStatusThresholds:
        return OverallStatusThresholds(
            green_from=self.overall_green_from, amber_from=self.overall_amber_from
        )
