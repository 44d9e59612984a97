"""THE property test: every registered template, in every tier it serves, at every difficulty,
gives questions that pass the verifier, add up, follow the accuracy rules, render, and are
deterministic and varied."""

from __future__ import annotations

import pytest

from generation.engine import formatting
from generation.engine.base import (
    Template,
    generate,
    generate_batch,
    get_template,
    register,
    templates,
)
from generation.engine.expressions import parse
from generation.engine.verifier import verify
from questions.rendering import MathsError, render_maths_strict
from questions.schemas import Accuracy, AnswerKind, MarkType, Question, Tier

KEYS = [t.key for t in templates()]
# One seed per tier and difficulty keeps this file near a minute on two cores; the seed moves
# with the difficulty so the draws differ. ``generate_questions --stress 50`` runs many more.
SEED = 11
BATCH = 3


def _texts(question: Question) -> list[tuple[str, str]]:
    """Every text field a teacher sees, labelled, with answer LaTeX wrapped in $…$."""
    fields = [("title", question.title), ("stem", question.stem)]
    for part in question.parts:
        where = f"part ({part.label})" if part.label else "the part"
        fields.append((f"{where} text", part.text))
        fields += [(f"{where} step", step.text) for step in part.solution]
        fields += [(f"{where} answer", f"${a.latex}$") for a in part.answers]
    for line in question.mark_scheme:
        fields.append((f"mark line ({line.part})", line.awarded_for))
        fields += [(f"partial credit ({line.part})", note) for note in line.partial_credit]
    fields += [(f"wrong answer ({w.part})", f"${w.latex}$") for w in question.wrong_answers]
    return fields


def _problems(question: Question) -> list[str]:
    problems = []
    report = verify(question)
    if not report.passed:
        problems.append(f"verifier: {report.summary()}")
    if sum(p.marks for p in question.parts) != question.total_marks:
        problems.append("parts do not add up to the total")
    for part in question.parts:
        lines = [m for m in question.lines_for(part.label) if m.mark_type != MarkType.SC]
        for method in sorted({m.alternative for m in lines}) or [0]:  # each method on its own
            if sum(m.count for m in lines if m.alternative == method) != part.marks:
                problems.append(f"mark lines of ({part.label}) do not add up to {part.marks}")
    givens = {g.name: parse(g.value) for g in question.givens}
    for part in question.parts:
        for answer in part.answers:
            if answer.kind != AnswerKind.NUMBER or answer.accuracy == Accuracy.EXACT:
                continue
            expected = formatting.display(parse(answer.value, givens), answer.accuracy)[0]
            if answer.plain != expected:
                problems.append(
                    f"({part.label}) shows {answer.plain!r}; {answer.accuracy.value} gives {expected!r}"
                )
    for where, text in _texts(question):
        try:
            render_maths_strict(text)
        except MathsError as exc:
            problems.append(f"{where} does not render: {exc}")
    return problems


@pytest.mark.parametrize("key", KEYS)
def test_every_variant_verifies_adds_up_and_renders(key):
    template = get_template(key)
    problems = []
    for tier in template.tiers:
        for difficulty in range(1, 6):
            seed = SEED + difficulty
            where = f"{tier.value}, difficulty {difficulty}, seed {seed}"
            try:
                question = generate(template, seed=seed, difficulty=difficulty, tier=tier).question
            except Exception as exc:  # report every failing variant, not just the first
                problems.append(f"{where}: generate() raised {type(exc).__name__}: {exc}")
                continue
            problems += [f"{where}: {p}" for p in _problems(question)]
    assert not problems, f"{key}:\n" + "\n".join(problems[:12])


@pytest.mark.parametrize("key", KEYS)
def test_generation_is_deterministic_and_batches_vary(key):
    template = get_template(key)
    tier = template.tiers[-1]
    first = generate(template, seed=7, difficulty=4, tier=tier).question
    again = generate(template, seed=7, difficulty=4, tier=tier).question
    assert first.model_dump_json() == again.model_dump_json()

    batch = list(generate_batch(template, count=BATCH, seed=100, difficulty=3, tier=tier))
    keys = [g.question.variant.key for g in batch]
    assert len(keys) == BATCH, f"{key} gave only {len(keys)} distinct variants"
    assert len(set(keys)) == len(keys)


def test_templates_are_registered():
    assert KEYS, "no templates registered"
    assert "mensuration.circle_area_circumference" in KEYS


@pytest.mark.parametrize("declared", [(), (0, 3), (2, 6), {Tier.CORE: ()}])
def test_a_template_declaring_difficulties_outside_one_to_five_is_not_registered(declared):
    class Bad(Template):
        key = "test.bad_difficulties"
        title = "Bad difficulties"
        codes = {Tier.CORE: ("C1.1",)}
        difficulties = declared

        def compose(self, q, rng, difficulty):
            raise AssertionError("never composed")

    with pytest.raises(ValueError, match="difficulties"):
        register(Bad)
    assert "test.bad_difficulties" not in KEYS


def test_a_difficulty_a_template_does_not_offer_is_made_at_the_nearest(monkeypatch):
    template = get_template("mensuration.circle_area_circumference")
    tier = template.tiers[0]
    monkeypatch.setattr(type(template), "difficulties", (2, 3))
    assert template.nearest(tier, 1) == 2
    assert template.nearest(tier, 5) == 3
    assert generate(template, seed=3, difficulty=5, tier=tier).question.difficulty == 3
    assert (
        generate(template, seed=3, difficulty=5, tier=tier).question.model_dump_json()
        == generate(template, seed=3, difficulty=3, tier=tier).question.model_dump_json()
    )
