"""A result submitted but not yet approved is provisional, and says so in words wherever the
dashboards show it (DOMAIN.md, "What a published figure is"); a draft is never shown."""

import pytest
from django.urls import reverse

from tests.support.councils import measure, small_council_awaiting_approval, update
from tests.support.factories import ActionFactory
from tests.support.pages import cells, main, row, table

pytestmark = pytest.mark.django_db

Q2 = "2009/10 Q2"


@pytest.fixture
def council_q2(council):
    return small_council_awaiting_approval()


def row_text(content: bytes, caption: str | None, code: str) -> str:
    """The words in a row of the table with this caption (the page's only table: None)."""
    page = main(content)
    tbl = table(page, caption) if caption else page.find("table")
    return " ".join(cells(row(tbl, code)))


def test_a_submitted_result_is_marked_provisional_on_the_dashboard(as_viewer, council_q2):
    content = as_viewer.get(reverse("dashboard"), {"period": Q2}).content
    assert "Provisional" in row_text(content, "Red items", "BV 012")


def test_an_approved_result_is_not_marked_provisional(as_viewer, council_q2):
    content = as_viewer.get(reverse("items"), {"period": Q2}).content
    assert "Provisional" not in row_text(content, None, "NI 192")


def test_a_submitted_result_is_marked_provisional_in_the_item_list(as_viewer, council_q2):
    content = as_viewer.get(reverse("items"), {"period": Q2}).content
    assert "Provisional" in row_text(content, None, "BV 012")


def test_a_submitted_result_is_marked_provisional_on_the_scorecard(as_viewer, council_q2):
    content = as_viewer.get(reverse("scorecard"), {"period": Q2}).content
    text = row_text(content, "People", "BV 012")
    assert "Provisional" in text and "8.6 days" in text


def test_a_submitted_action_update_is_marked_provisional_in_the_item_list(as_viewer, council_q2):
    action = ActionFactory(code="CIP09.1.1", objective=council_q2.satisfied)
    update(action, Q2, "green", status="submitted")
    content = as_viewer.get(reverse("items"), {"period": Q2}).content
    assert "Provisional" in row_text(content, None, "CIP09.1.1")


def test_a_draft_is_never_shown(as_viewer, council_q2):
    measure("LPI 300", targets={Q2: "10"}, results={Q2: "2"}, result_status="draft")
    content = as_viewer.get(reverse("measure", args=["LPI 300"])).content.decode()
    assert "2%" not in content
    action = ActionFactory(code="CIP09.1.2", objective=council_q2.satisfied)
    update(action, Q2, "red", status="draft", commentary="Not for sharing yet.")
    page = as_viewer.get(reverse("action", args=["CIP09.1.2"])).content.decode()
    assert "Not for sharing yet." not in page


def test_the_measure_page_marks_a_provisional_result(as_viewer, council_q2):
    content = as_viewer.get(reverse("measure", args=["BV 012"])).content
    tbl = table(main(content), "Targets, results and commentary")
    assert "Provisional" in " ".join(cells(row(tbl, Q2)))
    assert "Provisional" not in " ".join(cells(row(tbl, "2009/10 Q1")))


def test_the_plans_page_marks_a_provisional_rating_and_never_shows_a_draft(
    client, officer, council_q2
):
    made = measure("LPI 301", targets={Q2: "10"}, results={Q2: "2"}, result_status="draft")
    made.objectives.add(council_q2.value)
    client.force_login(officer)
    page = main(client.get(reverse("plans")).content)
    assert "Provisional" in " ".join(cells(row(table(page, "under OBJ-B"), "BV 012")))
    draft = cells(row(table(page, "under OBJ-B"), "LPI 301"))
    assert "Red" not in " ".join(draft) and Q2 not in draft


def test_the_improvement_plan_page_marks_a_provisional_update(as_viewer, council_q2):
    update(ActionFactory(code="CIP01.2.1", objective=council_q2.satisfied), Q2, status="submitted")
    content = as_viewer.get(reverse("improvement_plan", args=["CP"]), {"period": Q2}).content
    tbl = table(main(content), "Corporate Plan 2009/10")
    assert "Provisional" in " ".join(cells(row(tbl, "CIP01.2.1")))
    assert "Provisional" not in " ".join(cells(row(tbl, "CIP01.1.4")))
