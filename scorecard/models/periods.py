"""Reporting periods: financial years, quarters and months, each with a deadline and a state."""

from django.db import models

from scorecard.rules.periods import PeriodKind, PeriodRef, PeriodState


class ReportingPeriod(models.Model):
    class State(models.TextChoices):
        OPEN = PeriodState.OPEN.value, "Open"
        CLOSED = PeriodState.CLOSED.value, "Closed"
        LOCKED = PeriodState.LOCKED.value, "Locked"

    kind = models.CharField(max_length=10, choices=[(k.value, k.value.title()) for k in PeriodKind])
    # The financial year's starting calendar year and the number within it: the PeriodRef.
    year = models.PositiveSmallIntegerField()
    number = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=20, unique=True, editable=False)
    start = models.DateField(editable=False)
    end = models.DateField(editable=False)
    deadline = models.DateField(help_text="Results are due by this date.")
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    # When the performance team published the period's approved results on the public pages
    # (issue 14); empty: not published. Set and cleared only by period_publish/unpublish.
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["start", "-end"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "year", "number"], name="unique_period")
        ]
        indexes = [models.Index(fields=["kind", "start"])]

    def __str__(self) -> str:
        return self.label

    def save(self, *args, **kwargs) -> None:
        # label, start and end are derived from the PeriodRef so they can never disagree.
        ref = self.ref
        self.label, self.start, self.end = ref.label, ref.start, ref.end
        super().save(*args, **kwargs)

    @property
    def ref(self) -> PeriodRef:
        return PeriodRef(PeriodKind(self.kind), self.year, self.number)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def is_locked(self) -> bool:
        return self.state == self.State.LOCKED
