"""Return forms show a stored value at the measure's decimal places: "80.0", not "80.0000"."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.support.factories import ResultFactory
from tests.support.pages import main
from tests.support.returns import edit_url

pytestmark = pytest.mark.django_db


def shown_actual(client, url: str, name: str = "actual") -> str:
    return main(client.get(url).content).find("input", name=name).get("value")


def test_the_result_form_shows_a_one_place_measure_to_one_place(client, officer, measure, q3):
    ResultFactory(measure=measure, period=q3, actual=Decimal("80.0"), status="draft")
    client.force_login(officer)

    assert shown_actual(client, edit_url(measure, q3)) == "80.0"


def test_update_all_shows_a_one_place_measure_to_one_place(client, officer, measure, q3):
    ResultFactory(measure=measure, period=q3, actual=Decimal("67.5"), status="draft")
    client.force_login(officer)

    url = reverse("returns:update_all", args=[q3.pk])
    assert shown_actual(client, url, f"m{measure.pk}-actual") == "67.5"


def test_a_value_with_more_places_than_the_measure_is_shown_whole(client, officer, measure, q3):
    # Saving the form unchanged must not round what is stored.
    ResultFactory(measure=measure, period=q3, actual=Decimal("67.25"), status="draft")
    client.force_login(officer)

    assert shown_actual(client, edit_url(measure, q3)) == "67.25"
