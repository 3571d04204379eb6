"""The actual's hint reads as English: "up to 1 decimal place", "up to 2 decimal places"."""

import pytest

from tests.support.pages import main
from tests.support.returns import edit_url

pytestmark = pytest.mark.django_db


def hint(client, url: str) -> str:
    return main(client.get(url).content).find(id="id_actual_helptext").text


def test_a_one_place_measure_asks_for_one_decimal_place(client, officer, measure, q3):
    measure.decimal_places = 1
    measure.save()
    client.force_login(officer)

    assert "up to 1 decimal place." in hint(client, edit_url(measure, q3))


def test_a_two_place_measure_asks_for_two_decimal_places(client, officer, measure, q3):
    measure.decimal_places = 2
    measure.save()
    client.force_login(officer)

    assert "up to 2 decimal places." in hint(client, edit_url(measure, q3))
