"""`make bench` figures for returns: an uploaded return of 500 rows, and the update-all page."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from scorecard.models import Measure, ReportingPeriod, Role, Target
from scorecard.returns.excel import returns_import
from scorecard.rules.periods import parse_period

PERIOD = "2031/32 Q1"  # far from any demo or generated period


def bench_returns(measure, line, repeat: int) -> None:
    """Validate and apply a 500-row return; count the update-all page's queries at 10 and 50."""
    period = _open_period()
    officer = _officer("bench-officer")
    codes = _measures(officer, period, count=500, prefix="RET")
    with tempfile.TemporaryDirectory() as tmp:
        files = [_return_file(Path(tmp) / f"r{n}.xlsx", codes, period, n) for n in range(repeat)]
        took, queries = measure(
            lambda: returns_import(path=files[0], user=officer, period=period, dry_run=True),
            repeat,
        )
        line("validate an uploaded return of 500 rows", took, queries)
        pending = list(files)
        took, queries = measure(
            lambda: returns_import(path=pending.pop(0), user=officer, period=period), repeat
        )
        line("validate and apply a return of 500 rows", took, queries)

    for count in (10, 50):
        user = _officer(f"bench-officer-{count}")
        _measures(user, period, count=count, prefix=f"UA{count}")
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        url = reverse("returns:update_all", args=[period.pk])
        client.get(url)  # warm-up
        took, queries = measure(lambda url=url, client=client: _ok(client.get(url)), repeat)
        line(f"page: update all, officer with {count} items", took, queries)


def _ok(response):
    if response.status_code != 200:
        raise RuntimeError(f"{response.status_code} from {response.request['PATH_INFO']}")
    return response


def _open_period() -> ReportingPeriod:
    ref = parse_period(PERIOD)
    period, _ = ReportingPeriod.objects.update_or_create(
        kind=ref.kind.value,
        year=ref.year,
        number=ref.number,
        defaults={"state": "open", "deadline": timezone.localdate() + timedelta(days=30)},
    )
    return period


def _officer(username: str):
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.groups.add(Group.objects.get_or_create(name=Role.OFFICER.value)[0])
    return user


def _measures(user, period: ReportingPeriod, *, count: int, prefix: str) -> list[str]:
    codes = [f"{prefix} {n:04d}" for n in range(count)]
    Measure.objects.bulk_create(
        [
            Measure(
                code=code,
                title=f"Bench measure {code}",
                unit="%",
                decimal_places=1,
                rag_method="tolerance",
                tolerance_amount=Decimal("10"),
            )
            for code in codes
        ],
        ignore_conflicts=True,
    )
    measures = list(Measure.objects.filter(code__in=codes))
    Measure.updaters.through.objects.bulk_create(
        [Measure.updaters.through(measure_id=m.pk, user_id=user.pk) for m in measures],
        ignore_conflicts=True,
    )
    Target.objects.bulk_create(
        [Target(measure=m, period=period, value=Decimal("60")) for m in measures],
        ignore_conflicts=True,
    )
    return codes


def _return_file(path: Path, codes: list[str], period: ReportingPeriod, run: int) -> Path:
    """A filled-in return: every row changes on each run, a tenth of them Red with an action."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Results"
    ws.append(["Code", "Period", "Actual", "Commentary", "Corrective action"])
    for n, code in enumerate(codes):
        actual = 40 + (n * 7 + run) % 50
        action = "Recovery plan agreed." if actual < 54 else None
        ws.append([code, period.label, actual, f"Run {run}: on course.", action])
    workbook.save(path)
    return path
