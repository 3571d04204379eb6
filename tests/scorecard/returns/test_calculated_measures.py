"""Calculated measures are worked out from their inputs whenever an input's result is written."""

from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import Workbook

from scorecard.models import Result
from scorecard.returns.excel import returns_import
from scorecard.returns.selectors import approval_queue, my_returns
from scorecard.returns.services import (
    ReturnRefused,
    return_approve,
    return_save,
    return_send_back,
)
from scorecard.services.calculated import calculated_refresh
from scorecard.workbook.importer import workbook_import
from tests.support.factories import ResultFactory
from tests.support.periods import open_period
from tests.support.returns import edit_url, measure_for
from tests.support.workbooks import write_csv_folder

pytestmark = pytest.mark.django_db


@pytest.fixture
def tonnages(officer, q3, directorate):
    """NI 192a (tonnes recycled) and NI 192b (tonnes collected), entered by the officer."""
    recycled = measure_for(
        officer,
        q3,
        code="NI 192a",
        title="Tonnes recycled",
        unit="t",
        target=None,
        directorate=directorate,
    )
    collected = measure_for(
        officer,
        q3,
        code="NI 192b",
        title="Tonnes collected",
        unit="t",
        target=None,
        directorate=directorate,
    )
    return recycled, collected


@pytest.fixture
def ni_192(officer, q3, directorate, tonnages):
    """NI 192 = NI 192a / NI 192b * 100, a percentage with a target of 50% (10% tolerance)."""
    return measure_for(
        officer,
        q3,
        code="NI 192",
        title="Household waste recycled",
        measure_type="calculated",
        formula="[NI 192a] / [NI 192b] * 100",
        directorate=directorate,
    )


def submit(user, measure, period, actual):
    current = Result.objects.filter(measure=measure, period=period).first()
    return return_save(
        user=user,
        item=measure,
        period=period,
        values={"actual": Decimal(actual), "commentary": "Weighbridge figures."},
        version=current.version if current else 0,
        submit=True,
    )


def calculated(measure, period) -> Result:
    return Result.objects.get(measure=measure, period=period)


def test_submitting_both_inputs_works_out_a_provisional_rated_value(officer, q3, ni_192, tonnages):
    recycled, collected = tonnages
    submit(officer, recycled, q3, "1234")
    submit(officer, collected, q3, "5678")
    result = calculated(ni_192, q3)
    assert result.source == "calculated"
    assert result.actual == Decimal("21.7330")
    assert result.status == "submitted"  # provisional until its inputs are approved
    assert result.derivation == (
        "21.7% = 1,234 / 5,678 × 100 from NI 192a (1,234) and NI 192b (5,678). "
        "Provisional until NI 192a and NI 192b are approved."
    )
    assert result.rag == "red"  # 21.7% against a target of 50%, by the measure's own rule
    assert result.rag_explanation.startswith("Red")


def test_one_input_alone_gives_no_value_and_says_which_is_missing(officer, q3, ni_192, tonnages):
    submit(officer, tonnages[0], q3, "1234")
    result = calculated(ni_192, q3)
    assert result.actual is None
    assert result.derivation == "Not calculated: no value for NI 192b."
    assert result.rag == ""


def test_a_draft_input_is_not_used(officer, q3, ni_192, tonnages):
    recycled, collected = tonnages
    submit(officer, recycled, q3, "1234")
    return_save(
        user=officer, item=collected, period=q3, values={"actual": Decimal("5678")}, version=0
    )
    assert calculated(ni_192, q3).derivation == "Not calculated: no value for NI 192b."


def test_approving_every_input_approves_the_calculated_value(
    officer, approver, q3, ni_192, tonnages
):
    recycled, collected = tonnages
    first = submit(officer, recycled, q3, "3000")
    second = submit(officer, collected, q3, "5000")
    return_approve(user=approver, ret=first)
    result = calculated(ni_192, q3)
    assert result.status == "submitted"
    assert result.derivation.endswith("Provisional until NI 192b is approved.")
    return_approve(user=approver, ret=second)
    result = calculated(ni_192, q3)
    assert result.status == "approved"
    assert (
        result.derivation == "60.0% = 3,000 / 5,000 × 100 from NI 192a (3,000) and NI 192b (5,000)."
    )
    assert result.rag == "green"


def test_sending_an_input_back_takes_it_out_of_the_calculation(
    officer, approver, q3, ni_192, tonnages
):
    recycled, collected = tonnages
    submit(officer, recycled, q3, "3000")
    second = submit(officer, collected, q3, "5000")
    return_send_back(user=approver, ret=second, comment="Check the tonnage.")
    assert calculated(ni_192, q3).actual is None


def test_changing_an_input_recomputes_and_rerates(officer, q3, ni_192, tonnages):
    recycled, collected = tonnages
    submit(officer, recycled, q3, "1000")
    submit(officer, collected, q3, "5000")
    assert calculated(ni_192, q3).rag == "red"
    submit(officer, recycled, q3, "2600")
    result = calculated(ni_192, q3)
    assert result.actual == Decimal("52.0000")
    assert result.rag == "green"


def test_a_zero_input_it_divides_by_is_not_calculated(officer, q3, ni_192, tonnages):
    recycled, collected = tonnages
    submit(officer, recycled, q3, "0")
    submit(officer, collected, q3, "0")
    assert calculated(ni_192, q3).derivation == (
        "Not calculated: NI 192b is 0, and the formula divides by it."
    )


def test_calculated_measures_of_calculated_measures_follow_in_order(
    officer, q3, directorate, ni_192, tonnages
):
    doubled = measure_for(
        officer,
        q3,
        code="LPI 900",
        title="Twice the recycling rate",
        measure_type="calculated",
        formula="[NI 192] * 2",
        directorate=directorate,
    )
    recycled, collected = tonnages
    submit(officer, recycled, q3, "1000")
    submit(officer, collected, q3, "5000")
    assert calculated(doubled, q3).actual == Decimal("40.0000")
    submit(officer, recycled, q3, "1500")
    assert calculated(doubled, q3).actual == Decimal("60.0000")


def test_each_period_uses_its_own_inputs(officer, q3, ni_192, tonnages):
    recycled, collected = tonnages
    q2 = open_period("2009/10 Q2")
    for period, (a, b) in ((q2, ("1", "4")), (q3, ("1", "2"))):
        submit(officer, recycled, period, a)
        submit(officer, collected, period, b)
    assert calculated(ni_192, q2).actual == Decimal("25.0000")
    assert calculated(ni_192, q3).actual == Decimal("50.0000")


def test_nobody_enters_or_approves_a_calculated_result(
    officer, team_member, approver, q3, ni_192, tonnages
):
    for user in (officer, team_member):
        with pytest.raises(ReturnRefused, match="NI 192 is calculated"):
            return_save(user=user, item=ni_192, period=q3, values={"actual": 1}, version=0)
    submit(officer, tonnages[0], q3, "1")
    submit(officer, tonnages[1], q3, "2")
    with pytest.raises(ReturnRefused, match="NI 192 is calculated"):
        return_approve(user=approver, ret=calculated(ni_192, q3))


def test_calculated_measures_are_not_in_my_returns_or_the_approval_queue(
    client, officer, approver, q3, ni_192, tonnages
):
    submit(officer, tonnages[0], q3, "1")
    submit(officer, tonnages[1], q3, "2")
    assert {row.item.code for row in my_returns(officer)} == {"NI 192a", "NI 192b"}
    assert {r.measure.code for r in approval_queue(approver)} == {"NI 192a", "NI 192b"}
    client.force_login(officer)
    assert "NI 192a" in client.get(reverse("returns:mine")).content.decode()
    page = client.get(edit_url(ni_192, q3)).content.decode()
    assert "NI 192 is calculated from its formula ([NI 192a] / [NI 192b] * 100)" in page
    assert "50.0% = 1 / 2 × 100 from NI 192a (1) and NI 192b (2)" in page
    assert 'name="actual"' not in page


def test_the_excel_return_recomputes_and_refuses_a_calculated_row(
    officer, q3, ni_192, tonnages, tmp_path
):
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Results"
    ws.append(["Code", "Period", "Actual", "Commentary"])
    ws.append(["NI 192a", "2009/10 Q3", 3000, "Weighbridge."])
    ws.append(["NI 192b", "2009/10 Q3", 5000, "Weighbridge."])
    workbook.save(tmp_path / "r.xlsx")
    returns_import(path=tmp_path / "r.xlsx", user=officer, period=q3)
    assert calculated(ni_192, q3).actual == Decimal("60.0000")

    ws.append(["NI 192", "2009/10 Q3", 70, "Typed in."])
    workbook.save(tmp_path / "r2.xlsx")
    from scorecard.workbook.errors import WorkbookRefused

    with pytest.raises(WorkbookRefused) as refused:
        returns_import(path=tmp_path / "r2.xlsx", user=officer, period=q3)
    [error] = refused.value.errors
    assert (error.row, error.column) == (4, "Code")
    assert "NI 192 is calculated from its formula" in error.message


def test_the_plan_workbook_recomputes_from_its_results(ni_192, tonnages, tmp_path):
    folder = write_csv_folder(
        tmp_path / "wb",
        {
            "Results": [
                ["Code", "Period", "Actual"],
                ["NI 192a", "2009/10 Q3", "1"],
                ["NI 192b", "2009/10 Q3", "4"],
            ]
        },
    )
    workbook_import(path=folder)
    result = Result.objects.get(measure=ni_192)
    assert (result.actual, result.status) == (Decimal("25.0000"), "approved")


def test_refresh_reads_a_fixed_number_of_queries(
    officer, q3, ni_192, tonnages, django_assert_max_num_queries
):
    recycled, collected = tonnages
    keys = []
    for label in ("2009/10 Q1", "2009/10 Q2", "2009/10 Q3", "2009/10 Q4"):
        period = open_period(label)
        for measure in tonnages:
            ResultFactory(measure=measure, period=period, actual=Decimal("3"))
            keys.append((measure.pk, period.pk))
    with django_assert_max_num_queries(12):
        changed = calculated_refresh(results=keys)
    assert len(changed) == 4


def test_a_new_formula_leaves_locked_quarters_as_they_were_signed_off(
    officer, q3, ni_192, tonnages
):
    recycled, collected = tonnages
    q2 = open_period("2009/10 Q2")
    for period in (q2, q3):
        submit(officer, recycled, period, "1")
        submit(officer, collected, period, "4")
    q2.state = "locked"
    q2.save()
    ni_192.formula = "[NI 192a] / [NI 192b] * 1000"
    ni_192.save()
    calculated_refresh(measure_ids=[ni_192.pk])
    assert calculated(ni_192, q2).actual == Decimal("25.0000")
    assert calculated(ni_192, q3).actual == Decimal("250.0000")


def test_each_calculated_value_is_audited_with_how_it_was_worked_out(officer, q3, ni_192, tonnages):
    from scorecard.returns.audit import history

    recycled, collected = tonnages
    submit(officer, recycled, q3, "1234")
    submit(officer, collected, q3, "5678")
    entry = history([calculated(ni_192, q3)])[0]
    assert entry.summary == "Calculated NI 192 2009/10 Q3 by its formula"
    assert entry.reason == calculated(ni_192, q3).derivation
    assert entry.changes["actual"] == ["", "21.733"]
    assert entry.user == officer  # whose write caused it
