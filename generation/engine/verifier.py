"""The verifier: recompute every answer of a question and check it holds together as 0580.

:func:`verify` takes any question in the schema — from a template, an LLM or a teacher, as a
model or as a dict — and never raises: schema errors become failed checks, and the structure is
re-checked here too, so a ``model_construct``-ed question with planted mistakes is caught.
Every answer is recomputed from its machine form with the givens substituted (parsed with the
whitelist in :mod:`generation.engine.expressions`, never ``eval``-ed) and compared with what
the question displays. The report lists every check that ran, passed or failed, each with a
reason a teacher can read.

Check names (one check per item per part):

- ``schema``, ``structure``, ``text.maths`` — the question fits the schema, its parts, lines and
  wrong answers refer to each other correctly, and every maths span renders.
- ``given.value``, ``given.display``, ``given.stated`` — each given is a number, its display is
  that number, and the display appears in the question text.
- ``answer.value``, ``answer.display``, ``answer.satisfies``, ``answer.by_hand``, ``answer.form``
  — answers recompute, are shown by the accuracy rule, satisfy their equation, can be reached
  without a calculator on a non-calculator part, and non-numeric answers read as their value.
- ``solution.values``, ``solution.final_step``, ``solution.step_text`` — the worked solution.
- ``marks.total``, ``marks.line_total``, ``marks.depends_on``, ``marks.dep``, ``marks.value``,
  ``marks.answer_line`` — the mark scheme.
- ``command_word``, ``calculator_policy``, ``syllabus_codes``.
- ``marking.full_marks``, ``marking.wrong_answer_is_wrong``, ``marking.wrong_answer_marks`` —
  self-tests with :mod:`generation.engine.marking`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from functools import lru_cache, partial
from typing import Any

import sympy
from pydantic import BaseModel, ValidationError

from generation.engine import formatting
from generation.engine.expressions import ExpressionError, parse_latex
from generation.engine.marking import (
    Values,
    as_data,
    is_correct,
    items,
    mark,
    split_final_answers,
)
from questions import syllabus
from questions.schemas import (
    Accuracy,
    AnswerKind,
    CalculatorPolicy,
    Check,
    CommandWord,
    MarkType,
    Qualifier,
    Question,
    VerificationReport,
)

__all__ = ["verify"]

_SPAN = re.compile(r"(?<!\\)\$(.+?)(?<!\\)\$", re.DOTALL)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_TRUNCATED = re.compile(r"(\d+(?:\.\d+)?)\s*(?:\\ldots|\\dots|\.\.\.)")
_TEXT_ALLOWED = {
    CommandWord.EXPLAIN,
    CommandWord.DESCRIBE,
    CommandWord.STATE,
    CommandWord.GIVE,
    CommandWord.WRITE,
    CommandWord.WRITE_DOWN,
    CommandWord.SKETCH,
    CommandWord.CONSTRUCT,
    CommandWord.PLOT,
    CommandWord.DETERMINE,
}


def verify(question: Question | BaseModel | Mapping[str, Any]) -> VerificationReport:
    """Check a question; ``report.passed`` only if every check passed."""
    return _Verifier(question).run()


# --- text helpers -------------------------------------------------------------------------


def _flat(text: Any) -> str:
    """Text with maths delimiters, thin spaces, thousands separators and spaces removed, for
    finding a number or a short expression in it."""
    s = str(text or "")
    for old in ("\\$", "$", "{,}", "\\,", "\\;", "\\!", "\\ ", "\\left", "\\right"):
        s = s.replace(old, "")
    s = s.replace("\\%", "%").replace("−", "-")
    s = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", s)
    return re.sub(r"\s+", "", s)


def _appears(needle: Any, flat_haystack: str) -> bool:
    target = _flat(needle)
    if not target:
        return False
    pattern = r"(?<!\d)(?<!\d\.)" + re.escape(target) + r"(?!\.?\d)"
    return re.search(pattern, flat_haystack) is not None


@lru_cache(maxsize=4096)
def _latex_value(piece: str) -> Any:
    try:
        return parse_latex(piece)
    except (ExpressionError, IndexError, ValueError, TypeError):
        return None


# Maths with no commands, braces, scripts or special characters cannot fail to render.
_PLAIN_MATHS = re.compile(r"[\w\s.,+\-=()<>:;'|/!?*]*")


def _render_error(text: str) -> str:
    """Why a text field's maths does not render (empty if it does). Each ``$…$`` span is
    rendered as :func:`questions.rendering.render_maths_strict` does, and cached."""
    for span in _SPAN.findall(text):
        if not _PLAIN_MATHS.fullmatch(span):
            error = _span_error(span)
            if error:
                return error
    return ""


@lru_cache(maxsize=16384)
def _span_error(span: str) -> str:
    from questions.rendering import MathsError, latex_to_mathml

    try:
        latex_to_mathml(span)
    except MathsError as exc:
        return str(exc)
    return ""


def _maths_pieces(text: str) -> list[str]:
    """Each maths span, and the pieces between its ``=``/``\\approx`` signs."""
    pieces: list[str] = []
    for span in _SPAN.findall(text):
        pieces.append(span)
        parts = re.split(r"(?<![<>!\\])=|\\approx", span)
        if len(parts) > 1:
            pieces.extend(p for p in parts if p.strip())
    return pieces


def _rounds_to(shown: str, value: Decimal) -> bool:
    """Whether the decimal ``shown`` is ``value`` correctly rounded (to at least 2 s.f.)."""
    digits = shown.lstrip("-")
    if "." in digits:
        places = len(digits.split(".")[1])
        tolerance = Decimal(1).scaleb(-places) / 2
        significant = len(digits.replace(".", "").lstrip("0"))
    else:
        zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
        tolerance = Decimal(1).scaleb(zeros) / 2
        significant = len(digits.strip("0"))
    return significant >= 2 and abs(Decimal(shown) - value) <= tolerance * Decimal("1.000000001")


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(sympy.N(value, 30)))
    except (InvalidOperation, TypeError, ValueError):
        return None


def _describe(value: Any) -> str:
    """A value for a teacher: exact form, with a decimal when it is not a plain number."""
    try:
        return _describe_cached(value)
    except TypeError:  # unhashable
        return str(value)


@lru_cache(maxsize=4096)
def _describe_cached(value: Any) -> str:
    try:
        if isinstance(value, sympy.Rational):
            return formatting.plain(value)
        if isinstance(value, sympy.Expr) and value.is_number:
            return f"{sympy.sstr(value)} ≈ {sympy.N(value, 8)}"
    except (TypeError, ValueError):
        pass
    return sympy.sstr(value) if isinstance(value, sympy.Basic) else str(value)


def _label(label: Any) -> str:
    return f"part ({label})" if label else "the question"


def _shown_number(text: str) -> str | None:
    """The one decimal number in an answer as displayed (a unit such as cm^2, and currency,
    ignored); None if the display is not a single number."""
    flat = _flat(text)
    match = _NUMBER.search(flat)
    if match is None:
        return None
    rest = re.sub(r"\^\{?[23]\}?|[²³]", "", flat[match.end() :])
    if re.search(r"\d", flat[: match.start()] + rest):
        return None
    return match.group(0)


def _decimal_places(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def _holds(relation: Any, symbol: Any, value: Any) -> bool | None:
    """Whether ``relation`` (Eq, <, And, Or, …) holds with ``symbol`` = ``value``."""
    if isinstance(relation, sympy.And | sympy.Or):
        results = [_holds(r, symbol, value) for r in relation.args]
        if None in results:
            return None
        return all(results) if isinstance(relation, sympy.And) else any(results)
    if isinstance(relation, sympy.logic.boolalg.BooleanAtom):
        return bool(relation)
    if not isinstance(relation, sympy.Rel):
        return None
    difference = sympy.N((relation.lhs - relation.rhs).subs(symbol, value), 30)
    if not difference.is_number or not difference.is_real:
        return None
    zero = abs(difference) <= sympy.Float("1e-20") * max(1, abs(sympy.N(value, 30)))
    if isinstance(relation, sympy.Equality):
        return bool(zero)
    if isinstance(relation, sympy.Unequality):
        return not zero
    if isinstance(relation, sympy.StrictGreaterThan):
        return bool(difference > 0) and not zero
    if isinstance(relation, sympy.StrictLessThan):
        return bool(difference < 0) and not zero
    if isinstance(relation, sympy.GreaterThan):
        return bool(difference > 0) or bool(zero)
    if isinstance(relation, sympy.LessThan):
        return bool(difference < 0) or bool(zero)
    return None


def _by_hand(value: Any) -> bool:
    """Rationals, surds and multiples of pi: what a candidate can write without a calculator."""
    for node in sympy.preorder_traversal(value):
        if isinstance(node, sympy.Pow):
            if not isinstance(node.exp, sympy.Rational):
                return False
        elif not isinstance(node, sympy.Rational | sympy.Add | sympy.Mul) and node != sympy.pi:
            return False
    return True


# --- the verifier -------------------------------------------------------------------------


class _Verifier:
    def __init__(self, question: Question | BaseModel | Mapping[str, Any]) -> None:
        self.original = question
        self.data = as_data(question)
        self.values = Values(self.data)
        self.checks: list[Check] = []
        self.parts = items(self.data, "parts")
        self.lines = items(self.data, "mark_scheme")
        self.text = "\n".join(
            [str(self.data.get("stem") or "")] + [str(p.get("text") or "") for p in self.parts]
        )
        self.flat_text = _flat(self.text)

    def check(self, name: str, passed: bool, detail: str = "", part: Any = None) -> None:
        self.checks.append(
            Check(name=name, part=None if part is None else str(part), passed=passed, detail=detail)
        )

    def run(self) -> VerificationReport:
        steps: list[tuple[str, Callable[[], None], Any]] = [
            ("schema", self.schema, None),
            ("structure", self.structure, None),
            ("text.maths", self.maths_renders, None),
            ("given", self.givens, None),
            ("marks.total", self.total, None),
            ("calculator_policy", self.calculator_policy, None),
            ("syllabus_codes", self.syllabus_codes, None),
        ]
        for part in self.parts:
            label = part.get("label", "")
            for name, method in (
                ("answer", self.answers),
                ("solution", self.solution),
                ("marks", self.mark_lines),
                ("command_word", self.command_word),
                ("marking", self.self_test),
            ):
                steps.append((name, partial(method, part), label))
        for name, step, label in steps:
            try:
                step()
            except Exception as exc:  # a malformed question must give a report, not a crash
                self.check(name, False, f"the verifier could not run this check: {exc}", label)
        return VerificationReport(passed=all(c.passed for c in self.checks), checks=self.checks)

    # --- question-level checks ----------------------------------------------------------

    def schema(self) -> None:
        try:
            Question.model_validate(self.data)
        except ValidationError as exc:
            for error in exc.errors():
                where = ".".join(str(x) for x in error["loc"]) or "question"
                self.check("schema", False, f"{where}: {error['msg']}")
            return
        self.check("schema", True, "the question fits the schema")

    def structure(self) -> None:
        problems: list[str] = []
        labels = [p.get("label", "") for p in self.parts]
        if not self.parts:
            problems.append("the question has no parts")
        if len(set(labels)) != len(labels):
            problems.append(f"part labels repeat: {labels}")
        if len(labels) > 1 and "" in labels:
            problems.append("a multi-part question needs a label on every part")
        names = [g.get("name") for g in items(self.data, "givens")]
        if len(set(names)) != len(names):
            problems.append("two givens have the same name")
        for i, line in enumerate(self.lines):
            if line.get("part", "") not in labels:
                problems.append(
                    f"mark line {i} names part {line.get('part')!r}, which does not exist"
                )
            dep = line.get("depends_on")
            if dep is not None and not (isinstance(dep, int) and 0 <= dep < len(self.lines)):
                problems.append(f"mark line {i} depends on line {dep}, which does not exist")
        for wrong in items(self.data, "wrong_answers"):
            if wrong.get("part", "") not in labels:
                problems.append(
                    f"wrong answer {wrong.get('plain')!r} names part {wrong.get('part')!r}, "
                    "which does not exist"
                )
        for part in self.parts:
            if not items(part, "answers"):
                problems.append(f"{_label(part.get('label'))} has no answer")
            if not items(part, "solution"):
                problems.append(f"{_label(part.get('label'))} has no worked solution")
        self.check(
            "structure",
            not problems,
            "; ".join(problems) or "parts, mark lines and wrong answers refer to each other",
        )

    def maths_renders(self) -> None:
        fields: list[tuple[str, str]] = [("title", str(self.data.get("title") or ""))]
        fields.append(("stem", str(self.data.get("stem") or "")))
        for part in self.parts:
            where = _label(part.get("label"))
            fields.append((f"{where} text", str(part.get("text") or "")))
            fields += [
                (f"{where} solution", str(s.get("text") or "")) for s in items(part, "solution")
            ]
            fields += [(f"{where} answer", f"${a.get('latex')}$") for a in items(part, "answers")]
        for line in self.lines:
            where = f"mark line for {_label(line.get('part'))}"
            fields.append((where, str(line.get("awarded_for") or "")))
            fields += [(where, str(note)) for note in line.get("partial_credit") or []]
        fields += [
            (f"wrong answer for {_label(w.get('part'))}", f"${w.get('latex')}$")
            for w in items(self.data, "wrong_answers")
        ]
        failures = []
        for where, text in fields:
            error = _render_error(text)
            if error:
                failures.append(f"{where}: {error}")
        self.check("text.maths", not failures, "; ".join(failures) or "every maths span renders")

    def givens(self) -> None:
        for given in items(self.data, "givens"):
            name = given.get("name")
            display = str(given.get("display") or "")
            if name in self.values.given_errors:
                self.check("given.value", False, f"{name}: {self.values.given_errors[name]}")
                continue
            if name not in self.values.names:
                self.check("given.value", False, f"given {name!r} has no usable name")
                continue
            value = self.values.names[name]
            self.check("given.value", True, f"{name} = {_describe(value)}")
            shown = _latex_value(display)
            if isinstance(shown, sympy.Expr) and shown.is_number:
                matches = self.values.same(shown, value) or (
                    "%" in display and self.values.same(shown / 100, value)
                )
                self.check(
                    "given.display",
                    matches,
                    f"{name} is printed as {display!r}"
                    + ("" if matches else f" but its value is {_describe(value)}"),
                )
            stated = _appears(display, self.flat_text)
            self.check(
                "given.stated",
                stated,
                f"{name} = {display!r} appears in the question"
                if stated
                else f"{name} = {display!r} is used by the answers but is not stated in the question "
                "text (was the number reworded or dropped?)",
            )

    def total(self) -> None:
        marks = [p.get("marks") for p in self.parts]
        total = self.data.get("total_marks")
        if not all(isinstance(m, int) for m in marks):
            self.check("marks.total", False, "a part has no whole number of marks")
            return
        ok = sum(marks) == total
        self.check(
            "marks.total",
            ok,
            f"the parts add up to {sum(marks)} marks"
            + ("" if ok else f" but the question says {total}"),
        )

    def calculator_policy(self) -> None:
        policies = {p.get("calculator") for p in self.parts}
        expected = policies.pop() if len(policies) == 1 else CalculatorPolicy.VARIES
        declared = self.data.get("calculator_policy")
        self.check(
            "calculator_policy",
            declared == expected,
            f"the question says {declared} and its parts say {expected}",
        )

    def syllabus_codes(self) -> None:
        codes = self.data.get("syllabus_codes") or []
        tier = self.data.get("tier")
        problems = [f"{c} is not a syllabus code" for c in codes if not syllabus.is_known(c)]
        problems += [
            f"{c} is not a {tier} code"
            for c in codes
            if syllabus.is_known(c) and syllabus.tier_of(c) != tier
        ]
        if not codes:
            problems.append("the question has no syllabus code")
        self.check(
            "syllabus_codes", not problems, "; ".join(problems) or f"{', '.join(codes)} ({tier})"
        )

    # --- per-part checks ----------------------------------------------------------------

    def _answer_values(self, part: Mapping[str, Any]) -> list[Any]:
        found = []
        for answer in items(part, "answers"):
            if answer.get("kind") == AnswerKind.TEXT:
                continue
            try:
                found.append(self.values.machine(answer.get("value")))
            except ExpressionError:
                continue
            if answer.get("kind", AnswerKind.NUMBER) == AnswerKind.NUMBER:
                shown = self._shown(answer)
                if shown is not None:
                    found.append(shown)
        return found

    def _shown(self, answer: Mapping[str, Any]) -> Any:
        """The value an answer displays (its ``plain``), or None if it cannot be read."""
        try:
            return self.values.plain(answer.get("plain"))
        except ExpressionError:
            return None

    def _step_values(self, part: Mapping[str, Any]) -> list[Any]:
        found = []
        for step in items(part, "solution"):
            if step.get("value") is None:
                continue
            try:
                found.append(self.values.machine(step.get("value")))
            except ExpressionError:
                continue
        return found

    def _accuracies(self, part: Mapping[str, Any]) -> list[Accuracy]:
        return [
            Accuracy(a["accuracy"])
            for a in items(part, "answers")
            if a.get("accuracy") in Accuracy._value2member_map_ and a["accuracy"] != Accuracy.EXACT
        ]

    def answers(self, part: Mapping[str, Any]) -> None:
        label = part.get("label", "")
        answers = items(part, "answers")
        for k, answer in enumerate(answers):
            which = f"answer {k + 1}" if len(answers) > 1 else "the answer"
            kind = answer.get("kind", AnswerKind.NUMBER)
            if kind == AnswerKind.TEXT:
                ok = bool(str(answer.get("plain") or "").strip())
                self.check("answer.form", ok, f"{which} is a written answer", label)
                continue
            try:
                value = self.values.machine(answer.get("value"))
            except ExpressionError as exc:
                self.check("answer.value", False, f"{which} cannot be read: {exc}", label)
                continue
            if kind == AnswerKind.NUMBER:
                self._number_answer(part, answer, value, which)
            else:
                self._other_answer(part, answer, value, which)
            if answer.get("satisfies"):
                self._satisfies(label, answer, value, which)

    def _number_answer(
        self, part: Mapping[str, Any], answer: Mapping[str, Any], value: Any, which: str
    ) -> None:
        label = part.get("label", "")
        if isinstance(value, sympy.Expr) and value.free_symbols:
            unknown = ", ".join(sorted(str(s) for s in value.free_symbols))
            self.check(
                "answer.value",
                False,
                f"{which} ({_describe(value)}) uses {unknown}, which is not a given",
                label,
            )
            return
        if not isinstance(value, sympy.Expr) or not value.is_number:
            self.check(
                "answer.value", False, f"{which} ({_describe(value)}) is not a number", label
            )
            return
        if self.values.numeric(value) is None:
            self.check("answer.value", False, f"{which} ({_describe(value)}) is not real", label)
            return
        self.check("answer.value", True, f"{which} recomputes to {_describe(value)}", label)
        accuracy = Accuracy(answer.get("accuracy", Accuracy.EXACT))
        problems = []
        if accuracy == Accuracy.EXACT:
            for field, reader in (("plain", self.values.plain), ("latex", parse_latex)):
                shown = str(answer.get(field) or "")
                try:
                    ok = self.values.same(reader(shown), value)
                except ExpressionError:
                    ok = False
                if not ok:
                    problems.append(f"{field} shows {shown!r}")
            expected = formatting.plain(value)
        else:
            expected = formatting.display(value, accuracy)[0]
            for field in ("plain", "latex"):
                shown = str(answer.get(field) or "")
                number = _shown_number(shown)
                if (
                    number is None
                    or Decimal(number) != Decimal(expected)
                    or (_decimal_places(number) != _decimal_places(expected))
                ):
                    problems.append(f"{field} shows {shown!r}")
        rule = formatting.ACCURACY_WORDS[accuracy]
        self.check(
            "answer.display",
            not problems,
            f"{which} is {_describe(value)}, {rule}: {expected}"
            + (f"; but {' and '.join(problems)}" if problems else ""),
            label,
        )
        if part.get("calculator") == CalculatorPolicy.NOT_ALLOWED:
            self._by_hand_check(label, value, accuracy, which)

    def _by_hand_check(self, label: str, value: Any, accuracy: Accuracy, which: str) -> None:
        if isinstance(value, sympy.Rational):
            ok, why = True, "a rational number"
        elif accuracy != Accuracy.EXACT:
            ok, why = False, "a rounded decimal of an irrational value"
        else:
            ok = _by_hand(value)
            why = "an exact surd or multiple of pi" if ok else "not an exact form"
        self.check(
            "answer.by_hand",
            ok,
            f"{which} ({_describe(value)}) is {why}"
            + ("" if ok else ", which a candidate cannot reach without a calculator"),
            label,
        )

    def _other_answer(
        self, part: Mapping[str, Any], answer: Mapping[str, Any], value: Any, which: str
    ) -> None:
        label = part.get("label", "")
        kind = answer.get("kind")
        shapes: dict[str, Any] = {
            AnswerKind.EXPRESSION: sympy.Expr,
            AnswerKind.EQUATION: sympy.Equality,
            AnswerKind.INEQUALITY: sympy.Rel | sympy.And | sympy.Or,
            AnswerKind.COORDINATES: sympy.Tuple,
            AnswerKind.VECTOR: sympy.Tuple,
            AnswerKind.RATIO: sympy.Tuple,
            AnswerKind.SET: sympy.FiniteSet | sympy.Tuple,
        }
        problems = []
        shape = shapes.get(str(kind))
        if shape is not None and not isinstance(value, shape):
            problems.append(f"its value {_describe(value)} is not a {kind}")
        if (
            kind == AnswerKind.RATIO
            and isinstance(value, sympy.Tuple)
            and all(isinstance(v, sympy.Integer) for v in value)
            and sympy.gcd(list(value)) != 1
        ):
            problems.append("the ratio is not in its simplest form")
        plain = str(answer.get("plain") or "")
        try:
            if not self.values.same(self.values.plain(plain), value):
                problems.append(f"plain {plain!r} is not equivalent to {_describe(value)}")
        except ExpressionError as exc:
            problems.append(f"plain {plain!r} cannot be read: {exc}")
        latex_value = _latex_value(str(answer.get("latex") or ""))
        if latex_value is not None and not self.values.same(latex_value, value):
            problems.append(f"latex {answer.get('latex')!r} is not equivalent to the value")
        self.check(
            "answer.form",
            not problems,
            f"{which} ({kind}) is {plain}" + (f"; but {'; '.join(problems)}" if problems else ""),
            label,
        )
        if part.get("calculator") == CalculatorPolicy.NOT_ALLOWED and isinstance(
            value, sympy.Tuple
        ):
            for element in value:
                if isinstance(element, sympy.Expr) and element.is_number:
                    self._by_hand_check(label, element, Accuracy.EXACT, which)

    def _satisfies(self, label: str, answer: Mapping[str, Any], value: Any, which: str) -> None:
        variable = str(answer.get("variable") or "")
        relation_text = answer.get("satisfies")
        if not variable:
            self.check("answer.satisfies", False, f"{which} names no variable to substitute", label)
            return
        try:
            relation = self.values.machine(relation_text)
        except ExpressionError as exc:
            self.check("answer.satisfies", False, f"{relation_text!r} cannot be read: {exc}", label)
            return
        holds = _holds(relation, sympy.Symbol(variable, real=True), value)
        self.check(
            "answer.satisfies",
            bool(holds),
            f"{variable} = {_describe(value)} "
            + ("satisfies " if holds else "does not satisfy ")
            + str(relation_text),
            label,
        )

    def solution(self, part: Mapping[str, Any]) -> None:
        label = part.get("label", "")
        steps = items(part, "solution")
        unreadable = []
        for n, step in enumerate(steps, 1):
            if step.get("value") is None:
                continue
            try:
                self.values.machine(step.get("value"))
            except ExpressionError as exc:
                unreadable.append(f"step {n}: {exc}")
        self.check(
            "solution.values",
            not unreadable,
            "; ".join(unreadable) or "every step value can be read",
            label,
        )
        answers = items(part, "answers")
        if len(answers) == 1 and answers[0].get("kind", AnswerKind.NUMBER) == AnswerKind.NUMBER:
            self._final_step(part, answers[0], steps)
        self._step_text(part, steps)

    def _final_step(
        self, part: Mapping[str, Any], answer: Mapping[str, Any], steps: list[dict[str, Any]]
    ) -> None:
        label = part.get("label", "")
        valued = [s for s in steps if s.get("value") is not None]
        if not valued:
            self.check("solution.final_step", False, "no step of the solution has a value", label)
            return
        try:
            last = self.values.machine(valued[-1].get("value"))
            targets = [self.values.machine(answer.get("value"))]
        except ExpressionError as exc:
            self.check("solution.final_step", False, f"cannot be read: {exc}", label)
            return
        shown = self._shown(answer)
        if shown is not None:
            targets.append(shown)
        ok = any(self.values.same(last, t) for t in targets)
        self.check(
            "solution.final_step",
            ok,
            f"the solution ends at {_describe(last)}"
            + ("" if ok else f" but the answer is {_describe(targets[0])}"),
            label,
        )

    def shows_value(self, text: str, value: Any, accuracies: list[Accuracy]) -> bool:
        """Whether ``text`` states ``value``: as an expression between ``=`` signs, written
        exactly, or correctly rounded."""
        for piece in _maths_pieces(text):
            found = _latex_value(piece)
            if found is not None and self.values.same(found, value):
                return True
            if _TRUNCATED.search(piece) and self._truncation_of(piece, value):
                return True
        flat = _flat(text)
        candidates = [formatting.plain(value), formatting.latex(value)]
        for accuracy in accuracies:
            candidates.append(formatting.display(value, accuracy)[0])
        if any(_appears(c, flat) for c in candidates):
            return True
        exact = _decimal(value)
        if exact is None:
            return False
        return any(_rounds_to(n, exact) for n in _NUMBER.findall(flat))

    def _truncation_of(self, piece: str, value: Any) -> bool:
        """Whether a piece with truncated decimals (``2 \\times \\pi \\times 25.61\\ldots``)
        is ``value`` to the precision those decimals carry."""
        digits = [len(m.group(1).replace(".", "").lstrip("0")) for m in _TRUNCATED.finditer(piece)]
        found = _latex_value(_TRUNCATED.sub(lambda m: m.group(1), piece))
        target = self.values.numeric(value)
        approximate = self.values.numeric(found) if found is not None else None
        if approximate is None or target is None or not digits or min(digits) < 2:
            return False
        tolerance = sympy.Float(10) ** (1 - min(digits))
        return bool(abs(approximate - target) <= tolerance * max(abs(target), 1e-30))

    def _step_text(self, part: Mapping[str, Any], steps: list[dict[str, Any]]) -> None:
        label = part.get("label", "")
        accuracies = self._accuracies(part)
        missing = []
        for n, step in enumerate(steps, 1):
            text = str(step.get("text") or "")
            if step.get("value") is None or "=" not in text:
                continue
            try:
                value = self.values.machine(step.get("value"))
            except ExpressionError:
                continue
            if not isinstance(value, sympy.Expr) or self.values.numeric(value) is None:
                continue
            if not self.shows_value(text, value, accuracies):
                missing.append(
                    f"step {n} ({text!r}) reaches {_describe(value)} but does not show it"
                )
        self.check(
            "solution.step_text",
            not missing,
            "; ".join(missing) or "each step shows the value it reaches",
            label,
        )

    def mark_lines(self, part: Mapping[str, Any]) -> None:
        label = part.get("label", "")
        lines = [(i, line) for i, line in enumerate(self.lines) if line.get("part", "") == label]
        counted = sum(
            line.get("count", 1) for _, line in lines if line.get("mark_type") != MarkType.SC
        )
        ok = counted == part.get("marks")
        self.check(
            "marks.line_total",
            ok,
            f"the mark lines give {counted} marks"
            + ("" if ok else f" but {_label(label)} is worth {part.get('marks')}"),
            label,
        )
        known = self._step_values(part) + self._answer_values(part)
        for i, line in lines:
            code = f"{line.get('mark_type')}{line.get('count', 1)}"
            what = f"{code} (line {i}: {line.get('awarded_for')!r})"
            kind = line.get("mark_type")
            if kind == MarkType.A:
                self._a_depends(label, i, line, what)
            if Qualifier.DEP in (line.get("qualifiers") or []):
                earlier = [
                    j for j, other in lines if j < i and other.get("mark_type") == MarkType.M
                ]
                self.check(
                    "marks.dep",
                    bool(earlier),
                    f"{what} is dep"
                    + (" and follows an M mark" if earlier else " but no M mark comes before it"),
                    label,
                )
            if kind != MarkType.SC and line.get("value") is not None:
                self._line_value(label, line, what, known)
        for answer in items(part, "answers"):
            if answer.get("kind") != AnswerKind.TEXT:
                self._answer_line(part, answer, lines)

    def _a_depends(self, label: str, i: int, line: Mapping[str, Any], what: str) -> None:
        dep = line.get("depends_on")
        target = self.lines[dep] if isinstance(dep, int) and 0 <= dep < len(self.lines) else None
        if target is None:
            ok, why = False, "depends on no M mark"
        elif target.get("mark_type") != MarkType.M:
            ok, why = False, f"depends on line {dep}, which is {target.get('mark_type')} not M"
        elif target.get("part", "") != label:
            ok, why = False, f"depends on an M mark of {_label(target.get('part'))}"
        elif dep >= i:  # type: ignore[operator]
            ok, why = False, f"comes before the M mark it depends on (line {dep})"
        else:
            ok, why = True, f"depends on the M mark in line {dep}"
        self.check("marks.depends_on", ok, f"{what} {why}", label)

    def _line_value(self, label: str, line: Mapping[str, Any], what: str, known: list[Any]) -> None:
        try:
            value = self.values.machine(line.get("value"))
        except ExpressionError as exc:
            self.check("marks.value", False, f"{what}: its value cannot be read: {exc}", label)
            return
        ok = any(self.values.same(value, k) for k in known)
        self.check(
            "marks.value",
            ok,
            f"{what} credits {_describe(value)}"
            + (
                ""
                if ok
                else f", which is not a value in {_label(label)}'s worked solution or answers"
            ),
            label,
        )

    def _answer_line(
        self,
        part: Mapping[str, Any],
        answer: Mapping[str, Any],
        lines: list[tuple[int, dict[str, Any]]],
    ) -> None:
        label = part.get("label", "")
        try:
            value = self.values.machine(answer.get("value"))
        except ExpressionError:
            return
        scored = [line for _, line in lines if line.get("mark_type") != MarkType.SC]
        pool = []
        for line in scored:
            try:
                if line.get("value") is not None and self.values.same(
                    self.values.machine(line["value"]), value
                ):
                    pool.append(line)
            except ExpressionError:
                continue
        if not pool:
            pool = [line for line in scored if line.get("mark_type") in (MarkType.A, MarkType.B)]
            pool = pool or scored
        shown = [str(answer.get("latex") or ""), str(answer.get("plain") or "")]
        targets = [value]
        if answer.get("kind", AnswerKind.NUMBER) == AnswerKind.NUMBER:
            shown_value = self._shown(answer)
            targets = [] if shown_value is None else [shown_value]
            if answer.get("accuracy", Accuracy.EXACT) == Accuracy.EXACT:
                targets.append(value)
        ok = any(
            _appears(s, _flat(line.get("awarded_for"))) for line in pool for s in shown
        ) or any(
            (found := _latex_value(piece)) is not None and self.values.same(found, target)
            for line in pool
            for piece in _maths_pieces(str(line.get("awarded_for") or ""))
            for target in targets
        )
        self.check(
            "marks.answer_line",
            ok,
            f"the mark scheme shows the answer {answer.get('plain')!r}"
            if ok
            else f"no mark line for the answer shows {answer.get('plain')!r}",
            label,
        )

    def command_word(self, part: Mapping[str, Any]) -> None:
        label = part.get("label", "")
        word = part.get("command_word")
        answers = items(part, "answers")
        text_only = bool(answers) and all(a.get("kind") == AnswerKind.TEXT for a in answers)
        if word == CommandWord.WRITE_DOWN:
            ok = part.get("marks") == 1
            detail = f"'Write down' carries 1 mark; this part carries {part.get('marks')}"
        elif word == CommandWord.SHOW_THAT:
            ok, detail = self._show_that(part, answers)
        elif word in (CommandWord.CALCULATE, CommandWord.WORK_OUT):
            ok = bool(answers) and not any(a.get("kind") == AnswerKind.TEXT for a in answers)
            detail = f"'{word}' asks for a computed result" + (
                "" if ok else ", but the answer is words"
            )
        else:
            ok = not text_only or word in _TEXT_ALLOWED
            detail = f"'{word}' fits the answer" + ("" if ok else " (a written answer)")
        self.check("command_word", ok, detail, label)

    def _show_that(
        self, part: Mapping[str, Any], answers: list[dict[str, Any]]
    ) -> tuple[bool, str]:
        stated = part.get("show_that")
        if not stated:
            return False, "'Show that' needs the stated result (show_that is empty)"
        try:
            result = self.values.machine(stated)
        except ExpressionError as exc:
            return False, f"the stated result {stated!r} cannot be read: {exc}"
        values = []
        for answer in answers:
            try:
                values.append(self.values.machine(answer.get("value")))
            except ExpressionError:
                continue
        if not any(self.values.same(result, v) for v in values):
            return False, f"the stated result {_describe(result)} is not the part's answer"
        text = f"{part.get('text') or ''}\n{self.data.get('stem') or ''}"
        if isinstance(result, sympy.Expr) and result.is_number:
            found = self.shows_value(text, result, self._accuracies(part))
        else:
            found = any(
                (v := _latex_value(piece)) is not None and self.values.same(v, result)
                for piece in _maths_pieces(text)
            )
        if not found:
            return False, f"the stated result {_describe(result)} does not appear in the text"
        return True, f"'Show that' states {_describe(result)} and the answer reaches it"

    def self_test(self, part: Mapping[str, Any]) -> None:
        label = part.get("label", "")
        answers = items(part, "answers")
        finals = [str(a.get("plain") or "") for a in answers]
        got = mark(self.data, self.values, label, finals, [])
        self.check(
            "marking.full_marks",
            got == part.get("marks"),
            f"the correct answer {' and '.join(finals)!r} earns {got} of {part.get('marks')} marks",
            label,
        )
        for wrong in items(self.data, "wrong_answers"):
            if wrong.get("part", "") != label:
                continue
            plain = str(wrong.get("plain") or "")
            finals = split_final_answers(plain, len(answers))
            working = [str(w) for w in wrong.get("working") or []]
            really_wrong = not is_correct(self.values, answers, finals)
            self.check(
                "marking.wrong_answer_is_wrong",
                really_wrong,
                f"{plain!r} ({wrong.get('error')}) "
                + ("is marked wrong" if really_wrong else "is actually a correct answer"),
                label,
            )
            unreadable = []
            for w in working:
                try:
                    self.values.machine(w)
                except ExpressionError:
                    unreadable.append(w)
            got = mark(self.data, self.values, label, finals, working)
            declared = wrong.get("marks_awarded")
            ok = got == declared and not unreadable
            detail = f"{plain!r} with working {working} earns {got} marks; {declared} declared"
            if unreadable:
                detail += f"; working {unreadable} cannot be read"
            self.check("marking.wrong_answer_marks", ok, detail, label)
