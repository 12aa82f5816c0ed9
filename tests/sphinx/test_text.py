"""Dates and sources in words (vntimeline.sphinx.text), as the tables show them."""

from __future__ import annotations

import pytest

from vntimeline import Claim, Event, ResolvedTimeline, Timeline, resolve
from vntimeline._model.dates import PartialDate
from vntimeline._model.events import Source
from vntimeline._model.resolved import ResolvedDate
from vntimeline.sphinx.text import describe_date, describe_event_date, source_label


def resolved_date(value: str, zone: str = "Asia/Ho_Chi_Minh") -> ResolvedDate:
    """A ResolvedDate for EDTF *value* (``a/b`` for a range, ``..`` for an open side)."""
    first, _, last = value.partition("/")
    low = None if first == ".." else PartialDate.parse(first)
    high = low if not last else (None if last == ".." else PartialDate.parse(last))
    known = low or high
    assert known is not None
    return ResolvedDate(
        value=value,
        precision=known.precision,
        start=None if low is None else low.bounds(zone)[0],
        end=None if high is None else high.bounds(zone)[1],
        zone=zone,
    )


class TestDateWords:
    @pytest.mark.parametrize(
        ("value", "words"),
        [
            ("2021", "2021"),
            ("2024-04", "April 2024"),
            ("2025-09-18", "18 September 2025"),
            ("2026-03-08/2026-03-09", "8\N{EN DASH}9 March 2026"),
            ("2025-10-27/2025-11-02", "27 October \N{EN DASH} 2 November 2025"),
            ("2021-01-26/2026-03-09", "26 January 2021 \N{EN DASH} 9 March 2026"),
            ("2024-03/2024-06", "March \N{EN DASH} June 2024"),
            ("2020/2021", "2020\N{EN DASH}2021"),
            ("2026-06/..", "on or after June 2026"),
            ("../2026-03-09", "on or before 9 March 2026"),
            ("2025?", "2025 (uncertain)"),
            ("2020~", "about 2020"),
            ("2020%", "about 2020 (uncertain)"),
            ("2026-03-09T03:00+07:00", "9 March 2026, 03:00 UTC+07:00"),
        ],
    )
    def test_a_date_is_written_at_its_precision(self, value: str, words: str) -> None:
        assert describe_date(resolved_date(value)) == words

    def test_no_date_is_not_dated(self) -> None:
        assert describe_date(None) == "not dated"

    def test_a_source_is_its_publisher_without_detail_and_its_date(self) -> None:
        source = Source(
            id="vn",
            title="t",
            publisher="Việt Nam News (Vietnam News Agency, VNA/VNS)",
            published=PartialDate.parse("2025-10-20"),
        )
        assert source_label(source) == "Việt Nam News, 2025-10-20"


def decided(*events: Event) -> ResolvedTimeline:
    """The resolver's decisions on *events*, all claimed by one press source."""
    sources = [Source(id="tt", title="t", publisher="Tuổi Trẻ", published="2026-03-08")]
    return resolve(Timeline(events=events, sources=sources, timezone="Asia/Ho_Chi_Minh"))


class TestOpenDateWords:
    @pytest.mark.parametrize(
        ("claimed", "words"),
        [
            ("[..2026-03-08]", "on or before 8 March 2026"),
            ("[..2026-03]", "on or before March 2026"),
            ("[2025-09..]", "on or after September 2025"),
            ("[2025..]", "on or after 2025"),
            ("[..2026-03-08T20:00Z]", "on or before 9 March 2026"),
            ("[2019..2021]", "2019\N{EN DASH}2021"),
        ],
    )
    def test_an_open_date_says_which_side_is_known(self, claimed: str, words: str) -> None:
        event = Event(id="e", title="E", claims=[Claim(source="tt", start=claimed)])

        assert describe_date(decided(event)["e"].start) == words

    def test_a_span_end_still_going_on_says_so(self) -> None:
        event = Event(
            id="s", title="S", kind="span", claims=[Claim(source="tt", start="2025-10", end="..")]
        )
        resolved = decided(event)["s"]

        assert describe_date(resolved.end) == "still going on"
        assert describe_event_date(resolved) == "October 2025 \N{EN DASH} still going on"

    def test_an_open_side_closed_by_order_is_a_range(self) -> None:
        resolved = decided(
            Event(id="x", title="X", claims=[Claim(source="tt", start="2021-10-16")]),
            Event(
                id="e", title="E", after=["x"], claims=[Claim(source="tt", start="[..2026-03-08]")]
            ),
        )["e"]

        assert describe_date(resolved.start) == "16 October 2021 \N{EN DASH} 8 March 2026"

    def test_a_span_still_going_on_closed_by_order_ends_on_or_before_that_day(self) -> None:
        resolved = decided(
            Event(
                id="s",
                title="S",
                kind="span",
                before=["law"],
                claims=[Claim(source="tt", start="2025-10", end="..")],
            ),
            Event(id="law", title="Law", claims=[Claim(source="tt", start="2026-05-01")]),
        )["s"]

        assert describe_date(resolved.end) == "on or before 1 May 2026"

    def test_an_open_date_that_is_not_a_span_end_is_never_still_going_on(self) -> None:
        date = ResolvedDate("../..", "day", None, None, "Asia/Ho_Chi_Minh")

        assert describe_date(date) == "not dated"
