from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from reporting.selectors import framework_overview


def home(request: HttpRequest) -> HttpResponse:
    """The signed-in home page: every plan's objectives with their measures and actions."""
    return render(request, "reporting/home.html", {"sections": framework_overview()})


@login_not_required
def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement UK public-sector sites must publish."""
    return render(request, "accessibility.html")
