"""Transformations and vectors templates (topic 7), checked the way a teacher would: the image of
each point really is where the stated transformation sends it, a described transformation really
maps one triangle onto the other, and vector paths add up."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
import sympy

from generation.engine.base import generate, get_template
from generation.engine.expressions import parse, parse_plain
from generation.engine.verifier import verify
from questions.schemas import Accuracy, Question, Tier

SEEDS = range(6)
KEYS = [
    "transformations.image_of_triangle",
    "transformations.describe_transformation",
    "transformations.column_vectors",
    "transformations.vector_geometry",
    "transformations.grid_vectors",
    "transformations.vector_proof",
]


def _variants(key: str, seeds=SEEDS):
    template = get_template(key)
    for tier in template.tiers:
        for difficulty in range(1, 6):
            for seed in seeds:
                yield generate(template, seed=seed, difficulty=difficulty, tier=tier).question


def _number(text: str) -> Fraction:
    text = text.strip()
    match = re.fullmatch(r"(-?)\\frac\{(\d+)\}\{(\d+)\}", text)
    if match:
        sign = -1 if match.group(1) else 1
        return sign * Fraction(int(match.group(2)), int(match.group(3)))
    return Fraction(text)


def _point(text: str) -> tuple[Fraction, Fraction]:
    x, y = re.fullmatch(r"\((.+), (.+)\)", text.strip()).groups()
    return _number(x), _number(y)


def _column(text: str) -> tuple[Fraction, Fraction]:
    x, y = re.search(r"\\begin\{pmatrix\} (\S+) \\\\ (\S+) \\end\{pmatrix\}", text).groups()
    return _number(x), _number(y)


# An independent implementation of the four transformations, with complex numbers.
def _image(p, words: str):
    z = complex(float(p[0]), float(p[1]))
    if m := re.search(r"translated by the vector \$(.+?)\$", words):
        v = _column(m.group(1))
        w = z + complex(float(v[0]), float(v[1]))
    elif m := re.search(r"reflected in the (?:line )?\$(.+?)\$(-axis)?", words):
        line = m.group(1) + (m.group(2) or "")
        if line == "y$-axis" or line == "y-axis":
            w = complex(-z.real, z.imag)
        elif line in ("x$-axis", "x-axis"):
            w = z.conjugate()
        elif line == "y = x":
            w = complex(z.imag, z.real)
        elif line == "y = -x":
            w = complex(-z.imag, -z.real)
        elif line.startswith("x = "):
            k = float(_number(line[4:]))
            w = complex(2 * k - z.real, z.imag)
        else:
            k = float(_number(line[4:]))
            w = complex(z.real, 2 * k - z.imag)
    elif m := re.search(
        r"rotated \$(\d+)\^\{\\circ\}\$ ?(\w*) about (?:the point \$(.+?)\$|the origin)", words
    ):
        angle, direction, centre = m.groups()
        c = _point(centre) if centre else (0, 0)
        c = complex(float(c[0]), float(c[1]))
        turn = {"180": -1, "90": 1j if direction == "anticlockwise" else -1j}[angle]
        w = c + (z - c) * turn
    elif m := re.search(r"enlarged with scale factor \$(.+?)\$ and centre \$(.+?)\$", words):
        k = float(_number(m.group(1)))
        c = _point(m.group(2))
        c = complex(float(c[0]), float(c[1]))
        w = c + k * (z - c)
    else:
        raise AssertionError(f"no transformation in {words!r}")
    return (Fraction(w.real).limit_denominator(100), Fraction(w.imag).limit_denominator(100))


def test_images_are_where_the_stated_transformation_sends_each_vertex():
    for q in _variants("transformations.image_of_triangle"):
        vertices = dict(re.findall(r"\$([ABC])(\(.+?\))\$", q.stem))
        for part in q.parts:
            names = "ABC" if len(part.answers) == 3 else "A"
            for name, answer in zip(names, part.answers, strict=True):
                expected = _image(_point(vertices[name]), part.text)
                assert _point(answer.plain) == expected, (q.stem, part.text, answer.plain)
                # the images land on the grid's whole-number points
                assert all(c.denominator == 1 for c in expected)


def test_core_reflections_are_only_in_vertical_or_horizontal_lines():
    for q in _variants("transformations.image_of_triangle"):
        if q.tier == Tier.CORE:
            assert "y = x" not in q.plain_text() and "y = -x" not in q.plain_text()
    for q in _variants("transformations.describe_transformation"):
        if q.tier == Tier.CORE:
            assert not any(
                a.plain.endswith(("y = x", "y = -x")) for p in q.parts for a in p.answers
            )
            assert not any(
                a.plain.startswith("Enlargement, scale factor -")
                for p in q.parts
                for a in p.answers
            )


def _apply_description(description: str, p):
    z = complex(float(p[0]), float(p[1]))
    if m := re.fullmatch(r"Translation by the vector \((-?\d+), (-?\d+)\)", description):
        w = z + complex(int(m.group(1)), int(m.group(2)))
    elif m := re.fullmatch(r"Reflection in the line (x|y) = (-?\d+)", description):
        k = int(m.group(2))
        w = (
            complex(2 * k - z.real, z.imag)
            if m.group(1) == "x"
            else complex(z.real, 2 * k - z.imag)
        )
    elif description == "Reflection in the line y = x":
        w = complex(z.imag, z.real)
    elif description == "Reflection in the line y = -x":
        w = complex(-z.imag, -z.real)
    elif m := re.fullmatch(
        r"Rotation, (90|180)°( clockwise| anticlockwise)?, centre (\(.+\))", description
    ):
        c = _point(m.group(3))
        c = complex(float(c[0]), float(c[1]))
        turn = -1 if m.group(1) == "180" else (1j if m.group(2) == " anticlockwise" else -1j)
        w = c + (z - c) * turn
    elif m := re.fullmatch(r"Enlargement, scale factor (\S+), centre (\(.+\))", description):
        k = float(Fraction(m.group(1)))
        c = _point(m.group(2))
        c = complex(float(c[0]), float(c[1]))
        w = c + k * (z - c)
    else:
        raise AssertionError(f"cannot read the description {description!r}")
    return (Fraction(w.real).limit_denominator(100), Fraction(w.imag).limit_denominator(100))


def test_each_described_transformation_maps_triangle_a_onto_the_image():
    for q in _variants("transformations.describe_transformation"):
        triangles = {
            name: [_point(p) for p in re.findall(r"\$(\(-?\d+, -?\d+\))\$", vertices)]
            for name, vertices in re.findall(
                r"triangle \$([ABC])\$ has vertices (.+?)(?:;|\.$)", q.stem
            )
        }
        for part in q.parts:
            target = re.search(r"onto triangle \$([BC])\$", part.text)
            if not target or part.command_word.value != "Describe":
                continue
            description = part.answers[0].plain
            image = {_apply_description(description, p) for p in triangles["A"]}
            assert image == set(triangles[target.group(1)]), (q.stem, description)
            # the machine-checkable pieces agree with the words
            for answer in part.answers[1:]:
                if answer.label == "centre":
                    assert answer.plain in description
                if answer.label == "vector":
                    assert answer.plain in description


def test_column_vector_answers_combine_the_stated_vectors():
    for q in _variants("transformations.column_vectors"):
        a, b = (
            sympy.Matrix(_column(m))
            for m in re.findall(r"= (\\begin\{pmatrix\}.+?\\end\{pmatrix\})", q.stem)
        )
        combo = re.search(r"\$(.+?)\$ as a column vector", q.part("a").text).group(1)
        coefficients = {"a": 0, "b": 0}
        for sign, size, name in re.findall(r"([+-]?)\s*(\d*)\\mathbf\{(a|b)\}", combo):
            coefficients[name] = (-1 if sign == "-" else 1) * (int(size) if size else 1)
        expected = coefficients["a"] * a + coefficients["b"] * b
        assert parse_plain(q.part("a").answers[0].plain) == sympy.Tuple(*expected)
        # magnitude: Pythagoras on the named vector
        named = q.part("b").text
        vec = b if "\\left|\\mathbf{b}\\right|" in named else expected
        magnitude = sympy.sqrt(vec[0] ** 2 + vec[1] ** 2)
        answer = q.part("b").answers[0]
        if answer.accuracy.value == "exact":
            assert sympy.simplify(parse_plain(answer.plain) - magnitude) == 0
        else:
            assert abs(float(parse_plain(answer.plain)) - float(magnitude)) < 0.01 * float(
                magnitude
            )
        labels = [p.label for p in q.parts]
        if "d" in labels:
            c = sympy.Matrix(
                _column(
                    re.search(r"(\\begin\{pmatrix\}.+?\\end\{pmatrix\})", q.part("d").text).group(1)
                )
            )
            mm, nn = (parse_plain(x.plain) for x in q.part("d").answers)
            assert mm * a + nn * b == c


def _positions(q: Question) -> dict[str, sympy.Expr]:
    """Position vectors rebuilt from the stem's wording."""
    a, b = sympy.symbols("a b", real=True)
    pos = {"O": 0 * a, "A": a}
    if "parallelogram" in q.stem:
        pos |= {"C": b, "B": a + b}
    else:
        pos["B"] = b
    for name, u, v in re.findall(r"\$(\w)\$ is the midpoint of \$(\w)(\w)\$", q.stem):
        pos[name] = (pos[u] + pos[v]) / 2
    for name, u, v, m, n in re.findall(
        r"\$(\w)\$ lies on \$(\w)(\w)\$ such that \$\w\w : \w\w = (\d+) : (\d+)\$", q.stem
    ):
        pos[name] = pos[u] + sympy.Rational(int(m), int(m) + int(n)) * (pos[v] - pos[u])
    return pos


def test_vector_paths_close():
    a, b = sympy.symbols("a b", real=True)
    for q in _variants("transformations.vector_geometry"):
        pos = _positions(q)
        found: dict[str, sympy.Expr] = {}
        for part in q.parts:
            m = re.search(r"\\overrightarrow\{(\w)(\w)\}\$\.$", part.text)
            if not m:
                continue
            x, y = m.groups()
            answer = parse_plain(part.answers[0].plain, {"a": a, "b": b})
            assert sympy.expand(answer - (pos[y] - pos[x])) == 0, (q.stem, part.text)
            found[x + y] = answer
        # the route O -> X -> Y closes: OX + XY + YO = 0
        for xy, vec in found.items():
            x, y = xy
            assert sympy.expand(pos[x] + vec - pos[y]) == 0
        if "PQ" in found and "AB" in found:
            ratio = sympy.simplify(found["PQ"] / found["AB"])
            assert ratio.is_number  # PQ is a multiple of AB: parallel
            p, r = (int(v) for v in q.part("d").answers[0].plain.split(" : "))
            assert sympy.Rational(p, r) == ratio


@pytest.mark.parametrize("key", KEYS)
def test_every_variant_passes_the_verifier(key):
    failures = [
        f"{q.tier.value} d{q.difficulty} seed {q.variant.seed}: {verify(q).summary()}"
        for q in _variants(key, seeds=range(3))
        if not verify(q).passed
    ]
    assert not failures, "\n".join(failures[:5])


def test_machine_values_use_the_stated_numbers():
    # Every answer recomputes from the givens (what the verifier re-evaluates).
    for q in _variants("transformations.image_of_triangle", seeds=range(3)):
        names = {g.name: parse(g.value) for g in q.givens}
        for part in q.parts:
            for answer in part.answers:
                assert parse(answer.value, names) == parse_plain(answer.plain)


def test_grids_are_simple_well_formed_svg():
    import xml.etree.ElementTree as ET

    for key in ("transformations.image_of_triangle", "transformations.describe_transformation"):
        for q in _variants(key, seeds=range(2)):
            root = ET.fromstring(q.diagram_svg)
            assert root.tag.endswith("svg")
            assert "<script" not in q.diagram_svg and "href" not in q.diagram_svg
            # every shape in the question is drawn
            assert q.diagram_svg.count("<polygon") == len(
                re.findall(r"triangle \$[A-Z]\$ has", q.stem)
            ) or ("Triangle $T$" in q.stem and q.diagram_svg.count("<polygon") == 1)


_GRID_SQUARE = 28  # pixels a square in transformations.grid_vectors' figure


def _drawn_vectors(svg: str) -> list[sympy.Matrix]:
    """The vectors drawn on the grid, read from the figure: each black line from its tail to
    the end nearer its arrowhead's tip, in squares (y upwards), left to right."""
    lines = re.findall(
        r'<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)" stroke="black"', svg
    )
    tips = re.findall(r'<path d="M [\d.]+ [\d.]+ L ([\d.]+) ([\d.]+) L', svg)
    out = []
    for (x1, y1, x2, y2), (tx, ty) in zip(lines, tips, strict=True):
        x1, y1, x2, y2, tx, ty = (float(v) for v in (x1, y1, x2, y2, tx, ty))
        if (tx - x1) ** 2 + (ty - y1) ** 2 < (tx - x2) ** 2 + (ty - y2) ** 2:
            x1, y1, x2, y2 = x2, y2, x1, y1
        out.append(sympy.Matrix([round((x2 - x1) / _GRID_SQUARE), round((y1 - y2) / _GRID_SQUARE)]))
    return out


def _combination(text: str) -> dict[str, int]:
    coefficients = {"a": 0, "b": 0}
    for sign, size, name in re.findall(r"([+-]?)\s*(\d*)\\mathbf\{(a|b)\}", text):
        coefficients[name] = (-1 if sign == "-" else 1) * (int(size) if size else 1)
    return coefficients


def test_grid_vectors_are_read_from_the_drawing_and_combined():
    """Each answer recomputed from the arrows as drawn: the column vectors, the combination,
    its magnitude by Pythagoras (a surd in its simplest form without a calculator, else
    3 s.f.), and k, m with k a + m b = c; the usual slips are listed and earn what the marker
    gives (the forgotten square root keeps its method mark only)."""
    seen_parts = set()
    for q in _variants("transformations.grid_vectors"):
        assert q.tier == Tier.EXTENDED
        a, b = _drawn_vectors(q.diagram_svg)
        assert a[0] * b[1] != a[1] * b[0], "a and b are not parallel"
        assert all(a) and all(b[:1]), "the drawn vectors move across and up or down"
        assert parse_plain(q.part("a").answers[0].plain) == sympy.Tuple(*a)
        assert parse_plain(q.part("b").answers[0].plain) == sympy.Tuple(*b)
        coefficients = _combination(re.search(r"\$(.+?)\$ as a column", q.part("c").text)[1])
        combo = coefficients["a"] * a + coefficients["b"] * b
        assert parse_plain(q.part("c").answers[0].plain) == sympy.Tuple(*combo)
        labels = {p.label for p in q.parts}
        seen_parts |= labels
        wrongs = {(w.part, w.error): w for w in q.wrong_answers}
        # a read backwards (its signs changed) is listed, under whichever slip reaches it first
        backwards = next(
            w
            for w in q.wrong_answers
            if w.part == "a" and parse_plain(w.plain) == sympy.Tuple(*(-a))
        )
        assert backwards.marks_awarded == 0
        if "d" in labels:
            size = sympy.sqrt(combo.dot(combo))
            answer = q.part("d").answers[0]
            if q.part("d").calculator.value == "not_allowed":
                assert answer.accuracy == Accuracy.EXACT
                assert sympy.simplify(parse_plain(answer.plain) - size) == 0
                # a surd in its simplest form: no square factor left under the root
                assert answer.plain == sympy.sstr(
                    size
                )  # sympy takes square factors out: 11*sqrt(2)
            elif not size.is_Integer:
                assert answer.accuracy == Accuracy.SF3
                assert answer.plain == f"{float(size):.3g}" or float(answer.plain) == pytest.approx(
                    float(size), rel=5e-3
                )
            root = wrongs[("d", "forgot to take the square root")]
            assert parse_plain(root.plain) == combo.dot(combo) and root.marks_awarded == 1
        if "e" in labels:
            c = sympy.Matrix(_column(q.part("e").text))
            k, m = (parse_plain(x.plain) for x in q.part("e").answers)
            assert k * a + m * b == c
            assert q.total_marks == 9
    assert seen_parts == set("abcde")


def _quadrilateral(q: Question) -> dict[str, sympy.Expr]:
    """Position vectors rebuilt from the stem: OA = a, OC = b, CB = k a, M on AB and P on OB."""
    a, b = sympy.symbols("a b", real=True)
    k = re.search(r"\\overrightarrow\{CB\} = (\d+)\\mathbf\{a\}", q.stem)
    k = int(k[1]) if k else 1
    assert ("parallelogram" in q.stem) == (k == 1)
    pos = {"O": 0 * a, "A": a, "C": b, "B": b + k * a}
    if "$M$ is the midpoint of $AB$" in q.stem:
        share = sympy.Rational(1, 2)
    else:
        m, n = re.search(r"AM : MB = (\d+) : (\d+)", q.stem).groups()
        share = sympy.Rational(int(m), int(m) + int(n))
    pos["M"] = pos["A"] + share * (pos["B"] - pos["A"])
    m, n = re.search(r"OP : PB = (\d+) : (\d+)", q.stem).groups()
    pos["P"] = sympy.Rational(int(m), int(m) + int(n)) * pos["B"]
    return pos


def test_vector_proof_points_are_collinear_and_the_shown_vector_is_right():
    a, b = sympy.symbols("a b", real=True)
    shapes = set()
    for q in _variants("transformations.vector_proof"):
        assert q.tier == Tier.EXTENDED
        shapes.add(q.variant.params["shape"])
        pos = _quadrilateral(q)

        def answer(label: str, q: Question = q) -> sympy.Expr:
            return parse_plain(q.part(label).answers[0].plain, {"a": a, "b": b})

        assert sympy.expand(answer("a") - pos["B"]) == 0
        cm, cp = pos["M"] - pos["C"], pos["P"] - pos["C"]
        assert sympy.expand(answer("b") - cm) == 0
        show = q.part("c")
        assert show.command_word.value == "Show that" and show.show_that
        assert sympy.expand(answer("c") - cp) == 0
        # C, P and M collinear: CP and CM are parallel (the 2 x 2 determinant is zero)
        det = cp.coeff(a) * cm.coeff(b) - cp.coeff(b) * cm.coeff(a)
        assert sympy.simplify(det) == 0
        t = sympy.simplify(cp.coeff(a) / cm.coeff(a))
        assert 0 < t < 1, "P lies between C and M"
        assert show.marks == 2 and [
            line.mark_type.value for line in q.mark_scheme if line.part == "c"
        ] == [
            "M",
            "A",
        ]
        assert sympy.latex(t) in q.part("d").answers[0].latex
        labels = [p.label for p in q.parts]
        if "e" in labels:
            assert q.part("e").answers[0].plain == f"{t.p} : {t.q - t.p}"
            slip = next(w for w in q.wrong_answers if w.part == "e")
            assert slip.plain == f"{t.p} : {t.q}" and slip.marks_awarded == 0
        om = next(w for w in q.wrong_answers if w.error.startswith("gave OM"))
        assert sympy.expand(parse_plain(om.plain, {"a": a, "b": b}) - pos["M"]) == 0
        assert om.marks_awarded == 0
        # the figure names every point and draws OB and CM through P
        for name in "OABCMP":
            assert f">{name}<" in q.diagram_svg
    assert shapes == {"parallelogram", "trapezium"}
