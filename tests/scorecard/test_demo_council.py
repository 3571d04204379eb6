"""The demo council loads through the users' importer, reproduces its seeds, and reloads safely."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from actionplans.models import Action, ActionUpdate, Finding, Recommendation
from scorecard.management.commands.load_demo import DEMO_USERS, demo_password
from scorecard.models import Measure, Objective, Plan, Result
from scorecard.rules.rag import Status
from scorecard.rules.summaries import overall_status, summarise
from tests.support.pages import HISTORY, page_for, row_cells, table

pytestmark = pytest.mark.django_db

COUNTED = [Plan, Objective, Measure, Result, Action, ActionUpdate, Recommendation, Finding]


@pytest.fixture
def demo():
    call_command("load_demo", "--force", verbosity=0)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_demo_reproduces_the_cherwell_q3_footer(demo):
    """Cherwell DC Corporate Improvement Plan 2009/10: "Number Green and Amber 48, 97.96%"."""
    updates = ActionUpdate.objects.filter(
        action__objective__plan__title__icontains="Corporate Improvement Plan 2009",
        period__label="2009/10 Q3",
    )
    summary = summarise(Status(u.rag) if u.rag else Status.NOT_RATED for u in updates)
    assert summary.green_and_amber == 48
    assert str(summary.green_and_amber_percent()) == "97.96"
    assert overall_status(summary) is Status.AMBER


def test_demo_repairs_the_cherwell_row_that_lost_its_code(demo):
    repaired = Action.objects.get(code="CIP03.2.2")
    assert "lost" in repaired.title.lower()


def test_demo_has_every_seed(demo):
    assert Plan.objects.count() >= 5
    assert Finding.objects.filter(plan__code__startswith="CPA").count() >= 50
    assert Measure.objects.filter(perspective__name="People").exists()
    # Several years of quarterly results, so trends have something to show.
    assert Result.objects.filter(period__kind="quarter").values("period").distinct().count() >= 12


def test_loading_the_demo_again_changes_nothing(demo):
    before = counts()
    call_command("load_demo", "--force", verbosity=0)
    assert counts() == before


def test_every_demo_user_can_sign_in(demo):
    for username, *_ in DEMO_USERS:
        assert authenticate(username=username, password=demo_password(username)) is not None


def test_demo_refuses_to_load_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", verbosity=0)
    assert Plan.objects.count() == 0


@pytest.fixture
def viewer(demo, client):
    client.login(username="viewer", password=demo_password("viewer"))
    return client


def history_row(client, code: str, period: str) -> dict[str, str]:
    return row_cells(table(page_for(client, code), HISTORY), period)


def test_demo_ni_192_quarter_is_worked_out_from_the_quarters_tonnages(viewer):
    """NI 192 from its two tonnages: the quarter is the quarter's summed tonnes, not an average."""
    q2 = history_row(viewer, "LOC-WST01", "2009/10 Q2")
    assert q2["Actual"] == "44.2%"
    assert "44.2% = 33,450 / 75,700 × 100 from NI 192a (33,450) and NI 192b (75,700)" in q2["RAG"]
    assert "Green" in q2["RAG"]


def test_demo_monthly_sickness_quarter_is_rolled_up_from_its_months(viewer):
    q2 = history_row(viewer, "LOC-PPL03", "2009/10 Q2")
    assert q2["Actual"] == "1.570 days"
    assert "Q2 value 1.570 days, the sum of July to September" in q2["RAG"]


def test_demo_year_to_date_sickness_target_is_profiled_from_the_annual_6_3_days(viewer):
    """Hart DC style: an annual 6.3 days, profiled evenly, gives 3.15 days by the end of Q2."""
    q2 = history_row(viewer, "LOC-PPL04", "2009/10 Q2")
    assert "3.15 days = 50% of the annual 6.30 days by the council's profile" in q2["Target"]
    assert q2["Actual"] == "3.06 days"
    assert "Green" in q2["RAG"]


def test_demo_budget_variance_is_green_inside_its_band(viewer):
    q2 = history_row(viewer, "LOC-FIN05", "2009/10 Q2")
    assert q2["Range"] == "-2.0% to 2.0%"
    assert "Green: -0.4% is within the range of -2.0% to 2.0%" in q2["RAG"]
