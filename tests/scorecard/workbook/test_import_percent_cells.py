"""A percentage typed into a percent-formatted Excel cell imports as the percentage shown.

Excel stores 67.5% as 0.675 and shows "67.5%"; for a "%" measure the officer meant 67.5.
"""

from decimal import Decimal

import pytest
from openpyxl import Workbook

from scorecard.models import Measure, Result, Target
from scorecard.workbook.importer import workbook_import

pytestmark = pytest.mark.django_db

Q2 = "2009/10 Q2"


def percent_workbook(path, *, unit: str, number_format: str = "0.0%"):
    workbook = Workbook()
    measures = workbook.active
    measures.title = "Measures"
    measures.append(["Code", "Title", "Unit"])
    measures.append(["NI 192", "Household waste recycled", unit])
    for name, header, value in (("Targets", "Target", 0.7), ("Results", "Actual", 0.675)):
        ws = workbook.create_sheet(name)
        ws.append(["Code", "Period", header])
        ws.append(["NI 192", Q2, value])
        ws["C2"].number_format = number_format
    workbook.save(path)
    return path


def test_a_percent_formatted_cell_is_the_percentage_for_a_percent_measure(tmp_path):
    workbook_import(path=percent_workbook(tmp_path / "plan.xlsx", unit="%"))

    assert Result.objects.get(measure__code="NI 192").actual == Decimal("67.5")
    assert Target.objects.get(measure__code="NI 192").value == Decimal("70")
    assert Measure.objects.get(code="NI 192").decimal_places == 1  # "0.0%" shows one place


def test_a_percent_formatted_cell_stays_the_number_for_another_unit(tmp_path):
    workbook_import(path=percent_workbook(tmp_path / "plan.xlsx", unit="ratio"))

    assert Result.objects.get(measure__code="NI 192").actual == Decimal("0.675")
    assert Measure.objects.get(code="NI 192").decimal_places == 3  # 67.5% is 0.675


def test_a_number_format_shows_the_places_the_council_reported(tmp_path):
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Results"
    ws.append(["Code", "Period", "Actual"])
    ws.append(["BV 012", Q2, 80])
    ws["C2"].number_format = "0.0"
    measures = workbook.create_sheet("Measures")
    measures.append(["Code", "Title", "Unit"])
    measures.append(["BV 012", "Sick days", "days"])
    workbook.save(tmp_path / "plan.xlsx")

    workbook_import(path=tmp_path / "plan.xlsx")

    assert Measure.objects.get(code="BV 012").decimal_places == 1  # shown "80.0"
