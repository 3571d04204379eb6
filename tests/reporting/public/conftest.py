"""A small council with one published period and everything that must never be published:
an unpublished measure, an unpublished later period, a result awaiting approval, a draft, and
words marked internal."""

from dataclasses import dataclass

import pytest
from django.core.cache import cache

from scorecard.models import Result
from scorecard.returns.period_services import period_lock, period_publish
from tests.support.councils import measure, small_council
from tests.support.periods import period

Q2 = "2009/10 Q2"


@dataclass
class Secrets:
    """Words and figures that must never reach a public page or file."""

    unpublished_measure = "SECRET 1"
    unpublished_figure = "777.7"
    later_figure = "99.9"  # NI 192's approved result in 2009/10 Q3, which is not published
    provisional_figure = "123.4"  # LPI 060's Q2 result, submitted but not approved
    draft_figure = "55.5"  # LPI 061's Q2 result, a draft
    internal_commentary = "Contractor Smith is underperforming"
    internal_action = "Disciplinary process for the depot manager"
    public_commentary = "Recycling rose after the new kerbside collection."


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no public page cached (tests run in a transaction that never
    commits, so the writes' on-commit new generation never comes)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def secrets() -> Secrets:
    return Secrets()


@pytest.fixture
def published(council, performance_team):
    """2009/10 Q2 locked and published; Q3 approved but not published."""
    made = small_council()
    made.measures["NI 192"].__class__.objects.exclude(code="LPI 050").update(published=True)
    measure("SECRET 1", title="Unpublished measure", targets={Q2: "1"}, results={Q2: "777.7"})
    measure(
        "LPI 060",
        title="Awaiting approval",
        published=True,
        decimal_places=1,
        targets={Q2: "100"},
        results={Q2: "123.4"},
        result_status="submitted",
    )
    measure(
        "LPI 061",
        title="Still a draft",
        published=True,
        decimal_places=1,
        targets={Q2: "50"},
        results={Q2: "55.5"},
        result_status="draft",
    )
    recycling = made.measures["NI 192"]
    Result.objects.create(
        measure=recycling,
        period=period("2009/10 Q3"),
        actual="99.9",
        status="approved",
        commentary="Q3 words never published",
    )
    Result.objects.filter(measure=recycling, period__label=Q2).update(
        commentary=Secrets.public_commentary,
        corrective_action=Secrets.internal_action,
        corrective_action_internal=True,
    )
    Result.objects.filter(measure__code="BV 012", period__label=Q2).update(
        commentary=Secrets.internal_commentary, commentary_internal=True
    )
    q2 = period(Q2)
    period_lock(user=performance_team, period=q2)
    period_publish(user=performance_team, period=q2)
    return made
