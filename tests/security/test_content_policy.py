"""Every page carries the site's Content Security Policy: scripts from this origin only, no
inline script, no plugins, no foreign base or form targets; the paper preview keeps its own
stricter policy."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, list[str]]:
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


@pytest.mark.parametrize(
    "path", ["/bank/", "/generate/", "/papers/", "/admin/", "/accounts/login/"]
)
def test_pages_allow_only_our_own_scripts(client, staff_user, path):
    client.force_login(staff_user)
    response = client.get(path, follow=True)
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["default-src"]
