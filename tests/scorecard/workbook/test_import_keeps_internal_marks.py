"""The plan workbook has no column for commentary marked internal (issue 14): importing it again
keeps every mark, and a result it adds starts public."""

import pytest

from scorecard.models import Result
from tests.support.workbooks import council_workbook

pytestmark = pytest.mark.django_db


def test_importing_the_workbook_again_keeps_the_marks(imported, import_sheets):
    assert Result.objects.exists()
    assert not Result.objects.filter(commentary_internal=True).exists()  # added public
    Result.objects.update(commentary_internal=True, corrective_action_internal=True)
    changed = council_workbook()
    changed["Results"][1][4] = "Commentary rewritten in the workbook"
    import_sheets(changed)
    assert Result.objects.filter(commentary="Commentary rewritten in the workbook").exists()
    assert not Result.objects.filter(commentary_internal=False).exists()
    assert not Result.objects.filter(corrective_action_internal=False).exists()
