"""The set-up pages show figures at their measure's decimal places, and say which may pass 100%."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.support.factories import MeasureFactory, ResultFactory, TargetFactory
from tests.support.pages import main

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup_superuser(client, setup_superuser):
    client.force_login(setup_superuser)
    return setup_superuser


def test_a_target_is_shown_at_its_measures_places(client, setup_superuser):
    target = TargetFactory(measure=MeasureFactory(decimal_places=1), value=Decimal("80.0"))
    url = reverse("admin:scorecard_measure_change", args=[target.measure.pk])

    page = main(client.get(url).content)

    assert page.find("input", name="targets-0-value").get("value") == "80.0"
    assert page.find("input", name="allows_out_of_range") is not None
    assert "Can fall outside 0-100%" in page.text


def test_results_are_listed_and_shown_at_their_measures_places(client, setup_superuser):
    result = ResultFactory(
        measure=MeasureFactory(decimal_places=2, unit="days"), actual=Decimal("7.84")
    )

    listing = client.get(reverse("admin:scorecard_result_changelist")).content.decode()
    change = main(client.get(reverse("admin:scorecard_result_change", args=[result.pk])).content)

    assert "7.84 days" in listing
    # Results are read-only in set-up (changed through the return pages, which rate and audit).
    assert change.find("input", attrs={"name": "actual"}) is None
    assert "7.84 days" in change.text
