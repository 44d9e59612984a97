"""Live traffic: the one module that names channel-layer groups and event types, renders the
fragments that are pushed, and publishes them.

The database holds the truth; a push only carries freshly rendered HTML of rows plus the
sequence number it describes, so a consumer can drop repeats and fetch anything it missed.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.template.loader import render_to_string
from django.utils.html import escape

logger = logging.getLogger(__name__)

# Event types (channel-layer "type" → consumer handler name with "." → "_").
STEP_FRAGMENT = "step.fragment"
SESSION_FRAGMENT = "session.fragment"
QUESTION_CHANGED = "question.changed"
SESSION_CHANGED = "session.changed"

BANK_GROUP = "bank"
SESSION_TEMPLATE = "generation/session_detail.html"
BANK_CARD_TEMPLATE = "questions/question_list.html#question-card"
# A card pushed to a bank page carries this class; static/js/app.js highlights it once.
LIVE_CHANGED_CLASS = "live-changed"


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


# -- the bank: a question's card and flat columns, rendered once per change for every page ---
_ROOT_TAG = re.compile(r"\s*<([a-zA-Z][\w-]*)([^>]*)>")
_CLASS_ATTR = re.compile(r'(?<![\w-])class="')


def _with_root(html: str, *, css_class: str = "", attrs: str = "") -> str:
    """``html`` with a class and/or attributes added to its root element's start tag."""
    match = _ROOT_TAG.match(html)
    if match is None:
        return html
    tag, tag_attrs = match.groups()
    if css_class:
        tag_attrs, found = _CLASS_ATTR.subn(f'class="{css_class} ', tag_attrs, count=1)
        if not found:
            tag_attrs += f' class="{css_class}"'
    if attrs:
        tag_attrs = f" {attrs}{tag_attrs}"
    return f"<{tag}{tag_attrs}>{html[match.end() :]}"


def question_attrs(question: Any) -> dict[str, Any]:
    """The flat columns a bank page decides on: its filters, and who may see the question."""
    return {
        "tier": question.tier_id,
        "topic": question.topic,
        "syllabus_codes": list(question.syllabus_codes),
        "command_words": list(question.command_words),
        "marks": question.marks,
        "calculator_policy": question.calculator_policy_id,
        "difficulty": question.difficulty,
        "review_state": question.review_state,
        "origin": question.origin_id,
        "quality_score": question.quality_score,
        "owner_id": question.owner_id,
    }


def render_bank_card(question: Any) -> str:
    """A question's bank card (the ``question-card`` partial), marked to be highlighted."""
    html = render_to_string(BANK_CARD_TEMPLATE, {"question": question})
    return _with_root(html, css_class=LIVE_CHANGED_CLASS)


def bank_card_replace(card_html: str) -> str:
    """Out-of-band: the card replaces the one with its id on the page."""
    return _with_root(card_html, attrs='hx-swap-oob="true"')


def bank_card_prepend(card_html: str) -> str:
    """Out-of-band: the card goes first in the page's list of cards."""
    return f'<div hx-swap-oob="afterbegin:#bank-cards">{card_html}</div>'


def bank_card_remove(question_id: Any) -> str:
    """Out-of-band: the card with this question's id leaves the page."""
    return f'<article id="question-{escape(str(question_id))}" hx-swap-oob="delete"></article>'


def question_change_event(*, question_id: Any, operation: str) -> dict[str, Any]:
    """The ``question.changed`` event: the row loaded and its card rendered once, here, for
    every bank page (``html`` is empty and ``attrs`` None when the row is gone)."""
    from questions.models import Question

    question = None
    if operation != "DELETE":
        question = Question.objects.filter(pk=question_id).first()
    return {
        "type": QUESTION_CHANGED,
        "id": str(question_id),
        "op": operation,
        "html": render_bank_card(question) if question is not None else "",
        "attrs": question_attrs(question) if question is not None else None,
    }


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
    """Tell every bank page that a question was inserted, updated or deleted (by anyone), with
    its card and the columns each page filters on (see :func:`question_change_event`)."""
    _send(BANK_GROUP, question_change_event(question_id=question_id, operation=operation))


def publish_session_change(*, session_id: str, operation: str) -> None:
    """Tell a session's watchers that its row changed in the database (by anyone)."""
    _send(
        session_group(session_id), {"type": SESSION_CHANGED, "id": str(session_id), "op": operation}
    )
