"""Geometry templates (topic 4), checked the way a teacher would: angle facts add up, reasons
match the relation between the angles, polygon angles fit (n - 2) x 180 and 360 / n, bearings
are 180 degrees apart, similar shapes keep one ratio for lengths (k), areas (k^2) and volumes
(k^3), symmetry counts are the known ones, and circle theorems hold.

Numbers are read back from the question text (or the recorded parameters) and the facts are
recomputed here, independently of the templates' own machine forms."""

from __future__ import annotations

import itertools
import math
import re
from functools import cache
from xml.etree import ElementTree

import pytest
import sympy

from generation.engine.base import generate, get_template
from generation.engine.expressions import parse_plain
from generation.engine.verifier import verify
from questions.schemas import Question, Tier

SEEDS = range(3)
KEYS = [
    "geometry.parallel_line_angles",
    "geometry.triangle_angles",
    "geometry.polygon_angles",
    "geometry.bearings",
    "geometry.map_scale",
    "geometry.construct_triangle",
    "geometry.similar_triangles",
    "geometry.similar_solids",
    "geometry.symmetry",
    "geometry.symmetry_pattern",
    "geometry.circle_semicircle_tangent",
    "geometry.circle_theorems",
    "geometry.circle_chords_tangents",
    "geometry.similar_rectangles",
    "geometry.circle_tangent_diameter",
]
x = sympy.Symbol("x", real=True)


@cache
def _variants(key: str) -> tuple[tuple[Tier, int, Question], ...]:
    template = get_template(key)
    return tuple(
        (tier, difficulty, generate(template, seed=seed, difficulty=difficulty, tier=tier).question)
        for tier in template.tiers
        for difficulty in range(1, 6)
        for seed in SEEDS
    )


def _value(question: Question, label: str, k: int = 0):
    return parse_plain(question.part(label).answers[k].plain)


def _angles_named(text: str) -> dict[str, sympy.Expr]:
    """'angle $ABC = 58^\\circ$' and 'angle $BAC = (3x + 35)^\\circ$' → {ABC: 58, BAC: 3x+35}."""
    found = {}
    for name, value in re.findall(r"[Aa]ngle \$([A-Z]{3}) = \(?([^$^)]+)\)?\^\\circ\$", text):
        found[name] = parse_plain(value)
    return found


def _number_after(pattern: str, text: str) -> sympy.Rational:
    match = re.search(pattern, text)
    assert match, (pattern, text)
    return sympy.Rational(match.group(1))


@pytest.mark.parametrize("key", KEYS)
def test_every_variant_passes_the_verifier_and_draws_clean_svg(key):
    failures = []
    for tier, difficulty, question in _variants(key):
        report = verify(question)
        if not report.passed:
            failures.append(f"{tier.value} d{difficulty}: {report.summary()}")
        if question.diagram_svg:
            svg = question.diagram_svg
            ElementTree.fromstring(svg)
            assert "<script" not in svg and "href" not in svg and "url(" not in svg
    assert not failures, "\n".join(failures[:5])


@pytest.mark.parametrize("key", KEYS)
def test_difficulty_changes_the_question(key):
    for tier in get_template(key).tiers:
        shapes = set()
        for t, _, question in _variants(key):
            if t == tier:
                shapes.add(
                    (
                        tuple(re.sub(r"[-\d.]+", "#", p.text) for p in question.parts),
                        question.total_marks,
                        question.calculator_policy,
                    )
                )
        assert len(shapes) >= 4, (key, tier)


def test_parallel_line_angles_follow_the_stated_reason():
    for _, difficulty, question in _variants("geometry.parallel_line_angles"):
        if difficulty <= 2:
            given = _number_after(r"One of the angles is \$(\d+)\^", question.stem)
            # at difficulty 1 the two parts are (a) and (b): Cambridge has no (a)(i) without (b)
            first, second = ("a", "b") if difficulty == 1 else ("a(i)", "a(ii)")
            x_value = _value(question, first)
            reason = question.part(second).answers[0].plain
            assert (x_value == given) if "equal" in reason else (x_value + given == 180)
            if difficulty == 2:
                y_value = _value(question, "b(i)")
                reason = question.part("b(ii)").answers[0].plain
                assert (y_value == x_value) if "equal" in reason else (y_value + x_value == 180)
        elif difficulty <= 4:
            left, right = re.findall(r"\$\((.+?)\)\^\\circ\$", question.stem)
            left, right = parse_plain(left), parse_plain(right)
            x_value = _value(question, "b")
            name = question.part("a").answers[0].plain
            a, b = left.subs(x, x_value), right.subs(x, x_value)
            assert (a + b == 180) if "co-interior" in name else (a == b)
            assert _value(question, "c") == a and 0 < a < 180
        else:
            angles = _angles_named(question.stem)
            assert _value(question, "a(i)") == angles["FGH"]  # alternate angles
            assert angles["FGH"] + angles["GKH"] + _value(question, "b") == 180


def test_triangle_angles_add_up():
    for _, difficulty, question in _variants("geometry.triangle_angles"):
        angles = _angles_named(question.stem)
        if difficulty == 1:
            base = angles["ABC"]
            assert 2 * base + _value(question, "a") == 180
            assert _value(question, "b(i)") + base == 180
        elif difficulty == 2:
            base = _value(question, "a")
            assert 2 * base + angles["BAC"] == 180
            assert _value(question, "b(i)") + base == 180
        elif difficulty == 3:
            acb = _value(question, "a(i)")
            assert acb + angles["ACD"] == 180 and 2 * acb + _value(question, "b") == 180
        else:
            x_value = _value(question, "a")
            values = {k: v.subs(x, x_value) for k, v in angles.items()}
            assert all(0 < v < 180 for v in values.values())
            if "ACD" in values:
                assert values["ACD"] == values["BAC"] + values["ABC"]
                assert _value(question, "b") + values["ACD"] == 180
            else:
                assert sum(values.values()) == 180
                assert _value(question, "b") == max(values.values())


def test_polygon_angles():
    for _, difficulty, question in _variants("geometry.polygon_angles"):
        if difficulty == 1:
            n = int(_number_after(r"with \$(\d+)\$ sides", question.stem))
            assert _value(question, "b") * n == 360
            assert _value(question, "b") + _value(question, "c") == 180
        elif difficulty == 2:
            n = int(_number_after(r"has \$(\d+)\$ sides", question.stem))
            assert _value(question, "a") == (n - 2) * 180
            assert _value(question, "b") * n == (n - 2) * 180
        elif difficulty == 3:
            exterior = _number_after(r"is \$(\d+)\^", question.stem)
            n = _value(question, "a")
            assert n * exterior == 360 and _value(question, "b") == (n - 2) * 180
        elif difficulty == 4:
            interior = _number_after(r"is \$(\d+)\^", question.stem)
            n = _value(question, "a")
            assert n * (180 - interior) == 360
            bad = _number_after(r"angle of \$(\d+)\^", question.part("b").text)
            assert (360 / (180 - bad)).q != 1  # really impossible
        else:
            sides = {"pentagon": 5, "hexagon": 6}[
                re.search(r"of a (\w+) are", question.stem).group(1)
            ]
            expressions = [
                parse_plain(e) for e in re.findall(r"\$\(?([^$]+?)\)?\^\\circ\$", question.stem)
            ]
            assert len(expressions) == sides
            x_value = _value(question, "a")
            values = [e.subs(x, x_value) for e in expressions]
            assert sum(values) == (sides - 2) * 180 and all(0 < v < 180 for v in values)
            assert _value(question, "b") == max(values)


def test_bearings_are_three_figure_and_back_bearings_differ_by_180():
    for _, difficulty, question in _variants("geometry.bearings"):
        for part in question.parts:
            value = parse_plain(part.answers[0].plain)
            assert 0 < value < 360
        if difficulty <= 2:
            theta = _number_after(r"from \$A\$ is \$(\d+)\^", question.stem)
            assert (_value(question, "") - theta) % 360 == 180
        elif difficulty == 3:
            theta = _number_after(r"bearing of \$(\d+)\^", question.stem)
            beta = _angles_named(question.stem)["ABC"]
            back, onward = _value(question, "a"), _value(question, "b")
            assert (back - theta) % 360 == 180
            turn = (onward - back) % 360
            assert beta in (turn, 360 - turn)
        else:
            t1 = _number_after(r"\$C\$ from \$A\$ is \$(\d+)\^", question.stem)
            t2 = _number_after(r"\$C\$ from \$B\$ is \$(\d+)\^", question.stem)
            assert (90 - t1) + (t2 - 270) + _value(question, "a" if difficulty == 5 else "") == 180
            if difficulty == 5:
                assert (_value(question, "b") - t1) % 360 == 180


def test_map_scale_conversions():
    for _, _, question in _variants("geometry.map_scale"):
        n = int(question.variant.params["n"])
        for part in question.parts:
            value = parse_plain(part.answers[0].plain)
            if "On the map" in part.text:
                cm = _number_after(r"is \$([\d.]+)\$ cm", part.text)
                assert value == cm * n / 100_000
            elif "actual distance" in part.text:
                km = _number_after(r"is \$([\d.]+)\$ km", part.text)
                assert value * n == km * 100_000
            elif "represents" in part.text:
                cm, m = (sympy.Rational(v) for v in re.findall(r"\$(\d+)\$", part.text)[:2])
                assert tuple(value) == (1, m * 100 / cm)
            else:
                area = _number_after(r"area of \$(\d+)\$ cm", part.text)
                assert value == area * (sympy.Rational(n, 100_000)) ** 2


def test_construction_measurements_match_the_triangle():
    for _, difficulty, question in _variants("geometry.construct_triangle"):
        ab, bc, ac = (
            _number_after(rf"\${side} = (\d+)\$", question.stem) for side in ("AB", "BC", "AC")
        )
        assert ab < bc + ac and bc < ab + ac and ac < ab + bc
        angle_b = math.degrees(math.acos(float((ab**2 + bc**2 - ac**2) / (2 * ab * bc))))
        measured = [p for p in question.parts if p.text.startswith("Measure")][0]
        assert abs(float(parse_plain(measured.answers[0].plain)) - angle_b) <= 0.5
        if difficulty >= 2:
            drawn = float(_value(question, "a"))
            assert 4 <= drawn <= 16  # fits on the page
        if difficulty >= 4:
            height = (
                2
                * float(
                    sympy.sqrt((ab + bc + ac) * (-ab + bc + ac) * (ab - bc + ac) * (ab + bc - ac))
                    / 4
                )
                / float(ab)
            )
            assert abs(float(_value(question, "d")) - height) <= 0.5


def test_similar_triangles_keep_one_ratio():
    for tier, difficulty, question in _variants("geometry.similar_triangles"):
        sides = {
            name: sympy.Rational(value)
            for name, value in re.findall(r"\$([A-Z]{2}) = ([\d.]+)\$ cm", question.stem)
        }
        answers = {
            m.group(1): parse_plain(p.answers[0].plain)
            for p in question.parts
            if (m := re.search(r"Calculate \$([A-Z]{2})\$", p.text))
        }
        if difficulty <= 2:
            k = sides["PQ"] / sides["AB"]
            assert answers["QR"] == sides["BC"] * k
            if "AC" in answers:
                assert answers["AC"] * k == sides["PR"]
        elif "DE" in sides and "AD" in sides:
            k = (sides["AD"] + sides["DB"]) / sides["AD"]
            assert answers["BC"] == sides["DE"] * k
            assert answers["EC"] + sides["AE"] == sides["AE"] * k
            if difficulty == 4 and tier == Tier.EXTENDED:
                area = _number_after(r"triangle \$ADE\$ is \$(\d+)\$", question.stem)
                shown = float(question.part("c").answers[0].plain)
                assert abs(shown - float(area * (k**2 - 1))) <= 0.005 * shown
        elif "CD" in sides:
            k = sides["DE"] / sides["AB"]
            assert answers["CE"] == sides["AC"] * k and answers["BC"] * k == sides["CD"]
        else:
            a1, a2 = (sympy.Rational(v) for v in re.findall(r"area \$([\d.]+)\$", question.stem))
            side = _number_after(r"smaller triangle is \$([\d.]+)\$ cm", question.stem)
            assert parse_plain(question.parts[0].answers[0].plain) == side * sympy.sqrt(a2 / a1)


def test_similar_solids_use_k_squared_for_area_and_k_cubed_for_volume():
    for _, difficulty, question in _variants("geometry.similar_solids"):
        numbers = [sympy.Rational(v) for v in re.findall(r"\$([\d.]+)\$ cm", question.stem)]
        for part in question.parts:
            shown = float(part.answers[0].plain)
            if difficulty <= 3:
                k = numbers[1] / numbers[0]
                if "surface area" in part.text:
                    base = _number_after(
                        r"surface area of the first \w+ is \$(\d+)\$", question.stem
                    )
                    expected = base * k**2
                else:
                    base = _number_after(r"volume of the first \w+ is \$(\d+)\$", question.stem)
                    expected = base * k**3
            elif difficulty == 4:
                v1, v2, h1 = numbers
                expected = h1 * sympy.cbrt(v2 / v1)
            else:
                s1, s2, v1 = numbers
                expected = v1 * sympy.sqrt(s2 / s1) ** 3
            assert abs(shown - float(expected)) <= 0.005 * shown, (question.stem, part.text)


_KNOWN = {  # lines of symmetry, order of rotational symmetry (independent of the template)
    "square": (4, 4),
    "rectangle": (2, 2),
    "rhombus": (2, 2),
    "parallelogram": (0, 2),
    "kite": (1, 1),
    "isosceles trapezium": (1, 1),
    "equilateral triangle": (3, 3),
}
_PLANES = {
    "cuboid": 3,
    "square ends": 5,
    "equilateral triangle": 4,
    "regular pentagon": 6,
    "regular hexagon": 7,
    "pyramid": 4,
    "cube with": 4,
}


def test_symmetry_counts():
    names = {"pentagon": 5, "hexagon": 6, "octagon": 8, "nonagon": 9, "decagon": 10}
    for tier, difficulty, question in _variants("geometry.symmetry"):
        if difficulty <= 2:
            shape = re.search(r"shows an? (?:regular )?(.+)\.", question.stem).group(1)
            expected = (names[shape],) * 2 if shape in names else _KNOWN[shape]
            assert (_value(question, "a"), _value(question, "b")) == expected
        elif tier == Tier.CORE:
            n = names[re.search(r"regular (\w+)", question.parts[0].text).group(1)]
            assert _value(question, "a") == n
            for part in question.parts[1:]:
                if part.answers[0].kind.value == "text":
                    assert part.answers[0].plain in _KNOWN
        else:
            key = next(k for k in _PLANES if k in question.stem)
            if key == "cuboid" and "squares" in question.stem:
                key = "square ends"
            assert _value(question, "a") == _PLANES[key]


# The square grid's symmetries on a square's centre (x, y), measured from the grid's centre.
_TURNS = {90: lambda x, y: (-y, x), 180: lambda x, y: (-x, -y), 270: lambda x, y: (y, -x)}
_MIRRORS = {
    "vertical": lambda x, y: (-x, y),
    "horizontal": lambda x, y: (x, -y),
    "diagonal": lambda x, y: (y, x),
    "other diagonal": lambda x, y: (-y, -x),
}
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _maps_onto_itself(cells, n, op):
    # Twice the offset from the grid's centre, so whole numbers (squares numbered from 1).
    centred = {(2 * c - n - 1, 2 * r - n - 1) for c, r in cells}
    return {op(x, y) for x, y in centred} == centred


def _lines_and_order(cells, n):
    lines = sum(_maps_onto_itself(cells, n, op) for op in _MIRRORS.values())
    return lines, 1 + sum(_maps_onto_itself(cells, n, op) for op in _TURNS.values())


def _shaded_squares(svg, n):
    """The shaded squares of each grid, read from the figure: (column, row) from 1 at the
    bottom left, the grids from left to right."""
    root = ElementTree.fromstring(svg)
    tag = "{http://www.w3.org/2000/svg}"
    edges = [
        e
        for e in root.iter(f"{tag}line")
        if e.get("stroke-width") == "1.5" and not e.get("stroke-dasharray")
    ]
    upright = sorted({float(e.get("x1")) for e in edges if e.get("x1") == e.get("x2")})
    bottom = max(float(e.get(a)) for e in edges for a in ("y1", "y2"))
    grids = [(upright[i], (upright[i + 1] - upright[i]) / n) for i in range(0, len(upright), 2)]
    cells = [set() for _ in grids]
    for polygon in root.iter(f"{tag}polygon"):
        if polygon.get("fill") in (None, "none"):
            continue
        points = [tuple(map(float, p.split(","))) for p in polygon.get("points").split()]
        x = sum(p[0] for p in points) / len(points)
        y = sum(p[1] for p in points) / len(points)
        i = max(j for j, (left, _) in enumerate(grids) if left < x)
        left, size = grids[i]
        cells[i].add((int((x - left) // size) + 1, int((bottom - y) // size) + 1))
    return cells


def _has(target, mirror, cells, n):
    lines, order = _lines_and_order(cells, n)
    if target == "line":
        return _maps_onto_itself(cells, n, _MIRRORS[mirror])
    if target.startswith("rotational symmetry of order"):
        return order == int(target.strip("$")[-1])
    return lines == (2 if "exactly $2$" in target else 4)


def test_symmetry_pattern_has_one_way_to_shade_and_states_the_finished_symmetry():
    """Read back from the figure: the squares shaded; from the text: how many more to shade
    and the symmetry asked for. The answer's squares give the pattern that symmetry, no other
    set of that many squares does (every choice tried, or for four lines: a pattern with four
    lines is the whole orbit of its squares), and (b) is the finished pattern's count."""
    for _tier, difficulty, question in _variants("geometry.symmetry_pattern"):
        n = int(re.search(r"(\d) by \d grids?", question.stem).group(1))
        grids = _shaded_squares(question.diagram_svg, n)
        shading = [p for p in question.parts if p.text.startswith("On ")]
        assert len(grids) == len(shading) == (2 if difficulty == 5 else 1)
        for i, (shaded, part) in enumerate(zip(grids, shading, strict=True), 1):
            k = _WORDS[re.search(r"shade (\w+) more", part.text).group(1)]
            target = re.search(r"so that (?:the pattern has )?(.+)\.$", part.text).group(1)
            mirror = question.variant.params[f"mirror{i}"]
            if "dashed line" in target:
                target = "line"
                assert "stroke-dasharray" in question.diagram_svg, "the line of symmetry is drawn"
            answer = {tuple(int(v) for v in p) for p in _value(question, part.label)}
            assert len(answer) == k and not answer & shaded, (question.stem, part.text)
            finished = shaded | answer
            assert _has(target, mirror, finished, n), (difficulty, target, sorted(finished))
            free = [(c, r) for c in range(1, n + 1) for r in range(1, n + 1)]
            free = [square for square in free if square not in shaded]
            if math.comb(len(free), k) <= 40_000:
                ways = [
                    extra
                    for extra in itertools.combinations(free, k)
                    if _has(target, mirror, shaded | set(extra), n)
                ]
                assert ways == [tuple(sorted(answer))], (difficulty, target, ways[:3])
            elif "$4$ lines" in target:  # four lines: the pattern is the whole orbit of a square
                orbit = set(shaded)
                for _ in range(4):
                    orbit |= {(r, c) for c, r in orbit} | {(n + 1 - c, r) for c, r in orbit}
                assert orbit == finished
            else:  # order 4: the pattern is each square's four quarter-turn images
                assert "order $4$" in target, (target, "too many ways to try them all")
                orbit = set(shaded)
                for _ in range(4):
                    orbit |= {(n + 1 - r, c) for c, r in orbit}
                assert orbit == finished
            lines, order = _lines_and_order(finished, n)
            stated = question.parts[question.parts.index(part) + 1]
            expected = lines if "lines of symmetry" in stated.text else order
            assert _value(question, stated.label) == expected
            for wrong_answer in question.wrong_answers:
                if wrong_answer.part == part.label:
                    assert parse_plain(wrong_answer.plain) != _value(question, part.label)


def test_circle_theorems_hold():
    for _, _, question in _variants("geometry.circle_semicircle_tangent"):
        a = _angles_named(question.stem)["CAB"]
        values = {
            p.text: parse_plain(p.answers[0].plain)
            for p in question.parts
            if p.answers[0].kind.value == "number"
        }
        for text, value in values.items():
            if "ACB" in text:
                assert value == 90
            if "angle $ABC" in text:
                assert value == 90 - a
            if "CBT" in text:
                assert value == a  # = 90 - (90 - a), also the alternate segment theorem
            if "BOC" in text:
                assert value == 2 * a  # the angle at the centre, by isosceles triangles
            if "OTC" in text:
                assert value == 90 - 2 * a
    for _, _, question in _variants("geometry.circle_theorems"):
        angles = _angles_named(question.stem)
        answers = {
            re.search(r"angle \$([A-Z]{3})\$", p.text).group(1): parse_plain(p.answers[0].plain)
            for p in question.parts
            if p.answers[0].kind.value == "number"
        }
        if "ABC" in angles:
            assert answers["ADC"] + angles["ABC"] == 180  # cyclic quadrilateral
        if "AOC" in answers:
            assert answers["AOC"] == 2 * angles["ABC"]  # angle at the centre
        if "BDC" in answers:
            assert answers["BDC"] == angles["BAC"]  # same segment
        if "ACB" in answers:
            assert answers["ACB"] == angles["TAB"]  # alternate segment
            assert answers["BAC"] + angles["ABC"] + answers["ACB"] == 180
        if "ADB" in answers:
            assert answers["ADB"] == angles["TAB"]
            assert answers["ABC"] + answers["ADB"] + angles["BDC"] == 180
        if "OAB" in answers:
            assert answers["OAB"] == 90 - angles["TAB"]


def test_equal_tangents_and_chord_lengths():
    for _, difficulty, question in _variants("geometry.circle_chords_tangents"):
        if difficulty == 1:
            assert _value(question, "a(i)") == _number_after(r"\$PA = ([\d.]+)\$", question.stem)
            assert _value(question, "b(i)") == 90
        elif difficulty == 2:
            t = _angles_named(question.stem)["APB"]
            assert _value(question, "a") + t == 180 and 2 * _value(question, "b(i)") + t == 180
        elif difficulty == 4:
            r = _number_after(r"radius of the circle is \$(\d+)\$", question.stem)
            op = _number_after(r"\$OP = (\d+)\$", question.stem)
            pa = float(_value(question, "a"))
            assert abs(pa**2 + r**2 - op**2) <= 0.01 * float(op**2)
        elif difficulty == 3:
            r = _number_after(r"radius \$(\d+)\$", question.stem)
            chord = _number_after(r"\$AB = (\d+)\$", question.stem)
            assert _value(question, "a") == chord / 2
            assert _value(question, "b") ** 2 + (chord / 2) ** 2 == r**2
        else:
            r = _number_after(r"radius \$(\d+)\$", question.stem)
            om = _number_after(r"\$OM = (\d+)\$", question.stem)
            chord = float(_value(question, "a"))
            assert abs((chord / 2) ** 2 + om**2 - r**2) <= 0.01 * float(r**2)
            assert _value(question, "b(i)") == om  # equal chords are equidistant


# -- geometry.similar_rectangles and geometry.circle_tangent_diameter --------------------------
NEW_KEYS = ["geometry.similar_rectangles", "geometry.circle_tangent_diameter"]
NEW_SEEDS = range(4)


def _new_variants(key: str):
    template = get_template(key)
    for tier in template.tiers:
        for difficulty in range(1, 6):
            for seed in NEW_SEEDS:
                yield (
                    tier,
                    difficulty,
                    generate(template, seed=seed, difficulty=difficulty, tier=tier).question,
                )


@pytest.mark.parametrize("key", NEW_KEYS)
def test_new_geometry_templates_verify_and_declare_their_codes(key):
    codes = {Tier.CORE: {"C4.4", "C4.7"}, Tier.EXTENDED: {"E4.4", "E4.7"}}
    tiers = set()
    for tier, difficulty, question in _new_variants(key):
        tiers.add(tier)
        report = verify(question)
        assert report.passed, (tier, difficulty, report.summary())
        assert set(question.syllabus_codes) <= codes[tier]
        assert question.diagram_svg and "NOT TO SCALE" in question.diagram_svg
        ElementTree.fromstring(question.diagram_svg)
    assert tiers == {Tier.CORE, Tier.EXTENDED}


def _cm(name: str, text: str) -> sympy.Rational:
    match = re.search(rf"\${name} = ([\d.]+)\$ cm", text)
    assert match, (name, text)
    return sympy.Rational(match.group(1))


def test_similar_rectangles_lengths_perimeter_and_area_follow_one_scale_factor():
    for _tier, difficulty, question in _new_variants("geometry.similar_rectangles"):
        stem = question.stem
        ab, pq = _cm("AB", stem), _cm("PQ", stem)
        k = pq / ab
        svg_text = " ".join(ElementTree.fromstring(question.diagram_svg).itertext())
        assert f"{_fmt(ab)} cm" in svg_text and f"{_fmt(pq)} cm" in svg_text
        answer = _value(question, question.parts[-1].label)
        if difficulty in (1, 2):
            assert answer == _cm("BC", stem) * k
        if difficulty == 1:
            assert _value(question, "a") == k
        if difficulty == 3:
            assert answer == _cm("QR", stem) / k
        if difficulty == 4:
            assert answer == 2 * (pq + _cm("BC", stem) * k)
        if difficulty == 5:
            area = _number_after(r"ABCD\$ is \$(\d+)\$ cm", stem)
            assert answer == area * k**2
        # Wrong answers get what the scheme gives: never full marks, and each is wrong.
        for wrong_answer in question.wrong_answers:
            part = question.part(wrong_answer.part)
            assert parse_plain(wrong_answer.plain) != _value(question, part.label)
            assert wrong_answer.marks_awarded < part.marks


def _fmt(value: sympy.Rational) -> str:
    return str(int(value)) if value.q == 1 else str(float(value)).rstrip("0")


def test_circle_tangent_diameter_angles_recomputed_and_reasons_match():
    for tier, difficulty, question in _new_variants("geometry.circle_tangent_diameter"):
        t = int(_number_after(r"Angle \$ATO = (\d+)\^\\circ\$", question.stem))
        assert f"{t}°" in question.diagram_svg
        # Right angle OAT (tangent-radius) and triangle OAT give AOT; angle at the centre
        # (or the isosceles triangle AOC) gives ACB; the semicircle gives ABC.
        expected = {
            "angle $AOT$": 90 - t,
            "angle $OAT$": 90,
            "angle $BAC$": 90,
            "angle $ACB$": sympy.Rational(90 - t, 2),
            "angle $OCA$": sympy.Rational(90 - t, 2),
            "angle $ADB$": sympy.Rational(90 - t, 2),
            "angle $ABC$": 90 - sympy.Rational(90 - t, 2),
            "angle $CAT$": 90 + sympy.Rational(90 - t, 2),
        }
        reasons = []
        for part in question.parts:
            for name, value in expected.items():
                if part.text.startswith(("Work out " + name, "Write down the size of " + name)):
                    assert _value(question, part.label) == value, (part.label, t)
            if part.text.startswith("Give"):
                reasons.append(question.part(part.label).answers[0].plain)
                assert part.marks == 1
        if tier == Tier.EXTENDED and difficulty in (3, 4):
            assert "the angle at the centre is twice the angle at the circumference" in reasons
        if tier == Tier.CORE:
            assert all("centre" not in r and "segment" not in r for r in reasons)
        for wrong_answer in question.wrong_answers:
            part = question.part(wrong_answer.part)
            assert wrong_answer.marks_awarded < part.marks
            if part.marks <= 2:
                assert wrong_answer.marks_awarded == 0
