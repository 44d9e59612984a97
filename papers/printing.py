"""Printing a paper: every current version (A, B, …) in its four PDFs (student, teacher,
mark scheme, answer key), stored so they can be downloaded again."""

from __future__ import annotations

import time

from papers import selectors
from papers.jobs import job_log
from papers.models import Paper, PaperFile, PaperJob
from papers.schemas import PageSize, Version


def run_print(job: PaperJob) -> None:
    from papers.typeset import render_all  # the typesetter loads its engine on first use

    paper = Paper.objects.select_related("tier", "calculator_policy").get(pk=job.paper_id)
    page_size = PageSize(job.params.get("page_size") or paper.page_size)
    labels = selectors.version_labels(paper)
    job_log(
        job,
        f"Printing {len(labels)} version{'s' if len(labels) > 1 else ''} × 4 PDFs ({page_size.value}).",
        done=0,
        total=len(labels),
    )
    for n, label in enumerate(labels, start=1):
        document = selectors.paper_document(paper, label=label)
        fingerprint = selectors.document_fingerprint(document, page_size)
        started = time.perf_counter()
        pdfs = render_all(document, page_size=page_size)
        elapsed = int((time.perf_counter() - started) * 1000)
        for version, pdf in pdfs.items():
            PaperFile.objects.update_or_create(
                paper=paper,
                variant_label=label,
                version=Version(version).value,
                page_size=page_size.value,
                defaults={
                    "pdf": pdf,
                    "fingerprint": fingerprint,
                    "size_bytes": len(pdf),
                    "render_ms": elapsed,
                },
            )
        job_log(
            job,
            f"Version {label}: student, teacher, mark scheme and answer key in {elapsed} ms.",
            done=n,
        )
    PaperFile.objects.filter(paper=paper).exclude(variant_label__in=labels).delete()


def file_is_current(file: PaperFile, paper: Paper) -> bool:
    """Whether a stored PDF still shows the paper as it is (its questions, order and header)."""
    try:
        document = selectors.paper_document(paper, label=file.variant_label)
    except (KeyError, ValueError):
        return False
    return file.fingerprint == selectors.document_fingerprint(document, file.page_size)
