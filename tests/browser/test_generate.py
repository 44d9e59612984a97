"""Generating questions in the browser: the form, the live session page, reload, cancel."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SESSION_URL = re.compile(r"/generate/sessions/([0-9a-f-]{36})/$")

# Records, on every change to the session page, how many steps the timeline shows and what the
# badge says: evidence of what the teacher saw between two assertions.
WATCH_TIMELINE = """() => {
  window.seen = [];
  const note = () => {
    const steps = [...document.querySelectorAll('#timeline .step')].map(li => li.dataset.sequence);
    const badge = document.querySelector('.session-header .badge');
    window.seen.push({steps: steps.join(','), badge: badge && badge.textContent.trim()});
  };
  new MutationObserver(note).observe(document.body, {subtree: true, childList: true});
  note();
}"""


def test_a_teacher_generates_questions_and_watches_the_agents_work_live(app, open_page, teacher):
    page = open_page()
    log_in(page, "alice", "pw-alice-123")  # the teacher fixture's password
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Generate").click()
    expect(page.get_by_role("heading", name="Generate questions")).to_be_visible()
    expect(page.get_by_label("Tier")).to_have_value("Extended")
    page.get_by_label("Syllabus code", exact=True).select_option("E5.3")
    page.get_by_label("How many").fill("2")
    expect(page.get_by_label("Mode")).to_have_value("offline")

    with app.steps_blocked():
        page.get_by_role("button", name="Generate", exact=True).click()
        expect(page).to_have_url(SESSION_URL)
        # The worker has the session but may write no step yet: running, nothing done.
        expect(page.locator(".session-header .badge")).to_have_text("Running")
        expect(page.locator("#timeline .step")).to_have_count(0)
        expect(page.get_by_text("Waiting for the first step…")).to_be_visible()
        expect(page.locator(".progress-bar")).to_have_attribute("style", re.compile(r"width: 0%"))
        page.evaluate(WATCH_TIMELINE)

    # Released: the steps, the progress and the questions arrive without a reload.
    expect(page.locator(".session-header .badge")).to_have_text("Completed")
    expect(page.locator(".progress-bar")).to_have_attribute("style", re.compile(r"width: 100%"))
    expect(page.locator("#session-questions .question-card")).to_have_count(2)
    steps = page.locator("#timeline .step")
    # Not waiting for the last step, "Finished: …": it can reach an open page late (its update
    # of the session row may change nothing the change feed reports).
    expect(steps.filter(has_text="Question 2: saved to the bank")).to_have_count(1)
    shown = _sequences(page)
    assert len(shown) >= 1 + 4 * 2  # started, then four steps per question
    assert shown == list(range(1, len(shown) + 1))
    expect(steps.first).to_contain_text("Started: 2 question(s), offline mode")
    expect(page.locator("#timeline .agent-tag").filter(has_text="generator")).to_have_count(2)
    expect(page.locator("#timeline .agent-tag").filter(has_text="reviewer")).to_have_count(2)
    expect(page.locator("#session-questions .question-card math").first).to_be_visible()
    expect(page.locator("[data-total=made]")).to_have_text("2")
    expect(page.get_by_text("Waiting for the first step…")).to_be_hidden()

    seen = page.evaluate("window.seen")  # still there: the page was never reloaded
    lengths = [len(s["steps"].split(",")) if s["steps"] else 0 for s in seen]
    assert lengths[0] == 0 and lengths[-1] >= len(shown)
    assert lengths == sorted(lengths), "the timeline only ever grows"
    assert {"Running", "Completed"} <= {s["badge"] for s in seen}


def _start_session(owner, count, *, enqueue=True):
    from generation import services
    from generation.schemas import GenerationRequest

    request = GenerationRequest(tier="Extended", syllabus_codes=["E5.3"], count=count)
    return services.session_start(owner=owner, request=request, enqueue=enqueue)


def _sequences(page):
    return page.locator("#timeline .step").evaluate_all("els => els.map(e => +e.dataset.sequence)")


def _messages_in_the_database(session):
    return list(session.steps.order_by("sequence").values_list("message", flat=True))


def test_reloading_mid_run_loses_nothing(app, open_page, teacher):
    page = open_page(teacher)
    session = _start_session(teacher, 8)
    page.goto(f"/generate/sessions/{session.pk}/")
    expect(page.locator("#timeline .step").nth(3)).to_be_attached()

    # The reloaded page's socket waits until we let it connect, as a slow network would.
    held = []
    page.route_web_socket(re.compile(r"/ws/generate/"), lambda socket: held.append(socket))
    with app.steps_blocked():  # the worker stops at its next step: the reload is mid-run
        page.reload()
        expect(page.locator(".session-header .badge")).to_have_text("Running")
        shown = _sequences(page)
        assert shown == list(range(1, len(shown) + 1))
        assert len(shown) == session.steps.count()
        page.evaluate("window.sameDocument = true")
    # The worker goes on; the page hears nothing until its socket connects, then catches up.
    wait_until(page, lambda: held and session.steps.count() > len(shown) + 1, "no steps")
    held[0].connect_to_server()

    last_question = page.locator("#timeline .step").filter(
        has_text=re.compile(r"Question 8: (saved|rejected)")
    )
    expect(last_question).to_have_count(1)
    expect(page.locator(".session-header .badge")).to_have_text("Completed")
    assert page.evaluate("window.sameDocument")  # what came after the reload came live
    after = _sequences(page)
    assert after == list(range(1, len(after) + 1)), "every step once, in order"
    messages = _messages_in_the_database(session)
    texts = page.locator("#timeline .step-message").all_inner_texts()
    assert texts == messages[: len(texts)]

    page.reload()  # and the page rebuilt from the database shows every step once
    expect(page.locator("#timeline .step")).to_have_count(len(messages))
    assert page.locator("#timeline .step-message").all_inner_texts() == messages


def test_cancelling_mid_run_shows_the_cancelled_state(app, open_page, teacher):
    page = open_page(teacher)
    session = _start_session(teacher, 15)
    page.goto(f"/generate/sessions/{session.pk}/")
    expect(page.locator("#timeline .step").nth(2)).to_be_attached()
    expect(page.locator(".session-header .badge")).to_have_text("Running")

    with app.steps_blocked() as wait_for_waiting:
        # Hold the worker at its next step, then cancel: the cancel lands mid-run, for sure.
        wait_for_waiting("INSERT INTO%generation_steps%")
        page.get_by_role("button", name="Cancel").click(no_wait_after=True)
        # (A waiting SELECT waits for a row lock: the cancel's SELECT … FOR UPDATE, whose end
        # pg_stat_activity may cut off.)
        wait_for_waiting('SELECT "generation_sessions".%')

    expect(page.get_by_role("status").filter(has_text="Cancelling")).to_be_visible()
    expect(page.locator(".session-header .badge")).to_have_text("Cancelled")
    expect(page.locator(".session-header [role=alert]")).to_contain_text(
        "Cancelled by the teacher."
    )
    expect(page.get_by_role("button", name="Cancel")).to_be_hidden()
    session.refresh_from_db()
    assert session.status_id == "cancelled" and session.questions_made < 15
    expect(page.locator("[data-total=made]")).to_have_text(str(session.questions_made))


def test_a_teacher_cannot_open_another_teachers_session_or_its_socket(
    app, open_page, teacher, other_teacher
):
    session = _start_session(teacher, 1, enqueue=False)
    path = f"/generate/sessions/{session.pk}/"
    socket_url = app.url.replace("http", "ws") + f"/ws/generate/{session.pk}/"
    listen = """url => new Promise(resolve => {
      const socket = new WebSocket(url), messages = [];
      socket.onmessage = event => { messages.push(event.data); socket.close(); };
      socket.onclose = event => resolve({closed: true, code: event.code, messages});
      setTimeout(() => resolve({closed: false, messages}), 10000);
    })"""

    bob = open_page(other_teacher)
    assert bob.goto(path).status == 404
    expect(bob.get_by_role("heading", level=1)).to_have_text("Not found")
    expect(bob.locator("[ws-connect]")).to_have_count(0)
    refused = bob.evaluate(listen, socket_url)
    # Refused before it opened (the handshake gets a 403: the browser sees 1006), nothing sent.
    assert refused["closed"] and refused["messages"] == []

    alice = open_page(teacher)  # the owner's socket gets the session
    assert alice.goto(path).status == 200
    welcomed = alice.evaluate(listen, socket_url)
    assert f'id="session-header-{session.pk}"' in welcomed["messages"][0]


def test_form_errors_show_inline_and_keep_the_input(app, open_page, teacher):
    page = open_page(teacher)
    page.goto("/generate/")
    page.evaluate("window.sameDocument = true")
    form = page.locator("#generation-form")
    code = page.get_by_label("Syllabus code", exact=True)
    count = page.get_by_label("How many")

    count.fill("7")
    page.get_by_label("Difficulty").select_option("4")
    page.get_by_role("button", name="Generate", exact=True).click()
    expect(form.locator(".field-error")).to_have_text(["Choose a syllabus code or a whole topic."])
    expect(code).to_have_attribute("aria-invalid", "true")
    expect(code).to_have_accessible_description("Choose a syllabus code or a whole topic.")
    expect(code).to_be_focused()  # the keyboard is on the field to fix
    expect(count).to_have_value("7")
    expect(page.get_by_label("Difficulty")).to_have_value("4")

    code.select_option("E5.3")
    count.fill("50")
    count.press("Enter")  # the keyboard submits too
    expect(form.locator(".field-error")).to_have_text(
        ["Ensure this value is less than or equal to 20."]
    )
    expect(count).to_have_accessible_description("Ensure this value is less than or equal to 20.")
    expect(count).to_be_focused()
    expect(count).to_have_value("50")
    expect(code).to_have_value("E5.3")
    expect(page).to_have_url(re.compile(r"/generate/$"))
    assert page.evaluate("window.sameDocument")  # re-rendered in place by htmx, not reloaded

    from generation.models import GenerationSession

    assert not GenerationSession.objects.exists()
