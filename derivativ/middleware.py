"""Project-wide middleware."""

from __future__ import annotations

import os
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

SERVED_BY_HEADER = "X-Served-By"


def served_by(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[..., HttpResponse]:
    """Name the server process that answered (``pid``): with several web processes on one
    port (``manage.py serve --web N``) or behind a load balancer, an operator can tell which."""
    pid = str(os.getpid())

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response[SERVED_BY_HEADER] = pid
        return response

    return middleware
