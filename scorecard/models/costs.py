"""What a service costs a year: the Oxford Improvement Model's budget and cost quadrant.

Oxford City's framework (seed 003) ranks services for fundamental review by cost beside
performance; issue 11 asks for each service's net cost a year, and its cost per head or per
unit where the council has one.
"""

from django.conf import settings
from django.db import models

from .framework import VALUE_DIGITS
from .organisation import Service
from .periods import ReportingPeriod


class ServiceCost(models.Model):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="costs")
    # A financial year (kind "year"): costs are budgeted and outturned by the year.
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="+")
    net_cost = models.DecimalField("net cost (£)", **VALUE_DIGITS)
    cost_per_head = models.DecimalField("cost per head (£)", null=True, blank=True, **VALUE_DIGITS)
    unit_cost = models.DecimalField("cost per unit (£)", null=True, blank=True, **VALUE_DIGITS)
    unit = models.CharField(max_length=100, blank=True, help_text="What a unit is: “tonne”.")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Incremented on every save so that a second editor's stale form is refused, not applied.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["service", "period__start"]
        constraints = [
            models.UniqueConstraint(fields=["service", "period"], name="unique_service_cost")
        ]

    def __str__(self) -> str:
        return f"{self.service} {self.period}: £{self.net_cost}"
