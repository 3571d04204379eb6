"""`export_report benchmarking --period P [--group NAME]`: PDF, Excel and HTML from one table
definition, read back (issue 11)."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from tests.support.benchmarking import import_csv, neighbours
from tests.support.councils import measure
from tests.support.periods import period
from tests.support.reports import Pdf, Xlsx, by_code, pdf_table

pytestmark = pytest.mark.django_db
HEADERS = [
    "Code",
    "Title",
    "Period",
    "Value",
    "Rank",
    "Of",
    "Quartile",
    "Median",
    "Since last year",
    "Position in words",
]


@pytest.fixture
def benchmarked():
    measure(
        "NI 192",
        title="Household waste recycled",
        unit="%",
        decimal_places=1,
        external_indicator="LGI 192",
        results={"2023/24": "27.9", "2024/25": "50.0"},
    )
    measure(
        "BV 012",
        title="Sick days",
        unit="days",
        polarity="lower",
        decimal_places=2,
        external_indicator="LGI 12",
        results={"2023/24": "7.84"},
    )
    measure("LPI 001", title="Not benchmarked", results={"2023/24": "1"})
    import_csv(
        *neighbours("LGI 192", "2023/24", "30", "35.5", "20", "41"),
        *neighbours("LGI 192", "2024/25", "30", "35.5", "20", "41"),
        *neighbours("LGI 12", "2023/24", "9.10", "8.50", "10.20", "7.00", unit="days"),
    )
    tiny = neighbours("LGI 192", "2023/24", "1", "2", first=50)
    import_csv(*tiny, group="Tiny club", source="Tiny club survey")
    period("2023/24 Q4")


def export(tmp_path, fmt, *args, label="2023/24") -> bytes:
    out = tmp_path / f"bench.{fmt}"
    call_command(
        "export_report",
        "benchmarking",
        "--period",
        label,
        "--format",
        fmt,
        "-o",
        str(out),
        *args,
        verbosity=0,
    )
    return out.read_bytes()


def test_the_excel_report_has_a_row_per_benchmarked_measure(benchmarked, tmp_path):
    book = Xlsx(export(tmp_path, "xlsx"))
    rows = by_code(book["Benchmarking"])
    assert set(rows) == {"NI 192", "BV 012"}
    ni = {k: c.value for k, c in rows["NI 192"].items()}
    assert (ni["Rank"], ni["Of"], ni["Quartile"]) == (4, 5, 3)
    assert Decimal(str(ni["Value"])) == Decimal("27.9")
    assert Decimal(str(ni["Median"])) == Decimal("30")
    bv = {k: c.value for k, c in rows["BV 012"].items()}
    # Lower is better: 7.84 days beats all but 7.00, so 2nd of 5 and top quartile.
    assert (bv["Rank"], bv["Of"], bv["Quartile"]) == (2, 5, 1)


def test_the_pdf_prints_the_same_table(benchmarked, tmp_path):
    data = export(tmp_path, "pdf")
    rows = {row["Code"]: row for row in pdf_table(data, HEADERS)}
    footer = rows.pop("Measures benchmarked")  # the footer counts exactly the rows shown
    assert "2" in " ".join(footer.cells.values())
    assert set(rows) == {"NI 192", "BV 012"}
    assert (rows["NI 192"]["Value"], rows["NI 192"]["Rank"], rows["NI 192"]["Of"]) == (
        "27.9%",
        "4",
        "5",
    )
    assert rows["NI 192"]["Median"] == "30.0%"
    assert rows["BV 012"]["Value"] == "7.84 days"
    assert "Benchmarking against Nearest neighbours" in Pdf(data).text


def test_the_report_is_period_true(benchmarked, tmp_path):
    # 2024/25's 50.0% is after the period asked for: it is not read.
    page = export(tmp_path, "html").decode()
    assert "50.0%" not in page
    assert "27.9%" in page


def test_group_chooses_the_comparators(benchmarked, tmp_path):
    rows = by_code(Xlsx(export(tmp_path, "xlsx", "--group", "Tiny club"))["Benchmarking"])
    assert set(rows) == {"NI 192"}
    assert (rows["NI 192"]["Rank"].value, rows["NI 192"]["Of"].value) == (1, 3)


def test_an_unknown_group_is_a_plain_error(benchmarked, tmp_path):
    with pytest.raises(CommandError, match="There is no comparator group 'Nobody'"):
        export(tmp_path, "pdf", "--group", "Nobody")


def test_group_belongs_to_the_benchmarking_report_only(benchmarked, tmp_path):
    out = tmp_path / "x.pdf"
    with pytest.raises(CommandError, match="--group applies to the benchmarking report only"):
        call_command(
            "export_report",
            "scorecard",
            "--period",
            "2023/24",
            "--group",
            "Tiny club",
            "-o",
            str(out),
        )
