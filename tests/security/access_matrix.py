"""Who may do what: the expected outcome of every HTTP route and action, and of every socket,
for anonymous visitors, teacher A (who owns the objects), teacher B and staff.

An outcome is a status code, or ``LOGIN`` / ``ADMIN_LOGIN`` (a redirect to that log-in page).
Paths name the objects of the world ``test_access_matrix`` builds, all owned by A:
``{draft}``, ``{approved}``, ``{rejected}`` questions, a ``{running}`` and a ``{finished}``
session, a ``{paper}`` with a printed PDF, one of its items ``{item}`` and jobs ``{job}``,
a ``{shared}`` paper A shares with B (read-only for B), and ``{b_id}`` (B's user id).
Every URL pattern in the resolver must have at least one row (a new route without one fails).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LOGIN = "login"
ADMIN_LOGIN = "admin-login"
ROLES = ("anon", "a", "b", "staff")


@dataclass(frozen=True)
class Row:
    pattern: str  # the route as the resolver spells it
    method: str
    path: str
    expect: tuple[Any, Any, Any, Any]  # anon, A, B, staff
    data: dict[str, Any] = field(default_factory=dict)
    htmx: bool = False


def row(
    pattern: str, method: str, path: str, *expect: Any, data: Any = None, htmx: bool = False
) -> Row:
    assert len(expect) == 4, pattern
    return Row(pattern, method, path, tuple(expect), data or {}, htmx)  # type: ignore[arg-type]


L = LOGIN
Q = "bank/<uuid:question_id>/"
S = "generate/sessions/<uuid:session_id>/"
P = "papers/<uuid:paper_id>/"
ITEM = P + "items/<int:item_id>/"
# Valid form data, so a refusal is the access rule's, not the form's.
EDIT = {"title": "Edited", "stem": "Edited stem"}
PAPER = {"kind": "worksheet", "tier": "Extended", "calculator_policy": "allowed", "page_size": "A4"}
GENERATE = {
    "tier": "Extended", "syllabus_code": "E2.5", "count": "1", "difficulty": "3", "mode": "offline"
}  # fmt: skip

# fmt: off
HTTP: list[Row] = [
    row("", "GET", "/", 302, 302, 302, 302),
    # -- the bank and a question ---------------------------------------------------------------
    row("bank/", "GET", "/bank/", L, 200, 200, 200),
    row("bank/", "GET", "/bank/?review_state=draft", L, 200, 200, 200, htmx=True),
    row("bank/", "POST", "/bank/", L, 405, 405, 405),
    row(Q, "GET", "/bank/{draft}/", L, 200, 404, 200),
    row(Q, "GET", "/bank/{approved}/", L, 200, 200, 200),
    row(Q, "GET", "/bank/{rejected}/", L, 200, 404, 200),
    row(Q + "approve/", "POST", "/bank/{draft}/approve/", L, 302, 404, 302),
    row(Q + "approve/", "POST", "/bank/{approved}/approve/", L, 302, 403, 302),
    row(Q + "approve/", "GET", "/bank/{draft}/approve/", L, 405, 405, 405),
    row(Q + "reject/", "POST", "/bank/{draft}/reject/", L, 302, 404, 302, data={"reason": "Too easy"}),
    row(Q + "reject/", "POST", "/bank/{approved}/reject/", L, 302, 403, 302, data={"reason": "No"}),
    row(Q + "reject/", "POST", "/bank/{rejected}/reject/", L, 302, 404, 302, data={"reason": "No"}),
    row(Q + "edit/", "GET", "/bank/{draft}/edit/", L, 200, 404, 200),
    row(Q + "edit/", "GET", "/bank/{approved}/edit/", L, 200, 403, 200),
    row(Q + "edit/", "POST", "/bank/{draft}/edit/", L, 302, 404, 302, data=EDIT),
    row(Q + "edit/", "POST", "/bank/{approved}/edit/", L, 302, 403, 302, data=EDIT),
    row(Q + "another/", "POST", "/bank/{approved}/another/", L, 302, 302, 302),
    row(Q + "another/", "POST", "/bank/{draft}/another/", L, 302, 404, 302),
    row(Q + "another/", "GET", "/bank/{approved}/another/", L, 405, 405, 405),
    # -- generating ------------------------------------------------------------------------------
    row("generate/", "GET", "/generate/", L, 200, 200, 200),
    row("generate/", "POST", "/generate/", L, 302, 302, 302, data=GENERATE),
    row("generate/", "POST", "/generate/", L, 200, 200, 200, data={"tier": "Nope"}),
    row("generate/codes/", "GET", "/generate/codes/?tier=Core&code_search=C1", L, 200, 200, 200),
    row("generate/sessions/", "GET", "/generate/sessions/", L, 200, 200, 200),
    row(S, "GET", "/generate/sessions/{running}/", L, 200, 404, 200),
    row(S, "GET", "/generate/sessions/{finished}/", L, 200, 404, 200),
    row(S, "GET", "/generate/sessions/{running}/", L, 200, 404, 200, htmx=True),
    row(S + "cancel/", "POST", "/generate/sessions/{running}/cancel/", L, 302, 404, 302),
    row(S + "cancel/", "POST", "/generate/sessions/{finished}/cancel/", L, 302, 404, 302),
    row(S + "cancel/", "GET", "/generate/sessions/{running}/cancel/", L, 405, 405, 405),
    # -- papers ----------------------------------------------------------------------------------
    row("papers/", "GET", "/papers/", L, 200, 200, 200),
    row("papers/new/", "GET", "/papers/new/", L, 200, 200, 200),
    row("papers/new/", "POST", "/papers/new/", L, 302, 302, 302, data={"title": "New", **PAPER}),
    row("papers/new/", "POST", "/papers/new/", L, 400, 400, 400, data={"title": ""}),
    row("papers/blueprint/", "GET", "/papers/blueprint/?preset=paper2", L, 200, 200, 200),
    row("papers/blueprint/", "POST", "/papers/blueprint/", L, 400, 400, 400, data={"preset": "paper2", "total_marks": "0"}),
    row("papers/basket/", "GET", "/papers/basket/", L, 200, 200, 200),
    row("papers/basket/add/", "POST", "/papers/basket/add/", L, 302, 302, 302, data={"question": "{approved}"}),
    row("papers/basket/add/", "POST", "/papers/basket/add/", L, 302, 404, 302, data={"question": "{draft}"}),
    row("papers/basket/remove/", "POST", "/papers/basket/remove/", L, 302, 302, 302, data={"question": "{approved}"}),
    row("papers/basket/clear/", "POST", "/papers/basket/clear/", L, 302, 302, 302),
    row(P, "GET", "/papers/{paper}/", L, 200, 404, 200),
    row(P, "GET", "/papers/{paper}/", L, 200, 404, 200, htmx=True),
    row(P, "GET", "/papers/{shared}/", L, 200, 200, 200),
    row(P + "settings/", "POST", "/papers/{paper}/settings/", L, 302, 404, 302, data={"title": "Renamed", **PAPER}),
    row(P + "settings/", "POST", "/papers/{shared}/settings/", L, 302, 403, 302, data={"title": "Renamed", **PAPER}),
    row(P + "add/", "POST", "/papers/{paper}/add/", L, 302, 404, 302, data={"question": "{approved}"}),
    row(P + "add/", "POST", "/papers/{shared}/add/", L, 302, 403, 302, data={"question": "{approved}"}),
    row(P + "reorder/", "POST", "/papers/{paper}/reorder/", L, 302, 404, 302, data={"item": ["{item}"]}),
    row(ITEM + "remove/", "POST", "/papers/{paper}/items/{item}/remove/", L, 302, 404, 302),
    row(ITEM + "move/", "POST", "/papers/{paper}/items/{item}/move/", L, 302, 404, 302, data={"position": "1"}),
    row(ITEM + "another/", "POST", "/papers/{paper}/items/{item}/another/", L, 302, 404, 302),
    row(P + "versions/", "POST", "/papers/{paper}/versions/", L, 302, 404, 302, data={"count": "2"} ),
    row(P + "print/", "POST", "/papers/{paper}/print/", L, 302, 404, 302, data={"page_size": "A4"}),
    row(P + "print/", "POST", "/papers/{shared}/print/", L, 302, 403, 302, data={"page_size": "A4"} ),
    row(P + "jobs/<uuid:job_id>/cancel/", "POST", "/papers/{paper}/jobs/{job}/cancel/", L, 302, 404, 302),
    row(P + "preview/<str:label>/<str:version>/", "GET", "/papers/{paper}/preview/A/student/", L, 200, 404, 200),
    row(P + "preview/<str:label>/<str:version>/", "GET", "/papers/{paper}/preview/A/mark_scheme/", L, 200, 404, 200),
    row(P + "preview/<str:label>/<str:version>/", "GET", "/papers/{paper}/preview/Z/student/", L, 404, 404, 404),
    row(P + "download/<str:label>/<str:version>/", "GET", "/papers/{paper}/download/A/student/", L, 200, 404, 200),
    row(P + "download/<str:label>/<str:version>/", "GET", "/papers/{shared}/download/A/student/", L, 302, 302, 302),
    row(P + "share/", "POST", "/papers/{paper}/share/", L, 302, 404, 302, data={"usernames": "bob"} ),
    row(P + "share/<int:user_id>/remove/", "POST", "/papers/{shared}/share/{b_id}/remove/", L, 302, 403, 302),
    row(P + "delete/", "POST", "/papers/{paper}/delete/", L, 302, 404, 302),
    row(P + "delete/", "POST", "/papers/{shared}/delete/", L, 302, 403, 302),
    # -- accounts --------------------------------------------------------------------------------
    row("accounts/login/", "GET", "/accounts/login/", 200, 200, 200, 200),
    row("accounts/logout/", "POST", "/accounts/logout/", LOGIN, LOGIN, LOGIN, LOGIN),
    row("accounts/password_change/", "GET", "/accounts/password_change/", L, 200, 200, 200),
    row("accounts/password_change/done/", "GET", "/accounts/password_change/done/", L, 200, 200, 200 ),
    row("accounts/password_reset/", "GET", "/accounts/password_reset/", 200, 200, 200, 200),
    row("accounts/password_reset/done/", "GET", "/accounts/password_reset/done/", 200, 200, 200, 200 ),
    row("accounts/reset/<uidb64>/<token>/", "GET", "/accounts/reset/MQ/bad-token/", 200, 200, 200, 200),
    row("accounts/reset/done/", "GET", "/accounts/reset/done/", 200, 200, 200, 200),
]
# fmt: on

# -- the admin: staff only; teachers are sent to its log-in page like anonymous visitors ------
# Staff here have no model permissions of their own: the app's admin lets them edit the
# reference tables and read questions, sessions and papers; users, groups and the task queue
# stay with superusers; nothing is deleted from a page (403).
A = ADMIN_LOGIN
ADMIN_MODELS: dict[str, tuple[str, tuple[Any, ...]]] = {
    # model: (the object its pages open, staff's outcome for its
    #         changelist, add, change, history, delete and bare object URL)
    "auth/group": ("{group}", (403, 403, 403, 403, 403, 302)),
    "auth/user": ("{a_id}", (403, 403, 403, 403, 403, 302)),
    "django_tasks_database/dbtaskresult": ("{task}", (403, 403, 403, 302, 403, 302)),
    "questions/tier": ("Core", (200, 200, 200, 200, 403, 302)),
    "questions/commandword": ("Calculate", (200, 200, 200, 200, 403, 302)),
    "questions/calculatorpolicy": ("allowed", (200, 200, 200, 200, 403, 302)),
    "questions/generationstatus": ("running", (200, 200, 200, 200, 403, 302)),
    "questions/questionorigin": ("generated", (200, 200, 200, 200, 403, 302)),
    "questions/syllabuscode": ("C1.1", (200, 200, 200, 200, 403, 302)),
    "questions/question": ("{draft}", (200, 403, 200, 200, 403, 302)),
    "generation/generationsession": ("{finished}", (200, 403, 200, 200, 403, 302)),
    "generation/generationstep": ("{step}", (200, 403, 200, 200, 403, 302)),
    "papers/paper": ("{paper}", (200, 403, 200, 200, 403, 302)),
    "papers/paperjob": ("{job}", (200, 403, 200, 200, 403, 302)),
    "papers/basketitem": ("{basket_item}", (200, 403, 200, 200, 403, 302)),
}

# fmt: off
ADMIN: list[Row] = [
    row("admin/", "GET", "/admin/", A, A, A, 200),
    row("admin/login/", "GET", "/admin/login/", 200, 200, 200, 302),
    row("admin/logout/", "POST", "/admin/logout/", 302, 302, 302, LOGIN),
    row("admin/password_change/", "GET", "/admin/password_change/", A, A, A, 200),
    row("admin/password_change/done/", "GET", "/admin/password_change/done/", A, A, A, 200),
    row("admin/autocomplete/", "GET", "/admin/autocomplete/", A, A, A, 403),
    row("admin/jsi18n/", "GET", "/admin/jsi18n/", A, A, A, 200),
    row("admin/r/<path:content_type_id>/<path:object_id>/", "GET", "/admin/r/1/1/", A, A, A, 404),
    row("admin/^(?P<app_label>auth|django_tasks_database|questions|generation|papers)/$", "GET", "/admin/questions/", A, A, A, 200),
    row("admin/(?P<url>.*)$", "GET", "/admin/nowhere/", A, A, A, 404),
    row("admin/auth/user/<id>/password/", "GET", "/admin/auth/user/{a_id}/password/", A, A, A, 403),
    # Staff change a reference table; nobody deletes a paper through the admin.
    row("admin/questions/tier/<path:object_id>/change/", "POST", "/admin/questions/tier/Core/change/", A, A, A, 302, data={"code": "Core", "name": "Core", "description": "Core tier", "sort_order": "1"}),
    row("admin/papers/paper/<path:object_id>/delete/", "POST", "/admin/papers/paper/{paper}/delete/", A, A, A, 403, data={"post": "yes"}),
]
# fmt: on
for model, (obj, staff) in ADMIN_MODELS.items():
    base = f"admin/{model}/"
    paths = ("", "add/", f"{obj}/change/", f"{obj}/history/", f"{obj}/delete/", f"{obj}/")
    patterns = (
        "",
        "add/",
        "<path:object_id>/change/",
        "<path:object_id>/history/",
        "<path:object_id>/delete/",
        "<path:object_id>/",
    )
    ADMIN += [
        row(base + pattern, "GET", f"/{base}{p}", A, A, A, outcome)
        for pattern, p, outcome in zip(patterns, paths, staff, strict=True)
    ]

ROWS = HTTP + ADMIN

# -- sockets: "accept" (and the state arrives), or the close code ------------------------------
ACCEPT = "accept"
UNAUTHENTICATED = 4401
FORBIDDEN = 4403

# fmt: off
SOCKETS: list[Row] = [
    row("ws/bank/", "WS", "/ws/bank/", UNAUTHENTICATED, ACCEPT, ACCEPT, ACCEPT),
    row("ws/generate/<uuid:session_id>/", "WS", "/ws/generate/{running}/", UNAUTHENTICATED, ACCEPT, FORBIDDEN, ACCEPT),
    row("ws/generate/<uuid:session_id>/", "WS", "/ws/generate/{finished}/", UNAUTHENTICATED, ACCEPT, FORBIDDEN, ACCEPT),
    row("ws/papers/<uuid:paper_id>/", "WS", "/ws/papers/{paper}/", UNAUTHENTICATED, ACCEPT, FORBIDDEN, ACCEPT),
    row("ws/papers/<uuid:paper_id>/", "WS", "/ws/papers/{shared}/", UNAUTHENTICATED, ACCEPT, ACCEPT, ACCEPT),
]
# fmt: on
