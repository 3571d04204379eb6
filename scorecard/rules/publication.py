"""Who may put a period's results on the public pages, and when (issue 14).

Councils publish performance once it is signed off: the Local Government Transparency Code
asks for published data that is accurate, and a quarter is signed off when it is locked
(DOMAIN.md, "Periods"). Publishing before the lock is allowed only as a deliberate act with
a reason, as re-rating a locked quarter is (``scorecard.rules.signoff``).
"""

from __future__ import annotations


def publish_refusal(*, is_team: bool, is_locked: bool, is_published: bool, reason: str) -> str:
    """Why the period may not be published now, in words; empty when it may."""
    if not is_team:
        return "only the performance team publishes periods"
    if is_published:
        return "the period is already published"
    if not is_locked and not reason.strip():
        return "the period is not locked: give a reason for publishing it before sign-off"
    return ""


def unpublish_refusal(*, is_team: bool, is_published: bool, reason: str) -> str:
    """Why the period may not be taken off the public pages now; empty when it may."""
    if not is_team:
        return "only the performance team unpublishes periods"
    if not is_published:
        return "the period is not published"
    if not reason.strip():
        return "give a reason for taking the period off the public pages"
    return ""
