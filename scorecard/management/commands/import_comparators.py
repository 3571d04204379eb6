from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scorecard.management.arguments import active_user
from scorecard.services.comparators import comparators_import
from scorecard.workbook.errors import WorkbookRefused


class Command(BaseCommand):
    help = (
        "Import comparator values (.csv or .xlsx in LG Inform's long format: Area code, Area "
        "name, Indicator, Period, Value, optional Unit and Source). All or nothing; a "
        "re-import replaces that source's values for the file's indicators and periods."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path, help="the .csv or .xlsx file")
        parser.add_argument(
            "--group",
            default="",
            help="form (or replace) this comparator group from the file's areas",
        )
        parser.add_argument(
            "--source",
            default="",
            help="the source of every value (e.g. 'LG Inform'); otherwise the file's Source column",
        )
        parser.add_argument("--user", help="the username of who runs the import")

    def handle(self, *args, path: Path, group: str, source: str, user: str | None, **options):
        person = active_user(user) if user is not None else None
        if not path.is_file():
            raise CommandError(f"There is no file {path}.")
        try:
            summary = comparators_import(
                name=path.name, data=path.read_bytes(), user=person, group=group, source=source
            )
        except WorkbookRefused as refused:
            raise CommandError(refused.report()) from None
        self.stdout.write(self.style.SUCCESS(summary.sentence()))
