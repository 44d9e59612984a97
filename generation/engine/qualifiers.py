"""When a mark scheme may write ``cao``: the one rule the builder applies and the verifier's
``marks.cao`` check states.

Cambridge writes ``cao`` (correct answer only) where the form is the point: a fraction asked for
in its simplest form, standard form, an exact value, an answer to the accuracy the question
asks for. An exact decimal or fraction whose form is not asked for is accepted in any
equivalent form (``oe``: 0.15 or 3/20), and a rounded answer whose accuracy is not asked for to
its accuracy or within a range (``awrt``: the issue's ``172.78 cao`` refusing 172.8).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# what a part's text says when the form of its answer is the point
FORM_ASKED = re.compile(
    r"simplest form|lowest terms|as a (?:single |mixed |improper )?fraction|as a decimal|"
    r"as a percentage|standard form|exact|surd|in the form|mixed number|improper fraction|"
    r"recurring|terminating|as a ratio|ratio|simplify|significant figure|decimal place",
    re.IGNORECASE,
)

# what it says when rounding to an accuracy is the point ("correct to 2 decimal places",
# "to the nearest cent"): the answer is then marked on that rounding
ACCURACY_ASKED = re.compile(
    r"decimal places?|significant figures?|\bd\.p\.|\bs\.f\.|(?:to the )?nearest \w+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CaoJudgement:
    fits: bool
    why: str
    exact_unasked: bool = False  # an exact value with no form asked for: oe, not cao


def judge_cao(text: str, value: Any, *, rounded: bool) -> CaoJudgement | None:
    """Whether ``cao`` fits a mark line whose value is ``value`` in a part whose text is
    ``text`` (its answers ``rounded`` or not); ``None`` when the rule does not apply (not a
    number, or a whole number: it has no other form to refuse)."""
    if not getattr(value, "is_number", False) or getattr(value, "is_Integer", False):
        return None
    text = " ".join(str(text).split())
    if rounded:
        if accuracy := ACCURACY_ASKED.search(text):
            return CaoJudgement(True, f"and the question asks for its accuracy ({accuracy[0]!r})")
        return CaoJudgement(
            False, "but the answer is rounded: accept it to its accuracy (awrt) or a range"
        )
    if form := FORM_ASKED.search(text):
        return CaoJudgement(True, f"and the question asks for the form ({form[0]!r})")
    return CaoJudgement(
        False,
        "but no form is asked for: its equivalent forms are accepted (oe)",
        exact_unasked=True,
    )
