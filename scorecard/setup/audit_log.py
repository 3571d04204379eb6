"""The council-wide audit log: every change, filtered by who, which item, which period and what
kind of change (issue 12), read on a page or downloaded as Excel."""

from __future__ import annotations

from io import BytesIO

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone
from openpyxl import Workbook

from scorecard.kinds import item_kinds
from scorecard.models import AuditEntry, ReportingPeriod
from scorecard.models.audit import SIGNED_ON_SUMMARY
from scorecard.returns.audit import FIELD_LABELS
from scorecard.safecells import mark_text, xlsx_text

# Kinds of change, by how the services that write them start their summaries.
CHANGE_KINDS = {
    "setup": (
        "Set-up: added, changed, deleted, invited, deactivated, roles from single sign-on",
        (
            "Added",
            "Changed in set-up",
            SIGNED_ON_SUMMARY,
            "Deleted",
            "Invited",
            "Deactivated",
            "Reactivated",
        ),
    ),
    "rules": ("How a measure is rated", ("Changed how",)),
    "returns": (
        "Returns: saved, submitted, corrected",
        ("Saved as draft", "Submitted", "Corrected"),
    ),
    "sign-off": ("Sign-off: approved or returned", ("Approved", "Returned to the officer")),
    "periods": (
        "Periods: opened, closed, locked, deadlines, re-rated",
        ("Opened", "Closed", "Locked", "Unlocked", "Deadline set", "Re-rated"),
    ),
}


def _starts(prefixes: tuple[str, ...]) -> Q:
    condition = Q(pk__in=[])
    for prefix in prefixes:
        condition |= Q(summary__startswith=prefix)
    return condition


def _item_condition(code: str) -> Q:
    """Entries about the measure or action with this code, and about its returns; entries
    about anything else (plans, objectives, periods) whose summary names it."""
    condition = Q(summary__icontains=code)
    for kind in item_kinds():
        items = kind.model.objects.filter(code__iexact=code).values("pk")
        returns = kind.return_model.objects.filter(**{f"{kind.item_field}__in": items})
        condition |= Q(
            content_type=ContentType.objects.get_for_model(kind.model), object_id__in=items
        )
        condition |= Q(
            content_type=ContentType.objects.get_for_model(kind.return_model),
            object_id__in=returns.values("pk"),
        )
    return condition


def _period_condition(period: ReportingPeriod) -> Q:
    """Entries about the period itself and about every return for it."""
    condition = Q(
        content_type=ContentType.objects.get_for_model(ReportingPeriod), object_id=period.pk
    )
    for kind in item_kinds():
        returns = kind.return_model.objects.filter(period=period).values("pk")
        condition |= Q(
            content_type=ContentType.objects.get_for_model(kind.return_model),
            object_id__in=returns,
        )
    return condition


class AuditFilter(django_filters.FilterSet):
    user = django_filters.ModelChoiceFilter(
        queryset=get_user_model().objects.order_by("last_name", "username"),
        label="Who",
        empty_label="Anyone",
    )
    item = django_filters.CharFilter(
        method="by_item", label="Item code", help_text="A measure's or action's code, or words."
    )
    period = django_filters.ModelChoiceFilter(
        queryset=ReportingPeriod.objects.order_by("-start", "end"),
        method="by_period",
        label="Period",
        empty_label="Any period",
    )
    change = django_filters.ChoiceFilter(
        choices=[(key, label) for key, (label, _p) in CHANGE_KINDS.items()],
        method="by_change",
        label="Kind of change",
        empty_label="Any kind of change",
    )

    class Meta:
        model = AuditEntry
        fields = ["user", "item", "period", "change"]

    def by_item(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(_item_condition(value.strip())) if value.strip() else queryset

    def by_period(self, queryset: QuerySet, name: str, value: ReportingPeriod) -> QuerySet:
        return queryset.filter(_period_condition(value)) if value else queryset

    def by_change(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(_starts(CHANGE_KINDS[value][1])) if value else queryset


def audit_entries(*, filters: dict | None = None) -> AuditFilter:
    """The audit trail, newest first, narrowed by the filters given (a selector)."""
    entries = AuditEntry.objects.select_related("user", "content_type")
    return AuditFilter(filters, queryset=entries)


def change_rows(entry: AuditEntry) -> list[tuple[str, str, str]]:
    return [(FIELD_LABELS.get(k, k), old, new) for k, (old, new) in (entry.changes or {}).items()]


HEADINGS = ["When", "Who", "What", "Kind of item", "Changes", "Reason"]


def audit_row(entry: AuditEntry) -> list[str]:
    changes = "; ".join(
        f"{label}: {old or 'blank'} → {new or 'blank'}" for label, old, new in change_rows(entry)
    )
    when = timezone.localtime(entry.at).strftime("%Y-%m-%d %H:%M")
    model = entry.content_type.model_class()
    kind = str(model._meta.verbose_name).capitalize() if model else entry.content_type.model
    return [when, entry.who, entry.summary, kind, changes, entry.reason]


def audit_workbook(entries: QuerySet) -> bytes:
    """The entries as an .xlsx sheet, every text cell stored as typed (``safecells``)."""
    book = Workbook(write_only=False)
    sheet = book.active
    sheet.title = "Audit log"
    sheet.append(HEADINGS)
    for entry in entries.iterator(chunk_size=500):
        sheet.append([xlsx_text(value) for value in audit_row(entry)])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            mark_text(cell)
    out = BytesIO()
    book.save(out)
    return out.getvalue()
