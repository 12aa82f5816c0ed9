"""Dates as callers pass them (vntimeline._model.convert): EDTF text, ``date``, ``datetime``."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import pytest

from vntimeline import Claim, DataError, DateRange, Event, PartialDate, Source

P = PartialDate.parse
HANOI_OFFSET = dt.timezone(dt.timedelta(hours=7))


def source(published: Any) -> Source:
    return Source(id="vir", title="Roundtable", publisher="VIR", published=published)


class TestClaimDates:
    @pytest.mark.parametrize(
        ("given", "text"),
        [
            ("2025-09-18", "2025-09-18"),
            ("2024-04", "2024-04"),
            ("2025-21", "2025-21"),
            ("2021?", "2021?"),
            ("[..2026-03-08]", "[..2026-03-08]"),
            ("[2025-09..]", "[2025-09..]"),
            ("[2019..2021]", "[2019..2021]"),
            (dt.date(2025, 9, 18), "2025-09-18"),
            (dt.datetime(2025, 9, 18, 10, 0, tzinfo=HANOI_OFFSET), "2025-09-18T10:00+07:00"),
            (dt.datetime(2025, 9, 18, 10, 0, 30, tzinfo=HANOI_OFFSET), "2025-09-18T10:00:30+07:00"),
            (dt.datetime(2025, 9, 18, 3, 0, tzinfo=dt.UTC), "2025-09-18T03:00Z"),
            (
                dt.datetime(2025, 9, 18, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")),
                "2025-09-18T10:00+07:00",
            ),
            (
                dt.datetime(
                    2025, 9, 18, 10, 0, tzinfo=dt.timezone(-dt.timedelta(hours=3, minutes=30))
                ),
                "2025-09-18T10:00-03:30",
            ),
            (dt.datetime(2025, 9, 18, 10, 0), "2025-09-18T10:00"),
        ],
    )
    def test_a_start_given_any_way_is_the_date_its_text_parses_to(
        self, given: Any, text: str
    ) -> None:
        claim = Claim(source="vir", start=given)

        assert claim.start == P(text)
        assert str(claim.start) == text
        assert claim == Claim(source="vir", start=P(text))

    def test_an_end_is_converted_like_a_start(self) -> None:
        claim = Claim(source="vir", start=dt.date(2025, 10, 27), end=dt.date(2025, 10, 29))

        assert (claim.start, claim.end) == (P("2025-10-27"), P("2025-10-29"))

    def test_a_datetime_keeps_its_instant_whatever_the_zone_it_is_read_in(self) -> None:
        moment = dt.datetime(2026, 3, 8, 20, 0, tzinfo=dt.UTC)
        claim = Claim(source="vir", start=moment)

        assert claim.start is not None
        for zone in ("Asia/Ho_Chi_Minh", "Europe/Amsterdam"):
            start, end = claim.start.bounds(zone)
            assert start == int(moment.timestamp())
            assert end - start == 60  # the minute it names

    def test_whole_seconds_are_dropped_but_a_second_with_a_fraction_is_kept(self) -> None:
        at_zero = Claim(source="vir", start=dt.datetime(2025, 9, 18, 10, 0, 0, tzinfo=dt.UTC))
        fraction = Claim(
            source="vir", start=dt.datetime(2025, 9, 18, 10, 0, 0, 250_000, tzinfo=dt.UTC)
        )

        assert str(at_zero.start) == "2025-09-18T10:00Z"
        assert str(fraction.start) == "2025-09-18T10:00:00Z"

    def test_parsed_values_are_kept_as_they_are(self) -> None:
        start, end = P("2025-10"), DateRange()

        claim = Claim(source="vir", start=start, end=end)

        assert claim.start is start
        assert claim.end is end

    def test_no_date_stays_none(self) -> None:
        claim = Claim(source="vir")

        assert (claim.start, claim.end, claim.dated) == (None, None, False)

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            (
                "start",
                2025,
                r"^Claim\.start: expected EDTF text such as '2025-09-18', a datetime\.date",
            ),
            ("end", 2030.0, r"^Claim\.end: expected EDTF text such as '2025-09-18'.*got 2030\.0$"),
            (
                "start",
                dt.time(10, 0),
                r"^Claim\.start: expected EDTF text .*got datetime\.time\(10, 0\)$",
            ),
            ("start", "2025-13", r"^Claim\.start: '2025-13' is not a valid date: month 13"),
            ("end", "2025-37", r"^Claim\.end: '2025-37' is not a valid date: grouping code 37"),
            ("start", "18/09/2025", r"^Claim\.start: '18/09/2025' is not a valid date"),
            ("start", "[2026-03-09..2026-03-08]", r"^Claim\.start: .* the range is reversed"),
            (
                "end",
                "[..]",
                r"^Claim\.end: '\[\.\.\]' is not a valid date: '\[\.\.\]' says nothing",
            ),
            (
                "start",
                dt.date(1, 1, 1),
                r"^Claim\.start: '0001-01-01' is not a valid date: the year must be between 0002",
            ),
            (
                "start",
                dt.datetime(2025, 9, 18, tzinfo=dt.timezone(dt.timedelta(seconds=30))),
                r"^Claim\.start: UTC offset 0:00:30 is not a whole number of minutes$",
            ),
        ],
    )
    def test_a_bad_value_raises_a_data_error_naming_the_class_and_field(
        self, field: str, value: Any, message: str
    ) -> None:
        with pytest.raises(DataError, match=message) as info:
            Claim(source="vir", **{field: value})

        (problem,) = info.value.problems
        assert problem.path == f"Claim.{field}"
        assert (problem.line, problem.column) == (0, 0)

    @pytest.mark.parametrize("start", ["..", DateRange()])
    def test_a_start_cannot_be_still_going_on(self, start: Any) -> None:
        with pytest.raises(DataError, match=r"^Claim\.start: cannot be '\.\.': leave it out"):
            Claim(source="vir", start=start)


class TestSourcePublished:
    @pytest.mark.parametrize(
        ("given", "text"),
        [
            ("2025-09-19", "2025-09-19"),
            (dt.date(2025, 9, 19), "2025-09-19"),
            (dt.datetime(2025, 9, 19, 10, 0, tzinfo=HANOI_OFFSET), "2025-09-19T10:00+07:00"),
            (P("2025-09"), "2025-09"),
            (None, None),
        ],
    )
    def test_published_given_any_way_is_the_date_its_text_parses_to(
        self, given: Any, text: str | None
    ) -> None:
        published = source(given).published

        assert published == (None if text is None else P(text))
        assert source(given) == source(text)

    @pytest.mark.parametrize(
        "value", ["[..2025-09-19]", "[2025..]", "..", DateRange(None, PartialDate(2025))]
    )
    def test_a_range_is_refused_since_a_source_appeared_on_one_date(self, value: Any) -> None:
        with pytest.raises(
            DataError, match=r"^Source\.published: expected a single date \(when the source"
        ):
            source(value)

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (
                "2025-09-31",
                r"^Source\.published: '2025-09-31' is not a valid date: day 31 does not exist",
            ),
            (
                20250919,
                r"^Source\.published: expected EDTF text such as '2025-09-18'.*got 20250919$",
            ),
        ],
    )
    def test_a_bad_value_raises_a_data_error_naming_the_class_and_field(
        self, value: Any, message: str
    ) -> None:
        with pytest.raises(DataError, match=message):
            source(value)


class TestEventRules:
    def test_a_span_may_be_still_going_on(self) -> None:
        event = Event(
            id="programme",
            title="Programme",
            kind="span",
            claims=[Claim(source="vir", start="2025-10", end="..")],
        )

        (claim,) = event.claims
        assert claim.end == DateRange()
        assert str(claim.end) == ".."

    def test_a_milestone_cannot_be_still_going_on(self) -> None:
        with pytest.raises(ValueError, match="is a milestone, so its claims cannot have an end"):
            Event(id="summit", title="Summit", claims=[Claim(source="vir", end="..")])

    @pytest.mark.parametrize(
        ("start", "end"),
        [("2025-10", ".."), ("2025-10", "[2026..]"), ("[..2025-10]", "[..2025-12]")],
    )
    def test_an_open_end_that_can_follow_the_start_is_accepted(self, start: str, end: str) -> None:
        claim = Claim(source="vir", start=start, end=end)

        event = Event(id="programme", title="Programme", kind="span", claims=[claim])

        assert event.claims == (claim,)

    def test_an_end_wholly_before_its_start_is_refused_even_when_open(self) -> None:
        with pytest.raises(ValueError, match=r"end \[\.\.2025-01\] is before its start 2025-03"):
            Event(
                id="programme",
                title="Programme",
                kind="span",
                claims=[Claim(source="vir", start="2025-03", end="[..2025-01]")],
            )
