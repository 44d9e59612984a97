"""Regenerate ``supabase/`` (migrations and seed) from the Django migrations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS

from questions import supabase_sql


class Command(BaseCommand):
    help = (
        "Write supabase/migrations/*.sql and supabase/seed.sql from the Django migrations "
        "(migrating a scratch database on the configured server). --check only compares."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; exit 1 if a file is missing or stale.",
        )
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=supabase_sql.SUPABASE_DIR,
            help="Where the supabase/ files live (default: the project's supabase/).",
        )
        parser.add_argument(
            "--database",
            default=DEFAULT_DB_ALIAS,
            help="The database whose server hosts the scratch database.",
        )

    def handle(
        self, *args: Any, check: bool, output_dir: Path, database: str, **options: Any
    ) -> None:
        try:
            files = supabase_sql.generate(database)
        except supabase_sql.SqlGenerationError as error:
            raise CommandError(str(error)) from error
        if check:
            stale = supabase_sql.stale(files, output_dir)
            if stale:
                raise CommandError(
                    "Stale Supabase SQL (run `python manage.py supabase_sql`): "
                    + ", ".join(str(output_dir / name) for name in stale)
                )
            self.stdout.write(f"Supabase SQL is up to date ({len(files)} files).")
            return
        changed = supabase_sql.write(files, output_dir)
        for name in files:
            state = "written" if name in changed else "unchanged"
            self.stdout.write(f"{output_dir / name}: {state}")
