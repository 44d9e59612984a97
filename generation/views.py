"""Teacher pages for generating questions and watching sessions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from generation import selectors, services
from generation.forms import GenerationForm, code_choices
from generation.models import GenerationSession


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def session_new(request: HttpRequest) -> HttpResponse:
    form = GenerationForm(
        request.POST if request.method == "POST" else None,
        initial={"tier": request.GET.get("tier", "Extended")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_start(owner=request.user, request=form.request_model)
        except services.SessionRefused as exc:
            form.add_error(None, str(exc))  # the form comes back as the teacher filled it
        else:
            url = session_url(session)
            return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    template = "generation/session_new.html"
    if request.htmx:
        template += "#generation-form"
    return render(request, template, {"form": form, "nav": "generate"})


@login_required
@require_GET
def code_options(request: HttpRequest) -> HttpResponse:
    """The syllabus-code options for a tier and a search (the form swaps them in)."""
    choices = code_choices(
        request.GET.get("tier") or None, request.GET.get("code_search", "").strip()
    )
    return render(
        request,
        "generation/session_new.html#code-options",
        {"choices": choices, "selected": request.GET.get("syllabus_code", "")},
    )


def session_url(session: GenerationSession) -> str:
    from django.urls import reverse

    return reverse("generation:session-detail", args=[session.pk])


def _session_or_404(request: HttpRequest, session_id: str) -> GenerationSession:
    try:
        return selectors.session_get(user=request.user, session_id=session_id)
    except (GenerationSession.DoesNotExist, ValueError):
        raise Http404("No such session") from None


@login_required
@require_GET
@vary_on_headers("HX-Request")
def session_detail(request: HttpRequest, session_id: str) -> HttpResponse:
    from generation.live import session_context

    session = _session_or_404(request, session_id)
    template = "generation/session_detail.html"
    if request.htmx:
        template += "#live-regions"
    return render(request, template, {**session_context(session), "nav": "sessions"})


@login_required
@require_POST
def session_cancel(request: HttpRequest, session_id: str) -> HttpResponse:
    session = _session_or_404(request, session_id)
    try:
        services.session_cancel(session=session)
        messages.info(request, "Cancelling: the session stops after its current step.")
    except services.SessionNotCancellable as exc:
        messages.warning(request, str(exc))
    url = session_url(session)
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@login_required
@require_GET
def session_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.session_list(user=request.user), 25).get_page(
        request.GET.get("page")
    )
    return render(request, "generation/session_list.html", {"page_obj": page, "nav": "sessions"})
