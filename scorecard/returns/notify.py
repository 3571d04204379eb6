"""Notifications: in the app, and by email to those who chose it (issue 12).

Writes ``Notification`` rows for returns sent back, returns waiting for approval and deadlines
approaching; the same words go by email, with absolute links from ``settings.SITE_URL``, once
the service's transaction has committed (a refused save tells nobody).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from scorecard.kinds import kind_of
from scorecard.models import Notification, OfficerProfile, Role

SUBJECTS = {
    Notification.Kind.RETURNED: "A return was sent back to you",
    Notification.Kind.WAITING: "A return is waiting for your approval",
    Notification.Kind.DEADLINE: "Performance returns due",
}


def wants_email(user: Any) -> bool:
    """Whether the user has an address and has not turned notification emails off."""
    profile = OfficerProfile.objects.filter(user=user).first()
    return bool(user.email) and (profile is None or profile.email_notifications)


def email_of(note: Notification) -> EmailMessage:
    base = settings.SITE_URL.rstrip("/")  # an email has no page to be relative to
    name = note.user.get_full_name() or note.user.get_username()
    body = f"Dear {name},\n\n{note.message}\n\n{base}{note.url}\n"
    return EmailMessage(subject=SUBJECTS[note.kind], body=body, to=[note.user.email])


def notify(*, users: Iterable[Any], kind: str, message: str, url: str, email: bool = True):
    """Tell each user in the app; email those who want it once the transaction commits."""
    notes = Notification.objects.bulk_create(
        [Notification(user=user, kind=kind, message=message, url=url) for user in users]
    )
    if not email:
        return notes
    messages = [email_of(note) for note in notes if wants_email(note.user)]
    if messages:
        transaction.on_commit(lambda: get_connection().send_messages(messages))
    return notes


def approvers_of(directorate_id: int | None):
    """The active approvers who sign off a directorate's returns (permissions: an approver's
    directorate is their profile's)."""
    if directorate_id is None:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__name=Role.APPROVER.value,
            profile__directorate_id=directorate_id,
        )
        .distinct()
    )


def return_submitted(*, item: Any, ret: Any, by: Any) -> None:
    """Tell the item's directorate's approvers that a return waits for them."""
    who = by.get_full_name() or by.get_username()
    notify(
        users=approvers_of(item.directorate_id).exclude(pk=by.pk),
        kind=Notification.Kind.WAITING,
        message=f"{item.code} {ret.period.label} was submitted by {who} and waits for approval.",
        url=reverse("returns:approvals"),
    )


def return_sent_back(*, item: Any, ret: Any, comment: str) -> None:
    """Tell the officer who entered the return (else its updaters) what to change."""
    users = [ret.entered_by] if ret.entered_by_id else list(item.updaters.all())
    notify(
        users=users,
        kind=Notification.Kind.RETURNED,
        message=f"{item.code} {ret.period.label} was returned to you: {comment}",
        url=reverse("returns:edit", args=[kind_of(ret).name, item.pk, ret.period_id]),
    )


def deadline_approaching(*, user: Any, summary: str) -> None:
    """Put a reminder digest's summary in the app; the digest itself is the email."""
    notify(
        users=[user],
        kind=Notification.Kind.DEADLINE,
        message=f"{summary}.",
        url=reverse("returns:mine"),
        email=False,
    )


def unread_count(user: Any) -> int:
    """The header's count: one query."""
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


@transaction.atomic
def notifications_mark_read(*, user: Any, ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications read (these ``ids``, or all); only their own."""
    query = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        query = query.filter(pk__in=list(ids))
    return query.update(read_at=timezone.now())


@transaction.atomic
def email_preference_set(*, user: Any, email: bool) -> None:
    """The user's choice of notification emails, kept on their profile."""
    OfficerProfile.objects.update_or_create(user=user, defaults={"email_notifications": email})
