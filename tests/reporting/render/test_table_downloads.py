"""The balanced scorecard, the improvement-plan table, the exceptions and any filtered list can be
downloaded as Excel and PDF from their pages, with the filters on the page applied."""

import re
from urllib.parse import urlencode

import pytest

from scorecard.models import Directorate, Role
from tests.support.pages import listed_codes
from tests.support.reports import Pdf, Xlsx, by_code, table

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def member(demo_council, client, role_user):
    """A councillor or CMT member: the Viewer role."""
    client.force_login(role_user(Role.VIEWER, username="member"))
    return client


def url(path: str, **params) -> str:
    return f"{path}?{urlencode(params, doseq=True)}"


def test_a_filtered_list_downloads_as_excel_with_exactly_the_codes_on_the_page(member):
    filters = {"period": "2009/10 Q2", "status": ["red", "nci"]}
    shown = listed_codes(member.get(url("/items/", **filters)).content)
    assert shown, "the filters should match something"
    response = member.get(url("/items/", **filters, download="xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    workbook = Xlsx(response.content)
    ws = workbook[workbook.sheetnames[1]]
    rows = table(ws)
    assert sorted(row["Code"].value for row in rows) == sorted(shown)
    assert {row["RAG"].value for row in rows} == {"R", "NCI"}


def test_a_filtered_list_downloads_as_pdf_with_exactly_the_codes_on_the_page(member):
    resources = Directorate.objects.get(name="Resources")
    filters = {"period": "2009/10 Q2", "directorate": resources.pk, "kind": "measure"}
    shown = listed_codes(member.get(url("/items/", **filters)).content)
    assert "BV 012" in shown
    response = member.get(url("/items/", **filters, download="pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = Pdf(response.content).text
    for code in shown:
        assert code in text
    for elsewhere in ("NI 191", "NI 117", "LOC-HW01"):
        assert elsewhere not in text


def test_a_download_is_an_attachment_named_after_the_report(member):
    response = member.get(url("/scorecard/", period="2009/10 Q2", download="xlsx"))
    assert response["Content-Disposition"] == (
        'attachment; filename="balanced-scorecard-200910-q2.xlsx"'
    )


def test_the_balanced_scorecard_downloads_as_excel_and_pdf(member):
    workbook = Xlsx(member.get(url("/scorecard/", period="2009/10 Q2", download="xlsx")).content)
    rows = by_code(workbook["Scorecard"])
    assert rows["BV 012"]["RAG"].value == "R"
    assert rows["NI 191"]["Actual"].value == pytest.approx(305.8)
    response = member.get(url("/scorecard/", period="2009/10 Q2", download="pdf"))
    assert response["Content-Type"] == "application/pdf"
    pdf = Pdf(response.content)
    assert pdf.metadata()["/Title"] == "Balanced scorecard: 2009/10 Q2"
    assert "305.8 kg" in pdf.text


def test_the_scorecard_download_is_for_the_period_on_the_page(member):
    q1 = Xlsx(member.get(url("/scorecard/", period="2009/10 Q1", download="xlsx")).content)
    assert q1["Summary"]["B2"].value == "2009/10 Q1"
    assert by_code(q1["Scorecard"])["NI 191"]["Actual"].value != pytest.approx(305.8)


def test_the_improvement_plan_downloads_with_the_quarters_chosen_on_the_page(member):
    both = Xlsx(
        member.get(
            url(
                "/plans/CIP-2009/improvement-plan/",
                period=["2009/10 Q2", "2009/10 Q3"],
                download="xlsx",
            )
        ).content
    )
    ws = both["Plan CIP-2009"]
    headers = [cell.value for cell in next(ws.iter_rows(max_row=1))]
    assert headers[-5:] == [
        "2009/10 Q2",
        "Why (2009/10 Q2)",
        "2009/10 Q3",
        "Why (2009/10 Q3)",
        "Comment",
    ]
    # Each quarter's RAG has its short reason beside it, as every list has (issue 12).
    satisfaction = next(r for r in ws.iter_rows(values_only=True) if r[1] == "CIP01.1.4")
    assert satisfaction[-5:-1] == ("A", "officer's judgement", "R", "officer's judgement")
    footer = {row[0]: row[1] for row in ws.iter_rows(values_only=True) if row[0]}
    assert footer["Number Green and Amber"] == 48
    assert footer["Percentage"] == pytest.approx(0.9796)

    one = Xlsx(
        member.get(
            url("/plans/CIP-2009/improvement-plan/", period="2009/10 Q3", download="xlsx")
        ).content
    )
    headers = [cell.value for cell in next(one["Plan CIP-2009"].iter_rows(max_row=1))]
    assert "2009/10 Q2" not in headers
    assert headers[-3:] == ["2009/10 Q3", "Why (2009/10 Q3)", "Comment"]


def test_the_improvement_plan_downloads_as_pdf(member):
    response = member.get(
        url(
            "/plans/CIP-2009/improvement-plan/",
            period=["2009/10 Q2", "2009/10 Q3"],
            download="pdf",
        )
    )
    pdf = Pdf(response.content)
    assert "CIP01.1.3" in pdf.text
    assert "Number Green and Amber 48 Percentage 97.96%" in pdf.pages[-1]


def test_the_dashboard_downloads_its_exceptions(member):
    workbook = Xlsx(member.get(url("/dashboard/", period="2009/10 Q2", download="xlsx")).content)
    rows = table(workbook["Exceptions"])
    reds = {r["Code"].value for r in rows if r["Group"].value == "Red"}
    missing = {r["Code"].value for r in rows if r["Group"].value == "No Current Information"}
    assert {"BV 012", "LOC-FIN04", "NI 117"} <= reds
    assert {"LOC-PPL01", "LOC-PPL02", "BV 017a"} <= missing
    pdf = Pdf(member.get(url("/dashboard/", period="2009/10 Q2", download="pdf")).content)
    assert "Managing Attendance" in pdf.text


def test_the_pages_offer_the_downloads_with_their_filters(member):
    page = member.get(url("/items/", period="2009/10 Q2", status="red")).content.decode()
    assert "status=red" in page and "download=xlsx" in page and "download=pdf" in page
    assert re.search(r'href="\?[^"]*status=red[^"]*download=xlsx"', page)


@pytest.mark.parametrize(
    "path",
    [
        "/items/?period=2009/10+Q2&download=xlsx",
        "/scorecard/?period=2009/10+Q2&download=pdf",
        "/dashboard/?period=2009/10+Q2&download=xlsx",
        "/plans/CIP-2009/improvement-plan/?download=xlsx",
    ],
)
def test_downloads_need_a_signed_in_user(demo_council, client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
