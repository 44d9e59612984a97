"""Algebra and graphs templates (topic 2), checked the way a teacher would: roots satisfy
their equations, factorised answers are factorised and expand back to the question, expansions
are expanded, rearranged formulas substitute back, inverse functions undo their functions, nth
terms reproduce the terms shown, derivatives match SymPy, tables of values fit their curves,
and every template passes the verifier.

The checks read the question back from its text (the LaTeX the candidate sees) and recompute
the mathematics with SymPy, independently of the machine forms the template wrote."""

from __future__ import annotations

import re
from functools import cache

import pytest
import sympy

from generation.engine.base import generate, get_template, templates
from generation.engine.expressions import parse, parse_latex, parse_plain
from generation.engine.marking import mark_part
from generation.engine.verifier import verify
from questions import syllabus
from questions.schemas import AnswerKind, Question, Tier

SEEDS = range(2)
KEYS = [t.key for t in templates() if t.key.startswith("algebra.")]
x, y, n = sympy.symbols("x y n", real=True)
_SPAN = re.compile(r"(?<!\\)\$(.+?)(?<!\\)\$", re.DOTALL)


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


def _questions(key: str) -> list[Question]:
    return [q for _, _, q in _variants(key)]


def _spans(text: str) -> list[str]:
    return _SPAN.findall(text)


def _value(question: Question, machine: str | None) -> object:
    givens = {g.name: parse(g.value) for g in question.givens}
    return parse(machine or "", givens)


def _relation(latex: str) -> sympy.Eq:
    """``y = 3x - 7`` (LaTeX) as a SymPy equation."""
    left, right = latex.split("=", 1)
    return sympy.Eq(parse_latex(left), parse_latex(right))


def _zero(expr: object) -> bool:
    return sympy.simplify(sympy.sympify(expr)) == 0


# --- every template -----------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_every_variant_passes_the_verifier(key: str) -> None:
    failures = []
    for tier, difficulty, question in _variants(key):
        if question.variant.seed != 0:
            continue
        report = verify(question)
        if not report.passed:
            failures.append(f"{tier.value} d{difficulty}: {report.summary()}")
    assert not failures, "\n".join(failures)


def test_the_templates_cover_topic_2() -> None:
    claimed = {code for key in KEYS for codes in get_template(key).codes.values() for code in codes}
    topic = {c.code for c in syllabus.SYLLABUS.values() if c.topic_number == 2}
    assert len(topic) == 22
    assert claimed <= topic
    assert topic - claimed == set(), f"not covered: {sorted(topic - claimed)}"


@pytest.mark.parametrize("key", KEYS)
def test_harder_variants_ask_for_more(key: str) -> None:
    """Difficulty 5 is never shorter than difficulty 1, and is a different question."""
    for tier in get_template(key).tiers:
        by_difficulty = {d: q for t, d, q in _variants(key) if t == tier and q.variant.seed == 0}
        easy, hard = by_difficulty[1], by_difficulty[5]
        assert hard.total_marks >= easy.total_marks
        assert _shape(hard) != _shape(easy), f"{key} {tier.value}: d5 asks what d1 asks"


def _shape(question: Question) -> list[str]:
    """The question with its numbers blanked: what it asks, not which numbers it uses."""
    return [re.sub(r"\d+", "#", t) for t in (question.stem, *(p.text for p in question.parts))]


@pytest.mark.parametrize("key", KEYS)
def test_common_wrong_answers_are_listed(key: str) -> None:
    questions = _questions(key)
    with_wrongs = [q for q in questions if q.wrong_answers]
    assert len(with_wrongs) >= 0.8 * len(questions)


def test_non_calculator_templates_have_exact_answers() -> None:
    for key in KEYS:
        for question in _questions(key):
            for part in question.parts:
                if part.calculator.value == "not_allowed":
                    assert all(a.accuracy.value == "exact" for a in part.answers), key


# --- topic checks -------------------------------------------------------------------------


def test_solved_equations_have_exactly_these_roots() -> None:
    """Every root answer satisfies its equation, and a linear equation has no other root."""
    for key in KEYS:
        for question in _questions(key):
            for part in question.parts:
                roots = [a for a in part.answers if a.satisfies and a.kind == AnswerKind.NUMBER]
                for answer in roots:
                    variable = sympy.Symbol(answer.variable, real=True)
                    relation = _value(question, answer.satisfies)
                    value = _value(question, answer.value)
                    if isinstance(relation, sympy.And):  # a reading inside its accepted range
                        assert bool(relation.subs(variable, value)), (key, part)
                        continue
                    assert _zero((relation.lhs - relation.rhs).subs(variable, value)), (key, part)
                if key == "algebra.linear_equations":
                    relation = _value(question, roots[0].satisfies)
                    solutions = sympy.solve(relation, sympy.Symbol("x", real=True))
                    assert solutions == [_value(question, roots[0].value)]


def test_factorised_answers_expand_to_the_question_and_are_factorised() -> None:
    for question in _questions("algebra.factorise"):
        for part in question.parts:
            stated = parse_latex(_spans(part.text)[-1])
            answer = part.answers[0]
            written = parse_plain(answer.plain)
            assert sympy.expand(written - stated) == 0, part.text
            # completely factorised: as many brackets as SymPy finds non-constant factors
            content, factors = sympy.factor_list(sympy.expand(stated))
            nonconstant = [f for f, _ in factors if f.free_symbols and not f.is_Symbol]
            assert answer.plain.count("(") == sum(m for f, m in factors if f in nonconstant), (
                f"{answer.plain} is not completely factorised"
            )
            assert "(" in answer.plain and "^" not in answer.plain.split("(")[0]


def test_expansions_are_expanded_and_equal_the_product() -> None:
    for question in _questions("algebra.expand_brackets"):
        for part in question.parts:
            stated = parse_latex(_spans(part.text)[-1])
            written = parse_plain(part.answers[0].plain)
            assert sympy.expand(written - stated) == 0
            assert "(" not in part.answers[0].plain


def test_rearranged_formulas_substitute_back() -> None:
    for question in _questions("algebra.change_subject"):
        for part in question.parts:
            subject = sympy.Symbol(re.search(r"Make \$(\w)\$", part.text).group(1), real=True)
            formula = _relation(_spans(part.text)[-1])
            answer = parse_plain(part.answers[0].plain)
            residual = (formula.lhs - formula.rhs).subs(subject, answer)
            # check at positive values (square roots in some formulas)
            for k in range(1, 4):
                point = {
                    s: sympy.Rational(3 * k + i, 2) for i, s in enumerate(residual.free_symbols)
                }
                assert abs(sympy.N(residual.subs(point))) < 1e-12, (formula, answer)


def test_inverse_functions_undo_their_functions() -> None:
    for question in _questions("algebra.functions"):
        definitions = {}
        for span in _spans(question.stem):
            match = re.match(r"(\w)\(x\) = (.+)", span)
            if match:
                definitions[match.group(1)] = parse_latex(match.group(2))
        for part in question.parts:
            match = re.search(r"Find \$(\w)\^\{-1\}\(x\)\$", part.text)
            if not match:
                continue
            f, inverse = definitions[match.group(1)], parse_plain(part.answers[0].plain)
            assert sympy.simplify(f.subs(x, inverse) - x) == 0
            assert sympy.simplify(inverse.subs(x, f) - x) == 0


def test_composite_functions_are_in_the_right_order() -> None:
    for question in _questions("algebra.functions"):
        definitions = {}
        for span in _spans(question.stem):
            match = re.match(r"(\w)\(x\) = (.+)", span)
            if match:
                definitions[match.group(1)] = parse_latex(match.group(2))
        for part in question.parts:
            match = re.search(r"Find \$(\w)(\w)\((-?\d+|x)\)\$", part.text)
            if not match:
                continue
            outer, inner, at = match.groups()
            expected = definitions[outer].subs(x, definitions[inner])
            expected = expected if at == "x" else expected.subs(x, int(at))
            assert sympy.simplify(parse_plain(part.answers[0].plain) - expected) == 0


def test_nth_terms_reproduce_the_terms_shown() -> None:
    for question in _questions("algebra.sequences"):
        listing = question.stem
        for part in question.parts:
            if "another sequence" in part.text:
                listing = part.text
            if "$n$th term" not in part.text:
                continue
            terms = [int(t) for t in re.findall(r"-?\d+", _spans(listing)[0])]
            rule = _value(question, part.answers[0].value)
            assert [rule.subs(n, k) for k in range(1, len(terms) + 1)] == terms, (rule, terms)
            assert parse_plain(part.answers[0].plain).subs(n, 1) == terms[0]


def test_derivatives_and_turning_points_match_sympy() -> None:
    for question in _questions("algebra.differentiation"):
        curve = _relation(_spans(question.stem)[0]).rhs
        derivative = sympy.diff(curve, x)
        first = question.parts[0]
        assert sympy.expand(parse_plain(first.answers[0].plain) - derivative) == 0
        for part in question.parts[1:]:
            if "gradient" in part.text:
                at = int(re.search(r"x = (-?\d+)", part.text).group(1))
                assert _value(question, part.answers[0].value) == derivative.subs(x, at)
            elif "turning point" in part.text:
                for answer in part.answers:
                    px, py = _value(question, answer.value)
                    assert derivative.subs(x, px) == 0 and curve.subs(x, px) == py
            elif "maximum" in part.text:
                px, py = _value(question, part.answers[0].value)
                assert derivative.subs(x, px) == 0 and sympy.diff(curve, x, 2).subs(x, px) < 0


def test_quadratic_formula_answers_round_the_true_roots() -> None:
    for question in _questions("algebra.quadratic_formula"):
        for part in question.parts:
            if len(part.answers) != 2:
                continue
            equation = _relation(next(s for s in _spans(part.text) if "x^2" in s))
            exact = sorted(sympy.solve(equation, x), key=float)
            shown = sorted(float(a.plain) for a in part.answers)
            assert shown == [round(float(r), 2) for r in exact]


def test_completed_squares_expand_to_the_quadratic() -> None:
    for question in _questions("algebra.completing_square"):
        part = question.parts[0]
        quadratic = parse_latex(_spans(part.text)[0])
        assert sympy.expand(parse_plain(part.answers[0].plain) - quadratic) == 0
        turning = [p for p in question.parts if "turning point" in p.text]
        for p in turning:
            vx, vy = _value(question, p.answers[0].value)
            assert sympy.diff(quadratic, x).subs(x, vx) == 0 and quadratic.subs(x, vx) == vy


def test_simultaneous_solutions_satisfy_both_equations() -> None:
    for question in _questions("algebra.simultaneous_linear"):
        part = question.parts[-1]
        source = question.parts[0].text if len(question.parts) == 1 else "\n".join(
            f"${a.latex}$" for a in question.parts[0].answers
        )  # fmt: skip
        equations = [_relation(s) for s in _spans(source) if "=" in s]
        values = {
            x: _value(question, part.answers[0].value),
            y: _value(question, part.answers[1].value),
        }
        assert len(equations) == 2
        assert all(_zero((e.lhs - e.rhs).subs(values)) for e in equations)


def test_intersection_points_lie_on_the_line_and_the_curve() -> None:
    for question in _questions("algebra.simultaneous_nonlinear"):
        line, curve = (_relation(s) for s in _spans(question.stem)[:2])
        for answer in question.parts[0].answers:
            px, py = _value(question, answer.value)
            for e in (line, curve):
                assert _zero((e.lhs - e.rhs).subs({x: px, y: py}))


def test_integer_lists_are_exactly_the_integers_in_the_inequality() -> None:
    for question in _questions("algebra.inequalities"):
        for part in question.parts:
            if part.answers[0].kind != AnswerKind.SET:
                continue
            span = next(s for s in _spans(part.text) if "n" in s and ("<" in s or "le" in s))
            relation = parse_latex(span)
            listed = list(_value(question, part.answers[0].value))
            expected = [k for k in range(-40, 41) if bool(relation.subs(n, k))]
            assert listed == expected, (span, listed)


def test_proportion_rules_fit_the_data() -> None:
    for question in _questions("algebra.proportion"):
        x1, y1 = (int(v) if "frac" not in v else parse_latex(v) for v in re.findall(
            r"\$x = (\d+)\$, \$y = (.+?)\$", question.stem)[0])  # fmt: skip
        rule = _value(question, question.parts[0].answers[0].value)
        assert rule.rhs.subs(x, x1) == y1
        inverse = "inversely" in question.stem
        power = {"square root": sympy.Rational(1, 2), "square": 2, "cube": 3}
        p = next((v for k, v in power.items() if k in question.stem), 1)
        ratio = rule.rhs * x**p if inverse else rule.rhs / x**p
        assert not ratio.has(x)


def test_tables_of_values_fit_the_curve() -> None:
    for question in _questions("algebra.graph_tables"):
        curve = parse_latex(_spans(question.stem)[0].split("=", 1)[1])
        table = _spans(question.stem)[1]
        rows = re.findall(r"& (.*?) \\\\", table)
        xs = [int(v) for v in rows[0].split(" & ")]
        cells = [c.strip() for c in rows[1].split("&")]
        blanks = [xs[i] for i, c in enumerate(cells) if not c]
        for xv, cell in zip(xs, cells, strict=True):
            if cell:
                assert parse_latex(cell) == curve.subs(x, xv)
        answers = question.parts[0].answers
        assert [_value(question, a.value) for a in answers] == [curve.subs(x, b) for b in blanks]


def test_speed_time_distance_is_the_area_under_the_graph() -> None:
    for question in _questions("algebra.travel_graphs"):
        if "speed–time" not in question.stem:
            continue
        v, t1 = (int(g) for g in re.search(r"speed of (\d+) m/s in (\d+) seconds",
                                            question.stem).groups())  # fmt: skip
        t2 = int(re.search(r"for (\d+) seconds", question.stem).group(1))
        t3 = int(re.search(r"another (\d+) seconds", question.stem).group(1))
        distance = question.part("b")
        area = sympy.Rational(t1 * v, 2) + t2 * v + sympy.Rational(t3 * v, 2)
        assert _value(question, distance.answers[0].value) == area
        assert _value(question, question.part("a").answers[0].value) == sympy.Rational(v, t1)


def test_curve_features_are_the_intercepts_and_turning_point() -> None:
    for question in _questions("algebra.curve_features"):
        curve = parse_latex(_spans(question.stem)[0].split("=", 1)[1])
        for part in question.parts:
            if "$y$-axis" in part.text:
                assert _value(question, part.answers[0].value) == (0, curve.subs(x, 0))
            elif "$x$-axis" in part.text:
                roots = sorted(_value(question, a.value) for a in part.answers)
                assert roots == sorted(sympy.solve(curve, x))
            elif "turning point" in part.text:
                vx, vy = _value(question, part.answers[0].value)
                assert sympy.diff(curve, x).subs(x, vx) == 0 and curve.subs(x, vx) == vy


# --- inequalities in context --------------------------------------------------------------

_IN_CONTEXT = "algebra.inequalities_in_context"
_LIMIT = re.compile(r"(at least|more than) \$(\d+)\$ \w+ and (at most|fewer than) \$(\d+)\$")


def _in_context(seeds: range = range(6)) -> list[Question]:
    template = get_template(_IN_CONTEXT)
    return [
        generate(template, seed=seed, difficulty=d, tier=tier).question
        for tier in template.tiers
        for d in range(1, 6)
        for seed in seeds
    ]


def test_inequalities_in_context_codes_and_tiers() -> None:
    template = get_template(_IN_CONTEXT)
    assert template.codes == {Tier.CORE: ("C2.6",), Tier.EXTENDED: ("E2.6",)}
    for question in _in_context(range(2)):
        assert verify(question).passed, verify(question).summary()
        if question.tier == Tier.CORE:
            # Core writes and interprets inequalities; solving for x is Extended.
            assert not any("solve it" in p.text for p in question.parts)


def test_a_count_between_limits_is_read_with_the_right_ends() -> None:
    seen = 0
    for question in _in_context():
        for i, part in enumerate(question.parts):
            # the words are in the stem when the count is the question's only scenario
            text = f"{question.stem}\n{part.text}" if i == 0 else part.text
            match = _LIMIT.search(text)
            if not match:
                continue
            seen += 1
            low_words, low, high_words, high = match.groups()
            low, high = int(low), int(high)
            var = sympy.Symbol(re.search(r"\$([a-z])\$ is the number", text).group(1),
                               real=True)  # fmt: skip
            answer = _value(question, part.answers[0].value)
            members = [k for k in range(0, 60) if bool(answer.subs(var, k))]
            smallest = low if low_words == "at least" else low + 1
            largest = high if high_words == "at most" else high - 1
            assert members == list(range(smallest, largest + 1)), (part.text, answer)
            # One end with the wrong sign earns the B1 for the other end: 1 of 2.
            for wrong in (w for w in question.wrong_answers if w.part == part.label):
                assert mark_part(question, part.label, [wrong.plain], wrong.working) == 1
            later = {p.label: p for p in question.parts[i + 1 : i + 3]}
            extremes = next((p for p in later.values() if "smallest" in p.text), None)
            if extremes:
                assert [_value(question, a.value) for a in extremes.answers] == [smallest, largest]
                assert mark_part(question, extremes.label, [f"{low}", f"{high}"], []) < 2
            count = next((p for p in later.values() if "How many" in p.text), None)
            if count:
                assert _value(question, count.answers[0].value) == largest - smallest + 1
    assert seen >= 20


def test_the_greatest_number_a_budget_buys_is_rounded_down() -> None:
    seen = 0
    for question in _in_context():
        for part in question.parts:
            if not part.text.startswith("Work out the greatest number"):
                continue
            seen += 1
            g = {v.name: parse(v.value) for v in question.givens}
            n_max = _value(question, part.answers[0].value)
            assert g["fee"] + n_max * g["price"] <= g["bud"] < g["fee"] + (n_max + 1) * g["price"]
            assert mark_part(question, part.label, [str(n_max)], []) == part.marks
            # Rounding the bound up keeps the method marks but loses the A1.
            bound = "(bud - fee)/price"
            assert mark_part(question, part.label, [str(n_max + 1)], ["bud - fee", bound]) == (
                part.marks - 1
            )
            marked = {
                w.plain: w.marks_awarded for w in question.wrong_answers if w.part == part.label
            }
            assert marked.get(str(n_max + 1)) == part.marks - 1
            # The inequality before it: spending exactly the budget is allowed (<=, not <).
            inequality = question.parts[question.parts.index(part) - 1]
            relation = _value(question, inequality.answers[0].value)
            assert bool(relation.subs(n, (g["bud"] - g["fee"]) / g["price"]))
    assert seen >= 20


def test_rectangle_integer_values_satisfy_both_the_perimeter_and_the_width() -> None:
    seen = 0
    for question in _in_context():
        for i, part in enumerate(question.parts):
            found = re.search(r"length \$\((\d+)x \+ (\d+)\)\$ cm and width \$\((\d*)x - (\d+)\)\$"
                              r" cm.\nThe perimeter of the rectangle is less than \$(\d+)\$",
                              part.text)  # fmt: skip
            if not found:
                continue
            seen += 1
            assert question.tier == Tier.EXTENDED
            a1, b1, a2, b2, perimeter = (int(v or 1) for v in found.groups())
            solved = _value(question, part.answers[0].value)
            bound = sympy.Rational(perimeter - 2 * (b1 - b2), 2 * (a1 + a2))
            (var,) = solved.free_symbols
            for k in (
                bound - 1,
                bound - sympy.Rational(1, 10),
                bound,
                bound + sympy.Rational(1, 10),
            ):
                assert bool(solved.subs(var, k)) == (k < bound), (solved, bound)
            if i + 1 < len(question.parts) and "width" in question.parts[i + 1].text:
                nxt = question.parts[i + 1]
                w = int(re.search(r"more than \$(\d+)\$ cm", nxt.text).group(1))
                listed = list(_value(question, nxt.answers[0].value))
                expected = [
                    k for k in range(-5, 60)
                    if 2 * (a1 * k + b1) + 2 * (a2 * k - b2) < perimeter and a2 * k - b2 > w
                ]  # fmt: skip
                assert listed == expected
                for wrong in (w_ for w_ in question.wrong_answers if w_.part == nxt.label):
                    assert wrong.marks_awarded < nxt.marks
    assert seen >= 10


# --- graphs of functions: a quadratic drawn and solved from its graph ---------------------

_SOLVING = "algebra.curve_solving"
_RECOGNITION = "algebra.curve_recognition"
_RANGE = re.compile(r"accept \$\[(-?[\d.]+), (-?[\d.]+)\]\$")


def _curves(question: Question) -> list[tuple[tuple[float, float], ...]]:
    """The strokes of the figure with many points (curves), in pixels."""
    from generation.engine.authoring.figures import layout

    return [s.points for s in layout.read(question.diagram_svg).strokes if len(s.points) > 20]


def _accepted(question: Question, part: str) -> list[tuple[float, float]]:
    return [
        (float(m.group(1)), float(m.group(2)))
        for line in question.mark_scheme
        if line.part == part and (m := _RANGE.search(line.awarded_for))
    ]


def test_curve_solving_codes_tiers_and_calculator() -> None:
    template = get_template(_SOLVING)
    assert template.codes == {Tier.CORE: ("C2.10",), Tier.EXTENDED: ("E2.10",)}
    for tier, _, question in _variants(_SOLVING):
        assert question.calculator_policy.value == "allowed"
        assert question.syllabus_codes == ["C2.10" if tier == Tier.CORE else "E2.10"]


def test_curve_solving_drawn_curve_is_the_curve_stated() -> None:
    """The curve on the grid is y = f(x) of the stem: its pixels, mapped back through the
    axes (x from the stem's range across the x-axis), fit f with one vertical scale."""
    from generation.engine.authoring.figures import layout

    for question in _questions(_SOLVING):
        stem = _spans(question.stem)
        curve = parse_latex(stem[0].split("=", 1)[1])
        low, high = (int(v) for v in re.findall(r"-?\d+", stem[1]))
        strokes = layout.read(question.diagram_svg).strokes
        level = [
            s.points for s in strokes if len(s.points) == 2 and s.points[0][1] == s.points[1][1]
        ]
        axis = max(level, key=lambda p: abs(p[1][0] - p[0][0]))  # the x-axis: the widest
        left, right = sorted(p[0] for p in axis)
        unit = (right - left) / (high - low)
        origin_x, origin_y = left - low * unit, axis[0][1]
        (points,) = _curves(question)
        xs = [(px - origin_x) / unit for px, _ in points]
        ys = [float(curve.subs(x, v)) for v in xs]
        ups = [(origin_y - py) for _, py in points]
        scale = max(ups, key=abs) / max(ys, key=abs)  # pixels a unit up
        assert scale > 0
        assert xs[0] == pytest.approx(low, abs=0.01) and xs[-1] == pytest.approx(high, abs=0.01)
        for v, up in zip(ys, ups, strict=True):
            assert up == pytest.approx(v * scale, abs=1.0), question.stem


def test_curve_solving_readings_are_the_true_solutions_within_their_ranges() -> None:
    """Each reading is within a small square of the true solution, the true solution is
    inside the range the scheme accepts, and the reading itself earns full marks."""
    seen = set()
    for question in _questions(_SOLVING):
        curve = parse_latex(_spans(question.stem)[0].split("=", 1)[1])
        for part in question.parts:
            equation = next((s for s in _spans(part.text) if "=" in s), "")
            if part.text.startswith("Use the graph to solve") or part.text.startswith("Draw"):
                left, right = (parse_latex(side) for side in equation.split("=", 1))
                true = sorted(float(r) for r in sympy.solve(left - right, x))
                seen.add("solve")
            elif "meets the curve" in part.text:
                line = parse_latex(equation.split("=", 1)[1])
                true = []
                for r in sorted(sympy.solve(curve - line, x), key=float):
                    true += [float(r), float(curve.subs(x, r))]
                seen.add("meets")
            elif "tangent" in part.text:
                at = int(re.search(r"x = (-?\d+)", part.text).group(1))
                true = [float(sympy.diff(curve, x).subs(x, at))]
                seen.add("tangent")
            elif "turning point" in part.text:
                vx = sympy.solve(sympy.diff(curve, x), x)[0]
                assert _value(question, part.answers[0].value) == (vx, curve.subs(x, vx))
                seen.add("turning point")
                continue
            else:
                continue
            read = [float(_value(question, a.value)) for a in part.answers]
            assert len(read) == len(true)
            ranges = _accepted(question, part.label)
            for got, exact, (lo, hi) in zip(read, true, ranges, strict=True):
                assert lo <= exact <= hi, (part.text, exact, lo, hi)
                assert abs(got - exact) <= (0.5 if "tangent" in part.text else 0.1)
            plain = [a.plain for a in part.answers]
            assert mark_part(question, part.label, plain, []) == part.marks
    assert seen == {"solve", "meets", "tangent", "turning point"}


def test_curve_solving_wrong_answers_earn_what_the_marker_gives() -> None:
    """Solving f(x) = 0 for f(x) = k, or the curve's own roots for the line's equation, earns
    nothing; the straight line with its signs unchanged earns nothing."""
    from generation.engine.marking import split_final_answers

    errors = set()
    for question in _questions(_SOLVING):
        for wrong in question.wrong_answers:
            part = next(p for p in question.parts if p.label == wrong.part)
            finals = split_final_answers(wrong.plain, len(part.answers))
            assert mark_part(question, part.label, finals, wrong.working) == wrong.marks_awarded
            assert wrong.marks_awarded < part.marks
            if "instead" in wrong.error or "signs" in wrong.error:
                assert wrong.marks_awarded == 0, wrong
            errors.add(wrong.error.split(" ")[0])
    assert {"solved", "moved", "gave", "wrote"} <= errors


# --- sketching curves: matching equations to sketches ------------------------------------


def _panels(question: Question) -> dict[str, list[tuple[float, float]]]:
    """Each sketch's curve points in its own axes' units (x from -3 to 3, y from -4 to 4),
    found from its letter below it and its axes."""
    from generation.engine.authoring.figures import layout

    drawn = layout.read(question.diagram_svg)
    letters = [lb for lb in drawn.labels if re.fullmatch(r"[A-F]", lb.text)]
    lines = [s.points for s in drawn.strokes if len(s.points) == 2]
    out: dict[str, list[tuple[float, float]]] = {}
    for label in letters:
        middle = (label.box[0] + label.box[2]) / 2
        # its y-axis: the nearest vertical line above the letter
        upright = max(
            (p for p in lines if abs(p[0][0] - middle) < 1 and abs(p[1][0] - middle) < 1
             and max(p[0][1], p[1][1]) < label.box[1]),
            key=lambda p: max(p[0][1], p[1][1]),
        )  # fmt: skip
        top, bottom = sorted(p[1] for p in upright)
        across = next(p for p in lines if p[0][1] == p[1][1] and top < p[0][1] < bottom
                      and min(p[0][0], p[1][0]) < middle < max(p[0][0], p[1][0]))  # fmt: skip
        ux = abs(across[1][0] - across[0][0]) / 6
        uy = (bottom - top) / 8
        points = [
            ((px - middle) / ux, (across[0][1] - py) / uy)
            for s in drawn.strokes
            if len(s.points) > 2
            for px, py in s.points
            if abs(px - middle) <= 3 * ux + 1 and top - 1 <= py <= bottom + 1
        ]
        out[label.text] = points
    return out


def test_curve_recognition_codes_tiers_and_families() -> None:
    template = get_template(_RECOGNITION)
    assert template.codes == {Tier.CORE: ("C2.11",), Tier.EXTENDED: ("E2.11",)}
    for tier, _, question in _variants(_RECOGNITION):
        assert question.calculator_policy.value == "not_allowed"
        assert question.syllabus_codes == ["C2.11" if tier == Tier.CORE else "E2.11"]
        families = {v for k, v in question.variant.params.items() if k.startswith("sketch ")}
        if tier == Tier.CORE:  # linear and quadratic only
            assert families == {"linear up", "linear down", "horizontal", "quadratic min",
                                "quadratic max"}  # fmt: skip
        else:
            assert {"cubic", "reciprocal", "exponential", "quadratic min"} <= families
            assert len(families) == 6


def test_curve_recognition_each_letter_is_the_sketch_of_its_equation() -> None:
    """The sketch a letter answers is the graph of the equation asked (its points fit it);
    the right letter earns the mark and the confused one nothing."""
    checked = 0
    for question in _questions(_RECOGNITION):
        panels = _panels(question)
        assert len(panels) == len([k for k in question.variant.params if k.startswith("sketch ")])
        for part in question.parts:
            if not part.text.startswith("Write down the letter"):
                continue
            curve = parse_latex(_spans(part.text)[0].split("=", 1)[1])
            letter = part.answers[0].plain
            for px, py in panels[letter]:
                assert py == pytest.approx(float(curve.subs(x, px)), abs=0.05), part.text
            checked += 1
            assert mark_part(question, part.label, [letter], []) == 1
            for wrong in (w for w in question.wrong_answers if w.part == part.label):
                assert wrong.plain != letter
                assert mark_part(question, part.label, [wrong.plain], []) == 0
    assert checked >= 30


def test_curve_recognition_quadratic_features_are_its_own() -> None:
    """The turning point, y-intercept, symmetry and roots are those of the completed square
    named; its sketch has its minimum on the same side of the y-axis and crosses the x-axis
    exactly when the roots are asked for; the wrong answers earn what the marker gives."""
    from generation.engine.marking import split_final_answers

    seen = set()
    for question in _questions(_RECOGNITION):
        named = next((p for p in question.parts if p.text.startswith("Sketch ")), None)
        if named is None:
            continue
        letter = named.text.split()[1]
        curve = parse_latex(_spans(named.text)[0].split("=", 1)[1])
        vx = sympy.solve(sympy.diff(curve, x), x)[0]
        assert _value(question, named.answers[0].value) == (vx, curve.subs(x, vx))
        points = _panels(question)[letter]
        lowest = min(points, key=lambda p: p[1])
        assert (lowest[0] > 0) == (vx > 0) and (lowest[1] < 0) == (curve.subs(x, vx) < 0)
        for part in question.parts:
            if "$y$-axis" in part.text:
                assert _value(question, part.answers[0].value) == curve.subs(x, 0)
                seen.add("y-intercept")
            elif "symmetry" in part.text:
                assert _value(question, part.answers[0].value) == sympy.Eq(x, vx)
                seen.add("symmetry")
            elif part.text.startswith("Solve"):
                roots = [_value(question, a.value) for a in part.answers]
                assert sorted(roots, key=float) == sorted(sympy.solve(curve, x), key=float)
                seen.add("surd roots" if any(not r.is_Integer for r in roots) else "roots")
            for wrong in (w for w in question.wrong_answers if w.part == part.label):
                finals = split_final_answers(wrong.plain, len(part.answers))
                assert mark_part(question, part.label, finals, wrong.working) == wrong.marks_awarded
                assert wrong.marks_awarded < part.marks
    assert seen == {"y-intercept", "symmetry", "roots", "surd roots"}
