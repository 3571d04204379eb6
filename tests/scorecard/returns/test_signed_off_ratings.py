"""A rating is signed off with its quarter: rule changes re-rate open periods only."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import Result, Target
from tests.support.signoff import measure_form, ratings, save_in_set_up

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "change",
    [
        {"tolerance_amount": "5"},
        {"rag_method": "judgement"},
        {"polarity": "lower"},
    ],
    ids=["tolerance", "method", "polarity"],
)
def test_a_rule_change_rerates_the_open_quarter_and_not_the_signed_off_ones(
    client, setup_superuser, measure, quarters, change
):
    before = ratings(measure)
    save_in_set_up(client, setup_superuser, measure, measure_form(measure, **change))
    after = ratings(measure)
    assert after["2009/10 Q3"] != before["2009/10 Q3"]
    assert after["2009/10 Q1"] == before["2009/10 Q1"]  # locked
    assert after["2009/10 Q2"] == before["2009/10 Q2"]  # closed


def test_a_target_change_rerates_the_open_quarter_and_not_the_signed_off_ones(
    client, setup_superuser, measure, quarters
):
    before = ratings(measure)
    data = measure_form(measure)
    targets = Target.objects.filter(measure=measure).order_by("period__start")
    data.update({"targets-TOTAL_FORMS": "3", "targets-INITIAL_FORMS": "3"})
    for n, target in enumerate(targets):
        data.update(
            {
                f"targets-{n}-id": str(target.pk),
                f"targets-{n}-measure": str(measure.pk),
                f"targets-{n}-period": str(target.period_id),
                f"targets-{n}-value": "60",  # 46 is now far short of the target: Red
            }
        )
    save_in_set_up(client, setup_superuser, measure, data)
    after = ratings(measure)
    assert after["2009/10 Q3"][0] == "red"
    assert after["2009/10 Q1"] == before["2009/10 Q1"]
    assert after["2009/10 Q2"] == before["2009/10 Q2"]


def test_saving_a_result_does_not_rerate_the_signed_off_quarters(
    client, officer, measure, quarters
):
    from tests.support.returns import edit_url, result_form

    Result.objects.filter(measure=measure).update(rag_explanation="As signed off in the quarter.")
    measure.tolerance_amount = Decimal("5")
    measure.save()
    client.force_login(officer)
    q3 = quarters[2]
    current = Result.objects.get(measure=measure, period=q3)
    client.post(
        edit_url(measure, q3),
        result_form(version=current.version, actual="49", commentary="Nearly there."),
    )
    after = ratings(measure)
    assert after["2009/10 Q1"] == ("amber", "As signed off in the quarter.")
    assert after["2009/10 Q2"] == ("amber", "As signed off in the quarter.")


def test_set_up_says_the_signed_off_quarters_kept_their_ratings(
    client, setup_superuser, measure, quarters
):
    client.force_login(setup_superuser)
    response = client.post(
        reverse("admin:scorecard_measure_change", args=[measure.pk]),
        measure_form(measure, tolerance_amount="5"),
        follow=True,
    )
    text = response.content.decode()
    assert "1 result(s) in open periods re-rated" in text
    assert "keep the ratings they were signed off with" in text
