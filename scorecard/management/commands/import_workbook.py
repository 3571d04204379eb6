from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scorecard.management.arguments import active_user
from scorecard.workbook.errors import WorkbookRefused
from scorecard.workbook.importer import workbook_import


class Command(BaseCommand):
    help = (
        "Import a plan workbook (.xlsx, or a folder of .csv files, one per sheet). Changes to a "
        "locked period are refused unless a member of the performance team (--user) gives a "
        "reason (--reason), kept in the audit trail of each row changed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path, help="the .xlsx file or folder of .csv files")
        parser.add_argument("--user", help="the username of who runs the import")
        parser.add_argument(
            "--reason", default="", help="why a locked period is corrected (performance team)"
        )

    def handle(self, *args, path: Path, user: str | None, reason: str, **options) -> None:
        person = None
        if user is not None:
            person = active_user(user)
        elif reason.strip():
            raise CommandError("Say who is correcting the locked period with --user.")
        try:
            counts = workbook_import(path=path, user=person, reason=reason)
        except WorkbookRefused as refused:
            raise CommandError(refused.report()) from None
        for sheet, count in counts.items():
            self.stdout.write(f"{sheet}: {count} row{'s' if count != 1 else ''}")
        self.stdout.write(self.style.SUCCESS(f"Imported {path}"))
