"""The performance team adds and changes measures, with targets per period, in the product."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scorecard.models import AuditEntry, Measure, Target
from scorecard.setup.services import fingerprint
from tests.support.factories import MeasureFactory, ResultFactory, TargetFactory, UserFactory
from tests.support.periods import open_period, period
from tests.support.setup import error_summary, measure_post

pytestmark = pytest.mark.django_db


def test_team_adds_a_measure_with_targets_and_it_is_audited(team, team_member):
    q2, q3 = period("2009/10 Q2"), period("2009/10 Q3")
    officer = UserFactory(username="updater")
    data = measure_post(targets=[(q2, "55.5"), (q3, "60")], updaters=[officer.pk])
    response = team.post(reverse("setup:measure_add"), data)
    assert response.status_code == 302
    measure = Measure.objects.get(code="NI 192")
    assert measure.tolerance_amount == Decimal("5")
    assert list(measure.updaters.all()) == [officer]
    assert {t.period.label: t.value for t in measure.targets.all()} == {
        "2009/10 Q2": Decimal("55.5"),
        "2009/10 Q3": Decimal("60"),
    }
    entry = AuditEntry.objects.get(summary__startswith="Added in set-up")
    assert entry.user == team_member
    assert entry.changes["Target 2009/10 Q3"] == ["", "60"]
    assert entry.changes["Code"] == ["", "NI 192"]


def test_changing_the_tolerance_needs_a_reason_and_keeps_what_was_typed(team):
    measure = MeasureFactory(code="NI 191", tolerance_amount=Decimal("10"))
    data = measure_post(code="NI 191", title="Residual waste", tolerance_amount="2.5")
    page = team.post(reverse("setup:measure", args=[measure.pk]), data).content.decode()
    assert "Reason for change: Give a reason for changing how this measure is rated." in page
    assert 'value="2.5"' in page and 'value="Residual waste"' in page
    measure.refresh_from_db()
    assert measure.tolerance_amount == Decimal("10") and measure.title != "Residual waste"
    assert not AuditEntry.objects.exists()


def test_a_reasoned_rule_change_is_audited_and_rerates_open_periods(team, team_member):
    q3 = open_period("2009/10 Q3")
    target = TargetFactory(period=q3, value=Decimal("50"))
    measure = target.measure
    ResultFactory(measure=measure, period=q3, actual=Decimal("46"), status="submitted")
    data = measure_post(
        code=measure.code,
        title=measure.title,
        tolerance_amount="5",
        targets=[(q3, "50")],
        stored=1,
        reason_for_change="Cabinet agreed a 5% tolerance",
    )
    response = team.post(reverse("setup:measure", args=[measure.pk]), data, follow=True)
    assert error_summary(response.content.decode()) == ""
    assert "1 result(s) in open periods re-rated" in response.content.decode()
    entry = AuditEntry.objects.get(summary=f"Changed how {measure.code} is rated")
    assert entry.reason == "Cabinet agreed a 5% tolerance"
    assert entry.changes["tolerance_amount"] == ["10", "5"]
    assert measure.results.get().rag == "red"


def test_changing_a_target_needs_a_reason(team):
    q3 = period("2009/10 Q3")
    measure = TargetFactory(period=q3, value=Decimal("50")).measure
    data = measure_post(
        code=measure.code,
        title=measure.title,
        tolerance_amount="10",
        targets=[(q3, "70")],
        stored=1,
    )
    page = team.post(reverse("setup:measure", args=[measure.pk]), data).content.decode()
    assert "Give a reason for changing how this measure is rated." in page
    assert Target.objects.get().value == Decimal("50")


def test_a_bad_formula_is_refused_as_the_workbook_refuses_it(team):
    data = measure_post(code="CALC 1", formula="[NO SUCH] * 2")
    page = team.post(reverse("setup:measure_add"), data).content.decode()
    assert 'href="#id_formula"' in page and "NO SUCH" in page
    assert not Measure.objects.filter(code="CALC 1").exists()


def test_a_formula_makes_the_measure_calculated(team):
    MeasureFactory(code="NI 192a")
    data = measure_post(code="CALC 2", formula="[NI 192a] * 2")
    assert team.post(reverse("setup:measure_add"), data).status_code == 302
    assert Measure.objects.get(code="CALC 2").measure_type == "calculated"


def test_a_duplicate_code_is_refused_on_the_code_field(team):
    MeasureFactory(code="NI 192")
    page = team.post(reverse("setup:measure_add"), measure_post()).content.decode()
    assert 'href="#id_code"' in page
    assert Measure.objects.filter(code="NI 192").count() == 1


def test_a_save_over_someone_elses_is_refused(team):
    measure = MeasureFactory(code="NI 195", title="Street cleanliness")
    loaded = fingerprint(measure)
    Measure.objects.filter(pk=measure.pk).update(title="Changed meanwhile")
    data = measure_post(code="NI 195", title="Mine", tolerance_amount="10", loaded=loaded)
    page = team.post(reverse("setup:measure", args=[measure.pk]), data).content.decode()
    assert "Someone else saved" in page
    measure.refresh_from_db()
    assert measure.title == "Changed meanwhile"


def test_measure_list_queries_do_not_grow(team, django_assert_max_num_queries):
    for _ in range(30):
        MeasureFactory()
    with django_assert_max_num_queries(12):
        assert team.get(reverse("setup:measures")).status_code == 200


def test_a_range_measures_target_needs_both_bounds_and_is_their_middle(team):
    q3 = period("2009/10 Q3")
    data = measure_post(code="BV 8", polarity="range", unit="%", targets=[(q3, "")])
    data["targets-0-lower"] = "-2"
    page = team.post(reverse("setup:measure_add"), data).content.decode()
    assert "2009/10 Q3, Upper: BV 8 is rated within a range: give both Lower and Upper" in (
        error_summary(page)
    )
    assert not Measure.objects.filter(code="BV 8").exists()
    data["targets-0-upper"] = "2"
    assert team.post(reverse("setup:measure_add"), data).status_code == 302
    target = Target.objects.get(measure__code="BV 8")
    assert (target.lower, target.value, target.upper) == (Decimal("-2"), 0, Decimal("2"))


def test_bounds_on_a_measure_not_rated_within_a_range_are_refused(team):
    q3 = period("2009/10 Q3")
    data = measure_post(code="NI 193", targets=[(q3, "50")])
    data["targets-0-lower"] = "40"
    page = team.post(reverse("setup:measure_add"), data).content.decode()
    assert "NI 193 is not rated within a range: leave Lower blank" in error_summary(page)
    assert 'value="NI 193"' in page


def test_the_measure_page_queries_do_not_grow_with_its_targets(team):
    def queries_with(targets: int) -> int:
        measure = MeasureFactory()
        for n in range(targets):
            TargetFactory(measure=measure, period=period(f"{2001 + n}/{(2 + n) % 100:02d} Q1"))
        with CaptureQueriesContext(connection) as captured:
            page = team.get(reverse("setup:measure", args=[measure.pk]))
        assert page.content.decode().count('name="targets-') >= targets * 4
        return len(captured)

    assert queries_with(8) == queries_with(2) <= 25


def test_the_form_shows_stored_figures_as_typed(team):
    q3 = period("2009/10 Q3")
    measure = MeasureFactory(tolerance_amount=Decimal("2.5"), decimal_places=1)
    TargetFactory(measure=measure, period=q3, value=Decimal("50"))
    page = team.get(reverse("setup:measure", args=[measure.pk])).content.decode()
    assert 'value="2.5"' in page and 'value="50.0"' in page
    assert "2.5000" not in page


def test_renaming_an_input_on_the_set_up_page_carries_into_formulas(team, team_member):
    collected = MeasureFactory(code="NI 192b")
    MeasureFactory(code="NI 192a")
    assert (
        team.post(
            reverse("setup:measure_add"),
            measure_post(code="NI 192", formula="[NI 192a] / [NI 192b] * 100"),
        ).status_code
        == 302
    )
    data = measure_post(
        code="LOC-WST02",
        title=collected.title,
        loaded=fingerprint(collected),
        reason_for_change="Local code",
    )
    response = team.post(reverse("setup:measure", args=[collected.pk]), data)
    assert response.status_code == 302, error_summary(response.content.decode())
    assert Measure.objects.get(code="NI 192").formula == "[NI 192a] / [LOC-WST02] * 100"
    entry = AuditEntry.objects.get(summary="Formula of NI 192 follows NI 192b renamed LOC-WST02")
    assert entry.user == team_member
