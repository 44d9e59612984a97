"""Planning a paper to a blueprint: exact marks, topic weights, no repeats, clear refusals."""

from __future__ import annotations

from collections import Counter

import pytest
from pydantic import ValidationError

from papers.blueprints import (
    MAX_QUESTIONS,
    MAX_USES_PER_TEMPLATE,
    PRESETS,
    BankCandidate,
    Blueprint,
    BlueprintImpossible,
    Weight,
    allocate,
    plan,
)
from papers.catalogue import load
from questions import syllabus


def test_allocation_adds_up_exactly_and_follows_the_weights():
    weights = [Weight(target="Number", weight=1), Weight(target="Algebra and graphs", weight=2)]
    assert allocate(100, weights) == {"Number": 33, "Algebra and graphs": 67}
    three = [Weight(target=t, weight=1) for t in ("Number", "Geometry", "Statistics")]
    assert sum(allocate(80, three).values()) == 80
    assert sorted(allocate(80, three).values()) == [26, 27, 27]


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_a_planned_paper_can_have_a_version_per_class(preset):
    """Where a template makes a kind of question in enough different variants for four
    classes, the plan takes that kind, so "make 4 versions" works on a filled paper."""
    blueprint = PRESETS[preset].blueprint()
    catalogue = load()
    for seed in range(5):
        for slot in plan(blueprint, catalogue=catalogue, seed=seed).slots:
            kinds = [
                catalogue.marks(slot.template, blueprint.tier, d) for d in blueprint.difficulties
            ]
            if any(n >= 4 for kind in kinds for n in kind.values()):
                made = catalogue.marks(slot.template, blueprint.tier, slot.difficulty)
                assert made[slot.marks] >= 4, (seed, slot)


@pytest.mark.parametrize("preset", sorted(PRESETS))
@pytest.mark.parametrize("seed", [0, 1, 7])
def test_every_preset_is_met_exactly_within_its_difficulty_and_without_repeats(preset, seed):
    blueprint = PRESETS[preset].blueprint()
    result = plan(blueprint, catalogue=load(), seed=seed)
    assert result.total_marks == blueprint.total_marks
    assert len(result.slots) <= MAX_QUESTIONS
    uses = Counter(s.template for s in result.slots)
    assert max(uses.values()) <= MAX_USES_PER_TEMPLATE
    for slot in result.slots:
        assert blueprint.difficulty_min <= slot.difficulty <= blueprint.difficulty_max
        assert syllabus.tier_of(slot.code) == blueprint.tier
        marks = load().marks(slot.template, blueprint.tier, slot.difficulty)
        assert slot.marks in marks  # the catalogue says the template makes a question worth it
    # Easier questions first.
    assert [s.difficulty for s in result.slots] == sorted(s.difficulty for s in result.slots)


def test_topic_weights_are_followed_roughly():
    blueprint = PRESETS["paper4"].blueprint()
    result = plan(blueprint, catalogue=load(), seed=3)
    by_topic = Counter()
    for slot in result.slots:
        by_topic[slot.target] += slot.marks
    for target, asked in result.allocation.items():
        assert abs(by_topic[target] - asked) <= 8, (target, by_topic[target], asked)


def test_codes_with_weights_are_covered():
    blueprint = Blueprint(
        title="Equations and inequalities",
        tier="Extended",
        calculator_policy="allowed",
        total_marks=30,
        weights=[Weight(target="E2.5", weight=2), Weight(target="E2.6", weight=1)],
    )
    result = plan(blueprint, catalogue=load(), seed=2)
    assert result.total_marks == 30
    assert {s.code for s in result.slots} == {"E2.5", "E2.6"}


def test_approved_bank_questions_are_used_first():
    blueprint = Blueprint(
        title="Circles",
        tier="Extended",
        calculator_policy="allowed",
        total_marks=12,
        weights=[Weight(target="E5.3", weight=1)],
        difficulty_min=3,
        difficulty_max=3,
    )
    bank = [
        BankCandidate("11111111-1111-1111-1111-111111111111", ("E5.3",), 4, 3, "t.one", "k1", 0.9),
        BankCandidate("22222222-2222-2222-2222-222222222222", ("E5.3",), 4, 3, "t.two", "k2", 0.8),
    ]
    result = plan(blueprint, catalogue=load(), bank=bank, seed=1)
    assert result.total_marks == 12
    assert {s.question_id for s in result.slots if s.from_bank} == {b.question_id for b in bank}


def test_one_variant_of_the_bank_is_used_once():
    blueprint = Blueprint(
        title="x",
        tier="Extended",
        calculator_policy="allowed",
        total_marks=8,
        weights=[Weight(target="E5.3", weight=1)],
        difficulty_min=3,
        difficulty_max=3,
    )
    twins = [
        BankCandidate(f"{n}1111111-1111-1111-1111-111111111111", ("E5.3",), 4, 3, "t", "same", 0.9)
        for n in range(1, 4)
    ]
    result = plan(blueprint, catalogue=load(), bank=twins, seed=1)
    assert sum(1 for s in result.slots if s.from_bank) == 1


def test_a_blueprint_too_big_for_its_one_code_is_refused_with_what_to_change():
    blueprint = Blueprint(
        title="x",
        tier="Core",
        calculator_policy="allowed",
        total_marks=100,
        weights=[Weight(target="C1.1", weight=1)],
    )
    with pytest.raises(BlueprintImpossible) as caught:
        plan(blueprint, catalogue=load())
    message = str(caught.value)
    assert "cannot make 100 marks" in message
    assert "Ask for" in message and "or add topics or codes" in message


def test_a_topic_nothing_covers_is_refused_by_name():
    blueprint = Blueprint(
        title="x",
        tier="Core",
        calculator_policy="not_allowed",
        total_marks=20,
        weights=[Weight(target="Trigonometry", weight=1)],
        difficulty_min=1,
        difficulty_max=2,
    )
    with pytest.raises(BlueprintImpossible, match="Nothing covers Trigonometry"):
        plan(blueprint, catalogue=load())


def test_too_many_questions_is_refused():
    blueprint = Blueprint(
        title="x",
        tier="Core",
        calculator_policy="allowed",
        total_marks=200,
        weights=[Weight(target=t, weight=1) for t in syllabus.TOPICS.values()],
        difficulty_min=1,
        difficulty_max=1,
    )
    with pytest.raises(BlueprintImpossible) as caught:
        plan(blueprint, catalogue=load())
    assert "at most" in str(caught.value)


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"calculator_policy": "varies"}, "calculator or non-calculator"),
        ({"difficulty_min": 4, "difficulty_max": 2}, "lowest difficulty"),
        ({"weights": [Weight(target="E2.5", weight=1)], "tier": "Core"}, "not a Core code"),
        ({"weights": [Weight(target="Astrology", weight=1)]}, "neither a topic nor"),
    ],
)
def test_inconsistent_blueprints_say_why(changes, words):
    values = {
        "title": "x",
        "tier": "Extended",
        "calculator_policy": "allowed",
        "total_marks": 50,
        "weights": [Weight(target="Number", weight=1)],
        **changes,
    }
    with pytest.raises(ValidationError, match=words):
        Blueprint(**values)


def test_presets_leave_out_topics_no_template_covers():
    paper1 = PRESETS["paper1"].blueprint()
    assert "Trigonometry" not in {w.target for w in paper1.weights}  # no Core non-calculator trig
    paper4 = PRESETS["paper4"].blueprint()
    assert {w.target for w in paper4.weights} == set(syllabus.TOPICS.values())
