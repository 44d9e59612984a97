"""Versions of a paper for different classes: "Make 4 versions" gives A (the paper itself) and
B, C, D, each question replaced by another variant of its own template at the same difficulty,
with the same parts worth the same marks, verified, and no variant used twice across them."""

from __future__ import annotations

from typing import Any

from papers import making, selectors
from papers.catalogue import Catalogue, load
from papers.jobs import job_log
from papers.models import Paper, PaperJob, PaperVariant
from papers.services import PaperError
from questions.schemas import Question

MAX_VERSIONS = len(selectors.LABELS)


def variants_check(*, paper: Paper, count: int, catalogue: Catalogue | None = None) -> list[str]:
    """Refuse (:class:`PaperError`, saying what to change) a number of versions the paper's
    templates cannot make distinct; returns warnings for questions that stay the same."""
    if not 2 <= count <= MAX_VERSIONS:
        raise PaperError(f"Ask for 2 to {MAX_VERSIONS} versions.")
    items = selectors.paper_items(paper)
    if not items:
        raise PaperError("Add questions to the paper before making versions of it.")
    catalogue = catalogue or load()
    warnings: list[str] = []
    short: list[tuple[int, str]] = []
    for item in items:
        if not item.template or item.template in ("llm", "manual"):
            warnings.append(
                f"Question {item.position} is the same in every version: it was not made "
                "from a template."
            )
            continue
        content = item.content
        known = catalogue.marks(item.template, content["tier"], content["difficulty"])
        distinct = known.get(item.marks)
        if known and (distinct or 0) < count:
            short.append(
                (
                    distinct or 0,
                    f"question {item.position} (“{content['title']}”) has {distinct or 0} "
                    f"different {item.marks}-mark version{'s' if distinct != 1 else ''}",
                )
            )
    if short:
        most = min(n for n, _ in short)
        raise PaperError(
            f"{count} versions cannot all be different: "
            + "; ".join(reason for _, reason in short)
            + f". Ask for at most {max(most, 1)} versions, or replace those questions."
        )
    return warnings


def run_variants(job: PaperJob) -> None:
    paper = Paper.objects.select_related("tier").get(pk=job.paper_id)
    count = int(job.params["count"])
    variants_check(paper=paper, count=count)
    items = selectors.paper_items(paper)
    based_on = selectors.items_fingerprint(items)
    labels = selectors.LABELS[1:count]
    used = {item.variant_key for item in items}
    total = len(labels) * len(items)
    job_log(
        job, f"Making versions {', '.join(labels)} of {len(items)} questions.", done=0, total=total
    )
    done = 0
    for label in labels:
        entries: list[dict[str, Any]] = []
        for item in items:
            content = item.content
            if item.template and item.template not in ("llm", "manual"):
                made = making.make_variant(
                    template=item.template,
                    tier=content["tier"],
                    difficulty=content["difficulty"],
                    marks=item.marks,
                    like=Question.model_validate(content),
                    seed=making.seed_for(job.pk, label, item.pk),
                    avoid=used,
                )
                used.add(made.question.variant.key)
                question = made.question.model_dump(mode="json")
            else:
                question = content
            entries.append({"item_id": item.pk, "question": question})
            done += 1
        PaperVariant.objects.update_or_create(
            paper=paper, label=label, defaults={"items": entries, "based_on": based_on}
        )
        job_log(job, f"Version {label}: {len(entries)} questions, each verified.", done=done)
    PaperVariant.objects.filter(paper=paper).exclude(label__in=labels).delete()
