"""Part-builder idioms: what every template does to a part, written once.

- :func:`method`: a method line with its step — a line of working reaching a
  :class:`~generation.engine.authoring.working.Working` value, and the M1 that credits it.
- :func:`final`: the final answer with its A mark (B when the part has no method line) and its
  accuracy; a rounded answer whose exact value sits on a rounding boundary rejects the seed.
- :func:`misconception`: a common wrong answer, declared as what the candidate did (their final
  value and the working they show, machine form over the givens). Its marks are not written by
  hand: the engine marks it against the part's own scheme when the question is built (an M1
  or "their" line the working shows is credited; a wrong answer the scheme would mark right is
  dropped).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sympy

from generation.engine import formatting
from generation.engine.authoring import text
from generation.engine.authoring.algebraic import tex, txt
from generation.engine.authoring.rounding import require_clear
from generation.engine.authoring.working import Working
from generation.engine.builder import PartBuilder
from questions.schemas import Accuracy, MarkType, Qualifier

__all__ = [
    "Misconception",
    "alternative",
    "answer",
    "final",
    "method",
    "misconception",
    "wrong",
    "wrong_expression",
]


def method(
    part: PartBuilder,
    working: Working,
    awarded_for: str | None = None,
    *,
    step: str | None = None,
    lhs: str = "",
    qualifiers: Sequence[Qualifier | str] = ("oe",),
    partial: Sequence[str] = (),
    count: int = 1,
) -> int:
    """A step of working reaching ``working`` and the M mark that credits it; returns the mark
    line's index. The step defaults to ``$lhs = substituted = value$`` (none for ``step=""``),
    the line to ``$substituted$``."""
    if step != "":  # "" when the step is written elsewhere (the final answer's step, say)
        part.step(step if step is not None else working.equation(lhs), working.machine)
    return part.mark(
        MarkType.M,
        awarded_for if awarded_for is not None else f"${working.substituted}$",
        count,
        value=working.machine,
        qualifiers=tuple(qualifiers),
        partial=tuple(partial),
    )


def final(
    part: PartBuilder,
    working: Working,
    *,
    accuracy: Accuracy = Accuracy.EXACT,
    unit: str = "",
    awarded_for: str | None = None,
    qualifiers: Sequence[Qualifier | str] = (),
    step: str | None = None,
    partial: Sequence[str] = (),
    awrt: bool = False,
    variable: str = "",
    satisfies: str | None = None,
    label: str = "",
) -> int:
    """The final answer: its step (unless ``step == ""``), the answer shown by ``accuracy``,
    and its mark — A1 after the part's method line, else B for the part's remaining marks.
    ``awrt``: when the answer is rounded, the mark line shows the longer value too
    (``17.7 or 17.68…``) and is qualified awrt. ``variable``/``satisfies``: a relation the
    answer must satisfy (a value read from a graph inside its accepted range), checked by the
    verifier. ``label`` names the answer (``h``, ``PR``). Returns the mark line's index."""
    if accuracy != Accuracy.EXACT:
        require_clear(working.value, accuracy)
    plain, latex = working.shown(accuracy)
    if step is None:
        step = working.equation(accuracy=accuracy)
    if step:
        part.step(step, working.machine)
    part.answer(
        working.machine,
        accuracy=accuracy,
        unit=unit,
        plain=plain,
        latex=latex,
        variable=variable,
        satisfies=satisfies,
        label=label,
    )
    unit_shown = f" {text.unit(unit)}" if unit else ""
    shown = awarded_for if awarded_for is not None else f"${latex}$" + unit_shown
    if awrt and accuracy != Accuracy.EXACT and sympy.Rational(plain) != working.value:
        longer = text.approx(working.value, dots=True)
        if awarded_for is None and longer.removesuffix("\\ldots") != latex:
            shown = f"${latex}$ or ${longer}$" + unit_shown
        qualifiers = (*qualifiers, Qualifier.AWRT)
    has_method = part.q.last_method_line(part.label) is not None
    if has_method:
        return part.mark(
            MarkType.A,
            shown,
            value=working.machine,
            qualifiers=tuple(qualifiers),
            partial=tuple(partial),
        )
    earlier = sum(
        line.count for line in part.q.lines if line.part == part.label and line.alternative == 0
    )
    return part.mark(
        MarkType.B,
        shown,
        part.marks - earlier,
        value=working.machine,
        qualifiers=tuple(qualifiers),
        partial=tuple(partial),
    )


def alternative(part: PartBuilder, *methods: Working, answer: Working, number: int = 1) -> None:
    """An "Alternative method" for the part (its ``number``-th): an M1 oe for each of
    ``methods`` (another route's working, in order) and the A1 for ``answer``. Its lines stand
    instead of the main method's, so they give the same total; the marker awards the better.
    Each method's value must be a value of the worked solution (e.g. the same quantity by
    another formula)."""
    for working in methods:
        part.mark(
            MarkType.M,
            f"${working.substituted}$",
            value=working.machine,
            qualifiers=("oe",),
            alternative=number,
        )
    part.mark(MarkType.A, f"${answer.latex}$", value=answer.machine, alternative=number)


@dataclass(frozen=True)
class Misconception:
    """A common wrong answer as what the candidate did.

    ``final`` is the candidate's final value (machine form over the givens, or a SymPy value)
    and ``working`` the values their working shows (machine form); ``accuracy`` is how they write the final value (by
    default as the part's first answer is shown); ``fractions`` writes a rational as a fraction.
    """

    error: str
    final: Any
    working: tuple[Any, ...] = field(default_factory=tuple)  # values a mark line credits
    accuracy: Accuracy | None = None
    fractions: bool = True


def misconception(part: PartBuilder, wrong: Misconception) -> None:
    """Record a wrong answer the engine marks against the part's own scheme at build time.
    A value that is not a real number (the root of a negative), or a measure (the part's
    answer has a unit other than degrees) that is not positive, is no answer a candidate
    writes, so it is not listed."""
    final = sympy.nsimplify(wrong.final) if isinstance(wrong.final, float) else wrong.final
    value = part.q.value_of(final)
    if getattr(value, "is_real", None) is False:
        return
    # A measure (an answer with a unit: a length, an area, a mass; not an angle) is never
    # negative or zero, and is written as a decimal.
    measure = bool(part.answers) and part.answers[0].unit not in ("", "degrees")
    if measure and isinstance(value, sympy.Expr) and value.is_real and not value > 0:
        return
    accuracy = wrong.accuracy
    if accuracy is None:
        accuracy = part.answers[0].accuracy if part.answers else Accuracy.EXACT
    fractions = wrong.fractions and not measure
    if accuracy == Accuracy.EXACT and fractions and isinstance(value, sympy.Rational):
        plain, latex = text.fraction(value)
    else:
        plain, latex = formatting.display(value, accuracy)
    part.wrong(plain, wrong.error, None, latex=latex, working=list(wrong.working))


def answer(
    part: PartBuilder,
    working: Working,
    *,
    accuracy: Accuracy = Accuracy.EXACT,
    unit: str = "",
    **kwargs: Any,
) -> None:
    """The part's answer, written from ``working`` (a rational as a fraction in lowest terms,
    a rounded value by ``accuracy``), without a mark line: for parts whose lines say more than
    :func:`final` writes."""
    if accuracy != Accuracy.EXACT:
        require_clear(working.value, accuracy)
    plain, latex = working.shown(accuracy)
    part.answer(working.machine, accuracy=accuracy, unit=unit, plain=plain, latex=latex, **kwargs)


def wrong(
    part: PartBuilder,
    plain: str,
    error: str,
    *,
    latex: str | None = None,
    working: Sequence[Any] = (),
) -> None:
    """A wrong answer already written out (``plain``, ``latex``), marked by the engine against
    the part's own scheme when the question is built. Prefer :func:`misconception`, which
    writes the answer from the candidate's value."""
    part.wrong(plain, error, None, latex=latex, working=list(working))


def wrong_expression(
    part: PartBuilder,
    expr: Any,
    error: str,
    *,
    working: Sequence[Any] = (),
    plain: str | None = None,
    latex: str | None = None,
) -> None:
    """A wrong expression answer (a SymPy expression), written the way a candidate writes it
    (``plain``, ``latex`` override), marked by the engine against the part's own scheme."""
    part.wrong(
        plain if plain is not None else txt(expr),
        error,
        None,
        latex=latex if latex is not None else tex(expr),
        working=list(working),
    )
