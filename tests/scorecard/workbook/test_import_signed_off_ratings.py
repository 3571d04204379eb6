"""An import re-rates open periods only, but rates every result whose figures it writes."""

from decimal import Decimal

import pytest

from scorecard.models import ReportingPeriod, Result
from tests.support.workbooks import council_workbook

pytestmark = pytest.mark.django_db


def waste_q2() -> Result:
    return Result.objects.get(measure__code="NI 191", period__label="2009/10 Q2")


@pytest.fixture
def signed_off(import_sheets):
    """The council's workbook imported, then 2009/10 Q2 signed off in the given state."""

    def sign_off(state: str) -> Result:
        import_sheets(council_workbook())
        ReportingPeriod.objects.filter(label="2009/10 Q2").update(state=state)
        assert waste_q2().rag == "amber"
        return waste_q2()

    return sign_off


@pytest.mark.parametrize("state", ["closed", "locked"])
def test_a_tolerance_change_leaves_a_signed_off_quarters_rating(signed_off, import_sheets, state):
    before = signed_off(state)
    import_sheets(
        {"Measures": [["Code", "Title", "Tolerance"], ["NI 191", "Residual waste", "1%"]]}
    )
    after = waste_q2()
    assert (after.rag, after.rag_explanation) == (before.rag, before.rag_explanation)


def test_importing_the_same_results_again_keeps_the_signed_off_rating(signed_off, import_sheets):
    before = signed_off("closed")
    import_sheets(
        {"Measures": [["Code", "Title", "Tolerance"], ["NI 191", "Residual waste", "1%"]]}
    )
    import_sheets({"Results": council_workbook()["Results"]})  # the same figures again
    assert waste_q2().rag_explanation == before.rag_explanation


def test_a_changed_figure_in_a_closed_quarter_is_rated_by_what_it_now_says(
    signed_off, import_sheets
):
    signed_off("closed")
    changed = council_workbook()
    changed["Results"][1][2] = "455"  # lower is better: 455 kg beats the 459 kg target
    import_sheets(changed)
    waste = waste_q2()
    assert (waste.actual, waste.rag) == (Decimal("455"), "green")
