"""``manage.py generate_questions``: batches as JSON or text, stress runs, coverage."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from generation.engine import stress
from generation.engine.base import templates_for
from questions import syllabus
from questions.schemas import Question, Tier, VerificationReport

EXAMPLE = "mensuration.circle_area_circumference"


def run(*args: str) -> str:
    out = StringIO()
    call_command("generate_questions", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_json_lines_parse_validate_and_verify():
    output = run("--code", "E5.3", "--tier", "Extended", "--count", "4", "--difficulty", "2")
    lines = output.strip().splitlines()
    assert len(lines) == 4
    keys = set()
    for line in lines:
        record = json.loads(line)
        assert set(record) == {"question", "verification"}
        question = Question.model_validate(record["question"])
        report = VerificationReport.model_validate(record["verification"])
        assert report.passed, report.summary()
        assert question.tier == Tier.EXTENDED
        assert "E5.3" in question.syllabus_codes
        assert question.difficulty == 2
        keys.add(question.variant.key)
    assert len(keys) == 4  # distinct variants


def test_templates_serving_a_code_take_turns():
    serving = [t.key for t in templates_for(code="C5.3", tier=Tier.CORE)]
    output = run("--code", "C5.3", "--count", str(len(serving)), "--seed", "3")
    sources = [json.loads(line)["question"]["variant"]["source"] for line in output.splitlines()]
    assert sorted(sources) == sorted(serving)


def test_one_template_and_the_same_seed_give_the_same_questions():
    args = ("--template", EXAMPLE, "--count", "2", "--seed", "5", "--tier", "Core")
    first, second = run(*args), run(*args)
    assert first == second
    assert {json.loads(line)["question"]["variant"]["source"] for line in first.splitlines()} == {
        EXAMPLE
    }


def test_text_output_reads_like_a_paper_with_its_mark_scheme():
    output = run("--template", EXAMPLE, "--count", "1", "--format", "text", "--difficulty", "1")
    for heading in ("Question 1", "Answers", "Worked solution", "Mark scheme", "Verifier: passed"):
        assert heading in output
    assert "(a) " in output and "[2]" in output
    assert "M1   π × " in output  # LaTeX is shown as readable maths
    assert "$" not in output.split("Mark scheme")[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--code", "X9.9"), "Unknown syllabus code"),
        (("--code", "E2.5", "--tier", "Core"), "is an Extended code"),
        (("--code", "E5.3", "--tier", "Middle"), "Unknown tier"),
        (("--template", "no.such_template"), "No template"),
        (("--template", EXAMPLE, "--code", "C1.1"), "does not serve C1.1"),
        ((), "Give a syllabus code"),
    ],
)
def test_bad_requests_give_a_clear_command_error(args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_a_code_no_template_serves(monkeypatch):
    served = {c for t in templates_for() for codes in t.codes.values() for c in codes}
    missing = next((c for c in sorted(syllabus.SYLLABUS) if c not in served), None)
    if missing is None:  # every code has a template: pretend none serves C1.1
        monkeypatch.setattr(stress, "templates_for", lambda **_: [])
        missing = "C1.1"
    with pytest.raises(CommandError, match=f"No template serves {missing}"):
        run("--code", missing)


def test_a_small_stress_run_prints_its_table_and_summary():
    output = run("--stress", "3", "--template", EXAMPLE)
    lines = output.strip().splitlines()
    assert lines[0].split()[:2] == ["template", "tiers"]
    assert any(line.startswith(EXAMPLE) for line in lines)
    summary = json.loads(lines[-1])
    assert {"templates", "codes_covered", "questions", "verified", "min_acceptance_rate"} <= set(
        summary
    )
    assert summary["templates"] == 1
    assert summary["questions"] == 6  # 3 seeds × 2 tiers
    assert summary["verified"] == 6
    assert summary["codes_covered"] == 2  # C5.3 and E5.3
    assert 0.9 <= summary["min_acceptance_rate"] <= 1


def test_a_topic_stress_run_covers_that_topic_only():
    output = run("--stress", "1", "--topic", "transformations")
    table = output.strip().split("\n\n")[0]  # the stress table, before the difficulty report
    rows = [line.split()[0] for line in table.splitlines()[1:] if line.strip()]
    assert rows and all(key.startswith("transformations.") for key in rows)
    assert json.loads(output.strip().splitlines()[-1])["templates"] == len(rows)


def test_a_stress_run_reports_declared_against_measured_difficulty():
    output = run("--stress", "5", "--template", "number.set_notation")
    lines = output.strip().splitlines()
    start = lines.index(stress.DIFFICULTY_HEADER)
    row = lines[start + 1]
    assert row.startswith("number.set_notation")
    # five seeds cycle the declared difficulty 1–5; each shows the bands its variants measured
    assert all(f"{d}→" in row for d in range(1, 6))
    summary = json.loads(lines[-1])
    outside = int(row.split()[1])
    assert summary["variants_outside_band"] == outside
    if outside:
        assert any(line.startswith("Outside their declared band") for line in lines)
        assert any(line.strip().startswith("difficulty ") for line in lines)
    else:
        assert "Every variant is within its declared band." in lines


def test_an_unknown_topic_is_refused():
    with pytest.raises(CommandError, match="No templates in topic 'numbr'"):
        run("--stress", "1", "--topic", "numbr")


def test_coverage_is_computed_from_the_registry():
    output = run("--coverage")
    summary = json.loads(output.strip().splitlines()[-1])
    assert summary["codes_total"] == 125
    assert summary["core_total"] == 53 and summary["extended_total"] == 72
    served = {c for t in templates_for() for codes in t.codes.values() for c in codes}
    assert summary["codes_covered"] == len(served)
    assert summary["codes_not_covered"] == 125 - len(served)
    assert "Mensuration" in output and "not covered:" in output


@pytest.mark.django_db
def test_save_stores_verified_questions_in_the_bank():
    from questions.models import Question as StoredQuestion

    before = StoredQuestion.objects.count()
    run("--template", EXAMPLE, "--count", "2", "--save")
    assert StoredQuestion.objects.count() == before + 2
    stored = StoredQuestion.objects.order_by("-pk").first()
    assert stored.verified
