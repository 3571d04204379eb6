"""Set up the load test's people and quarter in the served database, through the services.

Run by run.py as `python -m loadtest.prepare PLAN.json` with the production settings. Makes
a performance-team lead, the viewers and the officers (invited as the set-up pages invite
them, then given the known password), opens the quarter the officers report on with a target
for every measure, shares the measures out among the officers, and writes the plan that the
locustfile reads: who signs in, which returns each officer submits and with what figure.
"""

import json
import sys
from datetime import timedelta

import django

PASSWORD = "load-test-password-1"  # a loopback-only database made for the run
QUARTER = "2026/27 Q2"


def _people(lead, *, viewers: int, officers: int, hashed: str) -> tuple[list[str], list]:
    from scorecard.models import Role
    from scorecard.setup.users import user_invite

    def invite(name: str, role: Role):
        account = user_invite(
            user=lead,
            email=f"{name}@loadtest.invalid",
            first_name=name.split(".")[1].title(),
            last_name="Load",
            roles=[role.value],
        )
        account.password = hashed  # one PBKDF2 hash for all: the same known password
        account.save(update_fields=["password"])
        return account

    viewer_names = [invite(f"load.viewer{n:03d}", Role.VIEWER).username for n in range(viewers)]
    officer_accounts = [invite(f"load.officer{n:03d}", Role.OFFICER) for n in range(officers)]
    return viewer_names, officer_accounts


def _quarter(lead):
    """The quarter being reported, open, with each measure's latest target carried into it."""
    from django.utils import timezone

    from scorecard.models import Measure, Target
    from scorecard.returns.period_services import period_add
    from scorecard.rules.periods import parse_period

    period = period_add(
        user=lead, ref=parse_period(QUARTER), deadline=timezone.localdate() + timedelta(days=30)
    )
    latest = {}
    for target in Target.objects.exclude(period=period).order_by("period__start"):
        latest[target.measure_id] = target.value
    Target.objects.bulk_create(
        [Target(measure_id=m, period=period, value=v) for m, v in latest.items()],
        ignore_conflicts=True,
    )
    measures = list(Measure.objects.filter(pk__in=latest).exclude(formula="").values("pk"))
    assert not measures, "the generated council has no calculated measures"
    return period, latest


def _share_out(officers: list, period, targets: dict) -> list[dict]:
    """Each measure to one officer (its updater), who submits its target as the figure."""
    from scorecard.models import Measure

    plan = [{"username": o.username, "returns": []} for o in officers]
    links = []
    for n, (measure_id, value) in enumerate(sorted(targets.items())):
        officer = officers[n % len(officers)]
        links.append(Measure.updaters.through(measure_id=measure_id, user_id=officer.pk))
        plan[n % len(officers)]["returns"].append([measure_id, period.pk, str(value)])
    Measure.updaters.through.objects.bulk_create(links, ignore_conflicts=True)
    return plan


def prepare(*, viewers: int, officers: int) -> dict:
    """Make everything the run needs; return the plan for the locustfile (JSON-ready)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from scorecard.models import Directorate, Measure

    lead = get_user_model().objects.create_superuser("load.lead", "lead@loadtest.invalid")
    viewer_names, officer_accounts = _people(
        lead, viewers=viewers, officers=officers, hashed=make_password(PASSWORD)
    )
    period, targets = _quarter(lead)
    return {
        "password": PASSWORD,
        "viewers": viewer_names,
        "officers": _share_out(officer_accounts, period, targets),
        "period": period.pk,
        "measure_codes": list(Measure.objects.values_list("code", flat=True)[:200]),
        "directorates": list(Directorate.objects.values_list("pk", flat=True)),
    }


if __name__ == "__main__":
    django.setup()
    from django.conf import settings

    # The invited addresses are .invalid: keep their invitations, unsent, in memory.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    path, viewers, officers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(prepare(viewers=viewers, officers=officers), handle)
