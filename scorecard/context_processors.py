from django.http import HttpRequest

from scorecard.models import CouncilSettings


def council(request: HttpRequest) -> dict:
    """Put the council's name on every page, read lazily so pages that don't show it pay nothing."""
    return {"council_name": lambda: CouncilSettings.load().council_name}
