from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from derivativ.database import config_from_url

ROOT = Path(__file__).resolve().parent.parent.parent


def test_supabase_transaction_pooler_gets_no_server_side_cursors_or_prepared_statements():
    url = "postgresql://postgres.abcdefghijklmnopqrst:pw@aws-0-eu-west-2.pooler.supabase.com:6543/postgres"
    config = config_from_url(url)
    assert config["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert config["OPTIONS"]["prepare_threshold"] is None
    assert config["OPTIONS"]["sslmode"] == "require"
    assert config["CONN_MAX_AGE"] == 0


def test_supabase_direct_connection_keeps_normal_settings():
    url = "postgresql://postgres:pw@db.abcdefghijklmnopqrst.supabase.co:5432/postgres"
    config = config_from_url(url)
    assert not config.get("DISABLE_SERVER_SIDE_CURSORS")
    assert "prepare_threshold" not in config["OPTIONS"]
    assert config["HOST"] == "db.abcdefghijklmnopqrst.supabase.co"


def test_plain_postgres_url():
    config = config_from_url("postgres://app:secret@127.0.0.1:5432/derivativ")
    assert config["NAME"] == "derivativ"
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert "sslmode" not in config["OPTIONS"]


def test_production_settings_pass_check_deploy_without_warnings():
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="derivativ.settings.prod",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="derivativ.example.com",
        # Any reachable database will do: the checks only need settings that load.
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres",
    )
    env.pop(
        "DJANGO_ALLOW_ASYNC_UNSAFE", None
    )  # set by the browser tests' fixtures, never in production
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_a_missing_secret_key():
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="derivativ.settings.prod", SECRET_KEY="")
    env["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/postgres"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
