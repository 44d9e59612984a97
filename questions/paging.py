"""The bank's pages: keyset (seek) pagination and a count that stays cheap.

A page is found by where the last one ended, not by how many rows came before it: the cursor
holds the sort key of the page's last (or first) row, and the next page is "the rows after it
in this order" — an index walk that costs what the first page costs, however deep, and that
neither skips nor repeats a row when rows are added or deleted between loads.

Sorts (each ends on ``id``, so the key is unique and the order total):

- ``newest`` (the default) and ``oldest``: ``(created_at, id)``;
- ``relevance`` (with search words): ``(rank, created_at, id)`` over a bounded candidate set,
  the newest ``SEARCH_CANDIDATES`` matches. Ranking every match of a common word costs what
  the matches cost (tens of thousands of rows at a million); ranking the newest thousand costs
  a short index walk. The cursor also holds the candidate set's time window, so the set does
  not move under a reader when questions are added or deleted meanwhile.

The count is exact up to ``COUNT_CAP`` and shown as "500+" past it (the number of a search's
ranked candidates too). Reading the keys of the first 501 matches is the count's whole cost, and
a filter on a million rows may have to look at 30 000 index entries to find a thousand: at 500
the count costs half of what it did at 1 000 (bench/bank.py, 2026-12-07).

For the date sorts the count comes first, as the keys of at most ``COUNT_CAP + 1`` matching rows
(``created_at, id``: an index-only read of ``questions_bank_keys``, or a GIN lookup for a rare
search word). When that is all of them (a selective filter), the page is sought among those keys
in Python; otherwise the matches are dense enough that walking the keyset index in order finds a
page quickly. Either way the page's keys come first and its 20 rows are then read by id, so a
walk never reads whole rows it filters out (the planner, left to itself, walked the date index
through a million rows' heap for a filter or a word that matches one row in a thousand).

The keys may come from elsewhere (``keys``): a filter with syllabus codes reads them from the
per-code keys (``QuestionCodeKey``), one btree range per code holding every filter column,
because the questions' codes are an array only a GIN index can look into, and the planner
combined that index with large bitmaps of other columns (bench/bank.py, 2026-12-07).
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F, FloatField, Max, Min, QuerySet, Window
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan, TupleLessThan
from django.db.models.functions import Cast
from django.http import QueryDict

from questions.models import Question

PAGE_SIZE = 20
COUNT_CAP = 500
SEARCH_SEEK_KEYS = 2000  # a search by date seeks among this many matches' keys (see _seek_rows)
SEARCH_CANDIDATES = 500
KEY_OF_KEYS = ("created_at", "question_id")  # a page's key in the ``keys`` given to bank_page
SORTS = {"newest": "Newest first", "oldest": "Oldest first", "relevance": "Best match"}


@dataclass(frozen=True)
class Cursor:
    """Where a page starts: the sort key of the row it follows (``after``) or precedes."""

    key: tuple[Any, ...]
    window: tuple[datetime, datetime] | None = None  # relevance: the candidates' created_at

    def encode(self) -> str:
        values = [v.isoformat() if isinstance(v, datetime) else str(v) for v in self.key]
        data: dict[str, Any] = {"k": values}
        if self.window:
            data["w"] = [t.isoformat() for t in self.window]
        raw = json.dumps(data, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str, *, sort: str) -> Cursor | None:
        """The cursor in ``text``, or None when it is not one of this sort's (a stale or
        hand-edited link then shows the first page)."""
        try:
            data = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
            values = data["k"]
            if sort == "relevance":
                rank, created, pk = values
                window = tuple(_moment(t) for t in data["w"])
                if len(window) != 2 or not math.isfinite(float(rank)):
                    return None
                return cls(
                    key=(float(rank), _moment(created), str(uuid.UUID(pk))),
                    window=(window[0], window[1]),
                )
            created, pk = values
            return cls(key=(_moment(created), str(uuid.UUID(pk))))
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError, binascii.Error):
            # (a key that is not a UUID or a time was a ValidationError at query time: a 500)
            return None


def _moment(text: str) -> datetime:
    """An ISO time with its offset, in UTC; raises ValueError (naive) or OverflowError (a time
    that does not fit in UTC, which PostgreSQL would refuse)."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("a cursor's time has an offset")
    return moment.astimezone(UTC)


@dataclass
class BankPage:
    """One page of the bank, as the template shows it."""

    questions: list[Question]
    sort: str
    count: int  # exact when not ``count_capped``; else ``COUNT_CAP``
    count_capped: bool
    next_cursor: str | None
    previous_cursor: str | None
    is_first: bool
    searched_candidates: bool  # relevance ranked the newest SEARCH_CANDIDATES matches only

    @property
    def candidates(self) -> int:
        return SEARCH_CANDIDATES

    @property
    def count_text(self) -> str:
        if self.count_capped:
            return f"{self.count:,}+ questions".replace(",", "\u2009")
        return f"{self.count} question{'s' if self.count != 1 else ''}"


def sort_for(params: QueryDict, *, has_text: bool) -> str:
    """The sort the page asks for, or its default (best match for a search, else newest)."""
    sort = params.get("sort") or ""
    if sort == "relevance" and not has_text:
        return "newest"
    if sort in SORTS:
        return sort
    return "relevance" if has_text else "newest"


def capped_count(questions: QuerySet[Question], cap: int | None = None) -> tuple[int, bool]:
    """How many rows ``questions`` has, exactly up to ``cap`` (``COUNT_CAP``): ``(n, False)``;
    past it ``(cap, True)``. Reads at most ``cap + 1`` rows."""
    cap = COUNT_CAP if cap is None else cap
    n = questions.order_by()[: cap + 1].count()
    return (cap, True) if n > cap else (n, False)


def _key_fields(sort: str) -> tuple[str, ...]:
    return ("rank", "created_at", "pk") if sort == "relevance" else ("created_at", "pk")


def _key_of(question: Question, sort: str) -> tuple[Any, ...]:
    return tuple(getattr(question, name) for name in _key_fields(sort))


def _ordered[Q: QuerySet[Any]](
    questions: Q,
    *,
    sort: str,
    cursor: Cursor | None,
    backwards: bool,
    fields: tuple[str, ...] | None = None,
) -> Q:
    """``questions`` in ``sort`` order (reversed when reading ``backwards``), after ``cursor``;
    ``fields`` name the sort key's columns when they are not ``_key_fields(sort)``."""
    fields = fields or _key_fields(sort)
    descending = sort != "oldest"
    if backwards:
        descending = not descending
    if cursor is not None:
        lookup = TupleLessThan if descending else TupleGreaterThan
        questions = questions.filter(lookup(Tuple(*(F(f) for f in fields)), cursor.key))
    return questions.order_by(*(f"-{f}" if descending else f for f in fields))


def _search_candidates(
    questions: QuerySet[Question], text: str, window: tuple[datetime, datetime] | None
) -> tuple[QuerySet[Question], QuerySet[Question]]:
    """The newest ``SEARCH_CANDIDATES`` questions matching ``text`` (within ``window`` when
    given), with their rank and the window they span."""
    query = SearchQuery(text, search_type="websearch", config="english")
    matching = questions.filter(search_vector=query)
    if window:
        matching = matching.filter(created_at__range=window)
    newest = matching.order_by("-created_at", "-pk").values("pk")[:SEARCH_CANDIDATES]
    candidates: QuerySet[Question] = questions.filter(pk__in=newest).annotate(
        # float8: ts_rank's real would come back rounded, and the cursor must match it exactly
        rank=Cast(SearchRank(F("search_vector"), query), FloatField()),
        window_low=Window(Min("created_at")),
        window_high=Window(Max("created_at")),
    )
    return candidates, matching


def _ranked_rows(
    questions: QuerySet[Question], *, sort: str, cursor: Cursor | None, backwards: bool
) -> tuple[list[Question], bool]:
    """A page of the ranked candidates (in reading order), and whether more follow."""
    rows = list(_ordered(questions, sort=sort, cursor=cursor, backwards=backwards)[: PAGE_SIZE + 1])
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


def _capped_keys(
    source: QuerySet[Any], key: tuple[str, str], limit: int
) -> tuple[int, list[tuple[Any, Any]]]:
    """How many rows of ``source`` match, counted up to ``limit + 1``, and their keys when there
    are no more than ``limit``: one query, which sends the keys back only when they are wanted
    (as two arrays). Reading 501 keys row by row to count them was a fifth of a bank page's
    time (bench/bank.py, 2026-12-08)."""
    matching = source.order_by().values_list(*key)[: limit + 1]
    try:
        sql, params = matching.query.sql_with_params()
    except EmptyResultSet:  # a filter that cannot match (``.none()``): no query at all
        return 0, []
    wanted = "CASE WHEN count(*) <= %s THEN array_agg(k.{}) END"
    with connections[matching.db].cursor() as cursor:
        cursor.execute(
            f"SELECT count(*), {wanted.format('at')}, {wanted.format('pk')} "
            f"FROM ({sql}) AS k(at, pk)",
            [limit, limit, *params],
        )
        found, moments, pks = cursor.fetchone()
    return found, list(zip(moments, pks, strict=True)) if moments else []


def _seek_rows(
    questions: QuerySet[Question],
    *,
    sort: str,
    cursor: Cursor | None,
    backwards: bool,
    by_id: QuerySet[Question] | None = None,
    keys: QuerySet[Any] | None = None,
    seek_limit: int | None = None,
) -> tuple[list[Question], bool, tuple[int, bool]]:
    """A page by date (in reading order), whether more follow, and the capped count.

    First the keys of up to ``seek_limit`` (default ``COUNT_CAP``) + 1 matches, in no order
    (the count). All of them: the page is sought among them here. More: the keyset walk, keys
    only. Then the page's rows by id. A search seeks among more keys (``SEARCH_SEEK_KEYS``): its
    walk checks each row's words in the heap, which for a word in one row of a thousand read
    twenty thousand rows. ``keys``, if given, are read for the keys instead of ``questions``:
    the same rows' ``(created_at, question_id)`` from elsewhere (the per-code keys)."""
    limit = max(COUNT_CAP, seek_limit or 0)
    source, key = (questions, ("created_at", "pk")) if keys is None else (keys, KEY_OF_KEYS)
    found, matches = _capped_keys(source, key, limit)
    count = (COUNT_CAP, True) if found > COUNT_CAP else (found, False)
    sought = found <= limit
    descending = (sort != "oldest") != backwards
    if sought:
        page_keys = sorted(matches, reverse=descending)
        if cursor is not None:
            at = (cursor.key[0], uuid.UUID(str(cursor.key[1])))
            page_keys = [k for k in page_keys if (k < at if descending else k > at)]
        page_keys = page_keys[: PAGE_SIZE + 1]
    else:
        walk = _ordered(source, sort=sort, cursor=cursor, backwards=backwards, fields=key)
        page_keys = list(walk.values_list(*key)[: PAGE_SIZE + 1])
    more = len(page_keys) > PAGE_SIZE
    wanted = [pk for _, pk in page_keys[:PAGE_SIZE]]
    # By id only (``by_id``: the same columns, without the filters, which could lead the planner
    # to combine bitmaps of other indexes for twenty rows).
    by_pk = (questions if by_id is None else by_id).order_by().in_bulk(wanted)
    rows = [by_pk[pk] for pk in wanted if pk in by_pk]  # a row deleted meanwhile is left out
    return rows, more, count


def bank_page(
    questions: QuerySet[Question],
    params: QueryDict,
    *,
    text: str = "",
    by_id: QuerySet[Question] | None = None,
    keys: QuerySet[Any] | None = None,
) -> BankPage:
    """The page of ``questions`` that ``params`` asks for (``sort``, and ``after`` or
    ``before`` a cursor; neither: the first page), with a capped count. ``by_id``, if given,
    reads a date-sorted page's rows by id: ``questions`` without the filters (who may see them
    still applies). ``keys``, if given, hold the same rows' keys (``created_at``,
    ``question_id``) and a date-sorted page reads its count and keys from them (no search words:
    they hold none); its rows are then read by id, from ``by_id``."""
    if keys is not None and (text or by_id is None):
        raise ValueError("keys serve a page without search words, read by id")
    sort = sort_for(params, has_text=bool(text))
    raw = params.get("after") or params.get("before") or ""
    cursor = Cursor.decode(raw, sort=sort) if raw else None
    backwards = cursor is not None and not params.get("after")
    window = cursor.window if cursor else None
    seek = SEARCH_SEEK_KEYS if text else None
    if sort == "relevance":
        questions, counted = _search_candidates(questions, text, window)
        rows, more = _ranked_rows(questions, sort=sort, cursor=cursor, backwards=backwards)
        count, capped = capped_count(counted)
    else:
        if text:
            questions = questions.filter(
                search_vector=SearchQuery(text, search_type="websearch", config="english")
            )
        rows, more, (count, capped) = _seek_rows(
            questions,
            sort=sort,
            cursor=cursor,
            backwards=backwards,
            by_id=by_id,
            keys=keys,
            seek_limit=seek,
        )
    if backwards:
        rows.reverse()
        if not more:  # back at the start (or the rows before it were deleted): the first page
            cursor = None
            backwards = False
            if sort == "relevance":
                rows, more = _ranked_rows(questions, sort=sort, cursor=None, backwards=False)
            else:
                rows, more, _ = _seek_rows(
                    questions,
                    sort=sort,
                    cursor=None,
                    backwards=False,
                    by_id=by_id,
                    keys=keys,
                    seek_limit=seek,
                )
    if sort == "relevance" and rows and window is None:
        window = (getattr(rows[0], "window_low"), getattr(rows[0], "window_high"))  # noqa: B009

    def cursor_at(row: Question) -> str:
        return Cursor(_key_of(row, sort), window if sort == "relevance" else None).encode()

    has_next = more or backwards
    return BankPage(
        questions=rows,
        sort=sort,
        count=count,
        count_capped=capped,
        next_cursor=cursor_at(rows[-1]) if has_next and rows else None,
        previous_cursor=cursor_at(rows[0]) if cursor is not None and rows else None,
        is_first=cursor is None,
        searched_candidates=sort == "relevance" and (capped or count > SEARCH_CANDIDATES),
    )


def page_links(params: QueryDict, page: BankPage) -> dict[str, str]:
    """The first, previous and next pages' URLs (query strings), keeping the filters and sort."""
    query = params.copy()
    for name in ("after", "before", "page"):
        query.pop(name, None)

    def link(**cursor: str) -> str:
        linked = query.copy()
        for name, value in cursor.items():
            linked[name] = value
        return f"?{linked.urlencode()}"

    links = {"first": link()}
    if page.previous_cursor:
        links["previous"] = link(before=page.previous_cursor)
    if page.next_cursor:
        links["next"] = link(after=page.next_cursor)
    return links
