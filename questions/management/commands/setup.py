"""Write the project's ``.env``: database, Supabase, language model keys, Django settings."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from derivativ.env_setup import SETTINGS, InputEnded, SetupError, ask_all, parse_pairs, save
from derivativ.envfile import EnvFile


class Command(BaseCommand):
    help = (
        "Set up .env by answering prompts (Enter keeps a value), or in scripts with "
        "--non-interactive KEY=VALUE ... (SECRET_KEY=new generates one; KEY= clears one)."
    )
    # It must run however broken the configuration it is there to fix.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("pairs", nargs="*", metavar="KEY=VALUE")
        parser.add_argument(
            "--non-interactive",
            action="store_true",
            help="Take the values from KEY=VALUE arguments; ask nothing.",
        )
        parser.add_argument(
            "--env-file",
            type=Path,
            default=Path(settings.BASE_DIR) / ".env",
            help="The file to write (default: .env beside manage.py).",
        )

    def handle(
        self, *args: Any, pairs: list[str], non_interactive: bool, env_file: Path, **options: Any
    ) -> None:
        env = EnvFile(env_file)
        if non_interactive:
            if not pairs:
                raise CommandError("--non-interactive needs KEY=VALUE arguments.")
            try:
                changes = parse_pairs(pairs, env)
            except SetupError as error:
                raise CommandError("Nothing written.\n" + "\n".join(error.problems)) from None
        else:
            if pairs:
                raise CommandError("KEY=VALUE arguments need --non-interactive.")
            self.stdout.write(f"Setting up {env_file}. Secrets are not echoed as you type.")
            try:
                changes = ask_all(
                    env,
                    ask=lambda prompt: input(prompt),
                    ask_secret=lambda prompt: getpass.getpass(prompt),
                    say=self.stdout.write,
                )
            except InputEnded:
                raise CommandError(
                    "Input ended before the last question; nothing written. "
                    "In scripts, use --non-interactive KEY=VALUE ..."
                ) from None
            except KeyboardInterrupt:
                raise CommandError("Stopped; nothing written.") from None
        if not changes:
            self.stdout.write(f"No changes; {env_file} left as it was.")
            return
        save(env, changes)
        self.stdout.write(f"Wrote {env_file} (readable by its owner only):")
        for key, value in changes.items():
            self.stdout.write(f"  {key}: {SETTINGS[key].show(value)}")
