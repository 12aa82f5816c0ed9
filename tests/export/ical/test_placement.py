"""Where an event lands (vntimeline._export.ical.placement): all-day, timed, or a one-day marker."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import WriteYaml
from helpers.ical import HANOI, P, build, decided, milestone, parse, roundtable, strategy, vevent
from vntimeline import load, resolve
from vntimeline._export.ical import to_ical
from vntimeline._model.events import Claim, Event
from vntimeline._model.resolved import ResolvedDate


class TestPlacement:
    def test_a_day_is_an_all_day_event_with_an_exclusive_end(self) -> None:
        data = to_ical(build([roundtable()]))
        assert "\r\nDTSTART;VALUE=DATE:20250918\r\nDTEND;VALUE=DATE:20250919\r\n" in data.decode()
        event = vevent(data, "nanning-roundtable")
        assert event.start == dt.date(2025, 9, 18)
        assert event.end == dt.date(2025, 9, 19)
        assert str(event["SUMMARY"]) == "ASEAN–China ministerial roundtable on AI"
        assert str(event["TRANSP"]) == "TRANSPARENT"

    def test_a_time_is_local_to_the_event_zone_with_a_vtimezone(self) -> None:
        talk = milestone("talk", "2026-03-08T20:00Z", timezone=HANOI)
        data = to_ical(build([talk]))
        text = data.decode()
        assert "\r\nDTSTART;TZID=Asia/Ho_Chi_Minh:20260309T030000\r\n" in text
        # The time's own unit, a minute: never a DTSTART alone (zero length in RFC 5545).
        assert "\r\nDTEND;TZID=Asia/Ho_Chi_Minh:20260309T030100\r\n" in text
        calendar = parse(data)
        assert [str(tz["TZID"]) for tz in calendar.timezones] == [HANOI]
        assert text.index("BEGIN:VTIMEZONE") < text.index("BEGIN:VEVENT")
        start = calendar.events[0].start
        assert start == dt.datetime(2026, 3, 8, 20, 0, tzinfo=dt.UTC)
        assert "9 March 2026, 03:00 (Asia/Ho_Chi_Minh time)" in str(
            calendar.events[0]["DESCRIPTION"]
        )

    def test_a_local_time_that_happens_twice_is_written_in_utc(self) -> None:
        event = milestone("twice", "2025-10-26T01:30Z", timezone="Europe/Amsterdam")
        text = to_ical(build([event])).decode()
        assert "\r\nDTSTART:20251026T013000Z\r\n" in text
        assert "VTIMEZONE" not in text

    @pytest.mark.parametrize(
        ("value", "day", "label"),
        [
            ("2024-04", dt.date(2024, 4, 1), "[April 2024] "),
            ("2018", dt.date(2018, 1, 1), "[2018] "),
            ("2025?", dt.date(2025, 1, 1), "[2025, uncertain] "),
            ("2024-04-02~", dt.date(2024, 4, 2), "[2 April 2024, approximate] "),
        ],
    )
    def test_an_imprecise_date_is_a_one_day_marker_with_its_extent_in_the_summary(
        self,
        value: str,
        day: dt.date,
        label: str,
    ) -> None:
        event_id = "fpt-factory"
        resolved = build([milestone(event_id, value)])
        event = vevent(to_ical(resolved), event_id)
        assert event.start == day
        assert event.end == day + dt.timedelta(days=1)
        assert str(event["SUMMARY"]) == f"{label}Event {event_id}"
        assert str(event["TRANSP"]) == "TRANSPARENT"

    def test_a_span_of_known_days_covers_them_all(self) -> None:
        week = Event(
            id="digital-week",
            title="Digital Week",
            kind="span",
            category="cooperation",
            claims=[Claim(source="agg", start=P("2025-10-27"), end=P("2025-10-29"))],
        )
        resolved = build(
            [
                (
                    week,
                    {
                        "start": decided("2025-10-27"),
                        "end": decided("2025-10-29"),
                        "sources": ("agg",),
                    },
                )
            ]
        )
        event = vevent(to_ical(resolved), "digital-week")
        assert (event.start, event.end) == (dt.date(2025, 10, 27), dt.date(2025, 10, 30))
        assert str(event["SUMMARY"]) == "Digital Week"

    def test_a_span_of_months_is_a_marker_named_by_both_months(self) -> None:
        vineu = Event(
            id="vineu",
            title="VINEU expands",
            kind="span",
            category="cooperation",
            claims=[Claim(source="agg", start=P("2024-04"), end=P("2024-06"))],
        )
        resolved = build(
            [(vineu, {"start": decided("2024-04"), "end": decided("2024-06"), "sources": ("agg",)})]
        )
        event = vevent(to_ical(resolved), "vineu")
        assert (event.start, event.end) == (dt.date(2024, 4, 1), dt.date(2024, 4, 2))
        assert str(event["SUMMARY"]) == "[April–June 2024] VINEU expands"

    def test_a_conflict_is_marked_in_the_summary_and_tentative(self) -> None:
        resolved = build([milestone("launch", "2026-03-08/2026-03-09", status="conflict")])
        event = vevent(to_ical(resolved), "launch")
        assert str(event["SUMMARY"]) == "[conflict: 8–9 March 2026] Event launch"
        assert str(event["STATUS"]) == "TENTATIVE"
        assert event.start == dt.date(2026, 3, 8)

    def test_a_conflict_on_one_day_is_still_marked(self) -> None:
        resolved = build([milestone("launch", "2026-03-08", status="conflict")])
        event = vevent(to_ical(resolved), "launch")
        assert str(event["SUMMARY"]) == "[conflict: 8 March 2026] Event launch"

    def test_a_bounded_event_is_marked_and_shown_on_its_first_possible_day(self) -> None:
        later = Event(
            id="follow-up", title="Follow-up", category="diplomacy", after=("nanning-roundtable",)
        )
        lower = P("2025-09-19").bounds(HANOI)[0]
        resolved = build(
            [
                roundtable(),
                (
                    later,
                    {
                        "status": "bounded",
                        "start": ResolvedDate("2025-09-19/..", "day", lower, None, HANOI),
                    },
                ),
            ]
        )
        event = vevent(to_ical(resolved), "follow-up")
        assert str(event["SUMMARY"]) == "[bounded: on or after 19 September 2025] Follow-up"
        assert event.start == dt.date(2025, 9, 19)
        assert str(event["STATUS"]) == "TENTATIVE"

    def test_a_bounded_event_open_below_is_shown_on_its_last_possible_day(self) -> None:
        upper = P("2021-01-25").bounds(HANOI)[1]
        early = Event(
            id="draft", title="Draft", category="policy", before=("national-ai-strategy",)
        )
        resolved = build(
            [
                strategy(),
                (
                    early,
                    {
                        "status": "bounded",
                        "start": ResolvedDate("../2021-01-25", "day", None, upper, HANOI),
                    },
                ),
            ]
        )
        event = vevent(to_ical(resolved), "draft")
        assert str(event["SUMMARY"]) == "[bounded: by 25 January 2021] Draft"
        assert event.start == dt.date(2021, 1, 25)

    def test_a_date_after_midnight_utc_lands_on_the_local_day(self) -> None:
        late = milestone("late", "2026-03-08T20:00Z")
        late[1]["start"] = decided("2026-03-09")  # the resolver reads the claim in Hanoi
        event = vevent(to_ical(build([late])), "late")
        assert event.start == dt.date(2026, 3, 9)


#: Two sources that disagree on the hour, and a talk timed to the second.
TIMED = """
timezone: Asia/Ho_Chi_Minh
sources:
  a: {title: A, publisher: A, published: 2025-01-02}
  b: {title: B, publisher: B, published: 2025-01-02}
events:
  - id: launch
    title: Launch
    claims:
      - {source: a, start: 2025-01-01T10:00}
      - {source: b, start: 2025-01-01T11:00}
  - id: talk
    title: Talk
    claims:
      - {source: a, start: 2025-01-01T10:00:30}
  - id: meeting
    title: Meeting
    kind: span
    claims:
      - {source: a, start: 2025-01-01T09:00, end: 2025-01-01T09:45}
"""


class TestTimedEnd:
    """DESIGN 7: a timed milestone has an explicit DTEND."""

    @pytest.fixture
    def feed(self, write_yaml: WriteYaml) -> bytes:
        return to_ical(resolve(load(write_yaml(TIMED))))

    def test_a_time_lasts_its_unit_a_second_when_seconds_are_given(self, feed: bytes) -> None:
        event = vevent(feed, "talk")
        assert event.end - event.start == dt.timedelta(seconds=1)
        assert "DTEND;TZID=Asia/Ho_Chi_Minh:20250101T100031" in feed.decode()

    def test_times_of_10_00_and_11_00_run_from_10_00_to_11_00(self, feed: bytes) -> None:
        event = vevent(feed, "launch")
        text = feed.decode()
        assert "DTSTART;TZID=Asia/Ho_Chi_Minh:20250101T100000" in text
        assert "DTEND;TZID=Asia/Ho_Chi_Minh:20250101T110000" in text  # not 11:01
        assert event.end - event.start == dt.timedelta(hours=1)

    def test_a_timed_span_ends_at_its_end_time(self, feed: bytes) -> None:
        event = vevent(feed, "meeting")
        assert event.end - event.start == dt.timedelta(minutes=45)

    def test_every_timed_event_has_a_dtend_after_its_dtstart(self, feed: bytes) -> None:
        events = parse(feed).events
        assert len(events) == 3
        for event in events:
            assert "DTEND" in event
            assert event.end > event.start
