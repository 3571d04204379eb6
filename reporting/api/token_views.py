"""The signed-in user's API tokens: list, create (the secret shown once), revoke."""

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from perfmgmt.security.events import security_event
from scorecard.models import ApiToken
from scorecard.services.tokens import MAX_DAYS, TokenRefused, token_create, token_revoke


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, help_text="What it is for, e.g. Power BI.")
    days = forms.IntegerField(
        label="Lasts (days)",
        min_value=1,
        max_value=MAX_DAYS,
        initial=settings.API_TOKEN_DAYS,
        help_text=f"Between 1 and {MAX_DAYS} days; it stops working after that.",
    )


def tokens(request: HttpRequest) -> HttpResponse:
    """List the user's tokens and make a new one; a new token's secret is shown this once."""
    form = TokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            created = token_create(user=request.user, **form.cleaned_data)
            security_event(
                "api_token_created",
                request,
                token_id=created.token.pk,
                token=created.token.name,
                token_prefix=created.token.prefix,
                expires=created.token.expires.date().isoformat(),
            )
            form = TokenForm()
        except TokenRefused as refusal:
            form.add_error(None, str(refusal))
    context = {
        "form": form,
        "forms_with_errors": [form] if form.errors else [],
        "created": created,
        "tokens": ApiToken.objects.filter(user=request.user),
    }
    return render(request, "reporting/api/tokens.html", context, status=400 if form.errors else 200)


@require_POST
def token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    # Another user's token is "not found", never confirmed to exist.
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token_revoke(user=request.user, token=token)
    security_event("api_token_revoked", request, token_id=token.pk, token=token.name)
    return redirect("api-tokens")
