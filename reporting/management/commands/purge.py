from django.core.management.base import BaseCommand

from reporting.retention import purge


class Command(BaseCommand):
    help = (
        "Remove finished background-task rows, report builds and their files older than the "
        "retention settings (RETAIN_TASK_ROWS_DAYS, RETAIN_BUILD_FILES_DAYS) and expired "
        "sessions. Run it daily from cron or a systemd timer."
    )

    def handle(self, *args, **options) -> None:
        done = purge()
        self.stdout.write(
            f"Removed {done.task_rows} finished task rows, {done.builds} report builds "
            f"({done.files} files) and {done.sessions} expired sessions."
        )
