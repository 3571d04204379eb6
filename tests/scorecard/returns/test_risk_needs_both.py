"""A risk score needs both likelihood and impact: one alone is refused wherever it is entered."""

from decimal import Decimal

import pytest
from openpyxl import Workbook

from scorecard.models import Result
from scorecard.returns.excel import returns_import
from scorecard.returns.services import ReturnInvalid, return_save
from scorecard.workbook.errors import WorkbookRefused
from tests.support.returns import edit_url, result_form

pytestmark = pytest.mark.django_db


def test_the_form_refuses_a_likelihood_without_an_impact_and_keeps_what_was_typed(
    client, officer, measure, q3
):
    client.force_login(officer)
    response = client.post(
        edit_url(measure, q3), result_form("draft", actual="55", risk_likelihood="4")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_risk_impact"' in page
    assert "Give the impact as well as the likelihood, or neither" in page
    assert 'value="55"' in page
    assert not Result.objects.exists()


def test_the_form_refuses_an_impact_without_a_likelihood(client, officer, measure, q3):
    client.force_login(officer)
    page = client.post(
        edit_url(measure, q3), result_form("draft", actual="55", risk_impact="3")
    ).content.decode()
    assert 'href="#id_risk_likelihood"' in page
    assert "Give the likelihood as well as the impact, or neither" in page
    assert not Result.objects.exists()


def test_the_service_refuses_half_a_risk_score(officer, measure, q3):
    with pytest.raises(ReturnInvalid) as refused:
        return_save(
            user=officer,
            item=measure,
            period=q3,
            values={"actual": Decimal("55"), "risk_likelihood": 5},
            version=0,
        )
    assert "impact" in refused.value.errors["risk_impact"]
    assert not Result.objects.exists()


def test_the_service_refuses_blanking_the_impact_of_a_stored_score(officer, measure, q3):
    saved = return_save(
        user=officer,
        item=measure,
        period=q3,
        values={"actual": Decimal("55"), "risk_likelihood": 3, "risk_impact": 4},
        version=0,
    )
    with pytest.raises(ReturnInvalid):
        return_save(
            user=officer,
            item=measure,
            period=q3,
            values={"risk_impact": None},
            version=saved.version,
        )
    assert Result.objects.get().risk_score == 12


def test_an_uploaded_return_with_half_a_risk_score_is_refused_by_row_and_column(
    officer, measure, q3, tmp_path
):
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Results"
    ws.append(["Code", "Period", "Actual", "Likelihood", "Impact"])
    ws.append(["NI 192", "2009/10 Q3", 55, 4, None])
    workbook.save(tmp_path / "risk.xlsx")
    with pytest.raises(WorkbookRefused) as refused:
        returns_import(path=tmp_path / "risk.xlsx", user=officer, period=q3)
    [error] = refused.value.errors
    assert (error.sheet, error.row, error.column) == ("Results", 2, "Impact")
    assert "Give the impact as well as the likelihood" in error.message
    assert not Result.objects.filter(period=q3).exists()
