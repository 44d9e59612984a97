"""Answer checks: ``answer.value``, ``answer.display``, ``answer.by_hand``, ``answer.form`` and
``answer.satisfies``."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import sympy

from generation.engine import formatting
from generation.engine.expressions import ExpressionError, parse_latex
from generation.engine.marking import (
    items,
)
from generation.engine.verifier.base import Checks
from generation.engine.verifier.text import (
    _by_hand,
    _decimal_places,
    _describe,
    _holds,
    _latex_value,
    _shown_number,
)
from questions.schemas import (
    Accuracy,
    AnswerKind,
    CalculatorPolicy,
)


class AnswerChecks(Checks):
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
