from django.apps import AppConfig


class ScorecardConfig(AppConfig):
    name = "scorecard"
    verbose_name = "Scorecard: objectives, measures, targets and results"

    def ready(self) -> None:
        from scorecard.returns import signals  # noqa: F401  (connects the sign-in receiver)
