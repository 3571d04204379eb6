"""A committee clerk's journey in Chromium: the Cabinet pack for Q2 2009/10, from a blank form to
the PDF and the Excel file.

With the demo council loaded, the demo `clerk` signs in, creates the pack for the Cabinet of
15 December 2009, rewrites "What is going well?", saves, previews, builds the PDF (watching the
progress display until the download is offered), downloads it, then builds and downloads the
Excel file. axe-core checks every page on the way.

Builds go through the production task backend (the database queue): the page first says the
build is queued, then the test runs the worker, and the page's script, polling the build's
status, shows the progress at 100% and reveals the download link.
"""

import io
import re

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader

from reporting.models import ReportPack
from scorecard.management.commands.load_demo import demo_password

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Q2 Performance Management: July – September 2009"
GOING_WELL = (
    "A key success this quarter was the achievement of level 3 Equality Standard for Local "
    "Government, in the recent assessment undertaken by IDeA."
)


@pytest.fixture
def demo():
    call_command("load_demo", "--force", verbosity=0)


def sign_in_as_clerk(page):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("clerk")
    page.get_by_label("Password").fill(demo_password("clerk"))
    page.get_by_label("Password").press("Enter")
    expect(page.get_by_role("link", name="Report packs")).to_be_visible()


@pytest.fixture
def task_queue(settings):
    """Builds wait in the database queue for a worker, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_the_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def build_and_download(page, button: str, file_name: str, assert_accessible, tmp_path):
    """Press a build button on the preview, watch the build, and download the file."""
    page.get_by_role("button", name=button).click()
    expect(page).to_have_url(re.compile(r"/packs/\d+/builds/\d+/$"))
    expect(page.get_by_label("Progress")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Queued")
    link = page.get_by_role("link", name=f"Download the {file_name} file")
    expect(link).to_be_hidden()
    assert_accessible(page)

    run_the_worker()

    expect(page.get_by_role("status")).to_contain_text("Ready to download", timeout=60_000)
    expect(page.get_by_label("Progress")).to_have_js_property("value", 100)
    expect(link).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as info:
        link.click()
    download = info.value
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    return download.suggested_filename, path.read_bytes()


def test_a_clerk_builds_the_cabinet_pack_and_downloads_the_pdf_and_the_excel_file(
    page, demo, task_queue, assert_accessible, tmp_path
):
    page.set_default_timeout(30_000)
    sign_in_as_clerk(page)

    page.get_by_role("link", name="Report packs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Report packs")
    assert_accessible(page)

    page.get_by_role("link", name="Create a report pack").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create a report pack")
    assert_accessible(page)

    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Committee").fill("Cabinet")
    page.get_by_label("Meeting date").fill("2009-12-15")
    page.get_by_label("Agenda item").fill("EX7")
    page.get_by_label("Report by").fill("County Council Management Team")
    page.get_by_label("Contact officer").fill("Christa Brodie-Levinsohn")
    page.get_by_label("Contact telephone").fill("01865 815463")
    page.get_by_label("Period").select_option(label="2009/10 Q2")
    page.get_by_role("button", name="Create the pack").click()

    # The narrative is drafted from the quarter's facts, ready to edit.
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("status")).to_contain_text("The narrative is drafted from the facts")
    expect(page.get_by_label("What requires attention?")).to_contain_text("BV 012")
    assert_accessible(page)

    going_well = page.get_by_label("What is going well?")
    going_well.fill(GOING_WELL)
    page.get_by_role("button", name="Save the pack").click()
    expect(page.get_by_role("status")).to_contain_text("Pack saved.")
    expect(page.get_by_label("What is going well?")).to_have_value(GOING_WELL)
    assert ReportPack.objects.get().going_well == GOING_WELL
    assert_accessible(page)

    page.get_by_role("link", name="Preview the pack").click()
    expect(page.get_by_role("heading", name="What is going well?", exact=True)).to_be_visible()
    expect(page.get_by_text(GOING_WELL)).to_be_visible()
    expect(page.get_by_role("heading", name="Balanced scorecard", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Exceptions", exact=True)).to_be_visible()
    assert_accessible(page)
    preview = page.url

    name, data = build_and_download(page, "Download as PDF", "PDF", assert_accessible, tmp_path)
    assert name.endswith(".pdf")
    pdf = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert pdf.metadata["/Title"] == TITLE
    assert GOING_WELL in text
    assert f"Page {len(pdf.pages)} of {len(pdf.pages)}" in text

    page.goto(preview)
    name, data = build_and_download(page, "Download as Excel", "Excel", assert_accessible, tmp_path)
    assert name.endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames[:2] == ["Summary", "Scorecard"]
    assert workbook["Summary"]["A1"].value == TITLE
