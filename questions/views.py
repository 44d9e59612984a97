"""The question bank: browse and filter, read a question, review and edit it."""

from __future__ import annotations

import random

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from questions import paging, selectors, services
from questions.forms import BankFilterForm, QuestionEditForm, RejectForm
from questions.models import Question


@login_required
@require_GET
@vary_on_headers("HX-Request")
def bank(request: HttpRequest) -> HttpResponse:
    form = BankFilterForm(request.GET or None)
    page = selectors.bank_page(user=request.user, filters=form.filters(), params=request.GET)
    context = {
        "filters": form,
        "page": page,
        "links": paging.page_links(request.GET, page),
        "nav": "bank",
    }
    template = "questions/question_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#bank-results"
    return render(request, template, context)


def _question_or_404(request: HttpRequest, question_id: str) -> Question:
    try:
        return selectors.question_get(user=request.user, question_id=question_id)
    except (Question.DoesNotExist, ValueError):
        raise Http404("No such question") from None


def _may_review(request: HttpRequest, question: Question) -> bool:
    return bool(request.user.is_staff or question.owner_id == request.user.pk)


@login_required
@require_GET
def question_detail(request: HttpRequest, question_id: str) -> HttpResponse:
    question = _question_or_404(request, question_id)
    return render(
        request,
        "questions/question_detail.html",
        {
            "question": question,
            "may_review": _may_review(request, question),
            "reject_form": RejectForm(),
            "nav": "bank",
        },
    )


@login_required
@require_POST
def question_approve(request: HttpRequest, question_id: str) -> HttpResponse:
    question = _question_or_404(request, question_id)
    if not _may_review(request, question):
        raise PermissionDenied
    try:
        services.question_approve(question=question)
        messages.success(request, "Approved: it is now in everyone's bank.")
    except services.QuestionNotVerified as exc:
        messages.error(request, f"Not approved. {exc}")
    return redirect("questions:question-detail", question_id=question.pk)


@login_required
@require_POST
def question_reject(request: HttpRequest, question_id: str) -> HttpResponse:
    question = _question_or_404(request, question_id)
    if not _may_review(request, question):
        raise PermissionDenied
    form = RejectForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "questions/question_detail.html",
            {"question": question, "may_review": True, "reject_form": form, "nav": "bank"},
        )
    services.question_reject(question=question, reason=form.cleaned_data["reason"])
    messages.success(request, "Rejected.")
    return redirect("questions:question-detail", question_id=question.pk)


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, question_id: str) -> HttpResponse:
    question = _question_or_404(request, question_id)
    if not _may_review(request, question):
        raise PermissionDenied
    content = question.content
    form = QuestionEditForm(
        request.POST if request.method == "POST" else None,
        initial={"title": content["title"], "stem": content["stem"]},
    )
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        edited = services.question_edited_content(
            content=content,
            title=form.cleaned_data["title"],
            stem=form.cleaned_data["stem"],
            parts={
                k.removeprefix("part-text-"): v
                for k, v in request.POST.items()
                if k.startswith("part-text-")
            },
            part_marks={
                k.removeprefix("part-marks-"): v
                for k, v in request.POST.items()
                if k.startswith("part-marks-")
            },
            line_counts={
                k.removeprefix("line-count-"): v
                for k, v in request.POST.items()
                if k.startswith("line-count-")
            },
        )
        try:
            services.question_update_content(question=question, content=edited)
        except services.QuestionInvalid as exc:
            errors = exc.errors
            content = edited
        else:
            if question.verified:
                messages.success(request, "Saved and re-verified: every answer still checks out.")
            else:
                messages.error(
                    request,
                    "Saved, but it failed verification (see the report below), so it cannot be approved.",
                )
            return redirect("questions:question-detail", question_id=question.pk)
    return render(
        request,
        "questions/question_edit.html",
        {"question": question, "content": content, "form": form, "errors": errors, "nav": "bank"},
    )


@login_required
@require_POST
def question_another(request: HttpRequest, question_id: str) -> HttpResponse:
    """Start a one-question session for a new variant of this question's template."""
    from generation.schemas import GenerationRequest, Mode
    from generation.services import SessionRefused, session_start

    question = _question_or_404(request, question_id)
    content = question.content
    try:
        session = session_start(
            owner=request.user,
            request=GenerationRequest(
                tier=content["tier"],
                syllabus_codes=content["syllabus_codes"],
                difficulty=content["difficulty"],
                count=1,
                mode=Mode.OFFLINE,
                seed=random.randint(1, 10**9),
                template=question.template if question.template not in ("llm", "manual") else "",
            ),
        )
    except SessionRefused as exc:
        messages.error(request, str(exc))
        return redirect("questions:question-detail", question_id=question.pk)
    return redirect(reverse("generation:session-detail", args=[session.pk]))
