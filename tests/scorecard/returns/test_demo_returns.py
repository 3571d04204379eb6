"""The demo council opens 2009/10 Q3 so that the demo officer has returns due at once."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from scorecard.models import Measure, ReportingPeriod
from scorecard.returns.selectors import my_returns
from scorecard.rules.returns import ReturnState

pytestmark = pytest.mark.django_db


def test_the_demo_officer_has_q3_returns_due_and_reloading_keeps_it_so(capsys):
    call_command("load_demo", "--force")
    call_command("load_demo", "--force")
    q3 = ReportingPeriod.objects.get(label="2009/10 Q3")
    assert q3.state == "open"
    assert q3.deadline == timezone.localdate() + timedelta(days=30)
    assert list(ReportingPeriod.objects.filter(state="open")) == [q3]
    officer = get_user_model().objects.get(username="officer")
    rows = my_returns(officer)
    measures = [r for r in rows if r.kind == "measure"]
    quarterly = Measure.objects.filter(updaters=officer, frequency="quarterly").count()
    assert len(measures) == quarterly >= 6  # of the officer's 8 measures, those due quarterly
    assert all(r.state is ReturnState.NOT_STARTED for r in measures)
    assert len([r for r in rows if r.kind == "action"]) >= 6
    assert "Open for returns: 2009/10 Q3" in capsys.readouterr().out
