"""The verifier catches planted mistakes, each with the specific check a teacher can read."""

from __future__ import annotations

import pytest

from generation.engine.base import generate, get_template
from generation.engine.verifier import verify
from generation.tests.engine import samples
from questions.schemas import Question, Tier

EXAMPLE = "mensuration.circle_area_circumference"

CHECK_NAMES = {
    "schema",
    "structure",
    "text.maths",
    "given.value",
    "given.display",
    "given.stated",
    "answer.value",
    "answer.display",
    "answer.satisfies",
    "answer.by_hand",
    "answer.form",
    "solution.values",
    "solution.final_step",
    "solution.step_text",
    "marks.total",
    "marks.line_total",
    "marks.depends_on",
    "marks.dep",
    "marks.value",
    "marks.answer_line",
    "command_word",
    "calculator_policy",
    "syllabus_codes",
    "marking.full_marks",
    "marking.wrong_answer_is_wrong",
    "marking.wrong_answer_marks",
    "difficulty.band",
}


def failed(report, part=None):
    """Names of the failed checks (of one part, if given)."""
    return {c.name for c in report.failures if part is None or c.part == part}


def detail(report, name):
    return " | ".join(c.detail for c in report.failures if c.name == name)


# --- valid questions pass ------------------------------------------------------------------


@pytest.mark.parametrize("build", [samples.pond, samples.algebra, samples.quadratic])
def test_hand_written_questions_pass(build):
    report = verify(build())
    assert report.passed, report.summary()
    assert {c.name for c in report.checks} <= CHECK_NAMES
    assert all(c.detail for c in report.checks)


def test_a_validated_model_and_its_dict_give_the_same_report():
    question = Question.model_validate(samples.pond())
    assert verify(question) == verify(samples.pond())


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_example_template_questions_pass(seed):
    question = generate(EXAMPLE, seed=seed, difficulty=1, tier=Tier.CORE).question
    report = verify(question)
    assert report.passed, report.summary()
    assert verify(question.model_dump(mode="json")).passed


def test_every_check_runs_and_passed_checks_are_reported_too():
    reports = [verify(build()) for build in (samples.pond, samples.algebra, samples.quadratic)]
    assert {c.name for r in reports for c in r.checks} == CHECK_NAMES


# --- planted mistakes ----------------------------------------------------------------------


def test_wrong_final_answer():
    q = samples.pond()
    q["parts"][0]["answers"][0]["plain"] = "2470"
    report = verify(q)
    assert not report.passed
    assert "answer.display" in failed(report, "a")
    assert "2470" in detail(report, "answer.display")


def test_wrong_final_answer_in_a_template_question():
    q = generate(EXAMPLE, seed=3, difficulty=1, tier=Tier.EXTENDED).question.model_dump(mode="json")
    answer = q["parts"][0]["answers"][0]
    answer["plain"] = answer["latex"] = str(int(float(answer["plain"])) + 7)
    assert "answer.display" in failed(verify(q), q["parts"][0]["label"])


def test_wrong_answer_value_against_the_solution():
    q = samples.pond()
    q["parts"][0]["answers"][0].update(value="pi*r**2*h", plain="3690", latex="3690")
    report = verify(q)
    assert "solution.final_step" in failed(report, "a")


def test_wrong_intermediate_value_credited_by_the_scheme():
    q = samples.pond()
    q["mark_scheme"][2]["value"] = "pi*(r + 1)**2"  # M1 soi for an area the solution never finds
    report = verify(q)
    assert failed(report, "b") >= {"marks.value"}
    assert "not a value in part (b)'s worked solution" in detail(report, "marks.value")


@pytest.mark.parametrize("shown", ["2463", "2461", "2463.0", "2500", "2460.0"])
def test_wrong_rounding(shown):
    q = samples.pond()
    q["parts"][0]["answers"][0].update(plain=shown, latex=shown)
    report = verify(q)
    assert "answer.display" in failed(report, "a")
    assert "correct to 3 significant figures: 2460" in detail(report, "answer.display")


def test_money_shows_two_decimal_places():
    q = samples.pond()
    q["parts"][0]["answers"][0].update(accuracy="money_2dp", plain="2463.01", latex="2463.01")
    assert "answer.display" not in failed(verify(q))
    q["parts"][0]["answers"][0].update(plain="2463.0", latex="2463.0")
    assert "answer.display" in failed(verify(q), "a")


def test_latex_display_is_checked_too():
    q = samples.pond()
    q["parts"][1]["answers"][0]["latex"] = "3695"
    report = verify(q)
    assert "answer.display" in failed(report, "b")
    assert "latex" in detail(report, "answer.display")


def test_mark_lines_that_do_not_add_up_to_the_part():
    q = samples.pond()
    q["mark_scheme"][1]["count"] = 2
    report = verify(q)  # a schema failure is a failed check, not an exception
    assert failed(report) >= {"schema", "marks.line_total"}
    assert "marks.line_total" in failed(report, "a")


def test_parts_that_do_not_add_up_to_the_total():
    q = samples.pond()
    q["total_marks"] = 7
    report = verify(q)
    assert failed(report) >= {"schema", "marks.total"}
    assert "add up to 6 marks but the question says 7" in detail(report, "marks.total")


def test_planted_totals_in_a_model_construct_question_are_caught():
    valid = Question.model_validate(samples.pond())
    planted = Question.model_construct(**{**dict(valid), "total_marks": 9})
    report = verify(planted)
    assert "marks.total" in failed(report)


def test_an_a_mark_without_its_m_mark():
    q = samples.pond()
    q["mark_scheme"][1]["depends_on"] = None
    report = verify(q)
    assert "marks.depends_on" in failed(report, "a")
    assert "depends on no M mark" in detail(report, "marks.depends_on")


def test_an_a_mark_before_its_m_mark():
    q = samples.pond()
    m_line, a_line = q["mark_scheme"][0], q["mark_scheme"][1]
    q["mark_scheme"][0], q["mark_scheme"][1] = {**a_line, "depends_on": 1}, m_line
    report = verify(q)
    assert "marks.depends_on" in failed(report, "a")
    assert "comes before the M mark" in detail(report, "marks.depends_on")


def test_an_a_mark_that_depends_on_another_parts_m_mark():
    q = samples.pond()
    q["mark_scheme"][4]["depends_on"] = 0
    assert "marks.depends_on" in failed(verify(q), "b")


def test_a_dep_mark_with_no_m_mark_before_it():
    q = samples.pond()
    q["mark_scheme"][5]["qualifiers"] = ["dep"]
    assert "marks.dep" in failed(verify(q), "c")


def test_write_down_with_three_marks():
    q = samples.pond()
    q["parts"][2]["marks"] = 3
    q["mark_scheme"][5]["count"] = 3
    q["total_marks"] = 8
    report = verify(q)
    assert failed(report) == {"command_word"}
    assert "'Write down' carries 1 mark; this part carries 3" in detail(report, "command_word")


def test_show_that_with_no_stated_result():
    q = samples.algebra()
    q["parts"][2]["show_that"] = None
    report = verify(q)
    assert failed(report) == {"command_word"}
    assert "show_that is empty" in detail(report, "command_word")


def test_show_that_whose_result_is_not_in_the_text():
    q = samples.algebra()
    q["parts"][2]["text"] = (
        "A rectangle is $(x + 3)$ cm long and $(x - 2)$ cm wide. Show that its area is a quadratic expression."
    )
    report = verify(q)
    assert "command_word" in failed(report, "c")
    assert "does not appear in the text" in detail(report, "command_word")


def test_show_that_whose_result_is_not_the_answer():
    q = samples.algebra()
    q["parts"][2]["show_that"] = "x**2 - x - 6"
    assert "command_word" in failed(verify(q), "c")


def test_calculate_with_a_written_answer():
    q = samples.pond()
    q["parts"][2].update(command_word="Calculate")
    q["parts"][2]["answers"] = [
        {"kind": "text", "plain": "twice the radius", "latex": "\\text{twice the radius}"}
    ]
    assert "command_word" in failed(verify(q), "c")


def test_wrong_answer_listed_with_the_wrong_marks():
    q = samples.pond()
    q["wrong_answers"][1]["marks_awarded"] = 2
    report = verify(q)
    assert failed(report) == {"marking.wrong_answer_marks"}
    assert "earns 1 marks; 2 declared" in detail(report, "marking.wrong_answer_marks")


def test_wrong_answer_that_is_actually_correct():
    q = samples.pond()
    q["wrong_answers"].append(
        {"part": "a", "plain": "2460", "latex": "2460", "error": "none", "marks_awarded": 0}
    )
    assert "marking.wrong_answer_is_wrong" in failed(verify(q), "a")


def test_wrong_answer_with_unreadable_working():
    q = samples.pond()
    q["wrong_answers"][0]["working"] = ["2 pi r"]
    assert "marking.wrong_answer_marks" in failed(verify(q), "a")


def test_a_given_that_no_longer_appears_in_the_text():
    q = samples.pond()
    q["stem"] = "A circular pond has radius $29$ m. The water in the pond is $1.5$ m deep."
    report = verify(q)
    assert failed(report) == {"given.stated"}
    assert "r = '28'" in detail(report, "given.stated")


def test_a_given_whose_display_is_not_its_value():
    q = samples.pond()
    q["givens"][1]["value"] = "2"  # printed as 1.5, computed with 2
    assert "given.display" in failed(verify(q))


def test_an_answer_over_a_name_that_is_not_a_given():
    q = samples.pond()
    q["parts"][0]["answers"][0]["value"] = "pi*radius**2"
    report = verify(q)
    assert "answer.value" in failed(report, "a")
    assert "uses radius, which is not a given" in detail(report, "answer.value")


def test_a_given_that_is_not_a_number():
    q = samples.pond()
    q["givens"][0]["value"] = "x + 1"
    assert "given.value" in failed(verify(q))


def test_a_non_calculator_part_with_an_irrational_rounded_answer():
    q = samples.pond()
    q["parts"][0]["calculator"] = "not_allowed"
    q["calculator_policy"] = "varies"
    report = verify(q)
    assert failed(report) == {"answer.by_hand"}
    assert "without a calculator" in detail(report, "answer.by_hand")


def test_a_non_calculator_part_with_an_exact_answer_is_fine():
    q = samples.pond()
    q["parts"][0]["calculator"] = "not_allowed"
    q["calculator_policy"] = "varies"
    q["parts"][0]["answers"][0].update(accuracy="exact", plain="784pi", latex="784\\pi")
    q["mark_scheme"][1]["awarded_for"] = "$784\\pi$"
    assert "answer.by_hand" not in failed(verify(q))


def test_calculator_policy_that_does_not_match_the_parts():
    q = samples.pond()
    q["parts"][2]["calculator"] = "not_allowed"
    assert "calculator_policy" in failed(verify(q))


def test_codes_that_do_not_match_the_tier():
    q = samples.pond()
    q["syllabus_codes"] = ["E5.3"]
    report = verify(q)
    assert "syllabus_codes" in failed(report)
    assert "E5.3 is not a Core code" in detail(report, "syllabus_codes")


def test_an_unknown_code():
    q = samples.pond()
    q["syllabus_codes"] = ["C5.99"]
    assert "syllabus_codes" in failed(verify(q))


def test_a_root_that_does_not_satisfy_its_equation():
    q = samples.algebra()
    q["parts"][0]["answers"][0]["value"] = "(c - b)/a + 1"
    q["parts"][0]["answers"][0].update(plain="6", latex="6")
    assert "answer.satisfies" in failed(verify(q), "a")


def test_an_expression_whose_plain_form_is_not_its_value():
    q = samples.algebra()
    q["parts"][1]["answers"][0]["plain"] = "(x + 3)(x + 2)"
    assert "answer.form" in failed(verify(q), "b")


def test_a_step_that_does_not_show_its_value():
    q = samples.algebra()
    q["parts"][0]["solution"][0]["text"] = "$3x = 16$"
    report = verify(q)
    assert failed(report) == {"solution.step_text"}


def test_an_unreadable_step_value():
    q = samples.algebra()
    q["parts"][0]["solution"][0]["value"] = "import os"
    assert "solution.values" in failed(verify(q), "a")


def test_the_answer_line_must_show_the_answer():
    q = samples.pond()
    q["mark_scheme"][1]["awarded_for"] = "correct answer"
    assert "marks.answer_line" in failed(verify(q), "a")


def test_maths_that_does_not_render():
    q = samples.pond()
    q["parts"][0]["text"] = "Calculate the area $\\frac{1}{$ of the pond."
    assert "text.maths" in failed(verify(q))


# --- anything at all gives a report, never an exception -------------------------------------


@pytest.mark.parametrize(
    "junk",
    [
        {},
        {"parts": "nonsense"},
        {"parts": [{"label": "a"}], "mark_scheme": [{"part": "a", "depends_on": 99}]},
        {**samples.pond(), "givens": [{"name": "r", "value": "__import__('os')"}]},
        {**samples.pond(), "mark_scheme": [None, 3, "x"]},
    ],
)
def test_malformed_questions_give_a_failed_report(junk):
    report = verify(junk)
    assert not report.passed
    assert "schema" in failed(report)


def test_template_question_with_a_planted_scheme_value():
    question = generate(EXAMPLE, seed=5, difficulty=2, tier=Tier.CORE).question
    data = question.model_dump(mode="json")
    line = next(i for i, m in enumerate(data["mark_scheme"]) if m["mark_type"] == "M")
    data["mark_scheme"][line]["value"] = f"({data['mark_scheme'][line]['value']}) + 1"
    assert "marks.value" in failed(verify(data))
    assert get_template(EXAMPLE).key == EXAMPLE


# --- marks.cao: "correct answer only" where Cambridge accepts other forms -----------------


def _with_cao(value: str, *, text: str = "Work out the probability.", accuracy: str = "exact"):
    q = samples.pond()
    part = q["parts"][0]
    part["text"] = text
    part["answers"][0]["accuracy"] = accuracy
    q["mark_scheme"][1]["value"] = value
    q["mark_scheme"][1]["qualifiers"] = ["cao"]
    return q


def _cao_details(q):
    return [c.detail for c in verify(q).checks if c.name == "marks.cao"]


def test_cao_on_a_decimal_with_no_form_asked_is_reported(monkeypatch):
    from generation.engine.verifier import marks

    q = _with_cao("3/20")
    [said] = _cao_details(q)
    assert said.startswith("report only: ") and "equivalent forms are accepted (oe)" in said
    monkeypatch.setattr(marks, "CAO_ENFORCED", True)
    assert "marks.cao" in failed(verify(q), "a")


def test_cao_on_a_rounded_answer_asks_for_awrt(monkeypatch):
    from generation.engine.verifier import marks

    monkeypatch.setattr(marks, "CAO_ENFORCED", True)
    q = _with_cao("17278/100", accuracy="3sf")
    assert "accept it to its accuracy (awrt)" in detail(verify(q), "marks.cao")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("12", "Work out the number of tiles."),  # a whole number has no other form
        ("3/20", "Give your answer as a fraction in its simplest form."),  # the form is the point
        ("sqrt(2)/2", "Give the exact value."),
    ],
)
def test_cao_where_cambridge_writes_it_passes(monkeypatch, value, text):
    from generation.engine.verifier import marks

    monkeypatch.setattr(marks, "CAO_ENFORCED", True)
    assert "marks.cao" not in failed(verify(_with_cao(value, text=text)))


def test_cao_on_an_answer_rounded_as_the_question_asks_passes(monkeypatch):
    from generation.engine.verifier import marks

    monkeypatch.setattr(marks, "CAO_ENFORCED", True)
    asked = _with_cao(
        "17278/100", accuracy="2dp", text="Give your answer correct to 2 decimal places."
    )
    assert "marks.cao" not in failed(verify(asked))
    assert "asks for its accuracy ('decimal places')" in " ".join(_cao_details(asked))


def test_the_builder_writes_oe_for_a_cao_on_an_exact_value_whose_form_is_not_asked(monkeypatch):
    # number.powers_and_roots wrote "0.6 cao" for a cube root of 0.216: 3/5 is as right
    from generation.engine.verifier import marks

    monkeypatch.setattr(marks, "CAO_ENFORCED", True)  # report-only checks always pass
    found = 0
    for seed in range(6):
        for difficulty in (1, 3, 5):
            q = generate(
                "number.powers_and_roots", seed=seed, difficulty=difficulty, tier=Tier.CORE
            )
            report = verify(q.question)
            assert not [c for c in report.checks if c.name == "marks.cao" and not c.passed]
            found += sum(
                "oe" in line.qualifiers and not str(line.value or "").lstrip("-").isdigit()
                for line in q.question.mark_scheme
            )
    assert found


def _only_part_a(label: str) -> dict:
    """samples.pond with part (b) taken away and its one part labelled ``label``."""
    q = samples.pond()
    q["parts"] = [p for p in q["parts"] if p["label"] == "a"]
    q["mark_scheme"] = [line for line in q["mark_scheme"] if line["part"] == "a"]
    q["wrong_answers"] = [w for w in q.get("wrong_answers", []) if w["part"] == "a"]
    q["total_marks"] = q["parts"][0]["marks"]
    for item in (*q["parts"], *q["mark_scheme"], *q["wrong_answers"]):
        item["label" if "label" in item else "part"] = label
    return q


def test_a_single_part_labelled_a():
    report = verify(_only_part_a("a"))
    assert failed(report) == {"structure"}
    assert "only part is labelled (a)" in detail(report, "structure")
    assert verify(_only_part_a("")).passed, verify(_only_part_a("")).summary()


def test_a_template_whose_variant_asks_one_part_prints_it_unlabelled():
    # trigonometry.pythagoras at difficulty 1 asks one part, written by the template as part "a"
    question = generate("trigonometry.pythagoras", seed=0, difficulty=1, tier=Tier.CORE).question
    assert [p.label for p in question.parts] == [""]
    assert {line.part for line in question.mark_scheme} == {""}
    assert {w.part for w in question.wrong_answers} <= {""} and question.wrong_answers
    assert verify(question).passed


def test_parts_all_in_a_are_labelled_a_and_b():
    q = samples.pond()
    renamed = {"a": "a(i)", "b": "a(ii)", "c": "a(iii)"}
    for part in q["parts"]:
        part["label"] = renamed[part["label"]]
    for item in (*q["mark_scheme"], *q.get("wrong_answers", [])):
        item["part"] = renamed[item["part"]]
    report = verify(q)
    assert failed(report) == {"structure"}
    assert "every part is in (a)" in detail(report, "structure")
    # geometry.parallel_line_angles asks (a)(i) and (a)(ii) only at difficulty 1: (a) and (b)
    easiest = generate("geometry.parallel_line_angles", seed=0, difficulty=1, tier=Tier.CORE)
    assert [p.label for p in easiest.question.parts] == ["a", "b"]
    assert {line.part for line in easiest.question.mark_scheme} <= {"a", "b"}
    harder = generate("geometry.parallel_line_angles", seed=0, difficulty=2, tier=Tier.CORE)
    assert [p.label for p in harder.question.parts] == ["a(i)", "a(ii)", "b(i)", "b(ii)"]


def test_a_latex_command_read_as_a_string_escape():
    q = samples.pond()
    q["parts"][0]["solution"][0]["text"] = "$y \approx 172$"  # a bell, then "pprox"
    report = verify(q)
    assert failed(report) == {"text.maths"}
    assert "a control character '\\x07'" in detail(report, "text.maths")
