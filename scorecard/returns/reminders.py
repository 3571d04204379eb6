"""Reminder digests: each officer's returns due soon and overdue, in one email."""

from __future__ import annotations

import operator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import reduce
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse

from scorecard.kinds import item_kinds

from .notify import deadline_approaching, wants_email
from .selectors import ReturnRow, my_returns, open_periods, today


@dataclass
class Digest:
    user: Any
    due: list[ReturnRow]
    overdue: list[ReturnRow]

    @property
    def subject(self) -> str:
        parts = []
        if self.overdue:
            parts.append(f"{len(self.overdue)} overdue")
        if self.due:
            parts.append(f"{len(self.due)} due soon")
        return f"Performance returns: {', '.join(parts)}"

    def body(self) -> str:
        name = self.user.get_full_name() or self.user.get_username()
        lines = [f"Dear {name},", ""]
        base = settings.SITE_URL.rstrip("/")  # emails need absolute links
        for title, rows in (
            ("Overdue: shown as No Current Information (NCI) until submitted", self.overdue),
            ("Due soon", self.due),
        ):
            if not rows:
                continue
            lines += [f"{title}:", ""]
            for row in rows:
                url = base + reverse("returns:edit", args=[row.kind, row.item.pk, row.period.pk])
                lines.append(
                    f"- {row.item.code} {row.item.title} ({row.period.label}), "
                    f"due {row.deadline:%-d %B %Y}: {row.state.label.lower()}. {url}"
                )
            lines.append("")
        lines.append(f"All your returns: {base}{reverse('returns:mine')}")
        return "\n".join(lines)


def digests(*, within_days: int, on: date | None = None) -> list[Digest]:
    """For each officer with something to do, what is due within N days and what is overdue."""
    on = on or today()
    periods = open_periods()
    if not periods:
        return []
    User = get_user_model()
    officers = (
        User.objects.filter(is_active=True)
        .filter(reduce(operator.or_, (kind.officers() for kind in item_kinds())))
        .distinct()
        .order_by("username")
    )
    horizon = on + timedelta(days=within_days)
    found = []
    for user in officers:
        rows = [row for row in my_returns(user, periods, on=on) if not row.state.is_done]
        overdue = [row for row in rows if row.is_overdue]
        due = [row for row in rows if not row.is_overdue and row.deadline <= horizon]
        if overdue or due:
            found.append(Digest(user=user, due=due, overdue=overdue))
    return found


def reminders_send(*, within_days: int, on: date | None = None) -> tuple[int, list[str]]:
    """Email each officer their digest, and put it in their notifications.

    Those who turned notification emails off (``OfficerProfile.email_notifications``) see it
    in the app only. Returns (emails sent, usernames without an email).
    """
    sent, skipped, messages = 0, [], []
    for digest in digests(within_days=within_days, on=on):
        deadline_approaching(user=digest.user, summary=digest.subject)
        if not digest.user.email:
            skipped.append(digest.user.get_username())
            continue
        if not wants_email(digest.user):
            continue
        messages.append(
            EmailMessage(subject=digest.subject, body=digest.body(), to=[digest.user.email])
        )
    if messages:
        sent = get_connection().send_messages(messages) or 0
    return sent, skipped
