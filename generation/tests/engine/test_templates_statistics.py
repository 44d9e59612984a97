"""Statistics templates (topic 9), checked the way a teacher would: the mean times the total
frequency gives the sum, medians and quartiles are where the data puts them, pie chart angles
add up to 360°, frequency density times class width gives the frequency, and a scatter
diagram's correlation matches its data."""

from __future__ import annotations

import re
import statistics
from fractions import Fraction

import pytest

from generation.engine.base import generate, get_template
from generation.engine.verifier import verify
from questions.schemas import Question, Tier

KEYS = [
    "statistics.frequency_table",
    "statistics.averages_list",
    "statistics.stem_and_leaf",
    "statistics.pie_chart",
    "statistics.scatter_diagram",
    "statistics.grouped_mean",
    "statistics.cumulative_frequency",
    "statistics.histogram",
    "statistics.two_way_table",
    "statistics.scatter_reading",
    "statistics.histogram_reading",
    "statistics.cumulative_compare",
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


def _part(q: Question, start: str):
    """The first part whose text starts with ``start`` (or None)."""
    return next((p for p in q.parts if p.text.startswith(start)), None)


def _containing(q: Question, words: str):
    """The first part whose text contains ``words`` (or None)."""
    return next((p for p in q.parts if words in p.text), None)


def _value(text: str) -> Fraction:
    return Fraction(text.strip())


def _close(shown: str, exact: Fraction, figures: int = 3) -> bool:
    """Whether ``shown`` is ``exact`` (or ``exact`` to ``figures`` significant figures)."""
    value = Fraction(shown)
    if value == exact:
        return True
    return (
        abs(float(value) - float(exact))
        <= 0.5 * 10 ** (len(str(int(abs(float(exact))))) - figures) + 1e-9
    )


def _row(stem: str, heading: str) -> list[str]:
    return [c.strip() for c in re.search(heading + r" & (.+?) \\\\", stem).group(1).split("&")]


def test_frequency_table_mean_times_total_gives_the_sum():
    for q in _variants("statistics.frequency_table"):
        if q.difficulty == 1:
            raw = [int(v) for v in re.findall(r"-?\d+", q.stem.split("$", 3)[3])]
            freqs = [int(a.plain) for a in q.parts[0].answers]
            values = list(range(min(raw), min(raw) + len(freqs)))
            assert [raw.count(v) for v in values] == freqs
            assert q.parts[1].answers[0].plain == "discrete"
            continue
        values = [int(v) for v in _row(q.stem, r"\\text\{Number of \w+\}")]
        cells = _row(q.stem, r"\\text\{Frequency\}")
        unknown = _part(q, "The mean is")
        if unknown:
            x = _value(unknown.answers[0].plain)
            mean = Fraction(re.search(r"mean is \$([\d.]+)\$", unknown.text).group(1))
        freqs = [int(c) if c != "x" else x for c in cells]
        data = [v for v, f in zip(values, freqs, strict=True) for _ in range(int(f))]
        if unknown:
            assert mean * len(data) == sum(data)
        if part := _part(q, "Calculate the mean"):
            assert _close(part.answers[0].plain, Fraction(sum(data), len(data)))
        if part := _part(q, "Find the median"):
            assert _value(part.answers[0].plain) == Fraction(statistics.median(data))
        if part := _part(q, "Write down the mode"):
            assert int(part.answers[0].plain) == statistics.mode(data)


def test_averages_of_a_list_match_the_data():
    for q in _variants("statistics.averages_list"):
        data = [int(v) for v in re.findall(r"-?\d+", q.stem.split("$", 3)[3])]
        n = int(re.search(r"\$(\d+)\$", q.stem).group(1))
        assert len(data) == n
        mean = Fraction(sum(data), n)
        assert _close(_part(q, "Calculate the mean").answers[0].plain, mean)
        assert _value(_part(q, "Find the median").answers[0].plain) == Fraction(
            statistics.median(data)
        )
        if part := _part(q, "Work out the range"):
            assert int(part.answers[0].plain) == max(data) - min(data)
        if part := _part(q, "Write down the mode"):
            assert int(part.answers[0].plain) == statistics.mode(data)
        if part := _part(q, "One more value"):
            new_mean = Fraction(re.search(r"values is \$([\d.]+)\$", part.text).group(1))
            extra = _value(part.answers[0].plain)
            assert Fraction(sum(data) + extra, n + 1) == new_mean
        if q.difficulty == 5:
            assert (
                max(data) - statistics.median(data) > 3 * (statistics.median(data) - min(data)) / 2
            )


def _stem_and_leaf(q: Question) -> list[Fraction]:
    body = re.search(r"\\begin\{array\}\{r\|l\} (.+?) \\end\{array\}", q.stem).group(1)
    key = re.search(r"represents \} (\S+) ", q.stem).group(1)
    example = re.search(r"Key: \} (\d+) \\mid (\d+)", q.stem).groups()
    scale = Fraction(int(example[0] + example[1])) / Fraction(key)
    data = []
    for row in body.split(" \\\\ "):
        stem, leaves = row.split(" &")
        data += [
            Fraction(int(stem) * 10 + int(leaf)) / scale
            for leaf in leaves.split(" \\; ")
            if leaf.strip()  # a stem may have no leaves
        ]
    return data


def test_stem_and_leaf_answers_are_read_from_the_diagram():
    for q in _variants("statistics.stem_and_leaf"):
        data = _stem_and_leaf(q)
        assert data == sorted(data)
        assert int(re.search(r"\$(\d+)\$", q.stem).group(1)) == len(data)
        median = Fraction(statistics.median(data))
        assert (
            _value(
                _part(q, "Find the median" if q.tier == Tier.CORE else "Write down the median")
                .answers[0]
                .plain
            )
            == median
        )
        assert _value(_part(q, "Work out the range").answers[0].plain) == data[-1] - data[0]
        if part := _part(q, "Work out the interquartile range"):
            n = len(data)
            assert (n + 1) % 4 == 0
            lq, uq = data[(n + 1) // 4 - 1], data[3 * (n + 1) // 4 - 1]
            assert _value(part.answers[0].plain) == uq - lq
            assert lq <= median <= uq
        if part := _part(q, "Calculate the mean"):
            assert _close(part.answers[0].plain, sum(data) / len(data))


def test_pie_chart_angles_add_up_to_360():
    for q in _variants("statistics.pie_chart"):
        if "The sector angles are" in q.stem:
            angles = [int(a) for a in re.findall(r"\$(\d+)\^\{\\circ\}\$", q.stem)]
            missing = _value(q.parts[0].answers[0].plain)
            assert sum(angles) + missing == 360
            known, count = re.search(r"\$(\d+)\$ \w+ (.+?)\.$", q.stem).groups()
            total = _value(q.parts[1].answers[0].plain)
            assert total.denominator == 1
            continue
        total = int(re.search(r"^\$(\d+)\$", q.stem).group(1))
        cells = _row(q.stem, r"\\text\{Frequency\}")
        freqs = [int(c) if c else None for c in cells]
        if None in freqs:
            freqs[freqs.index(None)] = int(q.parts[0].answers[0].plain)
        assert sum(freqs) == total
        angles = [Fraction(360 * f, total) for f in freqs]
        assert sum(angles) == 360
        part = _part(q, "Work out the sector angle")
        assert _value(part.answers[0].plain) in angles


def _accepted(q: Question, part) -> tuple[Fraction, Fraction]:
    """The range a part's mark line accepts: ``accept $[lo, hi]$``."""
    line = next(m for m in q.mark_scheme if m.part == part.label and "accept" in m.awarded_for)
    low, high = re.search(r"accept \$\[(-?[\d.]+), (-?[\d.]+)\]\$", line.awarded_for).groups()
    return Fraction(low), Fraction(high)


def test_scatter_correlation_matches_the_data_and_readings_accept_both_regression_lines():
    for q in _variants("statistics.scatter_diagram"):
        rows = re.findall(r"\\text\{[^}]+\} & (.+?) \\\\", q.stem)
        xs, ys = ([int(v) for v in r.split("&")] for r in rows[:2])
        r = statistics.correlation(xs, ys)
        expected = "positive" if r > 0 else "negative"
        assert abs(r) > 0.8
        assert q.parts[0].answers[0].plain == expected
        assert not re.search(r"y = -?[\d.]+x", " ".join(p.text for p in q.parts))  # no equation
        assert q.diagram_svg.count("<path") == len(xs)  # one cross a point
        part = _containing(q, "estimate the value of $y$")
        x0 = Fraction(re.search(r"when \$x = ([\d.]+)\$", part.text).group(1))
        assert min(xs) < x0 < max(xs) and x0 not in xs  # interpolation, not a data point
        on_y = statistics.linear_regression(xs, ys)
        on_x = statistics.linear_regression(ys, xs)
        low, high = _accepted(q, part)
        assert low <= _value(part.answers[0].plain) <= high
        mx, my = statistics.fmean(xs), statistics.fmean(ys)
        for y in (on_y.slope * float(x0) + on_y.intercept, my + (float(x0) - mx) / on_x.slope):
            assert low <= y <= high
        if part := _containing(q, "estimate the value of $x$"):
            y0 = float(re.search(r"when \$y = (\d+)\$", part.text).group(1))
            low, high = _accepted(q, part)
            assert low <= _value(part.answers[0].plain) <= high
            for x in (on_x.slope * y0 + on_x.intercept, mx + (y0 - my) / on_y.slope):
                assert low <= x <= high


def test_grouped_mean_times_total_frequency_gives_the_sum_of_midpoints():
    for q in _variants("statistics.grouped_mean"):
        classes = re.findall(r"(\d+) < \w \\le (\d+) & (\d+)", q.stem)
        mids = [Fraction(int(a) + int(b), 2) for a, b, _ in classes]
        freqs = [int(f) for _, _, f in classes]
        n = sum(freqs)
        estimate = Fraction(_part(q, "Calculate an estimate").answers[0].plain)
        exact = sum(m * f for m, f in zip(mids, freqs, strict=True)) / n
        assert _close(str(estimate), exact)
        modal = _part(q, "Write down the modal class").answers[0]
        top = freqs.index(max(freqs))
        assert modal.plain.startswith(classes[top][0] + " <")


def _polygon(points: list[tuple[int, int]], cf: Fraction) -> Fraction:
    for (x0, c0), (x1, c1) in zip(points, points[1:], strict=False):
        if c0 <= cf <= c1 and c1 > c0:
            return x0 + (cf - c0) / (c1 - c0) * (x1 - x0)
    raise AssertionError(cf)


def test_cumulative_frequency_readings_are_in_their_accepted_ranges():
    drawn = table = 0
    for q in _variants("statistics.cumulative_frequency"):
        classes = re.findall(r"(\d+) < \w \\le (\d+) & (\d+)", q.stem)
        median_part = _containing(q, "find an estimate of the median")
        low, high = _accepted(q, median_part)
        median = Fraction(median_part.answers[0].plain)
        assert low <= median <= high
        if classes:  # the candidate completes the table and draws the curve
            table += 1
            freqs = [int(f) for _, _, f in classes]
            cumulative = [int(a.plain) for a in q.parts[0].answers]
            assert cumulative[-1] == sum(freqs)
            assert all(
                b - a == f for a, b, f in zip([0, *cumulative], cumulative, freqs, strict=False)
            )
            assert "upper bounds" in " ".join(m.awarded_for for m in q.mark_scheme)
            points = [(int(classes[0][0]), 0)] + [
                (int(c[1]), f) for c, f in zip(classes, cumulative, strict=True)
            ]
            # The polygon through the same points reads within the accepted range too.
            assert low <= _polygon(points, Fraction(sum(freqs), 2)) <= high
            assert "<polyline" not in q.diagram_svg  # an empty grid to draw on
        else:  # the curve is printed
            drawn += 1
            assert "<polyline" in q.diagram_svg
        if part := _containing(q, "interquartile range"):
            low, high = _accepted(q, part)
            assert 0 < low <= Fraction(part.answers[0].plain) <= high
        if part := _containing(q, "number of values greater than"):
            low, high = _accepted(q, part)
            assert 0 < low <= Fraction(part.answers[0].plain) <= high
    assert drawn and table


def test_histogram_frequency_density_times_width_is_the_frequency():
    for q in _variants("statistics.histogram"):
        rows = re.findall(r"(\d+) < \w \\le (\d+) & (\d+) & ([\d.]*)", q.stem)
        answers = iter(q.parts[0].answers)
        for low, high, f, fd in rows:
            density = Fraction(fd) if fd else Fraction(next(answers).plain)
            assert density * (int(high) - int(low)) == int(f)
        # The grid shows the bars of the classes whose density is given (three sides each,
        # besides the two axes); the candidate draws the rest.
        given = sum(1 for *_, fd in rows if fd)
        assert q.diagram_svg.count('stroke="black" stroke-width="1.5"') == 2 + 3 * given
        assert _containing(q, "complete the histogram").marks == len(rows) - given
        second = _containing(q, "has a height of")
        height = Fraction(re.search(r"height of \$([\d.]+)\$", second.text).group(1))
        low, high = (
            int(v) for v in re.search(r"class \$(\d+) < \w \\le (\d+)\$", second.text).groups()
        )
        assert _value(second.answers[0].plain) == height * (high - low)


@pytest.mark.parametrize("key", KEYS)
def test_every_variant_passes_the_verifier(key):
    failures = [
        f"{q.tier.value} d{q.difficulty} seed {q.variant.seed}: {verify(q).summary()}"
        for q in _variants(key, seeds=range(3))
        if not verify(q).passed
    ]
    assert not failures, "\n".join(failures[:5])


def test_classification_answers_are_discrete_or_continuous():
    for q in _variants("statistics.frequency_table", seeds=range(3)):
        for part in q.parts:
            if "discrete or continuous" in part.text:
                expected = (
                    "continuous"
                    if "mass" in part.text or "time" in part.text or "length" in part.text
                    else "discrete"
                )
                # a written answer: the verifier cannot check it, so this test does
                assert part.answers[0].plain == expected


def test_diagrams_are_simple_well_formed_svg():
    import xml.etree.ElementTree as ET

    for key in ("statistics.pie_chart", "statistics.scatter_diagram"):
        for q in _variants(key, seeds=range(2)):
            if not q.diagram_svg:
                continue
            root = ET.fromstring(q.diagram_svg)
            assert root.tag.endswith("svg")
            assert "<script" not in q.diagram_svg and "href" not in q.diagram_svg


# ---------------------------------------------------------------------------------------------
# Second question types for 9.1/9.2 (two-way tables) and 9.5 (reading a scatter diagram)

SECOND_TYPES = {
    "statistics.two_way_table": ["9.1", "9.2"],
    "statistics.scatter_reading": ["9.5"],
}


def _marker_gives(q: Question, wrong) -> int:
    from generation.engine.marking import mark_part, split_final_answers

    answers = len(q.part(wrong.part).answers)
    return mark_part(q, wrong.part, split_final_answers(wrong.plain, answers), wrong.working)


@pytest.mark.parametrize("key", list(SECOND_TYPES))
def test_second_types_carry_their_codes_and_mark_wrong_answers_as_the_marker_does(key):
    template = get_template(key)
    assert set(template.tiers) == {Tier.CORE, Tier.EXTENDED}
    wrongs = 0
    for q in _variants(key, seeds=range(4)):
        prefix = "C" if q.tier == Tier.CORE else "E"
        assert q.syllabus_codes == [prefix + code for code in SECOND_TYPES[key]]
        for wrong in q.wrong_answers:
            wrongs += 1
            assert wrong.marks_awarded == _marker_gives(q, wrong), wrong
            assert wrong.marks_awarded < q.part(wrong.part).marks, wrong
    assert wrongs


def _two_way(q: Question) -> tuple[list[str], list[str], list[list[str]]]:
    """The printed two-way table: column headings, row headings and the cells ('' if missing)."""
    body = re.search(r"\\begin\{array\}\{[^}]*\} \\hline (.+?) \\\\ \\hline \\end", q.stem).group(1)
    rows = [[c.strip() for c in row.split("&")] for row in body.split(r" \\ \hline ")]
    unwrap = [[re.sub(r"\\text\{(.*)\}", r"\1", c) for c in row] for row in rows]
    return unwrap[0][1:], [r[0] for r in unwrap[1:]], [r[1:] for r in unwrap[1:]]


def _completed(q: Question) -> tuple[list[str], list[str], list[list[int]]]:
    columns, rows, cells = _two_way(q)
    answers = {a.label: int(a.plain) for a in q.parts[0].answers}
    grid = []
    for r, row in enumerate(cells):
        out = []
        for c, value in enumerate(row):
            if value:
                out.append(int(value))
                continue
            label = (
                "Grand total"
                if (r, c) == (len(rows) - 1, len(columns) - 1)
                else f"{rows[r]}, {columns[c]}"
            )
            out.append(answers.pop(label))
        grid.append(out)
    assert not answers, f"answers for cells that are printed: {answers}"
    return columns, rows, grid


def test_two_way_table_completes_to_a_consistent_table():
    for q in _variants("statistics.two_way_table"):
        columns, rows, grid = _completed(q)
        assert columns[-1] == rows[-1] == "Total"
        for row in grid:
            assert sum(row[:-1]) == row[-1]  # each row adds up to its total
        for c in range(len(columns)):
            assert sum(grid[r][c] for r in range(len(rows) - 1)) == grid[-1][c]
        assert all(v > 0 for row in grid for v in row)
        missing = sum(1 for row in _two_way(q)[2] for v in row if not v)
        assert missing == {1: 3, 2: 4, 3: 4, 4: 5, 5: 6}[q.difficulty]
        assert q.parts[0].marks == (2 if q.difficulty <= 2 else 3)


def _which(text: str, names: list[str]) -> list[int]:
    return [i for i, name in enumerate(names) if re.search(rf"\b{name}\b", text, re.IGNORECASE)]


def test_two_way_table_fractions_and_probabilities_use_the_right_total():
    from generation.engine.templates.statistics.two_way import _TABLES

    seen = set()
    for q in _variants("statistics.two_way_table"):
        columns, rows, grid = _completed(q)
        context = next(t for t in _TABLES if list(t[4]) == columns[:-1])
        groups = context[3]
        n = grid[-1][-1]
        for part in q.parts[1:]:
            got = Fraction(part.answers[0].plain) if part.answers[0].value else None
            col = _which(part.text, columns[:-1])
            if part.text.startswith("What fraction of"):
                (r,) = [i for i, g in enumerate(groups) if g[1] in part.text]
                expected, kind = Fraction(grid[r][col[0]], grid[r][-1]), "fraction of a row"
            elif "or both" in part.text:
                (r,) = [i for i, g in enumerate(groups) if g[2] in part.text]
                c = col[0]
                expected = Fraction(grid[r][-1] + grid[-1][c] - grid[r][c], n)
                kind = "or"
            elif part.text.startswith("One of the") and "is chosen at random. Find" in part.text:
                if re.match(r"One of the \w+ is chosen", part.text):
                    (r,) = [i for i, g in enumerate(groups) if g[2] in part.text]
                    expected, kind = Fraction(grid[r][col[0]], n), "and"
                else:  # within the column named first
                    (r,) = [i for i, g in enumerate(groups) if g[2] in part.text]
                    expected = Fraction(grid[r][col[0]], grid[-1][col[0]])
                    kind = "given a column"
            elif part.text.startswith("Write down the total number"):
                expected, kind = Fraction(grid[-1][col[0]]), "column total"
            else:
                assert part.answers[0].plain == "categorical"
                continue
            assert len(col) == 1, part.text
            assert got == expected, (kind, part.text, got, expected)
            seen.add(kind)
    assert seen == {"fraction of a row", "or", "and", "given a column", "column total"}


def _scatter_points(svg: str) -> list[tuple[Fraction, Fraction]]:
    """The crosses of a scatter diagram in the data's units, read with the numbered axes."""
    ticks = re.findall(
        r'<text x="([\d.]+)" y="([\d.]+)" text-anchor="(middle|end)" font-size="11"[^>]*>'
        r"(\d+)</text>",
        svg,
    )
    xs = [(float(px), int(v)) for px, _, anchor, v in ticks if anchor == "middle"]
    ys = [(float(py), int(v)) for _, py, anchor, v in ticks if anchor == "end" and v != "0"]

    def through(pairs):
        (p0, v0), (p1, v1) = pairs[0], pairs[-1]
        return lambda p: Fraction(
            round(v0 + (p - p0) * (v1 - v0) / (p1 - p0), 3)
        ).limit_denominator(100)

    to_x, to_y = through(xs), through(ys)
    crosses = re.findall(r'<path d="M ([\d.]+) ([\d.]+) L ([\d.]+) ([\d.]+) M', svg)
    return [
        (to_x((float(a) + float(c)) / 2), to_y((float(b) + float(d)) / 2)) for a, b, c, d in crosses
    ]


def test_scatter_reading_outlier_correlation_and_readings_match_the_diagram():
    for q in _variants("statistics.scatter_reading"):
        points = _scatter_points(q.diagram_svg)
        assert len(points) == 11
        outlier = tuple(Fraction(v) for v in q.parts[1].answers[0].plain.strip("()").split(","))
        assert outlier in points  # the answer is a cross on the diagram
        others = list(points)
        others.remove(outlier)
        xs, ys = [float(x) for x, _ in others], [float(y) for _, y in others]
        fit = statistics.linear_regression(xs, ys)
        residuals = [abs(y - fit.slope * x - fit.intercept) for x, y in zip(xs, ys, strict=True)]
        off = abs(float(outlier[1]) - fit.slope * float(outlier[0]) - fit.intercept)
        assert off > 3 * max(residuals)  # it clearly does not follow the trend
        r = statistics.correlation(xs, ys)
        assert abs(r) > 0.85
        assert q.parts[0].answers[0].plain == ("positive" if r > 0 else "negative")
        on_x = statistics.linear_regression(ys, xs)
        mx, my = statistics.fmean(xs), statistics.fmean(ys)
        if part := _containing(q, "plot the mean point"):
            stated = [float(v) for v in re.findall(r"is \$([\d.]+)\$", part.text)]
            assert stated == pytest.approx([mx, my])
        for part in q.parts:
            if not part.text.startswith("Use your line") and "Use your line" not in part.text:
                continue
            low, high = _accepted(q, part)
            assert low <= _value(part.answers[0].plain) <= high
            if m := re.search(r"value of \$y\$ when \$x = ([\d.]+)\$", part.text):
                x0 = float(m.group(1))
                assert min(xs) < x0 < max(xs)
                readings = (fit.slope * x0 + fit.intercept, my + (x0 - mx) / on_x.slope)
            elif m := re.search(r"value of \$x\$ when \$y = ([\d.]+)\$", part.text):
                y0 = float(m.group(1))
                assert min(ys) < y0 < max(ys)
                readings = (on_x.slope * y0 + on_x.intercept, mx + (y0 - my) / fit.slope)
            elif "for this point" in part.text:
                x0 = float(outlier[0])
                readings = (fit.slope * x0 + fit.intercept, my + (x0 - mx) / on_x.slope)
            else:  # a difference between two readings
                a, b = (float(v) for v in re.findall(r" (\d+)(?: hours| °C| cm)", part.text))
                readings = (abs(fit.slope) * abs(b - a), abs(b - a) / abs(on_x.slope))
                assert part.marks == 2
            for value in readings:  # both least-squares lines are reasonable lines of best fit
                assert float(low) <= value <= float(high), (part.text, readings, low, high)


# ---------------------------------------------------------------------------------------------
# Second question types for E9.6 (comparing distributions from a cumulative frequency curve)
# and E9.7 (reading a histogram)

EXTENDED_ONLY = {
    "statistics.histogram_reading": "E9.7",
    "statistics.cumulative_compare": "E9.6",
}


@pytest.mark.parametrize("key", list(EXTENDED_ONLY))
def test_extended_second_types_carry_their_code_and_mark_wrong_answers_as_the_marker_does(key):
    assert set(get_template(key).tiers) == {Tier.EXTENDED}
    wrongs = 0
    for q in _variants(key, seeds=range(4)):
        assert q.syllabus_codes == [EXTENDED_ONLY[key]]
        for wrong in q.wrong_answers:
            wrongs += 1
            assert wrong.marks_awarded == _marker_gives(q, wrong), wrong
            assert wrong.marks_awarded < q.part(wrong.part).marks, wrong
    assert wrongs


def _lines(svg: str) -> list[tuple[float, float, float, float]]:
    found = re.findall(
        r'<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)" stroke="black" '
        r'stroke-width="1.5"',
        svg,
    )
    return [tuple(float(v) for v in line) for line in found]


def test_histogram_reading_table_and_estimate_match_the_drawn_bars():
    for q in _variants("statistics.histogram_reading"):
        bounds = [int(b) for b in q.variant.params["bounds"].split("-")]
        widths = [b - a for a, b in zip(bounds, bounds[1:], strict=False)]
        freqs = [int(a.plain) for a in q.parts[0].answers]
        densities = [Fraction(f, w) for f, w in zip(freqs, widths, strict=True)]
        # The bars drawn: each top as wide as its class and as high as its density, to one scale.
        axis = max(y for *_, y in _lines(q.diagram_svg))
        tops = sorted(
            (x1, x2, axis - y1) for x1, y1, x2, y2 in _lines(q.diagram_svg) if y1 == y2 < axis
        )
        assert len(tops) == len(widths)
        across = (tops[0][1] - tops[0][0]) / widths[0]
        up = tops[0][2] / float(densities[0])
        for (x1, x2, height), w, d in zip(tops, widths, densities, strict=True):
            assert abs((x2 - x1) - across * w) < 0.05
            assert abs(height - up * float(d)) < 0.05
        assert tops[0][0] < tops[-1][0]
        assert Fraction(_part(q, "Work out the total").answers[0].plain) == sum(freqs)
        # The estimate: the density times the length of each class inside the range.
        a, b = (int(v) for v in q.variant.params["between"].split("-"))
        expected = sum(
            d * max(0, min(b, hi) - max(a, lo))
            for lo, hi, d in zip(bounds, bounds[1:], densities, strict=False)
        )
        assert Fraction(_containing(q, "spread evenly").answers[0].plain) == expected


def _drawn_curve(q: Question) -> list[tuple[Fraction, Fraction]]:
    """The printed curve in data coordinates: its ends are at (first bound, 0) and (last
    bound, n)."""
    points = re.search(r'<polyline points="([^"]+)"', q.diagram_svg).group(1).split()
    pixels = [tuple(Fraction(v) for v in p.split(",")) for p in points]
    params = q.variant.params
    bounds = sorted(int(k[2:]) for k in params if k.startswith("cf"))
    n = Fraction(params["n"])
    (px0, py0), (px1, py1) = pixels[0], pixels[-1]
    return [
        (
            bounds[0] + (x - px0) / (px1 - px0) * (bounds[-1] - bounds[0]),
            (y - py0) / (py1 - py0) * n,
        )
        for x, y in pixels
    ]


def _curve_x(points, cf):
    for (x0, c0), (x1, c1) in zip(points, points[1:], strict=False):
        if c0 <= cf <= c1 and c1 > c0:
            return x0 + (cf - c0) / (c1 - c0) * (x1 - x0)
    raise AssertionError(cf)


def _curve_y(points, x):
    for (x0, c0), (x1, c1) in zip(points, points[1:], strict=False):
        if x0 <= x <= x1:
            return c0 + (x - x0) / (x1 - x0) * (c1 - c0)
    raise AssertionError(x)


def test_cumulative_compare_readings_come_from_the_drawn_curve_and_comparisons_follow():
    for q in _variants("statistics.cumulative_compare"):
        curve = _drawn_curve(q)
        params = q.variant.params
        n = Fraction(params["n"])
        for b in sorted(int(k[2:]) for k in params if k.startswith("cf")):
            assert abs(_curve_y(curve, b) - params[f"cf{b}"]) < Fraction(1, 10)
        part = _containing(q, "find the median")
        low, high = _accepted(q, part)
        median = Fraction(part.answers[0].plain)
        assert low <= median <= high and low <= _curve_x(curve, n / 2) <= high
        part = _containing(q, "interquartile range for")
        low, high = _accepted(q, part)
        iqr = _curve_x(curve, 3 * n / 4) - _curve_x(curve, n / 4)
        assert low <= Fraction(part.answers[0].plain) <= high and low <= iqr <= high
        # The comparisons name the group with the greater median and the smaller IQR.
        words = _containing(q, "Make two comparisons").answers[0].plain
        groups = re.search(r"for (.+) and the \w+ for (.+)\.$", q.parts[2].text).groups()
        greater = groups[1] if Fraction(params["mB"]) > median else groups[0]
        narrower = groups[1] if Fraction(params["iB"]) < iqr else groups[0]
        assert words.startswith(f"the median for {greater} is greater")
        assert f"the interquartile range for {narrower} is smaller" in words
        if part := _containing(q, "The top"):
            low, high = _accepted(q, part)
            v = _curve_x(curve, n - Fraction(params["p"]) * n / 100)
            assert low <= Fraction(part.answers[0].plain) <= high and low <= v <= high
        if part := _containing(q, "with a"):
            low, high = _accepted(q, part)
            count = _curve_y(curve, Fraction(params["B"])) - _curve_y(curve, Fraction(params["A"]))
            assert low <= Fraction(part.answers[0].plain) <= high and low <= count <= high
