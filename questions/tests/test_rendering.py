"""LaTeX to MathML as a 0580 paper prints it: signs flush against their number, function names
a thin space from their argument."""

from __future__ import annotations

import re

import pytest

from questions.rendering import latex_to_mathml


def _signs(latex: str) -> list[str]:
    """Each minus or plus sign in the MathML: "prefix" (set flush) or "binary"."""
    return [
        "prefix" if "prefix" in attrs else "binary"
        for attrs in re.findall(r"<mo([^>]*)>[−+]</mo>", latex_to_mathml(latex))
    ]


@pytest.mark.parametrize(
    ("latex", "signs"),
    [
        ("(-4, -2)", ["prefix", "prefix"]),
        ("x = -5", ["prefix"]),
        ("-3x + 2", ["prefix", "binary"]),
        (r"2 \times -3", ["prefix"]),
        (r"\frac{(-2) - 33}{(-4) - 3}", ["prefix", "binary", "prefix", "binary"]),
        ("10^{-3}", ["prefix"]),
        ("a - b", ["binary"]),
        ("|x| - 1", ["binary"]),
    ],
)
def test_a_negative_number_is_set_flush_and_a_subtraction_spaced(latex, signs):
    assert _signs(latex) == signs


@pytest.mark.parametrize(
    ("latex", "spaced"),
    [
        (r"\cos x = 0.7", True),
        (r"\sin 30^\circ", True),
        (r"\sin^2 x", True),
        (r"\tan^{-1}(0.5)", False),
        (r"\cos(x)", False),
    ],
)
def test_a_function_name_is_a_thin_space_from_its_argument(latex, spaced):
    mathml = latex_to_mathml(latex)
    assert ('<mspace width="0.1667em"></mspace>' in mathml) is spaced
    # Nothing is put between a script's base and its script.
    assert "<msup><mi>tan</mi><mspace" not in mathml
