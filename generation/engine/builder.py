"""A small builder that templates use to assemble a :class:`~questions.schemas.Question`.

It keeps the bookkeeping in one place: givens become named values, numeric answers get their
``plain``/``latex`` from the accuracy rule, mark lines remember their index so A marks can point
at their M mark, and ``build()`` validates the whole question through the schema.
"""

from __future__ import annotations

import contextlib
from typing import Any

import sympy

from generation.engine import formatting
from generation.engine.expressions import (
    ExpressionError,
    equivalent,
    evaluate,
    machine,
    parse_plain,
)
from generation.engine.marking import (
    Values,
    as_data,
    is_correct,
    items,
    mark,
    split_final_answers,
)
from generation.engine.qualifiers import judge_cao
from questions.schemas import (
    Accuracy,
    Answer,
    AnswerKind,
    CalculatorPolicy,
    CommandWord,
    Given,
    MarkLine,
    MarkType,
    Qualifier,
    Question,
    QuestionPart,
    SolutionStep,
    Tier,
    VariantKey,
    WrongAnswer,
    cambridge_labels,
)


def _labelled_as_cambridge(question: Question) -> Question:
    """``question`` with its parts labelled as Cambridge labels them (``cambridge_labels``: a
    template whose easiest variant asks fewer parts still writes them as its harder variants
    do). Its mark lines and wrong answers follow."""
    renamed = cambridge_labels([p.label for p in question.parts])
    if not renamed:
        return question
    return question.model_copy(
        update={
            "parts": [
                p.model_copy(update={"label": renamed.get(p.label, p.label)})
                for p in question.parts
            ],
            "mark_scheme": [
                line.model_copy(update={"part": renamed.get(line.part, line.part)})
                for line in question.mark_scheme
            ],
            "wrong_answers": [
                w.model_copy(update={"part": renamed.get(w.part, w.part)})
                for w in question.wrong_answers
            ],
        }
    )


class PartBuilder:
    def __init__(
        self,
        question: QuestionBuilder,
        label: str,
        text: str,
        marks: int,
        command: CommandWord | str,
        calculator: CalculatorPolicy,
    ) -> None:
        self.q = question
        self.label = label
        self.text = text
        self.marks = marks
        self.command = CommandWord(command)
        self.calculator = calculator
        self.answers: list[Answer] = []
        self.steps: list[SolutionStep] = []
        self.show_that: str | None = None

    def step(self, text: str, value: Any = None) -> PartBuilder:
        """Add a line of worked solution, optionally with the (machine-form) value it reaches."""
        self.steps.append(SolutionStep(text=text, value=None if value is None else machine(value)))
        return self

    def answer(
        self,
        value: Any = None,
        *,
        kind: AnswerKind | str = AnswerKind.NUMBER,
        accuracy: Accuracy | str = Accuracy.EXACT,
        unit: str = "",
        label: str = "",
        plain: str | None = None,
        latex: str | None = None,
        variable: str = "",
        satisfies: str | None = None,
    ) -> Answer:
        """Add an answer. For numbers, ``plain``/``latex`` default to the accuracy rule's display."""
        kind = AnswerKind(kind)
        accuracy = Accuracy(accuracy)
        if kind == AnswerKind.NUMBER and value is not None and (plain is None or latex is None):
            shown = formatting.display(self.q.value_of(value), accuracy)
            plain = plain if plain is not None else shown[0]
            latex = latex if latex is not None else shown[1]
        if plain is None or latex is None:
            if value is None:
                raise ValueError("a text answer needs plain and latex")
            resolved = self.q.value_of(value)
            plain = plain if plain is not None else formatting.plain(resolved)
            latex = latex if latex is not None else formatting.latex(resolved)
        answer = Answer(
            kind=kind,
            label=label,
            value=None if value is None else machine(value),
            plain=plain,
            latex=latex,
            unit=unit,
            accuracy=accuracy,
            variable=variable,
            satisfies=satisfies,
        )
        self.answers.append(answer)
        return answer

    def mark(
        self,
        mark_type: MarkType | str,
        awarded_for: str,
        count: int = 1,
        *,
        value: Any = None,
        qualifiers: tuple[Qualifier | str, ...] | list[Qualifier | str] = (),
        partial: tuple[str, ...] | list[str] = (),
        depends_on: int | None = None,
        alternative: int = 0,
    ) -> int:
        """Add a mark line; returns its index. An A line with no ``depends_on`` depends on the
        part's latest M line. ``alternative`` n > 0 puts the line in the part's n-th
        "Alternative method" (its lines stand instead of the main method's)."""
        mark_type = MarkType(mark_type)
        if mark_type == MarkType.A and depends_on is None:
            depends_on = self.q.last_method_line(self.label)
        line = MarkLine(
            part=self.label,
            awarded_for=awarded_for,
            mark_type=mark_type,
            count=count,
            qualifiers=[Qualifier(q) for q in qualifiers],
            partial_credit=list(partial),
            value=None if value is None else machine(value),
            depends_on=depends_on,
            alternative=alternative,
        )
        self.q.lines.append(line)
        return len(self.q.lines) - 1

    def wrong(
        self,
        plain: str,
        error: str,
        marks: int | None,
        *,
        latex: str | None = None,
        working: tuple[Any, ...] | list[Any] = (),
    ) -> None:
        """Record a common wrong answer, the error behind it and the marks it earns.

        ``marks=None`` leaves the marks to the engine: when the question is built, the wrong
        answer and its working are marked against the part's own scheme (and dropped if the
        scheme would mark it right); see :mod:`generation.engine.authoring.parts`."""
        for existing in self.q.wrongs:
            if existing.part == self.label and existing.plain == plain:
                return  # two errors can land on the same wrong answer; keep the first
        if any(a.plain == plain for a in self.answers):
            return  # a "wrong" method that happens to give the right answer is not wrong
        if marks is None:
            self.q.engine_marked.add(len(self.q.wrongs))
        self.q.wrongs.append(
            WrongAnswer(
                part=self.label,
                plain=plain,
                latex=latex if latex is not None else plain,
                error=error,
                working=[machine(w) for w in working],
                marks_awarded=0 if marks is None else marks,
            )
        )

    def build(self) -> QuestionPart:
        return QuestionPart(
            label=self.label,
            text=self.text,
            marks=self.marks,
            command_word=self.command,
            calculator=self.calculator,  # type: ignore[arg-type]
            answers=self.answers,
            show_that=self.show_that,
            solution=self.steps,
        )


class QuestionBuilder:
    def __init__(
        self,
        *,
        source: str,
        seed: int | None,
        tier: Tier,
        difficulty: int,
        codes: list[str],
        calculator: CalculatorPolicy,
    ) -> None:
        self.source = source
        self.seed = seed
        self.tier = Tier(tier)
        self.difficulty = difficulty
        self.codes = list(codes)
        self.calculator = calculator
        self.title = ""
        self.stem = ""
        self.diagram_svg = ""
        self.givens: list[Given] = []
        self._given_values: dict[str, Any] = {}
        self.params: dict[str, str | int | float | bool] = {}
        self.parts: list[PartBuilder] = []
        self.lines: list[MarkLine] = []
        self.wrongs: list[WrongAnswer] = []
        self.engine_marked: set[int] = set()

    def given(self, name: str, value: Any, display: str | None = None, unit: str = "") -> Any:
        """Declare a number stated in the question; returns it as an exact SymPy value."""
        exact = sympy.nsimplify(value) if isinstance(value, float) else sympy.sympify(value)
        self.givens.append(
            Given(
                name=name,
                value=machine(exact),
                display=display if display is not None else formatting.number(exact),
                unit=unit,
            )
        )
        self._given_values[name] = exact
        self.param(name, machine(exact))
        return exact

    def param(self, name: str, value: str | int | float | bool) -> None:
        """Record a drawn parameter in the variant key."""
        self.params[name] = value

    def value_of(self, value: Any) -> Any:
        """A machine-form string over the givens, or a SymPy value, as an exact SymPy value."""
        if isinstance(value, str):
            return evaluate(value, self._given_values)
        if isinstance(value, tuple | list):
            return tuple(self.value_of(v) for v in value)
        return sympy.sympify(value)

    def part(
        self,
        label: str,
        text: str,
        *,
        marks: int,
        command: CommandWord | str,
        calculator: CalculatorPolicy | str | None = None,
    ) -> PartBuilder:
        policy = CalculatorPolicy(calculator) if calculator else self.calculator
        if policy == CalculatorPolicy.VARIES:
            raise ValueError("a part is either calculator or non-calculator")
        part = PartBuilder(self, label, text, marks, command, policy)
        self.parts.append(part)
        return part

    def last_method_line(self, label: str) -> int | None:
        for i in range(len(self.lines) - 1, -1, -1):
            line = self.lines[i]
            if line.part == label and line.mark_type == MarkType.M:
                return i
        return None

    def build(self) -> Question:
        question = self._build()
        if self.engine_marked:
            self._mark_wrong_answers(question)
            question = self._build()
        return _labelled_as_cambridge(question)

    def _mark_wrong_answers(self, question: Question) -> None:
        """Give each engine-marked wrong answer the marks the part's scheme gives it, and drop
        one the scheme would mark right."""
        data = as_data(question)
        values = Values(data)
        kept: list[WrongAnswer] = []
        for i, wrong in enumerate(self.wrongs):
            if i not in self.engine_marked:
                kept.append(wrong)
                continue
            part = next(p for p in items(data, "parts") if p.get("label", "") == wrong.part)
            answers = items(part, "answers")
            finals = split_final_answers(wrong.plain, len(answers))
            if is_correct(values, answers, finals) or self._coincides(wrong, finals):
                continue
            marks = mark(data, values, wrong.part, finals, list(wrong.working))
            if marks >= part.get("marks", 0):
                continue  # full marks: the marker cannot tell this answer from a right one
            kept.append(wrong.model_copy(update={"marks_awarded": marks}))
        self.wrongs = kept
        self.engine_marked = set()

    def _coincides(self, wrong: WrongAnswer, finals: list[str]) -> bool:
        """Whether a one-value wrong answer lands by chance on a value a mark line of its part
        credits (exactly, or rounded as the part's answers are) without its working showing
        that value: the marks it would earn would then credit working it does not have, so it
        is not listed. A candidate who stops at a credited value (the working shows it) is."""
        if len(finals) != 1:
            return False
        try:
            candidate = parse_plain(finals[0])
        except ExpressionError:
            return False
        shown = [self._number(w) for w in wrong.working]
        part = next(p for p in self.parts if p.label == wrong.part)
        accuracies = {a.accuracy for a in part.answers if a.accuracy != Accuracy.EXACT}
        for line in self.lines:
            value = self._number(line.value) if line.part == wrong.part else None
            if value is None or any(w is not None and equivalent(w, value) for w in shown):
                continue
            if equivalent(candidate, value):
                return True
            for accuracy in accuracies:
                with contextlib.suppress(formatting.FormattingError):
                    rounded = sympy.Rational(str(formatting.rounded(value, accuracy)))
                    if equivalent(candidate, rounded):
                        return True
        return False

    def _number(self, source: Any) -> Any:
        """A machine form's value when it is a number, else ``None``."""
        if source is None:
            return None
        try:
            value = self.value_of(source)
        except (ExpressionError, TypeError, ValueError):
            return None
        return value if getattr(value, "is_number", False) else None

    def _qualified(self, parts: list[QuestionPart]) -> list[MarkLine]:
        """The mark lines, with ``oe`` for a ``cao`` on an exact value whose form the part does
        not ask for (``qualifiers.judge_cao``: 0.32 is also 8/25). A template writes ``cao``
        where it means the exact answer; the form is the point only when the question says."""
        by_label = {p.label: p for p in parts}
        lines = []
        for line in self.lines:
            part = by_label.get(line.part)
            if part is not None and Qualifier.CAO in line.qualifiers:
                rounded = any(a.accuracy != Accuracy.EXACT for a in part.answers)
                judged = judge_cao(part.text, self._number(line.value), rounded=rounded)
                if judged is not None and judged.exact_unasked:
                    qualifiers = [q for q in line.qualifiers if q != Qualifier.CAO]
                    if Qualifier.OE not in qualifiers:
                        qualifiers.append(Qualifier.OE)
                    line = line.model_copy(update={"qualifiers": qualifiers})
            lines.append(line)
        return lines

    def _build(self) -> Question:
        parts = [p.build() for p in self.parts]
        policies = {p.calculator for p in parts}
        policy = policies.pop() if len(policies) == 1 else CalculatorPolicy.VARIES
        return Question(
            title=self.title,
            stem=self.stem,
            diagram_svg=self.diagram_svg,
            givens=self.givens,
            parts=parts,
            total_marks=sum(p.marks for p in parts),
            mark_scheme=self._qualified(parts),
            wrong_answers=self.wrongs,
            syllabus_codes=self.codes,
            tier=self.tier,
            calculator_policy=policy,
            difficulty=self.difficulty,
            variant=VariantKey(
                source=self.source, seed=self.seed, difficulty=self.difficulty, params=self.params
            ),
        )
