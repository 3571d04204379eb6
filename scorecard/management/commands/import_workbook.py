from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scorecard.workbook.errors import WorkbookRefused
from scorecard.workbook.importer import workbook_import


class Command(BaseCommand):
    help = "Import a plan workbook (.xlsx, or a folder of .csv files, one per sheet)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path, help="the .xlsx file or folder of .csv files")

    def handle(self, *args, path: Path, **options) -> None:
        try:
            counts = workbook_import(path=path)
        except WorkbookRefused as refused:
            raise CommandError(refused.report()) from None
        for sheet, count in counts.items():
            self.stdout.write(f"{sheet}: {count} row{'s' if count != 1 else ''}")
        self.stdout.write(self.style.SUCCESS(f"Imported {path}"))
