"""Paper pages: list, new, blueprint, the editor's actions (full page and htmx), the basket,
who may see and change what."""

from __future__ import annotations

import pytest
from django.urls import reverse

from papers import selectors, services
from papers.models import BasketItem, JobKind, Paper, PaperJob
from questions.models import ReviewState

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def paper(teacher, make_question):
    paper = services.paper_create(
        owner=teacher, title="Circles test", tier="Extended", calculator_policy="allowed"
    )
    services.paper_add_questions(
        paper=paper, questions=[make_question(seed=s, owner=teacher) for s in (1, 2, 3)]
    )
    return paper


def _url(name, paper, *args):
    return reverse(f"papers:{name}", args=[paper.pk, *args])


def test_the_list_shows_my_papers_and_those_shared_with_me(client, teacher, other_teacher, paper):
    mine = services.paper_create(
        owner=other_teacher, title="Bob's quiz", tier="Core", calculator_policy="allowed"
    )
    client.force_login(other_teacher)
    body = client.get(reverse("papers:paper-list")).content.decode()
    assert "Bob&#x27;s quiz" in body and "Circles test" not in body
    services.paper_share(paper=paper, usernames=["bob"])
    body = client.get(reverse("papers:paper-list")).content.decode()
    assert "Circles test" in body and "alice" in body
    assert mine.pk  # still there


def test_the_editor_shows_numbered_questions_and_the_total(client, teacher, paper):
    client.force_login(teacher)
    body = client.get(_url("paper-detail", paper)).content.decode()
    items = selectors.paper_items(paper)
    for n, item in enumerate(items, start=1):
        assert f'id="item-{item.pk}"' in body
        assert f"Move question {n} up" in body or n == 1
    total = sum(i.marks for i in items)
    assert f"3 questions · {total} marks" in body
    assert 'ws-connect="/ws/papers/' in body
    assert "Delete paper" in body and "Make versions" in body


def test_removing_with_htmx_returns_the_renumbered_editor(client, teacher, paper):
    client.force_login(teacher)
    items = selectors.paper_items(paper)
    response = client.post(_url("item-remove", paper, items[0].pk), **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="paper-editor"')
    assert f'id="item-{items[0].pk}"' not in body
    assert "2 questions ·" in body
    assert "renumbered" in body  # the message comes with the fragment
    assert [i.position for i in selectors.paper_items(paper)] == [1, 2]


def test_moves_and_reorders_without_javascript_redirect_back(client, teacher, paper):
    client.force_login(teacher)
    items = selectors.paper_items(paper)
    response = client.post(_url("item-move", paper, items[2].pk), {"position": "1"})
    assert response.status_code == 302 and response["Location"] == _url("paper-detail", paper)
    assert selectors.paper_items(paper)[0].pk == items[2].pk
    response = client.post(_url("item-move", paper, items[2].pk), {"position": "first"})
    assert response.status_code == 302  # refused with a message, nothing changed
    ids = [str(i.pk) for i in reversed(items)]
    client.post(_url("item-reorder", paper), {"item": ids}, **HTMX)
    assert [str(i.pk) for i in selectors.paper_items(paper)] == ids


def test_another_like_this_from_the_editor(client, teacher, paper):
    client.force_login(teacher)
    item = selectors.paper_items(paper)[0]
    body = client.post(_url("item-another", paper, item.pk), **HTMX).content.decode()
    replaced = selectors.paper_items(paper)[0]
    assert replaced.variant_key != item.variant_key and replaced.marks == item.marks
    assert "verified and saved to your bank" in body


def test_settings_with_errors_re_render_and_keep_what_was_typed(client, teacher, paper):
    client.force_login(teacher)
    data = {
        "title": "",
        "kind": "quiz",
        "tier": "Extended",
        "calculator_policy": "not_allowed",
        "time_allowed_minutes": "45",
        "page_size": "A4",
        "instructions": "Show all your working.",
    }
    response = client.post(_url("paper-update", paper), data, **HTMX)
    assert response.status_code == 400
    body = response.content.decode()
    assert "This field is required" in body and "Show all your working." in body
    data["title"] = "Quiz"
    response = client.post(_url("paper-update", paper), data, **HTMX)
    assert response.status_code == 400
    assert "needs a calculator" in response.content.decode()  # the questions do not fit
    paper.refresh_from_db()
    assert paper.title == "Circles test" and paper.calculator_policy_id == "allowed"


def test_another_teacher_cannot_see_or_change_a_paper(client, other_teacher, paper):
    client.force_login(other_teacher)
    assert client.get(_url("paper-detail", paper)).status_code == 404
    item = selectors.paper_items(paper)[0]
    assert client.post(_url("item-remove", paper, item.pk)).status_code == 404
    assert client.get(_url("paper-download", paper, "A", "student")).status_code == 404
    assert client.get(_url("paper-preview", paper, "A", "student")).status_code == 404
    assert paper.items.count() == 3


def test_a_shared_paper_is_read_only_for_the_teacher_it_is_shared_with(
    client, other_teacher, paper
):
    services.paper_share(paper=paper, usernames=["bob"])
    client.force_login(other_teacher)
    body = client.get(_url("paper-detail", paper)).content.decode()
    assert "Circles test" in body and "Delete paper" not in body and "Remove" not in body
    item = selectors.paper_items(paper)[0]
    assert client.post(_url("item-remove", paper, item.pk)).status_code == 403
    assert client.post(_url("paper-delete", paper)).status_code == 403
    assert Paper.objects.filter(pk=paper.pk).exists()


def test_staff_may_see_and_change_any_paper(client, staff_user, paper):
    client.force_login(staff_user)
    assert client.get(_url("paper-detail", paper)).status_code == 200
    response = client.post(_url("paper-delete", paper))
    assert response.status_code == 302 and not Paper.objects.filter(pk=paper.pk).exists()


def test_anonymous_visitors_are_sent_to_log_in(client, paper):
    for url in (
        reverse("papers:paper-list"),
        _url("paper-detail", paper),
        reverse("papers:basket"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_basket_from_a_bank_card_to_a_new_paper(client, teacher, make_question):
    client.force_login(teacher)
    question = make_question(seed=1, owner=teacher)
    bank = client.get(reverse("questions:bank")).content.decode()
    assert f'value="{question.pk}"' in bank and "Add to paper" in bank
    response = client.post(reverse("papers:basket-add"), {"question": question.pk}, **HTMX)
    body = response.content.decode()
    assert "In your basket" in body
    assert 'id="basket-indicator"' in body and 'hx-swap-oob="true"' in body
    assert BasketItem.objects.filter(owner=teacher, question=question).exists()
    assert ">1<" in client.get(reverse("papers:basket")).content.decode()  # the count in the nav
    response = client.post(
        reverse("papers:paper-new"),
        {
            "title": "From my basket",
            "kind": "worksheet",
            "tier": "Extended",
            "calculator_policy": "allowed",
            "page_size": "A4",
            "from_basket": "1",
        },
    )
    paper = Paper.objects.get(title="From my basket")
    assert response.status_code == 302
    assert [i.question for i in selectors.paper_items(paper)] == [question]
    assert not BasketItem.objects.filter(owner=teacher).exists()


def test_an_unverified_question_cannot_go_in_the_basket(client, teacher, question_content):
    from questions import services as question_services

    content = question_content(seed=1).model_dump(mode="json")
    content["parts"][0]["answers"][0]["value"] = "999"
    broken = question_services.question_create(
        content=content, owner=teacher, allow_unverified=True
    )
    client.force_login(teacher)
    body = client.post(
        reverse("papers:basket-add"), {"question": broken.pk}, **HTMX
    ).content.decode()
    assert "failed verification" in body
    assert not BasketItem.objects.exists()


def test_another_teachers_draft_cannot_be_put_in_a_basket(
    client, other_teacher, make_question, teacher
):
    draft = make_question(seed=1, owner=teacher, review_state=ReviewState.DRAFT)
    client.force_login(other_teacher)
    assert client.post(reverse("papers:basket-add"), {"question": draft.pk}).status_code == 404
    assert client.post(reverse("papers:basket-add"), {"question": "not-a-uuid"}).status_code == 404


def test_a_blueprint_is_checked_before_any_work(
    client, teacher, django_capture_on_commit_callbacks
):
    client.force_login(teacher)
    page = client.get(reverse("papers:paper-blueprint")).content.decode()
    assert "Paper 4 style" in page and 'value="100"' in page
    data = {
        "preset": "",
        "title": "One code only",
        "tier": "Core",
        "calculator_policy": "allowed",
        "total_marks": "100",
        "difficulty_min": "1",
        "difficulty_max": "5",
        "codes": "C1.1",
    }
    response = client.post(reverse("papers:paper-blueprint"), data, **HTMX)
    assert response.status_code == 400
    body = response.content.decode()
    assert "This blueprint cannot be met" in body and "cannot make 100 marks" in body
    assert 'value="One code only"' in body  # nothing typed is lost
    assert not Paper.objects.exists() and not PaperJob.objects.exists()
    data.update({"codes": "C1.1: 1, C9.9", "total_marks": "40"})
    body = client.post(reverse("papers:paper-blueprint"), data, **HTMX).content.decode()
    assert "C9.9 is not a 0580 syllabus code" in body


def test_a_valid_blueprint_starts_a_fill_and_opens_the_paper(
    client, teacher, django_capture_on_commit_callbacks
):
    client.force_login(teacher)
    from papers.forms import BlueprintForm

    data = {k: v for k, v in BlueprintForm.initial_for("paper2").items() if v is not None}
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("papers:paper-blueprint"), data)
    paper = Paper.objects.get()
    assert response.status_code == 302 and response["Location"] == _url("paper-detail", paper)
    job = PaperJob.objects.get()
    assert job.kind == JobKind.FILL and job.status_id == "pending" and len(callbacks) == 1
    assert paper.tier_id == "Extended" and paper.calculator_policy_id == "not_allowed"
    assert paper.title == "Paper 2-style mock" and paper.time_allowed_minutes == 120
    body = client.get(_url("paper-detail", paper)).content.decode()
    assert "Fill to the blueprint: Pending" in body


def test_too_many_versions_are_refused_with_the_reason(client, teacher, make_question):
    paper = services.paper_create(
        owner=teacher, title="x", tier="Extended", calculator_policy="allowed"
    )
    services.paper_add_questions(paper=paper, questions=[make_question(seed=1, owner=teacher)])
    client.force_login(teacher)
    body = client.post(_url("paper-versions", paper), {"count": "12"}, **HTMX).content.decode()
    assert "Choose how many versions" in body
    assert not PaperJob.objects.exists()


def test_downloading_before_printing_says_so(client, teacher, paper):
    client.force_login(teacher)
    response = client.get(_url("paper-download", paper, "A", "student"), follow=True)
    assert "has not been printed yet" in response.content.decode()
    assert client.get(_url("paper-download", paper, "Z", "student")).status_code == 404
    assert client.get(_url("paper-download", paper, "A", "poster")).status_code == 404
