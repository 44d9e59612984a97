"""Generate verified questions from the templates, stress-test the templates, or report coverage.

python manage.py generate_questions --code E2.5 --tier Extended --count 20 --difficulty 3
python manage.py generate_questions --template mensuration.circle_area_circumference --format text
python manage.py generate_questions --stress 50
python manage.py generate_questions --coverage
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from generation.engine import coverage, stress


class Command(BaseCommand):
    help = "Generate verified questions from the templates, stress-test them, or report coverage."
    # Generating needs no database (only --save does), so skip the system checks that query it.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--code", help="syllabus code, e.g. E2.5")
        parser.add_argument("--tier", help="Core or Extended (defaults to the code's tier)")
        parser.add_argument("--template", help="one template key, e.g. algebra.linear_equation")
        parser.add_argument("--count", type=int, default=10)
        parser.add_argument("--difficulty", type=int, default=3, choices=range(1, 6))
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--format", choices=("json", "text"), default="json")
        parser.add_argument(
            "--save", action="store_true", help="store the verified questions in the bank"
        )
        parser.add_argument(
            "--stress", type=int, metavar="SEEDS", help="stress every template with SEEDS seeds"
        )
        parser.add_argument(
            "--topic", help="with --stress: only this topic's templates, e.g. number"
        )
        parser.add_argument("--coverage", action="store_true", help="report syllabus coverage")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["coverage"]:
            self._coverage()
        elif options["stress"] is not None:
            self._stress(options["stress"], options["template"], options["topic"])
        else:
            self._generate(options)

    def _generate(self, options: dict[str, Any]) -> None:
        if options["count"] < 1:
            raise CommandError("--count must be at least 1")
        try:
            results = list(
                stress.batch(
                    code=options["code"],
                    tier=options["tier"],
                    template_key=options["template"],
                    count=options["count"],
                    difficulty=options["difficulty"],
                    seed=options["seed"],
                )
            )
        except stress.SelectionError as exc:
            raise CommandError(str(exc)) from exc
        for number, result in enumerate(results, 1):
            if options["format"] == "json":
                line = {
                    "question": result.question.model_dump(mode="json"),
                    "verification": result.report.model_dump(mode="json"),
                }
                self.stdout.write(json.dumps(line, ensure_ascii=False))
            else:
                self.stdout.write(stress.question_text(result, number) + "\n")
        if len(results) < options["count"]:
            self.stderr.write(
                f"only {len(results)} distinct variants found (asked for {options['count']})"
            )
        if options["save"]:
            self._save(results)

    def _save(self, results: list[stress.Verified]) -> None:
        # Imported here so generating and stress runs work without the bank's services.
        from questions.services import question_create

        saved = 0
        for result in results:
            if not result.report.passed:
                self.stderr.write(f"not saved (failed verification): {result.report.summary()}")
                continue
            question_create(
                content=result.question,
                origin="generated",
                verification=result.report,
                owner=None,
            )
            saved += 1
        self.stderr.write(f"saved {saved} question{'s' if saved != 1 else ''} to the bank")

    def _stress(self, seeds: int, template_key: str | None, topic: str | None = None) -> None:
        if seeds < 1:
            raise CommandError("--stress needs at least 1 seed")
        if template_key is not None:
            try:
                stress.choose_templates(code=None, tier=None, template_key=template_key)
            except stress.SelectionError as exc:
                raise CommandError(str(exc)) from exc

        if topic is not None and not stress.topic_templates(topic):
            raise CommandError(
                f"No templates in topic {topic!r}: topics look like number, algebra."
            )

        self.stdout.write(stress.STRESS_HEADER)

        def progress(stats: stress.TemplateStats) -> None:
            self.stdout.write(stress.stress_row(stats))
            sys.stdout.flush()

        results = stress.stress(
            seeds=seeds, template_key=template_key, topic=topic, progress=progress
        )
        failing = [s for s in results if s.failures]
        if failing:
            self.stdout.write("")
            self.stdout.write("Failures (first three per template):")
            for stats in failing:
                self.stdout.write(f"  {stats.key}: {len(stats.failures)} failing")
                for failure in stats.failures[:3]:
                    self.stdout.write(f"    {failure}")
        self._difficulty(results)
        self.stdout.write(json.dumps(stress.stress_summary(results), ensure_ascii=False))

    def _difficulty(self, results: list[stress.TemplateStats]) -> None:
        """The rubric's bands per template (declared → measured), then the templates whose
        variants fall outside their declared band and what to change."""
        self.stdout.write("")
        self.stdout.write("Difficulty: declared → rubric bands (generation/engine/DIFFICULTY.md)")
        self.stdout.write(stress.DIFFICULTY_HEADER)
        for stats in results:
            self.stdout.write(stress.difficulty_row(stats))
        outside = [s for s in results if s.outside_band]
        self.stdout.write("")
        if not outside:
            self.stdout.write("Every variant is within its declared band.")
            return
        total = sum(s.accepted for s in results)
        self.stdout.write(
            f"Outside their declared band: {sum(s.outside_band for s in outside)} of {total} "
            f"variants, in {len(outside)} of {len(results)} templates:"
        )
        for stats in outside:
            self.stdout.write(f"  {stats.key}: {stats.outside_band} of {stats.accepted} variants")
            for change in stress.difficulty_changes(stats):
                self.stdout.write(f"    {change}")

    def _coverage(self) -> None:
        report = coverage.coverage()
        for line in coverage.coverage_lines(report):
            self.stdout.write(line)
        self.stdout.write(json.dumps(coverage.coverage_summary(report), ensure_ascii=False))
