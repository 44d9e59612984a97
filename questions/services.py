"""Writes to the bank. Every write validates the question JSON through the pydantic schema and
derives the flat columns from it here, in one place, so the two never disagree."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from pydantic import ValidationError

from questions import syllabus
from questions.models import Question, ReviewState
from questions.schemas import Question as QuestionSchema
from questions.schemas import VerificationReport


class QuestionInvalid(ValueError):
    """The question JSON does not fit the schema; ``errors`` lists what is wrong, in words."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("The question is not valid: " + "; ".join(errors))


class QuestionNotVerified(ValueError):
    """The question's answers did not pass the verifier, so it may not be stored or approved."""

    def __init__(self, report: VerificationReport) -> None:
        self.report = report
        super().__init__("The question failed verification: " + report.summary())


def question_parse(content: QuestionSchema | dict[str, Any] | str) -> QuestionSchema:
    """Validate question JSON (a dict, a JSON string or a model); raise :class:`QuestionInvalid`."""
    try:
        if isinstance(content, QuestionSchema):
            parsed = QuestionSchema.model_validate(content.model_dump(mode="json"))
        elif isinstance(content, str):
            parsed = QuestionSchema.model_validate_json(content)
        else:
            parsed = QuestionSchema.model_validate(content)
    except ValidationError as exc:
        raise QuestionInvalid(_readable_errors(exc)) from exc
    if nul := _fields_with_nul(parsed.model_dump(mode="json")):
        # PostgreSQL cannot store a NUL character in text or JSON: say where it is.
        raise QuestionInvalid([f"{where}: contains a null character (\\x00)" for where in nul])
    return parsed


def _fields_with_nul(value: Any, where: str = "") -> list[str]:
    """The dotted paths of the strings in ``value`` that hold a NUL character."""
    if isinstance(value, str):
        return [where or "text"] if "\x00" in value else []
    items: Any
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return []
    return [p for k, v in items for p in _fields_with_nul(v, f"{where}.{k}" if where else str(k))]


def _readable_errors(exc: ValidationError) -> list[str]:
    errors = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        errors.append(f"{where}: {message}" if where else message)
    return errors


def flat_columns(content: QuestionSchema) -> dict[str, Any]:
    """The flat, indexed columns of a question, derived from its schema (the one place)."""
    first_code = syllabus.get(content.syllabus_codes[0])
    return {
        "content": content.model_dump(mode="json"),
        "title": content.title,
        "tier_id": content.tier.value,
        "marks": content.total_marks,
        "command_word_id": content.parts[0].command_word.value,
        "command_words": content.command_words,
        "calculator_policy_id": content.calculator_policy.value,
        "syllabus_codes": list(content.syllabus_codes),
        "topic": first_code.topic,
        "difficulty": content.difficulty,
        "variant_key": content.variant.key[:500],
        "template": content.variant.source[:100],
        "search_text": _search_text(content),
    }


def _search_text(content: QuestionSchema) -> str:
    words = [content.plain_text()]
    for code in content.syllabus_codes:
        item = syllabus.get(code)
        words.append(f"{item.code} {item.title} {item.topic}")
    words.extend(p.command_word.value for p in content.parts)
    return "\n".join(words).replace("$", " ")


def _verify(content: QuestionSchema) -> VerificationReport:
    from generation.engine.verifier import verify

    return verify(content)


@transaction.atomic
def question_create(
    *,
    content: QuestionSchema | dict[str, Any] | str,
    origin: str = "generated",
    owner: Any = None,
    session: Any = None,
    verification: VerificationReport | None = None,
    review: dict[str, Any] | None = None,
    quality_score: float | None = None,
    review_state: ReviewState | str = ReviewState.DRAFT,
    allow_unverified: bool = False,
) -> Question:
    """Validate, verify and store a question; return the row.

    Raises :class:`QuestionInvalid` for JSON that does not fit the schema and
    :class:`QuestionNotVerified` when the verifier fails it (unless ``allow_unverified``, for a
    teacher's manual draft) — in both cases nothing is written.
    """
    question = question_parse(content)
    report = verification if verification is not None else _verify(question)
    if not report.passed and not allow_unverified:
        raise QuestionNotVerified(report)
    if not report.passed and review_state == ReviewState.APPROVED:
        raise QuestionNotVerified(report)
    return Question.objects.create(
        **flat_columns(question),
        origin_id=origin,
        owner=owner,
        session=session,
        verification=report.model_dump(mode="json"),
        verified=report.passed,
        review=review,
        quality_score=quality_score,
        review_state=review_state,
    )


@transaction.atomic
def question_update_content(
    *, question: Question, content: QuestionSchema | dict[str, Any] | str
) -> Question:
    """Replace a question's content after an edit; it is re-verified.

    A question that fails verification is kept (the teacher sees why) but can no longer be
    approved: an approved question drops back to *needs review*.
    """
    parsed = question_parse(content)
    report = _verify(parsed)
    for field, value in flat_columns(parsed).items():
        setattr(question, field, value)
    question.verification = report.model_dump(mode="json")
    question.verified = report.passed
    if not report.passed and question.review_state == ReviewState.APPROVED:
        question.review_state = ReviewState.NEEDS_REVIEW
    question.save()
    return question


@transaction.atomic
def question_approve(*, question: Question, note: str = "") -> Question:
    """Approve a question; raises :class:`QuestionNotVerified` if its answers failed checking."""
    if not question.verified:
        raise QuestionNotVerified(
            VerificationReport.model_validate(question.verification or {"passed": False})
        )
    question.review_state = ReviewState.APPROVED
    question.review_note = note
    question.save(update_fields=["review_state", "review_note", "updated_at"])
    return question


@transaction.atomic
def question_reject(*, question: Question, reason: str) -> Question:
    """Reject a question with the teacher's reason."""
    if not reason.strip():
        raise ValueError("Say why the question is rejected.")
    question.review_state = ReviewState.REJECTED
    question.review_note = reason.strip()
    question.save(update_fields=["review_state", "review_note", "updated_at"])
    return question


@transaction.atomic
def question_delete(*, question: Question) -> None:
    question.delete()


def question_edited_content(
    *,
    content: dict[str, Any],
    title: str,
    stem: str,
    parts: dict[str, str],
    part_marks: dict[str, str],
    line_counts: dict[str, str],
) -> dict[str, Any]:
    """A copy of ``content`` with a teacher's edits to wording and marks applied.

    ``parts`` and ``part_marks`` are keyed by part label ("" for a single part, sent as "-");
    ``line_counts`` by mark-scheme line index. Values that are not whole numbers are kept as
    they were; the schema then says what does not add up.
    """
    import copy

    edited = copy.deepcopy(content)
    edited["title"] = title.strip()
    edited["stem"] = stem.strip()
    for part in edited["parts"]:
        key = part["label"] or "-"
        if key in parts and parts[key].strip():
            part["text"] = parts[key].strip()
        if (marks := _whole_number(part_marks.get(key, ""))) is not None:
            part["marks"] = marks
    for index, line in enumerate(edited["mark_scheme"]):
        if (count := _whole_number(line_counts.get(str(index), ""))) is not None:
            line["count"] = count
    edited["total_marks"] = sum(p["marks"] for p in edited["parts"])
    return edited


def _whole_number(text: str) -> int | None:
    """``text`` as a whole number of at most four ASCII digits, else None (``"²".isdigit()``
    is true and ``int("²")`` raises; a 5000-digit number passes Python's int-string limit)."""
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 4 else None
