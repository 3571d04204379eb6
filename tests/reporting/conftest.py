"""Fixtures for the dashboards and scorecards: a signed-in viewer, and the demo council."""

import pytest
from django.core.management import call_command
from django.db import transaction

from scorecard.models import CouncilSettings


@pytest.fixture
def council(db):
    """The council's settings row, created up front so no page creates it mid-count."""
    return CouncilSettings.load()


@pytest.fixture
def as_viewer(client, viewer, council):
    """A test client signed in as a member of CMT or a councillor: the Viewer role."""
    client.force_login(viewer)
    return client


@pytest.fixture(scope="module")
def demo_council(django_db_setup, django_db_blocker):
    """The demo council (all five seeds), loaded once for the module and rolled back after.

    Each test still runs in its own savepoint inside this transaction, so a test that changes
    the settings leaves the next one the demo as loaded.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", "--force", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
