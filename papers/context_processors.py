"""The basket's size on every page (the navigation shows it)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from papers import selectors


def basket(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"basket_count": selectors.basket_count(user=user)}
