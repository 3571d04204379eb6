"""A ratio measure's Excel return takes its numerator and denominator."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import Result
from tests.support.returns import as_upload, column, download, measure_for
from tests.support.returns import row_numbers as by_code

pytestmark = pytest.mark.django_db


def test_the_parts_uploaded_make_the_actual(client, officer, q3, directorate):
    rehoused = measure_for(
        officer, q3, target="60", code="LPI 040", measure_type="ratio", directorate=directorate
    )
    client.force_login(officer)
    workbook = download(client, q3)
    ws = workbook["Results"]
    row = by_code(ws)["LPI 040"]
    ws.cell(row, column(ws, "Numerator"), 1280)
    ws.cell(row, column(ws, "Denominator"), 2000)
    ws.cell(row, column(ws, "Commentary"), "On track.")

    page = client.post(
        reverse("returns:upload"), {"period": q3.pk, "file": as_upload(workbook)}
    ).content.decode()
    assert "Numerator: blank → 1280" in page and "Denominator: blank → 2000" in page
    client.post(
        reverse("returns:upload_confirm"), {"token": client.session["returns_upload"]["token"]}
    )

    result = Result.objects.get(measure=rehoused, period=q3)
    assert result.actual == Decimal("64")
    assert result.denominator == Decimal("2000")
    assert result.status == "submitted" and result.rag == "green"
