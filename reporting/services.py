"""Writes for report packs: each re-checks permission, runs in one transaction and, for the
changes a committee may ask about later (a pack made, finalised or reopened), keeps an audit
entry."""

import hashlib
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from scorecard.returns.audit import audit_record
from scorecard.returns.permissions import can_edit_packs

from .models import PackBuild, ReportPack
from .packs import NARRATIVE, data_fingerprint, pack_fingerprint, pack_narrative_draft
from .tasks import build_pack


class PackIsFinal(Exception):
    """A final pack is what went to committee: it changes only once reopened as a draft."""

    def __init__(self):
        super().__init__("This pack is final: reopen it as a draft to change it.")


def _check_editor(user: Any) -> None:
    if not can_edit_packs(user):
        raise PermissionDenied("Only committee clerks and the performance team change packs.")


def _assign(pack: ReportPack, values: dict[str, Any]) -> dict[str, Any]:
    """Set the pack's own fields from `values`; return the many-to-many ones, set once saved."""
    many = {f.name for f in ReportPack._meta.many_to_many}
    for name, value in values.items():
        if name not in many:
            setattr(pack, name, value)
    return {name: value for name, value in values.items() if name in many}


@transaction.atomic
def pack_create(*, user: Any, values: dict[str, Any]) -> ReportPack:
    """Make a pack from its cover, scope and annexes; draft its narrative from the facts."""
    _check_editor(user)
    pack = ReportPack(created_by=user)
    many = _assign(pack, values)
    pack.save()
    for name, value in many.items():
        getattr(pack, name).set(value)
    # The draft reads the pack's scope, so it is written once the scope is stored.
    for field, text in pack_narrative_draft(pack).items():
        setattr(pack, field, text)
    pack.save()
    audit_record(user=user, item=pack, summary=f"Pack created: {pack.title}")
    return pack


@transaction.atomic
def pack_update(*, user: Any, pack: ReportPack, values: dict[str, Any]) -> list[str]:
    """Save the pack's changes; redraft the paragraphs still as drafted from its old figures.

    Returns the headings of the paragraphs the clerk wrote whose figures have since changed,
    so that the page can ask for them to be checked.
    """
    _check_editor(user)
    stored = ReportPack.objects.select_for_update().get(pk=pack.pk)
    if stored.state == ReportPack.State.FINAL:
        raise PackIsFinal
    drafted = pack_narrative_draft(stored)  # as saved, before this change
    many = _assign(pack, values)
    pack.save()
    for name, value in many.items():
        getattr(pack, name).set(value)
    return _redraft(pack, drafted)


def _redraft(pack: ReportPack, drafted: dict[str, str]) -> list[str]:
    """Draft again the paragraphs still as drafted from the pack's old figures; return the
    headings of those the clerk wrote, whose figures have since changed.

    A changed period, scope or choice of provisional figures changes the facts the draft
    states: a paragraph left as drafted would contradict the pack's own summary.
    """
    fresh = pack_narrative_draft(pack)
    changed, written = [], []
    for field, heading in NARRATIVE:
        if fresh[field] == drafted[field]:
            continue
        if getattr(pack, field) == drafted[field]:
            setattr(pack, field, fresh[field])
            changed.append(field)
        elif getattr(pack, field):  # a paragraph the clerk left out stays out
            written.append(heading)
    if changed:
        pack.save(update_fields=[*changed, "updated_at"])
    return written


@transaction.atomic
def pack_set_state(*, user: Any, pack: ReportPack, state: str) -> ReportPack:
    """Make the pack final (what goes to committee) or reopen it as a draft."""
    _check_editor(user)
    if state not in ReportPack.State.values:
        raise ValueError(f"A pack is draft or final, not {state!r}.")
    stored = ReportPack.objects.select_for_update().get(pk=pack.pk)
    before = stored.get_state_display()
    pack.state = state
    pack.save(update_fields=["state", "updated_at"])
    audit_record(
        user=user,
        item=pack,
        summary=f"Pack {pack.get_state_display().lower()}: {pack.title}",
        changes={"state": [before, pack.get_state_display()]},
    )
    return pack


class TooManyBuilds(Exception):
    """One person's builds queue behind everyone else's: a few at a time each (issue 13)."""

    def __init__(self, limit: int):
        super().__init__(
            f"You already have {limit} {'file' if limit == 1 else 'files'} being built. "
            "Wait for one of them to finish, then ask for this one again."
        )


IN_FLIGHT = (PackBuild.Status.QUEUED, PackBuild.Status.RUNNING)


@transaction.atomic
def pack_build_request(*, pack: ReportPack, format: str, user) -> PackBuild:
    """Start building the pack in `format`, or hand back a build that will do.

    The same pack, format and data fingerprint builds once (issue 13): a build of it already
    queued or under way is handed back rather than started again, and a pack for a locked
    period whose data has not changed since it was built is served from storage. Otherwise a
    person may have REPORT_BUILDS_PER_USER builds waiting or running at once.
    """
    # One request at a time per pack, so that two clicks cannot both start a build.
    ReportPack.objects.select_for_update().filter(pk=pack.pk).first()
    builds_recover_stale()
    fingerprint = pack_fingerprint(pack)
    usable = [*IN_FLIGHT, PackBuild.Status.DONE] if pack.period.is_locked else IN_FLIGHT
    same = pack.builds.filter(format=format, fingerprint=fingerprint, status__in=usable)
    existing = same.order_by("status").first()  # a stored file ("done") first
    if existing is not None:
        return existing
    _check_room(user)
    build = PackBuild.objects.create(
        pack=pack, format=format, fingerprint=fingerprint, requested_by=user
    )
    transaction.on_commit(lambda: build_pack.enqueue(build.pk))
    return build


@transaction.atomic
def export_build_request(
    *, page: str, code: str, query: str, format: str, title: str, user
) -> PackBuild:
    """Start building a page's download in the background, or hand back one that will do.

    The same page, query (its filters and period), format and data build once for each
    person (issue 13): the file is theirs alone (`permissions.may_fetch_download`), so another
    person's identical request gets a build of its own. The date is part of the fingerprint,
    as "overdue" and "due" depend on it. Counted against the person's REPORT_BUILDS_PER_USER
    like a pack.
    """
    parts = [page, code, query, format, timezone.localdate().isoformat(), data_fingerprint()]
    fingerprint = hashlib.sha256("|".join(parts).encode()).hexdigest()
    same = PackBuild.objects.filter(
        pack=None,
        requested_by=user,
        fingerprint=fingerprint,
        status__in=[*IN_FLIGHT, PackBuild.Status.DONE],
    )
    existing = same.order_by("status").first()
    if existing is not None:
        return existing
    _check_room(user)
    build = PackBuild.objects.create(
        page=page,
        params={"code": code, "query": query},
        title=title[:300],
        format=format,
        fingerprint=fingerprint,
        requested_by=user,
    )
    transaction.on_commit(lambda: build_pack.enqueue(build.pk))
    return build


def _check_room(user) -> None:
    limit = settings.REPORT_BUILDS_PER_USER
    if PackBuild.objects.filter(requested_by=user, status__in=IN_FLIGHT).count() >= limit:
        raise TooManyBuilds(limit)


def _stale_builds(now):
    cutoff = now - timedelta(seconds=settings.REPORT_BUILD_STALE_SECONDS)
    return PackBuild.objects.filter(status=PackBuild.Status.RUNNING).filter(
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at=None, created_at__lt=cutoff)
    )


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


@transaction.atomic
def builds_recover_stale() -> int:
    """Build again, or fail with a message, each build whose worker died mid-way.

    A worker killed (`kill -9`, out of memory, a restart) leaves its build "running" with a
    heartbeat that no longer moves (issue 13). It is queued again until it has been tried
    REPORT_BUILD_ATTEMPTS times, then failed in words. Returns how many were found.
    """
    stale = list(_stale_builds(timezone.now()).select_for_update())
    for build in stale:
        if build.attempts < settings.REPORT_BUILD_ATTEMPTS:
            PackBuild.objects.filter(pk=build.pk).update(
                status=PackBuild.Status.QUEUED,
                progress=0,
                message=f"The worker building this stopped, so it is being built again "
                f"(attempt {build.attempts + 1} of {settings.REPORT_BUILD_ATTEMPTS}).",
            )
            transaction.on_commit(lambda pk=build.pk: build_pack.enqueue(pk))
        else:
            PackBuild.objects.filter(pk=build.pk).update(
                status=PackBuild.Status.FAILED,
                finished_at=timezone.now(),
                message=f"The worker building this file stopped {_times(build.attempts)}, so "
                "the build was given up. Ask for the file again; if this happens again, tell "
                "the performance team.",
            )
    return len(stale)
