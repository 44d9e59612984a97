"""How the engine writes numbers and words in question text, working and answers: one module
for every template (fractions, signed terms, brackets, polynomials, degrees, money,
approximations, names, ordinals).

Functions come in LaTeX / plain pairs where a candidate's plain text differs from the printed
maths (``fraction`` gives both). LaTeX is for ``$…$`` spans; plain is how a candidate writes it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import Rational

from generation.engine import formatting
from questions.schemas import Accuracy

__all__ = [
    "NAMES",
    "Currency",
    "DOLLAR",
    "YEN",
    "EURO",
    "POUND",
    "amount",
    "approx",
    "article",
    "bracket",
    "clock",
    "cubed",
    "degrees",
    "fraction",
    "frac",
    "frac_plain",
    "horizontal",
    "hours_minutes",
    "listing",
    "mixed",
    "mixed_plain",
    "money",
    "names",
    "number",
    "ordinal",
    "polynomial",
    "polynomial_plain",
    "rounded",
    "signed",
    "squared",
    "standard_form",
    "terms",
    "table",
    "terms_plain",
    "unit",
    "words",
]

# --- fractions ----------------------------------------------------------------------------


def fraction(value: Any) -> tuple[str, str]:
    """``(plain, latex)`` of a rational in lowest terms: ``("3/10", "\\frac{3}{10}")``;
    an integer plainly."""
    return frac_plain(value), frac(value)


def frac(value: Any) -> str:
    """LaTeX for a rational: ``\\frac{3}{8}``, ``-\\frac{1}{4}``, or an integer."""
    r = Rational(value)
    if r.q == 1:
        return str(r.p)
    sign = "-" if r < 0 else ""
    return f"{sign}\\frac{{{abs(r.p)}}}{{{r.q}}}"


def frac_plain(value: Any) -> str:
    """A rational as a candidate writes a fraction: ``3/8`` (never a decimal)."""
    r = Rational(value)
    return str(r.p) if r.q == 1 else f"{r.p}/{r.q}"


def mixed(value: Any) -> str:
    """LaTeX for a positive rational as a mixed number: ``2\\frac{5}{8}``."""
    r = Rational(value)
    whole, rest = divmod(r.p, r.q)
    if rest == 0:
        return str(whole)
    if whole == 0:
        return frac(r)
    return f"{whole}\\frac{{{rest}}}{{{r.q}}}"


def mixed_plain(value: Any) -> str:
    """A positive rational as a candidate writes a mixed number: ``2 5/8``."""
    r = Rational(value)
    whole, rest = divmod(r.p, r.q)
    if rest == 0:
        return str(whole)
    if whole == 0:
        return frac_plain(r)
    return f"{whole} {rest}/{r.q}"


# --- signed terms, brackets, polynomials ------------------------------------------------------


def signed(value: Any) -> str:
    """``+ 5`` or ``- 5`` (LaTeX) for writing a number after another term."""
    r = sympy.sympify(value)
    return f"- {frac(-r)}" if r < 0 else f"+ {frac(r)}"


def bracket(value: Any) -> str:
    """A number ready to be substituted: negatives in brackets, ``(-3)``."""
    r = sympy.sympify(value)
    return f"({frac(r)})" if r < 0 else frac(r)


def _terms(terms_: Sequence[tuple[Any, str]], *, latex: bool) -> str:
    out = ""
    for coefficient, monomial in terms_:
        c = Rational(coefficient)
        if c == 0:
            continue
        magnitude = abs(c)
        if monomial and magnitude == 1:
            body = monomial
        elif monomial and magnitude.q != 1:
            if latex:
                top = monomial if magnitude.p == 1 else f"{magnitude.p}{monomial}"
                body = f"\\frac{{{top}}}{{{magnitude.q}}}"
            else:
                body = f"{magnitude.p}{monomial}/{magnitude.q}"
        else:
            body = (frac(magnitude) if latex else frac_plain(magnitude)) + monomial
        if not out:
            out = ("-" if c < 0 else "") + body
        else:
            out += (" - " if c < 0 else " + ") + body
    return out or "0"


def terms(terms_: Sequence[tuple[Any, str]]) -> str:
    """``(coefficient, monomial)`` pairs in the order given, in LaTeX: ``[(2,'x^2'),(-1,'x'),
    (3,'')]`` gives ``2x^2 - x + 3``. Zero terms are dropped; fractions are ``\\frac``."""
    return _terms(terms_, latex=True)


def terms_plain(terms_: Sequence[tuple[Any, str]]) -> str:
    """Plain-text twin of :func:`terms` (``2x^2 - x + 3``)."""
    return _terms(terms_, latex=False)


def _poly_terms(coefficients: Sequence[Any], var: str) -> list[tuple[Any, str]]:
    degree = len(coefficients) - 1
    out = []
    for i, c in enumerate(coefficients):
        power = degree - i
        monomial = "" if power == 0 else var if power == 1 else f"{var}^{power}"
        out.append((c, monomial))
    return out


def polynomial(coefficients: Sequence[Any], var: str = "x") -> str:
    """``[a, b, c]`` (highest power first) as LaTeX ``ax^2 + bx + c``."""
    return terms(_poly_terms(coefficients, var))


def polynomial_plain(coefficients: Sequence[Any], var: str = "x") -> str:
    return terms_plain(_poly_terms(coefficients, var))


# --- numbers, units ----------------------------------------------------------------------------


def number(value: Any) -> str:
    """A number as question text prints it: ``12``, ``7.5``, ``10\\,000`` (no float noise)."""
    return formatting.number(sympy.sympify(value))


def rounded(value: Any, accuracy: Accuracy = Accuracy.SF3) -> str:
    """LaTeX of a value as the answer line shows it under ``accuracy`` (3 s.f. by default)."""
    return formatting.display(sympy.sympify(value), accuracy)[1]


def squared(unit: str) -> str:
    """An area unit for prose: ``cm$^2$``."""
    return f"{unit}$^2$"


def cubed(unit: str) -> str:
    """A volume unit for prose: ``cm$^3$``."""
    return f"{unit}$^3$"


def unit(machine: str) -> str:
    """A unit as prose prints it: ``cm^2`` as ``cm$^2$``, ``m^3`` as ``m$^3$``."""
    return re.sub(r"\^(\d)", r"$^\1$", machine)


# --- degrees, approximations ------------------------------------------------------------------


def degrees(value: Any) -> str:
    """LaTeX for an angle in degrees: ``58^\\circ``."""
    return f"{formatting.number(value)}^\\circ"


def approx(value: Any, accuracy: Accuracy = Accuracy.SF4, *, dots: bool = False) -> str:
    """A value for a line of working: exactly if it is a short decimal, else to 4 significant
    figures or by ``accuracy`` (followed by dots when ``dots``, as a calculator display is
    copied)."""
    shown = formatting.display(sympy.sympify(value), accuracy)[0]
    if sympy.sympify(value) == sympy.Rational(shown):
        return formatting.grouped(shown)
    exact = formatting.number(value)
    if sympy.sympify(value).is_Rational and len(exact) <= 8 and "frac" not in exact:
        return exact
    return f"{formatting.grouped(shown)}\\ldots" if dots else formatting.grouped(shown)


# --- standard form ---------------------------------------------------------------------------


def standard_form(value: Any, figures: int | None = None) -> tuple[str, str]:
    """``(plain, latex)`` of a value in standard form, optionally rounded half up to
    ``figures`` significant figures: ``("3.2 × 10^4", "3.2 \\times 10^{4}")``."""
    d = formatting.to_decimal(value)
    if figures is not None:
        d = formatting.round_sig(d, figures)
    exponent = d.adjusted()
    mantissa = (d.scaleb(-exponent)).normalize()
    m = format(mantissa, "f")
    return f"{m} × 10^{exponent}", f"{m} \\times 10^{{{exponent}}}"


# --- times --------------------------------------------------------------------------------------


def clock(minutes: int) -> str:
    """A time of day on the 24-hour clock as printed on 0580 papers: ``09 47``."""
    minutes %= 24 * 60
    return f"{minutes // 60:02d} {minutes % 60:02d}"


def hours_minutes(minutes: int) -> str:
    """A duration in words: ``45 minutes``, ``2 hours``, ``1 h 25 min``."""
    h, m = divmod(minutes, 60)
    if h == 0:
        return f"{m} minutes"
    if m == 0:
        return f"{h} hours" if h != 1 else "1 hour"
    return f"{h} h {m} min"


# --- money ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Currency:
    """A currency as printed: its LaTeX-safe symbol, and the places of its minor unit (cents:
    2; the yen has none)."""

    symbol: str
    minor_places: int = 2
    minor_unit: str = "cent"


DOLLAR = Currency("\\$")
EURO = Currency("€")
POUND = Currency("£", minor_unit="penny")
YEN = Currency("¥", 0, "")


def amount(value: Any, currency: Currency = DOLLAR) -> str:
    """A sum of money as printed without its symbol (``68``, ``12.50``; the yen whole)."""
    return money(value, currency, grouped=False).removeprefix(currency.symbol)


def money(value: Any, currency: Currency = DOLLAR, *, grouped: bool = True) -> str:
    """Money in prose, as on 0580 papers: ``\\$12.50``, ``\\$120`` for a whole amount, and
    ``\\$251 000`` with the thousands grouped. A currency without a minor unit (yen) is always
    whole; a value it cannot pay exactly is an error, not rounded silently."""
    r = sympy.nsimplify(value) if isinstance(value, float) else sympy.sympify(value)
    if currency.minor_places == 0:
        if not r.is_Integer:
            raise ValueError(f"{value} is not a whole amount of {currency.symbol}")
        text = str(int(r))
    elif r.is_Integer:
        text = str(int(r))
    else:
        text = formatting.number(r, currency.minor_places)
    whole, dot, rest = text.partition(".")
    if (
        grouped and len(whole.lstrip("-")) > 4
    ):  # 251 000, grouped with non-breaking spaces as on the papers
        whole = f"{int(whole):,}".replace(",", "\u00a0")
    return f"{currency.symbol}{whole}{dot}{rest}"


# --- words: names, ordinals, articles, listings -----------------------------------------------

NAMES = (
    "Amir",
    "Bella",
    "Carlos",
    "Dina",
    "Elif",
    "Femi",
    "Grace",
    "Hiro",
    "Isla",
    "Jonas",
    "Kofi",
    "Lena",
    "Maya",
    "Nikhil",
    "Omar",
    "Priya",
    "Rosa",
    "Sami",
    "Tariq",
    "Yuki",
)


def names(rng: random.Random, k: int) -> list[str]:
    """``k`` different first names for the people in a question."""
    return rng.sample(NAMES, k)


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def article(word: str) -> str:
    """``a`` or ``an`` before a word."""
    return "an" if word[:1].lower() in "aeiou" else "a"


def listing(values: Sequence[Any]) -> str:
    """Numbers for question text, separated by wide spaces inside one maths span."""
    return "$" + " \\quad ".join(formatting.number(v) for v in values) + "$"


def words(text: str) -> str:
    """Words inside maths (a table cell, a label): ``\\text{…}``."""
    return f"\\text{{{text}}}"


# --- tables -----------------------------------------------------------------------------------


def table(rows: list[list[str]], *, ruled_first_column: bool = True) -> str:
    """A ruled table from rows of LaTeX cells (the first row or column holds the headings),
    written as a LaTeX array (rendered as a MathML table with ruled lines)."""
    columns = max(len(r) for r in rows)
    spec = "|" + "|".join(["l" if ruled_first_column else "c"] + ["c"] * (columns - 1)) + "|"
    body = " \\\\ \\hline ".join(" & ".join(r) for r in rows)
    return f"\\begin{{array}}{{{spec}}} \\hline {body} \\\\ \\hline \\end{{array}}"


def horizontal(heading: str, labels: list[str], value_heading: str, values: list[Any]) -> str:
    """A two-row table: ``heading`` over ``labels`` and ``value_heading`` over ``values``."""
    return table(
        [
            [words(heading), *labels],
            [words(value_heading), *(formatting.number(v) for v in values)],
        ]
    )
