"""Mensuration templates (syllabus topic 5): every template verifies, and the answers obey the
geometry a teacher would check — similar figures scale, formulas agree with each other, unit
factors are powers of ten of the right dimension, diagrams are safe NOT TO SCALE sketches."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache

import pytest
import sympy

from generation.engine.base import Template, generate, get_template, templates
from generation.engine.expressions import parse
from generation.engine.verifier import verify
from generation.tests.engine.parts import part_labelled
from questions.schemas import Question, Tier

PREFIX = "mensuration."
SEEDS = range(2)


def keys(prefix: str) -> list[str]:
    return [t.key for t in templates() if t.key.startswith(prefix)]


def tier_for(template: Template, difficulty: int, seed: int) -> Tier:
    """Alternate the tiers a template serves so both are sampled."""
    return template.tiers[(difficulty + seed) % len(template.tiers)]


@cache
def sample(key: str) -> tuple[Question, ...]:
    """Two variants of each difficulty of one template (cached for the module)."""
    template = get_template(key)
    return tuple(
        generate(template, seed=s, difficulty=d, tier=tier_for(template, d, s)).question
        for d in range(1, 6)
        for s in SEEDS
    )


def givens(q: Question) -> dict[str, sympy.Expr]:
    return {g.name: parse(g.value) for g in q.givens}


def value(q: Question, machine: str, names: dict[str, sympy.Expr] | None = None) -> float:
    return float(sympy.N(parse(machine, names if names is not None else givens(q)), 30))


def answers(q: Question, label: str) -> list[float]:
    return [value(q, a.value) for a in part_labelled(q, label).answers if a.value]


# Powers of length in each unit, for the similar-figures check.
DIMENSION = {
    "": 0, "degrees": 0, "%": 0, "g/cm^3": 0, "litres per minute": 0,
    "mm": 1, "cm": 1, "m": 1, "km": 1,
    "mm^2": 2, "cm^2": 2, "m^2": 2, "km^2": 2,
    "mm^3": 3, "cm^3": 3, "m^3": 3, "litres": 3, "ml": 3, "g": 3, "kg": 3, "tonnes": 3,
}  # fmt: skip


def _dimension(unit: str) -> int | None:
    return DIMENSION.get(unit.replace("$^2$", "^2").replace("$^3$", "^3"))


def check_similar_figures(q: Question) -> None:
    """Doubling every length doubles lengths, multiplies areas by 4 and volumes (and masses)
    by 8, and leaves angles unchanged: the answers are functions of the shape, not of the
    numbers that happen to be drawn."""
    names = givens(q)
    scaled = {}
    for g in q.givens:
        power = _dimension(g.unit)
        assert power is not None, f"{q.variant.source}: unknown unit {g.unit!r} for {g.name}"
        scaled[g.name] = names[g.name] * 2**power
    for part in q.parts:
        for a in part.answers:
            power = _dimension(a.unit)
            if power is None or not a.value:
                continue
            before, after = value(q, a.value, names), value(q, a.value, scaled)
            assert after == pytest.approx(before * 2**power, rel=1e-9), (
                f"{q.variant.source} ({part.label}): {a.value} went from {before} to {after} "
                f"when every length doubled; expected a factor of {2**power}"
            )


def check_diagram(q: Question) -> None:
    if not q.diagram_svg:
        return
    root = ET.fromstring(q.diagram_svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    for element in root.iter():
        tag = element.tag.split("}")[-1]
        assert tag in {"svg", "line", "polygon", "polyline", "path", "circle", "text"}, tag
        assert not any("href" in k or k.startswith("on") for k in element.attrib), element.attrib
    assert "NOT TO SCALE" in q.diagram_svg


# --- every template -----------------------------------------------------------------------


@pytest.mark.parametrize("key", keys(PREFIX))
@pytest.mark.parametrize("difficulty", [1, 2, 3, 4, 5])
def test_template_passes_the_verifier(key: str, difficulty: int) -> None:
    template = get_template(key)
    seed = 11 * difficulty
    q = generate(
        template, seed=seed, difficulty=difficulty, tier=tier_for(template, difficulty, seed)
    ).question
    report = verify(q)
    assert report.passed, f"{key} d{difficulty}: {report.summary()}"


@pytest.mark.parametrize("key", keys(PREFIX))
def test_similar_figures_scale_and_diagrams_are_safe(key: str) -> None:
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


# --- topic checks ---------------------------------------------------------------------------


def test_unit_factors_are_powers_of_ten_of_the_right_dimension() -> None:
    for q in sample("mensuration.unit_conversion"):
        names = givens(q)
        for i, part in enumerate(q.parts, 1):
            if part.marks != 1:
                continue
            given_name = f"v{i}"
            ratio = sympy.nsimplify(parse(part.answers[0].value, names) / names[given_name])
            exponent = sympy.log(ratio, 10)
            assert exponent.is_integer, f"{part.text}: factor {ratio}"
            if "^2" in part.answers[0].unit or "$^2$" in part.text:
                assert exponent % 2 == 0, f"{part.text}: an area factor must be 100^n"


def test_trapezium_sloping_sides_and_equal_areas() -> None:
    for q in sample("mensuration.area_perimeter"):
        g = givens(q)
        if {"a", "b", "s", "h"} <= g.keys():  # isosceles trapezium with all sides given
            assert ((g["b"] - g["a"]) / 2) ** 2 + g["h"] ** 2 == g["s"] ** 2
        if "trapezium" in q.title and "A" in g:
            h = answers(q, "a")[0]
            assert float((g["a"] + g["b"]) / 2) * h == pytest.approx(float(g["A"]))
        if q.difficulty == 5:
            h = answers(q, "a")[0]
            rectangle = float(g["l"] * g["w"])
            if "triangle" in q.title:
                shape = float(g["b"]) * h / 2
            elif "parallelogram" in q.title:
                shape = float(g["b"]) * h
            else:
                shape = float(g["b"] + g["t"]) / 2 * h
            assert shape == pytest.approx(rectangle)


def test_circle_area_and_circumference_agree() -> None:
    for q in sample("mensuration.circle_area_circumference"):
        first, second = answers(q, "a")[0], answers(q, "b")[0]
        if q.difficulty == 5:  # (a) is the radius from the area
            assert 2 * float(sympy.pi) * first == pytest.approx(second)
        else:  # C^2 = 4 pi A
            assert second**2 == pytest.approx(4 * float(sympy.pi) * first)


@pytest.mark.parametrize("key", ["mensuration.arc_sector", "mensuration.circle_sector_exact"])
def test_sector_area_is_half_arc_times_radius(key: str) -> None:
    for q in sample(key):
        g = givens(q)
        if q.difficulty < 3 or "r" not in g or "theta" not in g and "alpha" not in g:
            continue
        angle = g["theta"] if "theta" in g else 360 - g["alpha"]
        arc = float(angle / 360 * 2 * sympy.pi * g["r"])
        area = answers(q, "a")[0] if key.endswith("exact") else answers(q, "b")[0]
        assert area == pytest.approx(arc * float(g["r"]) / 2)


def test_answers_in_terms_of_pi_are_exact_multiples_of_pi() -> None:
    for q in sample("mensuration.circle_sector_exact"):
        for part in q.parts:
            exact = parse(part.answers[0].value, givens(q))
            if part.answers[0].unit == "degrees":
                assert exact.is_Rational
                continue
            coefficient = sympy.expand(exact).coeff(sympy.pi)
            assert coefficient.is_Rational and coefficient != 0, exact
            assert (sympy.expand(exact) - coefficient * sympy.pi).is_Rational
            assert "pi" in part.answers[0].plain


def test_frustum_cones_are_similar_and_the_frustum_is_smaller() -> None:
    for q in sample("mensuration.frustum"):
        g = givens(q)
        if {"R", "H", "r", "h"} <= g.keys():
            assert g["r"] / g["R"] == g["h"] / g["H"]
        last = q.parts[-1]
        if last.answers[0].unit == "cm^3":
            big = float(sympy.pi * g["R"] ** 2 * g.get("H", 0) / 3) if "H" in g else None
            volume = answers(q, last.label)[0]
            assert volume > 0
            if big:
                assert volume < big


def test_solids_answers_follow_their_formulas() -> None:
    for q in sample("mensuration.sphere_cone_pyramid"):
        g = givens(q)
        if q.title.startswith("Sphere: radius"):
            r = answers(q, "a")[0]
            assert 4 / 3 * float(sympy.pi) * r**3 == pytest.approx(float(g["V"]))
            assert answers(q, "b")[0] == pytest.approx(4 * float(sympy.pi) * r**2)
        if q.title.startswith("Cone") and "l" not in g:
            slant = answers(q, "b")[0]
            assert slant**2 == pytest.approx(float(g["r"] ** 2 + g["h"] ** 2))
            assert answers(q, "c")[0] == pytest.approx(float(sympy.pi * g["r"]) * slant)


def test_units_in_context_counts_whole_glasses_tiles_and_minutes() -> None:
    for q in sample("mensuration.units_in_context"):
        g = givens(q)
        by_text = {p.label: p.text for p in q.parts}
        for label, text in by_text.items():
            got = answers(q, label)[0]
            if "glasses" in text:
                share = g["v"] * 1000 / g["g"]
                assert got == float(sympy.floor(share)), text  # whole glasses only, rounded down
                if "completely" in text:
                    assert share % 1 >= sympy.Rational(1, 2), "rounding to nearest must be wrong"
            elif "number of tiles" in text:
                per_row, rows = g["fl"] * 100 / g["s"], g["fw"] * 100 / g["s"]
                assert per_row.is_integer and rows.is_integer, "tiles must fit the floor exactly"
                assert got == float(per_row * rows)
            elif "in cm$^2$" in text:
                assert got == float(g["fl"] * g["fw"] * 10_000)  # 1 m^2 = 10 000 cm^2
            elif "tank" in text:
                height = g["th"] / 100 if f"${g['th']}$ cm" in text else g["th"]
                minutes = g["tl"] * g["tw"] * height * 1000 / g["r"]  # 1 m^3 = 1000 litres
                assert minutes.is_integer and got == float(minutes), text


def test_area_perimeter_reverse_lengths_give_back_the_stated_area_or_perimeter() -> None:
    """The length found, put back into the shape's own formula (written here, not taken from
    the template), gives the area or perimeter the question states; the figure labels the
    unknown with its letter; a parallelogram's halved answer and a rectangle's area-for-
    perimeter slip are listed as wrong and earn no more than the method mark."""
    seen = set()
    for q in sample("mensuration.area_perimeter_reverse"):
        g = givens(q)
        shape = q.variant.params["shape"]
        seen.add(shape)
        found = sympy.Rational(str(answers(q, "a")[0]))
        letter = part_labelled(q, "a").answers[0].label
        unit = part_labelled(q, "a").answers[0].unit
        assert f">{letter} {unit}<" in q.diagram_svg, f"the figure labels {letter}"
        if shape == "rectangle" and "A" in g:
            stated, recomputed = g["A"], g["l"] * found
        elif shape == "rectangle":
            stated, recomputed = g["P"], 2 * (g["l"] + found)
        elif shape == "triangle":
            stated, recomputed = g["A"], g["b"] * found / 2
        elif shape == "parallelogram":
            stated, recomputed = g["A"], found * g["h"]
        elif shape == "trapezium":
            stated, recomputed = g["A"], (g["a"] + found) / 2 * g["h"]
        else:  # an L-shape: the whole W by H rectangle less the corner cut from it
            stated = g["A"]
            recomputed = g["W"] * g["H"] - (g["W"] - found) * (g["H"] - g["u"])
            assert answers(q, "b")[0] == float(2 * (g["W"] + g["H"]))  # perimeter of an L
        assert recomputed == stated, (q.variant.source, shape, found)
        assert found.is_integer and found > 0
        first = part_labelled(q, "a").label
        wrongs = {w.error: w for w in q.wrong_answers if w.part == first}
        if shape == "parallelogram":
            halved = wrongs["halved, as for a triangle"]
            assert parse(halved.plain) == found / 2 and halved.marks_awarded < 2
        if shape == "rectangle" and "P" in g:
            slip = wrongs["used the area formula: divided the perimeter by the length"]
            assert slip.marks_awarded == 0
    assert seen == {"rectangle", "triangle", "parallelogram", "trapezium", "L-shape"}
