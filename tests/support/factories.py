"""Test data builders: real rows in the real database, with sensible defaults."""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from actionplans.models import Action, ActionUpdate
from scorecard.models import Directorate, Measure, Objective, Plan, Result, Target
from tests.support.periods import period

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.LazyAttribute(lambda u: u.username.title())
    email = factory.LazyAttribute(lambda u: f"{u.username}@council.example")
    password = factory.django.Password(PASSWORD)


class DirectorateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Directorate
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Directorate {n}")


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    code = factory.Sequence(lambda n: f"PLAN{n}")
    title = factory.Sequence(lambda n: f"Corporate Plan {n}")


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    code = factory.Sequence(lambda n: f"OBJ{n:02d}")
    title = factory.Sequence(lambda n: f"Objective {n}")
    plan = factory.SubFactory(PlanFactory)


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    code = factory.Sequence(lambda n: f"LPI {n:03d}")
    title = factory.Sequence(lambda n: f"Measure {n}")
    unit = "%"
    rag_method = "tolerance"
    tolerance_amount = Decimal("10")
    tolerance_is_percent = True


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    measure = factory.SubFactory(MeasureFactory)
    period = factory.LazyFunction(lambda: period("2009/10 Q2"))
    value = Decimal("50")


class ResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Result

    measure = factory.SubFactory(MeasureFactory)
    period = factory.LazyFunction(lambda: period("2009/10 Q2"))
    actual = Decimal("50")
    status = "approved"


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    code = factory.Sequence(lambda n: f"ACT{n:03d}")
    title = factory.Sequence(lambda n: f"Action {n}")
    objective = factory.SubFactory(ObjectiveFactory)


class ActionUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionUpdate

    action = factory.SubFactory(ActionFactory)
    period = factory.LazyFunction(lambda: period("2009/10 Q2"))
    rag = "green"
    status = "approved"
