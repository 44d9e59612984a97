"""Background jobs on papers (fill to a blueprint, make versions, print): start, run, report
progress, finish, recover.

A job is a row: its progress and log are written as the work goes, each write committed at
once, so any page watching the paper sees it live (the row's NOTIFY trigger → the change feed
→ the paper's group) and a reload shows the same. A job always ends in a terminal state that
says why; one whose worker died is run again once, then failed.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from papers.models import JobKind, Paper, PaperJob

if TYPE_CHECKING:
    from papers.blueprints import Blueprint

logger = logging.getLogger(__name__)

MAX_RUN_ATTEMPTS = 2
LOG_LIMIT = 400  # entries kept in a job's log


class JobRefused(ValueError):
    """A job that may not start now (another is running); the message says why."""


class JobCancelled(Exception):
    pass


@transaction.atomic
def job_start(
    *,
    paper: Paper,
    owner: Any,
    kind: JobKind | str,
    params: dict[str, Any] | None = None,
    total: int = 0,
    enqueue: bool = True,
) -> PaperJob:
    """Create a pending job and enqueue it once committed; refused while the paper has one
    that has not finished."""
    from papers.tasks import run_paper_job

    locked = Paper.objects.select_for_update().get(pk=paper.pk)
    active = locked.jobs.exclude(status__in=("completed", "failed", "cancelled")).first()
    if active is not None:
        raise JobRefused(
            f"“{active.get_kind_display()}” is still running on this paper; wait for it to "
            "finish (or cancel it)."
        )
    job = PaperJob.objects.create(
        paper=locked,
        owner=owner,
        kind=JobKind(kind).value,
        params=params or {},
        total=total,
        log=[_entry("Waiting for a worker…")],
    )
    job_id = str(job.pk)
    if enqueue:
        transaction.on_commit(lambda: run_paper_job.enqueue(job_id))
    return job


@transaction.atomic
def fill_start(
    *,
    owner: Any,
    blueprint: Blueprint,
    page_size: str | None = None,
    enqueue: bool = True,
) -> tuple[Paper, PaperJob]:
    """A new paper set out as ``blueprint`` says, and the pending job that fills it."""
    from papers import services

    blueprint_json = blueprint.model_dump(mode="json")
    paper = services.paper_create(
        owner=owner,
        title=blueprint.title,
        kind=blueprint.kind,
        tier=blueprint.tier,
        calculator_policy=blueprint.calculator_policy,
        time_allowed_minutes=blueprint.time_allowed_minutes,
        blueprint=blueprint_json,
        **({"page_size": page_size} if page_size else {}),
    )
    job = job_start(
        paper=paper,
        owner=owner,
        kind=JobKind.FILL,
        params={"blueprint": blueprint_json},
        enqueue=enqueue,
    )
    return paper, job


def _entry(message: str, level: str = "info") -> dict[str, str]:
    return {"at": timezone.now().isoformat(), "message": message[:1000], "level": level}


def job_log(
    job: PaperJob,
    message: str,
    *,
    level: str = "info",
    done: int | None = None,
    total: int | None = None,
) -> None:
    """Append to the job's log (and move its progress), committed at once; raises
    :class:`JobCancelled` when the teacher has asked it to stop."""
    with transaction.atomic():
        locked = PaperJob.objects.select_for_update().get(pk=job.pk)
        locked.log = [*locked.log, _entry(message, level)][-LOG_LIMIT:]
        if done is not None:
            locked.done = done
        if total is not None:
            locked.total = total
        locked.heartbeat_at = timezone.now()
        locked.save(update_fields=["log", "done", "total", "heartbeat_at", "updated_at"])
    job.log, job.done, job.total = locked.log, locked.done, locked.total
    if locked.cancel_requested:
        raise JobCancelled()


@transaction.atomic
def job_cancel(*, job: PaperJob) -> PaperJob:
    locked = PaperJob.objects.select_for_update().get(pk=job.pk)
    if locked.is_terminal:
        return locked
    locked.cancel_requested = True
    if locked.status_id == "pending":
        _finish(locked, "cancelled", "Cancelled before it started.")
    else:
        locked.save(update_fields=["cancel_requested", "updated_at"])
    return locked


def _finish(job: PaperJob, status: str, error: str = "") -> None:
    job.status_id = status
    job.error = error[:4000]
    job.finished_at = timezone.now()
    message = {"completed": "Done.", "cancelled": "Cancelled."}.get(status, f"Failed: {error}")
    job.log = [*job.log, _entry(message, "error" if status == "failed" else "info")][-LOG_LIMIT:]
    job.save()


def job_begin(*, job_id: str, worker: str) -> PaperJob | None:
    """Claim a pending job for a run; None when it must not run (finished or cancelled)."""
    with transaction.atomic():
        job = PaperJob.objects.select_for_update().get(pk=job_id)
        if job.is_terminal:
            return None
        if job.cancel_requested:
            _finish(job, "cancelled", "Cancelled before it started.")
            return None
        job.status_id = "running"
        job.started_at = job.started_at or timezone.now()
        job.heartbeat_at = timezone.now()
        job.worker = worker[:120]
        job.attempts += 1
        job.log = [
            *job.log,
            _entry(
                f"Started on worker {worker}"
                + (f" (attempt {job.attempts})" if job.attempts > 1 else "")
            ),
        ]
        job.save()
        return job


def _runner(kind: str) -> Callable[[PaperJob], None]:
    from papers import filling, printing, variants

    return {
        JobKind.FILL: filling.run_fill,
        JobKind.VARIANTS: variants.run_variants,
        JobKind.PRINT: printing.run_print,
    }[JobKind(kind)]


class _Heartbeat(threading.Thread):
    """Beats for a running job between its log lines (one PDF of a long paper may take a
    while), so the watchdog does not take it for dead."""

    def __init__(self, job_id: str) -> None:
        super().__init__(daemon=True, name=f"paper-job-heartbeat-{job_id}")
        self.job_id = job_id
        self.stopped = threading.Event()

    def run(self) -> None:
        try:
            while not self.stopped.wait(settings.PIPELINE["HEARTBEAT_SECONDS"]):
                PaperJob.objects.filter(pk=self.job_id, status_id="running").update(
                    heartbeat_at=timezone.now()
                )
        finally:
            connection.close()


def job_run(job_id: str) -> str:
    """Run a job to a terminal state; returns that state. Never leaves it running."""
    from generation.agents.orchestrator import worker_name

    job = job_begin(job_id=job_id, worker=worker_name())
    if job is None:
        return str(PaperJob.objects.get(pk=job_id).status_id)
    status, error = "completed", ""
    heartbeat = _Heartbeat(job_id)
    heartbeat.start()
    try:
        _runner(job.kind)(job)
    except JobCancelled:
        status, error = "cancelled", "Cancelled by the teacher."
    except Exception as exc:  # every failure ends the job in a terminal state that says why
        logger.exception("paper job %s failed", job_id)
        status, error = "failed", _reason(exc)
        logger.debug("%s", traceback.format_exc())
    finally:
        heartbeat.stopped.set()
        heartbeat.join(timeout=5)
    with transaction.atomic():
        locked = PaperJob.objects.select_for_update().get(pk=job_id)
        _finish(locked, status, error)
    return status


def _reason(exc: Exception) -> str:
    from papers.blueprints import BlueprintImpossible
    from papers.making import CannotMake
    from papers.services import PaperError

    if isinstance(exc, (BlueprintImpossible, CannotMake, PaperError)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def job_recover_stale(*, stale_after: float | None = None) -> list[str]:
    """Jobs left running by a worker that died: run again once, then failed. Returns the ids."""
    from papers.tasks import run_paper_job

    stale_after = stale_after or settings.PIPELINE.get("HEARTBEAT_STALE_SECONDS", 30)
    cutoff = timezone.now() - timedelta(seconds=stale_after)
    handled = []
    for job_id in PaperJob.objects.filter(status_id="running", heartbeat_at__lt=cutoff).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            job = (
                PaperJob.objects.select_for_update(skip_locked=True)
                .filter(pk=job_id, status_id="running", heartbeat_at__lt=cutoff)
                .first()
            )
            if job is None:
                continue
            if job.attempts >= MAX_RUN_ATTEMPTS:
                _finish(
                    job,
                    "failed",
                    "The worker doing this stopped responding, twice. Start it again.",
                )
            else:
                job.status_id = "pending"
                job.heartbeat_at = timezone.now()
                job.log = [
                    *job.log,
                    _entry("The worker stopped responding; starting again on another.", "warning"),
                ]
                job.save()
                jid = str(job.pk)
                transaction.on_commit(lambda jid=jid: run_paper_job.enqueue(jid))  # type: ignore[misc]
            handled.append(str(job_id))
    return handled
