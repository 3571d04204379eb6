"""The set-up page checks a measure's formula as the plan workbook does, and works it out."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from scorecard.models import Measure, Result
from tests.support.factories import MeasureFactory, ResultFactory
from tests.support.periods import period
from tests.support.signoff import measure_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_member(client, performance_team):
    # The Django admin is for superusers only (issue 12).
    performance_team.groups.set([Group.objects.get(name="Performance team")])
    performance_team.is_superuser = True
    performance_team.save()
    client.force_login(performance_team)
    return performance_team


@pytest.fixture
def ni_192(db):
    q2 = period("2009/10 Q2")
    for code, actual in (("NI 192a", "1280"), ("NI 192b", "2000")):
        ResultFactory(
            measure=MeasureFactory(code=code, unit="t"), period=q2, actual=Decimal(actual)
        )
    return MeasureFactory(code="NI 192", unit="%", decimal_places=1)


def save(client, measure, formula):
    url = reverse("admin:scorecard_measure_change", args=[measure.pk])
    return client.post(url, measure_form(measure, formula=formula))


def test_a_formula_makes_the_measure_calculated_and_works_out_its_results(
    client, team_member, ni_192
):
    response = save(client, ni_192, "[NI 192a] / [NI 192b] * 100")
    assert response.status_code == 302
    ni_192.refresh_from_db()
    assert (ni_192.measure_type, ni_192.formula) == ("calculated", "[NI 192a] / [NI 192b] * 100")
    result = Result.objects.get(measure=ni_192)
    assert result.actual == Decimal("64.0000")
    assert result.derivation.startswith("64.0% = 1,280 / 2,000 × 100")


@pytest.mark.parametrize(
    ("formula", "message"),
    [
        ("[NI 192a] / [NI 999]", "Refers to NI 999, which is not a measure."),
        ("[NI 192a] / 0", "Divides by zero."),
        ("[NI 192a] +", "The formula is not complete"),
        ("[NI 192] * 2", "Refers to NI 192 itself."),
    ],
)
def test_a_formula_that_cannot_be_worked_out_is_refused_on_the_form(
    client, team_member, ni_192, formula, message
):
    page = save(client, ni_192, formula).content.decode()
    assert message in page
    assert Measure.objects.get(pk=ni_192.pk).measure_type == "simple"


def test_a_cycle_through_another_formula_is_refused(client, team_member, ni_192):
    Measure.objects.filter(code="NI 192a").update(measure_type="calculated", formula="[NI 192] / 2")
    page = save(client, ni_192, "[NI 192a] * 2").content.decode()
    assert "Forms a cycle: NI 192 → NI 192a → NI 192." in page


def test_clearing_the_formula_makes_the_measure_entered_again(client, team_member, ni_192):
    save(client, ni_192, "[NI 192a] + 1")
    assert save(client, ni_192, "").status_code == 302
    assert Measure.objects.get(pk=ni_192.pk).measure_type == "simple"


def test_a_measure_of_another_type_keeps_it_without_a_formula(client, team_member, ni_192):
    Measure.objects.filter(pk=ni_192.pk).update(measure_type="ratio")
    assert save(client, ni_192, "").status_code == 302
    assert Measure.objects.get(pk=ni_192.pk).measure_type == "ratio"


def test_renaming_an_input_carries_its_new_code_into_the_formulas_that_use_it(
    client, team_member, ni_192
):
    from scorecard.returns.audit import history

    assert save(client, ni_192, "[NI 192a] / [ NI 192b ] * 100").status_code == 302
    collected = Measure.objects.get(code="NI 192b")
    url = reverse("admin:scorecard_measure_change", args=[collected.pk])
    response = client.post(url, measure_form(collected, code="LOC-WST02"), follow=True)
    assert "The formulas of NI 192 now use LOC-WST02." in response.content.decode()

    ni_192.refresh_from_db()
    assert ni_192.formula == "[NI 192a] / [LOC-WST02] * 100"
    entry = history([ni_192])[0]
    assert entry.summary == "Formula of NI 192 follows NI 192b renamed LOC-WST02"
    assert entry.changes == {
        "formula": ["[NI 192a] / [ NI 192b ] * 100", "[NI 192a] / [LOC-WST02] * 100"]
    }
    assert entry.user == team_member
    # Still worked out from the same inputs: a new figure for the renamed one follows.
    from scorecard.services.calculated import calculated_refresh

    q2 = period("2009/10 Q2")
    Result.objects.filter(measure=collected, period=q2).update(actual=Decimal("1600"))
    calculated_refresh(results=[(collected.pk, q2.pk)])
    assert Result.objects.get(measure=ni_192, period=q2).actual == Decimal("80.0000")
