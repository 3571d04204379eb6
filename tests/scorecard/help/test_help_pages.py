"""Help per role, what each RAG rule means, how the Excel return works; a first-visit hint on
My returns (issue 12, "Help")."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.helppages.views import PAGES
from scorecard.models import AuditEntry, Role
from scorecard.returns.audit import audit_record
from scorecard.rules.rag import RagMethod
from scorecard.workbook.sheets.framework import REASON_COLUMN
from tests.support.factories import PlanFactory
from tests.support.periods import open_period
from tests.support.returns import measure_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", list(PAGES))
def test_every_help_page_opens_for_any_signed_in_user(client, viewer, slug):
    client.force_login(viewer)
    response = client.get(reverse("help:page", args=[slug]))
    assert response.status_code == 200
    assert PAGES[slug][0] in response.content.decode()


def test_the_index_puts_the_users_own_roles_first(client, officer):
    client.force_login(officer)
    pages = client.get(reverse("help:index")).context["pages"]
    assert pages[0][:1] == ("officer",) and pages[0][2]
    assert ("performance-team", PAGES["performance-team"][0], False) in pages


def test_the_rag_page_explains_every_method_with_the_rules_own_ratings(client, viewer):
    client.force_login(viewer)
    page = client.get(reverse("help:page", args=["rag"])).content.decode()
    for method in RagMethod:
        assert f">{method.label}</h2>" in page
    assert "Amber: 46% is 8.0% worse than the target of 50%, within the tolerance of 10%." in page
    assert "but improved on 42% in 2008/09 Q3" in page


def test_every_page_links_to_help_from_its_footer(client, viewer):
    client.force_login(viewer)
    assert f'href="{reverse("help:index")}"' in client.get(reverse("dashboard")).content.decode()


@pytest.fixture
def my_returns(client, role_user):
    officer = role_user(Role.OFFICER, username="newcomer")
    measure_for(officer, open_period("2009/10 Q3"), code="NI 192", target=Decimal("50"))
    client.force_login(officer)
    return officer


def test_a_first_visit_to_my_returns_shows_a_hint_with_help_links(client, my_returns):
    page = client.get(reverse("returns:mine")).content.decode()
    assert "New to returns?" in page
    assert reverse("help:page", args=["excel-return"]) in page


def test_the_hint_is_gone_once_hidden(client, my_returns):
    response = client.post(reverse("help:hide_hint"), {"next": reverse("returns:mine")})
    assert response.status_code == 302 and response["Location"] == reverse("returns:mine")
    assert "New to returns?" not in client.get(reverse("returns:mine")).content.decode()


def test_the_hint_is_not_shown_to_someone_who_has_made_returns(client, my_returns):
    audit_record(user=my_returns, item=PlanFactory(), summary="Submitted: NI 192 2009/10 Q3")
    assert AuditEntry.objects.filter(user=my_returns).exists()
    assert "New to returns?" not in client.get(reverse("returns:mine")).content.decode()


def test_hiding_the_hint_never_redirects_off_the_site(client, my_returns):
    response = client.post(reverse("help:hide_hint"), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("returns:mine")


def test_the_excel_return_page_names_the_reason_column_the_upload_asks_for(client, officer):
    client.force_login(officer)
    page = client.get(reverse("help:page", args=["excel-return"])).content.decode()
    assert f"&quot;{REASON_COLUMN}&quot;" in page or f'"{REASON_COLUMN}"' in page
