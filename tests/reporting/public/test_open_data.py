"""Each published period as CSV and JSON, with a stable, documented column set and the
council's licence; the data dictionary describes every column (issue 14)."""

import csv
import io
import json

import pytest
from django.test import override_settings
from django.urls import reverse

from reporting.open_data import OPEN_DATA_COLUMNS
from tests.support.pages import main

pytestmark = pytest.mark.django_db

# The published column set: columns may be added at the end, never renamed or removed.
STABLE = [
    "period", "period_start", "period_end", "measure_code", "measure_title", "value_period",
    "unit", "target", "result", "rating", "rating_explanation", "since_last_period",
    "since_last_year", "directorate", "commentary", "corrective_action",
]  # fmt: skip


def csv_rows(client, slug="2009-10-q2") -> list[dict]:
    response = client.get(reverse("public:data_csv", args=[slug]))
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def test_the_csv_has_the_documented_columns_in_order(client, published):
    response = client.get(reverse("public:data_csv", args=["2009-10-q2"]))
    header = next(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert header[: len(STABLE)] == STABLE
    assert header == [column.name for column in OPEN_DATA_COLUMNS]


def test_the_csv_holds_the_approved_figures_at_their_places(client, published):
    rows = {row["measure_code"]: row for row in csv_rows(client)}
    assert rows["NI 192"]["result"] == "45.0" and rows["NI 192"]["target"] == "40.0"
    assert rows["NI 192"]["rating"] == "Green" and rows["NI 192"]["since_last_period"] == "Improved"
    assert rows["BV 012"]["result"] == "8.6" and rows["BV 012"]["rating"] == "Red"
    assert rows["LPI 017"]["rating"] == "No Current Information"


def test_the_csv_says_its_licence_and_is_downloaded_as_a_file(client, published):
    response = client.get(reverse("public:data_csv", args=["2009-10-q2"]))
    assert response["Content-Disposition"] == 'attachment; filename="performance-2009-10-q2.csv"'
    assert 'rel="license"' in response["Link"] and "open-government-licence" in response["Link"]


def test_the_json_has_the_council_period_licence_and_the_same_rows(client, published):
    body = json.loads(client.get(reverse("public:data_json", args=["2009-10-q2"])).content)
    assert body["council"] == "Demo County Council" and body["period"] == "2009/10 Q2"
    assert body["licence"]["name"] == "Open Government Licence v3.0"
    assert body["columns"] == [column.name for column in OPEN_DATA_COLUMNS]
    assert [row["measure_code"] for row in body["rows"]] == [
        row["measure_code"] for row in csv_rows(client)
    ]


@override_settings(OPEN_DATA_LICENCE="Creative Commons BY 4.0")
def test_the_licence_is_the_councils_setting(client, published):
    body = json.loads(client.get(reverse("public:data_json", args=["2009-10-q2"])).content)
    assert body["licence"]["name"] == "Creative Commons BY 4.0"
    assert "Creative Commons BY 4.0" in client.get(reverse("public:data")).content.decode()


def test_the_data_dictionary_describes_every_column(client, published):
    page = main(client.get(reverse("public:data")).content)
    text = page.text
    for column in OPEN_DATA_COLUMNS:
        assert column.name in text and column.meaning in text
    links = [a.get("href") for a in page.find_all("a")]
    assert reverse("public:data_csv", args=["2009-10-q2"]) in links
    assert reverse("public:data_json", args=["2009-10-q2"]) in links


def test_text_that_a_spreadsheet_would_run_is_made_safe(client, published):
    from scorecard.models import Result

    Result.objects.filter(measure__code="NI 191", period__label="2009/10 Q2").update(
        commentary='=HYPERLINK("http://x")'
    )
    rows = {row["measure_code"]: row for row in csv_rows(client)}
    assert rows["NI 191"]["commentary"].startswith("'=")
