"""What a well-formed credential or setting looks like, and how to show one without leaking it.

Each ``check_*`` returns the value, tidied (trailing slash dropped, list spacing normalised), or
raises :class:`Invalid` with a reason a person can act on. A reason never repeats the value: it
may be a secret. ``manage.py setup`` checks what is typed; ``manage.py supabase_check`` checks
what is configured before it goes to the network.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import SplitResult, parse_qs, urlsplit

SUPABASE_HOST = re.compile(r"^(?P<ref>[^.]+)\.supabase\.co$")
PROJECT_REF = re.compile(r"^[a-z0-9]{20}$")
# `supabase start` serves the API here; its keys are JWTs like a hosted project's.
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
NEW_KEY = re.compile(r"^sb_(?P<kind>publishable|secret)_[A-Za-z0-9_-]{16,}$")
WHITESPACE = re.compile(r"\s")


class Invalid(ValueError):
    """A value of the wrong shape; the message says what is wrong, not what was typed."""


def mask(value: str) -> str:
    """How a secret is shown: whether it is set, and its last four characters."""
    if not value:
        return "not set"
    return f"set (…{value[-4:]})" if len(value) >= 12 else "set"


def redact_url(value: str) -> str:
    """A URL with its password replaced, for showing a database or Redis URL."""
    if not value:
        return "not set"
    try:
        parts = urlsplit(value)
    except ValueError:
        return mask(value)
    if parts.password is None:
        return value
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return parts._replace(netloc=f"{user}:…@{netloc}").geturl()


def _no_spaces(value: str, what: str) -> None:
    if WHITESPACE.search(value):
        raise Invalid(f"{what} contains a space or line break; paste it again without one.")


def _split(value: str, what: str) -> SplitResult:
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError as error:
        raise Invalid(f"{what} is not a valid URL ({error}).") from None
    return parts


def supabase_project_ref(url: str) -> str | None:
    """The project ref of a hosted project's URL; ``None`` for a local one."""
    match = SUPABASE_HOST.match(urlsplit(url).hostname or "")
    return match["ref"] if match else None


def check_supabase_url(value: str, values: Mapping[str, str] | None = None) -> str:
    """``https://<20-character project ref>.supabase.co``, or the local CLI's
    ``http://127.0.0.1:54321``."""
    value = value.strip().rstrip("/")
    _no_spaces(value, "The URL")
    parts = _split(value, "SUPABASE_URL")
    host = parts.hostname or ""
    example = "https://abcdefghijklmnopqrst.supabase.co"
    if host in LOCAL_HOSTS and parts.scheme == "http" and not parts.path:
        return value
    if host in {"supabase.com", "app.supabase.com"}:
        raise Invalid(
            "That is the dashboard's address. The project URL is https://<project-ref>.supabase.co "
            "(Project Settings → Data API)."
        )
    if parts.scheme != "https":
        raise Invalid(f"The project URL starts with https:// (like {example}).")
    match = SUPABASE_HOST.match(host)
    if not match:
        raise Invalid(f"The host should be <project-ref>.supabase.co (like {example}).")
    ref = match["ref"]  # the host, lowercased by urlsplit: DNS ignores case
    if not PROJECT_REF.match(ref):
        raise Invalid(
            f"The project ref before .supabase.co is 20 lowercase letters and digits; this one "
            f"has {len(ref)} characters."
        )
    if parts.path or parts.query or parts.fragment:
        raise Invalid("Give the project URL alone, without a path such as /rest/v1.")
    return f"https://{ref}.supabase.co"


@dataclass(frozen=True)
class SupabaseKey:
    """What a key says about itself: ``role`` is anon/service_role (a JWT's claim) or
    publishable/secret (the newer ``sb_`` keys)."""

    role: str
    ref: str | None = None
    expires: datetime | None = None

    @property
    def is_secret(self) -> bool:
        return self.role in {"service_role", "secret"}


def _b64_json(part: str) -> dict[str, Any]:
    try:
        decoded = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        data = json.loads(decoded)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise Invalid("") from None
    if not isinstance(data, dict):
        raise Invalid("")
    return data


def read_supabase_key(value: str) -> SupabaseKey:
    """Parse a Supabase API key without verifying its signature (only Supabase can)."""
    _no_spaces(value, "The key")
    new = NEW_KEY.match(value)
    if new:
        return SupabaseKey(role=new["kind"])
    shape = (
        "A Supabase API key is a JWT (three base64url parts joined by dots, starting eyJ) or a "
        "newer sb_publishable_… / sb_secret_… key."
    )
    parts = value.split(".")
    if (
        len(parts) != 3
        or not all(parts)
        or not all(re.fullmatch(r"[A-Za-z0-9_-]+", p) for p in parts)
    ):
        raise Invalid(shape)
    try:
        header, payload = _b64_json(parts[0]), _b64_json(parts[1])
    except Invalid:
        raise Invalid(shape + " Its parts do not decode.") from None
    if header.get("alg") != "HS256":
        raise Invalid(
            f"Supabase's anon and service_role keys are signed with HS256; this JWT says "
            f"{header.get('alg')!r}. It may be a user's access token rather than an API key."
        )
    role = payload.get("role")
    if role not in {"anon", "service_role"}:
        raise Invalid(
            f"This JWT's role is {role!r}; Supabase API keys have role anon or service_role."
        )
    exp = payload.get("exp")
    expires = datetime.fromtimestamp(exp, UTC) if isinstance(exp, int | float) else None
    ref = payload.get("ref") if isinstance(payload.get("ref"), str) else None
    return SupabaseKey(role=role, ref=ref, expires=expires)


def _check_supabase_key(value: str, values: Mapping[str, str] | None, *, secret: bool) -> str:
    value = value.strip()
    key = read_supabase_key(value)
    if secret and not key.is_secret:
        raise Invalid(
            "This is the public anon/publishable key. SUPABASE_SERVICE_ROLE_KEY takes the "
            "service_role (or sb_secret_…) key."
        )
    if not secret and key.is_secret:
        raise Invalid(
            "This is a secret key (service_role or sb_secret_…), which bypasses row level "
            "security. SUPABASE_ANON_KEY takes the anon (or sb_publishable_…) key."
        )
    if key.expires and key.expires < datetime.now(UTC):
        raise Invalid(f"This key expired on {key.expires:%Y-%m-%d}.")
    url = (values or {}).get("SUPABASE_URL", "")
    url_ref = supabase_project_ref(url) if url else None
    if key.ref and url_ref and key.ref != url_ref:
        raise Invalid(
            f"This key belongs to project {key.ref}, but SUPABASE_URL is project {url_ref}."
        )
    return value


def check_supabase_anon_key(value: str, values: Mapping[str, str] | None = None) -> str:
    return _check_supabase_key(value, values, secret=False)


def check_supabase_service_role_key(value: str, values: Mapping[str, str] | None = None) -> str:
    return _check_supabase_key(value, values, secret=True)


def check_database_url(value: str, values: Mapping[str, str] | None = None) -> str:
    value = value.strip()
    _no_spaces(value, "DATABASE_URL")
    if value.count("@") > 1:
        raise Invalid(
            "DATABASE_URL has more than one @: percent-encode special characters in the "
            "password (@ is %40, : is %3A, / is %2F)."
        )
    parts = _split(value, "DATABASE_URL")
    if parts.scheme not in {"postgres", "postgresql"}:
        raise Invalid("DATABASE_URL starts with postgresql:// (or postgres://).")
    if not parts.hostname and "host" not in parse_qs(parts.query):
        raise Invalid("DATABASE_URL has no host: postgresql://user:password@host:5432/dbname")
    if not parts.path.strip("/"):
        raise Invalid("DATABASE_URL names no database: add /postgres (or yours) after the host.")
    return value


def check_redis_url(value: str, values: Mapping[str, str] | None = None) -> str:
    value = value.strip()
    _no_spaces(value, "REDIS_URL")
    parts = _split(value, "REDIS_URL")
    if parts.scheme not in {"redis", "rediss", "unix"}:
        raise Invalid("REDIS_URL starts with redis://, rediss:// (TLS) or unix://.")
    if parts.scheme != "unix" and not parts.hostname:
        raise Invalid("REDIS_URL has no host: redis://host:6379/0")
    return value


def check_http_url(value: str, values: Mapping[str, str] | None = None) -> str:
    value = value.strip().rstrip("/")
    _no_spaces(value, "The URL")
    parts = _split(value, "The URL")
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise Invalid("Give an http:// or https:// URL, like https://api.example.com/v1")
    return value


def check_openai_key(value: str, values: Mapping[str, str] | None = None) -> str:
    value = value.strip()
    _no_spaces(value, "The key")
    if value.startswith("sk-ant-"):
        raise Invalid("That is an Anthropic key (sk-ant-…); it belongs in ANTHROPIC_API_KEY.")
    if not value.startswith("sk-") or len(value) < 20:
        raise Invalid("OpenAI API keys start with sk- (sk-proj-… for project keys).")
    return value


def check_anthropic_key(value: str, values: Mapping[str, str] | None = None) -> str:
    value = value.strip()
    _no_spaces(value, "The key")
    if not value.startswith("sk-ant-") or len(value) < 20:
        raise Invalid("Anthropic API keys start with sk-ant-.")
    return value


def check_token(value: str, values: Mapping[str, str] | None = None) -> str:
    value = value.strip()
    _no_spaces(value, "The key")
    if len(value) < 8:
        raise Invalid("That is too short to be an API key.")
    return value


def check_model(value: str, values: Mapping[str, str] | None = None) -> str:
    value = value.strip()
    if not re.fullmatch(r"[a-z][a-z0-9-]*:\S+", value):
        raise Invalid(
            'Give the model as "provider:model", like openai:gpt-4o or anthropic:claude-sonnet-4-5.'
        )
    return value


def check_secret_key(value: str, values: Mapping[str, str] | None = None) -> str:
    value = value.strip()
    # Django's own deployment check (security.W009) asks for the same.
    if len(value) < 50 or len(set(value)) < 5 or value.startswith("django-insecure"):
        raise Invalid(
            "SECRET_KEY needs at least 50 characters, 5 of them different, and no "
            "django-insecure prefix. Type new to have one generated."
        )
    return value


def check_allowed_hosts(value: str, values: Mapping[str, str] | None = None) -> str:
    hosts = [h.strip() for h in value.split(",") if h.strip()]
    if not hosts:
        raise Invalid("Give at least one host name, e.g. derivativ.example.com,localhost")
    for host in hosts:
        if "://" in host or "/" in host:
            raise Invalid("ALLOWED_HOSTS takes host names, not URLs: drop https:// and paths.")
        if " " in host:
            raise Invalid("Separate host names with commas.")
    return ",".join(hosts)


def check_bool(value: str, values: Mapping[str, str] | None = None) -> str:
    word = value.strip().lower()
    if word in {"1", "true", "yes", "on", "y"}:
        return "true"
    if word in {"0", "false", "no", "off", "n"}:
        return "false"
    raise Invalid("Answer true or false (yes/no).")


def check_change_feed(value: str, values: Mapping[str, str] | None = None) -> str:
    word = value.strip().lower()
    if word not in {"postgres", "supabase"}:
        raise Invalid("Answer postgres (LISTEN/NOTIFY) or supabase (Supabase Realtime).")
    return word
