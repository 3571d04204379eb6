from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from scorecard.rules.rag import Status, status_of
from scorecard.rules.rag_reason import short_reason
from scorecard.rules.units import format_value

register = template.Library()


def rag_html(
    status: Status | str | None,
    explanation: str = "",
    *,
    provisional: bool = False,
    reason: bool = False,
) -> SafeString:
    """A RAG as colour and word, never colour alone; its explanation one click away.

    With ``reason``, the short reason follows the badge in words ("12.0% worse than target",
    issue 12), so a list says why without a click; tables give it a column of its own.

    A rating whose figure is submitted but not yet approved says "Provisional" in words
    (DOMAIN.md, "What a published figure is"). Built in Python rather than a template: a
    scorecard of a thousand measures shows a thousand of these.
    """
    status = status_of(status)
    inner = format_html(
        '<span class="rag__letter" aria-hidden="true">{}</span> {}', status.letter, status.word
    )
    mark = ' <span class="provisional">Provisional</span>' if provisional else ""
    if not explanation:
        return format_html('<span class="rag rag--{}">{}</span>{}', status.value, inner, mark)
    text = escape(explanation)
    said = short_reason(explanation) if reason else ""
    why = f' <span class="rag-reason">{escape(said)}</span>' if said else ""
    return mark_safe(
        f'<details class="rag-details"><summary class="rag rag--{status.value}" '
        f'title="{text}">{inner}<span class="visually-hidden">, why?</span></summary>'
        f'<p class="rag-details__text">{text}</p></details>{why}{mark}'
    )


@register.simple_tag
def rag_badge(
    status: Status | str | None, explanation: str = "", provisional: bool = False
) -> SafeString:
    return rag_html(status, explanation, provisional=provisional, reason=True)


@register.simple_tag
def value(number, measure) -> str:
    """A number as the measure prints it: its unit and decimal places ("474 kg", "67.5%")."""
    return format_value(number, measure.unit, measure.decimal_places)
