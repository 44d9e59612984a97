"""What ``manage.py setup`` asks for, and the two ways of answering: at prompts, or as
``KEY=VALUE`` arguments.

Secrets are read without echo and shown only as "set (…last 4)"; database and Redis URLs are
shown with the password hidden. A value is checked before it is accepted (see
:mod:`derivativ.credentials`), and nothing is written until every answer is in.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.core.management.utils import get_random_secret_key

from derivativ import credentials as c
from derivativ.envfile import EnvFile

Check = Callable[[str, Mapping[str, str]], str]


@dataclass(frozen=True)
class Setting:
    key: str
    help: str
    check: Check
    secret: bool = False
    url: bool = False  # shown with its password hidden
    generate: Callable[[], str] | None = None

    def show(self, value: str) -> str:
        if not value:
            return "not set"
        if self.url:
            return c.redact_url(value)
        return c.mask(value) if self.secret else value


SECTIONS: list[tuple[str, list[Setting]]] = [
    (
        "Database and channel layer",
        [
            Setting(
                "DATABASE_URL",
                "PostgreSQL, e.g. Supabase's (Project Settings → Database). "
                "Unset: the embedded server under .data/.",
                c.check_database_url,
                secret=True,
                url=True,
            ),
            Setting(
                "REDIS_URL",
                "Redis for the channel layer when running several server processes.",
                c.check_redis_url,
                secret=True,
                url=True,
            ),
        ],
    ),
    (
        "Supabase (Project Settings → Data API / API Keys)",
        [
            Setting("SUPABASE_URL", "The project URL.", c.check_supabase_url),
            Setting(
                "SUPABASE_ANON_KEY",
                "The anon (public) key, or sb_publishable_….",
                c.check_supabase_anon_key,
                secret=True,
            ),
            Setting(
                "SUPABASE_SERVICE_ROLE_KEY",
                "The service_role key, or sb_secret_…: full access, keep it server-side.",
                c.check_supabase_service_role_key,
                secret=True,
            ),
            Setting(
                "CHANGE_FEED",
                "Where live updates come from: postgres (LISTEN/NOTIFY, the default) or "
                "supabase (Realtime).",
                c.check_change_feed,
            ),
        ],
    ),
    (
        "Language models (none: the pipeline runs offline)",
        [
            Setting("OPENAI_API_KEY", "OpenAI (sk-…).", c.check_openai_key, secret=True),
            Setting(
                "ANTHROPIC_API_KEY", "Anthropic (sk-ant-…).", c.check_anthropic_key, secret=True
            ),
            Setting("GOOGLE_API_KEY", "Google Gemini.", c.check_token, secret=True),
            Setting(
                "OPENAI_COMPATIBLE_BASE_URL",
                "Any OpenAI-compatible server, e.g. http://localhost:11434/v1.",
                c.check_http_url,
            ),
            Setting(
                "OPENAI_COMPATIBLE_API_KEY",
                "That server's key.",
                c.check_token,
                secret=True,
            ),
            *(
                Setting(
                    f"{agent.upper()}_MODEL",
                    f"The {agent}'s model, \"provider:model\". Unset: the provider's default.",
                    c.check_model,
                )
                for agent in ("generator", "marker", "reviewer", "refiner")
            ),
        ],
    ),
    (
        "Django",
        [
            Setting(
                "SECRET_KEY",
                "Signs sessions and CSRF tokens.",
                c.check_secret_key,
                secret=True,
                generate=get_random_secret_key,
            ),
            Setting(
                "ALLOWED_HOSTS",
                "Host names this site answers to, comma-separated.",
                c.check_allowed_hosts,
            ),
            Setting("DEBUG", "true only on a developer's machine.", c.check_bool),
        ],
    ),
]

SETTINGS: dict[str, Setting] = {s.key: s for _, group in SECTIONS for s in group}
CLEAR = "-"
GENERATE = "new"


class SetupError(Exception):
    """Answers that cannot be used; ``problems`` says why, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class InputEnded(Exception):
    pass


def _environment_note(setting: Setting, env: EnvFile) -> str | None:
    # settings/base.py loads .env without overriding the environment, so a variable set in the
    # shell wins over whatever is written here.
    in_file = env.get(setting.key)
    in_environment = os.environ.get(setting.key)
    if in_environment is not None and in_file is not None and in_environment != in_file:
        return f"  Note: {setting.key} is also set in the environment, which overrides .env."
    return None


def ask_all(
    env: EnvFile,
    *,
    ask: Callable[[str], str],
    ask_secret: Callable[[str], str],
    say: Callable[[str], None],
) -> dict[str, str]:
    """Prompt for every setting; return the changed ones (key → new value)."""
    values = dict(env.values)
    changes: dict[str, str] = {}
    for title, group in SECTIONS:
        say(f"\n{title}")
        for setting in group:
            current = values.get(setting.key, "")
            say(f"{setting.key}: {setting.help}")
            say(f"  Now: {setting.show(current)}")
            note = _environment_note(setting, env)
            if note:
                say(note)
            hints = []
            if current:
                hints.append(f"Enter keeps it, {CLEAR} clears it")
            elif setting.generate:
                hints.append("Enter generates one")
            else:
                hints.append("Enter leaves it unset")
            if setting.generate and current:
                hints.append(f"{GENERATE} generates a new one")
            prompt = f"  {setting.key} ({'; '.join(hints)}): "
            while True:
                try:
                    answer = (ask_secret if setting.secret else ask)(prompt).strip()
                except EOFError:
                    raise InputEnded from None
                if setting.generate and (answer == GENERATE or not (answer or current)):
                    value = setting.generate()
                elif not answer:
                    break
                elif answer == CLEAR:
                    value = ""
                else:
                    try:
                        value = setting.check(answer, values)
                    except c.Invalid as error:
                        say(f"  ✗ {error}")
                        continue
                if value != current:
                    values[setting.key] = changes[setting.key] = value
                    say(f"  ✓ {setting.key}: {setting.show(value)}")
                break
    return changes


def parse_pairs(pairs: list[str], env: EnvFile) -> dict[str, str]:
    """``KEY=VALUE`` arguments, checked together (a key may be checked against a URL given
    beside it); raise :class:`SetupError` listing every problem."""
    given: dict[str, str] = {}
    problems = []
    for number, pair in enumerate(pairs, 1):
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep:
            # Not echoed: it may be a secret that lost its KEY= in a script.
            problems.append(f"Argument {number}: expected KEY=VALUE.")
        elif key not in SETTINGS:
            problems.append(f"{key}: not a setting this command knows ({', '.join(SETTINGS)}).")
        else:
            given[key] = value
    values = {**env.values, **given}
    changes = {}
    for key, value in given.items():
        setting = SETTINGS[key]
        if value == "":
            changes[key] = ""
            continue
        if value == GENERATE and setting.generate:
            changes[key] = setting.generate()
            continue
        try:
            changes[key] = setting.check(value, values)
        except c.Invalid as error:
            problems.append(f"{key}: {error}")
    if problems:
        raise SetupError(problems)
    return changes


def save(env: EnvFile, changes: dict[str, str]) -> None:
    for key, value in changes.items():
        env.set(key, value)
    env.save()
