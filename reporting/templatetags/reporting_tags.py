from urllib.parse import urlencode

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def items_url(period_label: str, params: dict | None = None, status: str = "", **extra) -> str:
    """The list of exactly the items a dashboard count counts."""
    query = {"period": period_label, **(params or {}), **extra}
    if status:
        query["status"] = status
    return f"{reverse('items')}?{urlencode(query)}"


@register.simple_tag(takes_context=True)
def query_without_page(context) -> str:
    """The current filters as a query string, for links that keep them."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    return params.urlencode()


@register.filter
def css_string(value: str) -> str:
    """Text as a CSS string literal's content: for the PDF's running header."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", " ")
        .replace("<", "\\3c ")
    )


@register.simple_tag
def inline_static(path: str) -> str:
    """A static file's text, for a document that must stand alone (the HTML report)."""
    from django.contrib.staticfiles import finders
    from django.utils.safestring import mark_safe

    found = finders.find(path)
    with open(found, encoding="utf-8") as handle:
        return mark_safe(handle.read().replace("</", "<\\/"))
