"""Checks on wording an LLM wrote around numbers that code computed.

An agent that lets an LLM reword part of a question keeps the new wording only if it adds no
number the question did not have and breaks no verifier check that passed before.
"""

from __future__ import annotations

import re

from generation.engine.verifier import verify
from questions.schemas import Question

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_THOUSANDS = re.compile(r"(?<=\d)(?:,|\{,\}|\\,)(?=\d{3}(?!\d))")


def numbers_in(text: str) -> set[str]:
    """The numbers written in ``text`` (thousands separators removed)."""
    return set(_NUMBER.findall(_THOUSANDS.sub("", text)))


def numbers_added(before: str, after: str) -> list[str]:
    """Numbers in ``after`` that ``before`` does not have, smallest first."""
    return sorted(numbers_in(after) - numbers_in(before), key=lambda n: (float(n), n))


def checks_broken(before: Question, after: Question) -> list[str]:
    """Verifier checks that ``before`` passed and ``after`` fails, each with its reason."""
    failing_before = {(c.name, c.part) for c in verify(before).failures}
    return [
        f"{c.name}{f' ({c.part})' if c.part else ''}: {c.detail}"
        for c in verify(after).failures
        if (c.name, c.part) not in failing_before
    ]
