"""The council-wide audit log: filter by who, item, period and kind of change; export to Excel."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from openpyxl import load_workbook

from scorecard.returns.audit import audit_record
from scorecard.returns.period_services import period_lock
from scorecard.returns.services import return_save
from tests.support.factories import MeasureFactory, PlanFactory, UserFactory
from tests.support.periods import open_period

pytestmark = pytest.mark.django_db


@pytest.fixture
def trail(team_member):
    """A few real changes: a return submitted, a period locked, a plan changed in set-up."""
    q3 = open_period("2009/10 Q3")
    officer = UserFactory(username="officer1")
    measure = MeasureFactory(code="NI 192")
    measure.updaters.add(officer)
    officer.groups.add(Group.objects.get(name="Officer"))
    return_save(
        user=officer,
        item=measure,
        period=q3,
        values={"actual": Decimal("41"), "commentary": "=SUM(A1:A9) on track"},
        version=0,
        submit=True,
    )
    other = open_period("2009/10 Q2")
    period_lock(user=team_member, period=other)
    audit_record(
        user=team_member,
        item=PlanFactory(code="CIP"),
        summary="Changed in set-up: CIP",
        changes={"Title": ["Old", "New"]},
    )
    return {"q3": q3, "q2": other, "officer": officer, "measure": measure}


def rows(page) -> list[str]:
    return [entry.summary for entry in page.context["page"]]


def test_everything_is_listed_newest_first(team, trail):
    assert rows(team.get(reverse("setup:audit"))) == [
        "Changed in set-up: CIP",
        "Locked: 2009/10 Q2",
        "Submitted: NI 192 2009/10 Q3",
    ]


def test_filters_by_user_item_period_and_kind_of_change(team, trail, team_member):
    url = reverse("setup:audit")
    assert rows(team.get(url, {"user": trail["officer"].pk})) == ["Submitted: NI 192 2009/10 Q3"]
    assert rows(team.get(url, {"item": "ni 192"})) == ["Submitted: NI 192 2009/10 Q3"]
    assert rows(team.get(url, {"period": trail["q2"].pk})) == ["Locked: 2009/10 Q2"]
    assert rows(team.get(url, {"change": "setup"})) == ["Changed in set-up: CIP"]
    assert rows(team.get(url, {"change": "periods", "user": team_member.pk})) == [
        "Locked: 2009/10 Q2"
    ]


def test_excel_export_holds_the_filtered_entries_with_safe_cells(team, trail):
    response = team.get(reverse("setup:audit_download"), {"item": "NI 192"})
    sheet = load_workbook(BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0] == ("When", "Who", "What", "Kind of item", "Changes", "Reason")
    assert len(values) == 2
    assert values[1][2] == "Submitted: NI 192 2009/10 Q3"
    changes = sheet.cell(row=2, column=5)
    assert "=SUM(A1:A9) on track" in changes.value
    assert changes.data_type == "s"


def test_a_formula_as_the_first_characters_is_kept_as_text(team, team_member):
    audit_record(user=team_member, item=PlanFactory(), summary="=HYPERLINK(1)")
    response = team.get(reverse("setup:audit_download"))
    cell = load_workbook(BytesIO(response.content)).active.cell(row=2, column=3)
    assert cell.value == "=HYPERLINK(1)" and cell.data_type == "s"


def test_the_page_is_paginated_with_bounded_queries(
    team, team_member, django_assert_max_num_queries
):
    plan = PlanFactory()
    for n in range(120):
        audit_record(user=team_member, item=plan, summary=f"Changed in set-up: {n}")
    with django_assert_max_num_queries(12):
        response = team.get(reverse("setup:audit"), {"page": 2})
    assert len(response.context["page"]) == 50
    assert "51 to 100 shown" in response.content.decode()
