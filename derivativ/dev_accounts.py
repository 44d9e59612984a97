"""Development accounts, created on the first `make run` (never outside DEBUG)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model


@dataclass(frozen=True)
class DevAccount:
    username: str
    password: str
    staff: bool


DEV_ACCOUNTS = (
    DevAccount("teacher", "derivativ-teacher", staff=False),
    DevAccount("admin", "derivativ-admin", staff=True),
)


def dev_accounts_ensure() -> list[DevAccount]:
    """Create the development accounts that do not exist yet; return the ones created.

    Refuses outside DEBUG, so a production database never gets a known password.
    """
    if not settings.DEBUG:
        raise RuntimeError("development accounts are only created with DEBUG on")
    User = get_user_model()
    created = []
    for account in DEV_ACCOUNTS:
        if User.objects.filter(username=account.username).exists():
            continue
        if account.staff:
            User.objects.create_superuser(account.username, "", account.password)
        else:
            User.objects.create_user(account.username, "", account.password)
        created.append(account)
    return created
