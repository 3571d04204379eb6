"""Every page works under the Content-Security-Policy: Chromium reports no violation, the
scripts still run (the phone menu opens, a build's progress updates) and axe finds nothing."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from scorecard.management.commands.load_demo import demo_password
from tests.support.packs import cabinet_pack

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    "/",
    "/dashboard/",
    "/scorecard/?period=2009/10 Q2",
    "/items/?period=2009/10 Q2",
    "/plans/",
    "/measures/BV 012/?period=2009/10 Q2",
    "/returns/",
    "/returns/approvals/",
    "/returns/progress/",
    "/returns/upload/",
    "/packs/",
    "/packs/new/",
    "/accessibility/",
]

# Chromium announces every blocked script, style, image or connection on the console.
REFUSED = re.compile(r"Content Security Policy|Refused to", re.IGNORECASE)


@pytest.fixture
def violations(page):
    """Every CSP violation the page reports, from the console and from the DOM's own event."""
    seen: list[str] = []
    page.on("console", lambda message: REFUSED.search(message.text) and seen.append(message.text))
    page.expose_function("reportViolation", lambda text: seen.append(text))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e =>"
        " window.reportViolation(e.violatedDirective + ' ' + e.blockedURI));"
    )
    return seen


@pytest.fixture
def task_queue(settings):
    """The build waits in the queue, so its page keeps polling for progress."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_every_page_loads_with_no_policy_violation(page, violations, task_queue, assert_accessible):
    call_command("load_demo", "--force", verbosity=0)
    pack = cabinet_pack()
    page.set_default_timeout(30_000)
    page.goto("/accounts/login/")
    assert_accessible(page)
    page.get_by_label("Username").fill("performance")
    page.get_by_label("Password").fill(demo_password("performance"))
    page.get_by_label("Password").press("Enter")
    expect(page.get_by_role("button", name=re.compile("Sign out"))).to_be_visible()

    for address in PAGES:
        response = page.goto(address)
        assert response.status == 200, address
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert_accessible(page)

    page.goto(f"/packs/{pack.pk}/preview/")
    page.get_by_role("button", name="Download as PDF").click()
    expect(page).to_have_url(re.compile(r"/packs/\d+/builds/\d+/$"))
    expect(page.get_by_role("status")).to_contain_text("Queued")
    page.wait_for_timeout(2500)  # the progress script asks the server at least once
    assert_accessible(page)

    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/dashboard/")
    menu = page.get_by_role("button", name="Menu")
    menu.click()  # only the app's own script shows and opens the menu
    expect(menu).to_have_attribute("aria-expanded", "true")
    assert violations == []
