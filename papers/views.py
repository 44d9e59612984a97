"""Teacher pages for papers: the list, a new paper (by hand or to a blueprint), the editor,
versions, printing and downloads, sharing, and the basket."""

from __future__ import annotations

import random
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from papers import jobs, selectors, services
from papers.forms import BlueprintForm, PaperForm, PrintForm, ShareForm, VersionsForm
from papers.fragments import editor_context
from papers.models import JobKind, Paper, PaperJob
from papers.printing import file_is_current
from papers.schemas import PageSize, Version
from papers.variants import variants_check
from questions.models import Question

EDITOR = "papers/paper_detail.html"
# A preview is a paper (inline styles, a font, inline figures) shown in the editor's iframe,
# on this origin: it needs no script, so none may run, should a stored value ever become one.
PREVIEW_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
)


def _paper_or_404(request: HttpRequest, paper_id: Any, *, for_change: bool = False) -> Paper:
    try:
        return selectors.paper_get(user=request.user, paper_id=paper_id, for_change=for_change)
    except (Paper.DoesNotExist, ValueError):
        if for_change and Paper.objects.visible_to(request.user).filter(pk=paper_id).exists():
            raise PermissionDenied("Only the paper's owner can change it.") from None
        raise Http404("No such paper") from None


def _editor(request: HttpRequest, paper: Paper, *, status: int = 200, **extra: Any) -> HttpResponse:
    """The editor page, or (htmx) its main region, after an action."""
    template = EDITOR + "#paper-editor" if request.htmx else EDITOR
    extra.setdefault("show_messages", bool(request.htmx))
    return render(request, template, editor_context(request.user, paper, **extra), status=status)


def _after_action(request: HttpRequest, paper: Paper) -> HttpResponse:
    if request.htmx:
        return _editor(request, selectors.paper_get(user=request.user, paper_id=paper.pk))
    return redirect("papers:paper-detail", paper_id=paper.pk)


# -- list and new ----------------------------------------------------------------------------
@login_required
@require_GET
def paper_list(request: HttpRequest) -> HttpResponse:
    papers = selectors.paper_list(user=request.user)
    return render(request, "papers/paper_list.html", {"papers": papers, "nav": "papers"})


@login_required
@require_http_methods(["GET", "POST"])
def paper_new(request: HttpRequest) -> HttpResponse:
    initial = {"tier": request.GET.get("tier", "Extended"), "calculator_policy": "allowed"}
    form = PaperForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        paper = services.paper_create(owner=request.user, **form.values())
        if request.POST.get("from_basket"):
            basket = selectors.basket_list(user=request.user)
            result = services.basket_into_paper(
                owner=request.user, paper=paper, questions=[b.question for b in basket]
            )
            _report_added(request, result)
        return redirect("papers:paper-detail", paper_id=paper.pk)
    basket = selectors.basket_list(user=request.user)
    return render(
        request,
        "papers/paper_new.html",
        {"form": form, "basket": basket, "nav": "papers"},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def paper_blueprint(request: HttpRequest) -> HttpResponse:
    """A paper filled to a blueprint: checked at once, then filled by the task worker."""
    if request.method == "POST":
        form = BlueprintForm(request.POST, user=request.user)
        if form.is_valid():
            paper, _job = jobs.fill_start(owner=request.user, blueprint=form.blueprint)
            url = reverse("papers:paper-detail", args=[paper.pk])
            return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    else:
        preset = request.GET.get("preset", "paper4")
        form = BlueprintForm(initial=_preset_initial(preset), user=request.user)
    template = "papers/paper_blueprint.html"
    if request.htmx:
        template += "#blueprint-form"
    return render(
        request, template, {"form": form, "nav": "papers"}, status=400 if form.errors else 200
    )


def _preset_initial(preset: str) -> dict[str, Any]:
    from papers.blueprints import PRESETS

    return BlueprintForm.initial_for(preset) if preset in PRESETS else {"preset": ""}


# -- the editor ------------------------------------------------------------------------------
@login_required
@require_GET
@vary_on_headers("HX-Request")
def paper_detail(request: HttpRequest, paper_id: Any) -> HttpResponse:
    return _editor(request, _paper_or_404(request, paper_id))


@login_required
@require_POST
def paper_update(request: HttpRequest, paper_id: Any) -> HttpResponse:
    paper = _paper_or_404(request, paper_id, for_change=True)
    form = PaperForm(request.POST)
    if form.is_valid():
        try:
            services.paper_update(paper=paper, **form.values())
        except services.PaperError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Saved.")
            return _after_action(request, paper)
    return _editor(request, paper, settings_form=form, settings_open=True, status=400)


def _report_added(request: HttpRequest, result: services.AddResult) -> None:
    if result.added:
        n = len(result.added)
        messages.success(request, f"Added {n} question{'s' if n != 1 else ''}.")
    for reason in result.skipped:
        messages.warning(request, f"Not added: {reason}")


@login_required
@require_POST
def paper_add(request: HttpRequest, paper_id: Any) -> HttpResponse:
    """Add questions to the paper: those named (``question``), or the whole basket."""
    paper = _paper_or_404(request, paper_id, for_change=True)
    wanted = request.POST.getlist("question")
    visible = Question.objects.visible_to(request.user)
    if wanted:
        found = {str(q.pk): q for q in visible.filter(pk__in=_uuids(wanted))}
        questions = [found[q] for q in wanted if q in found]
        result = services.basket_into_paper(owner=request.user, paper=paper, questions=questions)
        missing = len(set(wanted)) - len(found)
        if missing:
            result.skipped.append(f"{missing} question(s) are no longer in the bank.")
    else:
        basket = selectors.basket_list(user=request.user)
        if not basket:
            messages.info(
                request, "Your basket is empty: add questions from the bank or a session."
            )
        result = services.basket_into_paper(
            owner=request.user, paper=paper, questions=[b.question for b in basket]
        )
    _report_added(request, result)
    return _after_action(request, paper)


def _uuids(values: list[str]) -> list[str]:
    import uuid

    valid = []
    for value in values:
        try:
            valid.append(str(uuid.UUID(value)))
        except ValueError:
            continue
    return valid


@login_required
@require_POST
def item_remove(request: HttpRequest, paper_id: Any, item_id: int) -> HttpResponse:
    paper = _paper_or_404(request, paper_id, for_change=True)
    try:
        removed = services.paper_remove_item(paper=paper, item_id=item_id)
        messages.success(
            request,
            f"Removed “{removed.content.get('title', 'the question')}”; the questions after it are renumbered.",
        )
    except services.PaperError as exc:
        messages.warning(request, str(exc))
    return _after_action(request, paper)


@login_required
@require_POST
def item_move(request: HttpRequest, paper_id: Any, item_id: int) -> HttpResponse:
    paper = _paper_or_404(request, paper_id, for_change=True)
    try:
        position = int(request.POST.get("position", ""))
        services.paper_move_item(paper=paper, item_id=item_id, position=position)
    except ValueError:
        messages.warning(request, "Say where to move the question: a number from 1.")
    except services.PaperError as exc:
        messages.warning(request, str(exc))
    return _after_action(request, paper)


@login_required
@require_POST
def item_reorder(request: HttpRequest, paper_id: Any) -> HttpResponse:
    paper = _paper_or_404(request, paper_id, for_change=True)
    try:
        services.paper_reorder(paper=paper, item_ids=request.POST.getlist("item"))
    except services.PaperError as exc:
        messages.warning(request, str(exc))
    return _after_action(request, paper)


@login_required
@require_POST
def item_another(request: HttpRequest, paper_id: Any, item_id: int) -> HttpResponse:
    paper = _paper_or_404(request, paper_id, for_change=True)
    try:
        item = services.paper_replace_item(
            paper=paper, item_id=item_id, owner=request.user, seed=random.randint(1, 10**9)
        )
        messages.success(
            request,
            f"Question {item.position} is now “{item.content['title']}”, verified and saved to your bank.",
        )
    except services.PaperError as exc:
        messages.warning(request, str(exc))
    return _after_action(request, paper)


# -- versions, printing, downloads -----------------------------------------------------------
def _start_job(request: HttpRequest, paper: Paper, kind: JobKind, params: dict[str, Any]) -> bool:
    try:
        jobs.job_start(paper=paper, owner=request.user, kind=kind, params=params)
    except jobs.JobRefused as exc:
        messages.warning(request, str(exc))
        return False
    return True


@login_required
@require_POST
def paper_versions(request: HttpRequest, paper_id: Any) -> HttpResponse:
    paper = _paper_or_404(request, paper_id, for_change=True)
    form = VersionsForm(request.POST)
    if not form.is_valid():
        messages.warning(request, "Choose how many versions to make (2 to 8).")
        return _after_action(request, paper)
    count = form.cleaned_data["count"]
    try:
        warnings = variants_check(paper=paper, count=count)
    except services.PaperError as exc:
        messages.error(request, str(exc))
        return _after_action(request, paper)
    if _start_job(request, paper, JobKind.VARIANTS, {"count": count}):
        for warning in warnings:
            messages.info(request, warning)
    return _after_action(request, paper)


@login_required
@require_POST
def paper_print(request: HttpRequest, paper_id: Any) -> HttpResponse:
    paper = _paper_or_404(request, paper_id, for_change=True)
    form = PrintForm(request.POST)
    page_size = form.cleaned_data["page_size"] if form.is_valid() else paper.page_size
    if not paper.items.exists():
        messages.warning(request, "Add questions before printing the paper.")
    elif page_size != paper.page_size:
        services.paper_update(paper=paper, page_size=page_size)
        _start_job(request, paper, JobKind.PRINT, {"page_size": page_size})
    else:
        _start_job(request, paper, JobKind.PRINT, {"page_size": page_size})
    return _after_action(request, paper)


@login_required
@require_POST
def job_cancel(request: HttpRequest, paper_id: Any, job_id: Any) -> HttpResponse:
    paper = _paper_or_404(request, paper_id, for_change=True)
    try:
        job = paper.jobs.get(pk=job_id)
    except (PaperJob.DoesNotExist, ValueError):
        raise Http404("No such job") from None
    jobs.job_cancel(job=job)
    messages.info(request, "Cancelling: it stops after its current step.")
    return _after_action(request, paper)


def _label_and_version(paper: Paper, label: str, version: str) -> tuple[str, Version]:
    try:
        chosen = Version(version)
    except ValueError:
        raise Http404("No such version") from None
    if label not in selectors.version_labels(paper):
        raise Http404("No such version of this paper")
    return label, chosen


@login_required
@require_GET
@xframe_options_sameorigin
def paper_preview(request: HttpRequest, paper_id: Any, label: str, version: str) -> HttpResponse:
    """One version as a standalone HTML page (shown in the editor; prints from the browser)."""
    paper = _paper_or_404(request, paper_id)
    label, chosen = _label_and_version(paper, label, version)
    from papers.typeset import render_html

    try:
        document = selectors.paper_document(paper, label=label)
    except ValueError as exc:
        return HttpResponse(str(exc), status=409, content_type="text/plain; charset=utf-8")
    response = HttpResponse(render_html(document, chosen, page_size=PageSize(paper.page_size)))
    response["Content-Security-Policy"] = PREVIEW_POLICY
    return response


@login_required
@require_GET
def paper_download(request: HttpRequest, paper_id: Any, label: str, version: str) -> HttpResponse:
    paper = _paper_or_404(request, paper_id)
    label, chosen = _label_and_version(paper, label, version)
    page_size = request.GET.get("size") or paper.page_size
    if page_size not in {size.value for size in PageSize}:
        raise Http404(f"No such page size (there are {', '.join(s.value for s in PageSize)})")
    file = paper.files.filter(
        variant_label=label, version=chosen.value, page_size=page_size
    ).first()
    if file is None:
        messages.warning(request, "That PDF has not been printed yet: press Print first.")
        return redirect("papers:paper-detail", paper_id=paper.pk)
    name = f"{slugify(paper.title) or 'paper'}-{label}-{chosen.value.replace('_', '-')}-{page_size.lower()}.pdf"
    response = HttpResponse(bytes(file.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    if not file_is_current(file, paper):
        response["X-Derivativ-Stale"] = "the paper changed after this was printed"
    return response


# -- sharing and deleting --------------------------------------------------------------------
@login_required
@require_POST
def paper_share(request: HttpRequest, paper_id: Any) -> HttpResponse:
    paper = _paper_or_404(request, paper_id, for_change=True)
    form = ShareForm(request.POST)
    if form.is_valid():
        missing = services.paper_share(paper=paper, usernames=form.names())
        if missing:
            messages.warning(request, f"No teacher is called {', '.join(missing)}.")
        else:
            messages.success(request, "Shared: they can see and print it.")
    else:
        messages.warning(request, "Give the usernames to share with.")
    return _after_action(request, paper)


@login_required
@require_POST
def paper_unshare(request: HttpRequest, paper_id: Any, user_id: int) -> HttpResponse:
    paper = _paper_or_404(request, paper_id, for_change=True)
    services.paper_unshare(paper=paper, user_id=user_id)
    return _after_action(request, paper)


@login_required
@require_POST
def paper_delete(request: HttpRequest, paper_id: Any) -> HttpResponse:
    paper = _paper_or_404(request, paper_id, for_change=True)
    title = paper.title
    services.paper_delete(paper=paper)
    messages.success(request, f"Deleted “{title}”.")
    url = reverse("papers:paper-list")
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


# -- the basket ------------------------------------------------------------------------------
def _back(request: HttpRequest, default: str) -> str:
    """Where to send the teacher back to: ``next`` or the referring page when it is a path or
    URL on this site, else ``default``. (Anything else would reach ``redirect()``, which takes
    a bare word for a view name: ``next=x`` was a NoReverseMatch, a 500.)"""
    target = request.POST.get("next") or request.META.get("HTTP_REFERER") or ""
    if (
        target.isprintable()
        and (target.startswith("/") or "://" in target)
        and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    ):
        return target
    return default


@login_required
@require_GET
def basket(request: HttpRequest) -> HttpResponse:
    items = selectors.basket_list(user=request.user)
    papers = selectors.paper_list(user=request.user).filter(owner=request.user)[:20]
    return render(
        request, "papers/basket.html", {"basket": items, "papers": papers, "nav": "papers"}
    )


@login_required
@require_POST
def basket_add(request: HttpRequest) -> HttpResponse:
    try:
        question = Question.objects.visible_to(request.user).get(pk=request.POST.get("question"))
    except (Question.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such question") from None
    if not question.verified:
        message = "It failed verification, so it cannot go on a paper."
        if request.htmx:
            return render(
                request,
                "papers/basket.html#basket-button",
                {"question": question, "refused": message},
            )
        messages.warning(request, message)
        return redirect(_back(request, reverse("questions:bank")))
    services.basket_add(owner=request.user, question=question)
    if request.htmx:
        return render(
            request, "papers/basket.html#basket-added", _basket_context(request, question)
        )
    messages.success(request, f"“{question.title}” is in your basket.")
    return redirect(_back(request, reverse("questions:bank")))


@login_required
@require_POST
def basket_remove(request: HttpRequest) -> HttpResponse:
    for question_id in _uuids([request.POST.get("question", "")]):
        services.basket_remove(owner=request.user, question_id=question_id)
    return redirect(_back(request, reverse("papers:basket")))


@login_required
@require_POST
def basket_clear(request: HttpRequest) -> HttpResponse:
    services.basket_clear(owner=request.user)
    messages.info(request, "Your basket is empty.")
    return redirect("papers:basket")


def _basket_context(request: HttpRequest, question: Question) -> dict[str, Any]:
    return {"question": question, "basket_count": selectors.basket_count(user=request.user)}
