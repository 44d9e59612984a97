"""The typesetter: a paper's versions as standalone HTML (the preview, and printing from the
browser) and as print-ready PDF, made on the server from the same HTML by Chromium's print to
PDF (see ``docs/typesetting.md`` for why).

Everything printed comes from the :class:`~papers.schemas.PaperDocument`: each question's own
verified answers and mark scheme, never recomputed here.
"""

from __future__ import annotations

from papers.schemas import PageSize, PaperDocument, Version
from papers.typeset.chromium import TypesetError, print_pdfs
from papers.typeset.html import render_html

__all__ = ["TypesetError", "render_all", "render_html", "render_pdf"]

ALL_VERSIONS = (Version.STUDENT, Version.TEACHER, Version.MARK_SCHEME, Version.ANSWER_KEY)


def render_pdf(
    document: PaperDocument, version: Version, *, page_size: PageSize = PageSize.A4
) -> bytes:
    """One version as PDF; raises :class:`TypesetError` with a readable reason."""
    return render_all(document, page_size=page_size, versions=(version,))[version]


def render_all(
    document: PaperDocument,
    *,
    page_size: PageSize = PageSize.A4,
    versions: tuple[Version, ...] = ALL_VERSIONS,
) -> dict[Version, bytes]:
    """The student copy, teacher copy, mark scheme and answer key (or ``versions``) as PDFs,
    from one warm browser."""
    jobs = [
        (version, render_html(document, version, page_size=page_size), _header(document, version))
        for version in versions
    ]
    pdfs = print_pdfs([(html, header) for _, html, header in jobs], page_size=PageSize(page_size))
    return {version: pdf for (version, _, _), pdf in zip(jobs, pdfs, strict=True)}


VERSION_NAMES = {
    Version.STUDENT: "",
    Version.TEACHER: "Teacher's copy",
    Version.MARK_SCHEME: "Mark scheme",
    Version.ANSWER_KEY: "Answer key",
}


def _header(document: PaperDocument, version: Version) -> str:
    """The running head: title, version label and which copy."""
    parts = [document.title]
    if document.variant_label:
        parts.append(f"Version {document.variant_label}")
    if VERSION_NAMES[version]:
        parts.append(VERSION_NAMES[version])
    return " · ".join(parts)
