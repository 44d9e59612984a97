"""`manage.py supabase_check` says what is wrong with the Supabase configuration, in words a
person can act on, and exits non-zero; or says all is well, with counts.

The REST API's answers are recorded responses (respx); any request without one fails the test,
so nothing here reaches the network.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import httpx
import pytest
import respx
from django.core.management import call_command
from django.core.management.base import CommandError
from pytest_django.fixtures import Settings

from questions.tests.supabase_keys import ANON, OTHER_REF, SB_PUBLISHABLE, SERVICE, URL, jwt

REST = f"{URL}/rest/v1"
INVALID_KEY = {
    "message": "Invalid API key",
    "hint": "Double check your Supabase `anon` or `service_role` API key.",
}


def rows(total: int, sample: dict | None = None) -> httpx.Response:
    body = [sample or {"code": "Core"}] if total else []
    content_range = f"0-0/{total}" if total else "*/0"
    return httpx.Response(200, json=body, headers={"Content-Range": content_range})


def postgrest_error(status: int, code: str, message: str) -> httpx.Response:
    return httpx.Response(
        status, json={"code": code, "details": None, "hint": None, "message": message}
    )


NO_TABLE = postgrest_error(
    404, "PGRST205", "Could not find the table 'public.tiers' in the schema cache"
)
NO_RELATION = postgrest_error(404, "42P01", 'relation "public.tiers" does not exist')
DENIED = postgrest_error(401, "42501", "permission denied for table tiers")


@pytest.fixture(autouse=True)
def supabase_settings(settings: Settings) -> None:
    settings.SUPABASE_URL = URL
    settings.SUPABASE_ANON_KEY = ANON
    settings.SUPABASE_SERVICE_ROLE_KEY = SERVICE


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    # assert_all_mocked (the default): a request without a recorded answer raises.
    with respx.mock(assert_all_called=False) as router:
        yield router


def answer(
    api: respx.MockRouter, table: str, key: str, response: httpx.Response | Exception
) -> respx.Route:
    route = api.get(f"{REST}/{table}", headers={"apikey": key})
    if isinstance(response, Exception):
        return route.mock(side_effect=response)
    return route.mock(return_value=response)


def healthy(api: respx.MockRouter, *, anon: str = ANON, service: str = SERVICE) -> None:
    answer(api, "tiers", anon, rows(2))
    answer(api, "questions", anon, rows(0))
    answer(api, "tiers", service, rows(2))
    answer(api, "syllabus_codes", service, rows(186, {"code": "C1.1"}))
    answer(api, "questions", service, rows(7, {"id": "x"}))
    answer(api, "generation_sessions", service, rows(3, {"id": "y"}))


def run() -> tuple[bool, str]:
    out = io.StringIO()
    try:
        call_command("supabase_check", stdout=out)
    except CommandError as error:
        text = out.getvalue() + str(error)
        ok = False
    else:
        text = out.getvalue()
        ok = True
    for secret in (ANON, SERVICE):
        assert secret not in text
    return ok, text


def test_all_good_says_so_with_counts(api: respx.MockRouter) -> None:
    healthy(api)
    ok, text = run()
    assert ok, text
    assert "The anon key reads 2 tiers." in text
    assert "The anon key sees no questions" in text
    assert "2 tiers, 186 syllabus codes, 7 questions, 3 generation sessions" in text
    assert "All good." in text


def test_sends_the_headers_the_supabase_client_sends(api: respx.MockRouter) -> None:
    healthy(api)
    run()
    request = next(call.request for call in api.calls if call.request.url.path.endswith("tiers"))
    assert request.headers["apikey"] == ANON
    assert request.headers["authorization"] == f"Bearer {ANON}"
    assert request.headers["accept-profile"] == "public"


def test_newer_publishable_and_secret_keys_work_too(
    api: respx.MockRouter, settings: Settings
) -> None:
    settings.SUPABASE_ANON_KEY = SB_PUBLISHABLE
    settings.SUPABASE_SERVICE_ROLE_KEY = "sb_secret_c2VjcmV0LWtleS1mb3ItdGVzdHM"
    healthy(api, anon=SB_PUBLISHABLE, service=settings.SUPABASE_SERVICE_ROLE_KEY)
    ok, text = run()
    assert ok, text


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://example.com", "SUPABASE_URL is malformed: The project URL starts with https://"),
        (f"{URL}/rest/v1", "without a path"),
        ("https://abc.supabase.co", "20 lowercase letters and digits"),
        ("", "SUPABASE_URL is not set"),
    ],
)
def test_malformed_url_is_reported_without_a_request(
    api: respx.MockRouter, settings: Settings, url: str, reason: str
) -> None:
    settings.SUPABASE_URL = url
    ok, text = run()
    assert not ok
    assert reason in text
    assert not api.calls


def test_keys_swapped_or_for_another_project_are_reported_before_any_request(
    api: respx.MockRouter, settings: Settings
) -> None:
    settings.SUPABASE_ANON_KEY = SERVICE
    settings.SUPABASE_SERVICE_ROLE_KEY = jwt("service_role", ref=OTHER_REF)
    ok, text = run()
    assert not ok
    assert "SUPABASE_ANON_KEY is malformed: This is a secret key" in text
    assert f"belongs to project {OTHER_REF}" in text
    assert not api.calls


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (httpx.ConnectError("[Errno -2] Name or service not known"), "DNS lookup failed"),
        (httpx.ConnectError("[Errno 111] Connection refused"), "Cannot connect to"),
        (httpx.ConnectTimeout("timed out"), "did not answer in time"),
    ],
)
def test_unreachable_host(api: respx.MockRouter, error: Exception, reason: str) -> None:
    api.get(url__startswith=REST).mock(side_effect=error)
    ok, text = run()
    assert not ok
    assert reason in text
    assert f"{URL.removeprefix('https://')}" in text


def test_rejected_anon_key(api: respx.MockRouter) -> None:
    answer(api, "tiers", ANON, httpx.Response(401, json=INVALID_KEY))
    answer(api, "tiers", SERVICE, rows(2))
    ok, text = run()
    assert not ok
    assert "The anon key was rejected (HTTP 401: Invalid API key)" in text
    assert "service role key was rejected" not in text


def test_rejected_service_role_key(api: respx.MockRouter) -> None:
    answer(api, "tiers", ANON, rows(2))
    answer(api, "tiers", SERVICE, httpx.Response(401, json=INVALID_KEY))
    ok, text = run()
    assert not ok
    assert "The service role key was rejected" in text


@pytest.mark.parametrize("missing", [NO_TABLE, NO_RELATION], ids=["PGRST205", "42P01"])
def test_migrations_not_applied(api: respx.MockRouter, missing: httpx.Response) -> None:
    answer(api, "tiers", ANON, missing)
    answer(api, "tiers", SERVICE, missing)
    ok, text = run()
    assert not ok
    assert "The database has no tiers table: the migrations are not applied" in text
    assert "supabase db push" in text


@pytest.mark.parametrize(
    ("anon_answer", "how"),
    [(rows(0), "the anon key none"), (DENIED, "the anon key is refused (42501")],
    ids=["zero-rows", "permission-denied"],
)
def test_row_level_security_hiding_reference_data(
    api: respx.MockRouter, anon_answer: httpx.Response, how: str
) -> None:
    answer(api, "tiers", ANON, anon_answer)
    answer(api, "tiers", SERVICE, rows(2))
    ok, text = run()
    assert not ok
    assert "Row level security stops the anon key reading tiers" in text
    assert f"the service role sees 2 rows, {how}" in text


def test_empty_reference_tables(api: respx.MockRouter) -> None:
    answer(api, "tiers", ANON, rows(0))
    answer(api, "tiers", SERVICE, rows(0))
    ok, text = run()
    assert not ok
    assert "tiers is empty: the reference data is missing" in text


def test_anon_key_reading_questions_means_row_level_security_is_off(
    api: respx.MockRouter,
) -> None:
    healthy(api)
    answer(api, "questions", ANON, rows(7, {"id": "x"}))
    ok, text = run()
    assert not ok
    assert "The anon key can read 7 questions: row level security is off" in text


def test_unexpected_answer_is_shown(api: respx.MockRouter) -> None:
    answer(api, "tiers", ANON, httpx.Response(503, text="upstream connect error"))
    answer(api, "tiers", SERVICE, httpx.Response(503, text="upstream connect error"))
    ok, text = run()
    assert not ok
    assert "Unexpected answer to the anon key: HTTP 503" in text
