"""Every write in the set-up pages leaves an audit entry, or the model is read-only there.

The test walks every registered ModelAdmin (``admin.site._registry``): it opens each change form
as a superuser, submits it as a browser would with one field changed, and looks for the audit
entry naming that field. Results, action updates and periods are read-only there: they change
only through the services that rate, lock-check and audit them.
"""

from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.test import RequestFactory
from django.urls import reverse

from actionplans.models import ActionPlan, ActionUpdate, Finding, Recommendation
from scorecard.models import (
    AuditEntry,
    ComparatorArea,
    ComparatorGroup,
    CouncilSettings,
    Perspective,
    ReportingPeriod,
    Result,
    Service,
)
from tests.support.factories import (
    ActionFactory,
    ActionUpdateFactory,
    DirectorateFactory,
    ObjectiveFactory,
    PlanFactory,
    ResultFactory,
    TargetFactory,
    UserFactory,
)
from tests.support.periods import period

pytestmark = pytest.mark.django_db

READ_ONLY = {Result, ActionUpdate, ReportingPeriod}


def build(model):
    """One row of each model registered in the set-up pages."""
    builders = {
        "auth.user": lambda: UserFactory(username="colleague"),
        "auth.group": lambda: Group.objects.get(name="Viewer"),
        "scorecard.councilsettings": CouncilSettings.load,
        "scorecard.directorate": DirectorateFactory,
        "scorecard.service": lambda: Service.objects.create(
            directorate=DirectorateFactory(), name="Waste"
        ),
        "scorecard.perspective": lambda: Perspective.objects.get(name="Customer"),
        "scorecard.plan": PlanFactory,
        "scorecard.objective": ObjectiveFactory,
        "scorecard.measure": lambda: (
            TargetFactory(period=period("2009/10 Q3"), value=Decimal("50")).measure
        ),
        "scorecard.reportingperiod": lambda: period("2009/10 Q3"),
        "scorecard.result": lambda: ResultFactory(actual=Decimal("60")),
        "scorecard.comparatorarea": lambda: ComparatorArea.objects.create(
            code="E07000001", name="Ashdown"
        ),
        "scorecard.comparatorgroup": lambda: ComparatorGroup.objects.create(name="Neighbours"),
        "actionplans.actionplan": lambda: ActionPlan.objects.create(code="PAP1", title="Waste"),
        "actionplans.recommendation": lambda: Recommendation.objects.create(
            plan=PlanFactory(), code="1a", text="Explain the key objectives."
        ),
        "actionplans.finding": lambda: Finding.objects.create(
            plan=PlanFactory(), code="3", text="Objectives not explained", category="Ambition"
        ),
        "actionplans.action": ActionFactory,
        "actionplans.actionupdate": ActionUpdateFactory,
    }
    return builders[model._meta.label_lower]()


class FormReader(HTMLParser):
    """What a browser would send for the page's main form: its inputs as they are filled."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside = form_id, False
        self.data: dict[str, list[str]] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def _add(self, name: str, value: str) -> None:
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside or "name" not in a and tag in ("input", "select", "textarea"):
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._add(a["name"], a.get("value", "on"))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self._add(a["name"], a.get("value") or "")
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self._add(self._select, a.get("value", ""))
        elif tag == "textarea":
            self._textarea = a["name"]
            self._add(self._textarea, "")

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
            # A browser drops the newline that follows <textarea>.
        elif tag == "form":
            self.inside = False


def form_data(html: str, model) -> dict[str, list[str]]:
    reader = FormReader(f"{model._meta.model_name}_form")
    reader.feed(html)
    data = {k: [v.removeprefix("\n") for v in values] for k, values in reader.data.items()}
    data["_save"] = ["Save"]
    return data


def text_field(model, data) -> models.Field:
    """A plain text field of the model that the form offers, to change."""
    for field in model._meta.concrete_fields:
        plain = isinstance(field, models.CharField | models.TextField) and not field.choices
        if plain and field.name in data and "password" not in field.name:
            return field
    raise AssertionError(f"{model.__name__}'s form offers no text field to change")


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


def registered():
    return sorted(admin.site._registry.items(), key=lambda pair: pair[0]._meta.label)


def is_read_only(model_admin, user) -> bool:
    request = RequestFactory().get("/")
    request.user = user
    return not (
        model_admin.has_add_permission(request)
        or model_admin.has_change_permission(request)
        or model_admin.has_delete_permission(request)
    )


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize(
    "model", [m for m, _ in registered()], ids=lambda m: m._meta.label.replace(".", "_")
)
def test_every_change_form_write_is_audited_or_the_model_is_read_only(client, superuser, model):
    model_admin = admin.site._registry[model]
    if is_read_only(model_admin, superuser):
        return  # nothing can be written here (proved below for results, updates, periods)
    assert model not in READ_ONLY, f"{model.__name__} must be read-only in the set-up pages"
    obj = build(model)
    client.force_login(superuser)
    page = client.get(admin_url(model, "change", obj.pk))
    assert page.status_code == 200
    data = form_data(page.content.decode(), model)
    field = text_field(model, data)
    new = (data[field.name][0] + "-x")[: field.max_length or None]
    data[field.name] = [new]
    response = client.post(admin_url(model, "change", obj.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entries = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=obj.pk
    )
    changes = {label: values for entry in entries for label, values in entry.changes.items()}
    assert [old_new[1] for old_new in changes.values()] == [new], changes
    assert entries.get().user == superuser


@pytest.mark.parametrize("model", sorted(READ_ONLY, key=str), ids=lambda m: m.__name__)
def test_results_updates_and_periods_are_read_only_in_set_up(client, superuser, model):
    obj = build(model)
    assert is_read_only(admin.site._registry[model], superuser)
    client.force_login(superuser)
    before = list(model.objects.values())
    page = client.get(admin_url(model, "change", obj.pk))
    data = form_data(page.content.decode(), model)
    data.update({"actual": ["10"], "state": ["open"], "rag": ["green"], "commentary": ["x"]})
    assert client.post(admin_url(model, "change", obj.pk), data).status_code == 403
    assert client.post(admin_url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403
    assert client.get(admin_url(model, "add")).status_code == 403
    assert list(model.objects.values()) == before


def test_a_result_cannot_be_changed_in_set_up_to_keep_a_stale_rating(client, superuser):
    """60 against a target of 50 is Green; set-up must not make it 10 and leave it Green."""
    q3 = period("2009/10 Q3")
    target = TargetFactory(period=q3, value=Decimal("50"))
    result = ResultFactory(measure=target.measure, period=q3, actual=Decimal("60"), rag="green")
    client.force_login(superuser)
    data = form_data(client.get(admin_url(Result, "change", result.pk)).content.decode(), Result)
    data["actual"] = ["10"]
    client.post(admin_url(Result, "change", result.pk), data)
    result.refresh_from_db()
    assert (result.actual, result.rag) == (Decimal("60"), "green")


def test_action_updates_are_read_only_inside_the_action_page(client, superuser):
    update = ActionUpdateFactory(commentary="On track.")
    client.force_login(superuser)
    page = client.get(admin_url(type(update.action), "change", update.action.pk))
    data = form_data(page.content.decode(), type(update.action))
    assert not any(name.startswith("updates-0-") and "commentary" in name for name in data)


def test_an_inline_change_is_audited_on_its_parent(client, superuser):
    service = build(Service._meta.model)
    directorate = service.directorate
    client.force_login(superuser)
    url = admin_url(type(directorate), "change", directorate.pk)
    data = form_data(client.get(url).content.decode(), type(directorate))
    name_field = next(k for k in data if k.endswith("-0-name"))
    data[name_field] = ["Waste and recycling"]
    assert client.post(url, data).status_code == 302
    entry = AuditEntry.objects.get(object_id=directorate.pk)
    assert ["Waste", "Waste and recycling"] in entry.changes.values()


def test_deleting_in_set_up_is_audited_with_what_was_deleted(client, superuser):
    plan = PlanFactory(title="Corporate Plan 2009/10")
    client.force_login(superuser)
    response = client.post(admin_url(type(plan), "delete", plan.pk), {"post": "yes"})
    assert response.status_code == 302
    entry = AuditEntry.objects.get()
    assert entry.summary.startswith("Deleted in set-up") and entry.user == superuser
    assert entry.changes["Title"] == ["Corporate Plan 2009/10", ""]


def test_a_password_reset_is_audited_without_the_password(client, superuser):
    colleague = UserFactory(username="colleague")
    client.force_login(superuser)
    response = client.post(
        admin_url(type(colleague), "password_change", colleague.pk),
        {"password1": "a-new-Pass-9731", "password2": "a-new-Pass-9731"},
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(object_id=colleague.pk)
    assert entry.user == superuser
    assert "a-new-Pass-9731" not in str(entry.changes)
    assert list(entry.changes.values()) == [["(not shown)", "(changed)"]]


def test_editing_in_a_list_is_audited(client, superuser):
    customer = Perspective.objects.get(name="Customer")
    client.force_login(superuser)
    perspectives = list(Perspective.objects.order_by("pk"))
    data = {
        "form-TOTAL_FORMS": str(len(perspectives)),
        "form-INITIAL_FORMS": str(len(perspectives)),
        "_save": "Save",
    }
    for index, p in enumerate(perspectives):
        data[f"form-{index}-id"] = str(p.pk)
        data[f"form-{index}-order"] = str(p.order + (10 if p == customer else 0))
    response = client.post(admin_url(Perspective, "changelist"), data)
    assert response.status_code == 302
    entry = AuditEntry.objects.get()
    assert entry.object_id == customer.pk
    assert entry.changes == {"Order": [str(customer.order), str(customer.order + 10)]}
