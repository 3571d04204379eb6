"""Fixtures for the reporting app: a signed-in viewer, the demo council, rendered files.

PDFs take about a second each to render, so the files a module reads are rendered once per
module, inside the module's demo transaction, and shared by its tests.
"""

import pytest
from django.core.management import call_command
from django.db import transaction

from scorecard.models import CouncilSettings
from tests.support.periods import period
from tests.support.reports import production_static


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

    Each test runs in its own savepoint inside this transaction, so what a test changes is
    undone before the next one.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", "--force", verbosity=0)
            CouncilSettings.load()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """A STATIC_ROOT filled once by a real collectstatic with the production storage."""
    root = tmp_path_factory.mktemp("staticfiles")
    with production_static(root, collect=True):
        return root


@pytest.fixture(scope="module")
def in_demo(demo_council, django_db_blocker):
    """Run a callable against the module's demo council, from a module-scoped fixture."""

    def run(callable_, *args, **kwargs):
        with django_db_blocker.unblock():
            return callable_(*args, **kwargs)

    return run


@pytest.fixture
def q2(demo_council, db):
    return period("2009/10 Q2")


@pytest.fixture
def q3(demo_council, db):
    return period("2009/10 Q3")
