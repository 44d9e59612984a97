"""The task worker's paper jobs: a blueprint fill, versions, and how jobs end."""

from __future__ import annotations

import pytest

from generation.engine.verifier import verify
from papers import catalogue, jobs, selectors, services
from papers.blueprints import PRESETS, Blueprint, Weight
from papers.models import JobKind, PaperJob, PaperVariant
from papers.variants import variants_check
from questions.models import Question, ReviewState
from questions.schemas import Question as QuestionSchema

pytestmark = pytest.mark.django_db


def _fill(owner, blueprint: Blueprint):
    paper, job = jobs.fill_start(owner=owner, blueprint=blueprint, enqueue=False)
    status = jobs.job_run(str(job.pk))
    job.refresh_from_db()
    return paper, job, status


def test_a_paper_4_blueprint_is_filled_exactly_with_verified_questions(teacher):
    blueprint = PRESETS["paper4"].blueprint()
    paper, job, status = _fill(teacher, blueprint)
    assert status == "completed", job.error
    items = selectors.paper_items(paper)
    assert sum(i.marks for i in items) == 100
    assert [i.position for i in items] == list(range(1, len(items) + 1))
    assert len({i.variant_key for i in items}) == len(items)  # no variant twice
    for item in items:
        schema = QuestionSchema.model_validate(item.content)
        assert verify(schema).passed
        assert item.question is not None and item.question.owner == teacher
        assert 2 <= schema.difficulty <= 5
    assert job.done == job.total == len(items)
    assert job.log[-1]["message"] == "Done."
    assert any("Planned" in e["message"] for e in job.log)
    paper.refresh_from_db()
    assert paper.blueprint["total_marks"] == 100


def test_a_fill_takes_approved_bank_questions_first(teacher, other_teacher, make_question):
    approved = make_question(
        seed=3, owner=other_teacher, review_state=ReviewState.APPROVED, difficulty=3
    )
    draft_of_other = make_question(seed=4, owner=other_teacher, difficulty=3)
    blueprint = Blueprint(
        title="Circles",
        tier="Extended",
        calculator_policy="allowed",
        total_marks=approved.marks + 8,
        difficulty_min=3,
        difficulty_max=3,
        weights=[Weight(target=approved.syllabus_codes[0], weight=1)],
    )
    paper, job, status = _fill(teacher, blueprint)
    assert status == "completed", job.error
    held = [i.question_id for i in selectors.paper_items(paper)]
    assert approved.pk in held
    assert draft_of_other.pk not in held  # someone else's draft is not in their bank
    assert sum(i.marks for i in selectors.paper_items(paper)) == blueprint.total_marks


def test_a_fill_run_again_reuses_what_it_saved(teacher):
    blueprint = Blueprint(
        title="Algebra",
        tier="Extended",
        calculator_policy="allowed",
        total_marks=20,
        weights=[Weight(target="Algebra and graphs", weight=1)],
    )
    paper, job, _ = _fill(teacher, blueprint)
    saved = Question.objects.filter(owner=teacher).count()
    # A resumed run (the worker died after saving the questions): same seeds, same questions.
    PaperJob.objects.filter(pk=job.pk).update(status_id="pending", attempts=1)
    paper.items.all().delete()
    assert jobs.job_run(str(job.pk)) == "completed"
    assert Question.objects.filter(owner=teacher).count() == saved
    assert sum(i.marks for i in selectors.paper_items(paper)) == 20


def test_versions_keep_templates_marks_and_parts_with_new_numbers(django_user_model):
    blueprint = Blueprint(
        title="Mixed",
        tier="Extended",
        calculator_policy="allowed",
        total_marks=25,
        weights=[Weight(target="Mensuration", weight=1), Weight(target="Number", weight=1)],
    )
    # A fill prefers kinds of question with at least four different variants, so a filled
    # paper takes "make 4 versions"; fill again (as another teacher: a teacher's second fill
    # reuses what the first saved) only if a template has no such kind in the range.
    refused: list[str] = []
    for n in range(3):
        teacher = django_user_model.objects.create(username=f"filler-{n}")
        paper, _, _ = _fill(teacher, blueprint)
        try:
            variants_check(paper=paper, count=4)
            break
        except services.PaperError as refusal:
            held = [
                (i.template, i.marks, i.content["difficulty"]) for i in selectors.paper_items(paper)
            ]
            refused.append(f"{held}: {refusal}")
    else:
        approved = Question.objects.filter(review_state=ReviewState.APPROVED).count()
        pytest.fail(
            f"three fills could not make 4 versions ({approved} approved questions in the "
            "bank):\n" + "\n".join(refused)
        )
    job = jobs.job_start(
        paper=paper, owner=teacher, kind=JobKind.VARIANTS, params={"count": 4}, enqueue=False
    )
    assert jobs.job_run(str(job.pk)) == "completed"
    variants = selectors.paper_variants(paper)
    assert [v.label for v in variants] == ["B", "C", "D"]
    assert selectors.version_labels(paper) == ["A", "B", "C", "D"]
    keys = {i.variant_key for i in selectors.paper_items(paper)}
    for label in "BCD":
        document = selectors.paper_document(paper, label=label)
        assert document.variant_label == label
        assert document.total_marks == 25
        for item, original in zip(document.items, selectors.paper_items(paper), strict=True):
            assert item.question.variant.source == original.template
            assert [(p.label, p.marks) for p in item.question.parts] == [
                (p["label"], p["marks"]) for p in original.content["parts"]
            ]
            assert verify(item.question).passed
            assert item.question.variant.key not in keys  # distinct across every version
            keys.add(item.question.variant.key)


def test_versions_go_stale_when_the_questions_change(teacher, make_question):
    paper = services.paper_create(
        owner=teacher, title="x", tier="Extended", calculator_policy="allowed"
    )
    services.paper_add_questions(
        paper=paper, questions=[make_question(seed=s, owner=teacher) for s in (1, 2)]
    )
    job = jobs.job_start(
        paper=paper, owner=teacher, kind=JobKind.VARIANTS, params={"count": 2}, enqueue=False
    )
    jobs.job_run(str(job.pk))
    assert selectors.version_labels(paper) == ["A", "B"]
    ids = [i.pk for i in selectors.paper_items(paper)]
    services.paper_reorder(paper=paper, item_ids=list(reversed(ids)))
    assert selectors.version_labels(paper) == ["A", "B"]  # order does not matter
    document = selectors.paper_document(paper, label="B")
    assert document.items[0].question.variant.source == "mensuration.circle_area_circumference"
    services.paper_remove_item(paper=paper, item_id=ids[0])
    assert selectors.version_labels(paper) == ["A"]
    assert selectors.paper_has_stale_variants(paper)
    assert PaperVariant.objects.filter(paper=paper).count() == 1  # kept, set aside


def test_more_versions_than_a_template_can_make_are_refused_before_any_work(teacher, make_question):
    paper = services.paper_create(
        owner=teacher, title="x", tier="Extended", calculator_policy="allowed"
    )
    services.paper_add_questions(paper=paper, questions=[make_question(seed=1, owner=teacher)])
    item = selectors.paper_items(paper)[0]
    # Say the catalogue found only 2 distinct variants of this question's kind.
    key = f"{item.template}|Extended|{item.content['difficulty']}"
    limited = catalogue.Catalogue({**catalogue.load().entries, key: {str(item.marks): 2}})
    with pytest.raises(services.PaperError) as caught:
        variants_check(paper=paper, count=3, catalogue=limited)
    assert "question 1" in str(caught.value) and "at most 2 versions" in str(caught.value)


def test_a_job_that_cannot_be_met_ends_failed_with_the_reason(teacher):
    impossible = Blueprint(
        title="x",
        tier="Core",
        calculator_policy="allowed",
        total_marks=100,
        weights=[Weight(target="C1.1", weight=1)],
    )
    paper, job, status = _fill(teacher, impossible)
    assert status == "failed"
    assert "cannot make 100 marks" in job.error
    assert job.is_terminal and not paper.items.exists()


def test_one_job_at_a_time_per_paper(teacher):
    paper = services.paper_create(
        owner=teacher, title="x", tier="Core", calculator_policy="allowed"
    )
    jobs.job_start(paper=paper, owner=teacher, kind=JobKind.PRINT, enqueue=False)
    with pytest.raises(jobs.JobRefused, match="still running"):
        jobs.job_start(paper=paper, owner=teacher, kind=JobKind.PRINT, enqueue=False)


def test_a_cancelled_pending_job_never_runs(teacher):
    paper = services.paper_create(
        owner=teacher, title="x", tier="Core", calculator_policy="allowed"
    )
    job = jobs.job_start(paper=paper, owner=teacher, kind=JobKind.PRINT, enqueue=False)
    jobs.job_cancel(job=job)
    assert jobs.job_run(str(job.pk)) == "cancelled"


def test_a_job_whose_worker_died_runs_again_once_then_fails(
    teacher, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    paper = services.paper_create(
        owner=teacher, title="x", tier="Core", calculator_policy="allowed"
    )
    job = jobs.job_start(paper=paper, owner=teacher, kind=JobKind.PRINT, enqueue=False)
    old = timezone.now() - timedelta(minutes=5)
    PaperJob.objects.filter(pk=job.pk).update(status_id="running", heartbeat_at=old, attempts=1)
    with django_capture_on_commit_callbacks() as callbacks:
        assert jobs.job_recover_stale(stale_after=30) == [str(job.pk)]
    assert len(callbacks) == 1  # enqueued again
    job.refresh_from_db()
    assert job.status_id == "pending"
    PaperJob.objects.filter(pk=job.pk).update(status_id="running", heartbeat_at=old, attempts=2)
    jobs.job_recover_stale(stale_after=30)
    job.refresh_from_db()
    assert job.status_id == "failed" and "stopped responding" in job.error


@pytest.mark.skipif(
    not __import__("pathlib").Path("/usr/bin/chromium").exists(), reason="printing needs Chromium"
)
def test_printing_stores_every_versions_pdfs_and_they_go_out_of_date(
    client, teacher, make_question
):
    from papers.printing import file_is_current

    paper = services.paper_create(
        owner=teacher,
        title="Print me",
        tier="Extended",
        calculator_policy="allowed",
        page_size="Letter",
    )
    services.paper_add_questions(
        paper=paper, questions=[make_question(seed=s, owner=teacher) for s in (1, 2)]
    )
    for kind, params in (
        (JobKind.VARIANTS, {"count": 2}),
        (JobKind.PRINT, {"page_size": "Letter"}),
    ):
        job = jobs.job_start(paper=paper, owner=teacher, kind=kind, params=params, enqueue=False)
        assert jobs.job_run(str(job.pk)) == "completed"
    files = list(paper.files.all())
    assert sorted((f.variant_label, f.version) for f in files) == sorted(
        (label, version)
        for label in "AB"
        for version in ("student", "teacher", "mark_scheme", "answer_key")
    )
    assert all(f.page_size == "Letter" and bytes(f.pdf).startswith(b"%PDF") for f in files)
    assert all(file_is_current(f, paper) for f in files)
    client.force_login(teacher)
    response = client.get(f"/papers/{paper.pk}/download/B/mark_scheme/", {"size": "Letter"})
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="print-me-B-mark-scheme-letter.pdf"'
    )
    ids = [i.pk for i in selectors.paper_items(paper)]
    services.paper_reorder(paper=paper, item_ids=list(reversed(ids)))
    assert not any(file_is_current(f, paper) for f in paper.files.all())
    body = client.get(f"/papers/{paper.pk}/").content.decode()
    assert "out of date" in body
