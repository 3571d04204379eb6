"""The Update-all page shows each item's earlier periods beside its inputs: the value, the
target and the comment of the last four periods (issue 12, "The officer's return")."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import Result
from tests.support.factories import ResultFactory, TargetFactory
from tests.support.pages import main
from tests.support.periods import period
from tests.support.returns import measure_for

pytestmark = pytest.mark.django_db

EARLIER = ["2009/10 Q2", "2009/10 Q1", "2008/09 Q4", "2008/09 Q3"]


def _history(measure, labels, *, start=40):
    for n, label in enumerate(labels):
        when = period(label)
        TargetFactory(measure=measure, period=when, value=Decimal("45"))
        ResultFactory(
            measure=measure,
            period=when,
            actual=Decimal(start + n),
            rag="amber",
            commentary=f"Comment for {label}.",
            status="approved",
        )


def earlier_cell(client, q3, code: str):
    page = main(client.get(reverse("returns:update_all", args=[q3.pk])).content)
    row = next(tr for tr in page.find_all("tr") if tr.find("th") and code in tr.find("th").text)
    return row.find("td", class_="earlier")


def test_the_last_four_periods_sit_beside_the_inputs_latest_first(client, officer, measure, q3):
    # 2008/09 Q2 is a fifth period back; 2009/10 Q4 is after the return's period.
    _history(measure, [*EARLIER, "2008/09 Q2", "2009/10 Q4"])
    client.force_login(officer)
    cell = earlier_cell(client, q3, "NI 192")
    periods = [node.text for node in cell.find_all(class_="earlier__period")]
    assert periods == EARLIER
    text = " ".join(cell.text.split())
    assert "40.0% against 45.0%" in text and "43.0% against 45.0%" in text  # places kept
    assert "Comment for 2008/09 Q3." in text
    assert "2008/09 Q2" not in text and "2009/10 Q4" not in text


def test_the_latest_comment_can_still_be_copied_forward(client, officer, measure, q3):
    _history(measure, EARLIER)
    client.force_login(officer)
    buttons = earlier_cell(client, q3, "NI 192").find_all("button")
    assert [b.get("data-copy-text") for b in buttons] == ["Comment for 2009/10 Q2."]


def test_an_earlier_return_not_yet_approved_says_so(client, officer, measure, q3):
    _history(measure, EARLIER)
    Result.objects.filter(period__label="2009/10 Q1").update(status="submitted")
    client.force_login(officer)
    items = earlier_cell(client, q3, "NI 192").find_all("li")
    said = ["not approved" in " ".join(li.text.split()) for li in items]
    assert said == [False, True, False, False]
    assert "Submitted, not approved" in items[1].text


def test_an_item_with_no_earlier_returns_says_so(client, officer, measure, q3):
    client.force_login(officer)
    assert earlier_cell(client, q3, "NI 192").text.strip() == "–"


def test_the_history_costs_a_fixed_number_of_queries(
    client, officer, q3, django_assert_max_num_queries
):
    for i in range(12):
        _history(measure_for(officer, q3, code=f"M {i:02d}"), EARLIER)
    client.force_login(officer)
    with django_assert_max_num_queries(22):
        assert client.get(reverse("returns:update_all", args=[q3.pk])).status_code == 200
