"""`python manage.py make_paper`: a paper to a blueprint, its versions and their PDFs, from the
command line (a term's worth of papers in a loop).

    python manage.py make_paper --blueprint paper2 --tier Extended --marks 100 --versions 4 --out DIR

Runs the same jobs the web app runs in its worker, here in this process, and writes every
version's student copy, teacher copy, mark scheme and answer key into DIR.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.text import slugify
from pydantic import ValidationError

from papers import jobs, selectors, services
from papers.blueprints import PRESETS, BlueprintImpossible
from papers.filling import blueprint_check
from papers.models import JobKind, Paper, PaperJob
from papers.schemas import PageSize
from papers.variants import MAX_VERSIONS, variants_check


class Command(BaseCommand):
    help = "Make a paper to a blueprint (paper1–paper4 style), its versions and their PDFs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--blueprint", required=True, choices=sorted(PRESETS), help="the 0580 paper to model"
        )
        parser.add_argument("--tier", choices=["Core", "Extended"], help="must be the paper's tier")
        parser.add_argument("--marks", type=int, help="total marks (default: the paper's)")
        parser.add_argument("--minutes", type=int, help="time allowed (default: the paper's)")
        parser.add_argument("--difficulty", help="a range such as 2-4 (default: the paper's)")
        parser.add_argument("--title", help="the paper's title")
        parser.add_argument("--versions", type=int, default=1, help=f"1 to {MAX_VERSIONS}")
        parser.add_argument("--page-size", choices=[p.value for p in PageSize], default="A4")
        parser.add_argument("--owner", help="the teacher (username) who will own the paper")
        parser.add_argument("--out", required=True, help="directory for the PDFs")

    def handle(self, *args: Any, **options: Any) -> None:
        preset = PRESETS[options["blueprint"]]
        if options["tier"] and options["tier"] != preset.tier.value:
            others = [p.key for p in PRESETS.values() if p.tier.value == options["tier"]]
            raise CommandError(
                f"{options['blueprint']} is a {preset.tier.value} paper; for {options['tier']} "
                f"use {' or '.join(others)}."
            )
        if not 1 <= options["versions"] <= MAX_VERSIONS:
            raise CommandError(f"--versions must be 1 to {MAX_VERSIONS}.")
        owner = self._owner(options["owner"])
        low, high = self._difficulty(options["difficulty"])
        try:
            blueprint = preset.blueprint(
                title=options["title"],
                total_marks=options["marks"],
                time_allowed_minutes=options["minutes"],
                difficulty_min=low,
                difficulty_max=high,
            )
            blueprint_check(user=owner, blueprint=blueprint)
        except ValidationError as exc:
            raise CommandError(
                "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
            ) from None
        except BlueprintImpossible as exc:
            raise CommandError(f"This blueprint cannot be met: {exc}") from None
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)

        paper, job = jobs.fill_start(
            owner=owner, blueprint=blueprint, page_size=options["page_size"], enqueue=False
        )
        self._finish(job)
        items = selectors.paper_items(paper)
        self.stdout.write(
            f"Filled “{paper.title}”: {len(items)} questions, {sum(i.marks for i in items)} marks."
        )
        if options["versions"] > 1:
            try:
                for warning in variants_check(paper=paper, count=options["versions"]):
                    self.stderr.write(warning)
            except services.PaperError as exc:
                raise CommandError(str(exc)) from None
            self._run(paper, owner, JobKind.VARIANTS, {"count": options["versions"]})
        self._run(paper, owner, JobKind.PRINT, {"page_size": options["page_size"]})
        written = []
        for file in paper.files.order_by("variant_label", "version"):
            path = (
                out
                / f"{slugify(paper.title) or 'paper'}-{file.variant_label}-{file.version.replace('_', '-')}.pdf"
            )
            path.write_bytes(bytes(file.pdf))
            written.append(path)
        for path in written:
            self.stdout.write(f"  {path}")
        self.stdout.write(f"Wrote {len(written)} PDFs to {out} (paper {paper.pk}).")

    def _run(self, paper: Paper, owner: Any, kind: JobKind, params: dict[str, Any]) -> None:
        self._finish(
            jobs.job_start(paper=paper, owner=owner, kind=kind, params=params, enqueue=False)
        )

    @staticmethod
    def _finish(job: PaperJob) -> None:
        """Run ``job`` here and now; a job that does not complete ends the command with why."""
        status = jobs.job_run(str(job.pk))
        job.refresh_from_db()
        if status != "completed":
            raise CommandError(f"{job.get_kind_display()} {status}: {job.error}")

    @staticmethod
    def _owner(username: str | None) -> Any:
        if not username:
            return None
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user is called {username!r}.") from None

    @staticmethod
    def _difficulty(text: str | None) -> tuple[int | None, int | None]:
        if not text:
            return None, None
        low, _, high = text.partition("-")
        try:
            return int(low), int(high or low)
        except ValueError:
            raise CommandError(f"--difficulty is a range such as 2-4, not {text!r}.") from None
