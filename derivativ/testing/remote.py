"""Run in a subprocess against an app database of its own (``DATABASE_URL``):

    python -m derivativ.testing.remote teacher <username>            → a session cookie
    python -m derivativ.testing.remote session <username> <count> <seed>  → a session id

The fault scenarios' own process stays on its test database; these set up users and sessions
on the throwaway cluster the scenario runs the app on.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> str:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from generation import services
    from generation.schemas import GenerationRequest

    action, username, *rest = argv
    user, _ = get_user_model().objects.get_or_create(username=username)
    if action == "teacher":
        client = Client()
        client.force_login(user)
        return str(client.cookies["sessionid"].value)
    if action == "session":
        count, seed = (int(v) for v in rest)
        request = GenerationRequest(
            tier="Extended", syllabus_codes=["E5.3"], count=count, seed=seed
        )
        return str(services.session_start(owner=user, request=request).pk)
    raise SystemExit(f"unknown action {action!r}: teacher or session")


if __name__ == "__main__":
    print(main(sys.argv[1:]))
