"""`python manage.py change_feed`: forward database changes to the browsers (for ever).

Run one beside each web server process (``make run`` does); several on one Redis channel layer
forward each change exactly once between them. See :mod:`generation.changefeed`.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from django.core.management.base import BaseCommand

from generation import changefeed


class Command(BaseCommand):
    help = "Forward question and session changes from the database to the channel layer."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--feed",
            choices=["postgres", "supabase"],
            help="where changes come from (default: the CHANGE_FEED setting)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        feed = changefeed.feed_from_settings(options["feed"])
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(changefeed.run(feed))
