"""Angle facts as a candidate states them, and angles as givens.

- :data:`REASONS`: the geometrical reasons a 0580 mark scheme accepts, keyed by the fact used,
  with :data:`KEY_WORDS`, the words an examiner must see;
- :func:`reason_part`: a one-mark "Give a geometrical reason" part;
- :func:`linear_givens`: the coefficient and constant of an angle px + c stated in a question;
- :func:`words_latex`: words as LaTeX, with any "180°" written as maths.
"""

from __future__ import annotations

import re

from generation.engine.builder import PartBuilder, QuestionBuilder

__all__ = ["DEGREES", "KEY_WORDS", "REASONS", "linear_givens", "reason_part", "words_latex"]

DEGREES = "degrees"

# The reasons a 0580 mark scheme accepts, keyed by the fact used.
REASONS = {
    "straight": "angles on a straight line add up to 180°",
    "point": "angles around a point add up to 360°",
    "vertical": "vertically opposite angles are equal",
    "corresponding": "corresponding angles are equal",
    "alternate": "alternate angles are equal",
    "co-interior": "co-interior angles add up to 180°",
    "triangle": "angles in a triangle add up to 180°",
    "isosceles": "base angles of an isosceles triangle are equal",
    "exterior": "the exterior angle of a triangle equals the sum of the interior opposite angles",
    "quadrilateral": "angles in a quadrilateral add up to 360°",
    "semicircle": "the angle in a semicircle is 90°",
    "tangent": "the tangent is perpendicular to the radius",
    "centre": "the angle at the centre is twice the angle at the circumference",
    "segment": "angles in the same segment are equal",
    "cyclic": "opposite angles of a cyclic quadrilateral add up to 180°",
    "alternate segment": "the angle between a tangent and a chord equals the angle in the "
    "alternate segment",
    "tangents": "tangents from an external point are equal in length",
    "radii": "radii are equal, so the triangle is isosceles",
    "chords": "equal chords are equidistant from the centre",
}

# Words an examiner looks for in each reason (the mark scheme's "must see" note).
KEY_WORDS = {
    "straight": "straight line",
    "point": "point",
    "vertical": "vertically opposite",
    "corresponding": "corresponding",
    "alternate": "alternate",
    "co-interior": "co-interior (allied)",
    "triangle": "triangle",
    "isosceles": "isosceles",
    "exterior": "exterior angle",
    "quadrilateral": "quadrilateral",
    "semicircle": "semicircle",
    "tangent": "tangent and radius",
    "centre": "centre, twice",
    "segment": "same segment",
    "cyclic": "cyclic quadrilateral",
    "alternate segment": "alternate segment",
    "tangents": "tangents from a point",
    "radii": "radii, isosceles",
    "chords": "equal chords, same distance from the centre",
}


def linear_givens(q: QuestionBuilder, p_name: str, p: int, c_name: str, c: int) -> tuple[str, str]:
    """Declare the coefficient and constant of an angle px + c stated in a question (only the
    numbers that are printed: no coefficient 1, no constant 0; constants by size, since the sign
    is written as + or −). Returns the machine forms of p and of c."""
    p_form = "1"
    if p != 1:
        q.given(p_name, p)
        p_form = p_name
    if c == 0:
        return p_form, "0"
    q.given(c_name, abs(c))
    return p_form, c_name if c > 0 else f"(-{c_name})"


def words_latex(words: str) -> str:
    """Words as LaTeX, with any "180°" written as maths: ``\\text{… add up to }180^\\circ``."""
    pieces = re.split(r"(\d+)°", words)
    out = []
    for i, piece in enumerate(pieces):
        if i % 2:
            out.append(f"{piece}^\\circ")
        elif piece:
            out.append(f"\\text{{{piece}}}")
    return "".join(out)


def reason_part(
    q: QuestionBuilder,
    label: str,
    fact: str,
    text: str | None = None,
    calculator: str | None = None,
) -> PartBuilder:
    """A one-mark 'Give a geometrical reason' part whose answer is the named angle fact."""
    part = q.part(
        label,
        text or "Give a geometrical reason for your answer.",
        marks=1,
        command="Give",
        calculator=calculator,
    )
    reason = REASONS[fact]
    part.step(reason.capitalize() + ".")
    part.answer(None, kind="text", plain=reason, latex=words_latex(reason))
    part.mark("B", reason, partial=[f"must see the key words: {KEY_WORDS[fact]}"])
    return part
