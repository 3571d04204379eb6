"""The registry of reports: every report the council can ask for, by name.

pretix's exporters are the model: a registered `ReportType` has a name (the command line's
KIND, a page's download), a title, and a function from a period, a `Scope` and options to a
`Report` of sections and rows; renderers only format it. A report that can also be an annex
of a pack names its annex function and the `ReportPack` box that chooses it, and a pack prints
its annexes in the order they were registered. `reporting/reports/catalogue.py` and
`reporting/packs.py` register theirs when the app is ready (`reporting/apps.py`).
"""

from collections.abc import Callable
from dataclasses import dataclass

from scorecard.models import Directorate, Objective, ReportingPeriod

from .models import ReportPack
from .reports.document import Report
from .reports.scope import Scope


@dataclass(frozen=True)
class ReportType:
    """A report the council asks for by name, and what it is as an annex of a pack."""

    name: str
    title: str
    build: Callable[..., Report]  # (period, scope, *, include_provisional, **options)
    # As an annex of a pack: (period, scope, items, *, include_provisional) -> sections.
    annex: Callable[..., list] | None = None
    pack_field: str = ""  # the ReportPack box that puts the annex in a pack
    on_command_line: bool = True  # False: a page's download or a pack's annex only

    @property
    def annex_key(self) -> str:
        """The annex's kind as the narrative cites it ("see Annex 2"): scorecard, exceptions…"""
        return self.name.replace("-", "_")


REPORTS: dict[str, ReportType] = {}


def register_report(report: ReportType) -> None:
    if report.name in REPORTS and REPORTS[report.name] != report:
        raise ValueError(f"Two reports are called {report.name!r}.")
    REPORTS[report.name] = report


def command_names() -> list[str]:
    """The reports `export_report` offers by name, in the order they were registered."""
    return [name for name, report in REPORTS.items() if report.on_command_line]


def build_report(
    kind: str,
    period: ReportingPeriod | None,
    *,
    objectives: tuple[str, ...] = (),
    directorates: tuple[str, ...] = (),
    include_provisional: bool = False,
    **options,
) -> Report:
    """The report `kind` names ("scorecard", …, "pack" or "pack:12") for a period and scope.

    "pack" is the council's default pack for the period, built without being saved; "pack:12"
    the saved pack 12, with its own period and scope. Reports publish approved figures unless
    `include_provisional` (a saved pack has its own choice). `options` are the report's own
    (a page's filtered items, a plan). Raises LookupError, with a message for the user, for an
    unknown objective, directorate or pack.
    """
    for code in objectives:
        if not Objective.objects.filter(code=code).exists():
            raise LookupError(f"There is no objective {code!r}.")
    for name in directorates:
        if not Directorate.objects.filter(name=name).exists():
            raise LookupError(f"There is no directorate {name!r}.")
    if kind.startswith("pack:"):
        pack = _saved_pack(kind)
        if objectives or directorates:
            # Silently printing the whole pack would mislead whoever asked for a part of it.
            raise LookupError(
                f"Report pack {pack.pk} has its own scope: edit the pack, or leave out "
                "--objective and --directorate."
            )
        return REPORTS["pack"].build(pack.period, Scope(), include_provisional=False, pack=pack)
    scope = Scope(objective_codes=objectives, directorate_names=directorates)
    return REPORTS[kind].build(period, scope, include_provisional=include_provisional, **options)


def _saved_pack(kind: str) -> ReportPack:
    pack_id = kind.removeprefix("pack:")
    pack = ReportPack.objects.filter(pk=pack_id).first() if pack_id.isdigit() else None
    if pack is None:
        raise LookupError(f"There is no report pack {pack_id!r}.")
    return pack
