from pathlib import Path

from django.core.management.base import BaseCommand

from scorecard.workbook.writer import workbook_export


class Command(BaseCommand):
    help = "Export the whole framework as a plan workbook (.xlsx, or a folder of .csv files)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path, help="a .xlsx file, or a folder for .csv files")

    def handle(self, *args, path: Path, **options) -> None:
        counts = workbook_export(path=path)
        for sheet, count in counts.items():
            self.stdout.write(f"{sheet}: {count} row{'s' if count != 1 else ''}")
        self.stdout.write(self.style.SUCCESS(f"Exported {path}"))
