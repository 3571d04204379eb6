from django.core.management.base import BaseCommand

from scorecard.returns.reminders import reminders_send


class Command(BaseCommand):
    help = (
        "Email each officer a digest of the returns due within N days and those overdue "
        "(through Django's email backend; the console in the demo)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days", type=int, default=7, help="remind of returns due within this many days"
        )

    def handle(self, *args, days: int, **options) -> None:
        sent, skipped = reminders_send(within_days=days)
        self.stdout.write(f"Sent {sent} reminder{'s' if sent != 1 else ''}.")
        for username in skipped:
            self.stderr.write(f"{username} has returns to make but no email address.")
