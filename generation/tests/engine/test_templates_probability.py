"""Probability templates (topic 8), checked the way a teacher would: probabilities lie between
0 and 1 and complements add to 1, the spinner's probabilities add to 1, tree-diagram products
match counting the outcomes directly, and conditional probabilities use the right denominator."""

from __future__ import annotations

import itertools
import re
from fractions import Fraction

import pytest

from generation.engine.base import generate, get_template
from generation.engine.verifier import verify
from questions.schemas import Question, Tier

KEYS = [
    "probability.single_event",
    "probability.biased_spinner",
    "probability.relative_frequency",
    "probability.sample_space",
    "probability.tree_diagram",
    "probability.venn_two_way",
]


def _variants(key: str, seeds=range(8)):
    template = get_template(key)
    found = 0
    for tier in template.tiers:
        for difficulty in range(1, 6):
            for seed in seeds:
                found += 1
                yield generate(template, seed=seed, difficulty=difficulty, tier=tier).question
    assert found


def _value(plain: str) -> Fraction:
    return Fraction(plain.strip())


def _answer(q: Question, label: str, k: int = 0) -> Fraction:
    return _value(q.part(label).answers[k].plain)


def _labels(q: Question) -> list[str]:
    return [p.label for p in q.parts]


def _numbers(text: str) -> list[Fraction]:
    return [Fraction(n) for n in re.findall(r"-?\d+(?:\.\d+)?", text)]


def test_single_event_probabilities_add_up():
    for q in _variants("probability.single_event"):
        pairs = re.findall(r"\$(\d+)\$ (\w+)", q.stem)
        counts = {colour: int(n) for n, colour in pairs}
        total = sum(counts.values())
        colours = [c for _, c in pairs]
        p_first = _answer(q, "a")
        assert p_first == Fraction(counts[colours[0]], total)
        assert _answer(q, "b") + Fraction(counts[colours[1]], total) == 1  # P(not B) + P(B)
        for part in q.parts[:3]:  # the probabilities (part (d) asks for a number of counters)
            assert 0 <= _value(part.answers[0].plain) <= 1
        if "c" in _labels(q) and " or " in q.part("c").text:
            assert _answer(q, "c") == Fraction(counts[colours[0]] + counts[colours[2]], total)
        if "d" in _labels(q):
            text = q.part("d").text
            x = _answer(q, "d")
            fractions = [
                Fraction(int(a), int(b)) for a, b in re.findall(r"\\frac\{(\d+)\}\{(\d+)\}", text)
            ]
            if "Another bag" in text:  # red from the number of blue
                blue = int(re.search(r"There are \$(\d+)\$ blue", text).group(1))
                assert Fraction(x, x + blue) == fractions[0]
            elif "were added" in text:
                last = counts[colours[-1]]
                assert Fraction(last + x, total + x) == fractions[0]
                assert Fraction(last, total) != fractions[0]
            else:  # the number at the start, from two probabilities
                k = int(re.search(r"Then \$(\d+)\$ more", text).group(1))
                assert (fractions[0] * x + k) / (x + k) == fractions[1]
                assert (fractions[0] * x).denominator == 1  # a whole number of red at the start


def test_spinner_probabilities_add_up_to_one_and_expected_frequency_is_np():
    for q in _variants("probability.biased_spinner"):
        row = re.search(r"\\text\{Probability\} & (.+?) \\\\ \\hline \\end", q.stem).group(1)
        cells = [c.strip() for c in row.split("&")]
        x = _answer(q, "a")
        probs = [
            x * (int(c[:-1]) if c[:-1] else 1) if c.endswith("x") else Fraction(c) for c in cells
        ]
        assert sum(probs) == 1
        assert all(0 < p < 1 for p in probs)
        spins = int(re.search(r"spun \$(\d+)\$ times", q.part("c").text).group(1))
        assert _answer(q, "c") == spins * probs[-1]
        if "d" in _labels(q):
            reds = int(re.search(r"lands on red \$(\d+)\$ times", q.part("d").text).group(1))
            assert _answer(q, "d") * probs[0] == reds


def test_relative_frequencies_come_from_the_results():
    for q in _variants("probability.relative_frequency"):
        trials = int(re.search(r"\$(\d+)\$ times", q.stem).group(1))
        row = re.search(r"\\text\{Frequency\} & (.+?) \\\\ \\hline \\end", q.stem).group(1)
        cells = [c.strip() for c in row.split("&")]
        missing = _answer(q, "a")
        freqs = [int(c) if c else missing for c in cells]
        assert sum(freqs) == trials
        outcome = re.search(r"landing on (\d)", q.part("b").text).group(1)
        rf = _answer(q, "b")
        assert rf == Fraction(freqs[int(outcome) - 1], trials)
        more = int(re.search(r"another \$(\d+)\$ times", q.part("c").text).group(1))
        assert _answer(q, "c") == more * rf
        assert rf >= Fraction(3, 10)  # the bias the "explain" part relies on is clear


def _sample_space(q: Question) -> list[int]:
    if "two fair six-sided dice" in q.stem:
        sides = (6, 6)
    elif m := re.search(
        r"first spinner is numbered 1 to (\d) and the second spinner is numbered 1 to (\d)", q.stem
    ):
        sides = (int(m.group(1)), int(m.group(2)))
    else:
        sides = (int(re.search(r"numbered 1 to (\d)", q.stem).group(1)), 6)
    if "total" in q.stem:
        op = lambda a, b: a + b  # noqa: E731
    elif "product" in q.stem:
        op = lambda a, b: a * b  # noqa: E731
    else:
        op = lambda a, b: abs(a - b)  # noqa: E731
    return [op(a, b) for a in range(1, sides[0] + 1) for b in range(1, sides[1] + 1)]


def test_sample_space_answers_match_counting_outcomes():
    for q in _variants("probability.sample_space"):
        outcomes = _sample_space(q)
        n = len(outcomes)
        s = int(re.search(r"the score is \$(\d+)\$", q.part("a").text).group(1))
        assert _answer(q, "a") == Fraction(outcomes.count(s), n)
        t = int(re.search(r"greater than \$(\d+)\$", q.part("b").text).group(1))
        assert _answer(q, "b") == Fraction(sum(v > t for v in outcomes), n)
        assert sum(Fraction(outcomes.count(v), n) for v in set(outcomes)) == 1
        if "c" in _labels(q):
            text = q.part("c").text
            test = {
                "an even number": lambda v: v % 2 == 0,
                "an odd number": lambda v: v % 2 == 1,
                "a prime number": lambda v: v in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31),
                "a multiple of 3": lambda v: v % 3 == 0 and v > 0,
            }[re.search(r"score is (.+)\.", text).group(1)]
            assert _answer(q, "c") == Fraction(sum(test(v) for v in outcomes), n)
        if "d" in _labels(q):
            if "at least one" in q.part("d").text:
                assert _answer(q, "d") == 1 - (1 - _answer(q, "b")) ** 2
            else:
                assert _answer(q, "d") == _answer(q, "a") ** 2


def test_tree_diagram_products_match_counting_every_outcome():
    for q in _variants("probability.tree_diagram"):
        if m := re.search(
            r"contains \$(\d+)\$ (\w+) counters and \$(\d+)\$ (\w+) counters", q.stem
        ):
            r, c1, b, c2 = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
            bag = [c1] * r + [c2] * b
            replace = "puts it back" in q.stem
            pairs = (
                list(itertools.product(bag, repeat=2))
                if replace
                else list(itertools.permutations(bag, 2))
            )
            total = len(pairs)
            assert _answer(q, "a") == Fraction(sum(p == (c1, c1) for p in pairs), total)
            assert _answer(q, "b") == Fraction(sum(p[0] != p[1] for p in pairs), total)
            if "c" in _labels(q):
                assert _answer(q, "c") == Fraction(sum(c2 in p for p in pairs), total)
            if "d" in _labels(q):
                triples = list(itertools.permutations(bag, 3))
                same = sum(len(set(t)) == 1 for t in triples)
                assert _answer(q, "d") == Fraction(same, len(triples))
        else:
            p = Fraction(re.search(r"is \$([\d.]+)\$", q.stem).group(1))
            outcomes = {
                (x, y): (p if x else 1 - p) * (p if y else 1 - p)
                for x in (True, False)
                for y in (True, False)
            }
            assert sum(outcomes.values()) == 1
            assert _answer(q, "a") == outcomes[(True, True)]
            if "neither" in q.part("b").text:
                assert _answer(q, "b") == outcomes[(False, False)]
            else:
                assert _answer(q, "b") == outcomes[(True, False)] + outcomes[(False, True)]


def test_venn_and_two_way_tables_use_the_right_denominators():
    for q in _variants("probability.venn_two_way"):
        if "two-way table" in q.stem:
            rows = re.findall(r"\\text\{(?:Boys|Girls|Men|Women)\} & (.+?) \\\\", q.stem)
            cols = re.search(r"\\text\{Total\} & (.+?) \\\\ \\hline \\end", q.stem).group(1)
            col_totals = [int(c) for c in cols.split("&")]
            grid = [[c.strip() for c in r.split("&")] for r in rows]
            found = iter(_value(a.plain) for a in q.part("a").answers)
            cells = [[int(c) if c else None for c in row[:3]] for row in grid]
            for row in cells:
                for j, c in enumerate(row):
                    if c is None:
                        row[j] = next(found)
            # the completed table adds up both ways
            for j in range(3):
                assert cells[0][j] + cells[1][j] == col_totals[j]
            assert sum(map(sum, cells)) == col_totals[3]
            assert 0 < _answer(q, "b") < 1 and 0 < _answer(q, "c") < 1
            if q.tier == Tier.EXTENDED:
                text = q.part("d").text
                # conditional: a cell over its column total, never over everyone
                assert any(
                    _answer(q, "d") == Fraction(cells[i][j], col_totals[j])
                    for i in range(2)
                    for j in range(3)
                )
                assert "chosen at random" in text
        else:
            total, na, nb, fourth = (int(n) for n in re.findall(r"\$(\d+)\$", q.stem)[:4])
            if q.stem.endswith("do neither."):  # the overlap is found from the number doing neither
                neither, both = fourth, _answer(q, "a")
            else:
                both, neither = fourth, _answer(q, "a")
            assert (na - both) + (nb - both) + both + neither == total
            assert _answer(q, "b") == Fraction(na - both, total)
            if q.tier == Tier.EXTENDED:
                last = _labels(q)[-1]
                assert _answer(q, last) == Fraction(both, total) / Fraction(na, total)


@pytest.mark.parametrize("key", KEYS)
def test_every_variant_passes_the_verifier(key):
    failures = [
        f"{q.tier.value} d{q.difficulty} seed {q.variant.seed}: {verify(q).summary()}"
        for q in _variants(key, seeds=range(3))
        if not verify(q).passed
    ]
    assert not failures, "\n".join(failures[:5])


def test_probability_answers_are_exact_fractions_or_decimals():
    for key in KEYS:
        for q in _variants(key, seeds=range(3)):
            for part in q.parts:
                for answer in part.answers:
                    if answer.kind.value == "number":
                        assert answer.accuracy.value == "exact", (key, part.text)
                        _value(answer.plain)  # a fraction or a terminating decimal
