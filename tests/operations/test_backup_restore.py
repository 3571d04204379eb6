"""Backups (issue 13): a `pg_dump` of the demo council restores into an empty database with
`pg_restore`, and the plan workbook exported from the restored database is the one exported
before, cell for cell. The commands are those the README gives.
"""

import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.support.served import manage, on_postgresql, production_env, served_database

pytestmark = pytest.mark.django_db


def cells(path: Path) -> dict[str, list[tuple]]:
    book = load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def test_a_dump_of_the_demo_restores_with_identical_plan_workbook_exports(tmp_path):
    if not on_postgresql():
        pytest.skip("pg_dump backs up PostgreSQL, the production database: run with DATABASE_URL")
    with served_database(tmp_path) as original:
        env = production_env(original)
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo", "--force")
        manage(env, "export_workbook", str(tmp_path / "before.xlsx"))
        dump = tmp_path / "perfmgmt.dump"
        subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", original], check=True)
    with served_database(tmp_path) as empty:
        subprocess.run(["pg_restore", "--no-owner", f"--dbname={empty}", str(dump)], check=True)
        manage(production_env(empty), "export_workbook", str(tmp_path / "after.xlsx"))
    before, after = cells(tmp_path / "before.xlsx"), cells(tmp_path / "after.xlsx")
    assert sum(len(rows) for rows in before.values()) > 100  # the demo council, not nothing
    assert after == before
