"""`python manage.py paper_catalogue`: write (or `--check`) what each template can make."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from generation.engine import base
from papers import catalogue


class Command(BaseCommand):
    help = (
        "Write papers/catalogue.json: the marks and number of distinct variants each template "
        "makes per tier and difficulty (blueprints and versions are checked against it)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="compare the committed catalogue with the engine instead of writing it",
        )
        parser.add_argument("--template", action="append", default=[], help="only these templates")

    def handle(self, *args: Any, **options: Any) -> None:
        templates = [base.get_template(k) for k in options["template"]] or base.templates()
        fresh = catalogue.compute(templates)
        if not options["check"]:
            entries = dict(catalogue.load().entries) if options["template"] else {}
            entries.update(fresh)
            catalogue.write(entries)
            self.stdout.write(f"wrote {len(entries)} entries to {catalogue.PATH}")
            return
        stored = catalogue.load().entries
        differ = [k for k, v in fresh.items() if stored.get(k) != v]
        if differ:
            raise CommandError(
                f"{len(differ)} catalogue entries differ from the engine (first: "
                + ", ".join(f"{k}: stored {stored.get(k)}, engine {fresh[k]}" for k in differ[:3])
                + "); run `python manage.py paper_catalogue`"
            )
        self.stdout.write(f"catalogue matches the engine ({len(fresh)} entries)")
