"""The typesetter, read back: the PDFs' text (pypdf) and objects, and the HTML it prints from."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from generation.engine import base
from papers.schemas import PageSize, PaperDocument, PaperItem, Version
from papers.typeset import render_all, render_html, render_pdf
from questions.schemas import AnswerKind, Tier

pytestmark = pytest.mark.skipif(
    not __import__("pathlib").Path("/usr/bin/chromium").exists(),
    reason="printing needs Debian's Chromium at /usr/bin/chromium",
)

TEMPLATES = [
    ("mensuration.circle_area_circumference", 2),  # a figure, decimals
    ("number.fraction_calculations", 3),  # fractions, no calculator
    ("transformations.column_vectors", 4),  # column vectors
    ("statistics.scatter_diagram", 3),  # a chart
    ("algebra.quadratic_formula", 4),
    ("probability.tree_diagrams", 3),
]


def _document(label: str = "B", title: str = "Mock for 10X") -> PaperDocument:
    keys = {t.key for t in base.templates()}
    items = []
    for number, (key, difficulty) in enumerate([t for t in TEMPLATES if t[0] in keys], start=1):
        question = base.generate(key, seed=11, difficulty=difficulty, tier=Tier.EXTENDED).question
        items.append(PaperItem(number=number, question=question))
    return PaperDocument(
        title=title,
        kind="mock_exam",
        tier="Extended",
        calculator_policy="varies",
        time_allowed_minutes=75,
        instructions="Show your working on every question.",
        variant_label=label,
        items=items,
    )


@pytest.fixture(scope="module")
def document() -> PaperDocument:
    return _document()


@pytest.fixture(scope="module")
def pdfs(document) -> dict[Version, bytes]:
    return render_all(document)


def _reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in _reader(pdf).pages)


def _flat(text: str) -> str:
    """Text without spaces and with one minus sign, for finding numbers typeset as maths."""
    return re.sub(r"\s+", "", text).replace("\u2212", "-")


def _numeric_answers(document: PaperDocument) -> list[tuple[int, str, str]]:
    found = []
    for item in document.items:
        for part in item.question.parts:
            for answer in part.answers:
                if answer.kind == AnswerKind.NUMBER and re.fullmatch(
                    r"-?\d+(\.\d+)?", answer.plain
                ):
                    found.append((item.number, part.label, answer.plain))
    return found


def test_every_question_number_and_mark_is_on_the_student_copy(document, pdfs):
    text = _text(pdfs[Version.STUDENT])
    for item in document.items:
        assert re.search(rf"(^|\n){item.number}\s", text), item.number
        for part in item.question.parts:
            assert f"[{part.marks}]" in text
    assert text.count("[") >= sum(len(i.question.parts) for i in document.items)
    assert f"The total mark for this paper is {document.total_marks}." in text
    assert "Time allowed: 1 hour 15 minutes" in text
    assert "Show your working on every question." in text


def test_the_student_copy_holds_no_answer(document, pdfs):
    student = _flat(_text(pdfs[Version.STUDENT]))
    checked = 0
    for number, _, answer in _numeric_answers(document):
        question = document.items[number - 1].question
        if len(answer) < 3 or answer in _flat(question.plain_text() + question.diagram_svg):
            continue  # a short number, or one the question itself shows
        assert answer not in student, (number, answer)
        checked += 1
    assert checked >= 3  # the check had something to bite on
    assert "Common wrong answers" not in student and "Partial" not in student


def test_the_teacher_copy_and_mark_scheme_hold_every_verified_answer(document, pdfs):
    teacher = _flat(_text(pdfs[Version.TEACHER]))
    scheme = _flat(_text(pdfs[Version.MARK_SCHEME]))
    key = _flat(_text(pdfs[Version.ANSWER_KEY]))
    answers = _numeric_answers(document)
    assert len(answers) >= 4
    for _, _, answer in answers:
        assert answer in teacher and answer in scheme and answer in key, answer


def test_the_mark_scheme_adds_up_to_the_paper_total(document, pdfs):
    text = _text(pdfs[Version.MARK_SCHEME])
    assert f"Maximum mark: {document.total_marks}" in text
    for item in document.items:
        assert re.search(rf"Question {item.number}\s+{item.question.total_marks}\b", text)
        for part in item.question.parts:
            assert item.part_number(part.label) in text
        for line in item.question.mark_scheme:
            assert line.code in text
    assert re.search(rf"Total\s+{document.total_marks}\b", text)
    assert text.count("Total") == 1  # once, at the end (not repeated at every page foot)


def test_every_page_is_numbered_and_says_which_version(pdfs):
    for version, pdf in pdfs.items():
        pages = _reader(pdf).pages
        for n, page in enumerate(pages, start=1):
            text = page.extract_text()
            assert f"Page {n} of {len(pages)}" in text, (version, n)
            assert "Version B" in text, (version, n)


def test_diagrams_are_vectors_not_pictures(document, pdfs):
    assert any(item.question.diagram_svg for item in document.items)
    for pdf in (pdfs[Version.STUDENT], pdfs[Version.TEACHER]):
        for page in _reader(pdf).pages:
            resources = page.get("/Resources") or {}
            xobjects = resources.get("/XObject") or {}
            for name in xobjects:
                assert xobjects[name].get_object().get("/Subtype") != "/Image", name
    # The circle's figure is drawn with path operators (curves and lines).
    student = _reader(pdfs[Version.STUDENT])
    content = b"".join(page.get_contents().get_data() for page in student.pages[1:3])
    assert b" c\n" in content or b" c " in content  # Bézier curves: the circle


def test_a4_and_letter(document):
    a4 = _reader(render_pdf(document, Version.ANSWER_KEY, page_size=PageSize.A4)).pages[0]
    letter = _reader(render_pdf(document, Version.ANSWER_KEY, page_size=PageSize.LETTER)).pages[0]

    def size(page):  # in points, to the nearest one (Chromium rounds 210 mm up a little)
        return float(page.mediabox.width), float(page.mediabox.height)

    assert size(a4) == pytest.approx((595.3, 841.9), abs=1.5)
    assert size(letter) == pytest.approx((612, 792), abs=1.5)


def test_a_hostile_title_is_printed_as_text_not_markup():
    hostile = _document(title='<script>alert("x")</script> & <b>bold</b>')
    html = render_html(hostile, Version.STUDENT)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    text = _text(render_pdf(hostile, Version.ANSWER_KEY))
    assert '<script>alert("x")</script>' in text


def test_the_html_is_standalone_with_maths_as_mathml(document):
    for version in Version:
        html = render_html(document, version)
        assert html.startswith("<!doctype html>") and "<style>" in html
        assert "<link" not in html and "<script" not in html
        assert "<math" in html
        visible = re.sub(r"<math.*?</math>", "", html, flags=re.S)
        assert "\\frac" not in visible and "$" not in re.sub(
            r"<style>.*?</style>", "", visible, flags=re.S
        )
    assert "@media screen" in render_html(
        document, Version.STUDENT
    )  # a clean print from the browser


def test_show_that_parts_have_space_but_no_answer_line():
    question = base.generate(
        "number.fraction_calculations", seed=1, difficulty=3, tier=Tier.EXTENDED
    ).question
    shows = [p for p in question.parts if p.show_that or p.command_word.value == "Show that"]
    if not shows:
        pytest.skip("this variant has no 'Show that' part")
    document = PaperDocument(
        title="x",
        tier="Extended",
        calculator_policy=question.calculator_policy,
        items=[PaperItem(number=1, question=question)],
    )
    html = render_html(document, Version.STUDENT)
    parts = html.split('<div class="part">')[1:]
    for part, view in zip(parts, question.parts, strict=True):
        has_line = 'class="dots' in part
        assert has_line != (view in shows)


def test_a_part_answered_by_drawing_has_no_answer_line_for_the_student():
    """ "On the scatter diagram, draw a line of best fit": the candidate draws on the grid, so
    the student copy has no dotted line for it; the teacher copy says what is drawn."""
    question = base.generate(
        "statistics.scatter_diagram", seed=1, difficulty=3, tier=Tier.EXTENDED
    ).question
    drawn = [p for p in question.parts if p.command_word.value == "Plot"]
    assert drawn, "the scatter template asks for a line of best fit"
    document = PaperDocument(
        title="x",
        tier="Extended",
        calculator_policy=question.calculator_policy,
        items=[PaperItem(number=1, question=question)],
    )
    for version in (Version.STUDENT, Version.TEACHER):
        html = render_html(document, version)
        parts = html.split('<div class="part">')[1:]
        for part, view in zip(parts, question.parts, strict=True):
            if version == Version.STUDENT:
                assert ('class="dots' in part) != (view in drawn), view.text
            elif view in drawn:
                assert "line of best fit" in part.split('class="answer-given"')[1]


def test_every_template_typesets_without_raw_latex():
    questions = [
        base.generate(template, seed=5, difficulty=3, tier=tier).question
        for template in base.templates()
        for tier in template.codes
    ]
    limit = PaperItem.model_fields["number"].metadata[-1].le  # a paper numbers at most this many
    for start in range(0, len(questions), limit):
        batch = questions[start : start + limit]
        items = [PaperItem(number=n, question=q) for n, q in enumerate(batch, start=1)]
        document = PaperDocument(
            title="Every template", tier="Extended", calculator_policy="varies", items=items
        )
        for version in Version:
            html = render_html(document, version)
            assert 'class="latex"' not in html, "a maths span fell back to its LaTeX source"
        pdf = render_pdf(document, Version.MARK_SCHEME)
        text = _text(pdf)
        assert "\\frac" not in text and "\\sqrt" not in text and "\\times" not in text
