"""Every change to a return, and to how a measure is rated, is kept: who, when, old → new, why."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import AuditEntry, Result
from tests.support.factories import ResultFactory, TargetFactory
from tests.support.returns import edit_url, result_form

pytestmark = pytest.mark.django_db


def test_saving_a_result_keeps_who_when_and_old_and_new(client, officer, measure, q3):
    client.force_login(officer)
    client.post(edit_url(measure, q3), result_form("draft", actual="40"))
    result = Result.objects.get()
    client.post(
        edit_url(measure, q3),
        result_form(version=result.version, actual="55", commentary="Better."),
    )
    first, second = AuditEntry.objects.order_by("at", "pk")
    assert first.user == officer and first.changes["actual"] == ["", "40"]
    assert second.changes["actual"] == ["40", "55"]
    assert second.changes["commentary"] == ["", "Better."]
    assert second.changes["status"] == ["Draft", "Submitted"]
    assert second.changes["rag"] == ["Red", "Green"]
    assert second.at >= first.at


def test_the_history_is_shown_on_the_items_page(client, officer, approver, measure, q3):
    client.force_login(officer)
    client.post(edit_url(measure, q3), result_form("draft", actual="40"))
    client.force_login(approver)  # a draft's history is for those who may read the draft
    page = client.get(edit_url(measure, q3)).content.decode()
    assert "History" in page and "Saved as draft" in page and "blank → 40" in page


def test_approval_and_return_are_audited_with_the_comment(client, approver, measure, q3):
    result = ResultFactory(measure=measure, period=q3, status="submitted")
    client.force_login(approver)
    client.post(
        reverse("returns:send_back", args=["measure", result.pk]),
        {"comment": "Wrong quarter.", "version": result.version},
    )
    entry = AuditEntry.objects.get()
    assert entry.reason == "Wrong quarter."
    assert entry.changes == {"status": ["Submitted", "Returned"]}


def test_a_locked_correction_keeps_its_reason(client, performance_team, measure, q3):
    result = ResultFactory(measure=measure, period=q3, actual=Decimal("40"))
    q3.state = "locked"
    q3.save()
    client.force_login(performance_team)
    client.post(
        edit_url(measure, q3),
        result_form(
            "draft",
            version=result.version,
            actual="42",
            commentary="The contractor revised its count.",
            corrective_action="Recovery plan.",  # still submitted, and now Red
            reason="Revised by source.",
        ),
    )
    entry = AuditEntry.objects.get()
    assert entry.reason == "Revised by source." and entry.summary.startswith("Corrected")


def measure_change_form(measure, **changes) -> dict:
    data = {
        "code": measure.code,
        "title": measure.title,
        "family": measure.family,
        "polarity": measure.polarity,
        "unit": measure.unit,
        "decimal_places": measure.decimal_places,
        "frequency": measure.frequency,
        "rag_method": measure.rag_method,
        "tolerance_amount": str(measure.tolerance_amount),
        "tolerance_is_percent": "on",
        "directorate": measure.directorate_id or "",
        "updaters": [str(pk) for pk in measure.updaters.values_list("pk", flat=True)],
        "targets-TOTAL_FORMS": "0",
        "targets-INITIAL_FORMS": "0",
        "targets-MIN_NUM_FORMS": "0",
        "targets-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def admin_change(measure) -> str:
    return reverse("admin:scorecard_measure_change", args=[measure.pk])


def test_changing_a_measures_tolerance_in_set_up_needs_a_reason(client, setup_superuser, measure):
    client.force_login(setup_superuser)
    response = client.post(
        admin_change(measure), measure_change_form(measure, tolerance_amount="5")
    )
    assert response.status_code == 200
    assert "Give a reason for changing how this measure is rated" in response.content.decode()
    measure.refresh_from_db()
    assert measure.tolerance_amount == Decimal("10")
    assert not AuditEntry.objects.exists()


def test_a_measures_rule_change_is_audited_and_results_rerated(
    client, setup_superuser, measure, q3
):
    result = ResultFactory(measure=measure, period=q3, actual=Decimal("46"))  # 8% short
    from scorecard.services.rating import results_rerate

    results_rerate(measure_ids=[measure.pk])
    result.refresh_from_db()
    assert result.rag == "amber"
    client.force_login(setup_superuser)
    response = client.post(
        admin_change(measure),
        measure_change_form(
            measure, tolerance_amount="5", reason_for_change="Cabinet tightened the tolerance."
        ),
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get()
    assert entry.changes == {"tolerance_amount": ["10", "5"]}
    assert entry.reason == "Cabinet tightened the tolerance."
    assert entry.user == setup_superuser
    result.refresh_from_db()
    assert result.rag == "red"


def test_a_target_change_is_audited_with_its_period(client, setup_superuser, measure, q3):
    target = TargetFactory._meta.model.objects.get(measure=measure, period=q3)
    client.force_login(setup_superuser)
    data = measure_change_form(
        measure,
        **{
            "targets-TOTAL_FORMS": "1",
            "targets-INITIAL_FORMS": "1",
            "targets-0-id": str(target.pk),
            "targets-0-measure": str(measure.pk),
            "targets-0-period": str(q3.pk),
            "targets-0-value": "60",
        },
    )
    refused = client.post(admin_change(measure), data)
    assert "Give a reason for changing the targets" in refused.content.decode()
    data["reason_for_change"] = "Stretch target agreed."
    assert client.post(admin_change(measure), data).status_code == 302
    entry = AuditEntry.objects.get()
    assert entry.changes == {"Target 2009/10 Q3": ["50", "60"]}
