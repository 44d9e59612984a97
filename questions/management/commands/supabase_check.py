"""Say whether the configured Supabase project is usable, and if not, what is wrong."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from questions import supabase_check


class Command(BaseCommand):
    help = (
        "Check SUPABASE_URL, SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY against the "
        "project's REST API: reachable, keys accepted, migrated, row level security as intended."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--timeout", type=float, default=10.0, help="Seconds to wait for each answer."
        )

    def handle(self, *args: Any, timeout: float, **options: Any) -> None:
        url = settings.SUPABASE_URL
        self.stdout.write(f"Checking Supabase at {url or '(SUPABASE_URL not set)'}")
        report = supabase_check.check(
            url, settings.SUPABASE_ANON_KEY, settings.SUPABASE_SERVICE_ROLE_KEY, timeout=timeout
        )
        for fact in report.facts:
            self.stdout.write(self.style.SUCCESS(f"✓ {fact}"))
        for problem in report.problems:
            self.stdout.write(self.style.ERROR(f"✗ {problem}"))
        if not report.ok:
            count = len(report.problems)
            raise CommandError(f"Supabase is not usable yet: {count} problem{'s' * (count > 1)}.")
        self.stdout.write(self.style.SUCCESS("All good."))
