from __future__ import annotations

import copy

import pytest
from django.db import IntegrityError, connection, transaction

from questions import services
from questions.models import Question, ReviewState

pytestmark = pytest.mark.django_db


def test_flat_columns_match_the_jsonb(make_question, teacher):
    question = make_question(seed=3, owner=teacher)
    question.refresh_from_db()
    content = question.content
    assert question.title == content["title"]
    assert question.tier_id == content["tier"] == "Extended"
    assert question.marks == content["total_marks"]
    assert question.calculator_policy_id == content["calculator_policy"]
    assert question.difficulty == content["difficulty"]
    assert question.syllabus_codes == content["syllabus_codes"]
    assert question.command_word_id == content["parts"][0]["command_word"]
    assert question.command_words == ["Calculate"]
    assert question.topic == "Mensuration"
    assert question.variant_key.startswith("mensuration.circle_area_circumference|d3|")
    assert question.verified is True
    assert question.verification["passed"] is True
    assert question.owner == teacher


def test_invalid_question_json_is_refused_with_a_clear_message_and_nothing_written(
    question_content,
):
    bad = question_content().model_dump(mode="json")
    bad["total_marks"] = 9
    bad["syllabus_codes"] = ["E99.1"]
    with pytest.raises(services.QuestionInvalid) as excinfo:
        services.question_create(content=bad)
    message = str(excinfo.value)
    assert "parts add up to 4 marks but the total is 9" in message
    assert "unknown syllabus code(s): E99.1" in message
    assert Question.objects.count() == 0


def test_malformed_json_string_is_refused(question_content):
    with pytest.raises(services.QuestionInvalid):
        services.question_create(content='{"title": "half a question"')
    assert Question.objects.count() == 0


def test_a_question_failing_verification_is_not_stored(question_content):
    bad = question_content().model_dump(mode="json")
    # A wrong final answer: the area shown no longer matches pi r^2.
    bad["parts"][0]["answers"][0]["plain"] = "9999"
    bad["parts"][0]["answers"][0]["latex"] = "9999"
    with pytest.raises(services.QuestionNotVerified):
        services.question_create(content=bad)
    assert Question.objects.count() == 0


def test_database_refuses_flat_columns_that_disagree_with_the_jsonb(make_question):
    question = make_question()
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE questions SET marks = marks + 1 WHERE id = %s", [question.pk])
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE questions SET tier = 'Core' WHERE id = %s", [question.pk])


def test_edit_reverifies_and_an_approved_question_that_fails_drops_to_needs_review(
    make_question,
):
    question = make_question()
    services.question_approve(question=question)
    edited = copy.deepcopy(question.content)
    edited["parts"][0]["answers"][0]["plain"] = "1"
    edited["parts"][0]["answers"][0]["latex"] = "1"
    services.question_update_content(question=question, content=edited)
    question.refresh_from_db()
    assert question.verified is False
    assert question.review_state == ReviewState.NEEDS_REVIEW
    with pytest.raises(services.QuestionNotVerified):
        services.question_approve(question=question)


def test_reject_needs_a_reason(make_question):
    question = make_question()
    with pytest.raises(ValueError, match="Say why"):
        services.question_reject(question=question, reason="  ")
    services.question_reject(question=question, reason="Too similar to last week's homework")
    question.refresh_from_db()
    assert question.review_state == ReviewState.REJECTED
    assert question.review_note == "Too similar to last week's homework"


def test_full_text_search_finds_words_from_the_question(make_question, teacher):
    from questions.selectors import question_list

    question = make_question(owner=teacher)
    found = list(question_list(user=teacher, filters={"q": "circumference"}))
    assert found == [question]
    assert list(question_list(user=teacher, filters={"q": "histogram"})) == []
