"""The question as data: the pydantic schema stored in ``questions.content`` (JSONB).

One schema serves the template engine, the LLM agents (structured output) and the bank.
Maths in text fields is LaTeX between ``$…$``. Numbers a checker must recompute are written in
*machine form*: a SymPy expression over the question's named givens (``"pi*r**2"``), parsed
with a whitelist by ``generation.engine.expressions`` and never ``eval``-ed.

Validation here is structural: marks add up (mark lines → part → question), codes are known,
labels are consistent. Mathematical checking is the verifier's job.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from questions import syllabus

SCHEMA_VERSION: Literal[1] = 1


class Tier(StrEnum):
    CORE = "Core"
    EXTENDED = "Extended"


class CalculatorPolicy(StrEnum):
    NOT_ALLOWED = "not_allowed"
    ALLOWED = "allowed"
    VARIES = "varies"


class CommandWord(StrEnum):
    CALCULATE = "Calculate"
    CONSTRUCT = "Construct"
    DESCRIBE = "Describe"
    DETERMINE = "Determine"
    EXPLAIN = "Explain"
    GIVE = "Give"
    PLOT = "Plot"
    SHOW_THAT = "Show that"
    SKETCH = "Sketch"
    STATE = "State"
    WORK_OUT = "Work out"
    WRITE = "Write"
    WRITE_DOWN = "Write down"


class Accuracy(StrEnum):
    """How an answer must be given (0580 front-page rules and the question's own demand)."""

    EXACT = "exact"  # exact value: integer, fraction, surd, multiple of pi
    SF3 = "3sf"  # 3 significant figures (the default for inexact answers)
    SF2 = "2sf"
    SF4 = "4sf"
    DP1 = "1dp"
    DP2 = "2dp"
    DP3 = "3dp"
    ANGLE_1DP = "angle_1dp"  # angles in degrees to 1 decimal place
    MONEY_2DP = "money_2dp"  # money to the nearest cent/penny
    NEAREST_INTEGER = "integer"


class AnswerKind(StrEnum):
    NUMBER = "number"  # value: a numeric expression
    EXPRESSION = "expression"  # value: an algebraic expression (equivalence is checked)
    EQUATION = "equation"  # value: Eq(lhs, rhs), e.g. a line y = mx + c
    INEQUALITY = "inequality"  # value: a relational or And(...) of relationals in one variable
    COORDINATES = "coordinates"  # value: (x, y)
    VECTOR = "vector"  # value: (x, y) column vector
    RATIO = "ratio"  # value: (a, b, ...) in simplest form
    SET = "set"  # value: FiniteSet(...) / list of elements
    TEXT = "text"  # words only (a description, a reason): value is None


class MarkType(StrEnum):
    M = "M"  # method
    A = "A"  # accuracy, depends on a method mark
    B = "B"  # independent
    SC = "SC"  # special case, instead of the other marks


class Qualifier(StrEnum):
    OE = "oe"
    CAO = "cao"
    FT = "FT"
    ISW = "isw"
    SOI = "soi"
    DEP = "dep"
    NFWW = "nfww"
    AWRT = "awrt"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


MachineForm = Annotated[str, Field(min_length=1, max_length=2000)]
PartLabel = Annotated[str, Field(max_length=12, pattern=r"^$|^[a-z](\((i|ii|iii|iv|v|vi)\))?$")]


def cambridge_labels(labels: list[str]) -> dict[str, str]:
    """The parts' labels that Cambridge would print otherwise, old → new (empty when they are
    right): a question with one part has no label, and parts that would all be (a)(i), (a)(ii),
    … are (a), (b), …"""
    if len(labels) == 1:
        renamed = {labels[0]: ""}
    elif len({label.partition("(")[0] for label in labels}) == 1 and all("(" in x for x in labels):
        renamed = {label: "abcdefghij"[i] for i, label in enumerate(labels)}
    else:
        return {}
    return {old: new for old, new in renamed.items() if old != new}


def printed_label(label: str) -> str:
    """A part's label as Cambridge prints it: ``a`` as ``(a)``, ``a(ii)`` as ``(a)(ii)``; the
    one part of a question with one part has none."""
    if not label:
        return ""
    letter, _, roman = label.partition("(")
    return f"({letter})" + (f"({roman}" if roman else "")


class Given(_Model):
    """A number stated in the question, by name, so answers can be recomputed from it."""

    name: Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_]*$", max_length=40)]
    value: MachineForm
    display: str = Field(description="how it is printed in the question text, e.g. '12.5'")
    unit: str = ""


class Answer(_Model):
    """One answer to a part (a part may have several, e.g. both roots of a quadratic)."""

    kind: AnswerKind = AnswerKind.NUMBER
    label: str = Field("", description="what is being given, e.g. 'x' or 'area'")
    value: MachineForm | None = Field(
        None, description="machine form over the givens; None only for TEXT answers"
    )
    plain: str = Field(description="the answer as a candidate writes it, e.g. '12.6' or '7/3'")
    latex: str = Field(description="the answer as shown in the mark scheme (LaTeX)")
    unit: str = ""
    accuracy: Accuracy = Accuracy.EXACT
    variable: str = Field("", description="the unknown, for equations solved or inequalities")
    satisfies: MachineForm | None = Field(
        None, description="a relation the value must satisfy, in `variable`, e.g. Eq(3*x+5, 20)"
    )

    @model_validator(mode="after")
    def _value_unless_text(self) -> Answer:
        if self.kind != AnswerKind.TEXT and not self.value:
            raise ValueError(f"a {self.kind.value} answer needs a machine-form value")
        return self


class SolutionStep(_Model):
    text: str = Field(description="one line of working (LaTeX between $…$)")
    value: MachineForm | None = Field(None, description="machine form of the value reached")


class MarkLine(_Model):
    """One line of a Cambridge mark scheme."""

    part: PartLabel
    awarded_for: str = Field(description="the answer or step credited (LaTeX between $…$)")
    mark_type: MarkType
    count: Annotated[int, Field(ge=1, le=10)] = 1
    qualifiers: list[Qualifier] = Field(default_factory=list)
    partial_credit: list[str] = Field(
        default_factory=list, description="notes like 'M1 for 2x = 8 oe'"
    )
    value: MachineForm | None = Field(
        None, description="machine form of the value this line credits, when it is a value"
    )
    depends_on: int | None = Field(
        None, description="index (in mark_scheme) of the M line an A or dep mark depends on"
    )
    alternative: Annotated[int, Field(ge=0, le=3)] = Field(
        0,
        description="0 for the part's main method; n for its n-th 'Alternative method', whose "
        "lines stand instead of the main method's (a candidate earns the better of the two)",
    )

    @property
    def code(self) -> str:
        return f"{self.mark_type.value}{self.count}"


class WrongAnswer(_Model):
    """A common wrong answer, the error that leads to it and the marks it earns."""

    part: PartLabel
    plain: str
    latex: str
    error: str = Field(description="what the candidate did wrong, in a teacher's words")
    working: list[MachineForm] = Field(
        default_factory=list, description="values the candidate's working would show"
    )
    marks_awarded: Annotated[int, Field(ge=0)]


class QuestionPart(_Model):
    label: PartLabel = ""
    text: str = Field(min_length=1)
    marks: Annotated[int, Field(ge=1, le=12)]
    command_word: CommandWord
    calculator: Literal[CalculatorPolicy.ALLOWED, CalculatorPolicy.NOT_ALLOWED]
    answers: list[Answer] = Field(min_length=1)
    show_that: MachineForm | None = Field(
        None, description="for 'Show that': the stated result that the working must reach"
    )
    solution: list[SolutionStep] = Field(min_length=1)


class VariantKey(_Model):
    """Identifies one variant: the same template, seed and difficulty give the same question."""

    source: str = Field(description="template key, or 'llm' / 'manual'")
    seed: int | None = None
    difficulty: Annotated[int, Field(ge=1, le=5)]
    params: dict[str, str | int | float | bool] = Field(default_factory=dict)

    @property
    def key(self) -> str:
        params = ",".join(f"{k}={self.params[k]}" for k in sorted(self.params))
        return f"{self.source}|d{self.difficulty}|{params}"


class Question(_Model):
    """A complete 0580 exam-style question with its answers and mark scheme."""

    schema_version: Literal[1] = SCHEMA_VERSION
    title: str = Field(min_length=1, max_length=200)
    stem: str = Field("", description="text shared by all parts (LaTeX between $…$)")
    diagram_svg: str = Field("", max_length=50_000, description="an optional inline SVG figure")
    givens: list[Given] = Field(default_factory=list)
    parts: list[QuestionPart] = Field(min_length=1, max_length=8)
    total_marks: Annotated[int, Field(ge=1, le=30)]
    mark_scheme: list[MarkLine] = Field(min_length=1)
    wrong_answers: list[WrongAnswer] = Field(default_factory=list)
    syllabus_codes: list[str] = Field(min_length=1)
    tier: Tier
    calculator_policy: CalculatorPolicy
    difficulty: Annotated[int, Field(ge=1, le=5)]
    variant: VariantKey

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        errors: list[str] = []
        labels = [p.label for p in self.parts]
        if len(set(labels)) != len(labels):
            errors.append(f"part labels repeat: {labels}")
        if len(self.parts) > 1 and "" in labels:
            errors.append("a multi-part question needs a label on every part")
        names = [g.name for g in self.givens]
        if len(set(names)) != len(names):
            errors.append("given names repeat")

        unknown = [c for c in self.syllabus_codes if not syllabus.is_known(c)]
        if unknown:
            errors.append(f"unknown syllabus code(s): {', '.join(unknown)}")
        wrong_tier = [
            c
            for c in self.syllabus_codes
            if syllabus.is_known(c) and syllabus.tier_of(c) != self.tier
        ]
        if wrong_tier:
            errors.append(f"code(s) {', '.join(wrong_tier)} are not {self.tier.value} codes")

        parts_sum = sum(p.marks for p in self.parts)
        if parts_sum != self.total_marks:
            errors.append(f"parts add up to {parts_sum} marks but the total is {self.total_marks}")
        for part in self.parts:
            methods = sorted(
                {line.alternative for line in self.mark_scheme if line.part == part.label}
            )
            for method in methods or [0]:
                line_sum = sum(
                    line.count
                    for line in self.mark_scheme
                    if line.part == part.label
                    and line.mark_type != MarkType.SC
                    and line.alternative == method
                )
                if line_sum != part.marks:
                    which = f" (alternative method {method})" if method else ""
                    errors.append(
                        f"mark scheme for part {part.label or '(single)'}{which} gives {line_sum} "
                        f"marks but the part is worth {part.marks}"
                    )
        for i, line in enumerate(self.mark_scheme):
            if line.part not in labels:
                errors.append(f"mark line {i} names part {line.part!r}, which does not exist")
            if line.depends_on is not None and not 0 <= line.depends_on < len(self.mark_scheme):
                errors.append(f"mark line {i} depends on line {line.depends_on}, out of range")
        for w in self.wrong_answers:
            if w.part not in labels:
                errors.append(
                    f"wrong answer {w.plain!r} names part {w.part!r}, which does not exist"
                )

        policies = {p.calculator for p in self.parts}
        expected = policies.pop() if len(policies) == 1 else CalculatorPolicy.VARIES
        if self.calculator_policy != expected:
            errors.append(
                f"calculator policy is {self.calculator_policy.value} but the parts say "
                f"{expected.value}"
            )
        if errors:
            raise ValueError("; ".join(errors))
        return self

    # Convenience read-only views, used by the flat columns and the templates.
    @property
    def command_words(self) -> list[str]:
        seen: list[str] = []
        for p in self.parts:
            if p.command_word.value not in seen:
                seen.append(p.command_word.value)
        return seen

    @property
    def topics(self) -> list[str]:
        seen: list[str] = []
        for code in self.syllabus_codes:
            topic = syllabus.get(code).topic
            if topic not in seen:
                seen.append(topic)
        return seen

    def part(self, label: str) -> QuestionPart:
        for p in self.parts:
            if p.label == label:
                return p
        raise KeyError(label)

    def lines_for(self, label: str) -> list[MarkLine]:
        return [m for m in self.mark_scheme if m.part == label]

    def plain_text(self) -> str:
        """All question wording in one string (for full-text search and duplicate checks)."""
        return "\n".join([self.title, self.stem, *(p.text for p in self.parts)])


class Check(_Model):
    """One verifier check: what was checked, where, whether it passed and why."""

    name: str
    part: str | None = None
    passed: bool
    detail: str = ""


class VerificationReport(_Model):
    """The verifier's structured report: every check it ran, passed or failed."""

    passed: bool
    checks: list[Check] = Field(default_factory=list)

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.passed]

    def summary(self) -> str:
        failed = self.failures
        if not failed:
            return f"all {len(self.checks)} checks passed"
        return "; ".join(
            f"{c.name}{f' ({c.part})' if c.part else ''}: {c.detail}" for c in failed[:5]
        )
