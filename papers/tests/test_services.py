"""Papers by hand: adding, numbering, removing, reordering, replacing, sharing, the basket."""

from __future__ import annotations

import pytest

from papers import selectors, services
from papers.models import BasketItem, Paper
from questions import services as question_services
from questions.models import ReviewState

pytestmark = pytest.mark.django_db


@pytest.fixture
def paper(teacher):
    return services.paper_create(
        owner=teacher, title="Year 10 circles", tier="Extended", calculator_policy="allowed"
    )


def _titles(paper):
    return [i.content["title"] for i in selectors.paper_items(paper)]


def _positions(paper):
    return [i.position for i in selectors.paper_items(paper)]


def test_questions_are_added_in_order_numbered_from_one(paper, make_question, teacher):
    questions = [make_question(seed=s, owner=teacher) for s in (1, 2, 3)]
    result = services.paper_add_questions(paper=paper, questions=questions)
    assert len(result.added) == 3 and not result.skipped
    assert _positions(paper) == [1, 2, 3]
    assert selectors.paper_total_marks(paper) == sum(q.marks for q in questions)
    item = selectors.paper_items(paper)[0]
    assert item.content == questions[0].content and item.question == questions[0]


def test_what_cannot_go_on_the_paper_is_skipped_with_the_reason(
    paper, make_question, teacher, question_content
):
    good = make_question(seed=1, owner=teacher)
    unverified_content = question_content(seed=4).model_dump(mode="json")
    unverified_content["parts"][0]["answers"][0]["value"] = "12345"
    unverified = question_services.question_create(
        content=unverified_content, owner=teacher, allow_unverified=True
    )
    rejected = make_question(seed=5, owner=teacher)
    question_services.question_reject(question=rejected, reason="too easy")
    result = services.paper_add_questions(paper=paper, questions=[good, unverified, rejected, good])
    assert [i.question for i in result.added] == [good]
    assert len(result.skipped) == 3
    assert "failed verification" in result.skipped[0]
    assert "was rejected: too easy" in result.skipped[1]
    assert "already question 1" in result.skipped[2]


def test_tier_and_calculator_must_fit_the_paper(teacher, make_question):
    core = services.paper_create(
        owner=teacher, title="Core", tier="Core", calculator_policy="not_allowed"
    )
    extended_calc = make_question(seed=1, owner=teacher)  # an Extended calculator question
    result = services.paper_add_questions(paper=core, questions=[extended_calc])
    assert not result.added
    assert "Extended question and this is a Core paper" in result.skipped[0]
    non_calc = services.paper_create(
        owner=teacher, title="P2", tier="Extended", calculator_policy="not_allowed"
    )
    result = services.paper_add_questions(paper=non_calc, questions=[extended_calc])
    assert "needs a calculator" in result.skipped[0]


def test_removing_renumbers_and_moving_reorders(paper, make_question, teacher):
    questions = [make_question(seed=s, owner=teacher) for s in (1, 2, 3, 4)]
    services.paper_add_questions(paper=paper, questions=questions)
    items = selectors.paper_items(paper)
    services.paper_remove_item(paper=paper, item_id=items[1].pk)
    assert _positions(paper) == [1, 2, 3]
    assert _titles(paper) == [questions[i].title for i in (0, 2, 3)]
    services.paper_move_item(paper=paper, item_id=items[3].pk, position=1)
    assert _titles(paper) == [questions[i].title for i in (3, 0, 2)]
    services.paper_move_item(paper=paper, item_id=items[3].pk, position=99)  # clamped to the end
    assert _titles(paper) == [questions[i].title for i in (0, 2, 3)]
    ids = [i.pk for i in selectors.paper_items(paper)]
    services.paper_reorder(paper=paper, item_ids=list(reversed(ids)))
    assert [i.pk for i in selectors.paper_items(paper)] == list(reversed(ids))
    assert _positions(paper) == [1, 2, 3]


def test_a_reorder_that_does_not_match_the_paper_is_refused(paper, make_question, teacher):
    services.paper_add_questions(
        paper=paper, questions=[make_question(seed=s, owner=teacher) for s in (1, 2)]
    )
    ids = [i.pk for i in selectors.paper_items(paper)]
    with pytest.raises(services.PaperError, match="changed while you were reordering"):
        services.paper_reorder(paper=paper, item_ids=ids[:1])
    with pytest.raises(services.PaperError):
        services.paper_reorder(paper=paper, item_ids=["x", "y"])
    assert [i.pk for i in selectors.paper_items(paper)] == ids


def test_another_like_this_replaces_one_question_with_a_verified_variant(
    paper, make_question, teacher
):
    original = make_question(seed=1, owner=teacher)
    services.paper_add_questions(paper=paper, questions=[original])
    item = selectors.paper_items(paper)[0]
    replaced = services.paper_replace_item(paper=paper, item_id=item.pk, owner=teacher, seed=99)
    assert replaced.position == 1
    assert replaced.variant_key != original.variant_key
    assert replaced.template == original.template and replaced.marks == original.marks
    assert replaced.question.verified and replaced.question.owner == teacher
    assert replaced.content["difficulty"] == original.difficulty


def test_a_deleted_bank_question_leaves_the_paper_printable(paper, make_question, teacher):
    question = make_question(seed=1, owner=teacher)
    services.paper_add_questions(paper=paper, questions=[question])
    question_services.question_delete(question=question)
    item = selectors.paper_items(paper)[0]
    assert item.source_deleted and item.question is None
    document = selectors.paper_document(paper)
    assert document.items[0].source_deleted
    assert document.items[0].question.title == question.title


def test_changing_the_paper_to_one_its_questions_do_not_fit_is_refused(
    paper, make_question, teacher
):
    services.paper_add_questions(paper=paper, questions=[make_question(seed=1, owner=teacher)])
    with pytest.raises(services.PaperError, match="question 1 needs a calculator"):
        services.paper_update(paper=paper, calculator_policy="not_allowed")
    paper.refresh_from_db()
    assert paper.calculator_policy_id == "allowed"
    updated = services.paper_update(paper=paper, title="Circles, week 3", time_allowed_minutes=45)
    assert updated.title == "Circles, week 3" and updated.time_allowed_minutes == 45


def test_papers_are_their_owners_unless_shared(paper, teacher, other_teacher, staff_user):
    assert list(Paper.objects.visible_to(other_teacher)) == []
    assert list(Paper.objects.visible_to(staff_user)) == [paper]
    missing = services.paper_share(paper=paper, usernames=["bob", "nobody"])
    assert missing == ["nobody"]
    assert list(Paper.objects.visible_to(other_teacher)) == [paper]
    assert list(Paper.objects.editable_by(other_teacher)) == []
    services.paper_unshare(paper=paper, user_id=other_teacher.pk)
    assert list(Paper.objects.visible_to(other_teacher)) == []


def test_the_basket_fills_a_paper_and_keeps_what_did_not_fit(teacher, make_question):
    extended = make_question(seed=1, owner=teacher)
    core = make_question(seed=2, owner=teacher, template="number.percentages", tier="Core")
    for question in (extended, core):
        assert services.basket_add(owner=teacher, question=question)
    assert not services.basket_add(owner=teacher, question=core)  # once each
    paper = services.paper_create(
        owner=teacher, title="Core", tier="Core", calculator_policy="allowed"
    )
    basket = [b.question for b in selectors.basket_list(user=teacher)]
    result = services.basket_into_paper(owner=teacher, paper=paper, questions=basket)
    assert [i.question for i in result.added] == [core]
    assert list(BasketItem.objects.filter(owner=teacher).values_list("question", flat=True)) == [
        extended.pk
    ]


def test_another_teachers_draft_is_not_in_their_basket_view(teacher, other_teacher, make_question):
    draft = make_question(seed=1, owner=teacher, review_state=ReviewState.DRAFT)
    BasketItem.objects.create(owner=other_teacher, question=draft)
    assert selectors.basket_list(user=other_teacher) == []
