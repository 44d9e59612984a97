"""The figures toolkit draws what a reader checks: escaped labels, the real minus sign, an exact
printed scale, hidden edges dashed; and the verifier refuses a figure whose labels collide."""

from __future__ import annotations

import math
import re
from xml.etree.ElementTree import fromstring

import pytest

from generation.engine.authoring.figures import MINUS, Figure, grid, shapes_grid
from generation.engine.authoring.figures.solids import cone, cuboid, frustum, prism, pyramid, sphere
from generation.engine.base import Reject, generate, get_template, templates
from generation.engine.verifier import verify
from generation.engine.verifier.figures import figure_labels, on_lines, overlaps, read
from questions.rendering import sanitise_svg

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> list[str]:
    return ["".join(t.itertext()) for t in fromstring(svg).iter(f"{SVG}text")]


def lines(svg: str) -> list[dict[str, str]]:
    return [dict(e.attrib) for e in fromstring(svg).iter(f"{SVG}line")]


def test_labels_are_escaped_and_the_markup_stays_text():
    fig = Figure("A <b>bold</b> & title").point("A", 0, 0).point("B", 4, 0).line("A", "B")
    fig.text("A", "<script>alert(1)</script> & x < 3")
    svg = fig.svg()
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "<script>alert(1)</script> & x < 3" in texts(svg)
    assert fromstring(svg).get("aria-label") == "A <b>bold</b> & title"


def test_labels_print_the_minus_sign_not_a_hyphen():
    fig = grid((-3, 3), (-2, 2), title="A grid")
    fig.text((1, 1), "3x - 2").text((2, 1), "(-2, 5)").text((0, 1), "x-axis")
    shown = texts(fig.svg())
    assert f"{MINUS}3" in shown and f"{MINUS}2" in shown and "-3" not in shown
    assert f"3x {MINUS} 2" in shown and f"({MINUS}2, 5)" in shown
    assert "x-axis" in shown  # a hyphen inside a word stays a hyphen


def test_a_fixed_scale_figure_prints_at_exactly_its_millimetres_per_unit():
    fig = Figure("A line 7.3 units long", mm_per_unit=10)
    fig.point("A", 0, 0).point("B", 7.3, 0).point("C", 0, 4.1).line("A", "B").line("A", "C")
    svg = fig.svg()
    root = fromstring(svg)
    assert root.get("width").endswith("mm")
    mm_per_px = float(root.get("width")[:-2]) / float(root.get("viewBox").split()[2])
    lengths = sorted(
        math.hypot(float(e["x2"]) - float(e["x1"]), float(e["y2"]) - float(e["y1"])) * mm_per_px
        for e in lines(svg)
    )
    assert lengths == pytest.approx([41.0, 73.0], abs=0.01)
    assert "NOT TO SCALE" not in svg  # a figure drawn to scale says nothing of the kind


def test_a_figure_not_to_scale_says_so():
    assert "NOT TO SCALE" in texts(
        Figure("A triangle", size=200).polygon([(0, 0), (3, 0), (1, 2)]).svg()
    )


def dashed_between(svg: str, fig: Figure, a: str, b: str) -> bool:
    pa, pb = fig.px(a), fig.px(b)

    def near(p, q):
        return math.dist(p, q) < 0.02

    for e in lines(svg):
        one, two = (float(e["x1"]), float(e["y1"])), (float(e["x2"]), float(e["y2"]))
        if (near(one, pa) and near(two, pb)) or (near(one, pb) and near(two, pa)):
            return "stroke-dasharray" in e
    raise AssertionError(f"no edge {a}{b}")


def test_a_cuboid_dashes_exactly_the_three_edges_at_its_hidden_corner():
    fig = cuboid("A cuboid", 5, 3, 2, ("5 cm", "3 cm", "2 cm"))
    svg = fig.svg()
    hidden = {("A", "D"), ("D", "C"), ("D", "H")}
    edges = [("A", "B"), ("B", "F"), ("F", "E"), ("E", "A"), ("F", "G"), ("G", "H"),
             ("H", "E"), ("B", "C"), ("C", "G"), *hidden]  # fmt: skip
    for a, b in edges:
        assert dashed_between(svg, fig, a, b) == ((a, b) in hidden), f"edge {a}{b}"


def test_a_pyramid_dashes_its_back_edges_and_height():
    fig = pyramid("A pyramid", 4, 5, ("4 cm", "5 cm"), names=True)
    svg = fig.svg()
    for a, b in (("A", "D"), ("D", "C"), ("V", "D"), ("V", "O")):
        assert dashed_between(svg, fig, a, b)
    for a, b in (("A", "B"), ("B", "C"), ("V", "A"), ("V", "B"), ("V", "C")):
        assert not dashed_between(svg, fig, a, b)


def test_a_triangular_prism_dashes_only_the_edges_no_visible_face_has():
    fig = prism("A prism", [(0, 0), (4, 0), (0, 3)], 3)
    svg = fig.svg()
    # Receding up and to the right: the sloping face is seen, the bottom and left faces are not.
    assert not dashed_between(svg, fig, "K1", "K2")  # the sloping face's back edge
    assert not dashed_between(svg, fig, "F1", "K1")
    assert not dashed_between(svg, fig, "F2", "K2")
    assert dashed_between(svg, fig, "K0", "K1")  # back edges of the hidden faces
    assert dashed_between(svg, fig, "K2", "K0")
    assert dashed_between(svg, fig, "F0", "K0")  # the corner between the hidden faces


def test_the_one_grid_is_one_ink_and_shapes_are_labelled():
    svg = shapes_grid(
        [("A", [(1, 1), (3, 1), (1, 2)]), ("B", [(-1, -1), (-3, -1), (-1, -2)])]
    ).svg()
    strokes = set(re.findall(r'stroke="([^"]+)"', svg))
    assert strokes <= {"black", "#b5b5b5"}
    assert {"A", "B"} <= set(texts(svg))


def test_toolkit_figures_survive_the_sanitiser_whole():
    for svg in (
        grid((-2, 2), (-2, 2), title="grid").svg(),
        cuboid("c", 5, 3, 2, ("5 cm", "3 cm", "2 cm")).svg(),
        Figure("to scale", mm_per_unit=5).line((0, 0), (3, 4)).svg(),
    ):
        assert sanitise_svg(svg) == svg.replace("&gt;", ">") or len(
            sanitise_svg(svg)
        ) >= 0.95 * len(svg)
        assert texts(sanitise_svg(svg)) == texts(svg)
        assert len(lines(sanitise_svg(svg))) == len(lines(svg))


def test_a_label_and_its_own_outline_keep_their_part_through_the_sanitiser():
    fig = shapes_grid([("A", [(0, 0), (1, 0), (0, 1)])])  # a name bigger than its triangle
    svg = fig.svg()
    assert 'class="part-' in svg
    assert not list(on_lines(read(svg))) and not list(on_lines(read(sanitise_svg(svg))))


def test_a_placed_label_moves_off_a_label_already_there():
    fig = grid((0, 4), (0, 4), title="grid")
    fig.text((2, 2), "WWWW", dx=-14, dy=-12, size=15).place((2, 2), "P", size=15)
    assert not overlaps(figure_labels(fig.svg()))


def test_a_label_with_no_clear_place_rejects_the_draw():
    fig = grid((0, 4), (0, 4), title="grid")
    fig.text((2, 2), "WWWWWWWWWW", size=40).place((2, 2), "P", size=15, gap=2, prefer=[0])
    with pytest.raises(Reject, match="no clear place .* 'P'"):
        fig.svg()


# --- the verifier's figure.labels check ---------------------------------------------------


def with_figure(svg: str):
    template = get_template("geometry.triangle_angles")
    question = generate(template, seed=3, difficulty=2, tier=template.tiers[0]).question
    return question.model_copy(update={"diagram_svg": svg})


def test_a_question_whose_figure_labels_collide_is_refused():
    fig = Figure("Triangle ABC", size=240).polygon([(0, 0), (4, 0), (1, 3)])
    fig.text((0, 0), "A").text((0, 0), "52°", dx=4)
    report = verify(with_figure(fig.svg()))
    assert not report.passed
    failure = [c for c in report.failures if c.name == "figure.labels"]
    assert failure and "'A' and '52°'" in failure[0].detail


def test_labels_in_translated_groups_and_turned_axis_titles_are_placed_where_drawn():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" font-size="12">'
        '<g transform="translate(100 0)"><text x="0" y="50">Frequency</text></g>'
        '<text x="100" y="50" transform="rotate(-90 100 50)">Height</text>'
        '<text x="300" y="50">far away</text></svg>'
    )
    labels = figure_labels(svg)
    assert labels[0].box[0] == pytest.approx(100)
    turned = labels[1].box
    assert turned[2] - turned[0] < turned[3] - turned[1]  # upright box for a turned title
    assert len(overlaps(labels)) == 1  # "Frequency" runs across the turned title


def test_a_question_whose_figure_has_a_line_through_a_label_is_refused():
    fig = Figure("Triangle ABC", size=240).polygon([(0, 0), (4, 0), (1, 3)])
    fig.text((2, 0), "8 cm")  # on the side it names, not beside it
    report = verify(with_figure(fig.svg()))
    failure = [c for c in report.failures if c.name == "figure.label_lines"]
    assert failure and "'8 cm'" in failure[0].detail
    assert "figure.labels" not in {c.name for c in report.failures}


def test_a_label_may_touch_only_the_lines_it_belongs_to():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" font-size="14">'
        '<polygon points="0,0 60,0 60,40" stroke="black" class="part-1"/>'
        '<line x1="0" y1="20" x2="60" y2="20" stroke="black"/>'
        '<line x1="0" y1="60" x2="60" y2="60" stroke="#b5b5b5"/>'
        '<text x="45" y="12" text-anchor="middle" dominant-baseline="central" class="part-1">'
        "A</text>"
        '<text x="30" y="20" text-anchor="middle" dominant-baseline="central">on</text>'
        '<text x="30" y="60" text-anchor="middle" dominant-baseline="central">grid</text></svg>'
    )
    assert [label.text for label in on_lines(read(svg))] == ["on"]  # not A, nor squared paper


def test_an_arc_is_read_where_it_is_drawn():
    # A semicircle over the top of a circle of radius 50 about (100, 100): through (100, 50).
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg">'
        '<path d="M 50 100 A 50 50 0 0 1 150 100" fill="none" stroke="black"/>'
        '<text x="100" y="50" text-anchor="middle" dominant-baseline="central">top</text>'
        '<text x="100" y="150" text-anchor="middle" dominant-baseline="central">below</text>'
        "</svg>"
    )
    assert [label.text for label in on_lines(read(svg))] == ["top"]


def test_placed_labels_step_off_lines_they_do_not_label():
    drawn = (
        cone("A cone", 5, 12, ("5 cm", "12 cm")),
        sphere("A sphere", "3.5 cm"),
        pyramid("A pyramid", 6, 9, ("6 cm", "9 cm")),
        frustum("A frustum", 8, 2, 21, apex=True, labels={"R": "8 cm", "r": "2 cm", "h": "h cm"}),
    )
    for fig in drawn:
        assert not list(on_lines(read(fig.svg()))), fig.title


def test_a_figure_that_is_not_svg_is_refused():
    report = verify(with_figure("<svg><text>unclosed</svg>"))
    assert "figure.labels" in {c.name for c in report.failures}


# --- every figure a template draws -------------------------------------------------------

FIGURE_TEMPLATES = [
    t.key
    for t in templates()
    if any(
        generate(t, seed=s, difficulty=d, tier=t.tiers[0]).question.diagram_svg
        for s in (0, 1)
        for d in (1, 3, 5)
    )  # fmt: skip
]


@pytest.mark.parametrize("key", FIGURE_TEMPLATES)
def test_every_template_figure_keeps_its_labels_apart(key):
    template = get_template(key)
    drawn = 0
    for tier in template.tiers:
        for difficulty in range(1, 6):
            for seed in range(3):
                question = generate(template, seed=seed, difficulty=difficulty, tier=tier).question
                if not question.diagram_svg:
                    continue
                drawn += 1
                reading = read(question.diagram_svg)
                clashes = overlaps(reading.labels)
                assert not clashes, (seed, difficulty, tier, [(a.text, b.text) for a, b in clashes])
                crossed = [label.text for label in on_lines(reading)]
                assert not crossed, (seed, difficulty, tier, crossed)
    assert drawn


# --- graphs in the data's units, the number line, readings --------------------------------


def test_a_graph_plots_in_the_data_units_on_numbered_squared_paper():
    from generation.engine.authoring.figures import Graph

    graph = Graph("g", (0, 60, 10), (0, 120, 20), x_title="Time (minutes)", y_title="Frequency")
    graph.cross((30, 60))
    svg = graph.svg()
    shown = texts(svg)
    assert {"10", "60", "20", "120", "Time (minutes)", "Frequency"} <= set(shown)
    (x0, y0), (x1, y1) = graph.fig.px(graph.to((0, 0))), graph.fig.px(graph.to((60, 120)))
    cx, cy = graph.fig.px(graph.to((30, 60)))
    assert (cx, cy) == pytest.approx(((x0 + x1) / 2, (y0 + y1) / 2))
    # 6 x 10 and 6 x 10 small squares (a step of 10 or 20 has ten), one grid ink, square squares
    grid_lines = [e for e in lines(svg) if e["stroke"] == "#b5b5b5"]
    assert len(grid_lines) == 61 + 61
    assert (x1 - x0) / 60 == pytest.approx((y0 - y1) / 60)


def test_a_number_line_fills_the_included_end_and_leaves_the_excluded_end_open():
    from generation.engine.authoring.figures import number_line

    svg = number_line(-3, 3, [(-2, True), (1, False)]).svg()
    circles = [dict(e.attrib) for e in fromstring(svg).iter(f"{SVG}circle")]
    assert sorted(c["fill"] for c in circles) == ["black", "white"]
    assert f"{MINUS}3" in texts(svg) and "3" in texts(svg)


def test_a_reading_accepts_its_band_widened_by_the_tolerance_and_rounded_outwards():
    from sympy import Rational

    from generation.engine.authoring.figures import nearest, reading

    found = reading(Rational("174.6"), [Rational("177.2")], resolution=1, tolerance=1)
    assert (found.value, found.low, found.high) == (175, 173, 179)
    assert found.accepted == "[173, 179]"
    assert reading(Rational("23.3"), [], resolution=Rational(1, 2)).value == Rational("23.5")
    with pytest.raises(Reject):
        nearest(Rational("174.5"), 1)  # halfway: two readers would disagree
