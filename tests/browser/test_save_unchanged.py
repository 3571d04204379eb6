"""Every edit form, opened and saved without a change, changes nothing in the database.

A form must show what is stored in a shape the browser keeps: a date the browser cannot read
("15/12/2009" in an <input type="date">) is shown blank and saved blank, or refused as missing.
Each page is checked by axe-core on the way.
"""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.forms.models import model_to_dict
from django.utils import timezone
from playwright.sync_api import expect

from actionplans.models import ActionUpdate
from reporting.models import ReportPack
from scorecard.models import AuditEntry, ReportingPeriod, Result, Role
from scorecard.returns.services import return_save
from tests.support.browser import person, sign_in, sign_out
from tests.support.factories import DirectorateFactory
from tests.support.periods import open_period, period
from tests.support.returns import action_for, measure_for

pytestmark = pytest.mark.django_db(transaction=True)

MEETING = date(2009, 12, 15)


def stored(obj) -> dict:
    """Every field of a row as the database holds it now, many-to-many included."""
    fresh = type(obj).objects.get(pk=obj.pk)
    values = model_to_dict(fresh)
    for field in fresh._meta.concrete_fields:
        values[field.attname] = getattr(fresh, field.attname)  # model_to_dict skips auto_now
    for name, value in values.items():
        if isinstance(value, list):
            values[name] = sorted(getattr(v, "pk", v) for v in value)
    return values


@pytest.fixture
def council():
    directorate = DirectorateFactory(name="Environment & Economy")
    officer = person("olivia", Role.OFFICER, directorate, first_name="Olivia")
    team = person("priya", Role.PERFORMANCE_TEAM, is_staff=True, first_name="Priya")
    q3 = open_period("2009/10 Q3", days_left=20)
    measure = measure_for(
        officer,
        q3,
        code="BV 012",
        title="Working days lost to sickness per FTE",
        unit="days",
        decimal_places=2,
        polarity="lower",
        target="7.5",
        directorate=directorate,
    )
    action = action_for(officer, code="CIP01.1.3", title="Respond to the Place Survey")
    # Stored as the app stores them: through the service, rated and audited.
    red = return_save(
        user=officer,
        item=measure,
        period=q3,
        version=0,
        values={
            "actual": Decimal("7.84"),
            "commentary": "Long-term sickness in two depots.\nShort-term absence is down.",
            "corrective_action": "Occupational health referrals within a week.",
            "risk_likelihood": 3,
            "risk_impact": 4,
        },
    )
    update = return_save(
        user=officer,
        item=action,
        period=q3,
        version=0,
        values={"rag": "amber", "commentary": "Survey delayed a month."},
    )
    q2 = period("2009/10 Q2")
    pack = ReportPack.objects.create(
        title="Q2 Performance Management: July – September 2009",
        committee="Cabinet",
        meeting_date=MEETING,
        agenda_item="EX7",
        report_by="County Council Management Team",
        contact_officer="Christa Brodie-Levinsohn",
        contact_telephone="01865 815463",
        period=q2,
        going_well="Level 3 of the Equality Standard:\n- assessed by IDeA\n\nInvoices paid.",
        recommendation="The Cabinet is RECOMMENDED to note this report.",
    )
    pack.directorates.add(directorate)
    return {
        "officer": officer,
        "team": team,
        "q3": q3,
        "result": red,
        "update": update,
        "pack": pack,
    }


def unchanged(before: dict, obj) -> None:
    assert stored(obj) == before


def test_saving_every_edit_form_unchanged_changes_nothing(page, council, assert_accessible):
    officer, team, q3 = council["officer"], council["team"], council["q3"]
    result, update, pack = council["result"], council["update"], council["pack"]
    rows = {name: stored(council[name]) for name in ("result", "update", "pack", "q3")}
    audit = AuditEntry.objects.count()

    # The officer's return for a measure, then for an action, saved as drafts unchanged.
    sign_in(page, officer)
    for obj in (result, update):
        kind = "measure" if isinstance(obj, Result) else "action"
        item = obj.measure if kind == "measure" else obj.action
        page.goto(f"/returns/{kind}/{item.pk}/{q3.pk}/")
        assert_accessible(page)
        page.get_by_role("button", name="Save as draft").click()
        expect(page.get_by_role("heading", name="My returns")).to_be_visible()
        assert_accessible(page)
    unchanged(rows["result"], result)
    unchanged(rows["update"], update)

    # Every return of the quarter in one table, saved unchanged.
    page.goto(f"/returns/period/{q3.pk}/all/")
    expect(page.get_by_label(re.compile("BV 012")).first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Save all as drafts").click()
    expect(page.get_by_role("heading", name="My returns")).to_be_visible()
    unchanged(rows["result"], result)
    unchanged(rows["update"], update)
    sign_out(page)

    # The performance team's deadline form, saved unchanged, then the state forms.
    sign_in(page, team)
    page.goto(f"/returns/periods/{q3.pk}/")
    expect(page.get_by_label("Deadline")).to_have_value(f"{q3.deadline:%Y-%m-%d}")
    assert_accessible(page)
    page.get_by_role("button", name="Set the deadline").click()
    expect(page.get_by_role("alert")).to_have_count(0)
    expect(page.get_by_text(f"due by {q3.deadline:%-d %B %Y}")).to_be_visible()
    unchanged(rows["q3"], q3)
    assert AuditEntry.objects.count() == audit, "nothing changed, so nothing is audited"
    # Closing and reopening the period keeps its deadline.
    page.get_by_role("button", name="Close for returns").click()
    page.get_by_role("button", name="Open for returns").click()
    expect(page.get_by_text(f"2009/10 Q3 is open, due by {q3.deadline:%-d %B %Y}")).to_be_visible()
    unchanged(rows["q3"], q3)

    # The pack editor, saved unchanged: the meeting date is kept.
    page.goto(f"/packs/{pack.pk}/")
    expect(page.get_by_label("Meeting date")).to_have_value("2009-12-15")
    assert_accessible(page)
    page.get_by_role("button", name="Save the pack").click()
    expect(page.get_by_role("status")).to_be_visible()
    expect(page.get_by_label("Meeting date")).to_have_value("2009-12-15")
    assert_accessible(page)
    unchanged(rows["pack"], pack)
    assert ReportPack.objects.get().meeting_date == MEETING

    assert ReportingPeriod.objects.get(pk=q3.pk).deadline == timezone.localdate() + timedelta(
        days=20
    )
    assert ActionUpdate.objects.count() == 1 and Result.objects.count() == 1
