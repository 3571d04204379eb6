from django.core.management.base import BaseCommand, CommandError

from scorecard.management.arguments import active_user, period_named
from scorecard.returns.audit import as_text
from scorecard.returns.period_services import period_rerate
from scorecard.returns.services import ReturnInvalid, ReturnRefused


class Command(BaseCommand):
    help = (
        "Re-rate every result of a signed-off (closed or locked) period by the measures' current "
        "rules, as a member of the performance team, with a reason kept in the audit trail."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("period", help='e.g. "2009/10 Q2"')
        parser.add_argument("--reason", required=True, help="why the new rules apply to it")
        parser.add_argument("--user", required=True, help="the performance team member's username")

    def handle(self, *args, period: str, reason: str, user: str, **options) -> None:
        found = period_named(period)
        person = active_user(user)
        try:
            changed = period_rerate(user=person, period=found, reason=reason)
        except ReturnRefused as refused:
            raise CommandError(str(refused)) from None
        except ReturnInvalid as invalid:
            raise CommandError(invalid.errors["reason"].capitalize() + ".") from None
        for c in changed:
            old, new = as_text(c.old_rag) or "not rated", as_text(c.result.rag) or "not rated"
            self.stdout.write(f"{c.result.measure.code}: {old} → {new}")
        self.stdout.write(
            self.style.SUCCESS(f"{len(changed)} result(s) of {found.label} re-rated.")
        )
