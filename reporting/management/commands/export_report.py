from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reporting.exports import build_report, command_names
from reporting.render import RENDERERS
from scorecard.models import ReportingPeriod


class Command(BaseCommand):
    help = (
        "Export a report: scorecard, improvement-plan, exceptions, action-plans, results, pack "
        "(the council's default pack for --period, not saved) or pack:ID for a saved report "
        "pack, as PDF, Excel or HTML. Approved figures only, unless --provisional."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("kind", help=f"one of {', '.join(command_names())}, or pack:ID")
        parser.add_argument("--period", help='e.g. "2009/10 Q2" (a pack has its own)')
        parser.add_argument("--format", choices=sorted(RENDERERS), default="pdf")
        parser.add_argument("-o", "--output", type=Path, required=True)
        parser.add_argument("--objective", action="append", default=[], help="objective code")
        parser.add_argument("--directorate", action="append", default=[], help="directorate name")
        parser.add_argument(
            "--group", help="the comparator group, by name (benchmarking; default: the first)"
        )
        parser.add_argument(
            "--provisional",
            action="store_true",
            help="include figures submitted but not yet approved, each marked Provisional "
            "(a saved pack:ID keeps its own choice)",
        )

    def handle(
        self, *args, kind, period, format, output, objective, directorate, provisional, **options
    ):
        if not kind.startswith("pack:") and kind not in command_names():
            raise CommandError(
                f"Unknown report {kind!r}: use one of {', '.join(command_names())}, pack:ID"
            )
        found = None
        if period:
            found = ReportingPeriod.objects.filter(label=period).first()
            if found is None:
                raise CommandError(f"There is no period {period!r}.")
        elif not kind.startswith("pack:"):
            raise CommandError('Give --period, e.g. --period "2009/10 Q2".')
        try:
            report = build_report(
                kind,
                found,
                objectives=tuple(objective),
                directorates=tuple(directorate),
                include_provisional=provisional,
                **_report_options(kind, options.get("group")),
            )
        except LookupError as exc:
            raise CommandError(str(exc)) from None
        if not output.parent.is_dir():
            raise CommandError(f"There is no folder {output.parent} to write {output.name} in.")
        output.write_bytes(RENDERERS[format](report))
        self.stdout.write(self.style.SUCCESS(f"Wrote {report.title} to {output}"))


def _report_options(kind: str, group: str | None) -> dict:
    """Options only some reports take: --group is the benchmarking report's."""
    if group is None:
        return {}
    if kind != "benchmarking":
        raise CommandError("--group applies to the benchmarking report only.")
    return {"group": group}
