"""Substitution into expressions and formulas (2.1)."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import Misconception, misconception
from generation.engine.authoring.algebraic import eq, nonzero
from generation.engine.authoring.text import bracket, frac
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier

# Formulas a candidate meets in 0580 papers: (formula LaTeX, subject, [(letter, role)], machine).
_FORMULAS = (
    ("v = u + at", "v", ("u", "a", "t"), "u + a*t"),
    ("F = \\frac{9C}{5} + 32", "F", ("C",), "9*C/5 + 32"),
    ("s = ut + \\frac{1}{2}at^2", "s", ("u", "t", "a"), "u*t + a*t**2/2"),
    ("A = \\frac{1}{2}(a + b)h", "A", ("a", "b", "h"), "(a + b)*h/2"),
)


@register
class Substitution(Template):
    key = "algebra.substitution"
    title = "Substitution into expressions and formulas"
    codes = {Tier.CORE: ("C2.1",), Tier.EXTENDED: ("E2.1",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        # The letters p, q (and r) for parts (a) and (b); a formula in other letters for (c).
        pv = rng.randint(2, 6) if difficulty <= 2 else -rng.randint(2, 6)
        qv = rng.randint(2, 9) if difficulty == 1 else -rng.randint(2, 9)
        if difficulty <= 3 and difficulty != 2:
            qv = abs(qv) if difficulty == 1 else qv
        if pv == qv:
            qv += 1
        p = q.given("p", pv)
        qq = q.given("q", qv)
        letters = f"$p = {p}$ and $q = {qq}$"
        r = None
        if difficulty >= 4:
            r_value = Rational(1, rng.choice([2, 3, 4]))
            r = q.given("r", r_value, display=frac(r_value))
            letters = f"$p = {p}$, $q = {qq}$ and $r = {frac(r)}$"
        q.title = "Substitution"
        q.stem = f"{letters}."

        # (a) a linear expression, one mark.
        c1, c2 = rng.randint(2, 5), rng.randint(2, 5)
        a = q.part("a", f"Work out the value of ${c1}p + {c2}q$.", marks=1, command="Work out")
        a_value = f"{c1}*p + {c2}*q"
        a.step(f"${c1} \\times {bracket(p)} + {c2} \\times {bracket(qq)}$", a_value)
        a.answer(a_value)
        a.mark("B", f"${c1 * p + c2 * qq}$", value=a_value, qualifiers=["cao"])

        # (b) a power: the classic error squares a negative number to a negative result.
        k = rng.randint(2, 4)
        m = rng.randint(2, 5)
        if r is None:
            b_text, b_value = f"{k}p^2 - {m}q", f"{k}*p**2 - {m}*q"
            sub = f"{k} \\times {bracket(p)}^2 - {m} \\times {bracket(qq)}"
            neg_square = f"-{k}*p**2 - {m}*q"
            bracket_square = f"({k}*p)**2 - {m}*q"
        else:
            b_text, b_value = f"{k}p^2 + \\frac{{q}}{{r}}", f"{k}*p**2 + q/r"
            sub = f"{k} \\times {bracket(p)}^2 + \\frac{{{qq}}}{{{frac(r)}}}"
            neg_square = f"-{k}*p**2 + q/r"
            bracket_square = f"{k}*p**2 + q*r"
        b = q.part("b", f"Work out the value of ${b_text}$.", marks=2, command="Work out")
        b.step(f"${sub}$", b_value)
        b.step(f"$= {q.value_of(b_value)}$", b_value)
        b.answer(b_value)
        b.mark("M", f"${sub}$ or better", value=b_value, qualifiers=["soi"])
        b.mark("A", f"${q.value_of(b_value)}$", value=b_value, qualifiers=["cao"])
        if p < 0:
            misconception(b, Misconception(f"worked out ${bracket(p)}^2$ as $-{p * p}$ instead of ${p * p}$", q.value_of(neg_square), (neg_square,), accuracy=Accuracy.EXACT, fractions=False))  # fmt: skip
        if r is None:
            error = f"squared ${k}p$ instead of only $p$: $({k} \\times {bracket(p)})^2$"
        else:
            error = f"multiplied by ${frac(r)}$ instead of dividing by it"
        misconception(
            b,
            Misconception(
                error,
                q.value_of(bracket_square),
                (bracket_square,),
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        )

        if difficulty >= 3:
            self._formula(q, rng, difficulty)

    def _formula(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        """Part (c): substitute into a formula (difficulty 5: find a letter other than the
        subject, which needs a rearrangement after substituting)."""
        if difficulty == 3:
            formula, subject, letters, machine_form = rng.choice(_FORMULAS[:2])
        else:
            formula, subject, letters, machine_form = rng.choice(
                _FORMULAS[2:] if difficulty == 4 else _FORMULAS[:1] + _FORMULAS[2:3]
            )
        values: dict[str, int] = {}
        if subject == "v":
            values = {"u": rng.randint(5, 30), "a": -rng.randint(2, 6), "t": rng.randint(2, 9)}
        elif subject == "F":
            values = {"C": -5 * rng.randint(1, 8)}
        elif subject == "s":
            values = {"u": rng.randint(2, 12), "t": 2 * rng.randint(1, 4), "a": nonzero(rng, -5, 5)}
        else:
            values = {"a": rng.randint(3, 12), "b": rng.randint(3, 15), "h": 2 * rng.randint(2, 7)}

        if difficulty <= 4:
            names = {letter: q.given(letter, values[letter]) for letter in letters}
            listing = _listing([(k, names[k]) for k in letters])
            c = q.part(
                "c",
                f"${formula}$\n\nWork out the value of ${subject}$ when {listing}.",
                marks=2,
                command="Work out",
            )
            substituted = self._substituted(subject, {k: bracket(v) for k, v in names.items()})
            c.step(f"${subject} = {substituted}$", machine_form)
            c.answer(machine_form)
            c.step(f"${subject} = {q.value_of(machine_form)}$", machine_form)
            c.mark("M", f"${substituted}$ or better", value=machine_form, qualifiers=["soi"])
            c.mark("A", f"${q.value_of(machine_form)}$", value=machine_form, qualifiers=["cao"])
            return

        # Difficulty 5: the unknown is a (the acceleration), so substitute then rearrange.
        known = [letter for letter in letters if letter != "a"]
        u_, t_ = values["u"], values["t"]
        coefficient = t_ if subject == "v" else Rational(t_**2, 2)
        constant = u_ if subject == "v" else u_ * t_
        total = constant + coefficient * values["a"]
        names = {letter: q.given(letter, values[letter]) for letter in known}
        q.given(subject, total)
        listing = _listing([(subject, total)] + [(k, names[k]) for k in known])
        c = q.part(
            "c",
            f"${formula}$\n\nWork out the value of $a$ when {listing}.",
            marks=3,
            command="Work out",
        )
        if subject == "v":
            sub_tex = f"{total} = {u_} + {t_}a"
            answer = "(v - u)/t"
        else:
            sub_tex = f"{total} = {u_} \\times {t_} + \\frac{{1}}{{2}} \\times {t_}^2 a"
            answer = "(s - u*t)/(t**2/2)"
        relation = eq(f"{constant} + {coefficient}*a", total)
        isolated = eq(f"{coefficient}*a", total - constant)
        result = q.value_of(answer)
        c.step(f"${sub_tex}$", relation)
        c.step(f"${frac(coefficient)}a = {total} - {bracket(constant)}$", isolated)
        c.step(f"${frac(coefficient)}a = {total - constant}$", total - constant)
        c.answer(answer, variable="a", satisfies=relation)
        c.step(f"$a = {frac(result)}$", answer)
        c.mark("M", f"${sub_tex}$", value=relation, qualifiers=["oe"])
        # Valued at the number, not the equation: every correct equation in a is equivalent.
        c.mark(
            "M",
            f"${frac(coefficient)}a = {total - constant}$ or better",
            value=total - constant,
            qualifiers=["dep"],
        )
        c.mark("A", f"${frac(result)}$", value=answer, qualifiers=["cao"])
        if Rational(total + constant, coefficient) != total - constant:
            misconception(c, Misconception(f"added ${constant}$ to both sides instead of subtracting it", Rational(total + constant, coefficient), (relation, total + constant), accuracy=Accuracy.EXACT, fractions=False))  # fmt: skip

    @staticmethod
    def _substituted(subject: str, v: dict[str, str]) -> str:
        if subject == "v":
            return f"{v['u']} + {v['a']} \\times {v['t']}"
        if subject == "F":
            return f"\\frac{{9 \\times {v['C']}}}{{5}} + 32"
        if subject == "s":
            return (
                f"{v['u']} \\times {v['t']} + \\frac{{1}}{{2}} \\times {v['a']} \\times {v['t']}^2"
            )
        return f"\\frac{{1}}{{2}}({v['a']} + {v['b']}) \\times {v['h']}"


def _listing(pairs: list[tuple[str, object]]) -> str:
    """``$u = 3$, $t = 2$ and $a = -4$``."""
    items = [f"${k} = {v}$" for k, v in pairs]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
