"""Writes for generation sessions: start, cancel, record steps, finish, recover."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from generation import live
from generation.models import TERMINAL_STATUSES, GenerationSession, GenerationStep, Status
from generation.schemas import GenerationRequest
from questions.models import ReviewState

logger = logging.getLogger(__name__)

STEPS_PER_QUESTION = 4  # generate, mark, review, store/reject
SESSION_STEPS = 2  # started, finished
MAX_RUN_ATTEMPTS = 2  # a session is resumed once after its worker dies, then failed


class SessionNotCancellable(ValueError):
    pass


class SessionRefused(ValueError):
    """A teacher asked for more than ``SESSION_LIMITS`` allows; the message says what to do."""


def _limit(name: str, owner: Any) -> int:
    limits = settings.SESSION_LIMITS
    staff = getattr(owner, "is_staff", False) and name != "MAX_QUESTIONS"
    return int(limits[name]) * (int(limits["STAFF_MULTIPLIER"]) if staff else 1)


def session_limits_check(*, owner: Any, request: GenerationRequest) -> None:
    """Raise :class:`SessionRefused` if ``owner`` may not start this session now: more
    questions than ``MAX_QUESTIONS``, or ``MAX_QUEUED`` sessions already waiting to start.
    Call inside the transaction that creates the session: it locks the owner's row, so two
    starts at once by one teacher are counted one after the other."""
    most = _limit("MAX_QUESTIONS", owner)
    if request.count > most:
        raise SessionRefused(f"A session makes at most {most} questions; ask for {most} or fewer.")
    if owner is None:  # the command line (an operator) and benchmarks
        return
    get_user_model().objects.select_for_update().filter(pk=owner.pk).first()
    queued = GenerationSession.objects.filter(owner=owner, status_id=Status.PENDING).count()
    if queued >= (cap := _limit("MAX_QUEUED", owner)):
        raise SessionRefused(
            f"You already have {queued} sessions waiting to start (the limit is {cap}): wait "
            "for one to start, or cancel one from My sessions."
        )


def _held_back(session: GenerationSession) -> bool:
    """Whether the owner already has ``MAX_ACTIVE`` other sessions running."""
    if session.owner_id is None:
        return False
    running = GenerationSession.objects.filter(
        owner_id=session.owner_id, status_id=Status.RUNNING
    ).exclude(pk=session.pk)
    return running.count() >= _limit("MAX_ACTIVE", session.owner)


@transaction.atomic
def session_start(
    *, owner: Any, request: GenerationRequest, enqueue: bool = True
) -> GenerationSession:
    """Create a pending session for the request and enqueue its run once the row is committed.
    Raises :class:`SessionRefused` past the owner's ``SESSION_LIMITS``.

    ``enqueue=False`` leaves the run to the caller (the ``run_session`` command runs it itself).
    """
    from generation.tasks import run_session

    session_limits_check(owner=owner, request=request)
    session = GenerationSession.objects.create(
        owner=owner,
        request=request.model_dump(mode="json"),
        tier_id=request.tier.value,
        syllabus_codes=request.codes(),
        topic=request.topic,
        command_word_id=request.command_word.value if request.command_word else None,
        marks=request.marks,
        count=request.count,
        calculator_policy_id=request.calculator_policy.value if request.calculator_policy else None,
        difficulty=request.difficulty,
        mode=request.mode.value,
        model=request.model,
        status_id=Status.PENDING,
        expected_steps=SESSION_STEPS + STEPS_PER_QUESTION * request.count,
    )
    session_id = str(session.pk)
    if enqueue:
        transaction.on_commit(lambda: run_session.enqueue(session_id))
    return session


@transaction.atomic
def session_cancel(*, session: GenerationSession) -> GenerationSession:
    """Ask a session to stop. A pending one stops at once; a running one at its next step."""
    locked = GenerationSession.objects.select_for_update().get(pk=session.pk)
    if locked.status_id in TERMINAL_STATUSES:
        raise SessionNotCancellable(f"The session has already {locked.status_id}.")
    locked.cancel_requested = True
    if locked.status_id == Status.PENDING:
        locked.status_id = Status.CANCELLED
        locked.finished_at = timezone.now()
        locked.error = "Cancelled before it started."
    locked.save()
    session_id = str(locked.pk)
    transaction.on_commit(lambda: live.publish_session(session_id))
    return locked


def session_begin(*, session_id: str, worker: str) -> GenerationSession | None:
    """Claim a session for a run: pending (or resumed) → running. None if it must not run
    (now: when its owner already has ``MAX_ACTIVE`` sessions running, it stays pending and is
    enqueued again ``RETRY_SECONDS`` later)."""
    from generation.tasks import run_session

    with transaction.atomic():
        session = GenerationSession.objects.select_for_update().get(pk=session_id)
        if session.status_id in TERMINAL_STATUSES:
            return None
        if session.cancel_requested:
            _finish(session, Status.CANCELLED, "Cancelled before it started.")
            return None
        if session.owner_id is not None:
            get_user_model().objects.select_for_update().filter(pk=session.owner_id).first()
        if session.status_id == Status.PENDING and _held_back(session):
            later = timezone.now() + timedelta(seconds=settings.SESSION_LIMITS["RETRY_SECONDS"])
            transaction.on_commit(lambda: run_session.using(run_after=later).enqueue(session_id))
            return None
        session.status_id = Status.RUNNING
        session.started_at = session.started_at or timezone.now()
        session.heartbeat_at = timezone.now()
        session.worker = worker[:120]
        session.attempts += 1
        session.save()
    live.publish_session(session_id)
    return session


def session_heartbeat(*, session_id: str) -> None:
    GenerationSession.objects.filter(pk=session_id, status_id=Status.RUNNING).update(
        heartbeat_at=timezone.now()
    )


def session_cancel_requested(*, session_id: str) -> bool:
    return GenerationSession.objects.filter(pk=session_id, cancel_requested=True).exists()


def step_record(
    *,
    session_id: str,
    agent: str,
    kind: str,
    message: str,
    started_at: datetime,
    finished_at: datetime | None = None,
    reasoning: str = "",
    data: dict[str, Any] | None = None,
    question_index: int | None = None,
    tokens_in: int = 0,
    tokens_out: int = 0,
    cost: float = 0.0,
    model: str = "",
    extra_expected: int = 0,
) -> GenerationStep:
    """Write one agent step in its own transaction (or the caller's), then publish it to the
    session's group."""
    finished_at = finished_at or timezone.now()
    duration_ms = max(0, int((finished_at - started_at).total_seconds() * 1000))
    with transaction.atomic():
        session = GenerationSession.objects.select_for_update().get(pk=session_id)
        last = session.steps.order_by("-sequence").values_list("sequence", flat=True).first()
        step = GenerationStep.objects.create(
            session=session,
            sequence=(last or 0) + 1,
            agent=agent,
            kind=kind,
            message=message[:2000],
            reasoning=reasoning[:20000],
            question_index=question_index,
            data=data or {},
            started_at=started_at,
            finished_at=finished_at,
            duration_ms=duration_ms,
            tokens_in=tokens_in,
            tokens_out=tokens_out,
            cost=Decimal(str(round(cost, 6))),
            model=model[:120],
        )
        timings = dict(session.agent_timings)
        timings[agent] = round(timings.get(agent, 0) + duration_ms / 1000, 3)
        GenerationSession.objects.filter(pk=session_id).update(
            agent_timings=timings,
            heartbeat_at=timezone.now(),
            tokens_in=F("tokens_in") + tokens_in,
            tokens_out=F("tokens_out") + tokens_out,
            cost=F("cost") + Decimal(str(round(cost, 6))),
            expected_steps=F("expected_steps") + extra_expected,
        )
    live.publish_step(step.pk)
    return step


@transaction.atomic
def session_record_result(*, session_id: str, index: int, result: dict[str, Any]) -> None:
    """Store one question's outcome (stored or rejected, with reasons) in the session."""
    session = GenerationSession.objects.select_for_update().get(pk=session_id)
    results = dict(session.results or {})
    outcomes = dict(results.get("questions", {}))
    outcomes[str(index)] = result
    results["questions"] = outcomes
    session.results = results
    session.questions_rejected = sum(1 for r in outcomes.values() if r.get("status") == "rejected")
    session.save(update_fields=["results", "questions_rejected", "updated_at"])


def _counts(session: GenerationSession) -> dict[str, int]:
    """Questions saved, approved and rejected so far in a session."""
    counts = session.questions.aggregate(
        made=Count("id"), approved=Count("id", filter=Q(review_state=ReviewState.APPROVED))
    )
    outcomes = (session.results or {}).get("questions", {})
    counts["rejected"] = sum(1 for r in outcomes.values() if r.get("status") == "rejected")
    return counts


def session_counts(*, session_id: str) -> dict[str, int]:
    """Questions saved, approved and rejected so far: ``{"made", "approved", "rejected"}``."""
    return _counts(GenerationSession.objects.get(pk=session_id))


def _finish(session: GenerationSession, status: str, error: str = "") -> None:
    counts = _counts(session)
    session.status_id = status
    session.error = error[:4000]
    session.finished_at = timezone.now()
    session.questions_made = counts["made"]
    session.questions_approved = counts["approved"]
    session.questions_rejected = counts["rejected"]
    session.save()


def session_finish(*, session_id: str, status: str, error: str = "") -> GenerationSession:
    """Put a session in a terminal state with its totals and reason, and publish it."""
    with transaction.atomic():
        session = GenerationSession.objects.select_for_update().get(pk=session_id)
        totals = session.steps.aggregate(
            tokens_in=Sum("tokens_in"), tokens_out=Sum("tokens_out"), cost=Sum("cost")
        )
        session.tokens_in = totals["tokens_in"] or 0
        session.tokens_out = totals["tokens_out"] or 0
        session.cost = totals["cost"] or Decimal(0)
        _finish(session, status, error)
    live.publish_session(session_id)
    return session


def _task_results_abandon(session_id: str, silent: float) -> int:
    """Mark the django-tasks-db rows of a dead worker's run of this session failed.

    A SIGKILLed worker never gets to record the end of its task, so its row would say
    "running" for ever; the watchdog, which knows that worker is gone, closes it. Returns the
    number of rows closed (0 with another task backend).
    """
    if "django_tasks_db" not in settings.TASKS["default"]["BACKEND"]:
        return 0
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING,
        task_path="generation.tasks.run_session",
        args_kwargs__args=[session_id],
    ).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path="generation.services.WorkerLost",
        traceback=f"The worker stopped responding ({silent:.0f} s without a heartbeat).",
    )


def session_recover_stale(*, stale_after: float | None = None) -> list[str]:
    """Find running sessions whose worker stopped sending heartbeats; resume or fail them.

    Returns the ids handled. Safe to call from any number of workers at once.
    """
    from generation.tasks import run_session

    stale_after = stale_after or settings.PIPELINE.get("HEARTBEAT_STALE_SECONDS", 30)
    cutoff = timezone.now() - timedelta(seconds=stale_after)
    handled = []
    candidates = GenerationSession.objects.filter(status_id=Status.RUNNING, heartbeat_at__lt=cutoff)
    for session_id in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            session = (
                GenerationSession.objects.select_for_update(skip_locked=True)
                .filter(pk=session_id, status_id=Status.RUNNING, heartbeat_at__lt=cutoff)
                .first()
            )
            if session is None:
                continue
            last_beat = session.heartbeat_at or session.started_at or timezone.now()
            silent = (timezone.now() - last_beat).total_seconds()
            if session.attempts >= MAX_RUN_ATTEMPTS:
                _finish(
                    session,
                    Status.FAILED,
                    f"The worker running this session stopped responding ({silent:.0f} s without "
                    f"a heartbeat) and it had already been resumed once.",
                )
                message = "Worker stopped; session failed."
            else:
                session.status_id = Status.PENDING
                session.heartbeat_at = timezone.now()
                session.save()
                sid = str(session.pk)
                transaction.on_commit(lambda sid=sid: run_session.enqueue(sid))  # type: ignore[misc]
                message = (
                    f"The worker stopped responding ({silent:.0f} s without a heartbeat); "
                    "resuming on another worker."
                )
            _task_results_abandon(str(session_id), silent)
            handled.append(str(session_id))
            # In the same transaction: no one sees the session failed or resumed without
            # the step that says why.
            step_record(
                session_id=str(session_id),
                agent="orchestrator",
                kind="recovered",
                message=message,
                started_at=timezone.now(),
            )
        live.publish_session(str(session_id))
    return handled
