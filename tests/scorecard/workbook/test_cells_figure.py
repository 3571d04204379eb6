"""A figure is read with the decimal places it was typed with, and a percent cell as shown."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from scorecard.workbook.cells import figure

percentages = st.decimals(
    min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False
)


def test_text_keeps_its_typed_places():
    assert figure("80.0").places == 1
    assert figure("7.84").places == 2
    assert figure("1,200").places == 0


def test_an_excel_number_has_the_places_its_format_shows_or_its_own():
    assert figure(80, number_format="0.0").places == 1
    assert figure(7.84).places == 2
    assert figure(7.84, number_format="0.0").places == 1  # Excel showed 7.8


def test_a_computed_excel_number_is_not_read_as_noise():
    assert figure(0.1 + 0.2).places == 1  # 0.30000000000000004, stored and shown as 0.3


@given(percentages)
def test_a_percent_cell_reads_back_the_percentage_typed(value):
    cell = float(value / 100)  # what Excel stores for "67.5%"
    read = figure(cell, number_format="0.00%", percent=True)
    assert read.value == value
    assert read.places == 2


@given(percentages)
def test_a_percent_cell_of_another_unit_stays_the_stored_number(value):
    cell = float(value / 100)
    assert figure(cell, number_format="0.00%", percent=False).value == Decimal(repr(cell))
