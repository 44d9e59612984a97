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
