"""An annual target set on a profiled measure derives its open periods' targets, audited."""

from decimal import Decimal

import pytest

from scorecard.models import AuditEntry, Target
from tests.support.periods import open_period
from tests.support.signoff import measure_form, save_in_set_up

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def sickness(measure):
    """Hart DC's sickness days per FTE: year to date, lower is better, profiled evenly."""
    measure.code, measure.unit, measure.polarity = "BV 012", "days", "lower"
    measure.cumulative, measure.decimal_places = True, 2
    measure.target_profile = "even"
    measure.save()
    Target.objects.filter(measure=measure).delete()
    return measure


def year_target_form(measure, year, value, target=None, **changes) -> dict:
    rows = {
        "targets-TOTAL_FORMS": "1",
        "targets-INITIAL_FORMS": "1" if target else "0",
        "targets-0-id": str(target.pk) if target else "",
        "targets-0-measure": str(measure.pk),
        "targets-0-period": str(year.pk),
        "targets-0-value": value,
    }
    changes.setdefault("cumulative", "on" if measure.cumulative else "")
    return measure_form(measure, target_profile=measure.target_profile, **rows, **changes)


def targets_of(measure) -> dict[str, tuple[Decimal, str]]:
    return {
        t.period.label: (t.value, t.derivation)
        for t in Target.objects.filter(measure=measure, period__kind="quarter")
    }


def test_an_annual_target_set_in_set_up_derives_each_quarters_running_target(
    client, setup_superuser, sickness, q3
):
    year = open_period("2009/10")
    save_in_set_up(client, setup_superuser, sickness, year_target_form(sickness, year, "6.3"))
    derived = targets_of(sickness)
    assert {label: value for label, (value, _) in derived.items()} == {
        "2009/10 Q1": D("1.575"),
        "2009/10 Q2": D("3.15"),
        "2009/10 Q3": D("4.725"),
        "2009/10 Q4": D("6.3"),
    }
    assert derived["2009/10 Q2"][1] == (
        "2009/10 Q2 target 3.15 days = 50% of the annual 6.30 days by the council's profile "
        "(even, year to date)"
    )
    entry = AuditEntry.objects.get(summary__startswith="Changed how")
    assert entry.changes["Target 2009/10"] == ["", "6.3"]
    assert entry.changes["Target 2009/10 Q2"] == ["", "3.15"]
    assert entry.reason == "Cabinet agreed a new rule for next year."


def test_changing_the_annual_target_rederives_open_periods_only(
    client, setup_superuser, sickness, q3
):
    year = open_period("2009/10")
    q1, q2 = open_period("2009/10 Q1"), open_period("2009/10 Q2")
    save_in_set_up(client, setup_superuser, sickness, year_target_form(sickness, year, "6.3"))
    annual = Target.objects.get(measure=sickness, period=year)
    q1.state, q2.state = "locked", "closed"
    q1.save()
    q2.save()

    data = year_target_form(sickness, year, "8", annual)
    save_in_set_up(client, setup_superuser, sickness, data)

    values = {label: value for label, (value, _) in targets_of(sickness).items()}
    assert values["2009/10 Q1"] == D("1.575")  # locked: as signed off
    assert values["2009/10 Q2"] == D("3.15")  # closed: as signed off
    assert values["2009/10 Q3"] == D("6")  # 75% of 8
    assert values["2009/10 Q4"] == D("8")
    entry = AuditEntry.objects.filter(summary__startswith="Changed how").latest("pk")
    assert entry.changes == {
        "Target 2009/10": ["6.3", "8"],
        "Target 2009/10 Q3": ["4.725", "6"],
        "Target 2009/10 Q4": ["6.3", "8"],
    }


def test_a_manual_profile_derives_nothing(client, setup_superuser, sickness, q3):
    sickness.target_profile = "manual"
    sickness.save()
    year = open_period("2009/10")
    save_in_set_up(client, setup_superuser, sickness, year_target_form(sickness, year, "6.3"))
    assert targets_of(sickness) == {}


def test_a_seasonal_profile_that_does_not_add_to_100_is_refused_in_set_up(
    client, setup_superuser, sickness, q3
):
    client.force_login(setup_superuser)
    data = measure_form(
        sickness, target_profile="seasonal", target_profile_shares="[10, 20, 30, 30]"
    )
    from django.urls import reverse

    response = client.post(reverse("admin:scorecard_measure_change", args=[sickness.pk]), data)
    assert response.status_code == 200
    assert "the profile&#x27;s percentages add up to 90, not 100" in response.content.decode()


def range_form(measure, period, target, lower, upper) -> dict:
    rows = {
        "targets-TOTAL_FORMS": "1",
        "targets-INITIAL_FORMS": "1",
        "targets-0-id": str(target.pk),
        "targets-0-measure": str(measure.pk),
        "targets-0-period": str(period.pk),
        "targets-0-value": "0",
        "targets-0-lower": lower,
        "targets-0-upper": upper,
    }
    return measure_form(measure, polarity="range", **rows)


def test_a_ranges_bounds_are_set_in_set_up_and_audited(client, setup_superuser, measure, q3):
    target = Target.objects.get(measure=measure, period=q3)
    save_in_set_up(client, setup_superuser, measure, range_form(measure, q3, target, "-2", "2"))
    target.refresh_from_db()
    assert (target.lower, target.upper) == (D(-2), D(2))
    entry = AuditEntry.objects.get(summary__startswith="Changed how")
    assert entry.changes["Lower 2009/10 Q3"] == ["", "-2"]
    assert entry.changes["Upper 2009/10 Q3"] == ["", "2"]


def test_an_upper_bound_below_the_lower_is_refused_in_set_up(client, setup_superuser, measure, q3):
    from django.urls import reverse

    target = Target.objects.get(measure=measure, period=q3)
    client.force_login(setup_superuser)
    response = client.post(
        reverse("admin:scorecard_measure_change", args=[measure.pk]),
        range_form(measure, q3, target, "2", "-2"),
    )
    assert response.status_code == 200
    assert "The upper bound is below the lower bound." in response.content.decode()


def test_each_derived_target_is_audited_with_how_it_was_derived(
    client, setup_superuser, sickness, q3
):
    from scorecard.returns.audit import history

    year = open_period("2009/10")
    save_in_set_up(client, setup_superuser, sickness, year_target_form(sickness, year, "6.3"))
    q2 = Target.objects.get(measure=sickness, period__label="2009/10 Q2")
    (entry,) = history([q2])
    assert entry.summary == "Derived BV 012 target 2009/10 Q2 from the annual target"
    assert entry.reason == q2.derivation
    assert entry.changes == {"target": ["", "3.15"]}
    assert entry.user == setup_superuser


def test_a_new_annual_target_rederives_and_audits_open_periods_only(
    client, setup_superuser, sickness, q3
):
    from scorecard.returns.audit import history

    year = open_period("2009/10")
    save_in_set_up(client, setup_superuser, sickness, year_target_form(sickness, year, "6.3"))
    q1 = open_period("2009/10 Q1")
    q1.state = "locked"
    q1.save()
    annual = Target.objects.get(measure=sickness, period=year)
    save_in_set_up(client, setup_superuser, sickness, year_target_form(sickness, year, "8", annual))

    signed_off = Target.objects.get(measure=sickness, period=q1)
    assert signed_off.value == D("1.575")
    assert len(history([signed_off])) == 1  # derived once, before sign-off; never since
    q3_target = Target.objects.get(measure=sickness, period=q3)
    newest = history([q3_target])[0]
    assert newest.changes == {"target": ["4.725", "6"]}
    assert newest.reason.startswith("2009/10 Q3 target 6.00 days = 75% of the annual 8.00 days")
