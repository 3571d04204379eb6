"""Which report a name stands for, shared by the command line, the pages' downloads and packs."""

from scorecard.models import Directorate, Objective, ReportingPeriod

from .reports import (
    Report,
    Scope,
    action_plans_report,
    exceptions_report,
    improvement_plan_report,
    results_report,
    scorecard_report,
)

KINDS = {
    "scorecard": scorecard_report,
    "improvement-plan": improvement_plan_report,
    "exceptions": exceptions_report,
    "action-plans": action_plans_report,
    "results": results_report,
}


def build_report(
    kind: str,
    period: ReportingPeriod | None,
    *,
    objectives: tuple[str, ...] = (),
    directorates: tuple[str, ...] = (),
    include_provisional: bool = False,
) -> Report:
    """The report `kind` names ("scorecard", …, "pack" or "pack:12") for a period and scope.

    "pack" is the council's default pack for the period, built without being saved. Reports
    publish approved figures unless `include_provisional` (a saved pack has its own choice).
    Raises LookupError, with a message for the user, for an unknown objective, directorate or
    pack.
    """
    for code in objectives:
        if not Objective.objects.filter(code=code).exists():
            raise LookupError(f"There is no objective {code!r}.")
    for name in directorates:
        if not Directorate.objects.filter(name=name).exists():
            raise LookupError(f"There is no directorate {name!r}.")
    if kind.startswith("pack:"):
        from .models import ReportPack
        from .packs import pack_report

        pack_id = kind.removeprefix("pack:")
        pack = ReportPack.objects.filter(pk=pack_id).first() if pack_id.isdigit() else None
        if pack is None:
            raise LookupError(f"There is no report pack {kind.removeprefix('pack:')!r}.")
        if objectives or directorates:
            # Silently printing the whole pack would mislead whoever asked for a part of it.
            raise LookupError(
                f"Report pack {pack.pk} has its own scope: edit the pack, or leave out "
                "--objective and --directorate."
            )
        return pack_report(pack)
    scope = Scope(objective_codes=objectives, directorate_names=directorates)
    if kind == "pack":
        from .packs import default_pack, pack_report

        pack = default_pack(period, include_provisional=include_provisional)
        return pack_report(pack, scope=scope)
    return KINDS[kind](period, scope, include_provisional=include_provisional)
