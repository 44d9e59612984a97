"""The HTML a paper's socket pushes: the job panel, and after a job ends the editor's regions,
rendered for the user watching (what they may change differs)."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from papers import selectors
from papers.forms import PaperForm, ShareForm, VersionsForm
from papers.models import Paper
from papers.schemas import Version

TEMPLATE = "papers/paper_detail.html"
VERSIONS = [
    {"value": Version.STUDENT.value, "label": "Student"},
    {"value": Version.TEACHER.value, "label": "Teacher"},
    {"value": Version.MARK_SCHEME.value, "label": "Mark scheme"},
    {"value": Version.ANSWER_KEY.value, "label": "Answer key"},
]


def may_change(user: Any, paper: Paper) -> bool:
    return bool(user.is_staff or paper.owner_id == user.pk)


def paper_initial(paper: Paper) -> dict[str, Any]:
    """The settings form's values: the paper as it is."""
    return {
        "title": paper.title,
        "kind": paper.kind,
        "tier": paper.tier_id,
        "calculator_policy": paper.calculator_policy_id,
        "time_allowed_minutes": paper.time_allowed_minutes,
        "instructions": paper.instructions,
        "page_size": paper.page_size,
    }


def editor_context(user: Any, paper: Paper, **extra: Any) -> dict[str, Any]:
    """Everything the editor's regions show (also what the paper's socket re-renders)."""
    items = selectors.paper_items(paper)
    variants = selectors.paper_variants(paper, items=items)
    labels = ["A", *(v.label for v in variants)]
    files = selectors.paper_files(paper)
    prints: dict[tuple[str, str], str] = {}  # what each version looks like now, per page size
    for file in files:
        key = (file.variant_label, file.page_size)
        if items and key not in prints and file.variant_label in labels:
            document = selectors.paper_document(
                paper, label=file.variant_label, items=items, variants=variants
            )
            prints[key] = selectors.document_fingerprint(document, file.page_size)
        file.current = prints.get(key) == file.fingerprint  # type: ignore[attr-defined]
    return {
        "paper": paper,
        "items": items,
        "total_marks": sum(i.marks for i in items),
        "may_change": may_change(user, paper),
        "labels": labels,
        "versions": VERSIONS,
        "stale_variants": len(variants) < paper.variants.count(),
        "files": files,
        "files_by_key": {
            (f.variant_label, f.version): f for f in files if f.page_size == paper.page_size
        },
        "job": selectors.paper_active_job(paper)
        or next(iter(selectors.paper_jobs(paper, 1)), None),
        "basket": selectors.basket_list(user=user),
        "versions_form": VersionsForm(),
        "settings_form": PaperForm(initial=paper_initial(paper))
        if may_change(user, paper)
        else None,
        "share_form": ShareForm(),
        "nav": "papers",
        **extra,
    }


def render_paper_push(paper_id: Any, *, user: Any, whole: bool) -> str:
    """Out-of-band swaps for a paper page: its job panel, and with ``whole`` the questions,
    versions and files too. Empty when the paper is gone."""
    paper = Paper.objects.select_related("tier", "calculator_policy").filter(pk=paper_id).first()
    if paper is None:
        return ""
    if whole:
        paper = selectors.paper_get(user=user, paper_id=paper_id)
        context = {**editor_context(user, paper), "editor_oob": True}
        return render_to_string(f"{TEMPLATE}#paper-editor", context)
    job = selectors.paper_active_job(paper) or next(iter(selectors.paper_jobs(paper, 1)), None)
    return render_to_string(
        f"{TEMPLATE}#job-panel",
        {"paper": paper, "job": job, "oob": True, "may_change": may_change(user, paper)},
    )
