"""The scorecard export shows a monthly ratio measure's quarter, worked out from its months,
with how it was made and how its profiled target was derived (issue 10)."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from scorecard.models import Target
from scorecard.services.figures import figures_follow
from scorecard.services.targets import profiled_targets_derive
from tests.support.councils import measure
from tests.support.factories import ResultFactory
from tests.support.periods import period
from tests.support.reports import Xlsx, by_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def rehoused(council):
    """Households re-housed as a % of those on the register, monthly, 60% a year, profiled."""
    made = measure(
        "LPI 040",
        title="Households re-housed",
        frequency="monthly",
        measure_type="ratio",
        unit="%",
        decimal_places=1,
        polarity="higher",
        target_profile="even",
    )
    Target.objects.create(measure=made, period=period("2009/10"), value=Decimal("60"))
    profiled_targets_derive(measure_ids=[made.pk])
    for label, numerator, denominator in (
        ("Jul 2009", 400, 600),
        ("Aug 2009", 480, 700),
        ("Sep 2009", 400, 700),
    ):
        ResultFactory(
            measure=made,
            period=period(label),
            actual=Decimal(numerator) * 100 / Decimal(denominator),
            numerator=Decimal(numerator),
            denominator=Decimal(denominator),
            status="approved",
        )
    figures_follow(measure_ids=[made.pk])
    return made


def test_the_scorecard_export_shows_the_derived_quarter_and_says_how(rehoused, tmp_path):
    out = tmp_path / "scorecard.xlsx"
    call_command(
        "export_report",
        "scorecard",
        "--period",
        "2009/10 Q2",
        "--format",
        "xlsx",
        "-o",
        str(out),
        verbosity=0,
    )
    row = by_code(Xlsx(out.read_bytes())["Scorecard"])["LPI 040"]
    assert row["Actual"].value == 64  # 1,280 / 2,000: summed, not an average of 66.7, 68.6, 57.1
    assert row["Target"].value == 60
    assert row["RAG"].value == "G"
    how = row["How it was rated"].value
    assert how.startswith("Q2 value 64.0% = 1,280 / 2,000, the sum of July to September. Green")
    assert how.endswith(
        "2009/10 Q2 target 60.0% = the annual target, which a snapshot measure is held to in "
        "every period."
    )
