"""Coordinate geometry templates (topic 3), checked the way a teacher would: the line in the
answer really passes through the given points, parallel lines share a gradient, perpendicular
gradients multiply to -1, midpoints and lengths are right, and tables of values fit the line.

The checks read the numbers back from the question text and recompute them independently of
the engine (with Fractions and SymPy), so a template that states one thing and marks another
fails here even if its own machine forms agree with themselves."""

from __future__ import annotations

import re
from fractions import Fraction
from functools import cache
from xml.etree import ElementTree

import pytest
import sympy

from generation.engine.base import generate, get_template
from generation.engine.expressions import parse_plain
from generation.engine.marking import mark_part
from generation.engine.verifier import verify
from questions.schemas import Question, Tier

SEEDS = range(4)
KEYS = [
    "coordinate.parallelogram_vertex",
    "coordinate.symmetric_vertices",
    "coordinate.table_of_values",
    "coordinate.gradient",
    "coordinate.length_midpoint",
    "coordinate.line_equation",
    "coordinate.parallel_line",
    "coordinate.perpendicular_line",
]
x, y = sympy.symbols("x y", real=True)


@cache
def _variants(key: str) -> tuple[tuple[Tier, int, Question], ...]:
    template = get_template(key)
    found = []
    for tier in template.tiers:
        for difficulty in range(1, 6):
            for seed in SEEDS:
                question = generate(template, seed=seed, difficulty=difficulty, tier=tier).question
                found.append((tier, difficulty, question))
    return tuple(found)


def _points(text: str) -> dict[str, tuple[Fraction, Fraction]]:
    """Every named point written as $A(3, -2)$ or '$A$ is the point $(3, -2)$' in the text."""
    found = {}
    for name, px, py in re.findall(r"\$([A-Z])\s*\((-?[\d.]+), (-?[\d.]+)\)\$", text):
        found[name] = (Fraction(px), Fraction(py))
    for name, px, py in re.findall(
        r"\$([A-Z])\$ is the point \$\((-?[\d.]+), (-?[\d.]+)\)\$", text
    ):
        found[name] = (Fraction(px), Fraction(py))
    return found


def _line(plain: str) -> sympy.Equality:
    relation = parse_plain(plain)
    assert isinstance(relation, sympy.Equality), plain
    return relation


def _on(relation: sympy.Equality, point: tuple) -> bool:
    return sympy.simplify((relation.lhs - relation.rhs).subs({x: point[0], y: point[1]})) == 0


def _gradient(relation: sympy.Equality) -> sympy.Expr:
    solved = sympy.solve(relation, y)
    assert len(solved) == 1
    return sympy.diff(solved[0], x)


def _stated_line(stem: str) -> sympy.Equality:
    match = re.search(r"equation \$(.+?)\$", stem) or re.search(r"values for \$(.+?)\$", stem)
    assert match, stem
    latex = match.group(1)
    latex = re.sub(r"\\frac\{(\d+)\}\{(\d+)\}", r"(\1/\2)", latex)
    return _line(latex)


@pytest.mark.parametrize("key", KEYS)
def test_every_variant_passes_the_verifier_and_draws_clean_svg(key):
    failures = []
    for tier, difficulty, question in _variants(key):
        report = verify(question)
        if not report.passed:
            failures.append(f"{tier.value} d{difficulty}: {report.summary()}")
        if question.diagram_svg:
            svg = question.diagram_svg
            ElementTree.fromstring(svg)  # well-formed
            assert "<script" not in svg and "href" not in svg and "url(" not in svg
    assert not failures, "\n".join(failures[:5])


@pytest.mark.parametrize("key", KEYS)
def test_variants_vary_and_difficulty_changes_the_question(key):
    for tier in get_template(key).tiers:
        by_difficulty = {}
        for t, difficulty, question in _variants(key):
            if t == tier:
                by_difficulty.setdefault(difficulty, []).append(question)
        for questions in by_difficulty.values():
            assert len({q.variant.key for q in questions}) >= len(questions) - 1
        # The wording of the parts (numbers aside), the marks and the calculator policy: at
        # least three of the five difficulties must ask a different kind of question.
        shapes = {
            d: (
                tuple(re.sub(r"[-\d.]+", "#", p.text) for p in qs[0].parts),
                qs[0].total_marks,
                qs[0].calculator_policy,
                bool(qs[0].diagram_svg),
            )
            for d, qs in by_difficulty.items()
        }
        assert len(set(shapes.values())) >= 3, shapes


def test_parallelogram_fourth_vertex_makes_the_diagonals_bisect_each_other():
    for _, difficulty, question in _variants("coordinate.parallelogram_vertex"):
        if difficulty <= 2:
            p = {k: parse_plain(v) for k, v in question.variant.params.items()}
            d = parse_plain(question.part("b").answers[0].plain)
            assert p["A"][0] + p["C"][0] == p["B"][0] + d[0]
            assert p["A"][1] + p["C"][1] == p["B"][1] + d[1]
            assert parse_plain(question.parts[0].answers[0].plain) in p.values()
            continue
        pts = _points(question.stem)
        first = question.parts[0]
        found = parse_plain(first.answers[0].plain)
        pts["C" if "C" not in pts else "D"] = tuple(Fraction(int(v)) for v in found)
        a, b, c, dd = pts["A"], pts["B"], pts["C"], pts["D"]
        assert (a[0] + c[0], a[1] + c[1]) == (b[0] + dd[0], b[1] + dd[1]), question.stem
        if difficulty == 5:
            e = parse_plain(question.part("b").answers[0].plain)
            # ABEC: the diagonals AE and BC bisect each other.
            assert (a[0] + e[0], a[1] + e[1]) == (b[0] + c[0], b[1] + c[1])


def test_table_of_values_and_axis_crossings_lie_on_the_line():
    for _, difficulty, question in _variants("coordinate.table_of_values"):
        line = _stated_line(question.stem)
        table = question.part("a")
        for answer in table.answers:
            xv = Fraction(answer.label.split("x = ")[1])
            assert _on(line, (xv, parse_plain(answer.plain))), (question.stem, answer.label)
        shown = re.findall(r"x & (.+?) \\\\ \\hline y & (.+?) \\\\", table.text)[0]
        for xv, yv in zip(shown[0].split(" & "), shown[1].split(" & "), strict=True):
            if yv.strip():
                yv = re.sub(r"\\frac\{(\d+)\}\{(\d+)\}", r"(\1/\2)", yv)
                assert _on(line, (Fraction(xv), parse_plain(yv)))
        crossing = parse_plain(question.part("b").answers[0].plain)
        assert crossing[0] == 0 and _on(line, crossing)
        if difficulty >= 3:
            crossing = parse_plain(question.part("c").answers[0].plain)
            assert crossing[1] == 0 and _on(line, crossing)
        if difficulty == 5:
            p_value = parse_plain(question.part("d").answers[0].plain)
            y_value = Fraction(re.search(r"\(p, (-?[\d.]+)\)", question.part("d").text).group(1))
            assert _on(line, (p_value, y_value))


def test_gradient_answers_match_rise_over_run():
    for _, difficulty, question in _variants("coordinate.gradient"):
        if difficulty == 1:
            p = parse_plain(question.variant.params["P"])
            r = parse_plain(question.variant.params["Q"])
            expected = sympy.Rational(r[1] - p[1], r[0] - p[0])
            assert parse_plain(question.parts[0].answers[0].plain) == expected
        elif difficulty in (2, 3, 5):
            pts = _points(question.stem)
            (ax, ay), (bx, by) = pts["A"], pts["B"]
            assert parse_plain(question.parts[0].answers[0].plain) == sympy.Rational(
                by - ay, bx - ax
            )
        if difficulty == 4:
            m = re.search(r"\$A\((-?\d+), k\)\$ and \$B\((-?\d+), (-?\d+)\)\$", question.stem)
            xa, xb, yb = (int(v) for v in m.groups())
            k = parse_plain(question.parts[0].answers[0].plain)
            stated = re.search(r"gradient \$(.+?)\$", question.stem).group(1)
            stated = parse_plain(re.sub(r"\\frac\{(\d+)\}\{(\d+)\}", r"(\1/\2)", stated))
            assert sympy.Rational(yb - k, xb - xa) == stated
        if difficulty == 5:
            pts = _points(question.stem)
            (ax, ay), (bx, by) = pts["A"], pts["B"]
            yc = int(re.search(r"C\(h, (-?\d+)\)", question.part("b").text).group(1))
            h = parse_plain(question.part("b").answers[0].plain)
            assert sympy.Rational(yc - ay) * (bx - ax) == (by - ay) * (h - ax)


def test_midpoints_and_lengths():
    for _, difficulty, question in _variants("coordinate.length_midpoint"):
        if difficulty == 5:
            m = re.search(
                r"\$\((-?\d+), k\)\$ and \$Q\$ is the point \$\((-?\d+), (-?\d+)\)\$", question.stem
            )
            xp, xq, yq = (int(v) for v in m.groups())
            d = int(re.search(r"length of \$PQ\$ is \$(\d+)\$", question.stem).group(1))
            ks = [parse_plain(a.plain) for a in question.part("a").answers]
            assert len(set(ks)) == 2
            assert all((xq - xp) ** 2 + (yq - k) ** 2 == d * d for k in ks)
            continue
        pts = _points(question.stem)
        a = pts["A"]
        if difficulty == 4:
            mid = pts["M"]
            b = tuple(Fraction(int(v)) for v in parse_plain(question.part("a").answers[0].plain))
            assert ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) == mid
        else:
            b = pts["B"]
            mid = parse_plain(question.part("a").answers[0].plain)
            assert (sympy.Rational(a[0] + b[0], 2), sympy.Rational(a[1] + b[1], 2)) == tuple(mid)
        exact = sympy.sqrt((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2)
        shown = question.part("b").answers[0]
        if shown.accuracy.value == "exact":
            assert sympy.simplify(parse_plain(shown.plain) - exact) == 0
        else:
            assert abs(float(shown.plain) - float(exact)) <= 0.005 * float(exact)


def test_line_through_two_points_passes_through_both():
    for _, difficulty, question in _variants("coordinate.line_equation"):
        label = "b" if difficulty == 2 else ("a" if difficulty == 5 else "")
        line = _line(question.part(label).answers[0].plain)
        if difficulty == 1:
            m, c = (int(question.variant.params[k]) for k in ("m", "c"))
            assert _on(line, (0, c)) and _on(line, (1, m + c))
            continue
        pts = _points(question.stem)
        assert _on(line, pts["A"]) and _on(line, pts["B"]), question.stem
        if difficulty == 5:
            crossing = parse_plain(question.part("b").answers[0].plain)
            assert crossing[1] == 0 and _on(line, crossing)


def test_parallel_line_has_the_same_gradient_and_passes_through_the_point():
    for _, difficulty, question in _variants("coordinate.parallel_line"):
        final = [p for p in question.parts if p.answers[0].kind.value == "equation"][-1]
        line = _line(final.answers[0].plain)
        if "passes through the points" in question.stem:
            pts = _points(question.stem)
            (ax, ay), (bx, by) = pts["A"], pts["B"]
            given_gradient = sympy.Rational(by - ay, bx - ax)
            original = sympy.Eq(y - ay, given_gradient * (x - ax))
        else:
            original = _stated_line(question.stem)
            given_gradient = _gradient(original)
        assert _gradient(line) == given_gradient
        assert sympy.simplify(original.lhs - original.rhs - (line.lhs - line.rhs)) != 0
        if difficulty == 1:
            point = (0, parse_plain(re.search(r"point \$\(0, (-?\d+)\)\$", final.text).group(1)))
        else:
            point = _points(final.text)["P"]
        assert _on(line, point)


def test_perpendicular_gradients_multiply_to_minus_one():
    for _, difficulty, question in _variants("coordinate.perpendicular_line"):
        final = [p for p in question.parts if p.answers[0].kind.value == "equation"][0]
        line = _line(final.answers[0].plain)
        if difficulty <= 2:
            original = _stated_line(question.stem)
            point = tuple(
                Fraction(v)
                for v in re.search(r"point \$\((-?\d+), (-?\d+)\)\$", final.text).groups()
            )
            assert _gradient(line) * _gradient(original) == -1
            assert _on(line, point)
        elif difficulty <= 4:
            pts = _points(question.stem)
            a, b = pts["A"], pts["B"]
            assert _gradient(line) * sympy.Rational(b[1] - a[1], b[0] - a[0]) == -1
            # Every point of a perpendicular bisector is the same distance from A and B.
            for xv in (0, 7):
                yv = sympy.solve(line.subs(x, xv), y)[0]
                assert (xv - a[0]) ** 2 + (yv - a[1]) ** 2 == (xv - b[0]) ** 2 + (yv - b[1]) ** 2
        else:
            stated = re.search(r"equation \$(.+?)\$", question.stem).group(1)
            original = _line(stated)
            point = tuple(
                Fraction(v)
                for v in re.search(r"point \$\((-?\d+), (-?\d+)\)\$", question.stem).groups()
            )
            assert _gradient(line) * _gradient(original) == -1
            assert _on(line, point)
            foot = parse_plain(question.part("b").answers[0].plain)
            assert _on(line, foot) and _on(original, foot)


# --- Second question types for C3.2 and C3.6: coordinate.graph_solving and
# coordinate.parallel_gradients (branch tplB2) ---------------------------------------------

SECOND_KEYS = ["coordinate.graph_solving", "coordinate.parallel_gradients"]
SECOND_CODES = {
    "coordinate.graph_solving": "3.2",
    "coordinate.parallel_gradients": "3.6",
}


def _accepted(question: Question, part: str, variable: str) -> tuple[Fraction, Fraction]:
    """The range a mark line accepts for a reading: '$x = 2.3$, accept $[2.2, 2.5]$'."""
    for line in question.mark_scheme:
        found = re.search(rf"\${variable} = .+?\$, accept \$\[(.+?), (.+?)\]\$", line.awarded_for)
        if line.part == part and found:
            return Fraction(found.group(1)), Fraction(found.group(2))
    raise AssertionError(f"no accepted range for {variable} in part {part}")


def _marker_gives(question: Question, wrong) -> int:
    from generation.engine.marking import mark_part, split_final_answers

    answers = len(question.part(wrong.part).answers)
    return mark_part(question, wrong.part, split_final_answers(wrong.plain, answers), wrong.working)


@pytest.mark.parametrize("key", SECOND_KEYS)
def test_second_types_verify_vary_and_carry_their_codes(key):
    test_every_variant_passes_the_verifier_and_draws_clean_svg(key)
    test_variants_vary_and_difficulty_changes_the_question(key)
    template = get_template(key)
    assert set(template.tiers) == {Tier.CORE, Tier.EXTENDED}
    for tier, _, question in _variants(key):
        prefix = "C" if tier == Tier.CORE else "E"
        assert question.syllabus_codes == [prefix + SECOND_CODES[key]]
        assert question.tier == tier
        # Every listed wrong answer earns what the marker gives it, and less than full marks.
        for wrong in question.wrong_answers:
            assert wrong.marks_awarded == _marker_gives(question, wrong), wrong
            assert wrong.marks_awarded < question.part(wrong.part).marks, wrong


def test_graph_solving_table_readings_and_crossing_are_right():
    for _, difficulty, question in _variants("coordinate.graph_solving"):
        table = question.part("a")
        line = _stated_line(table.text)
        # The table's printed and asked-for y values lie on the line.
        for answer in table.answers:
            xv = Fraction(answer.label.split("x = ")[1])
            assert _on(line, (xv, Fraction(answer.plain))), (table.text, answer)
        shown = re.findall(r"x & (.+?) \\\\ \\hline y & (.+?) \\\\", table.text)[0]
        for xv, yv in zip(shown[0].split(" & "), shown[1].split(" & "), strict=True):
            if yv.strip():
                assert _on(line, (Fraction(xv), Fraction(yv)))
        assert len(table.answers) == table.marks  # B1 for each value
        # x read from the graph at a given y: within half a small square (0.05) of the exact
        # value, inside the accepted range, and the range no wider than two small squares
        # either side.
        reading = question.part("c")
        y0 = Fraction(re.search(r"when \$y = (-?[\d.]+)\$", reading.text).group(1))
        exact = sympy.solve(line.subs(y, y0), x)[0]
        read = Fraction(reading.answers[0].plain)
        low, high = _accepted(question, "c", "x")
        assert abs(read - exact) <= Fraction(1, 20)
        assert low <= exact <= high and low <= read <= high
        assert high - low <= Fraction(4, 10)
        if difficulty == 1:
            assert "M" not in question.stem
            continue
        # Where the line meets the drawn line M: the readings are the exact crossing to a small
        # square (x to 0.1, y to 0.2), inside the ranges; whole numbers at difficulty 2 and 3.
        m_line = _line(
            re.search(r"\$M\$, \$(.+?)\$", question.stem).group(1).replace("\\frac{1}{2}", "(1/2)")
        )
        crossing = sympy.solve([line, m_line], [x, y], dict=True)[0]
        meeting = question.part("d")
        for answer, resolution in zip(
            meeting.answers, (Fraction(1, 10), Fraction(1, 5)), strict=True
        ):
            variable = sympy.Symbol(answer.variable, real=True)
            exact = crossing[variable]
            low, high = _accepted(question, "d", answer.variable)
            assert abs(Fraction(answer.plain) - exact) <= resolution / 2
            assert low <= exact <= high
            if difficulty <= 3:
                assert exact.is_integer
        # The wrong crossings a teacher sees (the y-axis crossing of M) earn nothing.
        assert all(w.marks_awarded == 0 for w in question.wrong_answers if w.part == "d")


def _four_lines(stem: str) -> dict[str, sympy.Equality]:
    return {letter: _line(latex) for letter, latex in re.findall(r"([A-D]): \$(.+?)\$", stem)}


def test_parallel_gradients_pair_gradient_k_and_h_are_right():
    for tier, difficulty, question in _variants("coordinate.parallel_gradients"):
        lines = _four_lines(question.stem)
        assert len(lines) == 4
        gradients = {letter: _gradient(line) for letter, line in lines.items()}
        # Exactly one pair shares a gradient, the two lines are distinct, and it is the answer.
        pairs = [(a, b) for a in "ABCD" for b in "ABCD" if a < b and gradients[a] == gradients[b]]
        assert len(pairs) == 1, question.stem
        a, b = pairs[0]
        assert sympy.simplify(lines[a].lhs - lines[a].rhs - (lines[b].lhs - lines[b].rhs)) != 0
        pick = next(p for p in question.parts if "letters" in p.text)
        assert pick.answers[0].plain == f"{a} and {b}"
        # Every distractor pair offered as a wrong answer is really not parallel, and scores 0.
        for wrong in question.wrong_answers:
            if wrong.part == pick.label:
                first, second = wrong.plain.split(" and ")
                assert gradients[first] != gradients[second]
                assert wrong.marks_awarded == 0
        if difficulty >= 2:
            # The trap: a line whose coefficient of x is the parallel gradient but is not.
            coefficients = {
                letter: sympy.Poly(line.rhs, x).coeff_monomial(x)
                for letter, line in lines.items()
                if line.lhs != y and line.lhs.is_Mul
            }
            assert any(
                c == gradients[a] and gradients[letter] != gradients[a]
                for letter, c in coefficients.items()
            ), question.stem
        asked = next(p for p in question.parts if "gradient of line" in p.text)
        letter = re.search(r"line ([A-D])", asked.text).group(1)
        assert parse_plain(asked.answers[0].plain) == gradients[letter]
        for part in question.parts:
            if "Find the value of $k$" in part.text:
                target = re.search(r"parallel to line ([A-D])", part.text).group(1)
                p_line = _line(re.search(r"equation \$(.+?)\$", part.text).group(1))
                k = sympy.Symbol("k", real=True)
                k_value = parse_plain(part.answers[0].plain)
                p_line = p_line.subs(sympy.Symbol("k"), k_value).subs(k, k_value)
                assert _gradient(p_line) == gradients[target], part.text
                if tier == Tier.EXTENDED:
                    # Dropping the minus sign in -k/b earns no mark for the equation.
                    for wrong in question.wrong_answers:
                        if wrong.part == part.label:
                            assert wrong.marks_awarded == part.marks - 2
            if "Find the value of $h$" in part.text:
                target = re.search(r"parallel to line ([A-D])", part.text).group(1)
                s = _points(part.text)["S"]
                x2 = int(re.search(r"T\((-?\d+), h\)", part.text).group(1))
                h = parse_plain(part.answers[0].plain)
                assert sympy.Rational(h - s[1], x2 - s[0]) == gradients[target]


def test_graph_solving_draws_the_line_m_the_stem_states():
    from generation.engine.verifier.figures import read

    for _, difficulty, question in _variants("coordinate.graph_solving"):
        if difficulty == 1:
            continue
        drawn = read(question.diagram_svg)
        flat = [s for s in drawn.strokes if len(s.points) == 2]
        across = next(s for s in flat if s.points[0][1] == s.points[1][1])  # the x-axis
        up = next(s for s in flat if s.points[0][0] == s.points[1][0])  # the y-axis
        (left, bottom), right = min(across.points), max(across.points)[0]
        top_px = min(p[1] for p in up.points)
        top = max(int(label.text) for label in drawn.labels if label.text.isdigit())
        m_line = _line(
            re.search(r"\$M\$, \$(.+?)\$", question.stem).group(1).replace("\\frac{1}{2}", "(1/2)")
        )
        slanted = [s for s in flat if s not in (across, up)]
        assert len(slanted) == 1, "only M is drawn: the candidate draws the other line"
        for px, py in slanted[0].points:
            data = (
                Fraction(px - left) / Fraction(right - left) * 5,
                Fraction(bottom - py) / Fraction(bottom - top_px) * top,
            )
            residual = (m_line.lhs - m_line.rhs).subs({x: data[0], y: data[1]})
            assert abs(float(residual)) < 0.02, (question.stem, data)


def _dist2(p, q) -> Fraction:
    return (Fraction(p[0]) - Fraction(q[0])) ** 2 + (Fraction(p[1]) - Fraction(q[1])) ** 2


def _is_square(a, b, c, d) -> bool:
    """ABCD in this order is a square: four equal sides and equal diagonals."""
    sides = {_dist2(a, b), _dist2(b, c), _dist2(c, d), _dist2(d, a)}
    return len(sides) == 1 and _dist2(a, c) == _dist2(b, d) == 2 * sides.pop() != 0


def test_symmetric_vertices_codes_and_tiers():
    template = get_template("coordinate.symmetric_vertices")
    assert template.codes == {Tier.CORE: ("C3.1",), Tier.EXTENDED: ("E3.1",)}
    assert set(template.tiers) == {Tier.CORE, Tier.EXTENDED}
    for _, difficulty, question in _variants("coordinate.symmetric_vertices"):
        # The grid questions are read off the figure; the harder ones give coordinates.
        assert bool(question.diagram_svg) == (difficulty <= 2)


def test_isosceles_triangle_and_kite_are_completed_by_reflection():
    for _, difficulty, question in _variants("coordinate.symmetric_vertices"):
        if difficulty > 3:
            continue
        if difficulty <= 2:
            pts = {k: parse_plain(v) for k, v in question.variant.params.items() if len(k) == 1}
        else:
            pts = _points(question.stem)
        found = {a.label: parse_plain(a.plain) for p in question.parts for a in p.answers}
        pts.update({k: v for k, v in found.items() if k not in pts})
        if difficulty == 1:
            a, b, c = pts["A"], pts["B"], pts["C"]
            assert _dist2(a, b) == _dist2(a, c) and b != c, question.stem
            continue
        a, b, c, d, m = pts["A"], pts["B"], pts["C"], pts["D"], pts["M"]
        # A kite with line of symmetry AC: AB = AD, CB = CD, and BD crosses AC at M, its midpoint.
        assert _dist2(a, b) == _dist2(a, d) and _dist2(c, b) == _dist2(c, d) and b != d
        assert (Fraction(b[0]) + Fraction(d[0]), Fraction(b[1]) + Fraction(d[1])) == (
            2 * Fraction(m[0]),
            2 * Fraction(m[1]),
        )
        assert a[0] == m[0] == c[0] or a[1] == m[1] == c[1]
        if difficulty == 3:
            # The parallelogram's fourth vertex A + C - B earns B1 only for a coordinate it
            # shares with D.
            fourth = (a[0] + c[0] - b[0], a[1] + c[1] - b[1])
            shared = sum(fourth[i] == d[i] for i in (0, 1))
            assert mark_part(question, "a", [f"({fourth[0]}, {fourth[1]})"], []) in (0, shared)
            wrong = next(w for w in question.wrong_answers if "parallelogram" in w.error)
            assert wrong.marks_awarded == shared
        # Not a rhombus: M is not the midpoint of AC (so that wrong answer is wrong).
        assert (Fraction(a[0]) + Fraction(c[0]), Fraction(a[1]) + Fraction(c[1])) != (
            2 * Fraction(m[0]),
            2 * Fraction(m[1]),
        )


def test_squares_from_a_side_or_a_diagonal_are_squares():
    for _, difficulty, question in _variants("coordinate.symmetric_vertices"):
        if difficulty < 4:
            continue
        pts = _points(question.stem)
        found = {a.label: parse_plain(a.plain) for a in question.parts[0].answers}
        pts.update(found)
        a, b, c, d = pts["A"], pts["B"], pts["C"], pts["D"]
        assert _is_square(a, b, c, d), (question.stem, found)
        if difficulty == 4:
            # "C and D are above AB": both on the left of A -> B, which runs to the right.
            side = (b[0] - a[0], b[1] - a[1])
            for p in (c, d):
                assert side[0] * (p[1] - a[1]) - side[1] * (p[0] - a[0]) > 0
            assert side[0] > 0
        part = question.parts[0]
        right = [a_.plain for a_ in part.answers]
        assert mark_part(question, part.label, right, []) == part.marks
        assert mark_part(question, part.label, list(reversed(right)), []) == part.marks
        for wrong in question.wrong_answers:
            # The square on the other side of AB, or the rectangle along the grid: never full marks.
            assert wrong.marks_awarded < part.marks


def test_wrong_square_keeps_only_the_method_mark_it_shows():
    for _, difficulty, question in _variants("coordinate.symmetric_vertices"):
        if difficulty != 4:
            continue
        marked = {w.error: w.marks_awarded for w in question.wrong_answers}
        assert marked["turned AB the wrong way, giving the square below AB"] == 1
        assert mark_part(question, "", ["(0, 0)", "(1, 1)"], ["(xB - xA, yB - yA)"]) == 1


def test_isosceles_triangle_midpoint_height_and_area_are_right():
    """The stem's triangle really has AB = AC; M is the midpoint of BC; AM is the length from
    A to it; the area is the shoelace area of the three vertices (not the template's ½bh);
    every wrong answer earns what the marker gives and less than the part's marks."""
    key = "coordinate.isosceles_triangle"
    test_every_variant_passes_the_verifier_and_draws_clean_svg(key)
    test_variants_vary_and_difficulty_changes_the_question(key)
    assert set(get_template(key).tiers) == {Tier.EXTENDED}  # E3.4 is Extended-only
    for _, difficulty, question in _variants(key):
        assert question.syllabus_codes == ["E3.4"]
        (ax, ay), (bx, by), (cx, cy) = (_points(question.stem)[n] for n in "ABC")
        assert (bx - ax) ** 2 + (by - ay) ** 2 == (cx - ax) ** 2 + (cy - ay) ** 2
        area = abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2
        mx, my = (bx + cx) / 2, (by + cy) / 2
        found = [p.answers[0].plain for p in question.parts]
        if difficulty == 5:  # one unlabelled part: the area, unscaffolded
            assert [p.label for p in question.parts] == [""]
            assert "midpoint" not in question.parts[0].text
            assert Fraction(found[0]) == area
        else:
            assert _points(f"$M{found[0]}$")["M"] == (mx, my)
            am = parse_plain(found[1])
            assert am**2 == (mx - ax) ** 2 + (my - ay) ** 2, found[1]
            surd = "surd" in question.part("b").text
            assert surd == (not am.is_Integer), "a surd is asked for exactly when AM is one"
            assert Fraction(found[2]) == area
        for wrong in question.wrong_answers:
            assert wrong.marks_awarded == _marker_gives(question, wrong), wrong
            assert wrong.marks_awarded < question.part(wrong.part).marks, wrong
