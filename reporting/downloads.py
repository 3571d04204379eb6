"""The PDF and Excel downloads of the pages (dashboard, list, scorecard, improvement plan).

A page's download is its own figures as a report. Up to a page of rows (EXPORT_DIRECT_MAX_ROWS)
is rendered at once; a larger one is built by the task worker with progress, like a pack, so
that a thousand-measure PDF never holds a web worker (issue 13). Both paths, and the worker,
make the report from the page's query string with the functions here, so they agree.
"""

from collections.abc import Callable

from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404

from actionplans.models import Action
from scorecard.models import Measure, Plan, ReportingPeriod

from .dashboard import latest_period_with_results
from .exports import build_report
from .filters import ItemFilter
from .items import Item, items_for
from .reports import Report


def period_from(query: QueryDict, *, measures_only: bool = False) -> ReportingPeriod | None:
    """The period a page's query names, else the latest with results (None when none has)."""
    label = query.get("period")
    if label:
        period = ReportingPeriod.objects.filter(label=label).first()
        if period is None:
            raise Http404(f"There is no period {label}.")
        return period
    return latest_period_with_results(measures_only=measures_only)


def item_filter(query: QueryDict) -> ItemFilter:
    """The list page's filters as the query sets them (unbound when it sets none)."""
    return ItemFilter(query or None, queryset=Measure.objects.all())


def filtered_items(
    query: QueryDict, *, rated: Callable[[ReportingPeriod], list[Item] | None] | None = None
) -> tuple[ItemFilter, list[Item], ReportingPeriod | None]:
    """The list page's filter, the items it keeps and their period.

    With `rated` (every item of a period, rated already, or None: the page's kept items), the
    items the database filters keep are picked from those by code rather than rated again.
    """
    filters = item_filter(query)
    if filters.is_bound and not filters.is_valid():
        return filters, [], None
    period = filters.form.cleaned_data.get("period") if filters.is_bound else None
    period = period or latest_period_with_results()
    if period is None:
        return filters, [], None
    action_filter = ItemFilter(query or None, queryset=Action.objects.all())
    everything = rated(period) if rated is not None else None
    if everything is None:
        items = items_for(period, measures=filters.qs, actions=action_filter.qs)
    else:
        items = _chosen(everything, filters, action_filter)
    kept = [item for item in items if not filters.is_bound or filters.keep(item)]
    return filters, kept, period


def _chosen(items: list[Item], measures: ItemFilter, actions: ItemFilter) -> list[Item]:
    """The items whose rows the filters' database queries keep (codes are unique by kind)."""
    if not _narrows(measures):
        return items
    codes = {
        "measure": set(measures.qs.values_list("code", flat=True)),
        "action": set(actions.qs.values_list("code", flat=True)),
    }
    return [item for item in items if item.code in codes[item.kind]]


def _narrows(filters: ItemFilter) -> bool:
    """Whether any filter the database applies has a value (the others act on ratings)."""
    if not filters.is_bound:
        return False
    data = filters.form.cleaned_data
    return any(data.get(name) for name in ItemFilter.DATABASE_FILTERS)


# The pages show figures awaiting approval, marked Provisional: so do their downloads.


def _dashboard(query: QueryDict, code: str) -> Report | None:
    period = period_from(query)
    return build_report("exceptions", period, include_provisional=True) if period else None


def shows_quartiles(query: QueryDict) -> bool:
    """The scorecard and the list show quartile columns when asked (?quartiles=1): off by
    default, as most measures have no comparator data and the tables are wide already."""
    return query.get("quartiles") == "1"


def _items(query: QueryDict, code: str) -> Report | None:
    _, items, period = filtered_items(query)
    if period is None:
        return None
    return build_report(
        "items", period, items=items, include_provisional=True, quartiles=shows_quartiles(query)
    )


def _scorecard(query: QueryDict, code: str) -> Report | None:
    period = period_from(query, measures_only=True)
    if period is None:
        return None
    return build_report(
        "scorecard", period, include_provisional=True, quartiles=shows_quartiles(query)
    )


def _plan(query: QueryDict, code: str) -> Report | None:
    plan = get_object_or_404(Plan, code=code)
    try:
        return build_report(
            "plan", None, plan=plan, labels=query.getlist("period"), include_provisional=True
        )
    except LookupError as nothing:
        raise Http404(str(nothing)) from None


def _value_for_money(query: QueryDict, code: str) -> Report | None:
    # Approved figures only, as the page itself ranks services on them (issue 11).
    period = period_from(query, measures_only=True)
    return build_report("value-for-money", period) if period else None


PAGES: dict[str, Callable[[QueryDict, str], Report | None]] = {
    "dashboard": _dashboard,
    "items": _items,
    "scorecard": _scorecard,
    "plan": _plan,
    "value-for-money": _value_for_money,
}


def page_report(page: str, query: QueryDict, code: str = "") -> Report | None:
    """The download of `page` (one of PAGES) for its query string; None when it has no data."""
    return PAGES[page](query, code)


def row_count(report: Report) -> int:
    """The rows of data the file will hold: every table of every section."""
    return sum(len(table.rows) for section in report.sections for table in section.sheets)
