"""Papers in the browser: from the bank into the basket, a paper built from it and reordered
by dragging, two versions made and printed by the worker while the page watches, and the
student copy and mark scheme downloaded."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import wait_until_live

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _pdf_text(download) -> str:
    with open(download.path(), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def test_build_a_paper_from_the_bank_make_two_versions_and_download_them(
    app, open_page, teacher, make_question
):
    from papers.models import Paper

    questions = [
        make_question(owner=teacher, seed=seed, review_state="approved") for seed in (1, 2, 3)
    ]
    page = open_page(teacher)

    # The bank: each card goes into the basket without a reload; the count follows.
    page.goto("/bank/")
    for question in questions:
        card = page.locator(f"#question-{question.pk}")
        card.get_by_role("button", name="Add “" + question.title + "” to a paper").click()
        expect(card.get_by_text("In your basket")).to_be_visible()
    expect(page.locator("#basket-indicator .count")).to_have_text("3")

    # A new paper from the basket.
    page.locator("#basket-indicator").click()
    page.get_by_role("link", name="Make a new paper from the basket").click()
    page.get_by_label("Title").fill("Circles, set 2")
    page.get_by_role("button", name="Create the paper").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Circles, set 2")
    total = sum(q.marks for q in questions)
    expect(page.locator(".paper-total")).to_have_text(f"3 questions · {total} marks")
    wait_until_live(page, app)

    # Drag the last question to the top: the numbers follow, without a reload.
    page.evaluate("window.sameDocument = true")
    items = page.locator("#paper-items > .paper-item")
    last_title = items.nth(2).locator(".item-title a").inner_text()
    items.nth(2).drag_to(items.nth(0), target_position={"x": 20, "y": 5})
    expect(items.nth(0).locator(".item-title a")).to_have_text(last_title)
    paper = Paper.objects.get(title="Circles, set 2")
    assert paper.items.order_by("position").first().content["title"] == last_title
    # The keyboard way: its ↓ button moves it back down one.
    page.get_by_role("button", name="Move question 1 down").click()
    expect(items.nth(1).locator(".item-title a")).to_have_text(last_title)

    # Two versions, then print: the worker does both while the page shows its progress.
    page.get_by_label("How many versions").select_option("2")
    page.get_by_role("button", name="Make versions").click()
    expect(page.locator(".job-panel .badge")).to_have_text("Make versions: Completed")
    page.get_by_role("button", name="Print 2 versions").click()
    expect(page.locator(".job-panel .badge")).to_have_text("Print the PDFs: Completed")
    assert page.evaluate("window.sameDocument")  # all of it live, no reload

    downloads = page.locator(".downloads")
    with page.expect_download() as student:
        downloads.locator("tr", has_text="B").get_by_role("link", name="PDF").first.click()
    assert student.value.suggested_filename.endswith("-B-student-a4.pdf")
    student_text = _pdf_text(student.value)
    assert "Circles, set 2" in student_text and "B" in student_text
    with page.expect_download() as scheme:
        downloads.locator("tr", has_text="B").get_by_role("link", name="PDF").nth(2).click()
    scheme_text = _pdf_text(scheme.value)
    assert "mark-scheme" in scheme.value.suggested_filename
    assert str(total) in scheme_text
    page.close()
