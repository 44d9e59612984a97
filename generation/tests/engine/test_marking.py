"""The marking algorithm: how one part is marked from final answers and working."""

from __future__ import annotations

import pytest

from generation.engine.marking import mark_part, split_final_answers
from generation.tests.engine import samples
from questions.schemas import Question


@pytest.fixture
def pond():
    return samples.pond()


@pytest.mark.parametrize("answer", ["2460", "2460 m²", "2460 m^2", "2,460", "784pi", "784π"])
def test_a_correct_answer_earns_full_marks_without_working(pond, answer):
    assert mark_part(pond, "a", [answer], []) == 2


def test_the_exact_value_or_the_displayed_value_is_correct(pond):
    assert mark_part(pond, "b", ["3690"], []) == 3
    assert mark_part(pond, "b", ["1176pi"], []) == 3
    assert mark_part(pond, "b", ["3694.5"], []) == 0  # neither the display nor the exact value


def test_a_wrong_answer_without_working_earns_nothing(pond):
    assert mark_part(pond, "a", ["176"], []) == 0
    assert mark_part(pond, "a", ["two thousand"], []) == 0


def test_working_earns_the_method_mark(pond):
    assert mark_part(pond, "a", ["2463.1"], ["pi*r**2"]) == 2  # M1 and A1 both see π×28²
    assert mark_part(pond, "a", ["176"], ["2*pi*r"]) == 0


def test_an_a_mark_needs_its_m_mark(pond):
    # Part (b): M1 area soi, M1 dep volume, A1 volume (depends on the second M).
    assert mark_part(pond, "b", ["3700"], ["pi*r**2*h"]) == 0  # the dep M1 needs the first M1
    assert mark_part(pond, "b", ["3700"], ["pi*r**2"]) == 1
    assert mark_part(pond, "b", ["3700"], ["pi*r**2", "pi*r**2*h"]) == 3


def test_a_rounded_final_answer_shows_the_value_it_rounds(pond):
    # 2460 is π×28² to 3 s.f.: the candidate found the area (M1 soi) but not the volume.
    assert mark_part(pond, "b", ["2460"], []) == 1


def test_an_a_mark_depending_on_nothing_is_never_earned(pond):
    pond["mark_scheme"][1]["depends_on"] = None
    assert mark_part(pond, "a", ["2463.1"], ["pi*r**2"]) == 1


def test_a_special_case_only_when_nothing_else_is_earned(pond):
    pond["mark_scheme"].append(
        {"part": "a", "awarded_for": "$176$", "mark_type": "SC", "value": "2*pi*r"}
    )
    pond["mark_scheme"].append(
        {"part": "b", "awarded_for": "$176$", "mark_type": "SC", "value": "2*pi*r"}
    )
    assert mark_part(pond, "a", ["176"], []) == 1
    assert mark_part(pond, "a", ["2460"], []) == 2
    assert mark_part(pond, "b", ["176"], []) == 1
    assert mark_part(pond, "b", ["176"], ["pi*r**2"]) == 1  # M1 earned: the SC is not added


def test_lines_without_a_value_are_never_earned(pond):
    pond["mark_scheme"][0]["value"] = None
    assert mark_part(pond, "a", ["1"], ["pi*r**2"]) == 0


def test_independent_b_marks():
    q = samples.algebra()
    assert mark_part(q, "b", ["(x + 3)(x - 2)"], []) == 2
    assert mark_part(q, "b", ["(x - 2)(x + 3)"], []) == 2
    assert mark_part(q, "b", ["(x - 3)(x + 2)"], []) == 0


def test_solved_equations_accept_x_equals(pond):
    q = samples.algebra()
    assert mark_part(q, "a", ["x = 5"], []) == 2
    assert mark_part(q, "a", ["5"], []) == 2
    assert mark_part(q, "a", ["x = 25/3"], ["c + b"]) == 0
    assert mark_part(q, "a", ["x = 4"], ["c - b"]) == 1


def test_several_answers_must_all_be_given():
    q = samples.quadratic()
    assert mark_part(q, "", ["3", "-2"], []) == 3
    assert mark_part(q, "", ["x = -2", "x = 3"], []) == 3
    assert mark_part(q, "", ["3"], ["(x - m)*(x + n)"]) == 2
    assert mark_part(q, "", ["3", "-2", "5"], []) == 0  # an extra root: not the answer
    assert mark_part(q, "", ["-3", "2"], ["(x - m)*(x + n)"]) == 1


def test_written_answers_match_by_their_words():
    q = samples.pond()
    q["parts"][2]["answers"] = [
        {"kind": "text", "plain": "Twice the radius", "latex": "\\text{Twice the radius}"}
    ]
    assert mark_part(q, "c", ["twice  the radius"], []) == 1
    assert mark_part(q, "c", ["the radius"], []) == 0


def test_a_validated_question_is_marked_the_same(pond):
    model = Question.model_validate(pond)
    assert mark_part(model, "b", ["2460"], []) == mark_part(pond, "b", ["2460"], []) == 1


def test_an_unknown_part_is_an_error(pond):
    with pytest.raises(KeyError):
        mark_part(pond, "z", ["1"], [])


@pytest.mark.parametrize(
    ("plain", "answers", "finals"),
    [
        ("x = 3 or x = -2", 2, ["x = 3", "x = -2"]),
        ("3; -2", 2, ["3", "-2"]),
        ("3, -2", 2, ["3", "-2"]),
        ("(1, 2), (3, 4)", 2, ["(1, 2)", "(3, 4)"]),
        ("12,000 and 5", 2, ["12,000", "5"]),
        ("(3, -2)", 1, ["(3, -2)"]),
        ("x = 3 or x = -2", 1, ["x = 3 or x = -2"]),
    ],
)
def test_split_final_answers(plain, answers, finals):
    assert split_final_answers(plain, answers) == finals


# --- "Alternative method" blocks ------------------------------------------------------------


def _two_routes():
    """a(b + c) worked out as ab + ac (M1 M1 A1) or, as an alternative, b + c first (M2 A1)."""
    from generation.engine.builder import QuestionBuilder
    from questions.schemas import CalculatorPolicy, Tier

    q = QuestionBuilder(
        source="manual",
        seed=None,
        tier=Tier.CORE,
        difficulty=2,
        codes=["C1.6"],
        calculator=CalculatorPolicy.NOT_ALLOWED,
    )
    for name, value in (("a", 3), ("b", 4), ("c", 5)):
        q.given(name, value)
    q.title, q.stem = "Two routes", "$a = 3$, $b = 4$ and $c = 5$."
    part = q.part("", "Work out $a(b + c)$.", marks=3, command="Work out")
    part.step("$ab = 12$", "a*b").step("$ac = 15$", "a*c").step("$b + c = 9$", "b + c")
    part.step("$12 + 15 = 27$", "a*b + a*c")
    part.answer("a*b + a*c")
    part.mark("M", "$ab$", value="a*b")
    part.mark("M", "$ac$", value="a*c")
    part.mark("A", "$27$", value="a*b + a*c")
    part.mark("M", "$b + c$", 2, value="b + c", alternative=1)
    part.mark("A", "$27$", value="a*b + a*c", alternative=1)
    return q.build()


def test_either_method_is_marked_and_the_better_counts():
    question = _two_routes()
    assert mark_part(question, "", ["1"], ["a*b"]) == 1
    assert mark_part(question, "", ["1"], ["b + c"]) == 2
    # Working from both routes earns the better route's marks, not the two added together.
    assert mark_part(question, "", ["1"], ["a*b", "b + c"]) == 2
    assert mark_part(question, "", ["27"], []) == 3


def test_an_alternative_method_must_give_the_part_its_marks():
    data = _two_routes().model_dump(mode="json")
    data["mark_scheme"][3]["count"] = 1  # the alternative now gives 2 marks for a 3-mark part
    with pytest.raises(ValueError, match="alternative method 1"):
        Question.model_validate(data)


def test_the_isosceles_base_angle_has_its_second_route():
    from generation.engine.base import generate, get_template

    template = get_template("geometry.triangle_angles")
    question = generate(template, seed=0, difficulty=2, tier=template.tiers[0]).question
    alternative = [line for line in question.mark_scheme if line.alternative == 1]
    assert [line.code for line in alternative] == ["M1", "A1"]
    assert "90 - " in alternative[0].awarded_for
