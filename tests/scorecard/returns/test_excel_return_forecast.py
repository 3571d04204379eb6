"""The Excel return carries the year-end forecast both ways."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import Result
from tests.support.factories import ResultFactory
from tests.support.returns import as_upload, column, confirm, download
from tests.support.returns import row_numbers as by_code

pytestmark = pytest.mark.django_db


def test_the_download_has_the_stored_forecast_and_an_upload_sets_it(client, officer, measure, q3):
    ResultFactory(
        measure=measure, period=q3, actual=Decimal(50), forecast=Decimal(52), status="draft"
    )
    client.force_login(officer)
    workbook = download(client, q3)
    results = workbook["Results"]
    row = by_code(results)["NI 192"]
    cell = results.cell(row, column(results, "Forecast"))
    assert cell.value == 52
    cell.value = 57
    results.cell(row, column(results, "Commentary")).value = "On track."
    page = client.post(
        reverse("returns:upload"), {"period": q3.pk, "file": as_upload(workbook)}
    ).content.decode()
    assert "Year-end forecast: 52 → 57" in page
    assert confirm(client).status_code == 302
    assert Result.objects.get(measure=measure, period=q3).forecast == Decimal(57)
