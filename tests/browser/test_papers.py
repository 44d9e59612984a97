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

    # Two versions, then print: the worker does both while the page shows its progress.
    page.evaluate("window.sameDocument = true")
    page.get_by_label("How many versions").select_option("2")
    page.get_by_role("button", name="Make versions").click()
    expect(page.locator(".job-panel .badge")).to_have_text("Make versions: Completed")
    print_button = page.locator(".paper-print button[type=submit]")
    expect(print_button).to_have_text("Print 2 versions")
    print_button.click()
    expect(page.locator(".job-panel .badge")).to_have_text("Print the PDFs: Completed")
    assert page.evaluate("window.sameDocument")  # all of it live, no reload

    downloads = page.locator(".downloads")
    row_b = downloads.locator("tbody tr").nth(1)
    expect(row_b.locator("th")).to_have_text("B")
    with page.expect_download() as student:
        row_b.locator("td").nth(0).get_by_role("link", name="PDF").click()
    assert student.value.suggested_filename.endswith("-B-student-a4.pdf")
    student_text = _pdf_text(student.value)
    assert "Circles, set 2" in student_text and "Version B" in student_text
    assert f"The total mark for this paper is {total}." in student_text
    with page.expect_download() as scheme:
        row_b.locator("td").nth(2).get_by_role("link", name="PDF").click()
    scheme_text = _pdf_text(scheme.value)
    assert "mark-scheme" in scheme.value.suggested_filename
    assert f"Maximum mark: {total}" in scheme_text and "Partial marks" in scheme_text
    # Drag the last question to the top: the numbers follow, without a reload, and the PDFs
    # printed before say they are out of date.
    items = page.locator("#paper-items > .paper-item")
    last = items.nth(2).get_attribute("data-item")
    with page.expect_response(lambda response: "/reorder/" in response.url):
        items.nth(2).drag_to(items.nth(0), target_position={"x": 20, "y": 5})
    expect(items.nth(0)).to_have_attribute("data-item", last)
    paper = Paper.objects.get(title="Circles, set 2")
    assert str(paper.items.order_by("position").first().pk) == last
    # The keyboard way: its ↓ button moves it back down one.
    with page.expect_response(lambda response: "/move/" in response.url):
        page.get_by_role("button", name="Move question 1 down").click()
    expect(items.nth(1)).to_have_attribute("data-item", last)
    assert [str(i.pk) for i in paper.items.order_by("position")][1] == last

    expect(page.locator(".downloads .chip-bad").first).to_have_text("out of date")
    assert page.evaluate("window.sameDocument")
    page.close()
