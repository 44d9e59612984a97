"""Time: the 24-hour clock, timetables and time zones (syllabus 1.15)."""

from __future__ import annotations

import random

from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.text import clock, names, table, words
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

MONEY = Accuracy.MONEY_2DP
_STOPS = ["Alton", "Barford", "Castleton", "Dunmore", "Eastwick", "Fenby", "Greystone"]


def _twelve_hour(minutes: int) -> str:
    """A time of day as people say it: 3.25 pm, 11.05 am, 12.40 pm."""
    hours, mins = divmod(minutes % (24 * 60), 60)
    suffix = "am" if hours < 12 else "pm"
    shown = hours % 12 or 12
    return f"{shown}.{mins:02d} {suffix}"


def _cell(minutes: int) -> str:
    hh, mm = clock(minutes).split()
    return f"{hh}\\ {mm}"


@register
class TimeAndTimetables(Template):
    key = "number.time_and_timetables"
    title = "The 24-hour clock, timetables and time zones"
    codes = {Tier.CORE: ("C1.15",), Tier.EXTENDED: ("E1.15",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Time"
        stops = rng.sample(_STOPS, 3 if difficulty <= 2 else 4)
        legs = [rng.randint(9, 38) for _ in stops[1:]]
        first = rng.randint(6 * 60, 9 * 60) // 5 * 5
        gap = rng.choice([25, 30, 35, 40, 45, 50])
        buses = 3 if difficulty <= 2 else 4
        departures = [first + k * gap for k in range(buses)]
        rows = [[words("Bus station"), *(words(f"Bus {k + 1}") for k in range(buses))]]
        times: list[list[int]] = []
        for i, stop_name in enumerate(stops):
            offset = sum(legs[:i])
            row_times = [d + offset for d in departures]
            times.append(row_times)
            rows.append([words(stop_name), *(_cell(t) for t in row_times)])
        q.stem = "Part of a bus timetable is shown.\n\n$" + table(rows) + "$"
        labels = iter("abcdef")

        # (a) 12-hour to 24-hour clock
        moment = (
            rng.randint(13 * 60, 23 * 60 + 59)
            if rng.random() < 0.8
            else rng.randint(1 * 60, 11 * 60)
        )
        q.given("c0", moment, display=_twelve_hour(moment))
        part = q.part(
            next(labels),
            f"Write {_twelve_hour(moment)} using the 24-hour clock.",
            marks=1,
            command="Write",
        )
        part.step(f"{_twelve_hour(moment)} is {clock(moment)}")
        part.answer(kind=AnswerKind.TEXT, plain=clock(moment), latex=_cell(moment))
        part.mark("B", f"${_cell(moment)}$", qualifiers=["cao"])
        if moment >= 13 * 60:
            wrong_time = clock(moment - 12 * 60)
            wrong(
                part, wrong_time, "did not add 12 hours to a pm time", latex=_cell(moment - 12 * 60)
            )

        # (b) journey time read from the timetable
        bus = rng.randrange(buses)
        start_time, end_time = times[0][bus], times[-1][bus]
        q.given("s0", start_time, display=clock(start_time))
        q.given("s1", end_time, display=clock(end_time))
        part = q.part(
            next(labels),
            f"Work out the time, in minutes, that the bus leaving {stops[0]} at {clock(start_time)} takes to "
            f"travel to {stops[-1]}.",
            marks=1,
            command="Work out",
        )
        part.step(
            f"From {clock(start_time)} to {clock(end_time)} is ${end_time - start_time}$ minutes",
            "s1 - s0",
        )
        part.answer("s1 - s0", unit="min")
        part.mark("B", f"${end_time - start_time}$", value="s1 - s0", qualifiers=["cao"])
        as_numbers = int(clock(end_time).replace(" ", "")) - int(clock(start_time).replace(" ", ""))
        if as_numbers != end_time - start_time:
            misconception(
                part,
                Misconception(
                    "subtracted the times as if they were ordinary numbers",
                    as_numbers,
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )

        # (c) waiting time at an intermediate stop
        who = names(rng, 1)[0]
        stop = rng.randrange(1, len(stops) - 1)
        bus = rng.randrange(1, buses)
        due = times[stop][bus]
        arrive = due - rng.randint(3, gap - 3)
        q.given("a0", arrive, display=clock(arrive))
        q.given("a1", due, display=clock(due))
        part = q.part(
            next(labels),
            f"{who} arrives at {stops[stop]} bus station at {clock(arrive)}. "
            f"{who} catches the next bus to {stops[-1]}.\n\nWork out how many minutes {who} waits.",
            marks=1,
            command="Work out",
        )
        part.step(
            f"The next bus leaves {stops[stop]} at {clock(due)}: ${due - arrive}$ minutes later",
            "a1 - a0",
        )
        part.answer("a1 - a0", unit="min")
        part.mark("B", f"${due - arrive}$", value="a1 - a0", qualifiers=["cao"])
        if difficulty >= 3:
            part = q.part(
                next(labels),
                f"Write down the time {who} arrives in {stops[-1]}.",
                marks=1,
                command="Write down",
            )
            part.step(f"Bus {bus + 1} arrives in {stops[-1]} at {clock(times[-1][bus])}")
            part.answer(
                kind=AnswerKind.TEXT, plain=clock(times[-1][bus]), latex=_cell(times[-1][bus])
            )
            part.mark("B", f"${_cell(times[-1][bus])}$", qualifiers=["cao"])
            wrong(
                part,
                clock(times[-1][bus - 1]),
                "read the column for the earlier bus",
                latex=_cell(times[-1][bus - 1]),
            )
        if difficulty >= 4:
            self._time_zone(q, rng, next(labels))
        if difficulty == 5:
            self._flight_time(q, rng, next(labels))

    def _time_zone(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        (home, away, ahead) = rng.choice(
            [
                ("London", "New York", -5),
                ("London", "Dubai", 4),
                ("Cairo", "Tokyo", 7),
                ("Paris", "Mexico City", -7),
                ("Singapore", "London", -8),
            ]
        )
        leave = rng.randint(6 * 60, 23 * 60 + 30) // 5 * 5
        flight = rng.randint(90, 14 * 60) // 5 * 5
        land_home = leave + flight
        land_away = land_home + ahead * 60
        q.given("z0", leave, display=clock(leave))
        q.given("z1", abs(ahead))
        word = "ahead of" if ahead > 0 else "behind"
        part = q.part(
            label,
            f"A plane leaves {home} at {clock(leave)} local time. The flight takes "
            f"${flight // 60}$ hours ${flight % 60}$ minutes.\n\n"
            f"The local time in {away} is ${abs(ahead)}$ hours {word} the local time in {home}.\n\n"
            f"Find the local time in {away} when the plane lands.",
            marks=2,
            command="Determine",
        )
        day = (
            " the next day"
            if land_away >= 24 * 60
            else (" the day before" if land_away < 0 else "")
        )
        part.step(
            f"The plane lands at {clock(land_home)} {home} time"
            + (" the next day" if land_home >= 24 * 60 else "")
        )
        part.step(
            f"{'Add' if ahead > 0 else 'Subtract'} ${abs(ahead)}$ hours: {clock(land_away)} in {away}{day}"
        )
        part.answer(kind=AnswerKind.TEXT, plain=clock(land_away), latex=_cell(land_away))
        part.mark(
            "B",
            f"${_cell(land_away)}$",
            2,
            partial=[f"B1 for {clock(land_home)} ({home} time) seen"],
        )
        q.param("zone", away)

    def _flight_time(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        ahead = rng.choice([3, 4, 5, 6, 7])
        leave = rng.randint(8 * 60, 22 * 60) // 5 * 5
        flight = rng.randint(5 * 60, 13 * 60) // 5 * 5
        land_local = leave + flight + ahead * 60
        q.given("f0", leave, display=clock(leave))
        q.given("f1", land_local % (24 * 60), display=clock(land_local))
        q.given("f2", ahead)
        part = q.part(
            label,
            f"Another plane leaves at {clock(leave)} local time and lands at {clock(land_local)} local time"
            + (" the next day" if land_local >= 24 * 60 else "")
            + f". The local time where it lands is ${ahead}$ hours ahead of the local time where it leaves.\n\n"
            "Work out the flight time. Give your answer in hours and minutes.",
            marks=2,
            command="Work out",
        )
        day = 24 * 60 if land_local >= 24 * 60 else 0
        part.step(
            f"Difference in local times $= {(land_local - leave) // 60}$ h ${(land_local - leave) % 60}$ min "
            f"$= {land_local - leave}$ minutes",
            f"f1 + {day} - f0",
        )
        part.step(
            f"Subtract ${ahead}$ hours: ${flight // 60}$ h ${flight % 60}$ min $= {flight}$ minutes",
            f"f1 + {day} - f0 - 60*f2",
        )
        part.answer(f"floor((f1 + {day} - f0 - 60*f2)/60)", label="hours", unit="h")
        part.answer(
            f"f1 + {day} - f0 - 60*f2 - 60*floor((f1 + {day} - f0 - 60*f2)/60)",
            label="minutes",
            unit="min",
        )
        part.mark(
            "M",
            f"${(land_local - leave) // 60}$ h ${(land_local - leave) % 60}$ min $- {ahead}$ h",
            value=f"f1 + {day} - f0",
        )
        part.mark(
            "A",
            f"${flight // 60}$ h ${flight % 60}$ min",
            value=f"f1 + {day} - f0 - 60*f2",
            qualifiers=["cao"],
        )
        wrong_total = land_local - leave + ahead * 60
        wrong(
            part,
            f"{wrong_total // 60}, {wrong_total % 60}",
            "added the time difference instead of subtracting it",
            working=[f"f1 + {day} - f0"],
        )
