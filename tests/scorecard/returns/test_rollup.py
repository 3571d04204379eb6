"""A monthly measure's quarters and years are rolled up from its approved months, and rated."""

from decimal import Decimal

import pytest

from scorecard.models import Result
from scorecard.returns import services
from scorecard.returns.selectors import approval_queue, my_returns, period_counts
from scorecard.rules.periods import PeriodKind
from scorecard.services.rollup import rollups_refresh
from tests.support.factories import ResultFactory
from tests.support.periods import open_period, period
from tests.support.returns import measure_for

pytestmark = pytest.mark.django_db

MONTHS = ("Jul 2009", "Aug 2009", "Sep 2009")


@pytest.fixture
def months(db):
    return [open_period(label) for label in MONTHS]


@pytest.fixture
def sickness(officer, directorate, months):
    """Days lost to sickness, monthly, summed into quarters; Q2 target 6 days, lower better."""
    quarter = period("2009/10 Q2")
    return measure_for(
        officer,
        quarter,
        target="6",
        code="LPI 012",
        title="Working days lost to sickness",
        unit="days",
        polarity="lower",
        frequency="monthly",
        aggregation="sum",
        directorate=directorate,
    )


def enter(officer, measure, label, actual):
    return services.return_save(
        user=officer,
        item=measure,
        period=period(label),
        values={"actual": Decimal(actual), "commentary": "As expected."},
        version=0,
        submit=True,
    )


def quarter_of(measure, label="2009/10 Q2"):
    return Result.objects.get(measure=measure, period__label=label)


def test_approved_months_make_an_approved_quarter_rated_and_explained(officer, approver, sickness):
    for label, actual in zip(MONTHS, ("2", "1.5", "2"), strict=True):
        services.return_approve(user=approver, ret=enter(officer, sickness, label, actual))
    q2 = quarter_of(sickness)
    assert q2.actual == Decimal("5.5")
    assert (q2.source, q2.status) == ("rolled_up", "approved")
    assert q2.derivation == "Q2 value 5.5 days, the sum of July to September"
    assert q2.rag == "green" and "5.5 days" in q2.rag_explanation


def test_an_unapproved_month_leaves_the_quarter_provisional_and_says_which(
    officer, approver, sickness
):
    services.return_approve(user=approver, ret=enter(officer, sickness, "Jul 2009", "2"))
    enter(officer, sickness, "Aug 2009", "4")  # submitted, not yet approved
    services.return_approve(user=approver, ret=enter(officer, sickness, "Sep 2009", "2"))
    q2 = quarter_of(sickness)
    assert q2.actual == Decimal("4")
    assert q2.status == "submitted"  # reports mark it provisional
    assert q2.derivation.endswith("provisional: no approved figure for August 2009")


def test_the_year_is_rolled_up_too(officer, approver, sickness):
    services.return_approve(user=approver, ret=enter(officer, sickness, "Jul 2009", "2"))
    year = quarter_of(sickness, "2009/10")
    assert year.actual == Decimal("2") and year.status == "submitted"
    assert "no approved figure for April 2009" in year.derivation


def test_a_cumulative_quarter_is_the_year_to_date(officer, sickness):
    sickness.cumulative = True
    sickness.save()
    for label, actual in (("Apr 2009", "1"), ("May 2009", "1"), ("Jun 2009", "1")):
        ResultFactory(measure=sickness, period=period(label), actual=Decimal(actual))
    for label in MONTHS:
        ResultFactory(measure=sickness, period=period(label), actual=Decimal("2"))
    rollups_refresh(measure_ids=[sickness.pk])
    assert quarter_of(sickness, "2009/10 Q1").actual == Decimal("3")
    q2 = quarter_of(sickness)
    assert q2.actual == Decimal("9")
    assert q2.derivation == "Q2 year to date value 9.0 days, the sum of April to September"


def test_a_ratio_quarter_is_its_summed_numerators_over_summed_denominators(officer, directorate):
    rehoused = measure_for(
        officer,
        period("2009/10 Q2"),
        target="60",
        code="LPI 040",
        frequency="monthly",
        measure_type="ratio",
        unit="%",
    )
    for label, numerator, denominator in zip(MONTHS, (400, 480, 400), (600, 700, 700), strict=True):
        ResultFactory(
            measure=rehoused,
            period=period(label),
            actual=Decimal(numerator) * 100 / Decimal(denominator),
            numerator=Decimal(numerator),
            denominator=Decimal(denominator),
        )
    rollups_refresh(measure_ids=[rehoused.pk])
    q2 = quarter_of(rehoused)
    assert q2.actual == Decimal("64")
    assert (q2.numerator, q2.denominator) == (Decimal(1280), Decimal(2000))
    assert q2.derivation == "Q2 value 64.0% = 1,280 / 2,000, the sum of July to September"


def test_rolled_up_results_are_not_returns(officer, approver, sickness):
    enter(officer, sickness, "Jul 2009", "2")
    services.return_approve(user=approver, ret=enter(officer, sickness, "Aug 2009", "2"))
    q2 = quarter_of(sickness)
    assert q2.status == "submitted"
    assert [r.period.label for r in approval_queue(approver)] == ["Jul 2009"]
    assert all(row.period.kind == "month" for row in my_returns(officer))
    assert period_counts(q2.period) == {}


def test_a_rolled_up_result_cannot_be_entered_or_approved(officer, approver, team_member, sickness):
    services.return_approve(user=approver, ret=enter(officer, sickness, "Jul 2009", "2"))
    q2 = quarter_of(sickness)
    for user in (officer, team_member):
        with pytest.raises(services.ReturnRefused, match="worked out, not entered"):
            services.return_save(
                user=user, item=sickness, period=q2.period, values={"actual": 9}, version=1
            )
    with pytest.raises(services.ReturnRefused, match="worked out"):
        services.return_approve(user=approver, ret=q2)
    assert quarter_of(sickness).actual == Decimal("2")


def test_an_officers_own_quarter_figure_is_kept(sickness):
    ResultFactory(measure=sickness, period=period("2009/10 Q2"), actual=Decimal("7"))
    ResultFactory(measure=sickness, period=period("Jul 2009"), actual=Decimal("2"))
    rollups_refresh(measure_ids=[sickness.pk])
    assert quarter_of(sickness).actual == Decimal("7")
    assert quarter_of(sickness).source == "entered"


def test_a_quarter_whose_months_are_gone_is_removed(sickness):
    month = ResultFactory(measure=sickness, period=period("Jul 2009"), actual=Decimal("2"))
    rollups_refresh(measure_ids=[sickness.pk])
    month.delete()
    rollups_refresh(measure_ids=[sickness.pk])
    assert not Result.objects.filter(measure=sickness).exclude(period__kind=PeriodKind.MONTH)


def test_a_rolled_up_quarters_return_page_says_how_it_was_made_and_offers_no_form(
    client, officer, approver, sickness
):
    for label, actual in zip(MONTHS, ("2", "1.5", "2"), strict=True):
        services.return_approve(user=approver, ret=enter(officer, sickness, label, actual))
    q2 = quarter_of(sickness)
    client.force_login(officer)
    page = client.get(f"/returns/measure/{sickness.pk}/{q2.period_id}/").content.decode()
    assert "LPI 012 2009/10 Q2 is worked out, not entered" in page
    assert "Q2 value 5.5 days, the sum of July to September" in page
    assert 'name="actual"' not in page


def test_a_rolled_up_quarter_is_audited_with_how_it_was_made(officer, approver, sickness):
    from scorecard.returns.audit import history

    for label, actual in zip(MONTHS, ("2", "1.5", "2"), strict=True):
        services.return_approve(user=approver, ret=enter(officer, sickness, label, actual))
    entries = history([quarter_of(sickness)])
    newest = entries[0]
    assert newest.summary == "Rolled up LPI 012 2009/10 Q2 from its months"
    assert newest.reason == "Q2 value 5.5 days, the sum of July to September"
    assert newest.changes == {"actual": ["3.5", "5.5"], "status": ["Submitted", "Approved"]}
    assert newest.user == approver
    # Each approval that moved the quarter left its own entry: three months, three entries.
    assert len(entries) == 3


def test_a_quarter_whose_months_are_no_longer_approved_is_removed_and_audited(approver, sickness):
    from scorecard.models import AuditEntry

    july = ResultFactory(
        measure=sickness, period=period("Jul 2009"), actual=Decimal("2"), status="approved"
    )
    rollups_refresh(measure_ids=[sickness.pk])
    q2 = quarter_of(sickness)
    july.status = "returned"
    july.save()
    rollups_refresh(measure_ids=[sickness.pk], user=approver)
    assert not Result.objects.filter(pk=q2.pk).exists()
    entry = AuditEntry.objects.filter(object_id=q2.pk, summary__startswith="Removed").get()
    assert entry.summary == ("Removed LPI 012 2009/10 Q2: none of its months is approved any more")
    assert entry.changes == {"actual": ["2", ""], "status": ["Submitted", ""]}
    assert entry.user == approver
