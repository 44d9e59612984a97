"""Fuzzing every form and query string a teacher can send: hypothesis makes the requests, the
real views answer them over the real database. No input may give a 5xx; a form that refuses
its input says why (a field error or an alert) and never shows a traceback; the server then
still serves an ordinary page."""

from __future__ import annotations

import base64
import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generation.forms import GenerationForm
from papers.forms import PaperForm
from questions import syllabus
from questions.forms import BankFilterForm

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)

# Values that have broken form handling somewhere: NULs (PostgreSQL refuses them in text and
# JSON), digits `int()` will not take ("²"), numbers past Python's int-string limit or a
# float's range, and strings far longer than any field.
NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "0",
    "-1",
    "1e309",
    "-1e309",
    "nan",
    "inf",
    "9" * 5000,
    "²",
    "١٢",
    "1.5",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%",
    "\\",
    "a" * 20000,
    "E2.5",
    "C1.1",
    "Core",
    "Extended",
    "relevance",
    "newest",
    "paper2",
    "draft",
    "approved",
    "[]",
    "{}",
    "null",
    "00000000-0000-0000-0000-000000000000",
]
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
value = st.one_of(st.sampled_from(NASTY), text, st.integers().map(str))
values = st.one_of(value, st.lists(value, min_size=1, max_size=3))


def fields(names: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Some of ``names`` (and a stray name or two) with hostile values, one or several each."""
    return st.dictionaries(st.one_of(st.sampled_from(names), text), values, max_size=len(names))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


json_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    text,
    st.datetimes().map(lambda d: d.isoformat()),
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    st.uuids().map(str),
    st.sampled_from(NASTY),
)
json_value = st.recursive(
    json_scalar,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)
# Cursors shaped like the bank's own ({"k": [...], "w": [...]}) with wrong contents, any JSON,
# and bytes that are not base64 or not JSON.
cursor = st.one_of(
    st.fixed_dictionaries(
        {"k": st.lists(json_scalar, max_size=4)}, optional={"w": st.lists(json_scalar, max_size=3)}
    ).map(lambda d: _b64(json.dumps(d).encode())),
    json_value.map(lambda d: _b64(json.dumps(d).encode())),
    st.binary(max_size=40).map(_b64),
    value,
)

# Every field the forms declare (a new field is fuzzed without a change here), plus the
# parameters the views read beside the form.
BANK_FIELDS = [*BankFilterForm.base_fields, "page"]
GENERATE_FIELDS = [*GenerationForm.base_fields]
PAPER_FIELDS = [*PaperForm.base_fields, "from_basket"]
BLUEPRINT_FIELDS = [
    "preset",
    "title",
    "tier",
    "calculator_policy",
    "total_marks",
    "time_allowed_minutes",
    "difficulty_min",
    "difficulty_max",
    "codes",
    *(f"topic_{n}" for n in syllabus.TOPICS),
]
EDIT_FIELDS = [
    "title",
    "stem",
    "part-text-",
    "part-text--",
    "part-text-a",
    "part-text-b",
    "part-marks--",
    "part-marks-a",
    "part-marks-b",
    "line-count-0",
    "line-count-1",
    "line-count-9",
]
VALID_GENERATE = {
    "tier": "Extended",
    "syllabus_code": "E2.5",
    "count": "1",
    "difficulty": "3",
    "mode": "offline",
}
VALID_BLUEPRINT = {
    "preset": "",
    "tier": "Extended",
    "calculator_policy": "allowed",
    "total_marks": "20",
    "difficulty_min": "1",
    "difficulty_max": "5",
    "topic_1": "10",
}


@pytest.fixture
def page(client: Any, world: Any) -> Any:
    client.force_login(world.a)
    return client


def answered(response: Any, *allowed: int) -> str:
    """The page's HTML, after checking the status is one of ``allowed`` and never a 5xx or a
    traceback."""
    assert response.status_code < 500, response.status_code
    assert response.status_code in allowed, response.status_code
    html = response.content.decode(errors="replace")
    assert "Traceback" not in html
    return html


def refused_clearly(response: Any) -> None:
    """A form that was not accepted comes back with its errors shown (an accepted one
    redirects, or for htmx answers with ``HX-Redirect``)."""
    if response.status_code in (200, 400) and "HX-Redirect" not in response.headers:
        html = response.content.decode()
        assert 'class="field-error"' in html or 'role="alert"' in html, html[:2000]


def still_serving(client: Any, world: Any) -> None:
    response = client.get("/bank/")
    assert response.status_code == 200
    assert world.ids["draft"] in response.content.decode()


# -- the bank ----------------------------------------------------------------------------------
@FUZZ
@given(params=fields(BANK_FIELDS), htmx=st.booleans())
def test_bank_filters_never_fail(page, world, params, htmx):
    headers = {"HX-Request": "true"} if htmx else {}
    answered(page.get("/bank/", params, headers=headers), 200)
    still_serving(page, world)


@FUZZ
@given(
    which=st.sampled_from(["after", "before"]),
    token=cursor,
    sort=st.sampled_from(["", "newest", "oldest", "relevance", "nope"]),
    q=st.sampled_from(["", "circle", "area radius", "\x00", "-", '"', "!(&|)"]),
)
def test_bank_cursors_never_fail(page, world, which, token, sort, q):
    html = answered(page.get("/bank/", {which: token, "sort": sort, "q": q}), 200)
    assert "question" in html
    still_serving(page, world)


def test_a_bad_filter_is_named_and_the_others_still_apply(page, world):
    html = answered(page.get("/bank/", {"marks_min": "²", "review_state": "draft"}), 200)
    assert 'role="alert"' in html and "Marks from" in html
    assert world.ids["draft"] in html and world.ids["approved"] not in html


# -- generating --------------------------------------------------------------------------------
@FUZZ
@given(data=fields(GENERATE_FIELDS), base=st.booleans(), htmx=st.booleans())
def test_generate_form_never_fails(page, world, data, base, htmx):
    body = {**VALID_GENERATE, **data} if base else data
    headers = {"HX-Request": "true"} if htmx else {}
    response = page.post("/generate/", body, headers=headers)
    answered(response, 200, 302)
    refused_clearly(response)
    still_serving(page, world)


@FUZZ
@given(params=fields(["tier", "code_search", "syllabus_code"]))
def test_code_options_never_fail(page, world, params):
    answered(page.get("/generate/codes/", params), 200)
    answered(page.get("/generate/", {"tier": params.get("tier", "")}), 200)
    still_serving(page, world)


@FUZZ
@given(number=value)
def test_session_list_pages_never_fail(page, world, number):
    answered(page.get("/generate/sessions/", {"page": number}), 200)


# -- reviewing and editing a question ----------------------------------------------------------
@FUZZ
@given(reason=values)
def test_reject_reason_never_fails(page, world, reason):
    response = page.post(world.path("/bank/{draft}/reject/"), {"reason": reason})
    answered(response, 200, 302)
    refused_clearly(response)
    still_serving(page, world)


@FUZZ
@given(data=fields(EDIT_FIELDS), keep_title=st.booleans())
def test_question_edit_never_fails(page, world, data, keep_title):
    if keep_title:
        data.setdefault("title", "Circle")
    response = page.post(world.path("/bank/{draft}/edit/"), data)
    answered(response, 200, 302)
    refused_clearly(response)
    still_serving(page, world)


@pytest.mark.parametrize("marks", ["²", "9" * 5000, "١"])
def test_edit_marks_that_are_not_plain_numbers_are_refused_not_a_crash(page, world, marks):
    """Regression: ``"²".isdigit()`` is true but ``int("²")`` raises, and a 5000-digit number
    passes the Python int-string limit; both were a 500."""
    response = page.post(
        world.path("/bank/{draft}/edit/"),
        {"title": "Circle", "part-marks--": marks, "part-marks-a": marks, "line-count-0": marks},
    )
    answered(response, 200, 302)
    refused_clearly(response)


def test_an_edit_with_a_nul_in_the_stem_is_refused_with_a_message(page, world):
    """Regression (found by the fuzzing on a fresh clone): the refusal was not shown."""
    response = page.post(world.path("/bank/{draft}/edit/"), {"title": "0", "stem": "\x00"})
    answered(response, 200, 302)
    refused_clearly(response)


def test_edit_wording_with_a_nul_is_refused_with_a_message(page, world):
    """Regression: a NUL in a part's wording went into the JSON column and PostgreSQL refused
    it (a 500)."""
    response = page.post(
        world.path("/bank/{draft}/edit/"),
        {"title": "Circle", "part-text--": "Find\x00 it", "part-text-a": "Find\x00 it"},
    )
    html = answered(response, 200)
    assert "Not saved" in html and "null" in html.lower()


# -- papers ------------------------------------------------------------------------------------
@FUZZ
@given(data=fields(PAPER_FIELDS))
def test_paper_create_never_fails(page, world, data):
    response = page.post("/papers/new/", data)
    answered(response, 302, 400)
    refused_clearly(response)
    answered(page.get("/papers/new/", {"tier": data.get("tier", "")}), 200)
    still_serving(page, world)


@FUZZ
@given(data=fields(PAPER_FIELDS), htmx=st.booleans())
def test_paper_settings_never_fail(page, world, data, htmx):
    headers = {"HX-Request": "true"} if htmx else {}
    response = page.post(world.path("/papers/{paper}/settings/"), data, headers=headers)
    answered(response, 200, 302, 400)
    refused_clearly(response)
    still_serving(page, world)


@FUZZ
@given(data=fields(BLUEPRINT_FIELDS), base=st.booleans(), preset=value)
def test_blueprint_form_never_fails(page, world, data, base, preset):
    body = {**VALID_BLUEPRINT, **data} if base else data
    response = page.post("/papers/blueprint/", body)
    answered(response, 302, 400)
    refused_clearly(response)
    answered(page.get("/papers/blueprint/", {"preset": preset}), 200)
    still_serving(page, world)


@FUZZ
@given(
    action=st.sampled_from(
        [
            ("/papers/{paper}/items/{item}/move/", "position"),
            ("/papers/{paper}/reorder/", "item"),
            ("/papers/{paper}/versions/", "count"),
            ("/papers/{paper}/print/", "page_size"),
            ("/papers/{paper}/share/", "usernames"),
            ("/papers/{paper}/add/", "question"),
            ("/papers/basket/add/", "question"),
            ("/papers/basket/remove/", "question"),
        ]
    ),
    given_value=values,
    next_url=st.one_of(st.none(), value),
)
def test_paper_actions_never_fail(page, world, action, given_value, next_url):
    path, name = action
    data = {name: given_value}
    if next_url is not None:
        data["next"] = next_url
    answered(page.post(world.path(path), data), 200, 302, 404)
    still_serving(page, world)


@FUZZ
@given(size=value, label=st.sampled_from(["A", "B", "Z", "a"]))
def test_paper_download_sizes_never_fail(page, world, size, label):
    answered(
        page.get(world.path(f"/papers/{{paper}}/download/{label}/student/"), {"size": size}),
        200,
        302,
        404,
    )


# -- regressions found by the fuzzing above ----------------------------------------------------
def test_an_empty_post_shows_the_forms_errors(page, world):
    """Regression: ``Form(request.POST or None)`` took an empty POST for a first visit and
    showed a blank form with no word of what was missing."""
    for path in ("/generate/", "/papers/new/", world.path("/bank/{draft}/edit/")):
        response = page.post(path, {})
        answered(response, 200, 400)
        refused_clearly(response)


@pytest.mark.parametrize("tier", ["\x00", "Nope", "Core\x00"])
def test_code_options_for_a_tier_that_is_not_one(page, world, tier):
    """Regression: a NUL in ``tier`` or ``code_search`` reached PostgreSQL (a 500)."""
    html = answered(page.get("/generate/codes/", {"tier": tier, "code_search": "a\x00"}), 200)
    assert "E2.5" not in html
    answered(page.post("/generate/", {**VALID_GENERATE, "tier": tier}), 200)


@pytest.mark.parametrize("next_url", ["a\x00b", "bank", "questions:bank", "//evil.example/"])
def test_basket_next_that_is_not_a_path_goes_to_the_default(page, world, next_url):
    """Regression: ``redirect()`` takes a bare word for a view name, so ``next=bank`` was a
    NoReverseMatch (a 500)."""
    response = page.post("/papers/basket/remove/", {"question": "", "next": next_url})
    answered(response, 302)
    assert response["Location"] == "/papers/basket/"


def test_a_bad_reason_for_an_already_rejected_question_is_shown(page, world):
    """Regression: the reject form was hidden on a rejected question, so its error was too."""
    response = page.post(world.path("/bank/{rejected}/reject/"), {"reason": " "})
    assert 'class="field-error"' in answered(response, 200)


@pytest.mark.parametrize(
    "key",
    [
        ["0001100100000000", None],
        ["2026-01-01T00:00:00", "not-a-uuid"],
        ["2026-01-01T00:00:00", "00000000-0000-0000-0000-000000000000"],  # naive time
        ["0001-01-01T00:00:00+05:00", "00000000-0000-0000-0000-000000000000"],
    ],
)
def test_a_cursor_with_a_wrong_key_shows_the_first_page(page, world, key):
    """Regression: a cursor whose id was not a UUID was a ValidationError at query time (a
    500); one whose time did not fit in UTC would be refused by PostgreSQL."""
    token = _b64(json.dumps({"k": key}).encode())
    html = answered(page.get("/bank/", {"after": token}), 200)
    assert world.ids["draft"] in html


def test_a_download_with_an_unknown_page_size_is_not_found(page, world):
    """Regression: a NUL byte in ``?size=`` reached the database query and gave a 500."""
    for size in ("\x00", "A5", "a4"):
        response = page.get(world.path("/papers/{paper}/download/A/student/"), {"size": size})
        answered(response, 404)
