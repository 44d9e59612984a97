"""The access matrix (``access_matrix.py``) over every route, action and socket, for anonymous
visitors, teacher A (the owner), teacher B and staff. A cell that differs fails; so does a
route the resolver knows that the matrix does not."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.security.access_matrix import ADMIN_LOGIN, LOGIN, ROLES, ROWS, SOCKETS, Row

pytestmark = pytest.mark.django_db


def url_patterns(resolver: URLResolver | None = None, prefix: str = "") -> list[str]:
    """Every route the resolver serves, spelled as its patterns join up."""
    out: list[str] = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            out += url_patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            out.append(prefix + str(entry.pattern))
    return out


def test_every_route_has_a_row_in_the_matrix():
    from derivativ.ws_urls import websocket_urlpatterns

    covered = {r.pattern for r in ROWS}
    missing = [p for p in url_patterns() if p not in covered]
    assert not missing, f"routes without a row in tests/security/access_matrix.py: {missing}"
    sockets = {r.pattern for r in SOCKETS}
    assert [str(p.pattern) for p in websocket_urlpatterns if str(p.pattern) not in sockets] == []
    stale = covered - set(url_patterns())
    assert not stale, f"rows for routes that no longer exist: {stale}"


def outcome(response: Any) -> Any:
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith("/accounts/login/"):
            return LOGIN
        if location.startswith("/admin/login/"):
            return ADMIN_LOGIN
    return response.status_code


def _client(world: Any, role: str) -> Client:
    client = Client()
    user = {"anon": None, "a": world.a, "b": world.b, "staff": world.staff}[role]
    if user is not None:
        client.force_login(user)
    return client


def _request(client: Client, world: Any, r: Row) -> Any:
    path = world.path(r.path)
    headers = {"HTTP_HX_REQUEST": "true"} if r.htmx else {}
    data = {k: world.fill(v) for k, v in r.data.items()}
    if r.method == "GET":
        return client.get(path, **headers)
    return (
        client.generic(
            r.method, path, _encode(data), "application/x-www-form-urlencoded", **headers
        )
        if r.method not in ("POST",)
        else client.post(path, data, **headers)
    )


def _encode(data: dict[str, Any]) -> str:
    from urllib.parse import urlencode

    return urlencode(data, doseq=True)


@pytest.mark.parametrize("role", ROLES)
def test_every_route_and_action_gives_each_role_what_the_matrix_says(role, world):
    """One world per role; each cell runs in a savepoint that is rolled back, so an approve or
    a delete in one cell does not change the next."""
    client = _client(world, role)
    index = ROLES.index(role)
    wrong: list[str] = []
    for r in ROWS:
        with transaction.atomic():
            response = _request(client, world, r)
            got = outcome(response)
            if got != r.expect[index]:
                wrong.append(
                    f"{r.method} {r.path}{' (htmx)' if r.htmx else ''}: expected {r.expect[index]}, got {got}"
                )
            if role in ("anon", "b") and response.status_code == 200:
                body = response.content.decode(errors="replace")
                leaked = [s for s in world.private if s in body]
                if leaked:
                    wrong.append(f"{r.method} {r.path}: {role} received A's {leaked}")
            transaction.set_rollback(True)
        if role != "anon" and r.path.startswith(("/accounts/logout", "/admin/logout")):
            client = _client(world, role)
    assert not wrong, "\n".join(wrong)
