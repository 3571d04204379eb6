from django.contrib import admin

from actionplans.models import Action, ActionPlan, ActionUpdate, Finding, Recommendation
from scorecard.admin_mixins import AuditedAdmin, ReadOnlyAdmin


class ActionInline(admin.TabularInline):
    model = Action
    fields = ["code", "title", "lead_officer", "timescale", "due"]
    extra = 0
    show_change_link = True


@admin.register(ActionPlan)
class ActionPlanAdmin(AuditedAdmin):
    list_display = ["code", "title", "objective", "lead_officer", "directorate"]
    list_filter = ["directorate", "objective__plan"]
    search_fields = ["code", "title", "lead_officer"]
    autocomplete_fields = ["objective", "lead_user", "directorate"]
    inlines = [ActionInline]


class FindingInline(admin.TabularInline):
    model = Finding
    fields = ["plan", "code", "text", "category"]
    extra = 0


@admin.register(Recommendation)
class RecommendationAdmin(AuditedAdmin):
    list_display = ["code", "plan", "text", "objective"]
    list_filter = ["plan"]
    search_fields = ["code", "text"]
    autocomplete_fields = ["objective"]
    inlines = [FindingInline]


@admin.register(Finding)
class FindingAdmin(AuditedAdmin):
    list_display = ["code", "text", "category", "recommendation", "plan"]
    list_filter = ["plan", "category"]
    search_fields = ["code", "text", "category"]


class ActionUpdateInline(ReadOnlyAdmin, admin.TabularInline):
    """Updates are entered on the return pages, lock-checked and audited there."""

    model = ActionUpdate
    fields = ["period", "rag", "commentary", "status"]
    extra = 0
    autocomplete_fields = ["period"]


@admin.register(Action)
class ActionAdmin(AuditedAdmin):
    list_display = ["code", "title", "objective", "lead_officer", "timescale", "due"]
    list_filter = ["objective__plan", "directorate", "action_plan"]
    search_fields = ["code", "title", "lead_officer", "further_action", "current_position"]
    list_select_related = ["objective"]
    autocomplete_fields = [
        "objective",
        "action_plan",
        "directorate",
        "updaters",
        "lead_user",
        "recommendations",
        "findings",
    ]
    inlines = [ActionUpdateInline]


@admin.register(ActionUpdate)
class ActionUpdateAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """Action updates are entered on the return pages, lock-checked and audited there."""

    list_display = ["action", "period", "rag", "status", "updated_at"]
    list_filter = ["rag", "status", "period", "action__objective__plan"]
    search_fields = ["action__code", "action__title", "period__label", "commentary"]
    list_select_related = ["action", "period"]
    autocomplete_fields = ["action", "period"]
    readonly_fields = ["entered_by", "approved_by", "version"]
