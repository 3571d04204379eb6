"""After the officers' run: every accepted submission is stored once, as submitted, with its
figure, and audited once; nothing is stored that an officer was told had failed.

Run by run.py as `python -m loadtest.check PLAN.json SUBMITTED.jsonl`; prints what it found
and exits 1 on any discrepancy.
"""

import json
import sys
from decimal import Decimal

import django


def check(plan: dict, submitted: list[dict]) -> list[str]:
    """The discrepancies between what the officers were told and what the database holds."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Count

    from scorecard.models import AuditEntry, Result

    results = Result.objects.filter(period_id=plan["period"]).select_related("entered_by")
    stored = {r.measure_id: r for r in results}
    problems = []
    told = {}
    for line in submitted:
        if line["measure"] in told:
            problems.append(f"measure {line['measure']} was accepted twice")
        told[line["measure"]] = line
    for measure, line in told.items():
        result = stored.get(measure)
        if result is None:
            problems.append(f"lost: measure {measure} was accepted but is not stored")
        elif (result.status, result.actual, result.entered_by.username) != (
            "submitted",
            Decimal(line["value"]),
            line["username"],
        ):
            problems.append(f"measure {measure} is stored as {result.status} {result.actual}")
    problems += [
        f"measure {m} is stored but its officer was told it failed"
        for m in stored.keys() - told.keys()
    ]
    duplicated = results.values("measure").annotate(n=Count("pk")).filter(n__gt=1)
    problems += [f"measure {d['measure']} has {d['n']} results" for d in duplicated]
    kind = ContentType.objects.get_for_model(Result)
    audited = AuditEntry.objects.filter(
        content_type=kind, object_id__in=[r.pk for r in stored.values()]
    )
    per_result = audited.values("object_id").annotate(n=Count("pk"))
    counts = {a["object_id"]: a["n"] for a in per_result}
    problems += [
        f"result {r.pk} ({r.measure_id}) has {counts.get(r.pk, 0)} audit entries"
        for r in stored.values()
        if counts.get(r.pk, 0) != 1
    ]
    print(
        f"Officers: {len(told)} returns accepted; {len(stored)} stored; "
        f"{audited.count()} audit entries; {len(problems)} discrepancies"
    )
    return problems


if __name__ == "__main__":
    django.setup()
    with open(sys.argv[1], encoding="utf-8") as handle:
        plan = json.load(handle)
    with open(sys.argv[2], encoding="utf-8") as handle:
        submitted = [json.loads(line) for line in handle if line.strip()]
    problems = check(plan, submitted)
    for problem in problems[:20]:
        print(f"  - {problem}")
    sys.exit(1 if problems else 0)
