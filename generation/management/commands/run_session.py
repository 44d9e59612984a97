"""`python manage.py run_session --code C2.5 --tier Core --count 3 --mode offline`

Runs one generation session to its end in this process, printing each step as it happens,
then a JSON summary.
"""

from __future__ import annotations

import json
import threading
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from pydantic import ValidationError

from generation import selectors, services
from generation.agents.orchestrator import run_session
from generation.schemas import GenerationRequest


class Command(BaseCommand):
    help = "Run a generation session from the command line and print its steps and a summary."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--code", action="append", default=[], help="syllabus code (repeatable)"
        )
        parser.add_argument("--topic", default="")
        parser.add_argument("--tier", required=True, choices=["Core", "Extended"])
        parser.add_argument("--count", type=int, default=1)
        parser.add_argument("--difficulty", type=int, default=3)
        parser.add_argument("--marks", type=int)
        parser.add_argument("--command-word")
        parser.add_argument("--calculator", choices=["allowed", "not_allowed"])
        parser.add_argument("--mode", default="offline", choices=["offline", "hybrid", "llm"])
        parser.add_argument("--model", default="")
        parser.add_argument("--seed", type=int)
        parser.add_argument("--owner", help="username to own the session and its questions")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            request = GenerationRequest(
                tier=options["tier"],
                syllabus_codes=options["code"],
                topic=options["topic"],
                count=options["count"],
                difficulty=options["difficulty"],
                marks=options["marks"],
                command_word=options["command_word"],
                calculator_policy=options["calculator"],
                mode=options["mode"],
                model=options["model"],
                seed=options["seed"],
            )
        except ValidationError as exc:
            raise CommandError(
                "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
            ) from exc
        owner = None
        if options["owner"]:
            from django.contrib.auth import get_user_model

            owner = get_user_model().objects.filter(username=options["owner"]).first()
            if owner is None:
                raise CommandError(f"no user {options['owner']!r}")
        started = time.monotonic()
        session = services.session_start(owner=owner, request=request, enqueue=False)
        outcome: dict[str, str] = {}

        def run() -> None:
            try:
                outcome["status"] = run_session(str(session.pk))
            finally:
                connection.close()

        runner = threading.Thread(target=run, name="run-session")
        runner.start()
        shown = 0
        while True:  # print each step as the orchestrator writes it (the database is the truth)
            finished = not runner.is_alive()
            for step in selectors.session_steps(session_id=session.pk, after=shown):
                self.stdout.write(
                    f"[{step.sequence:>3}] {step.agent:<12} {step.message} ({step.duration_ms} ms)"
                )
                shown = step.sequence
            if finished:
                break
            time.sleep(0.1)
        runner.join()
        status = outcome.get("status", "failed")
        session.refresh_from_db()
        summary = {
            "session_id": str(session.pk),
            "status": status,
            "error": session.error,
            "questions_stored": session.questions_made,
            "approved": session.questions_approved,
            "rejected": session.questions_rejected,
            "duration_seconds": round(time.monotonic() - started, 3),
            "question_ids": [str(pk) for pk in session.questions.values_list("pk", flat=True)],
        }
        self.stdout.write(json.dumps(summary))
        if status != "completed":
            raise CommandError(f"session {status}: {session.error}")
