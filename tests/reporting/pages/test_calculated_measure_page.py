"""A calculated measure's page shows its formula, and for each period the inputs it used."""

import pytest
from django.urls import reverse

from scorecard.models import Result
from scorecard.services.calculated import calculated_refresh
from tests.support.councils import measure
from tests.support.pages import HISTORY, page_for, row, row_cells, table

pytestmark = pytest.mark.django_db


@pytest.fixture
def ni_192(council):
    recycled = measure(
        "NI 192a",
        title="Tonnes recycled",
        unit="t",
        results={"2009/10 Q1": "1280", "2009/10 Q2": "1300"},
    )
    collected = measure(
        "NI 192b",
        title="Tonnes collected",
        unit="t",
        results={"2009/10 Q1": "2000"},
    )
    Result.objects.create(
        measure=collected,
        period=Result.objects.get(measure=recycled, period__label="2009/10 Q2").period,
        actual=2500,
        status="submitted",
    )
    made = measure(
        "NI 192",
        title="Household waste recycled",
        unit="%",
        decimal_places=1,
        measure_type="calculated",
        formula="[NI 192a] / [NI 192b] * 100",
        targets={"2009/10 Q1": "60", "2009/10 Q2": "60"},
    )
    calculated_refresh(measure_ids=[made.pk])
    return made


def test_the_page_shows_the_formula_with_its_codes_linked(as_viewer, ni_192):
    page = page_for(as_viewer, "NI 192")
    facts = {dt.text: dd for dt, dd in zip(page.find_all("dt"), page.find_all("dd"), strict=True)}
    assert facts["Calculated by the formula"].text == "[NI 192a] / [NI 192b] * 100"
    links = {a.text: a.get("href") for a in facts["Calculated by the formula"].find_all("a")}
    assert links == {
        "NI 192a": reverse("measure", args=["NI 192a"]),
        "NI 192b": reverse("measure", args=["NI 192b"]),
    }


def test_each_period_shows_how_it_was_worked_out_and_the_inputs_used(as_viewer, ni_192):
    history = table(page_for(as_viewer, "NI 192"), HISTORY)
    q1 = row_cells(history, "2009/10 Q1")
    assert q1["Actual"] == "64.0%"
    assert q1["Worked out"] == (
        "64.0% = 1,280 / 2,000 × 100 from NI 192a (1,280) and NI 192b (2,000). "
        "Inputs used: NI 192a 1,280 t, NI 192b 2,000 t"
    )
    q2 = row_cells(history, "2009/10 Q2")
    assert q2["Worked out"] == (
        "52.0% = 1,300 / 2,500 × 100 from NI 192a (1,300) and NI 192b (2,500). "
        "Provisional until NI 192b is approved. "
        "Inputs used: NI 192a 1,300 t, NI 192b 2,500 t (provisional)"
    )
    links = [a.get("href") for a in row(history, "2009/10 Q2").find_all("a")]
    assert reverse("measure", args=["NI 192b"]) in links


def test_an_entered_measure_has_no_formula_or_worked_out_column(as_viewer, ni_192):
    page = page_for(as_viewer, "NI 192a")
    assert "Calculated by the formula" not in page.text
    assert "Worked out" not in page.text
