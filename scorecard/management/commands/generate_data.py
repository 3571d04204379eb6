import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand

from scorecard.bench.generated_council import write_generated_council
from scorecard.workbook.importer import workbook_import


class Command(BaseCommand):
    help = (
        "Build a large, realistic council (objectives, directorates, officers, measures with "
        "quarterly targets and results, actions) for benchmarks, through the plan importer."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--measures", type=int, default=1000)
        parser.add_argument("--years", type=int, default=10)
        parser.add_argument("--actions", type=int, default=200)
        parser.add_argument("--seed", type=int, default=2009)

    def handle(self, *args, measures: int, years: int, actions: int, seed: int, **options):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            write_generated_council(
                folder, measures=measures, years=years, actions=actions, seed=seed
            )
            counts = workbook_import(path=folder)
        for sheet, count in counts.items():
            self.stdout.write(f"{sheet}: {count:,}")
        self.stdout.write(self.style.SUCCESS("Generated council loaded."))
