"""Real races on PostgreSQL: threads with their own connections confirm an Excel return while
another editor saves, or confirm one preview five times at once.

Run with ``DATABASE_URL=postgres://…``; skipped on SQLite, which has no concurrent writers.
"""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from scorecard.models import AuditEntry, Result
from scorecard.returns import services
from scorecard.returns.excel import returns_import
from scorecard.workbook.errors import WorkbookRefused
from tests.support.returns import preview, return_file

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL for concurrent writers"
    ),
]


def at_once(*jobs) -> list[str]:
    """Run each job in its own thread and connection, all released together; their outcomes."""
    barrier = threading.Barrier(len(jobs))
    outcomes: list[str] = [""] * len(jobs)

    def run(index, job):
        try:
            barrier.wait()
            job()
            outcomes[index] = "saved"
        except (WorkbookRefused, services.ReturnConflict):
            outcomes[index] = "refused"
        except Exception as exc:  # noqa: BLE001 - shown in the assertion
            outcomes[index] = f"error: {exc!r}"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_a_confirm_racing_another_editor_never_loses_an_update(
    tmp_path, officer, performance_team, measure, q3
):
    for race in range(30):
        mine, theirs = Decimal(60 + race % 10), Decimal(20 + race % 10)
        path = return_file(tmp_path, ["NI 192", "2009/10 Q3", mine, None, "Up."])
        seen = preview(path, officer, q3)
        current = Result.objects.filter(measure=measure, period=q3).first()
        version = current.version if current else 0

        def confirm(path=path, seen=seen):
            returns_import(path=path, user=officer, period=q3, expected_versions=seen)

        def other_editor(version=version, theirs=theirs):
            services.return_save(
                user=performance_team,
                item=measure,
                period=q3,
                values={"actual": theirs, "corrective_action": "Extra rounds."},
                version=version,
            )

        outcomes = at_once(confirm, other_editor)
        assert sorted(outcomes) == ["refused", "saved"], (race, outcomes)
        winner = mine if outcomes[0] == "saved" else theirs
        result = Result.objects.get(measure=measure, period=q3)
        assert result.actual == winner, race
        assert result.version == version + 1, race


def test_five_confirms_of_one_preview_apply_it_once(tmp_path, officer, measure, judged, q3):
    stored = Result.objects.create(measure=measure, period=q3, actual=Decimal("40"))
    path = return_file(
        tmp_path,
        ["NI 192", "2009/10 Q3", 55, None, "Up."],
        ["LOC 01", "2009/10 Q3", None, "Green", "Fine."],
    )
    seen = preview(path, officer, q3)

    def confirm():
        returns_import(path=path, user=officer, period=q3, expected_versions=seen)

    outcomes = at_once(*[confirm] * 5)
    assert sorted(outcomes) == ["refused"] * 4 + ["saved"], outcomes
    stored.refresh_from_db()
    assert stored.version == 2 and stored.actual == Decimal("55")
    assert Result.objects.get(measure=judged).version == 1
    assert AuditEntry.objects.count() == 2
