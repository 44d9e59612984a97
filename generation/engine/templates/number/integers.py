"""Types of number, prime factors, HCF and LCM (syllabus 1.1)."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import sympy
from sympy import Rational, factorint, isprime

from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.text import frac, frac_plain
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

NON_CALC = CalculatorPolicy.NOT_ALLOWED


def _is_square(n: int) -> bool:
    return n >= 1 and math.isqrt(n) ** 2 == n


def _is_cube(n: int) -> bool:
    root = round(n ** (1 / 3))
    return n >= 1 and any((root + d) ** 3 == n for d in (-1, 0, 1))


def _is_triangle(n: int) -> bool:
    return n >= 1 and _is_square(8 * n + 1)


def prime_product(n: int) -> tuple[str, str, str]:
    """``(machine, plain, latex)`` of n as a product of primes in index form: 2**3*3**2*5."""
    factors = sorted(factorint(n).items())
    machine = "*".join(f"{p}**{e}" if e > 1 else str(p) for p, e in factors)
    plain = " × ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in factors)
    latex = " \\times ".join(f"{p}^{{{e}}}" if e > 1 else str(p) for p, e in factors)
    return machine, plain, latex


# ---------------------------------------------------------------------------------------------
# 1.1 Types of number: pick the prime, square, cube, triangle number, factor, multiple,
# irrational number out of a list; reciprocal.


@register
class TypesOfNumber(Template):
    key = "number.types_of_number"
    title = "Types of number from a list"
    codes = {Tier.CORE: ("C1.1", "C1.3"), Tier.EXTENDED: ("E1.1", "E1.3")}
    calculator = NON_CALC

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        top = {1: 30, 2: 50, 3: 80, 4: 100, 5: 150}[difficulty]
        factor_of = rng.choice([24, 30, 36, 40, 42, 48, 60, 72, 84, 90])
        multiple_of = rng.choice([6, 7, 8, 9, 11, 12, 13])
        tests: dict[str, tuple[str, Callable[[int], bool]]] = {
            "prime": ("a prime number", isprime),
            "square": ("a square number", _is_square),
            "cube": ("a cube number", _is_cube),
            "triangle": ("a triangle number", _is_triangle),
            "factor": (f"a factor of ${factor_of}$", lambda n: factor_of % n == 0),
            "multiple": (f"a multiple of ${multiple_of}$", lambda n: n % multiple_of == 0),
        }
        pools = {
            1: ["prime", "square", "factor", "multiple"],
            2: ["prime", "square", "cube", "factor", "multiple"],
            3: ["prime", "square", "cube", "triangle", "factor", "multiple"],
            4: ["prime", "cube", "triangle", "factor", "multiple"],
            5: ["prime", "square", "cube", "factor", "multiple"],
        }[difficulty]
        count = {1: 3, 2: 4, 3: 4, 4: 4, 5: 4}[difficulty]
        asked = rng.sample(pools, count)
        if difficulty <= 2 and "prime" not in asked:
            asked[0] = "prime"
        asked.sort(key=pools.index)

        def kinds(n: int) -> set[str]:
            return {k for k in asked if tests[k][1](n)}

        chosen: dict[str, int] = {}
        for kind in asked:
            options = [
                n
                for n in range(2, top + 1)
                if kinds(n) == {kind} and n not in chosen.values() and n != factor_of
            ]
            if kind == "multiple":
                options = [n for n in options if n > multiple_of]
            if not options:
                raise Reject(f"no number that is only {kind}")
            chosen[kind] = rng.choice(options)
        distractors = [n for n in range(4, top + 1) if not kinds(n) and n not in chosen.values()]
        extra = rng.sample(distractors, min(len(distractors), 6 - len(asked)))
        if "prime" in asked and not kinds(1) and rng.random() < 0.5:
            extra[0] = 1  # 1 is the classic "is it prime?" distractor
        listed: list[sympy.Expr] = [sympy.Integer(n) for n in [*chosen.values(), *extra]]
        irrational_root = None
        if difficulty >= 4:
            irrational_root = rng.choice([n for n in range(2, 60) if not _is_square(n)])
            fraction = rng.choice([Rational(1, 2), Rational(3, 4), Rational(2, 5), Rational(5, 8)])
            listed += [sympy.sqrt(irrational_root), fraction]
        listed.sort(key=lambda v: float(v))
        shows: list[str] = []
        for i, value in enumerate(listed, start=1):
            if value.is_Integer:
                q.given(f"n{i}", value)
            elif value.is_Rational:
                q.given(f"n{i}", value, display=frac(value))
            else:
                q.given(f"n{i}", value, display=f"\\sqrt{{{irrational_root}}}")
            shows.append(q.givens[-1].display)
        name_of = {q.value_of(g.name): g.name for g in q.givens}

        q.title = "Types of number"
        q.stem = (
            "Here is a list of numbers.\n\n$"
            + " \\qquad ".join(shows)
            + "$\n\nFrom the list, write down"
        )
        labels = iter("abcdefgh")
        for kind in asked:
            n = chosen[kind]
            words = tests[kind][0]
            given_name = name_of[sympy.Integer(n)]
            part = q.part(next(labels), f"{words}.", marks=1, command="Write down")
            part.step(f"${n}$ is {words} (it is the only one in the list).", given_name)
            part.answer(given_name)
            part.mark("B", f"${n}$", value=given_name, qualifiers=["cao"])
            if kind == "prime":
                trap = 1 if 1 in extra else next((m for m in extra if m % 2 == 1), None)
                if trap is not None:
                    reason = (
                        "thought 1 is a prime number"
                        if trap == 1
                        else f"chose an odd number that is not prime ({trap} has other factors)"
                    )
                    misconception(
                        part, Misconception(reason, trap, accuracy=Accuracy.EXACT, fractions=False)
                    )
            elif kind == "factor" and "multiple" in chosen:
                misconception(
                    part,
                    Misconception(
                        "confused factors with multiples",
                        chosen["multiple"],
                        accuracy=Accuracy.EXACT,
                        fractions=False,
                    ),
                )
            elif kind == "multiple" and "factor" in chosen:
                misconception(
                    part,
                    Misconception(
                        "confused multiples with factors",
                        chosen["factor"],
                        accuracy=Accuracy.EXACT,
                        fractions=False,
                    ),
                )
            elif kind == "cube":
                mult3 = next((m for m in listed if m.is_Integer and m % 3 == 0 and m != n), None)
                if mult3 is not None:
                    misconception(
                        part,
                        Misconception(
                            "confused cube numbers with multiples of 3",
                            mult3,
                            accuracy=Accuracy.EXACT,
                            fractions=False,
                        ),
                    )
        if irrational_root is not None:
            name = name_of[sympy.sqrt(irrational_root)]
            part = q.part(next(labels), "an irrational number.", marks=1, command="Write down")
            part.step(
                f"${irrational_root}$ is not a square number, so $\\sqrt{{{irrational_root}}}$ "
                "cannot be written as a fraction.",
                name,
            )
            part.answer(
                name, plain=f"sqrt({irrational_root})", latex=f"\\sqrt{{{irrational_root}}}"
            )
            part.mark("B", f"$\\sqrt{{{irrational_root}}}$", value=name, qualifiers=["cao"])
            misconception(part, Misconception("thought a fraction is irrational", fraction))
        if difficulty == 5:
            base = rng.choice([Rational(1, 4), Rational(2, 5), Rational(3, 4), Rational(5, 8)])
            b = q.given("r", base, display=frac(base))
            part = q.part(
                next(labels),
                f"Write down the reciprocal of ${frac(b)}$.",
                marks=1,
                command="Write down",
            )
            part.step(
                f"The reciprocal of ${frac(b)}$ is $1 \\div {frac(b)} = {frac(1 / b)}$", "1/r"
            )
            part.answer("1/r", plain=frac_plain(1 / b), latex=frac(1 / b))
            part.mark("B", f"${frac(1 / b)}$", value="1/r", qualifiers=["oe"])
            misconception(part, Misconception("gave the negative instead of the reciprocal", -b))
        q.param("asked", ",".join(asked))


# ---------------------------------------------------------------------------------------------
# 1.1 Prime factors, HCF and LCM (with a real-life LCM or HCF problem at higher difficulty).


_LCM_CONTEXTS = [
    (
        "A bus to the airport leaves the bus station every ${a}$ minutes. A bus to the harbour "
        "leaves every ${b}$ minutes. Both buses leave together at 08 00.",
        "Work out how many minutes after 08 00 the two buses next leave together.",
        "minutes",
    ),
    (
        "Two lighthouses flash their lights. One flashes every ${a}$ seconds and the other "
        "flashes every ${b}$ seconds. They flash together at midnight.",
        "Work out how many seconds after midnight they next flash together.",
        "seconds",
    ),
    (
        "Two runners start together on a circular track. One completes a lap every ${a}$ "
        "seconds and the other every ${b}$ seconds.",
        "Work out how many seconds after the start they are next level at the starting line.",
        "seconds",
    ),
]

_HCF_CONTEXTS = [
    (
        "A florist has ${a}$ roses and ${b}$ tulips. She makes identical bunches using all the "
        "flowers, with each bunch containing the same number of roses and the same number of "
        "tulips.",
        "Work out the largest number of bunches she can make.",
        "bunches",
    ),
    (
        "A rectangular floor measures ${a}$ cm by ${b}$ cm. It is covered exactly with square "
        "tiles, all the same size, and no tiles are cut.",
        "Work out the side length of the largest square tile that can be used.",
        "cm",
    ),
]


def _good_to_factorise(n: int) -> bool:
    factors = factorint(n)
    return sum(factors.values()) >= 4 and len(factors) >= 2 and max(factors) <= 13


def _completing_factor(n: int, power: int) -> int:
    """The smallest k with n * k a perfect ``power``."""
    return math.prod(p ** ((-e) % power) for p, e in factorint(n).items())


def _hcf_lcm_pair(rng: random.Random, difficulty: int) -> tuple[int, int]:
    """Two numbers ``h*a`` and ``h*b`` with HCF ``h`` (``a``, ``b`` coprime)."""
    h_top, m_top = {1: (6, 5), 2: (8, 7), 3: (12, 7), 4: (15, 9), 5: (20, 11)}[difficulty]
    h = rng.randint(2, h_top)
    pairs = [
        (a, b) for a in range(2, m_top + 1) for b in range(2, m_top + 1) if math.gcd(a, b) == 1
    ]
    a, b = rng.choice(pairs)
    return h * a, h * b


@register
class PrimeFactorsHcfLcm(Template):
    key = "number.prime_factors_hcf_lcm"
    title = "Prime factors, HCF and LCM"
    codes = {Tier.CORE: ("C1.1",), Tier.EXTENDED: ("E1.1",)}
    calculator = NON_CALC

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        low, high = {1: (24, 100), 2: (100, 250), 3: (200, 600), 4: (400, 1000), 5: (1000, 3000)}[
            difficulty
        ]
        power = {4: 2, 5: 3}.get(difficulty)
        n_value = rng.choice(
            [
                m
                for m in range(low, high + 1)
                if _good_to_factorise(m) and (power is None or _completing_factor(m, power) > 1)
            ]
        )
        factors = factorint(n_value)
        n = q.given("N", n_value)
        machine, plain, latex = prime_product(n_value)
        q.title = "Prime factors, HCF and LCM"

        a = q.part("a", f"Write ${n}$ as a product of its prime factors.", marks=2, command="Write")
        listed = " \\times ".join(str(p) for p, e in sorted(factors.items()) for _ in range(e))
        a.step(f"Divide repeatedly by primes: ${n} = {listed}$", machine)
        a.step(f"${n} = {latex}$", machine)
        a.answer(machine, kind=AnswerKind.EXPRESSION, plain=plain, latex=latex)
        a.mark(
            "B",
            f"${latex}$ or ${listed}$",
            2,
            value=machine,
            partial=["B1 for a correct factor tree or division ladder with at most one error"],
        )
        _, missing_plain, missing_latex = prime_product(n_value // min(factors))
        wrong(
            a,
            missing_plain,
            f"left out one factor of {min(factors)} from the factor tree",
            latex=missing_latex,
        )

        if difficulty == 5:
            self._index_form(q, rng)
            self._make_power(q, "d", n_value, 3)
            return
        x_value, y_value = _hcf_lcm_pair(rng, difficulty)
        hcf, lcm = math.gcd(x_value, y_value), math.lcm(x_value, y_value)
        x = q.given("x", x_value)
        y = q.given("y", y_value)
        _, _, xl = prime_product(x_value)
        _, _, yl = prime_product(y_value)

        if difficulty == 4:
            context, ask, unit = rng.choice(_HCF_CONTEXTS)
            b_text = context.format(a=x, b=y) + "\n\n" + ask
        else:
            b_text, unit = f"Work out the highest common factor (HCF) of ${x}$ and ${y}$.", ""
        b = q.part("b", b_text, marks=2, command="Work out")
        b.step(f"${x} = {xl}$ and ${y} = {yl}$", "x")
        b.step(f"HCF = product of the common prime factors = ${hcf}$", "gcd(x, y)")
        b.answer("gcd(x, y)", unit=unit)
        b.mark(
            "M",
            f"${x} = {xl}$ and ${y} = {yl}$, or lists of factors of both",
            value="x",
            partial=["or B1 for a common factor greater than 1"],
        )
        b.mark("A", f"${hcf}$", value="gcd(x, y)", qualifiers=["cao"])
        misconception(
            b,
            Misconception(
                "found the LCM instead of the HCF",
                lcm,
                ("x",),
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        )
        smaller = [f for f in sympy.divisors(hcf) if 1 < f < hcf]
        if smaller:
            misconception(
                b,
                Misconception(
                    "found a common factor but not the highest one",
                    smaller[-1],
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )

        if difficulty == 3:
            context, ask, unit = rng.choice(_LCM_CONTEXTS)
            c_text = context.format(a=x, b=y) + "\n\n" + ask
        else:
            c_text, unit = f"Work out the lowest common multiple (LCM) of ${x}$ and ${y}$.", ""
        c = q.part("c", c_text, marks=2, command="Work out")
        c.step(f"${x} = {xl}$ and ${y} = {yl}$", "y")
        c.step(f"LCM = each prime factor to its highest power $= {lcm}$", "lcm(x, y)")
        c.answer("lcm(x, y)", unit=unit)
        c.mark(
            "M",
            f"${x} = {xl}$ and ${y} = {yl}$, or lists of multiples of both",
            value="y",
            partial=["or B1 for a common multiple that is not the lowest"],
        )
        c.mark("A", f"${lcm}$", value="lcm(x, y)", qualifiers=["cao"])
        misconception(
            c,
            Misconception(
                "multiplied the two numbers together",
                x_value * y_value,
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        )
        misconception(
            c,
            Misconception(
                "found the HCF instead of the LCM",
                hcf,
                ("y",),
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        )
        if difficulty == 4:
            self._make_power(q, "d", n_value, 2)

    def _make_power(self, q: QuestionBuilder, label: str, n_value: int, power: int) -> None:
        """The smallest k for which N * k is a square (power 2) or a cube (power 3)."""
        k = _completing_factor(n_value, power)
        word = {2: "square", 3: "cube"}[power]
        _, _, latex = prime_product(n_value)
        _, _, target = prime_product(n_value * k)
        part = q.part(
            label,
            f"Find the smallest positive whole number $k$ such that ${n_value}k$ is a {word} number.",
            marks=2,
            command="Work out",
        )
        part.step(f"${n_value} = {latex}$; every power must be a multiple of ${power}$")
        part.step(f"${n_value} \\times {k} = {target}$", f"N*{k}")
        part.step(f"$k = {k}$", k)
        part.answer(k)
        part.mark(
            "M",
            f"${n_value} \\times {k} = {target}$, or powers made multiples of ${power}$",
            value=f"N*{k}",
        )
        part.mark("A", f"${k}$", value=k, qualifiers=["cao"])
        single = math.prod(p for p, e in factorint(n_value).items() if e == 1)
        misconception(
            part,
            Misconception(
                "multiplied only by the primes that appear once",
                single,
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        )

    def _index_form(self, q: QuestionBuilder, rng: random.Random) -> None:
        """Extended style: the two numbers are given as products of primes."""
        common = rng.sample([2, 3, 5, 7], 2)
        own_x, own_y = rng.sample([p for p in (2, 3, 5, 7, 11) if p not in common], 2)
        ex = {p: rng.randint(1, 3) for p in [*common, own_x]}
        ey = {p: rng.randint(1, 3) for p in [*common, own_y]}
        x_value = math.prod(p**e for p, e in ex.items())
        y_value = math.prod(p**e for p, e in ey.items())
        hcf, lcm = math.gcd(x_value, y_value), math.lcm(x_value, y_value)
        _, _, xl = prime_product(x_value)
        _, _, yl = prime_product(y_value)
        q.given("x", x_value, display=xl)
        q.given("y", y_value, display=yl)
        q.stem = ""
        setup = f"$A = {xl}$ and $B = {yl}$.\n\n"
        for label, name, value, rule, word in (
            ("b", "highest common factor (HCF)", hcf, "gcd(x, y)", "common prime to its lowest"),
            ("c", "lowest common multiple (LCM)", lcm, "lcm(x, y)", "prime to its highest"),
        ):
            text = (
                f"{setup if label == 'b' else ''}Work out the {name} of $A$ and $B$. "
                "Give your answer as a product of prime factors."
            )
            part = q.part(label, text, marks=2, command="Work out")
            _, vp, vl = prime_product(value)
            part.step(f"Take each {word} power: ${vl}$", rule)
            part.answer(rule, kind=AnswerKind.EXPRESSION, plain=vp, latex=vl)
            part.mark(
                "B",
                f"${vl}$",
                2,
                value=rule,
                partial=["B1 for a product of primes with one power wrong"],
            )
            other = lcm if label == "b" else hcf
            _, op, ol = prime_product(other)
            wrong(part, op, f"used the {'highest' if label == 'b' else 'lowest'} powers", latex=ol)
