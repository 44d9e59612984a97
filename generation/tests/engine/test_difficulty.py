"""The difficulty rubric (engine/difficulty.py), the ``difficulty.band`` check and the stress
run's difficulty report."""

from __future__ import annotations

from collections import Counter

import pytest

from generation.engine import difficulty as rubric
from generation.engine import stress
from generation.engine.base import get_template
from generation.engine.builder import QuestionBuilder
from generation.engine.verifier import difficulty as check
from generation.engine.verifier import verify
from questions.schemas import CalculatorPolicy, Question, Tier


def routine(declared: int) -> Question:
    """A 1-mark Core item: write down the sum of two whole numbers."""
    q = QuestionBuilder(
        source="test.routine",
        seed=0,
        tier=Tier.CORE,
        difficulty=declared,
        codes=["C1.6"],
        calculator=CalculatorPolicy.NOT_ALLOWED,
    )
    q.title = "Adding whole numbers"
    q.given("a", 17)
    q.given("b", 25)
    part = q.part("", "Write down the value of $17 + 25$.", marks=1, command="Write down")
    part.step("$17 + 25 = 42$", "a + b")
    part.answer("a + b")
    part.mark("B", "$42$", value="a + b")
    return q.build()


def demanding(declared: int) -> Question:
    """An Extended item combining two topics, one part of 5 marks with three method marks,
    by hand."""
    q = QuestionBuilder(
        source="test.demanding",
        seed=0,
        tier=Tier.EXTENDED,
        difficulty=declared,
        codes=["E2.3", "E4.1"],
        calculator=CalculatorPolicy.NOT_ALLOWED,
    )
    q.title = "A long chain"
    q.given("a", 3)
    q.given("b", 4)
    part = q.part(
        "",
        "Work out $(3 + 4)^2 - 3 \\times 4$, showing all your working.",
        marks=5,
        command="Work out",
    )
    part.step("$3 + 4 = 7$", "a + b")
    part.step("$7^2 = 49$", "(a + b)**2")
    part.step("$3 \\times 4 = 12$", "a*b")
    part.step("$49 - 12 = 37$", "(a + b)**2 - a*b")
    part.answer("(a + b)**2 - a*b")
    part.mark("M", "$3 + 4$", value="a + b")
    part.mark("M", "$7^2$", value="(a + b)**2")
    part.mark("M", "$3 \\times 4$", value="a*b")
    part.mark("A", "$37$", 2, value="(a + b)**2 - a*b")
    return q.build()


# --- the rubric --------------------------------------------------------------------------


def test_a_routine_one_mark_item_is_band_1_with_its_reason():
    measured = rubric.assess(routine(1))
    assert measured.band == 1
    assert measured.score == 0
    assert "1 mark (0)" in measured.explain()


def test_a_long_unscaffolded_extended_chain_by_hand_is_band_5_and_says_why():
    measured = rubric.assess(demanding(5))
    # 5 marks (3) + chain (1) + by hand (1) + two topics (1) + Extended-only E2.3 (1) = 7
    assert measured.score == 7
    assert measured.band == 5
    reasons = measured.explain()
    for why in ("5 marks (3)", "unscaffolded chain", "by hand", "combines concepts", "E2.3"):
        assert why in reasons


def test_each_factor_moves_the_score_by_one():
    base = demanding(5).model_dump(mode="json")
    assert rubric.assess(base).score == 7
    on_calculator = {**base, "parts": [{**base["parts"][0], "calculator": "allowed"}]}
    assert rubric.assess(on_calculator).score == 6
    one_topic = {**base, "syllabus_codes": ["E2.3"]}
    assert rubric.assess(one_topic).score == 6
    core_content = {**base, "syllabus_codes": ["E2.5", "E4.1"]}
    assert rubric.assess(core_content).score == 6
    scaffolded = {
        **base,
        "mark_scheme": [
            line
            for line in base["mark_scheme"]
            if line["mark_type"] != "M" or line["awarded_for"] != "$7^2$"
        ],
    }
    # two method marks left, four lines of working: no chain, so not "by hand" either
    assert rubric.assess(scaffolded).score == 5


def test_a_question_of_recall_parts_loses_a_band():
    data = routine(1).model_dump(mode="json")
    data["syllabus_codes"] = ["C1.6", "C4.1"]  # two topics: +1
    as_written = rubric.assess(data)
    assert as_written.score == 0 and "read off or recalled" in as_written.explain()
    worked = {**data, "parts": [{**data["parts"][0], "command_word": "Work out"}]}
    assert rubric.assess(worked).score == 1


def test_the_rubric_is_deterministic_and_reads_models_and_dicts_alike():
    question = demanding(3)
    assert rubric.assess(question) == rubric.assess(question.model_dump(mode="json"))
    assert rubric.assess(question) == rubric.assess(demanding(3))
    assert rubric.band(question) == 5


def test_the_rubric_ignores_the_declared_difficulty():
    assert rubric.assess(routine(1)) == rubric.assess(routine(5))


def test_malformed_questions_get_a_band_not_a_crash():
    assert rubric.assess({}).band == 1
    assert rubric.assess({"parts": "nonsense", "syllabus_codes": ["X9"]}).band == 1


# --- the verifier check -------------------------------------------------------------------


def band_check(question):
    return next(c for c in verify(question).checks if c.name == "difficulty.band")


@pytest.fixture
def enforced(monkeypatch):
    monkeypatch.setattr(check, "ENFORCED", True)


def test_a_routine_one_mark_question_labelled_5_is_refused(enforced):
    report = verify(routine(5))
    assert not report.passed
    assert [c.name for c in report.failures] == ["difficulty.band"]
    assert "declared difficulty 5, rubric band 1" in report.failures[0].detail
    assert "more than 1 band apart" in report.failures[0].detail


@pytest.mark.parametrize("declared", [1, 2])
def test_a_routine_question_labelled_within_one_band_passes(enforced, declared):
    report = verify(routine(declared))
    assert report.passed, report.summary()
    assert band_check(routine(declared)).detail.startswith(f"declared difficulty {declared}")


@pytest.mark.parametrize("declared,passes", [(3, False), (4, True), (5, True)])
def test_a_demanding_question_needs_a_high_label(enforced, declared, passes):
    assert band_check(demanding(declared)).passed is passes


def test_report_only_passes_but_says_it_would_refuse():
    assert check.ENFORCED is False  # the default until every template is within its band
    refused = band_check(routine(5))
    assert refused.passed
    assert refused.detail.startswith("report only: declared difficulty 5, rubric band 1")
    agreed = band_check(routine(1))
    assert agreed.passed and not agreed.detail.startswith("report only")


def test_a_difficulty_that_is_not_a_number_fails_even_in_report_only():
    data = routine(1).model_dump(mode="json")
    data["difficulty"] = "hard"
    assert not band_check(data).passed


def test_the_tolerance_is_one_band():
    assert check.TOLERANCE == 1
    assert check.agrees(3, 2) and check.agrees(3, 4) and check.agrees(3, 3)
    assert not check.agrees(3, 1) and not check.agrees(1, 3) and not check.agrees(5, 1)


# --- the stress run's difficulty report ------------------------------------------------------


def test_stress_records_declared_against_measured_bands():
    template = get_template("number.set_notation")
    stats = stress.stress_template(template, seeds=5)
    assert sorted(stats.bands) == [1, 2, 3, 4, 5]
    assert sum(sum(c.values()) for c in stats.bands.values()) == stats.accepted
    assert sum(sum(c.values()) for c in stats.tier_bands.values()) == stats.accepted
    for (declared, tier), measured in stats.tier_bands.items():
        assert tier in template.tiers
        for band, n in measured.items():
            assert stats.bands[declared][band] >= n
    expected = sum(
        n for d, c in stats.bands.items() for b, n in c.items() if abs(d - b) > check.TOLERANCE
    )
    assert stats.outside_band == expected


def test_stress_records_the_difficulty_a_question_was_made_at():
    # statistics.scatter_reading offers 1-4: a request for 5 is made at 4 and labelled 4
    template = get_template("statistics.scatter_reading")
    assert 5 not in template.difficulties
    stats = stress.stress_template(template, seeds=5)
    assert sorted(stats.bands) == sorted(template.difficulties)
    assert {d for d, _ in stats.tier_bands} <= set(template.difficulties)


def test_the_spread_and_the_changes_name_what_is_outside():
    stats = stress.TemplateStats(key="x.y", tiers=(Tier.CORE,))
    stats.bands = {1: Counter({1: 2}), 5: Counter({2: 3, 4: 1})}
    stats.tier_bands = {(1, Tier.CORE): Counter({1: 2}), (5, Tier.CORE): Counter({2: 3, 4: 1})}
    assert stats.outside_band == 3
    assert stress.band_spread(stats) == "1→1 5→2/4!"
    assert "      3  1→1 5→2/4!" in stress.difficulty_row(stats)
    (change,) = stress.difficulty_changes(stats)
    assert change.startswith("difficulty 5, Core: measures 2 (×3), 4 (×1); give it more demand")
    stats.tier_bands = {(1, Tier.CORE): Counter({4: 1})}
    assert "make it lighter" in stress.difficulty_changes(stats)[0]
    stats.tier_bands = {(3, Tier.CORE): Counter({1: 1, 5: 1})}
    assert "narrow its spread" in stress.difficulty_changes(stats)[0]


def test_the_stress_summary_counts_templates_outside_their_band():
    inside = stress.TemplateStats(key="number.set_notation", tiers=(Tier.CORE,))
    inside.bands = {2: Counter({3: 4})}
    outside = stress.TemplateStats(key="number.indices", tiers=(Tier.CORE,))
    outside.bands = {5: Counter({2: 3})}
    summary = stress.stress_summary([inside, outside])
    assert summary["variants_outside_band"] == 3
    assert summary["templates_outside_band"] == 1
    assert summary["difficulty_enforced"] is check.ENFORCED
