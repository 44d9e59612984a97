"""The bank and question pages: full pages and htmx fragments, filters, permissions."""

from __future__ import annotations

import html
import re

import pytest
from django.http import QueryDict
from django.urls import reverse

from questions import services
from questions.models import ReviewState

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_bank_needs_a_login(client):
    response = client.get(reverse("questions:bank"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_bank_full_page_shows_approved_questions_and_my_drafts_but_not_others_drafts(
    client, teacher, other_teacher, make_question
):
    mine = make_question(seed=1, owner=teacher)
    theirs_draft = make_question(seed=2, owner=other_teacher)
    theirs_approved = make_question(seed=3, owner=other_teacher, review_state=ReviewState.APPROVED)
    client.force_login(teacher)
    response = client.get(reverse("questions:bank"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" in body and 'id="bank-filters"' in body
    assert f'id="question-{mine.pk}"' in body
    assert f'id="question-{theirs_approved.pk}"' in body
    assert f'id="question-{theirs_draft.pk}"' not in body
    assert "<math" in body  # maths rendered on the server
    assert response["Vary"].count("HX-Request") == 1


def test_bank_htmx_request_gets_only_the_results_fragment(client, teacher, make_question):
    make_question(owner=teacher)
    client.force_login(teacher)
    response = client.get(reverse("questions:bank"), {"tier": "Extended"}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="bank-results"')
    assert "<html" not in body
    assert "1 question" in body


def test_bank_filters_combine_with_and(client, teacher, make_question):
    circle = make_question(seed=1, owner=teacher, difficulty=2)
    make_question(seed=2, owner=teacher, difficulty=4)
    client.force_login(teacher)
    response = client.get(
        reverse("questions:bank"),
        {"tier": "Extended", "difficulty": "2", "syllabus_code": "e5.3", "q": "circumference"},
    )
    body = response.content.decode()
    assert f'id="question-{circle.pk}"' in body
    assert "1 question" in body
    response = client.get(reverse("questions:bank"), {"tier": "Core"})
    assert "No questions match these filters." in response.content.decode()


def test_bank_filter_errors_show_inline(client, teacher):
    client.force_login(teacher)
    response = client.get(
        reverse("questions:bank"), {"syllabus_code": "Z9.9", "marks_min": 5, "marks_max": 2}
    )
    body = response.content.decode()
    assert "Z9.9 is not a 0580 syllabus code" in body
    assert "The upper mark must be at least the lower one." in body


def test_bank_paginates_and_links_keep_the_filters(client, teacher, make_question):
    for seed in range(22):
        make_question(seed=seed, owner=teacher)
    client.force_login(teacher)
    response = client.get(reverse("questions:bank"), {"tier": "Extended", "sort": "oldest"})
    body = response.content.decode()
    assert "22 questions" in body
    assert "Previous" not in body
    next_link = re.search(r'rel="next" href="\?([^"]+)"', body).group(1)
    query = QueryDict(html.unescape(next_link))
    assert query["tier"] == "Extended" and query["sort"] == "oldest" and query["after"]

    page2 = client.get(reverse("questions:bank"), query).content.decode()
    assert page2.count('<article id="question-') == 2
    assert 'rel="next"' not in page2
    previous_link = re.search(r'rel="prev" href="\?([^"]+)"', page2).group(1)
    back = QueryDict(html.unescape(previous_link))
    assert back["tier"] == "Extended" and back["before"]
    page1 = client.get(reverse("questions:bank"), back).content.decode()
    assert page1.count('<article id="question-') == 20
    assert _ids(page1) == _ids(body)


def test_bank_htmx_page_link_returns_the_results_fragment(client, teacher, make_question):
    for seed in range(21):
        make_question(seed=seed, owner=teacher)
    client.force_login(teacher)
    body = client.get(reverse("questions:bank")).content.decode()
    next_link = html.unescape(re.search(r'rel="next" href="\?([^"]+)"', body).group(1))
    fragment = client.get(
        reverse("questions:bank"), QueryDict(next_link), headers={"HX-Request": "true"}
    ).content.decode()
    assert fragment.lstrip().startswith('<section id="bank-results"')
    assert fragment.count('<article id="question-') == 1
    assert set(_ids(fragment)).isdisjoint(_ids(body))


def test_bank_says_past_the_cap_that_there_are_more(client, teacher, make_question, monkeypatch):
    from questions import paging

    for seed in range(4):
        make_question(seed=seed, owner=teacher)
    client.force_login(teacher)
    monkeypatch.setattr(paging, "COUNT_CAP", 3)
    body = client.get(reverse("questions:bank")).content.decode()
    assert "3+ questions" in body
    monkeypatch.setattr(paging, "COUNT_CAP", 4)
    assert "4 questions" in client.get(reverse("questions:bank")).content.decode()


def _ids(body: str) -> list[str]:
    return re.findall(r'<article id="question-([0-9a-f-]+)"', body)


def test_question_detail_shows_everything(client, teacher, make_question):
    question = make_question(owner=teacher)
    client.force_login(teacher)
    body = client.get(reverse("questions:question-detail", args=[question.pk])).content.decode()
    assert "Verifier report" in body and "Every check passed" in body
    assert "Worked solution" in body and "Mark scheme" in body
    assert "Common wrong answers" in body
    assert "Another like this" in body and "Approve" in body


def test_other_teachers_drafts_are_not_reachable_by_url(
    client, teacher, other_teacher, make_question
):
    question = make_question(owner=other_teacher)
    client.force_login(teacher)
    assert client.get(reverse("questions:question-detail", args=[question.pk])).status_code == 404
    assert client.post(reverse("questions:question-approve", args=[question.pk])).status_code == 404
    assert client.post(reverse("questions:question-edit", args=[question.pk])).status_code == 404


def test_approve_and_reject_with_a_reason(client, teacher, make_question):
    question = make_question(owner=teacher)
    client.force_login(teacher)
    client.post(reverse("questions:question-approve", args=[question.pk]))
    question.refresh_from_db()
    assert question.review_state == ReviewState.APPROVED
    response = client.post(reverse("questions:question-reject", args=[question.pk]), {"reason": ""})
    assert "This field is required." in response.content.decode()
    client.post(
        reverse("questions:question-reject", args=[question.pk]),
        {"reason": "Wrong context for my class"},
    )
    question.refresh_from_db()
    assert question.review_state == ReviewState.REJECTED
    assert question.review_note == "Wrong context for my class"


def test_approving_a_question_that_failed_verification_is_refused(client, teacher, make_question):
    question = make_question(owner=teacher)
    question.verified = False
    question.save()
    client.force_login(teacher)
    response = client.post(reverse("questions:question-approve", args=[question.pk]), follow=True)
    assert "Not approved." in response.content.decode()
    question.refresh_from_db()
    assert question.review_state == ReviewState.DRAFT


def test_edit_wording_is_reverified_and_a_broken_edit_is_shown_not_approved(
    client, teacher, make_question
):
    question = make_question(owner=teacher)
    client.force_login(teacher)
    url = reverse("questions:question-edit", args=[question.pk])
    assert client.get(url).status_code == 200
    content = question.content
    # Keep every number: a clean rewording passes.
    stem = content["stem"].replace("The top of", "The surface of")
    response = client.post(url, {"title": "Circle facts", "stem": stem}, follow=True)
    assert "Saved and re-verified" in response.content.decode()
    question.refresh_from_db()
    assert question.title == "Circle facts" and question.verified
    # Drop the number the answers depend on: saved, shown as failing, not approvable.
    response = client.post(
        url, {"title": "Circle facts", "stem": "The top of a pond is a circle."}, follow=True
    )
    body = response.content.decode()
    assert "failed verification" in body
    question.refresh_from_db()
    assert question.verified is False
    with pytest.raises(services.QuestionNotVerified):
        services.question_approve(question=question)


def test_edit_marks_that_do_not_add_up_is_not_saved(client, teacher, make_question):
    question = make_question(owner=teacher)
    client.force_login(teacher)
    content = question.content
    response = client.post(
        reverse("questions:question-edit", args=[question.pk]),
        {"title": content["title"], "stem": content["stem"], "part-marks-a": "3"},
    )
    body = response.content.decode()
    assert "Not saved." in body
    assert "but the part is worth 3" in body
    question.refresh_from_db()
    assert question.marks == 4


def test_another_like_this_starts_a_session_for_the_same_template(client, teacher, make_question):
    question = make_question(owner=teacher)
    client.force_login(teacher)
    response = client.post(reverse("questions:question-another", args=[question.pk]))
    assert response.status_code == 302
    from generation.models import GenerationSession

    session = GenerationSession.objects.get()
    assert session.request["template"] == question.template
    assert response["Location"] == reverse("generation:session-detail", args=[session.pk])


def test_an_invalid_filter_is_left_out_and_the_others_still_apply(client, teacher, make_question):
    make_question(owner=teacher)  # an Extended question
    client.force_login(teacher)
    body = client.get(
        reverse("questions:bank"), {"tier": "Core", "syllabus_code": "Z9.9"}
    ).content.decode()
    assert "Z9.9 is not a 0580 syllabus code" in body
    assert "No questions match these filters." in body  # the tier filter still applied


def test_a_card_prints_part_labels_as_cambridge_does(client, teacher, make_question):
    make_question(
        seed=0, owner=teacher, template="geometry.parallel_line_angles", tier="Core", difficulty=2
    )
    client.force_login(teacher)
    body = client.get(reverse("questions:bank")).content.decode()
    assert '<span class="part-label">(a)(i)</span>' in body
    assert '<span class="part-label">(b)(ii)</span>' in body
    assert "(a(i))" not in body and "(b(ii))" not in body
