"""Difficulty check: ``difficulty.band`` — the declared difficulty agrees with the rubric.

The rubric (:mod:`generation.engine.difficulty`, written out in ``DIFFICULTY.md``) measures a
band 1–5 from the question itself. The declared ``difficulty`` passes when it is within
:data:`TOLERANCE` of that band. One band either way, because the rubric counts what a question
shows (marks, method lines, working, codes, tier) and not what makes an item hard in ways no
count sees (awkward numbers, an unfamiliar context, a trap); two questions an examiner would
call equally hard can differ by one band on the counts, never by two. A 1-mark "write down"
labelled 5 is four bands out and refused.

Enforcement is switchable: with :data:`ENFORCED` false the check always passes and its detail
says whether the declared difficulty would have been refused ("report only: …"), so a stress
run can measure every template before their declared difficulties are corrected.
"""

from __future__ import annotations

from generation.engine.difficulty import assess
from generation.engine.verifier.base import Checks

# Report-only until every template's variants sit within the tolerance of their declared band
# (the stress run reports which do not: ``generate_questions --stress N``).
ENFORCED = False
TOLERANCE = 1


def agrees(declared: int, measured: int) -> bool:
    """Whether a declared difficulty is within the tolerance of the rubric's band."""
    return abs(declared - measured) <= TOLERANCE


class DifficultyChecks(Checks):
    def difficulty_band(self) -> None:
        declared = self.data.get("difficulty")
        if not isinstance(declared, int) or isinstance(declared, bool):
            self.check("difficulty.band", False, f"the difficulty {declared!r} is not a number")
            return
        measured = assess(self.data)
        ok = agrees(declared, measured.band)
        detail = f"declared difficulty {declared}, rubric {measured.explain()}"
        if not ok:
            detail += f": more than {TOLERANCE} band{'s' if TOLERANCE != 1 else ''} apart"
        self.check("difficulty.band", ok, detail, enforced=ENFORCED)
