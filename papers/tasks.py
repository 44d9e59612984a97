"""Background tasks: thin interfaces that take ids and call the paper jobs."""

from __future__ import annotations

from django.tasks import task


@task()
def run_paper_job(job_id: str) -> str:
    """Run one paper job (fill, versions or print) to a terminal state."""
    from papers.jobs import job_run

    return job_run(job_id)
