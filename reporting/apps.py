from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = "Reporting: dashboards, report packs and exports"

    def ready(self) -> None:
        """Register the reports by name (`reporting/exports.py`): their order is the order
        `export_report` lists them and a pack prints its annexes."""
        from .exports import register_report
        from .packs import PACK
        from .reports.catalogue import REPORT_TYPES

        for report in (*REPORT_TYPES, PACK):
            register_report(report)
