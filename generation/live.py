"""Live traffic: the one module that names channel-layer groups and event types, renders the
fragments that are pushed, and publishes them.

The database holds the truth; a push only carries freshly rendered HTML of rows plus the
sequence number it describes, so a consumer can drop repeats and fetch anything it missed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Callable
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils.html import escape

logger = logging.getLogger(__name__)

# Event types (channel-layer "type" → consumer handler name with "." → "_").
STEP_FRAGMENT = "step.fragment"
SESSION_FRAGMENT = "session.fragment"
QUESTION_CHANGED = "question.changed"
SESSION_CHANGED = "session.changed"
PAPER_CHANGED = "paper.changed"

BANK_GROUP = "bank"
SESSION_TEMPLATE = "generation/session_detail.html"
BANK_CARD_TEMPLATE = "questions/question_list.html#question-card"
# A card pushed to a bank page carries this class; static/js/app.js highlights it once.
LIVE_CHANGED_CLASS = "live-changed"


def session_group(session_id: Any) -> str:
    return f"session-{session_id}"


def paper_group(paper_id: Any) -> str:
    return f"paper-{paper_id}"


def _heard(group: str) -> bool:
    """Whether a push to ``group`` can reach anyone, so that it is worth loading and rendering.

    Always with a shared (Redis) layer. The in-memory layer reaches only this process, so only
    when a consumer here is in the group: a worker's pushes then reach no page (the pages hear
    of its writes through the change feed) and rendering them would be time lost to the run.
    """
    layer = get_channel_layer()
    if layer is None:
        return False
    if isinstance(layer, InMemoryChannelLayer):
        return bool(layer.groups.get(group))
    return True


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


def render_session_state(session: Any) -> tuple[str, int]:
    """The whole current state of a session page's live regions (sent on connect), and the
    sequence number of the last step in it."""
    context = session_context(session)
    last = context["steps"][-1].sequence if context["steps"] else 0
    return render_to_string(f"{SESSION_TEMPLATE}#live-regions", {**context, "oob": True}), last


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


def warm_up() -> None:
    """Load what the first render of a pushed fragment would otherwise load on the spot.

    The cards' ``{% url %}`` tags load the URLconf, which imports every view and through them
    the engine (SymPy): seconds, which a server that has only served websockets so far would
    spend on the first change it forwards. The forwarders call this when they start.
    """
    reverse("questions:bank")
    for name in (BANK_CARD_TEMPLATE, SESSION_TEMPLATE):
        get_template(name)
    from questions.rendering import render_maths

    render_maths("$x^2$")


# -- fan-out inside one process -----------------------------------------------------------------
Deliver = Callable[[dict[str, Any]], None]


class GroupFanout:
    """One channel-layer member for a group that many consumers of this process watch.

    Every bank page would otherwise be a member of the bank group itself, and each change would
    become one channel-layer message per page: with the in-memory layer each of those receives
    scans every channel and group member (quadratic in the pages open), with Redis each is a
    round trip of its own, and each dispatch hops to the database thread to close old
    connections. Here the group has one member per process and event loop; each event is
    received once and handed to every local consumer (``deliver`` puts it in the consumer's
    inbox, which the consumer reads in its own loop), in the order events arrive.
    """

    RENEW_SECONDS = 3600.0  # group memberships expire (after a day, by default): renew them

    def __init__(self, group: str, layer: Any, loop: asyncio.AbstractEventLoop) -> None:
        self.group = group
        self.layer = layer
        self.loop = loop
        self.members: dict[object, Deliver] = {}
        self.channel = ""
        self.task: asyncio.Task[None] | None = None
        self._starting = asyncio.Lock()

    async def join(self, key: object, deliver: Deliver) -> None:
        """Hand this group's events to ``deliver`` from now on (the group is joined when this
        returns, so nothing published afterwards is missed)."""
        self.members[key] = deliver
        async with self._starting:
            if self.task is None or self.task.done():
                self.channel = await self.layer.new_channel()
                await self.layer.group_add(self.group, self.channel)
                self.task = self.loop.create_task(self._run(), name=f"fanout-{self.group}")

    async def leave(self, key: object) -> None:
        """Stop handing events to ``key``; the last to leave ends the group membership."""
        self.members.pop(key, None)
        async with self._starting:
            if self.members or self.task is None:
                return
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task
            self.task = None
            await self.layer.group_discard(self.group, self.channel)

    async def _run(self) -> None:
        renew = self.loop.create_task(self._renew())
        try:
            while True:
                try:
                    event = await self.layer.receive(self.channel)
                except asyncio.CancelledError:
                    raise
                except Exception:  # the layer's trouble (Redis gone, say): keep listening
                    logger.exception("fan-out %s: could not receive; retrying", self.group)
                    await asyncio.sleep(1)
                    continue
                for key, deliver in list(self.members.items()):
                    try:
                        deliver(event)
                    except Exception:  # one page's failure must not cost the others the update
                        logger.exception("could not hand %s to %r", event.get("type"), key)
        finally:
            renew.cancel()

    async def _renew(self) -> None:
        while True:
            await asyncio.sleep(self.RENEW_SECONDS)
            await self.layer.group_add(self.group, self.channel)


_fanouts: dict[tuple[int, str], GroupFanout] = {}


def group_fanout(group: str) -> GroupFanout:
    """This process's fan-out for ``group`` on the running event loop and channel layer."""
    layer = get_channel_layer()
    loop = asyncio.get_running_loop()
    fanout = _fanouts.get((id(loop), group))
    if fanout is None or fanout.loop is not loop or fanout.layer is not layer:
        fanout = _fanouts[(id(loop), group)] = GroupFanout(group, layer, loop)
    return fanout


def bank_fanout() -> GroupFanout:
    """The fan-out every bank page of this process joins."""
    return group_fanout(BANK_GROUP)


# -- publishers ------------------------------------------------------------------------------
def publish_step(step_id: int) -> None:
    """Push a new step (and the session header it changed) to the session's watchers."""
    from generation.models import GenerationStep

    step = GenerationStep.objects.select_related("session", "session__status").get(pk=step_id)
    if not _heard(session_group(step.session_id)):
        # An in-memory layer here reaches no page; the pages catch up through the change
        # feed, which hears every change to the session's row.
        return
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

    if not _heard(session_group(session_id)):
        return
    session = GenerationSession.objects.select_related("status").get(pk=session_id)
    _send(
        session_group(session_id),
        {"type": SESSION_FRAGMENT, "html": render_session_header(session)},
    )


def publish_question_change(*, question_id: str, operation: str) -> None:
    """Tell every bank page that a question was inserted, updated or deleted (by anyone), with
    its card and the columns each page filters on (see :func:`question_change_event`)."""
    if not _heard(BANK_GROUP):
        return
    _send(BANK_GROUP, question_change_event(question_id=question_id, operation=operation))


def publish_session_change(*, session_id: str, operation: str) -> None:
    """Tell a session's watchers that its row changed in the database (by anyone)."""
    _send(
        session_group(session_id), {"type": SESSION_CHANGED, "id": str(session_id), "op": operation}
    )


def publish_paper_job_change(*, job_id: str, operation: str) -> None:
    """Tell the pages watching a paper that one of its jobs moved (progress, log, its end);
    each page re-renders what its user may see."""
    from papers.models import PaperJob

    job = PaperJob.objects.filter(pk=job_id).values("paper_id", "status").first()
    if job is None:
        return
    group = paper_group(job["paper_id"])
    if not _heard(group):
        return
    _send(
        group,
        {"type": PAPER_CHANGED, "job": str(job_id), "op": operation, "status": job["status"]},
    )
