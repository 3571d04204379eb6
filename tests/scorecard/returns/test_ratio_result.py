"""A ratio measure's officer enters its numerator and denominator; the value is worked out."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import Result
from scorecard.returns import services
from tests.support.returns import edit_url, measure_for, result_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def rehoused(officer, q3, directorate):
    """Households re-housed as a % of households on the register; target 60%."""
    return measure_for(
        officer,
        q3,
        target="60",
        code="LPI 040",
        title="Households re-housed",
        measure_type="ratio",
        directorate=directorate,
    )


def test_the_form_asks_for_numerator_and_denominator_not_the_actual(client, officer, rehoused, q3):
    client.force_login(officer)
    page = client.get(edit_url(rehoused, q3)).content.decode()
    assert 'name="numerator"' in page and 'name="denominator"' in page
    assert 'name="actual"' not in page
    assert "numerator ÷ denominator × 100" in page


def test_the_value_is_worked_out_and_rated(client, officer, rehoused, q3):
    client.force_login(officer)
    response = client.post(
        edit_url(rehoused, q3),
        result_form(numerator="1280", denominator="2000", commentary="On track."),
    )
    assert response.status_code == 302
    result = Result.objects.get(measure=rehoused, period=q3)
    assert result.actual == Decimal("64")
    assert (result.numerator, result.denominator) == (Decimal(1280), Decimal(2000))
    assert result.status == "submitted" and result.rag == "green"


def test_a_value_with_more_places_than_the_measure_is_kept_to_four(officer, rehoused, q3):
    result = services.return_save(
        user=officer,
        item=rehoused,
        period=q3,
        values={"numerator": Decimal(2), "denominator": Decimal(3), "commentary": "Low."},
        version=0,
    )
    assert result.actual == Decimal("66.6667")


def test_a_zero_denominator_is_refused_beside_the_field(client, officer, rehoused, q3):
    client.force_login(officer)
    page = client.post(
        edit_url(rehoused, q3), result_form(numerator="5", denominator="0")
    ).content.decode()
    assert "The denominator is zero, so the value cannot be worked out." in page
    assert not Result.objects.filter(measure=rehoused).exists()
    with pytest.raises(services.ReturnInvalid, match="denominator is zero"):
        services.return_save(
            user=officer,
            item=rehoused,
            period=q3,
            values={"numerator": Decimal(5), "denominator": Decimal(0)},
            version=0,
        )


def test_submitting_without_the_parts_asks_for_both(client, officer, rehoused, q3):
    client.force_login(officer)
    page = client.post(edit_url(rehoused, q3), result_form(numerator="5")).content.decode()
    assert "Enter the numerator and the denominator for this period." in page


def test_a_typed_actual_is_ignored_for_a_ratio_measure(officer, rehoused, q3):
    result = services.return_save(
        user=officer,
        item=rehoused,
        period=q3,
        values={"actual": Decimal(99), "numerator": Decimal(1), "denominator": Decimal(2)},
        version=0,
    )
    assert result.actual == Decimal(50)


def test_the_update_all_page_takes_the_parts_too(client, officer, rehoused, q3):
    client.force_login(officer)
    url = reverse("returns:update_all", args=[q3.pk])
    page = client.get(url).content.decode()
    prefix = f"m{rehoused.pk}"
    assert f'name="{prefix}-numerator"' in page and f'name="{prefix}-actual"' not in page
    client.post(
        url,
        {
            "action": "submit",
            f"{prefix}-version": 0,
            f"{prefix}-numerator": "30",
            f"{prefix}-denominator": "40",
            f"{prefix}-commentary": "Up.",
        },
    )
    assert Result.objects.get(measure=rehoused, period=q3).actual == Decimal(75)
