"""What every set-up page (the Django admin) must respect: every write audited, returns and
periods changed only through their services, users and roles managed only by superusers.

Every write the admin makes ends in one of ``log_addition``, ``log_change`` or
``log_deletions`` (the change form, the list's inline editing, the password form, the delete
page and the "delete selected" action), so the audit entry is written there, from the old and
new values ``save_model`` and ``save_formset`` noted just before.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models

from scorecard.returns.audit import as_text, audit_record

REASON_FIELD = "reason_for_change"
_HIDDEN = "(not shown)"


def _shown(obj: models.Model | None, field: models.Field) -> str:
    """A field's value as the audit trail keeps it: related rows and choices by their names."""
    if obj is None:
        return ""
    if field.many_to_many:
        if obj.pk is None:
            return ""
        return ", ".join(sorted(str(o) for o in getattr(obj, field.name).all()))
    if field.is_relation:
        return str(getattr(obj, field.name) or "")
    if field.choices:
        return str(getattr(obj, f"get_{field.name}_display")())
    return as_text(getattr(obj, field.attname))


def _label(field: models.Field) -> str:
    return str(field.verbose_name)[:1].upper() + str(field.verbose_name)[1:]


def _model_fields(model: type[models.Model]) -> dict[str, models.Field]:
    return {f.name: f for f in model._meta.get_fields() if f.concrete or f.many_to_many}


def field_changes(
    before: models.Model | None, after: models.Model, names: list[str]
) -> dict[str, list[str]]:
    """``{label: [old, new]}`` for each named model field whose shown value differs."""
    fields = _model_fields(type(after))
    changes = {}
    for name in names:
        field = fields.get(name)
        if field is None:
            continue  # a form-only field, such as the reason
        if "password" in name:
            changes[_label(field)] = [_HIDDEN, "(changed)"]
            continue
        old, new = _shown(before, field), _shown(after, field)
        if old != new:
            changes[_label(field)] = [old, new]
    return changes


def _stored(obj: models.Model) -> models.Model | None:
    """The row as it is in the database, before the form's values are saved over it."""
    if obj.pk is None:
        return None
    return type(obj)._base_manager.filter(pk=obj.pk).first()


class AuditedAdmin(admin.ModelAdmin):
    """A set-up page whose every write leaves an audit entry: who, what from what to what, why.

    ``audited_elsewhere`` names fields (and inline models) whose changes a service audits
    itself, such as a measure's rule and targets (``measure_rules_record``).
    """

    audited_elsewhere: tuple[str | type[models.Model], ...] = ()

    def _pending(self, request) -> dict[str, list[str]]:
        if not hasattr(request, "_audit_pending"):
            request._audit_pending = {}
        return request._audit_pending

    def save_model(self, request, obj, form, change) -> None:
        before = _stored(obj) if change else None
        names = [n for n in form.changed_data if n not in self.audited_elsewhere]
        super().save_model(request, obj, form, change)
        # Many-to-many values are saved later (save_related): note them after it.
        request._audit_form = (before, form, names)

    def save_related(self, request, form, formsets, change) -> None:
        before_m2m = {}
        before, _form, names = getattr(request, "_audit_form", (None, form, []))
        fields = _model_fields(type(form.instance))
        for name in names:
            field = fields.get(name)
            if field is not None and field.many_to_many and change:
                before_m2m[name] = _shown(form.instance, field)
        super().save_related(request, form, formsets, change)
        changes = field_changes(before, form.instance, names)
        for name, old in before_m2m.items():
            label, new = _label(fields[name]), _shown(form.instance, fields[name])
            changes.pop(label, None)
            if old != new:
                changes[label] = [old, new]
        self._pending(request).update(changes)

    def save_formset(self, request, form, formset, change) -> None:
        if formset.model in self.audited_elsewhere:
            return super().save_formset(request, form, formset, change)
        noted = self._pending(request)
        name = str(formset.model._meta.verbose_name)
        name = name[:1].upper() + name[1:]
        for inline in formset.forms:
            instance = inline.instance
            if inline in formset.deleted_forms and instance.pk is not None:
                noted[f"{name} “{_stored(instance)}”"] = ["present", "deleted"]
            elif inline.has_changed() and inline not in formset.deleted_forms:
                before = _stored(instance)
                changed = field_changes(before, instance, inline.changed_data)
                if before is None:
                    noted[f"{name} “{instance}”"] = ["", "added"]
                for label, values in changed.items():
                    noted[f"{name} “{instance}”: {label}"] = values
        return super().save_formset(request, form, formset, change)

    def _record(self, request, obj, summary: str, message: Any) -> None:
        noted = getattr(request, "_audit_pending", None)
        # No form noted the change (the password page): the admin's own message says what.
        changes = _from_message(message) if noted is None else noted
        if noted is not None:
            del request._audit_pending
        if not changes:
            return  # saved as it was: nothing changed
        reason = ""
        form = getattr(request, "_audit_form", (None, None, None))[1]
        if form is not None and hasattr(form, "cleaned_data"):
            reason = (form.cleaned_data.get(REASON_FIELD) or "").strip()
        audit_record(
            user=request.user,
            item=obj,
            summary=f"{summary} in set-up: {obj}",
            changes=changes,
            reason=reason,
        )

    def log_addition(self, request, obj, message):
        self._record(request, obj, "Added", message)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self._record(request, obj, "Changed", message)
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            fields = [f for f in _model_fields(type(obj)).values() if not f.many_to_many]
            kept = {_label(f): [_shown(obj, f), ""] for f in fields if not f.primary_key}
            audit_record(
                user=request.user,
                item=obj,
                summary=f"Deleted in set-up: {obj}",
                changes={k: v for k, v in kept.items() if v[0] and "password" not in k.lower()},
            )
        return super().log_deletions(request, queryset)


def _from_message(message: Any) -> dict[str, list[str]]:
    """What changed, from the admin's own change message, when no form noted it (a password)."""
    changes = {}
    for part in message if isinstance(message, list) else []:
        for name in part.get("changed", {}).get("fields", []):
            changes[str(name)[:1].upper() + str(name)[1:]] = [_HIDDEN, "(changed)"]
    return changes


class ReadOnlyAdmin:
    """Shown in the set-up pages, changed only through the services that rate, lock-check and
    audit (returns, action updates, periods): no add, change or delete here."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class SuperuserOnlyAdmin:
    """Users and roles are managed by superusers only; others may at most look them up."""

    def has_add_permission(self, request, *args) -> bool:
        return request.user.is_superuser and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser and super().has_delete_permission(request, obj)
