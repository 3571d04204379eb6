"""An implausible actual asks the officer to confirm it: it is never silently rated Green.

The form comes back with a warning naming the field, what was typed, and a "Yes, this value
is right" box; ticked, the value is saved.
"""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import Result
from scorecard.returns.services import ReturnInvalid, return_save
from tests.support.pages import main
from tests.support.returns import edit_url, measure_for, result_form

pytestmark = pytest.mark.django_db

WARNING = "150% is outside 0 to 100%: check it, and tick “Yes, this value is right” if it is."


def actual_box(page, name: str = "actual"):
    return main(page.content).find("input", name=name)


def test_a_percentage_of_150_asks_for_confirmation_keeping_what_was_typed(
    client, officer, measure, q3
):
    client.force_login(officer)
    page = client.post(edit_url(measure, q3), result_form(actual="150", commentary="Up."))

    assert page.status_code == 200
    text = page.content.decode()
    assert f"Actual: {WARNING}" in text  # in the error summary, naming the field
    assert actual_box(page).get("value") == "150"
    assert actual_box(page, "confirm_actual") is not None
    assert "Yes, this value is right" in text
    assert not Result.objects.exists()


def test_a_confirmed_percentage_of_150_is_saved(client, officer, measure, q3):
    client.force_login(officer)
    response = client.post(
        edit_url(measure, q3), result_form(actual="150", commentary="Up.", confirm_actual="on")
    )

    assert response.status_code == 302
    result = Result.objects.get()
    assert (result.actual, result.status) == (Decimal("150"), "submitted")


def test_a_value_100_times_its_target_asks_for_confirmation(client, officer, q3):
    days = measure_for(officer, q3, code="BV 012", title="Sick days", unit="days", target="7.5")
    client.force_login(officer)

    page = client.post(edit_url(days, q3), result_form("draft", actual="784")).content.decode()
    assert "784 is more than 100 times the target of 7.5" in page
    assert not Result.objects.exists()

    client.post(edit_url(days, q3), result_form("draft", actual="784", confirm_actual="on"))
    assert Result.objects.get().actual == Decimal("784")


def test_the_box_is_not_shown_for_a_plausible_value(client, officer, measure, q3):
    client.force_login(officer)
    page = client.post(edit_url(measure, q3), result_form("check", actual="55"))

    assert actual_box(page, "confirm_actual") is None


def test_a_measure_that_may_exceed_100_percent_saves_150_without_asking(
    client, officer, measure, q3
):
    measure.allows_out_of_range = True
    measure.save()
    client.force_login(officer)

    client.post(edit_url(measure, q3), result_form("draft", actual="150"))

    assert Result.objects.get().actual == Decimal("150")


def test_update_all_asks_for_confirmation_and_saves_once_confirmed(client, officer, measure, q3):
    client.force_login(officer)
    url = reverse("returns:update_all", args=[q3.pk])
    prefix = f"m{measure.pk}"
    data = {"action": "draft", f"{prefix}-version": 0, f"{prefix}-actual": "150"}

    page = client.post(url, data)
    assert f"NI 192, Actual: {WARNING}" in page.content.decode()
    assert actual_box(page, f"{prefix}-confirm_actual") is not None
    assert actual_box(page, f"{prefix}-actual").get("value") == "150"
    assert not Result.objects.exists()

    client.post(url, {**data, f"{prefix}-confirm_actual": "on"})
    assert Result.objects.get().actual == Decimal("150")


def test_the_service_refuses_an_unconfirmed_implausible_actual(officer, measure, q3):
    with pytest.raises(ReturnInvalid) as refused:
        return_save(
            user=officer,
            item=measure,
            period=q3,
            values={"actual": Decimal("150")},
            version=0,
            submit=True,
        )
    assert "outside 0 to 100%" in refused.value.errors["actual"]
