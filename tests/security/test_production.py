"""Production settings: refuse to start without a real SECRET_KEY, pass check --deploy with no
warnings, secure cookies; every unsafe request without a valid CSRF token is refused."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.test import Client

from tests.security.access_matrix import ROWS

KEY = "k" * 30 + "-production-secret-key-for-the-test-0123456789"


def _manage(*args: str, secret: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "derivativ.settings.prod",
        "SECRET_KEY": secret,
        "ALLOWED_HOSTS": "derivativ.example.com",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_real_secret_key():
    result = _manage("check", secret="short")
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_check_deploy_with_production_settings_gives_no_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", secret=KEY)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_cookies_are_secure_httponly_and_samesite():
    code = "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_SAMESITE)"
    result = _manage("shell", "-c", code, secret=KEY)
    assert result.stdout.split()[-5:] == ["True", "True", "Lax", "True", "Lax"], result.stderr


@pytest.mark.django_db
def test_every_unsafe_request_without_a_valid_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.a)
    unsafe = [r for r in ROWS if r.method != "GET" and not r.pattern.startswith("admin/logout")]
    accepted = []
    for r in unsafe:
        for token in (None, "x" * 64):
            data = {k: world.fill(v) for k, v in r.data.items()}
            if token:
                data["csrfmiddlewaretoken"] = token
            response = client.post(world.path(r.path), data)
            if response.status_code != 403:
                accepted.append(f"{r.path} token={token!r}: {response.status_code}")
    assert not accepted, accepted
