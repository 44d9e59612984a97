"""Trigonometry templates (syllabus topic 6): every template verifies, and the answers make
the triangles a teacher would draw — Pythagorean triples, consistent sine- and cosine-rule
triangles, both solutions of a trigonometric equation in range, and angles that do not change
when the figure is enlarged."""

from __future__ import annotations

import math
import re

import pytest
import sympy

from generation.engine.base import generate, get_template
from generation.engine.verifier import verify
from generation.tests.engine.test_templates_mensuration import (
    answers,
    check_diagram,
    check_similar_figures,
    givens,
    keys,
    sample,
    tier_for,
)
from questions.schemas import Tier

PREFIX = "trigonometry."


def sind(x: float) -> float:
    return math.sin(math.radians(x))


def cosd(x: float) -> float:
    return math.cos(math.radians(x))


def tand(x: float) -> float:
    return math.tan(math.radians(x))


def floats(q, *names: str) -> list[float]:  # noqa: ANN001 - a Question
    g = givens(q)
    return [float(g[name]) for name in names]


@pytest.mark.parametrize("key", keys(PREFIX))
@pytest.mark.parametrize("difficulty", [1, 2, 3, 4, 5])
def test_template_passes_the_verifier(key: str, difficulty: int) -> None:
    template = get_template(key)
    seed = 7 * difficulty
    q = generate(
        template, seed=seed, difficulty=difficulty, tier=tier_for(template, difficulty, seed)
    ).question
    report = verify(q)
    assert report.passed, f"{key} d{difficulty}: {report.summary()}"


@pytest.mark.parametrize("key", keys(PREFIX))
def test_enlarging_the_figure_keeps_angles_and_scales_lengths(key: str) -> None:
    for q in sample(key):
        check_similar_figures(q)
        check_diagram(q)


@pytest.mark.parametrize("key", keys(PREFIX))
def test_difficulty_changes_the_question(key: str) -> None:
    qs = sample(key)
    easy = [q for q in qs if q.difficulty == 1]
    hard = [q for q in qs if q.difficulty == 5]
    assert sum(q.total_marks for q in hard) >= sum(q.total_marks for q in easy)
    assert {(q.title, q.total_marks) for q in easy} != {(q.title, q.total_marks) for q in hard}
    assert len({q.variant.key for q in qs}) >= 0.8 * len(qs), "variants should vary"


def test_pythagorean_triples_give_whole_hypotenuses() -> None:
    for q in sample("trigonometry.pythagoras"):
        if q.difficulty == 1:
            a, b = floats(q, "a", "b")
            (c,) = answers(q, "a")
            assert c == int(c) and a**2 + b**2 == c**2
        if q.difficulty == 2:
            c, a = floats(q, "c", "a")
            (b,) = answers(q, "a")
            assert a**2 + b**2 == pytest.approx(c**2)


def test_right_angled_answers_fit_the_triangle() -> None:
    for q in sample("trigonometry.right_angled"):
        if q.difficulty == 3:
            (angle,) = answers(q, "a")
            assert 0 < angle < 90
            t, u = floats(q, "t", "u")
            assert (
                min(abs(sind(angle) - t / u), abs(cosd(angle) - t / u), abs(tand(angle) - t / u))
                < 1e-9
            )


def test_elevation_and_depression_angles_are_acute() -> None:
    for q in sample("trigonometry.elevation_depression"):
        for part in q.parts:
            for a in part.answers:
                if a.unit == "degrees":
                    assert 0 < float(sympy.N(sympy.sympify(0) + answers(q, part.label)[0])) < 90
                else:
                    assert answers(q, part.label)[0] > 0
        if q.difficulty == 5:  # the far boat is further away than the near one
            h, near, far = floats(q, "h", "alpha", "beta")
            assert answers(q, "a")[0] == pytest.approx(h / tand(far) - h / tand(near))


def test_bearings_are_three_figure_bearings_measured_clockwise_from_north() -> None:
    for q in sample("trigonometry.bearings"):
        for part in q.parts:
            a = part.answers[0]
            if a.label == "bearing":
                bearing = answers(q, part.label)[0]
                assert 100 <= bearing < 360, "no bearing needs a leading zero"
        if q.difficulty <= 3:  # the bearing points at R = a(first) + b(second)
            a, b = floats(q, "a", "b")
            first, second = str(q.variant.params["route"]).split("-")
            vectors = {"north": (0, 1), "east": (1, 0), "south": (0, -1), "west": (-1, 0)}
            x = a * vectors[first][0] + b * vectors[second][0]
            y = a * vectors[first][1] + b * vectors[second][1]
            expected = math.degrees(math.atan2(x, y)) % 360
            assert answers(q, "b")[0] == pytest.approx(expected)


def test_exact_values_match_the_calculator() -> None:
    for q in sample("trigonometry.exact_values"):
        for part in q.parts:
            exact = sympy.sympify(answers(q, part.label)[0])
            assert exact.is_real
        g = givens(q)
        func = str(q.variant.params["p_func"])
        value = {"sin": sind, "cos": cosd, "tan": tand}[func](float(g["p"]))
        assert answers(q, "a")[0] == pytest.approx(value)


def test_both_solutions_of_a_trig_equation_are_in_range_and_are_all_the_solutions() -> None:
    for q in sample("trigonometry.trig_equation"):
        func = {"sin": sind, "cos": cosd, "tan": tand}[str(q.variant.params["func"])]
        g = {k: float(v) for k, v in givens(q).items()}
        if "k" in g:
            k = g["k"]
        elif "c" in g:
            text = q.parts[0].text
            k = (g["c"] - g["b"]) / g["a"] if "+" in text else (g["c"] + g["b"]) / g["a"]
        else:
            k = g["b"] / g["a"]
        xs = answers(q, "a")
        assert len(xs) == 2 and abs(xs[0] - xs[1]) > 1
        for x in xs:
            assert 0 <= x <= 360
            assert func(x) == pytest.approx(k, abs=1e-9)
        # No other solution: f(x) - k changes sign only next to the two answers.
        crossings = [
            x / 10
            for x in range(0, 3600)
            if (func(x / 10) - k) * (func(x / 10 + 0.1) - k) < 0
            and abs(func(x / 10) - func(x / 10 + 0.1)) < 1  # not tan's asymptote
        ]
        assert all(min(abs(c - x) for x in xs) < 0.2 for c in crossings)
        assert len(crossings) == 2


def test_sine_rule_triangles_are_consistent() -> None:
    for q in sample("trigonometry.sine_rule"):
        g = {k: float(v) for k, v in givens(q).items()}
        if q.difficulty >= 3:  # angle B from a, b, A
            (b_angle,) = answers(q, "a")
            assert g["a"] / sind(g["A"]) == pytest.approx(g["b"] / sind(b_angle))
            assert g["A"] + b_angle < 180
            if q.difficulty == 5:
                assert b_angle > 90
        else:
            (ac,) = answers(q, "a")
            angle_a = g.get("A", 180 - g.get("B", 0) - g.get("C", 0))
            assert g["a"] / sind(angle_a) == pytest.approx(ac / sind(g["B"]))


def test_cosine_rule_triangles_are_consistent() -> None:
    for q in sample("trigonometry.cosine_rule"):
        g = {k: float(v) for k, v in givens(q).items()}
        if "A" in g:  # side BC from b, c and the included angle
            (bc,) = answers(q, "a")
            assert bc**2 == pytest.approx(
                g["b"] ** 2 + g["c"] ** 2 - 2 * g["b"] * g["c"] * cosd(g["A"])
            )
        else:
            (angle,) = answers(q, "a")
            assert g["a"] ** 2 == pytest.approx(
                g["b"] ** 2 + g["c"] ** 2 - 2 * g["b"] * g["c"] * cosd(angle)
            )
            if q.difficulty == 4:  # the largest angle is opposite the longest side
                assert angle > 90 and g["a"] == max(g["a"], g["b"], g["c"])


def test_three_d_lengths_and_angles() -> None:
    for q in sample("trigonometry.three_d"):
        g = {k: float(v) for k, v in givens(q).items()}
        if "l" in g:
            ag = answers(q, "b" if q.difficulty == 1 else "a")[0]
            assert ag**2 == pytest.approx(g["l"] ** 2 + g["w"] ** 2 + g["h"] ** 2)
            angle = answers(q, q.parts[-1].label)[0]
            if q.difficulty > 1:
                assert 0 < angle < 90
        else:
            assert answers(q, "a")[0] == pytest.approx(g["s"] * math.sqrt(2))
            assert 0 < answers(q, "c")[0] < 90


_RATIOS = {"sin": sind, "cos": cosd, "tan": tand}


def _roots(func: str, k: float, low: int = 0, high: int = 360) -> list[int]:
    """Whole-degree solutions of func(x) = k, found by trying every degree (tan's asymptotes
    left out)."""
    return [
        x
        for x in range(low, high + 1)
        if not (func == "tan" and x % 180 == 90) and _RATIOS[func](x) == pytest.approx(k, abs=1e-9)
    ]


def _func_in(text: str) -> str:
    return next(f for f in _RATIOS if f"\\{f} x" in text)


def test_exact_angles_are_every_solution_and_only_one_slip_keeps_marks() -> None:
    """Each angle found from an exact value is recomputed by trying every whole degree; one
    solution of two earns all but one mark, solving for the wrong sign earns nothing."""
    assert get_template("trigonometry.exact_angles").tiers == (Tier.EXTENDED,)
    for q in sample("trigonometry.exact_angles"):
        assert q.tier == Tier.EXTENDED
        g = {k: float(v) for k, v in givens(q).items()}
        for part in q.parts:
            func = _func_in(part.text)
            xs = answers(q, part.label)
            if "acute angle" in part.text:
                k = g["v1"] if part.label == "a" else g["v2"]
                assert xs == _roots(func, k, 1, 89)
                continue
            sign = -1 if "+" in part.text else 1
            k = g["k"] if "k" in g else sign * g["r"] / g.get("a", 1)
            assert xs == _roots(func, k), (q.variant.source, part.text)
            wrongs = {w.error: w for w in q.wrong_answers if w.part == part.label}
            assert wrongs["gave only one solution"].marks_awarded == part.marks - 1
            for error, w in wrongs.items():
                if error.startswith("ignored the minus sign"):
                    assert w.marks_awarded == 0


def test_trig_graph_symmetry_answers_and_properties_are_read_off_the_graph() -> None:
    """The other angle(s) with the same or the opposite value, and each property (maximum,
    minimum, period, where the graph crosses an axis), recomputed from the functions
    themselves over 0° ≤ x ≤ 360°; the wrong rules and the given angle itself score 0."""
    assert get_template("trigonometry.trig_graphs").tiers == (Tier.EXTENDED,)
    grid = range(0, 361)
    seen = set()
    for q in sample("trigonometry.trig_graphs"):
        assert q.tier == Tier.EXTENDED
        for part in q.parts:
            xs = answers(q, part.label)
            func = _func_in(part.text)
            f = _RATIOS[func]
            m = re.search(r"= (-?)\\(sin|cos|tan) (\d+)\^\\circ", part.text)
            if m:
                angle = int(m.group(3))
                k = -f(angle) if m.group(1) else f(angle)
                expected = [x for x in _roots(func, k) if x != angle]
                assert xs == expected, (q.variant.source, part.text)
                seen.add("opposite" if m.group(1) else "same")
            else:
                text = part.text
                defined = [x for x in grid if not (func == "tan" and x % 180 == 90)]
                zeros = [x for x in defined if abs(f(x)) < 1e-9]
                if "minimum value" in text:
                    expected = [min(f(x) for x in defined)]
                elif "maximum value" in text:
                    expected = [max(f(x) for x in defined)]
                elif "has its minimum" in text:
                    expected = [min(defined, key=f)]
                elif "period" in text:
                    expected = [
                        next(
                            p
                            for p in range(1, 361)
                            if all(f(x + p) == pytest.approx(f(x)) for x in (10, 37, 61))
                        )
                    ]
                elif "not defined" in text:
                    expected = [min(x for x in grid if abs(cosd(x)) < 1e-9)]
                elif "$y$-axis" in text:
                    expected = [f(0)]
                elif "between $90^\\circ$ and $270^\\circ$" in text:
                    expected = [x for x in zeros if 90 < x < 270]
                elif "smallest" in text:
                    expected = [min(x for x in zeros if x > 0)]
                else:  # crosses the x-axis strictly inside the range
                    expected = [x for x in zeros if 0 < x < 360]
                assert xs == pytest.approx(expected), (q.variant.source, text)
                seen.add("property")
            for w in q.wrong_answers:
                if w.part == part.label and (
                    w.error.startswith(("used ", "ignored the minus", "gave the angle already"))
                ):
                    assert w.marks_awarded == 0, (w.error, part.text)
    assert seen == {"same", "opposite", "property"}
