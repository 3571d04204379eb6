"""Returns for tests: officers with profiles, the items they update, the forms they post, and
the Excel return they download, fill in and upload."""

import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from scorecard.models import OfficerProfile
from scorecard.returns.excel import returns_import
from tests.support.factories import ActionFactory, MeasureFactory, TargetFactory

# The Results sheet of an Excel return; `manage.py import_returns` files may leave out RAG.
RESULT_HEADERS = ["Code", "Period", "Actual", "RAG", "Commentary", "Corrective action"]
RESULT_HEADERS_WITHOUT_RAG = ["Code", "Period", "Actual", "Commentary", "Corrective action"]


def in_directorate(user, directorate):
    OfficerProfile.objects.update_or_create(user=user, defaults={"directorate": directorate})
    return user


def measure_for(user, of_period, *, target="50", **fields):
    """A measure the user updates, with a target in the period."""
    fields.setdefault("decimal_places", 1)
    measure = MeasureFactory(**fields)
    if user is not None:
        measure.updaters.add(user)
    if target is not None:
        TargetFactory(measure=measure, period=of_period, value=Decimal(target))
    return measure


def action_for(user, **fields):
    action = ActionFactory(**fields)
    if user is not None:
        action.updaters.add(user)
    return action


def edit_url(item, of_period) -> str:
    kind = "measure" if hasattr(item, "frequency") else "action"
    return reverse("returns:edit", args=[kind, item.pk, of_period.pk])


def result_form(action: str = "submit", version: int = 0, **fields) -> dict:
    """What the per-item page posts: the button pressed, the version loaded, the fields."""
    data = {
        "action": action,
        "version": version,
        "actual": "",
        "commentary": "",
        "corrective_action": "",
        "risk_likelihood": "",
        "risk_impact": "",
    }
    data.update(fields)
    return data


def download(client, q3) -> Workbook:
    response = client.get(reverse("returns:download", args=[q3.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def as_upload(workbook: Workbook, name: str = "return.xlsx") -> SimpleUploadedFile:
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def row_numbers(ws) -> dict[str, int]:
    """Each item code's row number in the sheet."""
    return {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}


def column(ws, header: str) -> int:
    return [c.value for c in ws[1]].index(header) + 1


def return_file(tmp_path, *rows, name="return.xlsx", headers=RESULT_HEADERS):
    """An Excel return with these rows under `headers` on its Results sheet."""
    book = Workbook()
    ws = book.active
    ws.title = "Results"
    ws.append(headers)
    for row in rows:
        ws.append(list(row))
    book.save(tmp_path / name)
    return tmp_path / name


def preview(path, user, period) -> dict[str, int]:
    """Upload the file without confirming it; return the versions the preview saw."""
    seen: dict[str, int] = {}
    returns_import(path=path, user=user, period=period, dry_run=True, versions_seen=seen)
    return seen


def confirm(client):
    """Press "Confirm and submit" on the preview: the form carries the preview's token."""
    return client.post(
        reverse("returns:upload_confirm"), {"token": client.session["returns_upload"]["token"]}
    )
