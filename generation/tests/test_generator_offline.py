"""The offline generator and the difficulty asked for: a template that offers it is preferred;
when none does, the nearest offered is made and the result says the difficulty was not met."""

from __future__ import annotations

from generation.agents.generator import generate_offline
from generation.agents.schemas import QuestionSpec
from generation.engine.base import templates_for
from questions.schemas import Tier


def _spec(code: str, difficulty: int) -> QuestionSpec:
    return QuestionSpec(index=0, tier=Tier.EXTENDED, codes=[code], difficulty=difficulty, seed=5)


def test_a_difficulty_no_template_offers_is_made_at_the_nearest_and_said(monkeypatch):
    code = "E5.3"
    for template in templates_for(code=code, tier=Tier.EXTENDED):
        monkeypatch.setattr(type(template), "difficulties", (2, 3))
    result = generate_offline(_spec(code, 5))
    assert result.question.difficulty == 3
    assert "difficulty 5 (it is 3)" in result.unmet
    assert any("difficulty 5" in note for note in result.notes)


def test_a_template_offering_the_difficulty_is_chosen_over_one_that_does_not(monkeypatch):
    code = "E5.3"
    found = templates_for(code=code, tier=Tier.EXTENDED)
    assert len(found) >= 2, "needs two templates for the code"
    offering = found[-1]
    for template in found:
        monkeypatch.setattr(type(template), "difficulties", (5,) if template is offering else (1,))
    result = generate_offline(_spec(code, 5))
    assert result.template == offering.key
    assert result.question.difficulty == 5
    assert result.unmet == []


def test_a_variant_already_taken_is_passed_over_for_another():
    spec = _spec("E5.3", 3)
    first = generate_offline(spec)
    again = generate_offline(spec, taken=lambda key: key == first.question.variant.key)
    assert again.question.variant.key != first.question.variant.key
    assert again.unmet == []


def test_when_every_variant_tried_is_taken_one_comes_back_saying_so():
    result = generate_offline(_spec("E5.3", 3), taken=lambda key: True)
    assert any("already in the bank" in note for note in result.notes)
