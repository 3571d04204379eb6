from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scorecard.management.arguments import active_user, period_named
from scorecard.returns.excel import returns_import
from scorecard.workbook.errors import WorkbookRefused


class Command(BaseCommand):
    help = (
        "Import a completed Excel return (or a folder of .csv files) for a period on behalf of "
        "a user, with the same checks as the upload page. All or nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--period", required=True, help='e.g. "2009/10 Q3"')
        parser.add_argument("--user", required=True, help="the username the return is from")
        parser.add_argument(
            "--dry-run", action="store_true", help="check and list the changes; write nothing"
        )
        parser.add_argument(
            "--reason",
            default="",
            help="why a locked period is corrected (performance team only); audited per row",
        )

    def handle(
        self, *args, file: Path, period: str, user: str, dry_run: bool, reason: str, **options
    ):
        found = period_named(period, missing=": the performance team opens it")
        person = active_user(user)
        try:
            changes = returns_import(
                path=file, user=person, period=found, dry_run=dry_run, reason=reason
            )
        except WorkbookRefused as refused:
            raise CommandError(refused.report()) from None
        for change in changes:
            shown = "; ".join(
                f"{label}: {old or 'blank'} → {new or 'blank'}" for label, old, new in change.rows
            )
            self.stdout.write(f"{change.item.code}: {shown}")
        verb = "submitted" if not found.is_locked else "corrected"
        verb = f"would be {verb}" if dry_run else verb
        self.stdout.write(self.style.SUCCESS(f"{len(changes)} return(s) for {found.label} {verb}."))
