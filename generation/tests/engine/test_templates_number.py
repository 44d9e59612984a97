"""Number templates (topic 1), checked the way a teacher would.

Each check reads the numbers back from the question text (or from the stated givens) and
recomputes the answer independently of the template, with Fractions and SymPy: a reverse
percentage times its multiplier gives the stated price, an upper bound really is the largest
value the measurements allow, shares add up to the total, HCF/LCM match the numbers stated,
recurring decimals expand to their fractions, the estimate uses the 1 s.f. roundings, and
non-calculator answers are exact. Every template also passes the verifier at every difficulty.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction
from functools import cache

import pytest
import sympy

from generation.engine.base import generate, get_template, templates
from generation.engine.expressions import parse, parse_latex, parse_plain
from generation.engine.verifier import verify
from generation.tests.engine.parts import part_labelled
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Question, Tier

KEYS = [t.key for t in templates() if t.key.startswith("number.")]
SEEDS = range(3)
ALL_CODES = [f"C1.{i}" for i in range(1, 17)] + [f"E1.{i}" for i in range(1, 19)]


@cache
def _question(key: str, tier: Tier, difficulty: int, seed: int) -> Question:
    return generate(key, seed=seed, difficulty=difficulty, tier=tier).question


def _variants(key: str, difficulties=range(1, 6), seeds=SEEDS) -> list[tuple[str, Question]]:
    template = get_template(key)
    found = []
    for tier in template.tiers:
        for difficulty in difficulties:
            for seed in seeds:
                where = f"{key} {tier.value} d{difficulty} seed {seed}"
                found.append((where, _question(key, tier, difficulty, seed)))
    return found


def _given(question: Question, name: str) -> sympy.Expr:
    return parse(next(g.value for g in question.givens if g.name == name))


def _value(question: Question, machine: str) -> sympy.Expr:
    return sympy.simplify(parse(machine, {g.name: parse(g.value) for g in question.givens}))


def _answer(question: Question, label: str, index: int = 0) -> sympy.Expr:
    return _value(question, part_labelled(question, label).answers[index].value)


def _shown(question: Question, label: str, index: int = 0) -> Fraction:
    return Fraction(str(parse_plain(part_labelled(question, label).answers[index].plain)))


def _money(text: str) -> list[Fraction]:
    """Every sum of money in the prose: \\$12.50, \\$120, \\$251 000 (grouped with spaces)."""
    found = re.findall(r"\\\$(\d+(?:\s\d{3})*(?:\.\d+)?)", text)
    return [Fraction(re.sub(r"\s", "", m)) for m in found]


def _percents(text: str) -> list[Fraction]:
    return [Fraction(m) for m in re.findall(r"(\d+(?:\.\d+)?)\\%", text)]


def _numbers(text: str) -> list[Fraction]:
    """Every number in the maths spans of ``text`` (thin spaces in long numbers removed)."""
    spans = " ".join(re.findall(r"\$([^$]*)\$", text.replace("\\$", "")))
    return [Fraction(n) for n in re.findall(r"-?\d+(?:\.\d+)?", spans.replace("\\,", ""))]


# --- every template ------------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_every_difficulty_and_tier_passes_the_verifier(key):
    failures = []
    for tier in get_template(key).tiers:
        for difficulty in range(1, 6):
            question = _question(key, tier, difficulty, difficulty % len(SEEDS))
            report = verify(question)
            if not report.passed:
                failures.append(f"{tier.value} d{difficulty}: {report.summary()}")
    assert not failures, failures


def test_topic_one_codes_are_all_served():
    served = {
        code
        for t in templates()
        if t.key.startswith("number.")
        for c in t.codes.values()
        for code in c
    }
    assert sorted(set(ALL_CODES) - served) == []


@pytest.mark.parametrize("key", KEYS)
def test_non_calculator_answers_are_exact_and_difficulty_adds_work(key):
    marks = {}
    for where, question in _variants(key, seeds=range(2)):
        for part in question.parts:
            if part.calculator == CalculatorPolicy.NOT_ALLOWED:
                for answer in part.answers:
                    if answer.kind == AnswerKind.NUMBER:
                        value = _value(question, answer.value)
                        exact = answer.accuracy == Accuracy.EXACT and value.is_algebraic
                        assert exact or value.is_Rational, f"{where} ({part.label})"
        marks.setdefault(question.difficulty, []).append(question.total_marks)
    assert sum(marks[5]) / len(marks[5]) > sum(marks[1]) / len(marks[1]), marks


@pytest.mark.parametrize("key", KEYS)
def test_seeds_give_different_questions(key):
    tier = get_template(key).tiers[0]
    keys = {_question(key, tier, 3, seed).variant.key for seed in SEEDS}
    assert len(keys) >= 3


# --- 1.1 types of number, HCF and LCM ------------------------------------------------------


def test_types_of_number_answers_are_the_only_one_of_their_kind_in_the_list():
    tests = {
        "a prime number": sympy.isprime,
        "a square number": lambda n: n > 0 and math.isqrt(n) ** 2 == n,
        "a cube number": lambda n: n > 0 and round(n ** (1 / 3)) ** 3 == n,
        "a triangle number": lambda n: n > 0 and math.isqrt(8 * n + 1) ** 2 == 8 * n + 1,
    }
    for where, q in _variants("number.types_of_number"):
        listed = [_value(q, g.value) for g in q.givens if re.fullmatch(r"n\d+", g.name)]
        whole = [int(v) for v in listed if v.is_Integer]
        for part in q.parts:
            factor = re.search(r"a factor of \$(\d+)\$", part.text)
            multiple = re.search(r"a multiple of \$(\d+)\$", part.text)
            if factor:
                matches = [n for n in whole if int(factor.group(1)) % n == 0]
            elif multiple:
                matches = [n for n in whole if n % int(multiple.group(1)) == 0]
            elif part.text.rstrip(".") in tests:
                matches = [n for n in whole if tests[part.text.rstrip(".")](n)]
            else:
                continue
            assert matches == [int(_answer(q, part.label))], f"{where} ({part.label}) {part.text}"


def test_prime_factors_multiply_back_and_hcf_lcm_match_the_numbers_stated():
    for where, q in _variants("number.prime_factors_hcf_lcm"):
        n = int(_given(q, "N"))
        plain = part_labelled(q, "a").answers[0].plain
        factors = re.findall(r"(\d+)(?:\^(\d+))?", plain)
        assert all(sympy.isprime(int(p)) for p, _ in factors), where
        assert math.prod(int(p) ** int(e or 1) for p, e in factors) == n, where
        x, y = int(_given(q, "x")), int(_given(q, "y"))
        assert _answer(q, "b") == math.gcd(x, y), where
        assert _answer(q, "c") == math.lcm(x, y), where


# --- 1.2 sets ------------------------------------------------------------------------------


def _rule(words: str):
    if m := re.fullmatch(r"a multiple of (\d+)", words):
        return lambda n: n % int(m.group(1)) == 0
    if m := re.fullmatch(r"a factor of (\d+)", words):
        return lambda n: int(m.group(1)) % n == 0
    return {
        "a prime number": sympy.isprime,
        "a square number": lambda n: math.isqrt(n) ** 2 == n,
        "an odd number": lambda n: n % 2 == 1,
        "an even number": lambda n: n % 2 == 0,
    }[words]


def test_set_answers_follow_from_the_set_definitions():
    for where, q in _variants("number.set_notation"):
        top = int(re.search(r"1 \\le x \\le (\d+)", q.stem).group(1))
        rules = re.findall(r"\$[AB] = \\\{x : x \\text\{ is (.+?)\}", q.stem)
        universe = set(range(1, top + 1))
        a = {n for n in universe if _rule(rules[0])(n)}
        b = {n for n in universe if _rule(rules[1])(n)}
        expected = {
            "A \\cap B": a & b,
            "A'": universe - a,
            "(A \\cup B)'": universe - (a | b),
            "A' \\cap B": b - a,
        }
        for part in q.parts:
            notation = re.search(r"List the elements of \$(.+)\$", part.text)
            if notation:
                got = {int(v) for v in _answer(q, part.label)}
                assert got == expected[notation.group(1)], f"{where} ({part.label})"
        assert _answer(q, "b") == len(a | b), where


def test_venn_regions_add_up_to_the_total():
    for where, q in _variants("number.venn_counts"):
        numbers = _numbers(q.stem)
        if "= x$" in q.stem:  # Extended algebra version: a + b - x + kx = T
            total, na, nb = numbers[0], numbers[1], numbers[2]
            k = int(re.search(r"= (\d)x", q.stem).group(1))
            x = _answer(q, "a")
            assert na + nb - x + k * x == total, where
            continue
        total, na, nb, neither = numbers[:4]
        both = _answer(q, "a")
        assert (na - both) + (nb - both) + both + neither == total, where
        assert _answer(q, "b") == na - both, where


# --- 1.3, 1.4, 1.5, 1.6 ---------------------------------------------------------------------


def _recurring_value(latex: str) -> Fraction:
    """0.2\\dot{7} or 0.\\dot{4}0\\dot{6} read as a fraction, independently of the template."""
    whole, _, rest = latex.partition(".")
    plain = rest.replace("\\dot{", "(", 1).replace("}", "", 1)
    if "\\dot{" in plain:
        plain = plain.replace("\\dot{", "").replace("}", ")")
    else:
        plain = (
            plain.replace("(", "(").rstrip() + ")" if "(" in plain and ")" not in plain else plain
        )
    prefix, _, cycle = plain.partition("(")
    cycle = cycle.rstrip(")")
    n, k = len(prefix), len(cycle)
    numerator = int(prefix + cycle) - int(prefix or "0")
    return int(whole) + Fraction(numerator, 10**n * (10**k - 1))


def test_recurring_decimals_expand_to_their_fractions():
    for where, q in _variants("number.recurring_decimals"):
        for given in q.givens:
            value = Fraction(str(parse(given.value)))
            assert _recurring_value(given.display) == value, f"{where}: {given.display}"
            # the decimal expansion starts with the digits shown
            digits = re.sub(r"\\dot\{(\d)\}", r"\1", given.display)
            assert str(float(value)).startswith(digits[: len(digits) - 1]), where


def test_ordering_answer_is_in_increasing_order():
    for where, q in _variants("number.ordering"):
        plain = part_labelled(q, "a").answers[0].plain
        values = [
            Fraction(str(parse_plain(item.replace("%", "")))) / (100 if "%" in item else 1)
            for item in plain.split(", ")
        ]
        assert values == sorted(values) and len(set(values)) == len(values), where
        listed = sorted(
            Fraction(str(parse(g.value))) for g in q.givens if re.fullmatch(r"[tn]\d+", g.name)
        )
        assert sorted(values) == listed, where


def test_fraction_answers_are_in_lowest_terms_and_show_thats_hold():
    for where, q in _variants("number.fraction_calculations"):
        for part in q.parts:
            answer = part.answers[0]
            value = Fraction(str(_value(q, answer.value)))
            if "/" in answer.plain:
                top, bottom = answer.plain.split()[-1].split("/")
                assert math.gcd(int(top), int(bottom)) == 1, (
                    f"{where} ({part.label}) {answer.plain}"
                )
            assert Fraction(str(parse_plain(answer.plain))) == value, where
            if part.show_that:
                assert Fraction(str(parse(part.show_that))) == value, where


def test_bracket_insertions_really_give_the_stated_value():
    for where, q in _variants("number.order_of_operations", difficulties=[3, 4, 5]):
        part = next(p for p in q.parts if p.text.startswith("Insert brackets"))
        left, right = part.answers[0].plain.replace("×", "*").split("=")
        assert Fraction(str(sympy.sympify(left))) == Fraction(right.strip()), where
        original = re.search(r"\$(.+) = (\d+)\$", part.text)
        unbracketed = original.group(1).replace("\\times", "*")
        assert sympy.sympify(unbracketed) != int(original.group(2)), where


# --- 1.7, 1.8, E1.18 ------------------------------------------------------------------------


def test_standard_form_answers_are_in_standard_form():
    for where, q in _variants("number.standard_form"):
        for part in q.parts:
            if "standard form" not in part.text:
                continue
            m = re.fullmatch(r"(\d(?:\.\d+)?) × 10\^(-?\d+)", part.answers[0].plain)
            assert m and 1 <= Fraction(m.group(1)) < 10, (
                f"{where} ({part.label}) {part.answers[0].plain}"
            )
            assert Fraction(m.group(1)) * Fraction(10) ** int(m.group(2)) == Fraction(
                str(_answer(q, part.label))
            ), where


def test_indices_answers_satisfy_their_equations():
    n = sympy.Symbol("n", real=True)
    for where, q in _variants("number.indices"):
        for part in q.parts:
            answer = part.answers[0]
            if answer.satisfies:
                relation = parse(answer.satisfies)
                assert relation.subs(n, _value(q, answer.value)) == sympy.true, (
                    f"{where} ({part.label})"
                )


def test_surd_answers_are_simplified_with_rational_denominators():
    for where, q in _variants("number.surds"):
        for part in q.parts:
            plain = part.answers[0].plain
            assert "/√" not in plain and "/(" not in plain, f"{where} ({part.label}) {plain}"
            for base in re.findall(r"√(\d+)", plain):
                assert max(sympy.factorint(int(base)).values()) == 1, (
                    f"{where} ({part.label}) {plain}"
                )
            assert sympy.simplify(parse_plain(plain) - _answer(q, part.label)) == 0, where


# --- 1.9, 1.10, 1.14 ------------------------------------------------------------------------


def _one_sf(value: Fraction) -> Fraction:
    exponent = math.floor(math.log10(value))
    scaled = value / Fraction(10) ** exponent
    return int(scaled + Fraction(1, 2)) * Fraction(10) ** exponent


def test_estimates_use_each_number_rounded_to_one_significant_figure():
    for where, q in _variants("number.rounding_and_estimation"):
        actual = [Fraction(str(parse(g.value))) for g in q.givens if g.name in ("e1", "e2", "e3")]
        part = next(p for p in q.parts if "estimate the value of" in p.text)
        first_step = part.solution[0].text
        assert _numbers(first_step) == [_one_sf(v) for v in actual], f"{where}: {first_step}"
        rounded_expression = re.search(r"\\approx (.+)\$", first_step).group(1)
        assert Fraction(str(parse_latex(rounded_expression))) == _shown(q, part.label), where
        assert _numbers(part.text) == actual, where
        in_context = next((p for p in q.parts if "total amount of money" in p.text), None)
        if in_context is not None:
            count, price = _numbers(in_context.text)[0], _money(in_context.text)[0]
            assert _shown(q, in_context.label) == _one_sf(count) * _one_sf(price), where


def test_bounds_are_half_a_unit_either_side_and_the_upper_bound_is_the_largest():
    units = {
        "nearest centimetre": 1,
        "nearest kilogram": 1,
        "nearest metre": 1,
        "nearest hundred kilograms": 100,
        "1 decimal place": Fraction(1, 10),
        "nearest 10 km": 10,
        "nearest 5 grams": 5,
    }
    for where, q in _variants("number.limits_of_accuracy"):
        first = q.parts[0].label  # "a", or "" when the variant asks one part
        text = q.part(first).text
        value = _numbers(text)[0]
        if "2 significant figures" in text:
            unit = Fraction(10) ** (math.floor(math.log10(value)) - 1)
        else:
            unit = next(Fraction(u) for phrase, u in units.items() if phrase in text)
        assert _shown(q, first, 0) == value - unit / 2, where
        assert _shown(q, first, 1) == value + unit / 2, where
        if (
            "b" not in [p.label for p in q.parts]
            or q.part("b").answers[0].kind != AnswerKind.NUMBER
        ):
            continue
        part = q.part("b")
        found = _numbers(part.text)
        answer = Fraction(str(_answer(q, "b")))
        if "area" in part.text:
            step = Fraction(1, 10) if "1 decimal place" in part.text else Fraction(1)
            length, width = found[0], found[1]
            corners = [
                (length + i * step / 2) * (width + j * step / 2) for i in (-1, 1) for j in (-1, 1)
            ]
            assert answer == max(corners), where
        elif "speed" in part.text:
            distance, time = found[0], found[1]
            corners = [
                (distance + i * Fraction(1, 2)) / (time + j * Fraction(1, 20))
                for i in (-1, 1)
                for j in (-1, 1)
            ]
            assert answer == max(corners), where
        elif "density" in part.text:
            mass, volume = found[0], found[1]
            corners = [
                (mass + i * 5) / (volume + j * Fraction(1, 2)) for i in (-1, 1) for j in (-1, 1)
            ]
            assert answer == min(corners), where


def test_calculator_answers_are_rounded_as_asked():
    for where, q in _variants("number.using_a_calculator"):
        value = _answer(q, "a")
        shown = _shown(q, "a")
        exponent = math.floor(math.log10(float(value)))
        assert (
            abs(Fraction(str(sympy.N(value, 30))) - shown) <= Fraction(10) ** (exponent - 3) / 2
        ), where
        assert len(part_labelled(q, "a").answers[0].plain.replace(".", "").lstrip("0")) <= 4, where


# --- 1.11, 1.12, 1.13, 1.15, 1.16, E1.17 ----------------------------------------------------


def test_ratio_shares_add_up_to_the_total():
    for where, q in _variants("number.ratio_sharing"):
        part = q.part("b")
        ratio = [
            int(r) for r in re.search(r"ratio \$([\d : ]+)\$", part.text).group(1).split(" : ")
        ]
        money = _money(part.text)
        answer = Fraction(str(_answer(q, "b")))
        if "receives" in part.text and "more than" in part.text:
            one_part = answer / sum(ratio)
            assert one_part * (max(ratio) - min(ratio)) == money[0], where
        elif "Work out the total" in part.text:
            known = answer / sum(ratio) * min(ratio)
            assert known == money[0], where
        else:
            shares = [money[0] * r / sum(ratio) for r in ratio]
            assert sum(shares) == money[0] and answer == max(shares), where
        simple = part_labelled(q, "a").answers[0]
        assert math.gcd(*[int(v) for v in parse_plain(simple.plain)]) == 1, where


def test_reverse_percentage_answer_times_the_multiplier_gives_the_stated_price():
    for where, q in _variants("number.reverse_percentages"):
        text = q.stem + " " + part_labelled(q, "a").text
        original = _shown(q, "a")
        final = _money(text)[-1]
        percents = _percents(text)
        if len(percents) == 2:  # an increase then a decrease
            multiplier = (1 + percents[0] / 100) * (1 - percents[1] / 100)
        elif re.search(r"increase|pay rise", text):
            multiplier = 1 + percents[0] / 100
        else:
            multiplier = 1 - percents[0] / 100
        assert original * multiplier == final, f"{where}: {original} × {multiplier} != {final}"


def test_percentage_change_uses_the_original_amount():
    for where, q in _variants("number.percentages"):
        for part in q.parts:
            if (
                "percentage increase" in part.text
                or "percentage profit" in part.text
                or "percentage loss" in part.text
            ):
                old, new = _money(part.text)[:2]
                expected = abs(new - old) / old * 100
                assert abs(
                    Fraction(str(sympy.N(_answer(q, part.label), 20))) - expected
                ) < Fraction(1, 10**9), where


def test_compound_interest_and_growth_recompute_from_the_text():
    for where, q in _variants("number.simple_and_compound_interest"):
        principal = _money(q.stem)[0]
        years = _numbers(q.stem)[0]
        simple_rate = _percents(part_labelled(q, "a").text)[0]
        compound_rate = _percents(q.part("b").text)[0]
        assert _answer(q, "a") == principal * simple_rate / 100 * years, where
        assert _answer(q, "b") == principal * (1 + compound_rate / 100) ** int(years), where
    for where, q in _variants("number.exponential_growth_decay"):
        part = next((p for p in q.parts if "complete" in p.text), None)
        if part is None:
            continue
        rate = _percents(q.stem)[0] / 100
        factor = 1 + rate if "increase" in q.stem else 1 - rate
        target = {"half": Fraction(1, 2), "one and a half times": Fraction(3, 2), "double": 2}[
            re.search(r"than (half|one and a half times|double)", part.text).group(1)
        ]
        n = int(_answer(q, part.label))
        if factor > 1:
            assert factor**n > target >= factor ** (n - 1), where
        else:
            assert factor**n < target <= factor ** (n - 1), where


def test_journey_times_and_speeds_recompute_from_the_clock_times():
    for where, q in _variants("number.speed_distance_time"):
        leave, arrive = re.findall(r"(\d\d) (\d\d)", q.stem)[:2]
        minutes = (int(arrive[0]) * 60 + int(arrive[1]) - int(leave[0]) * 60 - int(leave[1])) % (
            24 * 60
        )
        assert (_shown(q, "a", 0), _shown(q, "a", 1)) == divmod(minutes, 60), where
        distance = _numbers(q.part("b").text)[0]
        assert _answer(q, "b") == distance / Fraction(minutes, 60), where
    for where, q in _variants("number.time_and_timetables"):
        twelve = re.search(r"Write (\d+)\.(\d\d) (am|pm)", part_labelled(q, "a").text)
        hours = int(twelve.group(1)) % 12 + (12 if twelve.group(3) == "pm" else 0)
        assert part_labelled(q, "a").answers[0].plain == f"{hours:02d} {twelve.group(2)}", where


def test_money_conversions_go_the_right_way():
    for where, q in _variants("number.money"):
        rate_text = re.search(r"\\\$1 = \$([\d.]+)\$", q.stem)
        for part in q.parts:
            if part.text.startswith("Change \\$"):
                assert _answer(q, part.label) == _money(part.text)[0] * Fraction(
                    rate_text.group(1)
                ), where
            elif part.text.startswith("Change $"):
                assert _answer(q, part.label) == _numbers(part.text)[0] / Fraction(
                    rate_text.group(1)
                ), where


# --- second question types: comparing (1.5) and values of indices (1.7) -------------------------


def _marker_gives(question: Question, wrong) -> int:
    from generation.engine.marking import mark_part, split_final_answers

    answers = len(question.part(wrong.part).answers)
    return mark_part(question, wrong.part, split_final_answers(wrong.plain, answers), wrong.working)


def _maths(text: str) -> str:
    """The last maths span of a part's text (the numbers it asks about)."""
    return re.findall(r"\$([^$]*)\$", text)[-1]


@pytest.mark.parametrize(
    ("key", "code"), [("number.comparing", "1.5"), ("number.index_values", "1.7")]
)
def test_second_types_carry_their_codes_and_mark_wrong_answers_as_the_marker_does(key, code):
    assert set(get_template(key).tiers) == {Tier.CORE, Tier.EXTENDED}
    for where, question in _variants(key):
        prefix = "C" if question.tier == Tier.CORE else "E"
        assert question.syllabus_codes == [prefix + code], where
        assert verify(question).passed, f"{where}: {verify(question).summary()}"
        assert question.wrong_answers, where
        for wrong in question.wrong_answers:
            assert wrong.marks_awarded == _marker_gives(question, wrong), (where, wrong)
            assert wrong.marks_awarded < question.part(wrong.part).marks, (where, wrong)


def test_comparing_symbols_orders_and_best_result_are_right():
    units = {"g": 1, "kg": 1000, "ml": 1, "litres": 1000, "m": 1, "km": 1000}
    seen = set()
    for where, question in _variants("number.comparing", seeds=range(4)):
        for part in question.parts:
            got = part.answers[0].plain
            if "symbol" in part.text:
                seen.add("symbol")
                left, right = (_given(question, part.label + s) for s in "lr")
                expected = "=" if left == right else ("<" if left < right else ">")
                assert got == expected, f"{where} ({part.label}): {left} {got} {right}"
            elif "in order of size" in part.text:
                seen.add("units")
                # Each quantity in the small unit (cm when the list mixes cm and m).
                small = {"m": 100} if " cm" in got else {}
                sizes = []
                for item in got.split(", "):
                    amount, unit = item.rsplit(" ", 1)
                    whole, _, fraction = amount.partition(" ")
                    value = Fraction(whole) + (Fraction(fraction) if fraction else 0)
                    sizes.append(value * small.get(unit, units.get(unit, 1)))
                assert sizes == sorted(sizes) and len(set(sizes)) == len(sizes), f"{where}: {got}"
                written = [w.plain for w in question.wrong_answers if "as written" in w.error]
                assert written and written[0] != got, "the numbers as written must mislead"
            else:
                seen.add("best")
                scores = {}
                for line in part.text.split("\n\n"):
                    found = re.match(r"(\w+) scored \$(\d+)\$ out of \$(\d+)\$", line)
                    if found:
                        scores[found[1]] = Fraction(int(found[2]), int(found[3]))
                    found = re.match(r"(\w+) scored \$(\d+)\\%\$", line)
                    if found:
                        scores[found[1]] = Fraction(int(found[2]), 100)
                    found = re.match(r"(\w+) scored \$\\frac\{(\d+)\}\{(\d+)\}\$ of", line)
                    if found:
                        scores[found[1]] = Fraction(int(found[2]), int(found[3]))
                assert len(scores) >= 3, part.text
                assert got == max(scores, key=scores.get), f"{where}: {scores}"
                raw = next(w for w in question.wrong_answers if w.part == part.label)
                assert raw.plain != got and raw.marks_awarded == 0
    assert seen == {"symbol", "units", "best"}


def test_index_values_answers_are_the_value_of_the_printed_powers():
    for where, question in _variants("number.index_values", seeds=range(4)):
        extended = question.tier == Tier.EXTENDED
        for part in question.parts:
            shown = _maths(part.text)
            assert extended or "\\frac{1}" not in shown.split("^")[-1], "fractional index in Core"
            if part.text.startswith("Find the value"):
                expected = parse_latex(shown)
                assert _answer(question, part.label) == expected, f"{where}: {shown}"
                assert Fraction(str(expected)) == _shown(question, part.label)
                # M1 per value a candidate must find on the way, then A1: no mark for the
                # answer alone.
                types = [line.mark_type.value for line in question.lines_for(part.label)]
                assert types == ["M"] * (part.marks - 1) + ["A"], (where, types)
            else:
                items = [parse_latex(s.strip()) for s in part.answers[0].latex.split(", \\;")]
                assert items == sorted(items) and len(set(items)) == len(items), where
                assert sorted(items) == sorted(parse_latex(s) for s in shown.split("\\qquad"))
