"""The kinds of item an officer returns each period: one registry, filled by each app.

A measure's return is its result for the period; an action's is its progress update. Both
are entered on the same forms, signed off in the same queue, uploaded in the same Excel
return. What differs is written down once, here, as an ``ItemKind``: each app registers its
own from its ``AppConfig.ready`` (the scorecard its measures, action plans its actions), so
the returns code handles every kind without importing the apps that define them, and a new
kind (a calculated measure, a risk) is one registration in its own app.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Q


@dataclass(frozen=True, eq=False)
class ItemKind:
    """What differs between the kinds of returnable item.

    The item model has a ``code``, a ``directorate``, a ``lead_user`` and ``updaters``; the
    return model has a foreign key to the item named ``name``, a ``period``, a ``status`` and
    a ``version``, unique per item and period.
    """

    name: str  # the URL slug and the form-prefix letter: "measure" (m12), "action" (a7)
    label: str  # what a page calls one: "measure", "action"
    model: type[models.Model]  # the item: Measure, Action
    return_model: type[models.Model]  # its return for a period: Result, ActionUpdate
    fields: tuple[str, ...]  # what the officer enters on the return
    noun: str  # what a page calls one return: "result", "update"
    sheet: str  # its sheet of the Excel return and the plan workbook: "Results"
    columns: Mapping[str, str]  # the sheet's column for each field, for errors by cell
    # True where the item's rule rates the return (a measure against its target); False where
    # the RAG is the officer's judgement, entered in the return's ``rag`` field.
    rated_by_rule: bool
    # How often a return is due, as ``scorecard.rules.returns.is_due`` reads it.
    frequency: Callable[[Any], str]
    # The form an officer enters the return on (``scorecard.returns.forms``): it takes the
    # item as ``item=``. Pages show the target, the actual and a "Check RAG" button when the
    # kind is ``rated_by_rule``, and a read-only return's other fields as ``fields`` lists them.
    form: type
    # What a list of returns prints after an item's title to tell it from a measure, "action";
    # blank for measures, the scorecard's own kind.
    tag: str = ""
    # Which stored rows are returns at all, as a condition and as a test of one row: a
    # measure's quarter rolled up from its months is worked out, never entered or approved.
    returnable: Q = field(default_factory=Q)
    derived: Callable[[Any], bool] = lambda ret: False
    # Which items have returns at all: a calculated measure is worked out from its formula,
    # so nobody is asked for it.
    entered_items: Q = field(default_factory=Q)

    @property
    def item_field(self) -> str:
        """The return model's foreign key to its item."""
        return self.name

    def assigned(self, user: Any) -> models.QuerySet:
        """The items ``user`` updates: those they are an updater or the lead officer of."""
        return (
            self.model.objects.filter(Q(updaters=user) | Q(lead_user=user))
            .filter(self.entered_items)
            .distinct()
            .select_related("directorate")
            .order_by("code")
        )

    def officers(self) -> Q:
        """Users who update an item of this kind or lead one, as a condition on users."""
        return Q(pk__in=self.model.objects.values("updaters")) | Q(
            pk__in=self.model.objects.values("lead_user")
        )

    def returns_of(self, items: Any, **where: Any) -> models.QuerySet:
        """The returns of ``items`` (a list of items or ids, or a queryset); never derived rows."""
        return self.return_model.objects.filter(
            self.returnable, **{f"{self.item_field}__in": items}, **where
        )

    def derived_return(self, item: models.Model, period: Any) -> models.Model | None:
        """``item``'s stored return for ``period`` when it is worked out rather than entered."""
        ret = self.return_model.objects.filter(**{self.item_field: item, "period": period}).first()
        return ret if ret is not None and self.derived(ret) else None

    def item_id(self, ret: models.Model) -> int:
        return getattr(ret, f"{self.item_field}_id")

    def item_of(self, ret: models.Model) -> models.Model:
        return getattr(ret, self.item_field)


_KINDS: dict[str, ItemKind] = {}


def register_kind(kind: ItemKind) -> None:
    """Add a kind of returnable item; kinds are listed in the order they were registered."""
    known = _KINDS.get(kind.name)
    if known is not None and known.model is not kind.model:
        raise ImproperlyConfigured(f"Two kinds of item are named {kind.name!r}.")
    _KINDS[kind.name] = kind


def item_kinds() -> tuple[ItemKind, ...]:
    """Every kind registered, in order: the scorecard's measures first."""
    return tuple(_KINDS.values())


def kind_named(name: str) -> ItemKind:
    """The kind with this name (a URL slug); ``LookupError`` if there is none."""
    try:
        return _KINDS[name]
    except KeyError:
        raise LookupError(f"There is no kind of item {name!r}.") from None


def kind_of(obj: Any) -> ItemKind:
    """The kind of an item or of one of its returns; ``LookupError`` if it is neither."""
    for kind in _KINDS.values():
        if isinstance(obj, kind.model | kind.return_model):
            return kind
    raise LookupError(f"{type(obj).__name__} is not a kind of returnable item.")


def kind_of_sheet(sheet: str) -> ItemKind:
    """The kind whose returns a sheet holds ("Results", "Action updates")."""
    for kind in _KINDS.values():
        if kind.sheet == sheet:
            return kind
    raise LookupError(f"No kind of item is returned on a sheet named {sheet!r}.")
