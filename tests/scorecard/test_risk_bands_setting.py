"""The council's risk bands are a setting: checked so every score has exactly one band."""

import pytest
from django.core.exceptions import ValidationError

from scorecard.models import CouncilSettings
from scorecard.rules.risk import RiskBand

pytestmark = pytest.mark.django_db


def test_the_default_bands_are_oxfordshires():
    bands = CouncilSettings.load().risk_bands
    assert bands.describe() == "Low 1–4, Medium 5–12, High 15–25"


def test_a_council_can_set_its_own_bands():
    settings = CouncilSettings.load()
    settings.risk_medium_from, settings.risk_high_from = 7, 13
    settings.full_clean()
    settings.save()
    assert CouncilSettings.load().risk_bands.band_of(12) is RiskBand.MEDIUM


def test_bands_that_would_leave_a_band_empty_are_refused_with_a_clear_error():
    settings = CouncilSettings.load()
    settings.risk_medium_from, settings.risk_high_from = 15, 5
    with pytest.raises(ValidationError) as refused:
        settings.full_clean()
    assert "would leave a band empty" in str(refused.value.message_dict["risk_high_from"])
