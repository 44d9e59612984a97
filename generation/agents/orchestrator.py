"""The orchestrator: generate → mark → review → (refine → review)* → store, per question,
bounded by refinement and regeneration limits and a whole-session deadline.

Every agent call becomes a ``generation_steps`` row (written and published by
``generation.services.step_record``). Approved and manual-review questions go into the bank
with their review; rejected ones stay in the session's results with their reasons.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.utils import timezone

from generation import selectors, services
from generation.agents import generator, marker, refiner, reviewer
from generation.agents.schemas import Decision, GeneratorResult, QuestionSpec, Review, Usage
from generation.engine import base
from generation.faults import pause_point
from generation.models import GenerationSession, Status
from generation.schemas import GenerationRequest, Mode
from questions import services as question_services
from questions.models import ReviewState
from questions.schemas import Question

logger = logging.getLogger(__name__)
T = TypeVar("T")


class Cancelled(Exception):
    pass


class DeadlineExceeded(Exception):
    pass


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def build_specs(session: GenerationSession) -> list[QuestionSpec]:
    """One spec per question asked for, cycling through the requested codes."""
    request = GenerationRequest.model_validate(session.request)
    codes = request.codes()
    if request.topic and not request.syllabus_codes:
        # A whole topic: cycle through its codes that a template covers (all, if none is).
        covered = [c for c in codes if base.templates_for(code=c, tier=request.tier)]
        codes = covered or codes
    base_seed = request.seed if request.seed is not None else int(session.pk.int % 1_000_000_007)
    specs = []
    for index in range(request.count):
        specs.append(
            QuestionSpec(
                index=index,
                tier=request.tier,
                codes=[codes[index % len(codes)]]
                if request.topic and not request.syllabus_codes
                else codes,
                command_word=request.command_word,
                marks=request.marks,
                calculator_policy=request.calculator_policy,
                difficulty=request.difficulty,
                seed=base_seed + 1009 * index,
                mode=request.mode,
                model=request.model,
                template=request.template,
            )
        )
    return specs


@dataclass
class _Outcome:
    status: str  # "stored" | "rejected"
    question_id: str | None
    decision: str
    score: float | None
    reasons: list[str]
    template: str = ""


class SessionRun:
    def __init__(self, session: GenerationSession) -> None:
        self.session = session
        self.session_id = str(session.pk)
        self.deadline = time.monotonic() + settings.PIPELINE["SESSION_DEADLINE_SECONDS"]
        self.max_refinements = settings.PIPELINE["MAX_REFINEMENTS"]
        self.max_regenerations = settings.PIPELINE["MAX_REGENERATIONS"]
        self._variant_keys_lock = threading.Lock()
        self.session_variant_keys: set[str] = set()

    # -- the step wrapper -------------------------------------------------------------
    def _guard(self) -> None:
        if services.session_cancel_requested(session_id=self.session_id):
            raise Cancelled()
        if time.monotonic() > self.deadline:
            raise DeadlineExceeded()

    def step(
        self,
        agent: str,
        kind: str,
        call: Callable[[], T],
        describe: Callable[[T], tuple[str, str, dict[str, Any]]],
        *,
        index: int | None,
        usage: Callable[[T], Usage] | None = None,
        extra_expected: int = 0,
    ) -> T:
        """Run one agent call and record it as a step (message, reasoning, data, timings)."""
        self._guard()
        started = timezone.now()
        result = call()
        message, reasoning, data = describe(result)
        spent = usage(result) if usage else Usage()
        services.step_record(
            session_id=self.session_id,
            agent=agent,
            kind=kind,
            message=message,
            reasoning=reasoning,
            data=data,
            started_at=started,
            question_index=index,
            tokens_in=spent.tokens_in,
            tokens_out=spent.tokens_out,
            cost=spent.cost,
            model=spent.model,
            extra_expected=extra_expected,
        )
        return result

    def _paused(
        self, stage: str, at: QuestionSpec, call: Callable[..., T], *args: Any, **kwargs: Any
    ) -> T:
        """``call(*args, **kwargs)``, after the fault tests' pause point for ``stage``."""
        pause_point(stage, session_id=self.session_id, index=at.index)
        return call(*args, **kwargs)

    # -- one question -----------------------------------------------------------------
    def _taken(self, variant_key: str) -> bool:
        """Whether this session or the bank already holds the variant (the generator passes
        it over; the reviewer would send it back)."""
        with self._variant_keys_lock:
            if variant_key in self.session_variant_keys:
                return True
        return bool(selectors.bank_variant_keys([variant_key]))

    def _generate(self, spec: QuestionSpec, attempt: int, *, extra: int = 0) -> GeneratorResult:
        def describe(r: GeneratorResult) -> tuple[str, str, dict[str, Any]]:
            q = r.question
            message = (
                f"Question {spec.index + 1}: wrote “{q.title}” ({q.total_marks} marks, "
                f"{', '.join(q.syllabus_codes)}) in {r.mode_used.value} mode"
            )
            reasoning = "\n".join(
                [
                    f"Template: {r.template}" if r.template else "Written by a language model",
                    f"Variant: {q.variant.key}",
                    *r.notes,
                ]
            )
            data = {
                "template": r.template,
                "mode": r.mode_used.value,
                "unmet": r.unmet,
                "notes": r.notes,
                "question": q.model_dump(mode="json"),
            }
            return message, reasoning, data

        return self.step(
            "generator",
            "generated",
            lambda: self._paused(
                "generating", spec, generator.generate, spec, attempt=attempt, taken=self._taken
            ),
            describe,
            index=spec.index,
            usage=lambda r: r.usage,
            extra_expected=extra,
        )

    def _mark(self, spec: QuestionSpec, question: Question, *, extra: int = 0) -> Question:
        def describe(r: Any) -> tuple[str, str, dict[str, Any]]:
            lines = len(r.question.mark_scheme)
            message = f"Question {spec.index + 1}: mark scheme checked ({lines} lines)"
            if r.changes:
                message += f", {len(r.changes)} change(s)"
            reasoning = (
                "\n".join(r.changes)
                or "Already in Cambridge form: types, counts, qualifiers and order are right."
            )
            return (
                message,
                reasoning,
                {
                    "changes": r.changes,
                    "mark_scheme": [m.model_dump(mode="json") for m in r.question.mark_scheme],
                },
            )

        result = self.step(
            "marker",
            "marked",
            lambda: self._paused("marking", spec, marker.mark, question, spec=spec),
            describe,
            index=spec.index,
            usage=lambda r: r.usage,
            extra_expected=extra,
        )
        return result.question

    def _review(
        self, spec: QuestionSpec, question: Question, unmet: list[str], *, extra: int = 0
    ) -> Review:
        def run() -> Review:
            with self._variant_keys_lock:
                known = set(self.session_variant_keys)
            known |= selectors.bank_variant_keys([question.variant.key])
            nearby = selectors.bank_nearby_texts(question)
            return reviewer.review(
                question, spec, unmet=unmet, known_variant_keys=known, nearby_texts=nearby
            )

        def describe(r: Review) -> tuple[str, str, dict[str, Any]]:
            scores = ", ".join(f"{k.replace('_', ' ')} {v:.2f}" for k, v in r.scores.items())
            message = f"Question {spec.index + 1}: score {r.score:.2f} → {r.decision.value.replace('_', ' ')}"
            reasoning = (
                f"Scores: {scores}\n"
                + "\n".join(r.reason_list())
                + (f"\nVerifier: {r.verification.summary()}")
            )
            return message, reasoning, r.model_dump(mode="json")

        return self.step(
            "reviewer",
            "reviewed",
            run,
            describe,
            index=spec.index,
            usage=lambda r: r.usage,
            extra_expected=extra,
        )

    def _refine(
        self, spec: QuestionSpec, question: Question, review: Review, attempt: int
    ) -> Question:
        def describe(r: Any) -> tuple[str, str, dict[str, Any]]:
            message = f"Question {spec.index + 1}: refined ({len(r.changes)} change(s))"
            return (
                message,
                "\n".join(r.changes),
                {"changes": r.changes, "question": r.question.model_dump(mode="json")},
            )

        result = self.step(
            "refiner",
            "refined",
            lambda: refiner.refine(question, review, spec, attempt=attempt),
            describe,
            index=spec.index,
            usage=lambda r: r.usage,
            extra_expected=2,
        )
        return result.question

    def _store(
        self, spec: QuestionSpec, question: Question, review: Review, template: str
    ) -> _Outcome:
        if not review.verification.passed:  # belt and braces: the reviewer's cap already ensures it
            raise AssertionError("refusing to store a question that failed verification")
        state = (
            ReviewState.APPROVED
            if review.decision == Decision.APPROVE
            else ReviewState.NEEDS_REVIEW
        )

        def run() -> Any:
            # The question and the session's record of it commit together, so a worker that dies
            # between them cannot leave a stored question that a resumed run would make again.
            with transaction.atomic():
                row = question_services.question_create(
                    content=question,
                    origin="generated",
                    owner=self.session.owner,
                    session=self.session,
                    verification=review.verification,
                    review=review.model_dump(mode="json"),
                    quality_score=review.score,
                    review_state=state,
                )
                outcome = _Outcome(
                    "stored",
                    str(row.pk),
                    review.decision.value,
                    review.score,
                    review.reason_list(),
                    template,
                )
                services.session_record_result(
                    session_id=self.session_id, index=spec.index, result=outcome.__dict__
                )
                pause_point("storing", session_id=self.session_id, index=spec.index)  # uncommitted
            return row

        def describe(row: Any) -> tuple[str, str, dict[str, Any]]:
            words = "approved" if state == ReviewState.APPROVED else "needs a teacher's review"
            return (
                f"Question {spec.index + 1}: saved to the bank ({words})",
                f"Quality score {review.score:.2f}",
                {"question_id": str(row.pk), "review_state": state.value},
            )

        row = self.step("orchestrator", "stored", run, describe, index=spec.index)
        with self._variant_keys_lock:
            self.session_variant_keys.add(question.variant.key)
        return _Outcome(
            "stored",
            str(row.pk),
            review.decision.value,
            review.score,
            review.reason_list(),
            template,
        )

    def _reject(
        self, spec: QuestionSpec, reasons: list[str], review: Review | None, template: str
    ) -> _Outcome:
        outcome = _Outcome(
            "rejected",
            None,
            review.decision.value if review else "reject",
            review.score if review else None,
            reasons,
            template,
        )

        def record() -> None:
            services.session_record_result(
                session_id=self.session_id, index=spec.index, result=outcome.__dict__
            )

        def describe(_: None) -> tuple[str, str, dict[str, Any]]:
            return (
                f"Question {spec.index + 1}: rejected — {reasons[0] if reasons else 'no reason given'}",
                "\n".join(reasons),
                {"reasons": reasons, "review": review.model_dump(mode="json") if review else None},
            )

        self.step("orchestrator", "rejected", record, describe, index=spec.index)
        return outcome

    def run_question(self, spec: QuestionSpec) -> _Outcome:
        attempt = 0
        regenerations = refinements = 0
        try:
            generated = self._generate(spec, attempt)
        except generator.NoTemplate as exc:
            return self._reject(spec, [str(exc)], None, "")
        question = self._mark(spec, generated.question)
        review = self._review(spec, question, generated.unmet)
        while True:
            if (
                review.decision in (Decision.APPROVE, Decision.MANUAL_REVIEW)
                and review.verification.passed
            ):
                return self._store(spec, question, review, generated.template)
            if review.decision == Decision.REFINE and refinements < self.max_refinements:
                refinements += 1
                question = self._refine(spec, question, review, refinements)
                review = self._review(
                    spec,
                    question,
                    [] if question.variant.source != generated.template else generated.unmet,
                )
                continue
            if (
                review.decision in (Decision.REFINE, Decision.REGENERATE)
                and regenerations < self.max_regenerations
            ):
                regenerations += 1
                attempt += 1
                try:
                    generated = self._generate(spec, attempt, extra=3)
                except generator.NoTemplate as exc:
                    return self._reject(spec, [str(exc)], review, "")
                question = self._mark(spec, generated.question)
                review = self._review(spec, question, generated.unmet)
                continue
            reasons = review.reason_list() or [f"score {review.score:.2f} is below the bar"]
            if review.decision in (Decision.REFINE, Decision.REGENERATE):
                reasons.insert(
                    0,
                    f"still {review.decision.value} after {refinements} refinement(s) and {regenerations} regeneration(s)",
                )
            return self._reject(spec, reasons, review, generated.template)

    def _run_and_record(self, spec: QuestionSpec) -> None:
        self.run_question(spec)  # each outcome is recorded as it is decided

    def _run_in_thread(self, spec: QuestionSpec) -> None:
        try:
            self._run_and_record(spec)
        finally:
            connection.close()

    # -- the session ------------------------------------------------------------------
    def run(self) -> None:
        specs = build_specs(self.session)
        done = set((self.session.results or {}).get("questions", {}))
        todo = [s for s in specs if str(s.index) not in done]
        started = timezone.now()
        resumed = f" (resuming: {len(done)} of {len(specs)} already done)" if done else ""
        services.step_record(
            session_id=self.session_id,
            agent="orchestrator",
            kind="started",
            message=f"Started: {len(specs)} question(s), {self.session.mode} mode{resumed}",
            reasoning=f"Worker {worker_name()}",
            started_at=started,
        )
        self.session_variant_keys |= selectors.session_variant_keys(self.session_id)
        parallel = self.session.mode != Mode.OFFLINE and len(todo) > 1
        if parallel:
            workers = min(len(todo), int(settings.PIPELINE["CONCURRENCY"]))
            with ThreadPoolExecutor(max_workers=workers) as pool:
                for future in [pool.submit(self._run_in_thread, s) for s in todo]:
                    future.result()
        else:
            for spec in todo:
                self._run_and_record(spec)


class _Heartbeat(threading.Thread):
    def __init__(self, session_id: str) -> None:
        super().__init__(daemon=True, name=f"heartbeat-{session_id}")
        self.session_id = session_id
        self.stopped = threading.Event()

    def run(self) -> None:
        interval = settings.PIPELINE["HEARTBEAT_SECONDS"]
        try:
            while not self.stopped.wait(interval):
                try:
                    services.session_heartbeat(session_id=self.session_id)
                except (OperationalError, InterfaceError):  # the database restarting: beat on
                    connection.close()
        finally:
            connection.close()


def run_session(session_id: str) -> str:
    """Run a session to a terminal state; returns that state. Never leaves it running."""
    session = services.session_begin(session_id=session_id, worker=worker_name())
    if session is None:
        return str(GenerationSession.objects.get(pk=session_id).status_id)
    heartbeat = _Heartbeat(session_id)
    heartbeat.start()
    status, error = Status.COMPLETED, ""
    try:
        SessionRun(session).run()
        outcomes = selectors.session_outcomes(session_id)
        stored = [o for o in outcomes if o.get("status") == "stored"]
        if not stored:
            status = Status.FAILED
            reasons = [
                f"question {i + 1}: {o['reasons'][0]}"
                for i, o in enumerate(outcomes)
                if o.get("reasons")
            ]
            error = "No question passed review. " + "; ".join(reasons[:5])
    except Cancelled:
        status, error = Status.CANCELLED, "Cancelled by the teacher."
    except DeadlineExceeded:
        status = Status.FAILED
        error = (
            f"The session ran past its {settings.PIPELINE['SESSION_DEADLINE_SECONDS']} s deadline."
        )
    except Exception as exc:  # any failure ends the session in a terminal state that says why
        logger.exception("session %s failed", session_id)
        status, error = Status.FAILED, f"{type(exc).__name__}: {exc}"
        if isinstance(exc, (OperationalError, InterfaceError)):
            # The connection died with the database (a restart): record the failure on a new one.
            connection.close()
            error = f"The database connection was lost mid-run ({' '.join(str(exc).split())})."
        services.step_record(
            session_id=session_id,
            agent="orchestrator",
            kind="error",
            message=f"Failed: {error}",
            reasoning=traceback.format_exc(limit=8),
            started_at=timezone.now(),
        )
    finally:
        heartbeat.stopped.set()
        heartbeat.join(timeout=5)
    # The last step is written before the session turns terminal, so the status change (which
    # every change feed hears) also carries the pages to the last step.
    counts = services.session_counts(session_id=session_id)
    services.step_record(
        session_id=session_id,
        agent="orchestrator",
        kind="finished",
        message=_finished_message(status, error, counts),
        started_at=timezone.now(),
    )
    services.session_finish(session_id=session_id, status=status, error=error)
    return status


def _finished_message(status: str, error: str, counts: dict[str, int]) -> str:
    if status == Status.COMPLETED:
        return (
            f"Finished: {counts['made']} saved ({counts['approved']} approved), "
            f"{counts['rejected']} rejected"
        )
    return f"{str(status).capitalize()}: {error}"
