"""The question bank in the browser: live changes from elsewhere, and filters with history."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import wait_until_live

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_questions_saved_approved_and_deleted_elsewhere_show_up_live(
    app, open_page, teacher, other_teacher, make_question
):
    from questions import services

    alice = open_page(teacher)
    bob = open_page(other_teacher)
    for page in (alice, bob):
        page.goto("/bank/")
        expect(page.locator(".result-count")).to_have_text("0 questions")
        wait_until_live(page, app)
        expect(page.get_by_role("status").filter(has_text="Live")).to_be_visible()
        page.evaluate("window.sameDocument = true")

    # Saved by another process (here, the test): Alice's own draft appears on her page only.
    question = make_question(owner=teacher, review_state="needs_review")
    card = f"#question-{question.pk}"
    expect(alice.locator(card)).to_be_visible()
    expect(alice.locator(card)).to_have_class(re.compile(r"\bflash\b"))  # highlighted
    expect(alice.locator(card).locator("math").first).to_be_visible()
    expect(alice.locator(".result-count")).to_have_text("1 question")
    expect(alice.get_by_text("No questions match these filters.")).to_be_hidden()
    expect(alice.locator(card).locator(".chip-state")).to_have_text("Needs review")
    expect(bob.locator(card)).to_have_count(0)  # a draft is its owner's alone

    # Approved: it reaches everyone's bank, and Alice's card changes in place.
    services.question_approve(question=question)
    expect(bob.locator(card)).to_be_visible()
    expect(bob.locator(card)).to_have_class(re.compile(r"\bflash\b"))
    expect(alice.locator(card).locator(".chip-state")).to_have_text("Approved")
    expect(alice.locator(".question-card")).to_have_count(1)

    # Deleted: it leaves both pages.
    services.question_delete(question=question)
    for page in (alice, bob):
        expect(page.locator(card)).to_have_count(0)
        expect(page.locator(".result-count")).to_have_text("0 questions")
        expect(page.get_by_text("No questions match these filters.")).to_be_visible()
        assert page.evaluate("window.sameDocument")  # never reloaded


def test_filters_swap_the_results_update_the_url_and_back_restores_them(
    app, open_page, teacher, make_question
):
    extended = [make_question(owner=teacher, seed=seed) for seed in (1, 2)]
    core = make_question(owner=teacher, seed=3, tier="Core")
    page = open_page(teacher)
    page.goto("/bank/")
    cards = page.locator("#bank-cards .question-card")
    expect(cards).to_have_count(3)
    page.evaluate("window.sameDocument = true")

    page.get_by_label("Tier").select_option("Core")
    expect(page).to_have_url(re.compile(r"/bank/\?tier=Core$"))  # the filter, nothing empty
    expect(cards).to_have_count(1)
    expect(page.locator(f"#question-{core.pk}")).to_be_visible()
    expect(page.locator(".result-count")).to_have_text("1 question")

    page.get_by_label("Search").fill("no such words anywhere")
    expect(page).to_have_url(re.compile(r"q=no(\+|%20)such(\+|%20)words"))
    expect(page.get_by_text("No questions match these filters.")).to_be_visible()

    page.go_back()
    expect(page).to_have_url(re.compile(r"/bank/\?(.*&)?tier=Core"))
    expect(cards).to_have_count(1)
    page.go_back()
    expect(page).to_have_url(re.compile(r"/bank/$"))
    expect(cards).to_have_count(3)
    for question in extended:
        expect(page.locator(f"#question-{question.pk}")).to_be_visible()
    expect(page.get_by_label("Tier")).to_have_value("")
    assert page.evaluate("window.sameDocument")  # swapped by htmx, never reloaded
