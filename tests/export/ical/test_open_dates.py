"""Open dates in the feed: "by 8 March 2026", "on or after September 2025", "ongoing"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from helpers.ical import SOURCES, vevent
from vntimeline import Claim, Event, Timeline, resolve
from vntimeline._export.ical import to_ical
from vntimeline._export.ical.description import when
from vntimeline._model.resolved import ResolvedDate


def feed(*events: Event) -> bytes:
    return to_ical(resolve(Timeline(events=events, sources=SOURCES)))


def milestone(event_id: str, start: str, **fields: Any) -> Event:
    return Event(
        id=event_id,
        title=f"Event {event_id}",
        claims=[Claim(source="vir", start=start)],
        **fields,
    )


def span(event_id: str, start: str | None, end: str, **fields: Any) -> Event:
    return Event(
        id=event_id,
        title=f"Event {event_id}",
        kind="span",
        claims=[Claim(source="vir", start=start, end=end)],
        **fields,
    )


class TestSummary:
    @pytest.mark.parametrize(
        ("start", "label", "day"),
        [
            ("[..2026-03-08]", "[by 8 March 2026] ", dt.date(2026, 3, 8)),
            ("[..2026-03]", "[by March 2026] ", dt.date(2026, 3, 31)),
            ("[..2026]", "[by 2026] ", dt.date(2026, 12, 31)),
            ("[2025-09..]", "[on or after September 2025] ", dt.date(2025, 9, 1)),
            ("[2025-09-18..]", "[on or after 18 September 2025] ", dt.date(2025, 9, 18)),
            ("[2025..]", "[on or after 2025] ", dt.date(2025, 1, 1)),
        ],
    )
    def test_an_open_date_is_said_in_words_and_marked_on_the_one_day_it_has(
        self, start: str, label: str, day: dt.date
    ) -> None:
        event = vevent(feed(milestone("step-up", start)), "step-up")

        assert str(event["SUMMARY"]) == f"{label}Event step-up"
        assert (event.start, event.end) == (day, day + dt.timedelta(days=1))

    def test_a_span_still_going_on_says_ongoing_and_starts_on_its_first_day(self) -> None:
        event = vevent(feed(span("programme", "2025-10", "..")), "programme")

        assert str(event["SUMMARY"]) == "[October 2025 – ongoing] Event programme"
        assert (event.start, event.end) == (dt.date(2025, 10, 1), dt.date(2025, 10, 2))

    def test_a_span_from_a_known_day_still_going_on_says_so(self) -> None:
        event = vevent(feed(span("programme", "2025-10-02", "..")), "programme")

        assert str(event["SUMMARY"]) == "[2 October 2025 – ongoing] Event programme"
        assert event.start == dt.date(2025, 10, 2)

    def test_a_span_with_an_end_on_or_after_says_so(self) -> None:
        event = vevent(feed(span("programme", "2025-10-02", "[2026..]")), "programme")

        assert str(event["SUMMARY"]) == "[2 October 2025 – on or after 2026] Event programme"

    def test_an_open_side_closed_by_an_order_constraint_is_a_range_in_words(self) -> None:
        data = feed(
            milestone("strategy", "2021-10-16"),
            milestone("step-up", "[..2026-03-08]", after=["strategy"]),
        )

        event = vevent(data, "step-up")

        assert str(event["SUMMARY"]) == "[16 October 2021 – 8 March 2026] Event step-up"
        assert event.start == dt.date(2021, 10, 16)

    def test_the_description_gives_the_claim_as_written(self) -> None:
        event = vevent(feed(milestone("step-up", "[..2026-03-08]")), "step-up")

        assert "[..2026-03-08]" in str(event["DESCRIPTION"])


class TestWhen:
    def test_a_date_open_on_both_sides_is_ongoing(self) -> None:
        assert when(ResolvedDate("..", "year", None, None, "Asia/Ho_Chi_Minh")) == "ongoing"

    def test_an_open_time_is_said_to_its_day(self) -> None:
        end = int(dt.datetime(2026, 3, 8, 20, 1, tzinfo=dt.UTC).timestamp())
        date = ResolvedDate("[..2026-03-09T03:00+07:00]", "time", None, end, "Asia/Ho_Chi_Minh")

        assert when(date) == "by 9 March 2026"
