"""The Excel return holds what officers wrote as text: never a formula, never a broken file."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.support.factories import ResultFactory

pytestmark = pytest.mark.django_db


def commentary_cell(client, q3):
    response = client.get(reverse("returns:download", args=[q3.pk]))
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).worksheets[0]
    header = [c.value for c in ws[1]]
    return ws.cell(row=2, column=header.index("Commentary") + 1)


def test_commentary_that_starts_like_a_formula_is_downloaded_as_text(client, officer, measure, q3):
    ResultFactory(measure=measure, period=q3, status="draft", commentary="=SUM(A1:A9) staff")
    client.force_login(officer)
    cell = commentary_cell(client, q3)
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=SUM(A1:A9) staff", "s", True)


def test_commentary_pasted_from_word_with_a_line_break_downloads(client, officer, measure, q3):
    # Word's manual line break is a control character an .xlsx file cannot hold.
    ResultFactory(measure=measure, period=q3, status="draft", commentary="Late.\x0bSee plan.")
    client.force_login(officer)
    assert commentary_cell(client, q3).value == "Late.\nSee plan."
