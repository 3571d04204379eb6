"""One rule for text in every spreadsheet we write: formula-like text stays text, as typed."""

import pytest
from openpyxl import Workbook

from scorecard.safecells import csv_text, csv_unquote, looks_like_formula, mark_text, xlsx_text

TYPED = ["=1+1", "+44 1865", "-3 staff", "@SUM(A1)", "\tindented", "\rreturn", "'quoted", "Plain"]


@pytest.mark.parametrize("text", TYPED)
def test_csv_text_reads_back_as_typed(text):
    assert csv_unquote(csv_text(text)) == text


@pytest.mark.parametrize("text", TYPED)
def test_csv_text_never_starts_like_a_formula(text):
    assert not looks_like_formula(csv_text(text))


def test_an_apostrophe_before_plain_text_is_kept_when_read():
    assert csv_unquote("'Plain") == "'Plain"


@pytest.mark.parametrize("text", TYPED)
def test_an_xlsx_cell_of_typed_text_is_a_text_cell(text):
    cell = mark_text(Workbook().active.cell(row=1, column=1, value=xlsx_text(text)))
    assert cell.data_type == "s"
    assert cell.quotePrefix == looks_like_formula(text)


def test_word_line_breaks_become_line_breaks_and_other_control_characters_go():
    assert xlsx_text("One\x0bTwo\x07") == "One\nTwo"
