"""Comparator data: other councils' figures for the indicators our measures name.

Oxford City's Performance Improvement Framework (seed 003, section 6.5) asks every service to
benchmark against its CIPFA nearest neighbours and family groups, using LG Inform; issue 11
sets out the long format those downloads come in (area, indicator, period, value).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .framework import VALUE_DIGITS
from .periods import ReportingPeriod


class ComparatorArea(models.Model):
    """A council (or other body) we compare with, by its ONS / LG Inform area code."""

    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class ComparatorGroup(models.Model):
    """A named set of areas: "CIPFA nearest neighbours (16)", a benchmarking club."""

    name = models.CharField(max_length=200, unique=True)
    members = models.ManyToManyField(ComparatorArea, blank=True, related_name="groups")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ComparatorValue(models.Model):
    """One area's figure for one external indicator in one period, from one source."""

    area = models.ForeignKey(ComparatorArea, on_delete=models.CASCADE, related_name="values")
    indicator = models.CharField(max_length=100)
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(**VALUE_DIGITS)
    # The decimal places the file wrote the value with, so 7.80 prints as 7.80, not 7.8.
    places = models.PositiveSmallIntegerField(default=0)
    unit = models.CharField(max_length=20, blank=True)
    source = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["indicator", "period__start", "area__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "indicator", "period", "source"], name="unique_comparator_value"
            )
        ]
        indexes = [models.Index(fields=["indicator", "period"])]

    def __str__(self) -> str:
        return f"{self.area.code} {self.indicator} {self.period}: {self.value}"


class ComparatorImport(models.Model):
    """One comparator file imported: what the upload page lists, and the audit trail's anchor."""

    file_name = models.CharField(max_length=200)
    sources = models.CharField(max_length=300)
    values = models.PositiveIntegerField()
    replaced = models.PositiveIntegerField()
    group = models.ForeignKey(
        ComparatorGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.values} values)"
