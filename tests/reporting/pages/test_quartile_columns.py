"""Quartile columns in the scorecard and the measures list, on the page and in the PDF and
Excel downloads (issue 11: "quartile columns available in the scorecard and lists")."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.benchmarking import import_csv, neighbours
from tests.support.councils import measure
from tests.support.reports import Pdf, Xlsx, by_code, pdf_table

pytestmark = pytest.mark.django_db

SCORECARD = "/scorecard/?period=2023/24"
LIST = "/items/?period=2023/24&kind=measure"

SCORECARD_HEADERS = [
    *("Code", "Title", "Baseline", "Target", "Actual", "RAG", "Why", "Short-term trend"),
    *("Long-term trend", "Risk (likelihood × impact)", "Quartile", "Rank"),
]


def annual(code: str, **fields):
    return measure(code, frequency="annual", **fields)


@pytest.fixture
def benchmarked():
    """NI 192 at 27.9% against four neighbours in 2023/24: 4th of 5, third quartile. LPI 001
    has no comparators; NI 157 has them only for the year before and the year after."""
    annual(
        "NI 192",
        title="Household waste recycled",
        unit="%",
        decimal_places=1,
        external_indicator="LGI 192",
        results={"2023/24": "27.9"},
    )
    annual("LPI 001", title="Local measure", results={"2023/24": "5"})
    annual("NI 157", title="Planning", external_indicator="LGI 157", results={"2023/24": "80"})
    import_csv(
        *neighbours("LGI 192", "2023/24", "30", "35.5", "20", "41"),
        *neighbours("LGI 157", "2022/23", "70", "90"),
        *neighbours("LGI 157", "2024/25", "70", "90"),
    )


def test_the_scorecard_hides_quartiles_until_asked(client, viewer, benchmarked):
    client.force_login(viewer)
    page = client.get(SCORECARD).content.decode()
    assert "third quartile" not in page
    assert 'name="quartiles"' in page and "Show quartiles" in page


def test_the_scorecard_shows_quartile_and_rank_or_says_there_is_no_comparator_data(
    client, viewer, benchmarked
):
    client.force_login(viewer)
    page = client.get(SCORECARD + "&quartiles=1").content.decode()
    assert "3 (third quartile)" in page and "4 of 5" in page
    assert "against Nearest neighbours" in page
    # LPI 001 has none, and NI 157's comparators are for other years only: period-true.
    assert page.count("No comparator data") >= 4


def test_the_scorecard_pdf_and_excel_carry_the_quartile_columns(client, viewer, benchmarked):
    client.force_login(viewer)
    pdf = client.get(SCORECARD + "&quartiles=1&download=pdf").content
    rows = {row["Code"]: row for row in pdf_table(pdf, SCORECARD_HEADERS)}
    assert rows["NI 192"]["Quartile"] == "3 (third quartile)"
    assert rows["NI 192"]["Rank"] == "4 of 5"
    assert rows["NI 157"]["Quartile"] == "No comparator data"
    workbook = Xlsx(client.get(SCORECARD + "&quartiles=1&download=xlsx").content)
    sheet = by_code(workbook["Scorecard"])
    assert sheet["NI 192"]["Quartile"].value == 3
    assert sheet["NI 192"]["Rank"].value == "4 of 5"
    assert sheet["LPI 001"]["Quartile"].value == "No comparator data"
    plain = Xlsx(client.get(SCORECARD + "&download=xlsx").content)
    assert "Quartile" not in by_code(plain["Scorecard"])["NI 192"]
    assert "Quartile" not in Pdf(client.get(SCORECARD + "&download=pdf").content).text


def test_the_list_and_its_downloads_show_quartiles_when_asked(client, viewer, benchmarked):
    client.force_login(viewer)
    url = LIST
    assert "third quartile" not in client.get(url).content.decode()
    page = client.get(url + "&quartiles=1").content.decode()
    assert "3 (third quartile)" in page and "4 of 5" in page
    assert 'id="id_quartiles" checked' in page
    workbook = Xlsx(client.get(url + "&quartiles=1&download=xlsx").content)
    sheet = by_code(workbook[workbook.sheetnames[1]])
    assert sheet["NI 192"]["Quartile"].value == 3
    assert sheet["NI 157"]["Rank"].value == "No comparator data"
    text = Pdf(client.get(url + "&quartiles=1&download=pdf").content).text
    assert "3 (third quartile)" in text and "4 of 5" in text


def test_a_later_periods_comparators_never_place_an_earlier_figure(client, viewer):
    annual("NI 192", external_indicator="LGI 192", results={"2023/24": "27.9", "2024/25": "30"})
    import_csv(*neighbours("LGI 192", "2024/25", "30", "35.5", "20", "41"))
    client.force_login(viewer)
    page = client.get(SCORECARD + "&quartiles=1").content.decode()
    assert "quartile)" not in page and "No comparator data" in page


def _scorecard_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(SCORECARD + "&quartiles=1").status_code == 200
    return len(queries)


def test_the_quartile_columns_take_the_same_queries_however_many_measures(
    client, viewer, benchmarked, django_assert_max_num_queries
):
    client.force_login(viewer)
    few = _scorecard_queries(client)
    for n in range(10):
        annual(f"NI 9{n:02d}", external_indicator=f"LGI 9{n:02d}", results={"2023/24": "5"})
        import_csv(*neighbours(f"LGI 9{n:02d}", "2023/24", "1", "9"), group="Nearest neighbours")
    assert _scorecard_queries(client) == few
    with CaptureQueriesContext(connection) as plain:
        client.get(SCORECARD)
    # The measures, the group, then the settings, comparator values, periods and results.
    with django_assert_max_num_queries(len(plain) + 6):
        client.get(SCORECARD + "&quartiles=1")
