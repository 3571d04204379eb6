from django import template

from scorecard.rules.rag import Status

register = template.Library()


@register.inclusion_tag("includes/rag.html")
def rag_badge(status: Status | str | None, explanation: str = "") -> dict:
    """A RAG as colour and word, never colour alone, with its explanation for every reader."""
    status = Status(status) if status else Status.NOT_RATED
    return {"status": status, "explanation": explanation}
