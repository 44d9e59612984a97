"""`manage.py setup` writes .env from prompts or KEY=VALUE arguments: it checks each value's
shape, keeps every other line, never shows a secret, and leaves the file owner-only."""

from __future__ import annotations

import io
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from dotenv import dotenv_values

from derivativ import credentials
from derivativ.envfile import EnvFile
from questions.tests.supabase_keys import ANON, OTHER_REF, REF, SB_SECRET, SERVICE, URL, jwt

OPENAI = "sk-proj-abcdefghijklmnopqrstuvwxyz0123"
ANTHROPIC = "sk-ant-api03-abcdefghijklmnopqrstuvwxyz"
DB_PASSWORD = "hunter2-very-secret"
DATABASE_URL = (
    f"postgresql://postgres.{REF}:{DB_PASSWORD}@aws-0-eu-west-2.pooler.supabase.com:6543/postgres"
)

EXISTING = """\
# Derivativ settings: keep this comment
export DEBUG=true

LOG_LEVEL=INFO   # not a setup key: must survive
OPENAI_API_KEY=sk-old-key-abcdefghijklmnop
UNRELATED='kept as it was'
"""


class Terminal:
    """Answers prompts by the setting they name; records which were asked with getpass."""

    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers = {key: list(values) for key, values in answers.items()}
        self.prompts: list[str] = []
        self.hidden: set[str] = set()
        self.shown: set[str] = set()

    def _answer(self, prompt: str) -> str:
        self.prompts.append(prompt)
        key = prompt.strip().split(" ", 1)[0]
        queue = self.answers.get(key)
        return queue.pop(0) if queue else ""

    def input(self, prompt: str = "") -> str:
        self.shown.add(prompt.strip().split(" ", 1)[0])
        return self._answer(prompt)

    def getpass(self, prompt: str = "Password: ", stream: object = None) -> str:
        self.hidden.add(prompt.strip().split(" ", 1)[0])
        return self._answer(prompt)


@pytest.fixture
def env_file(tmp_path: Path) -> Path:
    path = tmp_path / ".env"
    path.write_text(EXISTING)
    path.chmod(0o644)
    return path


def run_interactive(
    monkeypatch: pytest.MonkeyPatch, env_file: Path, answers: dict[str, list[str]]
) -> tuple[str, Terminal]:
    terminal = Terminal(answers)
    monkeypatch.setattr("builtins.input", terminal.input)
    monkeypatch.setattr("getpass.getpass", terminal.getpass)
    out = io.StringIO()
    call_command("setup", env_file=env_file, stdout=out)
    return out.getvalue() + "\n".join(terminal.prompts), terminal


def test_prompts_check_each_value_and_say_why_until_it_is_right(
    monkeypatch: pytest.MonkeyPatch, env_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output, terminal = run_interactive(
        monkeypatch,
        env_file,
        {
            "DATABASE_URL": ["mysql://root@localhost/db", DATABASE_URL],
            "SUPABASE_URL": [
                f"http://{REF}.supabase.co",
                "https://abc.supabase.co",
                "https://supabase.com/dashboard/project/x",
                URL + "/",
            ],
            "SUPABASE_ANON_KEY": [SERVICE, "not-a-key", ANON],
            "SUPABASE_SERVICE_ROLE_KEY": [ANON, SB_SECRET],
            "OPENAI_API_KEY": [ANTHROPIC, OPENAI],
            "ANTHROPIC_API_KEY": [ANTHROPIC],
            "GENERATOR_MODEL": ["gpt-4o", "openai:gpt-4o"],
            "ALLOWED_HOSTS": ["https://derivativ.example.com", "derivativ.example.com, localhost"],
            "CHANGE_FEED": ["redis", "Supabase"],
            "DEBUG": ["maybe", "no"],
        },
    )

    assert "DATABASE_URL starts with postgresql://" in output
    assert "The project URL starts with https://" in output
    assert "20 lowercase letters and digits; this one has 3 characters" in output
    assert "That is the dashboard's address" in output
    assert "This is a secret key (service_role or sb_secret_…)" in output
    assert "A Supabase API key is a JWT" in output
    assert "This is the public anon/publishable key" in output
    assert "That is an Anthropic key" in output
    assert '"provider:model"' in output
    assert "host names, not URLs" in output
    assert "Answer true or false" in output
    assert "Answer postgres (LISTEN/NOTIFY) or supabase" in output

    values = dotenv_values(env_file)
    assert values["DATABASE_URL"] == DATABASE_URL
    assert values["SUPABASE_URL"] == URL
    assert values["SUPABASE_ANON_KEY"] == ANON
    assert values["SUPABASE_SERVICE_ROLE_KEY"] == SB_SECRET
    assert values["OPENAI_API_KEY"] == OPENAI
    assert values["ANTHROPIC_API_KEY"] == ANTHROPIC
    assert values["GENERATOR_MODEL"] == "openai:gpt-4o"
    assert values["ALLOWED_HOSTS"] == "derivativ.example.com,localhost"
    assert values["DEBUG"] == "false"
    assert values["CHANGE_FEED"] == "supabase"
    secret_key = values["SECRET_KEY"]  # not set before, Enter generated one
    assert len(secret_key) >= 50

    # Secrets were typed blind and are never shown, not even in a complaint about them.
    assert {"DATABASE_URL", "SUPABASE_ANON_KEY", "SECRET_KEY", "OPENAI_API_KEY"} <= terminal.hidden
    assert {"SUPABASE_URL", "DEBUG", "GENERATOR_MODEL"} <= terminal.shown
    captured = capsys.readouterr()
    for secret in (ANON, SERVICE, SB_SECRET, OPENAI, ANTHROPIC, DB_PASSWORD, secret_key):
        assert secret not in output
        assert secret not in captured.out + captured.err
    assert f"set (…{OPENAI[-4:]})" in output
    assert f"postgresql://postgres.{REF}:…@aws-0-eu-west-2.pooler.supabase.com:6543" in output


def test_other_lines_are_kept_changed_keys_updated_in_place_new_ones_appended(
    monkeypatch: pytest.MonkeyPatch, env_file: Path
) -> None:
    run_interactive(
        monkeypatch,
        env_file,
        {"DEBUG": ["false"], "OPENAI_API_KEY": [OPENAI], "SUPABASE_URL": [URL]},
    )
    lines = env_file.read_text().splitlines()
    assert lines[:6] == [
        "# Derivativ settings: keep this comment",
        "export DEBUG=false",
        "",
        "LOG_LEVEL=INFO   # not a setup key: must survive",
        f"OPENAI_API_KEY={OPENAI}",
        "UNRELATED='kept as it was'",
    ]
    assert f"SUPABASE_URL={URL}" in lines[6:]
    assert any(line.startswith("SECRET_KEY=") for line in lines[6:])
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    assert dotenv_values(env_file)["UNRELATED"] == "kept as it was"


def test_enter_keeps_every_value(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(f"SECRET_KEY={'k' * 30}{'abcdefghijklmnopqrstu'}\nDEBUG=true\n")
    before = env_file.read_text()
    output, terminal = run_interactive(monkeypatch, env_file, {})
    assert "No changes" in output
    assert env_file.read_text() == before
    assert "Enter keeps it" in "\n".join(p for p in terminal.prompts if "DEBUG" in p)


def test_dash_clears_and_new_generates(monkeypatch: pytest.MonkeyPatch, env_file: Path) -> None:
    env_file.write_text(EXISTING + f"SECRET_KEY={'x' * 25}{'y' * 25}abcde\n")
    run_interactive(monkeypatch, env_file, {"OPENAI_API_KEY": ["-"], "SECRET_KEY": ["new"]})
    values = dotenv_values(env_file)
    assert values["OPENAI_API_KEY"] == ""
    assert values["SECRET_KEY"] != f"{'x' * 25}{'y' * 25}abcde"
    assert len(values["SECRET_KEY"]) >= 50


def test_a_key_for_another_project_is_refused(
    monkeypatch: pytest.MonkeyPatch, env_file: Path
) -> None:
    output, _ = run_interactive(
        monkeypatch,
        env_file,
        {"SUPABASE_URL": [URL], "SUPABASE_ANON_KEY": [jwt("anon", ref=OTHER_REF), ANON]},
    )
    assert f"belongs to project {OTHER_REF}, but SUPABASE_URL is project {REF}" in output
    assert dotenv_values(env_file)["SUPABASE_ANON_KEY"] == ANON


def test_input_ending_early_writes_nothing(monkeypatch: pytest.MonkeyPatch, env_file: Path) -> None:
    def closed(prompt: str = "", stream: object = None) -> str:
        raise EOFError

    monkeypatch.setattr("builtins.input", closed)
    monkeypatch.setattr("getpass.getpass", closed)
    with pytest.raises(CommandError, match="nothing written"):
        call_command("setup", env_file=env_file, stdout=io.StringIO())
    assert env_file.read_text() == EXISTING


def test_non_interactive_writes_the_pairs(env_file: Path) -> None:
    out = io.StringIO()
    call_command(
        "setup",
        "--non-interactive",
        f"SUPABASE_URL={URL}",
        f"SUPABASE_ANON_KEY={ANON}",
        f"SUPABASE_SERVICE_ROLE_KEY={SERVICE}",
        "SECRET_KEY=new",
        "ALLOWED_HOSTS=a.example.com , b.example.com",
        "REDIS_URL=",
        env_file=env_file,
        stdout=out,
    )
    values = dotenv_values(env_file)
    assert values["SUPABASE_SERVICE_ROLE_KEY"] == SERVICE
    assert values["ALLOWED_HOSTS"] == "a.example.com,b.example.com"
    assert values["REDIS_URL"] == ""
    assert values["UNRELATED"] == "kept as it was"
    assert SERVICE not in out.getvalue() and values["SECRET_KEY"] not in out.getvalue()
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600


def test_non_interactive_refuses_bad_values_and_writes_nothing(env_file: Path) -> None:
    with pytest.raises(CommandError) as raised:
        call_command(
            "setup",
            "--non-interactive",
            f"SUPABASE_URL={URL}",
            f"SUPABASE_ANON_KEY={SERVICE}",
            f"OPENAI_API_KEY={ANTHROPIC}",
            "DATABASE_URL=sqlite:///db.sqlite3",
            "SUPABASE_KEY=whatever",
            OPENAI,
            env_file=env_file,
            stdout=io.StringIO(),
        )
    message = str(raised.value)
    assert "SUPABASE_ANON_KEY: This is a secret key" in message
    assert "OPENAI_API_KEY: That is an Anthropic key" in message
    assert "DATABASE_URL: DATABASE_URL starts with postgresql://" in message
    assert "SUPABASE_KEY: not a setting" in message
    assert "Argument 6: expected KEY=VALUE" in message
    for secret in (SERVICE, ANTHROPIC, OPENAI):
        assert secret not in message
    assert env_file.read_text() == EXISTING


@pytest.mark.parametrize(
    ("check", "value", "reason"),
    [
        (credentials.check_supabase_anon_key, "sb_publishable_abcdefghijklmnopqrstu", None),
        (credentials.check_supabase_anon_key, SB_SECRET, "secret key"),
        (credentials.check_supabase_service_role_key, "sb_publishable_abcdefghijklmnop", "public"),
        (credentials.check_supabase_anon_key, jwt("anon", alg="RS256"), "HS256"),
        (credentials.check_supabase_anon_key, jwt("authenticated"), "role"),
        (credentials.check_supabase_anon_key, jwt("anon", exp=1600000000), "expired on 2020"),
        (credentials.check_supabase_anon_key, "eyJhbGciOi.JIUzI1NiJ9.x!y", "JWT"),
        (credentials.check_supabase_url, "http://127.0.0.1:54321", None),
        (credentials.check_supabase_url, f"https://{REF}.supabase.co/rest/v1", "without a path"),
        (credentials.check_supabase_url, "https://abc_defghijklmnopqrst.supabase.co", "20 lower"),
        (credentials.check_database_url, "postgres://u:p@ss@host/db", "percent-encode"),
        (credentials.check_database_url, "postgresql://user@host:5432", "names no database"),
        (credentials.check_database_url, "postgresql://postgres:@/derivativ?host=/tmp/x", None),
        (credentials.check_anthropic_key, OPENAI, "sk-ant-"),
        (credentials.check_secret_key, "django-insecure-" + "a1b2c3d4e5" * 5, "50 characters"),
    ],
)
def test_shapes(check: Callable[..., str], value: str, reason: str | None) -> None:
    if reason is None:
        check(value, {})
    else:
        with pytest.raises(credentials.Invalid, match=reason):
            check(value, {})


@pytest.mark.parametrize(
    "value",
    ["plain", "with space", "a$HOME", "it's", "back\\slash", "#no-comment", "!@#$%^&*(-_=+)", "ü–"],
)
def test_written_values_read_back_exactly(tmp_path: Path, value: str) -> None:
    env = EnvFile(tmp_path / ".env")
    env.set("SECRET_KEY", value)
    env.save()
    assert dotenv_values(tmp_path / ".env")["SECRET_KEY"] == value
    assert EnvFile(tmp_path / ".env").get("SECRET_KEY") == value
