"""A teacher's world with a hostile value in every field a teacher or an LLM controls, stored
through the real services and models: questions (their JSONB schema, verifier report and
review), a rejected one with its reason, a session with its steps and outcomes, a paper with
its questions, instructions and a job's log."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone
from hypothesis import strategies as st

from tests.security.hostile import hostile

# Field → how long its column or schema lets it be (None: no practical limit).
QUESTION_FIELDS = {
    "title": 200,
    "stem": None,
    "part": None,
    "answer": None,
    "unit": 60,
    "label": 60,
    "plain": None,
    "step": None,
    "mark": None,
    "note": None,
    "wrong": None,
    "werror": None,
    "wplain": None,
    "svg": None,
    "check": None,
    "cname": 60,
    "review": 60,
    "reason": 2000,
}
SESSION_FIELDS = {"topic": 80, "serror": None, "smsg": 2000, "sthink": None, "outcome": None}
SESSION_FIELDS |= {"smodel": 120, "timing": 60}
PAPER_FIELDS = {"ptitle": 200, "instr": 4000, "joblog": 1000, "jerror": 4000, "uname": 150}
ALL_FIELDS = QUESTION_FIELDS | SESSION_FIELDS | PAPER_FIELDS

SVG_TEMPLATES = [
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(\'MARK\')"><text>MARK</text></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert("MARK")</script></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(\'MARK\')"><text>MARK</text></a></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><body xmlns="http://www.w3.org/1999/xhtml" onload="alert(\'MARK\')"/></foreignObject></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(javascript:alert(\'MARK\'))" fill="url(javascript:MARK)"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="onmouseover" to="alert(\'MARK\')"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><use href="data:image/svg+xml,MARK"/><text aria-label="MARK">&lt;script&gt;MARK&lt;/script&gt;</text></svg>',
    "</svg><script>alert('MARK')</script>",
]


def values() -> st.SearchStrategy[dict[str, str]]:
    """One hostile value per field."""
    fields = {name: hostile(name, limit=limit) for name, limit in ALL_FIELDS.items()}
    fields["svg"] = st.sampled_from(SVG_TEMPLATES).map(lambda s: s.replace("MARK", "zqxzsvg"))
    return st.fixed_dictionaries(fields)


def _fit(value: str, limit: int | None) -> str:
    return value if limit is None else value[:limit]


@dataclass
class HostileWorld:
    v: dict[str, str]
    owner: Any
    approved: Any  # verified and approved, in the paper and the basket
    rejected: Any  # rejected with a hostile reason
    session: Any
    steps: list[Any]
    paper: Any
    job: Any
    colleague: Any  # a teacher with a hostile username, the paper shared with them


def hostile_content(base: Any, v: dict[str, str]) -> dict[str, Any]:
    """The engine's question with every wording field replaced by its hostile value."""
    content = copy.deepcopy(base.model_dump(mode="json"))
    content["title"] = _fit(v["title"], 200)
    content["stem"] = v["stem"]
    content["diagram_svg"] = v["svg"]
    for part in content["parts"]:
        part["text"] = v["part"]
        for answer in part["answers"]:
            answer.update(latex=v["answer"], unit=_fit(v["unit"], 60), plain=v["plain"])
            answer["label"] = _fit(v["label"], 60)
        for step in part["solution"]:
            step["text"] = v["step"]
    for line in content["mark_scheme"]:
        line["awarded_for"] = v["mark"]
        line["partial_credit"] = [v["note"]]
    content["wrong_answers"] = [
        {
            "part": part["label"],
            "plain": v["wplain"],
            "latex": v["wrong"],
            "error": v["werror"],
            "marks_awarded": 0,
        }
        for part in content["parts"]
    ]
    return content


def build(v: dict[str, str], *, owner: Any, question_content: Any) -> HostileWorld:
    from generation import services as generation_services
    from generation.models import GenerationSession
    from generation.schemas import GenerationRequest
    from papers import jobs
    from papers import services as paper_services
    from papers.models import JobKind, PaperJob
    from questions import services
    from questions.models import ReviewState
    from questions.schemas import Check, VerificationReport

    request = GenerationRequest(tier="Extended", syllabus_codes=["E5.3"], count=2)
    session = generation_services.session_start(owner=owner, request=request, enqueue=False)
    content = hostile_content(question_content(seed=7), v)
    # What an LLM's question that passed the verifier carries: the checks' words are its own.
    report = VerificationReport(
        passed=True, checks=[Check(name=_fit(v["cname"], 60), passed=True, detail=v["check"])]
    )
    review = {
        "scores": {_fit(v["review"], 60): 0.9},
        "weights": {},
        "score": 0.9,
        "decision": _fit(v["review"], 60),
        "critique": v["review"],
    }
    approved = services.question_create(
        content=content,
        origin="generated",
        owner=owner,
        session=session,
        verification=report,
        review=review,
        review_state=ReviewState.APPROVED,
    )
    rejected = services.question_create(
        content=content, origin="generated", owner=owner, verification=report
    )
    services.question_reject(question=rejected, reason=_fit(v["reason"], 2000))

    now = timezone.now()
    steps = [
        generation_services.step_record(
            session_id=str(session.pk),
            agent="generator",
            kind="generated",
            message=_fit(v["smsg"], 2000),
            reasoning=v["sthink"],
            model=_fit(v["smodel"], 120),
            data={"reasons": [v["outcome"]], "review": {"critique": v["review"]}},
            started_at=now,
        ),
        generation_services.step_record(
            session_id=str(session.pk),
            agent="orchestrator",
            kind="stored",
            message=_fit(v["smsg"], 2000),
            data={"question_id": str(approved.pk)},
            started_at=now,
        ),
    ]
    generation_services.session_record_result(
        session_id=str(session.pk),
        index=0,
        result={"status": "rejected", "reasons": [v["outcome"]]},
    )
    GenerationSession.objects.filter(pk=session.pk).update(
        topic=_fit(v["topic"], 80),
        status_id="failed",
        error=v["serror"],
        agent_timings={_fit(v["timing"], 60): 1.5},
    )
    session.refresh_from_db()

    paper = paper_services.paper_create(
        owner=owner,
        title=_fit(v["ptitle"], 200),
        tier="Extended",
        calculator_policy="allowed",
        instructions=_fit(v["instr"], 4000),
    )
    added = paper_services.paper_add_questions(paper=paper, questions=[approved])
    assert added.added, added.skipped
    paper_services.basket_add(owner=owner, question=approved)
    job = jobs.job_start(paper=paper, owner=owner, kind=JobKind.PRINT, enqueue=False)
    jobs.job_log(job, _fit(v["joblog"], 1000))
    PaperJob.objects.filter(pk=job.pk).update(status_id="failed", error=_fit(v["jerror"], 4000))
    job.refresh_from_db()
    # Usernames are chosen at sign-up (or by an identity provider): the pages show them too.
    colleague, _ = get_user_model().objects.get_or_create(username=v["uname"].strip())
    paper_services.paper_share(paper=paper, usernames=[colleague.username])
    return HostileWorld(v, owner, approved, rejected, session, steps, paper, job, colleague)
