"""Live traffic: the one module that names channel-layer groups and event types, renders the
fragments that are pushed, and publishes them.

The database holds the truth; a push only carries freshly rendered HTML of rows plus the
sequence number it describes, so a consumer can drop repeats and fetch anything it missed.
"""

from __future__ import annotations

import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# Event types (channel-layer "type" → consumer handler name with "." → "_").
STEP_FRAGMENT = "step.fragment"
SESSION_FRAGMENT = "session.fragment"
QUESTION_CHANGED = "question.changed"
SESSION_CHANGED = "session.changed"

BANK_GROUP = "bank"
SESSION_TEMPLATE = "generation/session_detail.html"


def session_group(session_id: Any) -> str:
    return f"session-{session_id}"


def owner_group(user_id: Any) -> str:
    return f"owner-{user_id}"


def _send(group: str, event: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, event)
    except Exception:  # a push is only a notification: never fail a write because of it
        logger.exception("could not publish %s to %s", event.get("type"), group)


# -- rendering (shared by the publishers and by consumers catching up) -----------------------
def session_context(session: Any) -> dict[str, Any]:
    from generation import selectors

    steps = list(selectors.session_steps(session_id=session.pk))
    return {
        "session": session,
        "steps": steps,
        "questions": list(selectors.session_questions(session_id=session.pk)),
        "outcomes": selectors.session_outcomes(session.pk),
    }


def render_session_header(session: Any) -> str:
    """The status badge, progress bar, timings and totals, as an out-of-band swap."""
    return render_to_string(f"{SESSION_TEMPLATE}#session-header", {"session": session, "oob": True})


def render_step_event(step: Any, session: Any) -> str:
    """One step for the timeline (+ the question card when the step stored a question)."""
    html = [
        render_to_string(f"{SESSION_TEMPLATE}#step-append", {"step": step, "session": session}),
        render_session_header(session),
    ]
    question_id = (step.data or {}).get("question_id") if step.kind == "stored" else None
    if question_id:
        from questions.models import Question

        question = Question.objects.filter(pk=question_id).first()
        if question is not None:
            html.append(
                render_to_string(f"{SESSION_TEMPLATE}#question-append", {"question": question})
            )
    return "".join(html)


def render_session_state(session: Any) -> str:
    """The whole current state of a session page's live regions (sent on connect)."""
    return render_to_string(
        f"{SESSION_TEMPLATE}#live-regions", {**session_context(session), "oob": True}
    )


# -- publishers ------------------------------------------------------------------------------
def publish_step(step_id: int) -> None:
    """Push a new step (and the session header it changed) to the session's watchers."""
    from generation.models import GenerationStep

    step = GenerationStep.objects.select_related("session", "session__status").get(pk=step_id)
    _send(
        session_group(step.session_id),
        {
            "type": STEP_FRAGMENT,
            "sequence": step.sequence,
            "html": render_step_event(step, step.session),
        },
    )


def publish_session(session_id: Any) -> None:
    """Push a session's header (status, progress, totals) to its watchers."""
    from generation.models import GenerationSession

    session = GenerationSession.objects.select_related("status").get(pk=session_id)
    _send(
        session_group(session_id),
        {"type": SESSION_FRAGMENT, "html": render_session_header(session)},
    )


def publish_question_change(*, question_id: str, operation: str) -> None:
    """Tell every bank page that a question was inserted, updated or deleted (by anyone)."""
    _send(BANK_GROUP, {"type": QUESTION_CHANGED, "id": str(question_id), "op": operation})


def publish_session_change(*, session_id: str, operation: str) -> None:
    """Tell a session's watchers that its row changed in the database (by anyone)."""
    _send(
        session_group(session_id), {"type": SESSION_CHANGED, "id": str(session_id), "op": operation}
    )
