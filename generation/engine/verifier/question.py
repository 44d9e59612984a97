"""Question-level checks: schema, structure, maths rendering, givens, total, calculator policy
and syllabus codes."""

from __future__ import annotations

import re

import sympy
from pydantic import ValidationError

from generation.engine.marking import (
    items,
)
from generation.engine.verifier.base import Checks
from generation.engine.verifier.text import (
    _appears,
    _describe,
    _label,
    _latex_value,
    _render_error,
)
from questions import syllabus
from questions.schemas import (
    CalculatorPolicy,
    Question,
    cambridge_labels,
)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # any but a newline


class QuestionChecks(Checks):
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
        relabelled = cambridge_labels(labels)
        if relabelled and len(labels) == 1:
            problems.append(
                f"its only part is labelled ({labels[0]}): parts are labelled only when there are"
                " two or more"
            )
        elif relabelled:
            problems.append(f"every part is in ({labels[0][0]}): they are (a), (b), … then")
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
            if control := _CONTROL.search(text):
                # "\approx" in a plain f-string is a bell and "pprox", "\times" a tab and "imes"
                failures.append(
                    f"{where}: a control character {control.group()!r} in {text!r}: a LaTeX"
                    " command read as a string escape (write it as a raw string)"
                )
            elif error := _render_error(text):
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
