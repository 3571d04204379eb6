"""A service's cost indicator set on its set-up page (issue 11, value for money), audited."""

import pytest
from django.urls import reverse

from scorecard.models import AuditEntry, Directorate, Service
from scorecard.setup.services import fingerprint

pytestmark = pytest.mark.django_db


def test_the_service_set_up_page_sets_the_cost_indicator_and_audits_it(team):
    service = Service.objects.create(
        directorate=Directorate.objects.create(name="Environment"), name="Parks"
    )
    form = team.get(reverse("setup:edit", args=["services", service.pk])).content.decode()
    assert 'name="cost_indicator"' in form
    data = {
        "name": "Parks",
        "directorate": service.directorate_id,
        "cost_indicator": "RS 100",
        "loaded": fingerprint(service),
    }
    response = team.post(reverse("setup:edit", args=["services", service.pk]), data)
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.cost_indicator == "RS 100"
    entry = AuditEntry.objects.get(summary__startswith="Changed in set-up")
    assert entry.changes == {"Cost indicator": ["", "RS 100"]}
