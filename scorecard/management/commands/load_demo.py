from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from scorecard.models import CouncilSettings, ReportingPeriod, Role
from scorecard.rules.periods import parse_period
from scorecard.services.comparators import comparators_import
from scorecard.services.periods import periods_ensure
from scorecard.workbook.errors import WorkbookRefused
from scorecard.workbook.importer import workbook_import

DEMO_RETURNS_PERIOD = "2009/10 Q3"
DEMO_DIR = Path(settings.BASE_DIR) / "fixtures" / "demo"
DEMO_COMPARATOR_GROUP = "Nearest neighbours (16, invented)"

# One demo user per role, and a second officer to show that officers see only their own.
# The passwords are published in the README: demo data only.
DEMO_USERS = [
    ("officer", "Olivia", "Officer", Role.OFFICER),
    ("officer2", "Oscar", "Officer", Role.OFFICER),
    ("approver", "Adam", "Approver", Role.APPROVER),
    ("performance", "Priya", "Performance", Role.PERFORMANCE_TEAM),
    ("viewer", "Victor", "Viewer", Role.VIEWER),
    ("clerk", "Clara", "Clerk", Role.COMMITTEE_CLERK),
]


def demo_password(username: str) -> str:
    return f"{username}-demo-2009"


class Command(BaseCommand):
    help = (
        "Load the demo council from fixtures/demo with the plan workbook importer, and create "
        "one demo user per role. Safe to run again: it updates, never duplicates."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="load even when DEBUG is off (the demo users have published passwords)",
        )

    def handle(self, *args, force: bool, **options) -> None:
        if not settings.DEBUG and not force:
            raise CommandError(
                "The demo council has published passwords; it is loaded only with DEBUG on. "
                "Pass --force to load it anyway."
            )
        folders = sorted(p for p in DEMO_DIR.iterdir() if p.is_dir())
        with transaction.atomic():
            for folder in folders:
                try:
                    counts = workbook_import(path=folder)
                except WorkbookRefused as refused:
                    raise CommandError(f"{folder.name}: {refused.report()}") from None
                total = sum(counts.values())
                self.stdout.write(f"Loaded {folder.name}: {total} rows")
                self._load_comparators(folder)
            users = self._demo_users()
            returns_period = self._open_demo_returns()
        self.stdout.write(f"Open for returns: {returns_period}, due in 30 days")
        self.stdout.write(self.style.SUCCESS("Demo users (username / password / role):"))
        for username, password, role in users:
            self.stdout.write(f"  {username:<12} {password:<22} {role}")

    def _load_comparators(self, folder: Path) -> None:
        """A folder's ``comparators/*.csv``: invented comparator data forming the demo's group
        of nearest neighbours (fixtures/README.md), imported as the performance team would."""
        for path in sorted((folder / "comparators").glob("*.csv")):
            try:
                summary = comparators_import(
                    name=path.name, data=path.read_bytes(), group=DEMO_COMPARATOR_GROUP
                )
            except WorkbookRefused as refused:
                raise CommandError(f"{path}: {refused.report()}") from None
            self.stdout.write(f"Loaded {folder.name}/{path.name}: {summary.values} values")

    def _open_demo_returns(self) -> str:
        """Open 2009/10 Q3 for returns, due 30 days from today, so officers have work to do.

        The demo's history is 2009/10 and earlier: every other period still open with its
        deadline long past is closed, as the performance team would have done, so "My returns"
        shows this quarter rather than years of overdue ones. A period the performance team
        opened with a deadline still ahead is left as it is.
        """
        today = timezone.localdate()
        ref = parse_period(DEMO_RETURNS_PERIOD)
        period = periods_ensure([ref], deadline_days=CouncilSettings.load().deadline_days)[
            ref.label
        ]
        ReportingPeriod.objects.filter(pk=period.pk).update(
            state=ReportingPeriod.State.OPEN, deadline=today + timedelta(days=30)
        )
        ReportingPeriod.objects.filter(
            state=ReportingPeriod.State.OPEN, deadline__lt=today
        ).exclude(pk=period.pk).update(state=ReportingPeriod.State.CLOSED)
        return ref.label

    def _demo_users(self) -> list[tuple[str, str, str]]:
        User = get_user_model()
        shown = []
        for username, first, last, role in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"first_name": first, "last_name": last}
            )
            user.set_password(demo_password(username))
            user.is_staff = role == Role.PERFORMANCE_TEAM
            user.save()
            user.groups.add(Group.objects.get(name=role.value))
            shown.append((username, demo_password(username), role.value))
        return shown
