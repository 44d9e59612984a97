"""The whitelisted expression parser: machine form, candidate answers, LaTeX, equivalence."""

from __future__ import annotations

import pytest
import sympy

from generation.engine.expressions import (
    ExpressionError,
    equivalent,
    evaluate,
    latex_to_plain,
    machine,
    parse,
    parse_latex,
    parse_plain,
)

x, y = sympy.Symbol("x", real=True), sympy.Symbol("y", real=True)


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os')",
        "__import__('os').system('true')",
        "(1).__class__",
        "x.real",
        "lambda: 1",
        "open('/etc/passwd')",
        "eval('1')",
        "getattr(x, 'func')",
        "[i for i in range(3)]",
        "sympify('1')",
        "_secret",
        "'text'",
        "x[0]",
        "2**100000",
        "1/0",
        "Rational(1, 2, foo=3)",
    ],
)
def test_refuses_anything_outside_the_whitelist(text):
    with pytest.raises(ExpressionError):
        parse(text)


def test_givens_are_substituted_and_exact():
    assert parse("pi*r**2", {"r": sympy.Integer(28)}) == 784 * sympy.pi
    assert parse("12.6") == sympy.Rational(63, 5)
    assert evaluate("d/2", {"d": 27}) == sympy.Rational(27, 2)


def test_unknown_names_are_refused_without_symbols():
    with pytest.raises(ExpressionError):
        parse("r + 1", allow_symbols=False)


def test_degree_trigonometry():
    assert parse("sind(30)") == sympy.Rational(1, 2)
    assert abs(float(parse("atand(3/4)")) - 36.8698976) < 1e-6


def test_relations_are_kept_as_written():
    assert parse("Eq(3*x + 5, 20)") == sympy.Eq(3 * x + 5, 20, evaluate=False)
    assert isinstance(parse("Eq(2, 2)"), sympy.Equality)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2x+3", 2 * x + 3),
        ("2 x + 3", 2 * x + 3),
        ("x^2", x**2),
        ("x²", x**2),
        ("3x(x - 1)", 3 * x * (x - 1)),
        ("(x+1)(x-2)", (x + 1) * (x - 2)),
        ("xy", x * y),
        ("3pi", 3 * sympy.pi),
        ("2√3", 2 * sympy.sqrt(3)),
        ("√2", sympy.sqrt(2)),
        ("−7/3", sympy.Rational(-7, 3)),
        ("2 1/3", sympy.Rational(7, 3)),
        ("12.6 cm", sympy.Rational(63, 5)),
        ("2290 cm^2", 2290),
        ("12.6 cm²", sympy.Rational(63, 5)),
        ("$12.50", sympy.Rational(25, 2)),
        ("£3.20", sympy.Rational(16, 5)),
        ("12,000", 12000),
        ("36.9°", sympy.Rational(369, 10)),
        ("45%", 45),
    ],
)
def test_parse_plain_reads_answers_as_candidates_write_them(written, expected):
    assert parse_plain(written) == expected


def test_parse_plain_ratio_equation_and_inequality():
    assert parse_plain("3:4") == sympy.Tuple(3, 4)
    assert parse_plain("3 : 4 : 5") == sympy.Tuple(3, 4, 5)
    assert parse_plain("y = 2x - 1") == sympy.Eq(y, 2 * x - 1, evaluate=False)
    assert equivalent(parse_plain("x ≤ 5"), parse("x <= 5"))
    assert equivalent(parse_plain("-2 < x <= 5"), parse("And(-2 < x, x <= 5)"))
    assert parse_plain("(3, -2)") == sympy.Tuple(3, -2)
    assert parse_plain("{1, 2, 3}") == sympy.FiniteSet(1, 2, 3)


def test_a_one_letter_unit_needs_its_space():
    assert parse_plain("5 m") == 5
    assert parse_plain("5m") == 5 * sympy.Symbol("m", real=True)
    assert parse_plain("3h") == 3 * sympy.Symbol("h", real=True)


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\frac{7}{3}", sympy.Rational(7, 3)),
        (r"- \frac{7}{3}", sympy.Rational(-7, 3)),
        (r"\frac12", sympy.Rational(1, 2)),
        (r"3 \sqrt{2}", 3 * sympy.sqrt(2)),
        (r"\frac{\sqrt{3}}{2}", sympy.sqrt(3) / 2),
        (r"\sqrt[3]{27}", 3),
        (r"\frac{729 \pi}{4}", 729 * sympy.pi / 4),
        (r"\pi \times 28^2", 784 * sympy.pi),
        (r"2.5 \times 10^{3}", 2500),
        (r"12\,500", 12500),
        (r"\$12.50", sympy.Rational(25, 2)),
        (r"36.9^\circ", sympy.Rational(369, 10)),
        (r"x^{2} + 3 x - 10", x**2 + 3 * x - 10),
        (r"\left(3, -2\right)", sympy.Tuple(3, -2)),
        (r"\begin{pmatrix} 3 \\ -2 \end{pmatrix}", sympy.Tuple(3, -2)),
        (r"\{1, 2, 3\}", sympy.FiniteSet(1, 2, 3)),
        (r"2290 \text{ cm}^2", 2290),
    ],
)
def test_parse_latex(latex, expected):
    assert parse_latex(latex) == expected


def test_latex_that_is_not_understood_is_refused():
    with pytest.raises(ExpressionError):
        parse_latex(r"\int_0^1 x \, dx")
    with pytest.raises(ExpressionError):
        latex_to_plain(r"\frac{1}")


def test_machine_round_trips():
    for value in [sympy.Rational(7, 3), 784 * sympy.pi, sympy.sqrt(2) / 2, (3, -2), 12]:
        assert equivalent(parse(machine(value)), sympy.sympify(value))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("pi*27**2", "729*pi", True),
        ("sqrt(8)", "2*sqrt(2)", True),
        ("0.1 + 0.2", "3/10", True),
        ("(x+3)*(x-2)", "x**2 + x - 6", True),
        ("(x+3)*(x-2)", "x**2 + x + 6", False),
        ("Eq(y, 2*x + 1)", "Eq(2*y, 4*x + 2)", True),
        ("Eq(y, 2*x + 1)", "Eq(y, 2*x - 1)", False),
        ("x > 3", "3 < x", True),
        ("x > 3", "x >= 3", False),
        ("2*x + 1 > 7", "x > 3", True),
        ("x**2 < 4", "And(-2 < x, x < 2)", True),
        ("x**2 > 4", "Or(x < -2, x > 2)", True),
        ("(1, 2)", "(1, 2)", True),
        ("(1, 2)", "(2, 1)", False),
        ("FiniteSet(1, 2, 3)", "FiniteSet(3, 2, 1)", True),
        ("FiniteSet(1, 2)", "FiniteSet(1, 2, 3)", False),
    ],
)
def test_equivalent(a, b, same):
    assert equivalent(parse(a), parse(b)) is same


def test_equivalent_with_tolerance():
    assert equivalent(parse("asind(3/5)"), parse("36.9"), tolerance=0.05)
    assert not equivalent(parse("asind(3/5)"), parse("36.9"))


def test_leading_zeros_of_bearings_are_read_as_numbers():
    from generation.engine.expressions import parse_plain

    assert parse_plain("045") == 45
    assert parse_plain("-007.5") == -sympy.Rational(15, 2)
    assert parse_plain("0.05") == sympy.Rational(1, 20)
    assert parse_plain("10.05") == sympy.Rational(201, 20)
