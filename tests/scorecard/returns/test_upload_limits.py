"""An uploaded workbook that would expand past a limit is refused before it is read, and a
refused upload lists its first 100 problems and counts the rest (issue 13).

A 1.78 MB .xlsx can expand to 500 MB: read, it takes a worker to 1 GB and past its timeout.
"""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from scorecard.models import AuditEntry, Result
from tests.support.returns import RESULT_HEADERS

pytestmark = pytest.mark.django_db


def xlsx(rows: int, text: str = "") -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = "Results"
    ws.append(RESULT_HEADERS)
    for number in range(rows):
        ws.append(["NI 192", "2009/10 Q3", number, None, text])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rewrite(data: bytes, member: str, change) -> bytes:
    """The same .xlsx with one member's text changed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == member:
                body = change(body.decode()).encode()
            target.writestr(info, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def upload(client, q3, data: bytes) -> str:
    file = SimpleUploadedFile("return.xlsx", data)
    response = client.post(reverse("returns:upload"), {"period": q3.pk, "file": file})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def signed_in(client, officer, measure):
    client.force_login(officer)
    return client


def test_a_workbook_that_expands_past_the_limit_is_refused(signed_in, q3, settings):
    settings.WORKBOOK_MAX_UNCOMPRESSED_BYTES = 1_000_000
    data = xlsx(60, "x" * 30_000)  # 1.8 MB of text that zips to a few kilobytes
    assert len(data) < 100_000
    page = upload(signed_in, q3, data)
    assert "The return was not uploaded: nothing was changed" in page
    assert "expands to 1.8 MB, more than the 1.0 MB a workbook may hold" in page
    assert not Result.objects.filter(period=q3).exists()


def test_the_size_is_checked_before_the_workbook_is_read(signed_in, q3, settings):
    """A sheet that is not even XML past its first bytes is refused for its size, not its
    content: the reader never opened it."""
    settings.WORKBOOK_MAX_UNCOMPRESSED_BYTES = 1_000_000
    data = rewrite(xlsx(1), "xl/worksheets/sheet1.xml", lambda body: body + "<" * 2_000_000)
    page = upload(signed_in, q3, data)
    assert "more than the 1.0 MB a workbook may hold" in page
    assert "not an .xlsx workbook" not in page


def test_a_workbook_with_more_rows_than_the_limit_is_refused(signed_in, q3, settings):
    settings.WORKBOOK_MAX_ROWS = 100
    page = upload(signed_in, q3, xlsx(100))  # 101 rows with the header
    assert "has 101 rows, more than the 100 a workbook may hold" in page
    assert not AuditEntry.objects.exists()


def test_rows_are_counted_even_when_the_sheet_does_not_declare_them(signed_in, q3, settings):
    settings.WORKBOOK_MAX_ROWS = 100
    data = rewrite(
        xlsx(100), "xl/worksheets/sheet1.xml", lambda body: re.sub(r"<dimension[^>]*/>", "", body)
    )
    page = upload(signed_in, q3, data)
    assert "more than the 100 a workbook may hold" in page


def test_a_workbook_within_the_limits_is_read(signed_in, q3, settings):
    settings.WORKBOOK_MAX_ROWS = 101
    page = upload(signed_in, q3, xlsx(100))
    assert "a workbook may hold" not in page


def test_a_refused_upload_lists_the_first_100_problems_and_counts_the_rest(signed_in, q3):
    book = Workbook()
    ws = book.active
    ws.title = "Results"
    ws.append(RESULT_HEADERS)
    for number in range(150):
        ws.append([f"NOPE {number:03d}", "2009/10 Q3", 1])
    out = io.BytesIO()
    book.save(out)
    page = upload(signed_in, q3, out.getvalue())
    assert "Correct these 150 problems" in page
    assert page.count("there is no measure") == 100
    assert "The first 100 are listed; 50 more are not shown." in page
    assert "NOPE 099" in page and "NOPE 100" not in page
