"""The 0580 accuracy rules: how an answer is shown."""

from __future__ import annotations

import pytest
import sympy

from generation.engine.formatting import display, grouped, latex, money, number, rounded
from questions.schemas import Accuracy

R = sympy.Rational


@pytest.mark.parametrize(
    ("value", "accuracy", "shown"),
    [
        (R("2460.2"), Accuracy.SF3, "2460"),
        (784 * sympy.pi, Accuracy.SF3, "2460"),
        (R("0.0012345"), Accuracy.SF3, "0.00123"),
        (R("12.345"), Accuracy.SF4, "12.35"),  # half up, not half even
        (R("2.345"), Accuracy.SF3, "2.35"),
        (R("0.125"), Accuracy.SF2, "0.13"),
        (R("2.5"), Accuracy.NEAREST_INTEGER, "3"),
        (R("9.9951"), Accuracy.SF3, "10.0"),  # a carry keeps three figures
        (R("0.099961"), Accuracy.SF3, "0.100"),
        (R("123456"), Accuracy.SF3, "123000"),
        (R("12.5"), Accuracy.MONEY_2DP, "12.50"),
        (R(12), Accuracy.MONEY_2DP, "12.00"),
        (R("36.8699"), Accuracy.ANGLE_1DP, "36.9"),
        (sympy.atan(R(3, 4)) * 180 / sympy.pi, Accuracy.ANGLE_1DP, "36.9"),
        (R(7, 3), Accuracy.DP2, "2.33"),
        (R(-2345, 1000), Accuracy.SF3, "-2.35"),
    ],
)
def test_rounding_rules(value, accuracy, shown):
    assert display(value, accuracy) == (shown, grouped(shown))


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("123000", "123\\,000"),
        ("93750", "93\\,750"),
        ("-12345.5", "-12\\,345.5"),
        ("11017.5", "11\\,017.5"),
        ("2024", "2024"),  # four figures stay whole, as on the papers
        ("0.00123", "0.00123"),
    ],
)
def test_large_numbers_print_with_their_thousands_apart_in_answers_as_in_text(text, printed):
    assert grouped(text) == printed
    assert latex(sympy.Rational(text)) == printed or "." in text
    assert number(sympy.Rational(text)) == printed


@pytest.mark.parametrize(
    ("value", "accuracy", "shown"),
    [
        (R(25, 2), Accuracy.SF3, "12.5"),  # exact and already within 3 s.f.: not "12.50"
        (R(12), Accuracy.SF3, "12"),
        (R(1, 2), Accuracy.DP1, "0.5"),
        (R(1, 4), Accuracy.DP2, "0.25"),
        (R(2460), Accuracy.SF3, "2460"),
    ],
)
def test_exact_values_are_shown_exactly(value, accuracy, shown):
    assert display(value, accuracy)[0] == shown


def test_exact_answers():
    assert display(R(1, 3), Accuracy.EXACT) == ("1/3", "\\frac{1}{3}")
    assert display(R(1, 8), Accuracy.EXACT) == ("0.125", "0.125")
    assert display(2 * sympy.sqrt(2), Accuracy.EXACT) == ("2*sqrt(2)", "2 \\sqrt{2}")
    assert display(sympy.Integer(-4), Accuracy.EXACT) == ("-4", "-4")


def test_rounding_starts_from_the_exact_value():
    # 2.4449999… rounds to 2.44; rounding 2.445 (a premature 3 d.p. rounding) would give 2.45.
    assert str(rounded(R(24449999, 10**7), Accuracy.DP2)) == "2.44"


def test_numbers_in_question_text():
    assert number(12) == "12"
    assert number(12345) == "12\\,345"
    assert number(0.1) == "0.1"
    assert number(R(1, 3)) == "\\frac{1}{3}"
    assert number(12.5, 2) == "12.50"
    assert money(12.5) == "\\$12.50"
