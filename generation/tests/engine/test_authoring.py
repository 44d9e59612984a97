"""The authoring vocabulary: working values, part idioms, engine-marked wrong answers, rounding
and the text module."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
import sympy

from generation.engine.authoring import (
    Misconception,
    Working,
    final,
    method,
    misconception,
    on_boundary,
    require_clear,
    round_half_up,
    text,
)
from generation.engine.base import Reject
from generation.engine.builder import QuestionBuilder
from generation.engine.verifier import verify
from questions.schemas import Accuracy, CalculatorPolicy, Tier


def _builder(calculator: CalculatorPolicy = CalculatorPolicy.ALLOWED) -> QuestionBuilder:
    q = QuestionBuilder(
        source="test.authoring",
        seed=1,
        tier=Tier.EXTENDED,
        difficulty=3,
        codes=["E8.1"],
        calculator=calculator,
    )
    q.title = "Authoring test"
    return q


# --- working values --------------------------------------------------------------------------


def test_a_working_value_derives_value_latex_plain_and_mark_value_from_one_source() -> None:
    q = _builder()
    q.given("c1", 12)
    q.given("c2", 5)
    q.given("c3", 9)
    w = Working(q, "(c1 + c3)/(c1 + c2 + c3)")
    assert w.value == sympy.Rational(21, 26)
    assert w.machine == "(c1 + c3)/(c1 + c2 + c3)"
    assert w.substituted == "\\frac{12 + 9}{12 + 5 + 9}"
    assert (w.plain, w.latex) == ("21/26", "\\frac{21}{26}")
    assert w.equation("P") == "$P = \\frac{12 + 9}{12 + 5 + 9} = \\frac{21}{26}$"


def test_substitution_keeps_the_order_written_and_brackets_negatives() -> None:
    q = _builder()
    q.given("a", 6)
    q.given("b", -2)
    w = Working(q, "a - 3*b")
    assert w.substituted == "6 - 3 \\times \\left(-2\\right)"
    assert w.value == 12
    assert Working(q, "b**2").substituted == "\\left(-2\\right)^{2}"


def test_a_rounded_working_value_is_written_with_approx() -> None:
    q = _builder()
    q.given("r", 7)
    w = Working(q, "pi*r**2", fractions=False)
    assert w.shown(Accuracy.SF3) == ("154", "154")
    assert w.equation("A", Accuracy.SF3) == "$A = \\pi \\times 7^{2} \\approx 154$"


def test_a_hand_override_replaces_the_printed_form_only() -> None:
    q = _builder()
    q.given("nb", 15)
    q.given("pr", sympy.Rational(3, 8), display="\\frac{3}{8}")
    w = Working(q, "nb/(1 - pr)", latex="15 \\div \\frac{5}{8}")
    assert w.substituted == "15 \\div \\frac{5}{8}"
    assert w.value == 24


# --- part idioms and engine-marked wrong answers --------------------------------------------


def _two_mark_question() -> tuple[QuestionBuilder, object]:
    """(a) the probability of red or blue from counts: M1 for the sum over the total, A1."""
    q = _builder(CalculatorPolicy.NOT_ALLOWED)
    q.given("r", 7)
    q.given("b", 4)
    q.given("g", 9)
    q.stem = "A bag has $7$ red, $4$ blue and $9$ green counters."
    part = q.part(
        "a",
        "Work out the probability that a counter taken at random is red or blue.",
        marks=2,
        command="Work out",
    )
    method(part, Working(q, "r + b"), "$7 + 4$ seen", lhs="\\text{red or blue}")
    final(part, Working(q, "(r + b)/(r + b + g)"), qualifiers=["oe"])
    return q, part


def test_method_and_final_build_a_question_the_verifier_passes() -> None:
    q, _ = _two_mark_question()
    question = q.build()
    report = verify(question)
    assert report.passed, [c for c in report.checks if not c.passed]
    types = [(line.mark_type, line.count) for line in question.mark_scheme]
    assert [(str(t), c) for t, c in types] == [("M", 1), ("A", 1)]
    assert question.mark_scheme[1].depends_on == 0
    assert question.parts[0].answers[0].plain == "11/20"


def test_a_wrong_answer_the_schemes_method_line_credits_earns_that_mark_not_zero() -> None:
    q, part = _two_mark_question()
    # Divided by the green counters instead of the total: the working shows 7 + 4 = 11,
    # which the scheme's M1 credits.
    misconception(part, Misconception("divided by the green counters", "(r + b)/g", ("r + b",)))
    misconception(part, Misconception("multiplied the probabilities", "r*b/(r + b + g)**2"))
    question = q.build()
    marks = {w.plain: w.marks_awarded for w in question.wrong_answers}
    assert marks == {"11/9": 1, "7/100": 0}
    assert verify(question).passed


def test_a_wrong_answer_the_scheme_marks_right_is_dropped() -> None:
    q, part = _two_mark_question()
    misconception(part, Misconception("wrote it as a decimal", "Rational(55, 100)"))
    assert q.build().wrong_answers == []


def test_a_one_mark_part_gets_a_b_mark_for_its_answer() -> None:
    q = _builder()
    q.given("r", 3)
    q.given("n", 8)
    q.stem = "A bag has $8$ counters; $3$ are red."
    part = q.part("", "Write down the probability of red.", marks=1, command="Write down")
    final(part, Working(q, "r/n"))
    question = q.build()
    assert [(str(x.mark_type), x.count) for x in question.mark_scheme] == [("B", 1)]
    assert verify(question).passed


def test_a_rounded_final_answer_on_a_boundary_rejects_the_seed() -> None:
    q = _builder()
    q.given("p", sympy.Rational("1019.07"), display="1019.07")
    q.stem = "Half of $1019.07$."
    part = q.part("", "Work out half of it, to 2 decimal places.", marks=1, command="Work out")
    with pytest.raises(Reject):
        final(part, Working(q, "p/2", fractions=False), accuracy=Accuracy.DP2)


# --- rounding --------------------------------------------------------------------------------


def test_0580_rounds_half_up() -> None:
    # 14.1 x 84.75 = 1194.975: half up is 1194.98, never 1194.97.
    assert round_half_up(sympy.Rational("14.1") * sympy.Rational("84.75"), Accuracy.MONEY_2DP) == (
        Decimal("1194.98")
    )
    assert round_half_up(sympy.Rational(5, 2), Accuracy.NEAREST_INTEGER) == Decimal(3)
    assert round_half_up(sympy.Rational("0.0125"), Accuracy.SF2) == Decimal("0.013")


@pytest.mark.parametrize(
    ("value", "accuracy", "expected"),
    [
        ("509.535", Accuracy.DP2, True),
        ("62.5", Accuracy.NEAREST_INTEGER, True),
        ("1194.975", Accuracy.MONEY_2DP, True),
        ("12.25", Accuracy.DP1, True),
        ("12345", Accuracy.SF3, False),  # 12300 or 12400? 12345 is not halfway (12350 is)
        ("12350", Accuracy.SF3, True),
        ("509.534", Accuracy.DP2, False),
        ("509.53", Accuracy.DP2, False),  # already exact to 2 d.p.
        ("12.5", Accuracy.SF3, False),  # shown exactly as 12.5
        ("0.0625", Accuracy.DP3, True),
    ],
)
def test_exact_rounding_boundaries_are_detected(
    value: str, accuracy: Accuracy, expected: bool
) -> None:
    assert on_boundary(sympy.Rational(value), accuracy) is expected


def test_an_irrational_value_is_never_on_a_boundary_and_require_clear_rejects() -> None:
    assert not on_boundary(sympy.pi * 100, Accuracy.DP2)
    require_clear(sympy.Rational("509.534"), Accuracy.DP2)
    with pytest.raises(Reject):
        require_clear(sympy.Rational("509.535"), Accuracy.DP2)


# --- text ------------------------------------------------------------------------------------


def test_fractions_and_mixed_numbers() -> None:
    assert text.fraction(sympy.Rational(6, 8)) == ("3/4", "\\frac{3}{4}")
    assert text.fraction(sympy.Rational(-1, 4)) == ("-1/4", "-\\frac{1}{4}")
    assert text.fraction(5) == ("5", "5")
    assert text.mixed(sympy.Rational(21, 8)) == "2\\frac{5}{8}"
    assert text.mixed_plain(sympy.Rational(21, 8)) == "2 5/8"


def test_signed_terms_brackets_and_polynomials() -> None:
    assert text.signed(-5) == "- 5"
    assert text.signed(sympy.Rational(1, 2)) == "+ \\frac{1}{2}"
    assert text.bracket(-3) == "(-3)"
    assert text.bracket(3) == "3"
    assert text.polynomial([2, -1, 0, 3]) == "2x^3 - x^2 + 3"
    assert text.polynomial([-1, sympy.Rational(1, 2)], "t") == "-t + \\frac{1}{2}"
    assert text.polynomial_plain([1, -4, sympy.Rational(3, 2)]) == "x^2 - 4x + 3/2"
    assert text.terms([(0, "x"), (0, "")]) == "0"


def test_degrees_money_and_approximations() -> None:
    assert text.degrees(58) == "58^\\circ"
    assert text.degrees(sympy.Rational(245, 2)) == "122.5^\\circ"
    assert text.money(sympy.Rational(25, 2)) == "\\$12.50"
    assert text.money(120) == "\\$120"
    assert text.money(251000) == "\\$251\u00a0000"
    assert text.money(1500, text.YEN) == "¥1500"
    with pytest.raises(ValueError, match="whole amount"):
        text.money(sympy.Rational(3, 2), text.YEN)
    assert text.approx(sympy.sqrt(2)) == "1.414"
    assert text.approx(sympy.sqrt(2), dots=True) == "1.414\\ldots"
    assert text.approx(sympy.Rational(5, 4)) == "1.25"


def test_names_ordinals_articles() -> None:
    picked = text.names(random.Random(3), 4)
    assert len(set(picked)) == 4 and set(picked) <= set(text.NAMES)
    assert [text.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
    ]  # fmt: skip
    assert text.article("orange") == "an"
    assert text.article("red") == "a"


def test_an_exact_short_answer_is_asked_for_exactly_and_others_to_3_sf():
    import sympy

    from generation.engine.authoring.rounding import exact_or_3sf
    from questions.schemas import Accuracy

    assert exact_or_3sf(sympy.Rational(75, 4)) == Accuracy.EXACT  # 18.75, not 18.8
    assert exact_or_3sf(12345) == Accuracy.EXACT
    assert exact_or_3sf(sympy.Rational(67473, 64)) == Accuracy.SF3  # 1054.265625
    assert exact_or_3sf(sympy.Rational(1, 3)) == Accuracy.SF3
    assert exact_or_3sf(sympy.sqrt(2)) == Accuracy.SF3
