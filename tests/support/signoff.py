"""Helpers for sign-off tests: a measure's ratings by quarter, and its set-up page."""

from decimal import Decimal

from django.urls import reverse

from scorecard.models import Result

SHORT = Decimal("46")  # 8% short of a target of 50: Amber within 10%, Red beyond 5%


def ratings(measure) -> dict[str, tuple[str, str]]:
    return {
        r.period.label: (r.rag, r.rag_explanation)
        for r in Result.objects.filter(measure=measure).select_related("period")
    }


def measure_form(measure, **changes) -> dict:
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
        "reason_for_change": "Cabinet agreed a new rule for next year.",
        "targets-TOTAL_FORMS": "0",
        "targets-INITIAL_FORMS": "0",
        "targets-MIN_NUM_FORMS": "0",
        "targets-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def save_in_set_up(client, user, measure, data) -> None:
    client.force_login(user)
    response = client.post(reverse("admin:scorecard_measure_change", args=[measure.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    # The admin sends anyone but a superuser to its sign-in page: that is not a save.
    assert "/login/" not in response["Location"], f"{user} may not use the admin"
