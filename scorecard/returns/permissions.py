"""Who may do what: returns, periods and report packs. Small predicates, checked by every view
and service, the one place a role is checked.

Roles are the Django groups named in ``scorecard.models.Role``, read once per request. Every
check refuses a user not signed in or no longer active. The performance team (and superusers)
may do everything; an item's updaters and its lead officer enter its returns; approvers sign off
the returns of their own directorate; committee clerks assemble report packs; viewers and clerks
only read, and viewers read final packs only.
"""

from __future__ import annotations

from typing import Any

from scorecard.models import Role
from scorecard.rules.measure_types import MeasureType

_ENTERING_ROLES = {Role.OFFICER.value, Role.APPROVER.value}
_PACK_EDITORS = {Role.COMMITTEE_CLERK.value, Role.PERFORMANCE_TEAM.value}
_PACK_READERS = _PACK_EDITORS | {Role.VIEWER.value}
_READING_ROLES = {Role.VIEWER.value, Role.COMMITTEE_CLERK.value}


def _active(user: Any) -> bool:
    return getattr(user, "is_authenticated", False) and user.is_active


def roles(user: Any) -> frozenset[str]:
    """The names of the user's role groups, read once per request and kept on the user."""
    if not _active(user):
        return frozenset()
    cached = getattr(user, "_returns_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._returns_roles = cached
    return cached


def is_performance_team(user: Any) -> bool:
    """The performance team sets up periods, chases returns and locks quarters."""
    if not _active(user):
        return False
    return user.is_superuser or Role.PERFORMANCE_TEAM.value in roles(user)


def needs_one_time_code(user: Any) -> bool:
    """The performance team and superusers confirm each sign-in with a one-time code: they can
    change every figure, lock quarters and manage who may do what (issue 13)."""
    return is_performance_team(user)


def enters_returns(user: Any) -> bool:
    """The user holds a role that enters returns (Officer or Approver), whatever their items."""
    return bool(roles(user) & _ENTERING_ROLES)


def is_assigned(user: Any, item: Any) -> bool:
    """The user is one of the item's updaters or its lead officer."""
    if item.lead_user_id is not None and item.lead_user_id == user.pk:
        return True
    return item.updaters.filter(pk=user.pk).exists()


def can_update_assigned(user: Any) -> bool:
    """May the user enter the returns of the items they are assigned to?

    Those holding the Officer or Approver role may (a viewer who happens to be named on an
    item still only reads); the performance team always may.
    """
    if is_performance_team(user):
        return True
    return _active(user) and enters_returns(user)


def calculated_refusal(item: Any) -> str:
    """Why nobody enters or signs off ``item``'s return: it is worked out from its formula.

    A calculated measure's value follows its inputs (``scorecard.services.calculated``), and
    its sign-off follows theirs; "" for every other item.
    """
    if getattr(item, "measure_type", None) != MeasureType.CALCULATED:
        return ""
    return (
        f"{item.code} is calculated from its formula ({item.formula}): "
        "enter and approve the results of the measures it uses instead"
    )


def can_update(user: Any, item: Any) -> bool:
    """May the user enter the return of ``item`` (a Measure or an Action)?

    Its updaters and lead officer may, if they hold the Officer or Approver role (a viewer who
    happens to be named on an item still only reads); the performance team always may. Nobody
    enters a calculated measure's result (``calculated_refusal``).
    """
    if calculated_refusal(item):
        return False
    if is_performance_team(user):
        return True
    return can_update_assigned(user) and is_assigned(user, item)


def approver_directorate_id(user: Any) -> int | None:
    """The directorate whose returns an approver signs off, or None."""
    if Role.APPROVER.value not in roles(user):
        return None
    profile = getattr(user, "profile", None)  # None when the user has no profile
    return profile.directorate_id if profile is not None else None


def may_approve(user: Any) -> bool:
    """The user has an approval queue: an approver with a directorate, or the performance team."""
    return is_performance_team(user) or approver_directorate_id(user) is not None


def keeps_returns(user: Any) -> bool:
    """The user has returns of their own to keep: officers, approvers and the performance team.

    Viewers and clerks only read, so "My returns" is not theirs even when a plan names them.
    """
    return is_performance_team(user) or enters_returns(user)


def my_returns_refusal(user: Any) -> str:
    """Why "My returns" is not the user's, in words for the forbidden page; "" when it is.

    A viewer who typed /returns/ was shown an empty list, as if they had nothing due
    (issue 12): they are told instead that returns are for officers and approvers.
    """
    if keeps_returns(user):
        return ""
    return (
        "My returns are for officers, approvers and the performance team, who update "
        "measures and actions; your role reads the dashboard and reports"
    )


def can_see_progress(user: Any) -> bool:
    """The quarter's progress (who is late, what waits for approval) is the team's to chase."""
    return is_performance_team(user)


def can_approve(user: Any, item: Any) -> bool:
    """May the user approve or return the return of ``item``?

    An approver acts on items in the directorate of their own profile; the performance team on
    every item.
    """
    if is_performance_team(user):
        return True
    if not _active(user):
        return False
    directorate = approver_directorate_id(user)
    return directorate is not None and item.directorate_id == directorate


def can_manage_periods(user: Any) -> bool:
    """Opening, closing and locking periods and setting deadlines is the performance team's."""
    return is_performance_team(user)


def can_see_drafts(user: Any, item: Any) -> bool:
    """May the user read the drafts of ``item``'s returns?

    Drafts are private to the people who work on them (DOMAIN.md, "What a published figure
    is"): the item's updaters and lead officer, the approvers who sign it off, and the
    performance team. Everyone else sees only what was handed in.
    """
    if is_performance_team(user) or can_approve(user, item):
        return True
    if not _active(user):
        return False
    return is_assigned(user, item)


def reading_scope(user: Any) -> str:
    """What the user may read on the reporting pages, as a key for figures kept between requests.

    Every reporting page shows handed-in figures only (drafts are private to the people who
    work on them, DOMAIN.md), so today all readers see the same. Figures kept for one user
    are still given only to users of the same roles, superuser flag and approving directorate:
    a page that one day shows a role more cannot hand it to anyone else.
    """
    if not _active(user):
        return "anonymous"
    directorate = approver_directorate_id(user)
    held = ",".join(sorted(roles(user)))
    return f"{held}|{int(user.is_superuser)}|{directorate or ''}"


def only_reads(user: Any) -> bool:
    """The user holds only reading roles (viewer, committee clerk): the dashboard is their home."""
    held = roles(user)
    return bool(held) and held <= _READING_ROLES


def can_edit_packs(user: Any) -> bool:
    """Committee clerks and the performance team assemble, edit and publish report packs."""
    return _active(user) and (user.is_superuser or bool(roles(user) & _PACK_EDITORS))


def can_view_final_packs(user: Any) -> bool:
    """Viewers (CMT, members) read final packs, as do those who make them; drafts stay with
    the editors."""
    return _active(user) and (user.is_superuser or bool(roles(user) & _PACK_READERS))


def may_fetch_download(user: Any, requested_by_id: int | None) -> bool:
    """A page's download built in the background is its requester's alone (and a superuser's):
    its link must not hand one person's filtered figures to whoever guesses the number
    (issue 13). Anyone else is told it does not exist."""
    return _active(user) and (user.is_superuser or requested_by_id == user.pk)


def can_manage_comparators(user: Any) -> bool:
    """Importing comparator data and defining comparator groups is the performance team's
    (issue 11: groups "defined by the performance team")."""
    return is_performance_team(user)


def may_set_up(user: Any) -> bool:
    """Setting up plans, objectives, measures, actions, periods and users is the performance
    team's (issue 12, "Set-up by the performance team, in the product")."""
    return is_performance_team(user)
