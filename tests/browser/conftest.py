"""Real pages in a real browser: Debian's Chromium driven by Playwright, checked by axe-core.

No browser is downloaded: Playwright drives /usr/bin/chromium. Without it these tests are
skipped, and the run says so in its header and in the skip reasons.
"""

import os
from decimal import Decimal
from pathlib import Path

import pytest

from scorecard.models import Role
from tests.support.browser import person
from tests.support.factories import DirectorateFactory, ResultFactory
from tests.support.periods import open_period, period
from tests.support.returns import action_for, measure_for

CHROMIUM = Path("/usr/bin/chromium")

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(
                    pytest.mark.skip(
                        reason="no Chromium at /usr/bin/chromium: browser test skipped"
                    )
                )


@pytest.fixture(scope="session", autouse=True)
def allow_orm_beside_playwright():
    """Let the test thread use the ORM while Playwright's event loop runs in it.

    Playwright's sync API runs an event loop in the test thread, and Django refuses ORM calls
    from such a thread unless told it is safe; it is, in a test. Undone after the session.
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def assert_accessible():
    """Run axe-core on the page and fail with its report on any WCAG 2.2 A/AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.violations_count == 0, (
            f"axe-core found violations on {page.url}:\n{results.generate_report()}"
        )

    return check


@pytest.fixture
def council():
    """Environment & Economy's officer, approver, a viewer and the performance team, with NI 192
    due in 2009/10 Q3 (48 in the closed Q2) and an action to update."""
    directorate = DirectorateFactory(name="Environment & Economy")
    officer = person("olivia", Role.OFFICER, directorate, first_name="Olivia")
    approver = person("adam", Role.APPROVER, directorate, first_name="Adam")
    viewer = person("victor", Role.VIEWER, first_name="Victor")
    team = person("priya", Role.PERFORMANCE_TEAM, is_staff=True, first_name="Priya")
    q3 = open_period("2009/10 Q3")
    measure = measure_for(
        officer, q3, code="NI 192", title="Household waste recycled", directorate=directorate
    )
    q2 = period("2009/10 Q2")
    q2.state = "closed"
    q2.save()
    ResultFactory(measure=measure, period=q2, actual=Decimal("48"))
    action_for(
        officer, code="CIP01.1.3", title="Respond to the Place Survey", directorate=directorate
    )
    return {
        "officer": officer,
        "approver": approver,
        "viewer": viewer,
        "team": team,
        "q3": q3,
        "measure": measure,
    }
