import re
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

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


@register.simple_tag(takes_context=True)
def query_with_page(context, number: int) -> str:
    """The current filters with another page's number: pages keep the period and filters."""
    params = context["request"].GET.copy()
    params.pop("download", None)
    params["page"] = str(number)
    return params.urlencode()


@register.filter
def css_string(value: str) -> str:
    """Text as a CSS string literal's content, for the PDF's running header.

    Safe as it is for a <style> element: quotes, backslashes and "<" are CSS-escaped, so HTML
    escaping (which would print "&amp;" in the header) is not wanted. A line break of any kind
    (CR, LF, CRLF, FF) ends a CSS string and so would drop the header: each becomes a space.
    """
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return mark_safe(re.sub(r"\r\n|[\r\n\f]", " ", text))


@register.simple_tag
def inline_static(path: str) -> str:
    """A static file's text, for a document that must stand alone (the HTML report)."""
    from django.contrib.staticfiles import finders
    from django.utils.safestring import mark_safe

    found = finders.find(path)
    with open(found, encoding="utf-8") as handle:
        return mark_safe(handle.read().replace("</", "<\\/"))


@register.filter
def cite_links(text: str, anchors: dict) -> str:
    """Turn the plans' citations, "(1a) (3)" or "(13,15,16)", into links to what they cite.

    `anchors` maps a recommendation's or finding's code to its anchor on the page; codes it
    does not know stay as written.
    """
    import re

    from django.utils.html import escape, format_html
    from django.utils.safestring import mark_safe

    def link(code: str) -> str:
        anchor = anchors.get(code)
        return format_html('<a href="#{}">{}</a>', anchor, code) if anchor else escape(code)

    def citation(match: re.Match) -> str:
        codes = re.split(r"(\s*,\s*)", match.group(1))
        if len(codes) == 1 and codes[0] in anchors:  # "(3)": the whole citation is the link
            return format_html('<a href="#{}">({})</a>', anchors[codes[0]], codes[0])
        return "(" + "".join(escape(c) if i % 2 else link(c) for i, c in enumerate(codes)) + ")"

    return mark_safe(re.sub(r"\(([\w.]+(?:\s*,\s*[\w.]+)*)\)", citation, escape(text)))


@register.inclusion_tag("includes/plan_links.html")
def plan_links() -> dict:
    """Links to each plan's improvement plan and action plan, and to the priority action plans:
    on the dashboard, so viewers reach them without typing an address. Two queries."""
    from actionplans.models import ActionPlan
    from scorecard.models import Plan

    return {"plans": list(Plan.objects.all()), "has_action_plans": ActionPlan.objects.exists()}


@register.filter
def data_slug(period) -> str:
    """A published period's open data file name: 2009/10 Q2 is "2009-10-q2"."""
    from reporting.open_data import period_slug

    return period_slug(period)
