"""Is the configured Supabase project usable? Said in plain words, one finding per problem.

Reads ``tiers`` through the project's REST API (PostgREST) with each key, sending the headers
the ``supabase`` client sends (``apikey`` and ``Authorization: Bearer``, the same key in both),
and tells apart: a malformed URL or key, a host that does not resolve or answer, a key the API
rejects, a schema that was never migrated (PGRST205 / 42P01), and row level security that
hides the reference data from the anon key while the service role sees it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from derivativ import credentials

PROBE_TABLE = "tiers"
# Counted with the service role once the probe passes; questions also with the anon key,
# which must see none of them.
COUNTED_TABLES = ("tiers", "syllabus_codes", "questions", "generation_sessions")
MISSING_TABLE_CODES = {"PGRST205", "42P01"}
PERMISSION_DENIED = "42501"
DNS_FAILURES = (
    "name or service not known",
    "nodename nor servname",
    "temporary failure in name resolution",
    "no address associated",
    "getaddrinfo failed",
    "name resolution",
)


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class Unreachable(Exception):
    """The host could not be asked at all; the message says why."""


@dataclass
class Answer:
    """What the REST API said to one read."""

    status: int
    rows: list[Any] | None = None
    total: int | None = None
    code: str | None = None
    message: str = ""

    @property
    def missing_table(self) -> bool:
        return self.code in MISSING_TABLE_CODES

    @property
    def permission_denied(self) -> bool:
        return self.code == PERMISSION_DENIED

    @property
    def key_rejected(self) -> bool:
        return self.status in (401, 403) and not self.permission_denied

    def describe(self) -> str:
        return (
            f"HTTP {self.status}"
            + (f" {self.code}" if self.code else "")
            + (f": {self.message}" if self.message else "")
        )


def _total(response: httpx.Response, rows: list[Any]) -> int:
    # "0-0/2" or "*/0" with Prefer: count=exact
    content_range = response.headers.get("content-range", "")
    _, _, total = content_range.partition("/")
    return int(total) if total.isdigit() else len(rows)


def read(client: httpx.Client, url: str, key: str, table: str) -> Answer:
    """One row of ``table`` and its row count, as the holder of ``key`` sees them."""
    host = urlsplit(url).hostname
    try:
        response = client.get(
            f"{url}/rest/v1/{table}",
            params={"select": "*", "limit": "1"},
            headers={
                "apikey": key,
                "Authorization": f"Bearer {key}",
                "Accept": "application/json",
                "Accept-Profile": "public",
                "Prefer": "count=exact",
            },
        )
    except httpx.ConnectError as error:
        reason = str(error).lower()
        if any(text in reason for text in DNS_FAILURES):
            raise Unreachable(
                f"The host {host} does not exist (DNS lookup failed). Check the project ref in "
                "SUPABASE_URL; a deleted project's host disappears too."
            ) from None
        raise Unreachable(f"Cannot connect to {host}: {error}.") from None
    except httpx.TimeoutException:
        raise Unreachable(
            f"{host} did not answer in time. Is the project paused (free projects pause when "
            "idle; restore it from the dashboard)?"
        ) from None
    except httpx.HTTPError as error:
        raise Unreachable(f"The request to {host} failed: {error}.") from None
    try:
        body = response.json()
    except ValueError:
        body = None
    if response.status_code == 200 and isinstance(body, list):
        return Answer(200, rows=body, total=_total(response, body))
    detail = body if isinstance(body, dict) else {}
    return Answer(
        response.status_code,
        code=detail.get("code") if isinstance(detail.get("code"), str) else None,
        message=str(detail.get("message") or detail.get("msg") or response.reason_phrase or ""),
    )


def _check_config(url: str, anon_key: str, service_key: str, report: Report) -> dict[str, str]:
    """The usable settings; each unusable one becomes a problem."""
    usable = {}
    if not url:
        report.problems.append("SUPABASE_URL is not set: run `python manage.py setup`.")
    else:
        try:
            usable["url"] = credentials.check_supabase_url(url)
        except credentials.Invalid as error:
            report.problems.append(f"SUPABASE_URL is malformed: {error}")
    values = {"SUPABASE_URL": usable.get("url", "")}
    for name, value, check, role in (
        ("SUPABASE_ANON_KEY", anon_key, credentials.check_supabase_anon_key, "anon"),
        (
            "SUPABASE_SERVICE_ROLE_KEY",
            service_key,
            credentials.check_supabase_service_role_key,
            "service",
        ),
    ):
        if not value:
            report.problems.append(f"{name} is not set: run `python manage.py setup`.")
            continue
        try:
            usable[role] = check(value, values)
        except credentials.Invalid as error:
            report.problems.append(f"{name} is malformed: {error}")
    return usable


def check(
    url: str,
    anon_key: str,
    service_key: str,
    *,
    client: httpx.Client | None = None,
    timeout: float = 10.0,
) -> Report:
    """What is wrong with this Supabase configuration, or, if nothing, what it holds."""
    report = Report()
    usable = _check_config(url, anon_key, service_key, report)
    if "url" not in usable:
        return report
    url = usable["url"]
    owned = client is None
    client = client or httpx.Client(timeout=timeout)
    try:
        answers: dict[str, Answer] = {}
        for role in ("anon", "service"):
            if role in usable:
                answers[role] = read(client, url, usable[role], PROBE_TABLE)
        _judge_probe(answers, report)
        if report.ok:
            _count(client, url, usable, answers, report)
    except Unreachable as error:
        report.problems.append(str(error))
    finally:
        if owned:
            client.close()
    return report


def _judge_probe(answers: dict[str, Answer], report: Report) -> None:
    who = {"anon": "anon key", "service": "service role key"}
    for role, answer in answers.items():
        if answer.key_rejected:
            report.problems.append(
                f"The {who[role]} was rejected ({answer.describe()}): it is not a key of this "
                "project, or it was rotated. Copy it again from Project Settings → API Keys."
            )
    if any(a.missing_table for a in answers.values()):
        report.problems.append(
            f"The database has no {PROBE_TABLE} table: the migrations are not applied. Run "
            "`supabase db push` (or `python manage.py migrate` with DATABASE_URL set to this "
            "project)."
        )
        return
    anon, service = answers.get("anon"), answers.get("service")
    if service and service.permission_denied:
        report.problems.append(
            f"The service role may not read {PROBE_TABLE} ({service.describe()}): its grants are "
            "missing. Apply supabase/migrations/*_row_level_security.sql."
        )
    if anon and (anon.permission_denied or anon.total == 0):
        seen = service.total if service and service.status == 200 else None
        if seen:
            report.problems.append(
                f"Row level security stops the anon key reading {PROBE_TABLE}: the service role "
                f"sees {seen} rows, the anon key "
                + ("is refused (42501 permission denied)" if anon.permission_denied else "none")
                + ". Apply supabase/migrations/*_row_level_security.sql (Django migration "
                "questions.0003)."
            )
        elif seen == 0:
            report.problems.append(
                f"{PROBE_TABLE} is empty: the reference data is missing. Run supabase/seed.sql "
                "(or `supabase db reset` locally)."
            )
        elif anon.permission_denied:
            report.problems.append(
                f"The anon key may not read {PROBE_TABLE} ({anon.describe()}): row level "
                "security or grants deny it."
            )
        else:
            report.problems.append(
                f"The anon key sees no {PROBE_TABLE}: row level security hides them or the "
                "reference data is missing (a working service role key would tell which)."
            )
    for role, answer in answers.items():
        unexplained = not (
            answer.status == 200
            or answer.key_rejected
            or answer.missing_table
            or answer.permission_denied
        )
        if unexplained:
            report.problems.append(f"Unexpected answer to the {who[role]}: {answer.describe()}.")


def _count(
    client: httpx.Client,
    url: str,
    usable: dict[str, str],
    answers: dict[str, Answer],
    report: Report,
) -> None:
    report.facts.append(f"{url} answers.")
    if "anon" in answers:
        report.facts.append(f"The anon key reads {answers['anon'].total} {PROBE_TABLE}.")
        hidden = read(client, url, usable["anon"], "questions")
        if hidden.status == 200 and hidden.total:
            report.problems.append(
                f"The anon key can read {hidden.total} questions: row level security is off "
                "for questions. Apply supabase/migrations/*_row_level_security.sql."
            )
        else:
            report.facts.append("The anon key sees no questions (row level security is on).")
    if "service" in answers:
        counts = []
        for table in COUNTED_TABLES:
            answer = read(client, url, usable["service"], table)
            if answer.status != 200:
                report.problems.append(
                    f"The service role key cannot read {table}: {answer.describe()}."
                )
                continue
            counts.append(f"{answer.total} {table.replace('_', ' ')}")
        if counts:
            report.facts.append("The service role key reads " + ", ".join(counts) + ".")
