"""The iCalendar feed (vntimeline._export.ical.feed): what clients see, byte for byte.

Most tests build a small timeline and its resolution by hand, so each date
rule is checked in isolation; the last classes run the bundled dataset through
the real resolver and read the feed back with icalendar and with ical.js (the
parser Thunderbird uses, run with node).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

import vntimeline
from vntimeline._export.ical import feed as _ical
from vntimeline._export.ical.feed import FeedOptions, feed_filename, to_ical, write_ical
from vntimeline._model.dates import PartialDate, format_bounds
from vntimeline._model.events import Claim, Event, Source, Timeline
from vntimeline._model.resolved import Dissent, ResolvedDate, ResolvedEvent, ResolvedTimeline
from vntimeline.errors import ExportError, OptionError, VntimelineError

JS = Path(__file__).parents[2] / "js"
HANOI = "Asia/Ho_Chi_Minh"
P = PartialDate.parse


# ---------------------------------------------------------------- helpers --


def decided(text: str, zone: str = HANOI, precision: str | None = None) -> ResolvedDate:
    """A ResolvedDate covering the EDTF value or ``a/b`` interval *text*."""
    parts = [P(part).bounds(zone) for part in text.split("/")]
    start, end = parts[0][0], parts[-1][1]
    chosen = precision or P(text.split("/")[0]).precision
    value = format_bounds(start, end, zone, chosen)  # type: ignore[arg-type]
    if text[-1] in "?~%":
        value += text[-1]
    return ResolvedDate(value, chosen, start, end, zone)  # type: ignore[arg-type]


SOURCES = (
    Source(
        id="vir",
        title="Vietnam attends China-ASEAN ministerial roundtable on AI",
        publisher="Vietnam Investment Review",
        url="https://vir.com.vn/roundtable.html",
        published=P("2025-09-19T10:00+07:00"),
    ),
    Source(
        id="gov",
        title="Quyết định 127/QĐ-TTg về Chiến lược quốc gia về trí tuệ nhân tạo",
        publisher="Cổng Thông tin điện tử Chính phủ",
        url="https://chinhphu.vn/q127",
        published=P("2021-01-26"),
        authority="official",
        language="vi",
    ),
    Source(
        id="agg",
        title="Europe; AI, and the diaspora",
        publisher="getaibrief.com",
        authority="aggregator",
    ),
)


def build(
    events: list[tuple[Event, dict[str, Any]]], sources: tuple[Source, ...] = SOURCES
) -> ResolvedTimeline:
    """A ResolvedTimeline of *events*, each with the ResolvedEvent fields given."""
    timeline = Timeline(events=[event for event, _ in events], sources=sources)
    resolved = []
    for event, fields in events:
        fields = {
            "status": "single-source",
            "start": None,
            "end": None,
            "sources": (),
            "dissent": (),
            "explanation": "Explained.",
            **fields,
        }
        resolved.append(ResolvedEvent(event=timeline.event(event.id), **fields))
    return ResolvedTimeline(timeline, tuple(resolved))


def roundtable(**changes: Any) -> tuple[Event, dict[str, Any]]:
    """The Nanning roundtable, dated 18 September 2025 by one press source."""
    event = Event(
        id="nanning-roundtable",
        title="ASEAN–China ministerial roundtable on AI",
        category="diplomacy",
        location="Nanning, China",
        timezone="Asia/Shanghai",
        claims=[
            Claim(
                source="vir",
                start=P("2025-09-18"),
                quote="held on September 18 in Nanning",
                note="year taken from the publication date",
            )
        ],
    )
    fields: dict[str, Any] = {
        "start": decided("2025-09-18", "Asia/Shanghai"),
        "sources": ("vir",),
        "explanation": "Only Vietnam Investment Review dates it.",
    }
    fields.update(changes)
    return event, fields


def strategy() -> tuple[Event, dict[str, Any]]:
    """The 2021 strategy: a Vietnamese title, two sources, one dissenting."""
    event = Event(
        id="national-ai-strategy",
        category="policy",
        title="Chiến lược quốc gia về nghiên cứu, phát triển và ứng dụng trí tuệ nhân tạo",
        claims=[
            Claim(source="gov", start=P("2021-01-26"), quote="ngày 26 tháng 01 năm 2021"),
            Claim(source="agg", start=P("2021-02")),
        ],
    )
    return event, {
        "status": "reconciled",
        "start": decided("2021-01-26"),
        "sources": ("gov",),
        "dissent": (Dissent("agg", "2021-02", "outweighed by the official decree"),),
        "explanation": "The decree (official, weight 4) outweighs the aggregator.",
    }


def milestone(
    event_id: str,
    value: str | None,
    *,
    status: str = "single-source",
    category: str = "industry",
    **event_fields: Any,
) -> tuple[Event, dict[str, Any]]:
    """A milestone claimed by the aggregator at *value* (None: undated)."""
    claims = [] if value is None else [Claim(source="agg", start=P(value.split("/")[0]))]
    event = Event(
        id=event_id, title=f"Event {event_id}", category=category, claims=claims, **event_fields
    )
    start = None if value is None else decided(value, event_fields.get("timezone", HANOI))
    if value is None:
        status = "undated"
    return event, {"status": status, "start": start, "sources": () if value is None else ("agg",)}


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def vevent(data: bytes, event_id: str) -> Any:
    for component in parse(data).events:
        if str(component["UID"]).startswith(event_id + "@"):
            return component
    raise AssertionError(f"no VEVENT for {event_id}")


def lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


def unfolded(data: bytes) -> str:
    return data.decode("utf-8").replace("\r\n ", "")


@pytest.fixture(autouse=True)
def _no_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests set SOURCE_DATE_EPOCH themselves; the caller's must not leak in."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


# ---------------------------------------------------------------- options --


class TestFeedOptions:
    def test_defaults_refresh_daily_and_track_changes(self) -> None:
        options = FeedOptions()
        assert options.refresh == dt.timedelta(days=1)
        assert options.track_changes is True
        assert options.public_url is None
        assert options.feed_url() is None

    def test_a_pendulum_duration_is_accepted_as_the_refresh_interval(self) -> None:
        assert FeedOptions(refresh=pendulum.duration(hours=6)).refresh == dt.timedelta(hours=6)

    def test_a_refresh_shorter_than_a_minute_is_refused(self) -> None:
        with pytest.raises(VntimelineError, match="at least one minute"):
            FeedOptions(refresh=dt.timedelta(seconds=5))

    def test_a_refresh_that_is_not_a_duration_is_refused(self) -> None:
        with pytest.raises(VntimelineError, match="must be a timedelta"):
            FeedOptions(refresh=3600)

    def test_the_public_url_gets_a_trailing_slash_and_names_each_feed(self) -> None:
        options = FeedOptions(public_url="https://example.org/feeds")
        assert options.public_url == "https://example.org/feeds/"
        assert options.feed_url() == "https://example.org/feeds/vntimeline.ics"
        assert options.feed_url("policy") == "https://example.org/feeds/vntimeline-policy.ics"

    @pytest.mark.parametrize("url", ["ftp://example.org/", "example.org", "https://x.org/?a=1"])
    def test_a_public_url_that_is_not_an_http_folder_is_refused(self, url: str) -> None:
        with pytest.raises(VntimelineError, match="public_url must be the http"):
            FeedOptions(public_url=url)

    @pytest.mark.parametrize("name", ["", "   ", "bell\x07", "two\nlines"])
    def test_an_empty_or_control_character_name_is_refused(self, name: str) -> None:
        with pytest.raises(VntimelineError, match=r"name must be (non-empty text|one line)"):
            FeedOptions(name=name)

    def test_a_uid_domain_must_be_a_host_name(self) -> None:
        with pytest.raises(VntimelineError, match="uid_domain must be a host name"):
            FeedOptions(uid_domain="not a host")

    def test_options_are_frozen(self) -> None:
        options = FeedOptions()
        with pytest.raises(AttributeError):
            options.name = "other"  # type: ignore[misc]


class TestFeedFilename:
    def test_the_combined_feed_is_vntimeline_ics(self) -> None:
        assert feed_filename(None) == "vntimeline.ics"

    def test_a_category_feed_carries_the_category(self) -> None:
        assert feed_filename("policy") == "vntimeline-policy.ics"

    @pytest.mark.parametrize("category", ["../etc/passwd", "Policy", "a/b", ""])
    def test_a_category_that_is_not_a_slug_is_refused(self, category: str) -> None:
        with pytest.raises(OptionError, match="lowercase slug"):
            feed_filename(category)


# --------------------------------------------------------------- calendar --


class TestCalendarProperties:
    def test_the_calendar_has_the_identity_and_refresh_properties(self) -> None:
        data = to_ical(build([roundtable()]))
        text = unfolded(data)
        calendar = parse(data)
        assert str(calendar["PRODID"]) == _ical.PRODID
        assert str(calendar["VERSION"]) == "2.0"
        assert str(calendar["CALSCALE"]) == "GREGORIAN"
        assert str(calendar["METHOD"]) == "PUBLISH"
        assert "\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\n" in data.decode()
        assert "\r\nX-PUBLISHED-TTL:P1D\r\n" in data.decode()
        assert "\nNAME:Vietnam AI policy timeline\r" in text
        assert "\nX-WR-CALNAME:Vietnam AI policy timeline\r" in text
        assert calendar.refresh_interval == dt.timedelta(days=1)

    def test_name_and_description_appear_twice_for_older_clients(self) -> None:
        options = FeedOptions(
            name="Dòng thời gian AI, Việt Nam", description="Các mốc; có nguồn.\nDòng hai"
        )
        text = unfolded(to_ical(build([roundtable()]), options=options))
        assert "\nNAME:Dòng thời gian AI\\, Việt Nam\r" in text
        assert "\nX-WR-CALNAME:Dòng thời gian AI\\, Việt Nam\r" in text
        assert "\nDESCRIPTION:Các mốc\\; có nguồn.\\nDòng hai\\n\\n" in text
        assert "\nX-WR-CALDESC:Các mốc\\; có nguồn.\\nDòng hai\\n\\n" in text

    def test_source_and_url_appear_only_with_a_public_url(self) -> None:
        resolved = build([roundtable()])
        assert "SOURCE" not in parse(to_ical(resolved))
        assert "URL" not in parse(to_ical(resolved))
        options = FeedOptions(
            public_url="https://example.org/feeds/", refresh=dt.timedelta(hours=6)
        )
        data = to_ical(resolved, category="diplomacy", options=options)
        text = data.decode()
        feed = "https://example.org/feeds/vntimeline-diplomacy.ics"
        assert f"\nSOURCE;VALUE=URI:{feed}\r" in unfolded(data)
        assert "\r\nURL;VALUE=URI:https://example.org/feeds/\r\n" in text
        assert "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n" in text
        assert "\r\nX-PUBLISHED-TTL:PT6H\r\n" in text

    def test_undated_events_are_left_out_and_named_in_the_description(self) -> None:
        resolved = build([roundtable(), milestone("mystery", None)])
        calendar = parse(to_ical(resolved))
        assert [str(e["UID"]) for e in calendar.events] == ["nanning-roundtable@vntimeline"]
        assert "no date is known: Event mystery." in str(calendar["DESCRIPTION"])
        assert "1 event." in str(calendar["DESCRIPTION"])

    def test_a_category_feed_holds_only_that_category_and_says_so(self) -> None:
        resolved = build(
            [roundtable(), strategy(), milestone("undated-policy", None, category="policy")]
        )
        calendar = parse(to_ical(resolved, category="policy"))
        assert [str(e["UID"]) for e in calendar.events] == ["national-ai-strategy@vntimeline"]
        assert str(calendar["NAME"]) == "Vietnam AI policy timeline — policy"
        assert "category “policy”" in str(calendar["DESCRIPTION"])
        assert "Event undated-policy" in str(calendar["DESCRIPTION"])

    def test_an_unknown_category_is_an_error_with_a_suggestion(self) -> None:
        with pytest.raises(OptionError, match=r"unknown category 'polcy' \(did you mean 'policy'"):
            to_ical(build([strategy()]), category="polcy")


# ------------------------------------------------------------------ dates --


class TestDates:
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
        assert "DTEND" not in text  # an instant: RFC 5545 ends it where it starts
        calendar = parse(data)
        assert [str(tz["TZID"]) for tz in calendar.timezones] == [HANOI]
        assert text.index("BEGIN:VTIMEZONE") < text.index("BEGIN:VEVENT")
        start = calendar.events[0].start
        assert start == dt.datetime(2026, 3, 8, 20, 0, tzinfo=dt.UTC)
        assert "9 March 2026, 03:00 (Asia/Ho_Chi_Minh time)" in str(
            calendar.events[0]["DESCRIPTION"]
        )

    def test_several_zones_get_one_vtimezone_each_sorted_by_name(self) -> None:
        events = [
            milestone("a", "2026-03-08T20:00Z", timezone="Europe/Amsterdam"),
            milestone("b", "2026-03-08T20:00Z", timezone=HANOI),
            milestone("c", "2025-09-18T09:00+08:00", timezone="Asia/Shanghai"),
        ]
        calendar = parse(to_ical(build(events)))
        assert [str(tz["TZID"]) for tz in calendar.timezones] == [
            HANOI,
            "Asia/Shanghai",
            "Europe/Amsterdam",
        ]
        assert calendar.get_missing_tzids() == set()

    def test_each_zone_transition_is_an_observance_read_in_the_offset_it_leaves(self) -> None:
        event = milestone("a", "2025-07-01T09:30+02:00", timezone="Europe/Amsterdam")
        text = to_ical(build([event])).decode()
        zone = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")]
        assert "RDATE" not in zone and "RRULE" not in zone
        assert (
            "BEGIN:DAYLIGHT\r\nDTSTART:20250330T020000\r\nTZNAME:CEST\r\n"
            "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
        ) in zone
        assert (
            "BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZNAME:CET\r\n"
            "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
        ) in zone

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
        assert str(event["SUMMARY"]) == "[bounded: on or before 25 January 2021] Draft"
        assert event.start == dt.date(2021, 1, 25)

    def test_a_date_after_midnight_utc_lands_on_the_local_day(self) -> None:
        late = milestone("late", "2026-03-08T20:00Z")
        late[1]["start"] = decided("2026-03-09")  # the resolver reads the claim in Hanoi
        event = vevent(to_ical(build([late])), "late")
        assert event.start == dt.date(2026, 3, 9)


# ----------------------------------------------------------------- events --


class TestEventProperties:
    def test_the_uid_is_the_event_id_at_the_uid_domain(self) -> None:
        resolved = build([roundtable()])
        uid = vevent(to_ical(resolved), "nanning-roundtable")["UID"]
        assert str(uid) == "nanning-roundtable@vntimeline"
        other = to_ical(resolved, options=FeedOptions(uid_domain="feeds.example.org"))
        assert "UID:nanning-roundtable@feeds.example.org" in other.decode()

    def test_the_description_gives_date_precision_status_sources_quotes_and_why(self) -> None:
        event = vevent(to_ical(build([strategy()])), "national-ai-strategy")
        description = str(event["DESCRIPTION"])
        for expected in [
            "Date: 26 January 2021 (EDTF 2021-01-26, day precision)",
            "Status: reconciled",
            "Why this date: The decree (official, weight 4) outweighs the aggregator.",
            "- Cổng Thông tin điện tử Chính phủ, 26 January 2021: “Quyết định 127/QĐ-TTg",
            "  https://chinhphu.vn/q127",
            "  Says 2021-01-26: “ngày 26 tháng 01 năm 2021”",
            "- getaibrief.com, date not given: “Europe; AI, and the diaspora”",
            "  Says 2021-02\n  Not followed: outweighed by the official decree",
            "Event id: national-ai-strategy",
        ]:
            assert expected in description

    def test_the_description_keeps_the_note_on_how_a_date_was_read(self) -> None:
        event = vevent(to_ical(build([roundtable()])), "nanning-roundtable")
        description = str(event["DESCRIPTION"])
        assert "How it was read: year taken from the publication date\n  Followed." in description
        assert "- Vietnam Investment Review, 19 September 2025:" in description

    def test_categories_location_and_url_come_from_the_event_and_its_best_source(self) -> None:
        event = vevent(to_ical(build([strategy()])), "national-ai-strategy")
        assert [str(c) for c in event.categories] == ["policy"]
        assert str(event["URL"]) == "https://chinhphu.vn/q127"
        event = vevent(to_ical(build([roundtable()])), "nanning-roundtable")
        assert str(event["LOCATION"]) == "Nanning, China"

    def test_each_source_with_a_url_is_an_rfc_9253_link(self) -> None:
        data = to_ical(build([strategy()]))
        links = vevent(data, "national-ai-strategy").links
        assert [str(link) for link in links] == ["https://chinhphu.vn/q127"]
        assert links[0].params["LINKREL"] == "via"
        assert links[0].params["LANGUAGE"] == "vi"
        assert links[0].params["LABEL"].startswith("Cổng Thông tin điện tử Chính phủ: Quyết")

    def test_an_order_constraint_is_a_related_to_on_the_later_event(self) -> None:
        later = Event(
            id="follow-up",
            title="Follow-up",
            category="diplomacy",
            after=("nanning-roundtable",),
            claims=[Claim(source="vir", start=P("2025-09-20"))],
        )
        earlier = milestone("prelude", "2025-09-01", before=("nanning-roundtable",))
        resolved = build([roundtable(), (later, {"start": decided("2025-09-20")}), earlier])
        data = to_ical(resolved)
        related = vevent(data, "follow-up").related_to
        assert [str(r) for r in related] == ["nanning-roundtable@vntimeline"]
        assert related[0].params["RELTYPE"] == "FINISHTOSTART"
        assert [str(r) for r in vevent(data, "nanning-roundtable").related_to] == [
            "prelude@vntimeline"
        ]
        assert vevent(data, "prelude").related_to == []

    def test_an_order_constraint_on_an_undated_event_is_not_linked(self) -> None:
        mystery = milestone("mystery", None, category="diplomacy")
        later = Event(
            id="follow-up",
            title="Follow-up",
            category="diplomacy",
            after=("mystery",),
            claims=[Claim(source="vir", start=P("2025-09-20"))],
        )
        data = to_ical(build([mystery, (later, {"start": decided("2025-09-20")})]))
        assert vevent(data, "follow-up").related_to == []
        assert "After: Event mystery (undated)" in str(vevent(data, "follow-up")["DESCRIPTION"])

    def test_events_are_sorted_by_date_then_id(self) -> None:
        events = [
            milestone("b", "2025-01-02"),
            milestone("c", "2024"),
            milestone("a", "2025-01-02"),
        ]
        uids = [str(e["UID"]) for e in parse(to_ical(build(events))).events]
        assert uids == ["c@vntimeline", "a@vntimeline", "b@vntimeline"]


# ---------------------------------------------------------- determinism --


class TestDeterminism:
    def test_two_runs_give_identical_bytes(self) -> None:
        assert to_ical(build([roundtable(), strategy()])) == to_ical(
            build([roundtable(), strategy()])
        )

    def test_the_order_of_events_and_sources_in_the_file_does_not_matter(self) -> None:
        forward = build([roundtable(), strategy()])
        backward = build([strategy(), roundtable()], sources=tuple(reversed(SOURCES)))
        assert to_ical(forward) == to_ical(backward)

    def test_dtstamp_is_the_newest_publication_date_without_source_date_epoch(self) -> None:
        event = vevent(to_ical(build([strategy()])), "national-ai-strategy")
        # the newest is VIR's 2025-09-19T10:00+07:00, though this event cites the decree
        assert event["DTSTAMP"].dt == dt.datetime(2025, 9, 19, 3, 0, tzinfo=dt.UTC)
        assert event.last_modified == dt.datetime(2021, 1, 25, 17, 0, tzinfo=dt.UTC)
        assert int(event["SEQUENCE"]) == 0

    def test_dtstamp_follows_source_date_epoch(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        event = vevent(to_ical(build([strategy()])), "national-ai-strategy")
        assert event["DTSTAMP"].dt == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

    @pytest.mark.parametrize("value", ["yesterday", "-5", "1.5"])
    def test_a_malformed_source_date_epoch_is_an_error(
        self,
        monkeypatch: pytest.MonkeyPatch,
        value: str,
    ) -> None:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
        with pytest.raises(OptionError, match="SOURCE_DATE_EPOCH must be a whole number"):
            to_ical(build([strategy()]))

    def test_without_any_publication_date_dtstamp_is_the_epoch(self) -> None:
        bare = (Source(id="agg", title="t", publisher="p"),)
        event = Event(id="x", title="X", claims=[Claim(source="agg", start=P("2024"))])
        data = to_ical(build([(event, {"start": decided("2024")})], sources=bare))
        assert vevent(data, "x")["DTSTAMP"].dt == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

    def test_other_hash_seeds_give_the_same_bytes(self, tmp_path: Path) -> None:
        # Several zones and categories: anything iterated from a set would show here.
        script = (
            "import sys, vntimeline\n"
            "from vntimeline._export.ical.feed import to_ical\n"
            "sys.stdout.buffer.write(to_ical(vntimeline.resolve(vntimeline.load_default())))\n"
        )
        outputs = set()
        for seed in ("1", "2", "3"):
            env = {**os.environ, "PYTHONHASHSEED": seed}
            env.pop("SOURCE_DATE_EPOCH", None)
            run = subprocess.run(
                [sys.executable, "-c", script], env=env, capture_output=True, check=True
            )
            outputs.add(run.stdout)
        assert len(outputs) == 1
        assert outputs.pop().startswith(b"BEGIN:VCALENDAR\r\n")


# --------------------------------------------------------------- encoding --


VIETNAMESE = "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđĐ"


class TestEncoding:
    def test_lines_fold_at_75_octets_without_splitting_a_character(self) -> None:
        long_title = "Hội nghị bàn tròn cấp Bộ trưởng ASEAN–Trung Quốc về trí tuệ nhân tạo " * 4
        event = Event(
            id="long",
            title=long_title.strip(),
            description="Mô tả dài. " * 40,
            claims=[
                Claim(
                    source="gov",
                    start=P("2025-09-18"),
                    quote="tổ chức ngày 18 tháng 9 tại Nam Ninh " * 6,
                )
            ],
        )
        data = to_ical(build([(event, {"start": decided("2025-09-18")})]))
        for line in lines(data):
            assert len(line) <= 75
            line.decode("utf-8")  # a split multi-byte character would raise here
        assert str(vevent(data, "long")["SUMMARY"]) == long_title.strip()

    def test_commas_semicolons_backslashes_and_newlines_are_escaped(self) -> None:
        event = Event(
            id="esc",
            title="A, B; C\\D",
            description="line one\nline two",
            location="Hà Nội; Việt Nam, Asia",
            claims=[Claim(source="agg", start=P("2025-01-01"))],
        )
        data = to_ical(build([(event, {"start": decided("2025-01-01")})]))
        text = unfolded(data)
        assert "\nSUMMARY:A\\, B\\; C\\\\D\r" in text
        assert "\nLOCATION:Hà Nội\\; Việt Nam\\, Asia\r" in text
        assert "DESCRIPTION:line one\\nline two\\n\\n" in text
        parsed = vevent(data, "esc")
        assert str(parsed["SUMMARY"]) == "A, B; C\\D"
        assert str(parsed["DESCRIPTION"]).startswith("line one\nline two\n\n")

    def test_text_is_nfc_normalised_and_control_characters_dropped(self) -> None:
        decomposed = "Vie\u0302\u0323t Nam\x0b"  # "Việt" with combining marks, a vertical tab
        event = Event(
            id="nfc", title=decomposed, claims=[Claim(source="agg", start=P("2025-01-01"))]
        )
        data = to_ical(build([(event, {"start": decided("2025-01-01")})]))
        assert str(vevent(data, "nfc")["SUMMARY"]) == "Việt Nam"

    @settings(max_examples=40, deadline=None)
    @given(
        title=st.text(alphabet=VIETNAMESE + "abc ,;:\\\n\"'–—“”", min_size=1, max_size=200).filter(
            lambda t: t.strip() != ""
        )
    )
    def test_any_vietnamese_title_survives_folding_and_escaping(self, title: str) -> None:
        event = Event(id="any", title=title, claims=[Claim(source="agg", start=P("2025-01-01"))])
        data = to_ical(build([(event, {"start": decided("2025-01-01")})]))
        for line in lines(data):
            assert len(line) <= 75
            line.decode("utf-8")
        assert str(vevent(data, "any")["SUMMARY"]) == title


# ---------------------------------------------------------------- history --


class TestChangeTracking:
    def sequence(self, path: Path, event_id: str) -> tuple[int, dt.datetime]:
        event = vevent(path.read_bytes(), event_id)
        return int(event["SEQUENCE"]), event.last_modified

    def test_rewriting_the_same_data_gives_identical_bytes(self, tmp_path: Path) -> None:
        out = tmp_path / "vntimeline.ics"
        write_ical(build([roundtable(), strategy()]), out)
        first = out.read_bytes()
        write_ical(build([roundtable(), strategy()]), out)
        assert out.read_bytes() == first
        assert (tmp_path / _ical.STATE_FILENAME).exists()

    def test_a_changed_date_raises_sequence_and_last_modified(self, tmp_path: Path) -> None:
        out = tmp_path / "vntimeline.ics"
        write_ical(build([roundtable(), strategy()]), out)
        seq0, modified0 = self.sequence(out, "nanning-roundtable")
        moved = roundtable(start=decided("2025-09-17", "Asia/Shanghai"))
        write_ical(build([moved, strategy()]), out)
        seq1, modified1 = self.sequence(out, "nanning-roundtable")
        assert (seq0, seq1) == (0, 1)
        assert modified1 > modified0
        assert self.sequence(out, "national-ai-strategy")[0] == 0  # untouched event

    def test_a_changed_text_raises_the_sequence_and_a_revert_raises_it_again(
        self,
        tmp_path: Path,
    ) -> None:
        out = tmp_path / "vntimeline.ics"
        sequences = []
        modified = []
        for explanation in ("first", "second", "first"):
            write_ical(build([roundtable(explanation=explanation)]), out)
            seq, last = self.sequence(out, "nanning-roundtable")
            sequences.append(seq)
            modified.append(last)
        assert sequences == [0, 1, 2]
        assert modified[0] < modified[1] < modified[2]

    def test_a_new_dtstamp_alone_does_not_count_as_a_change(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        out = tmp_path / "vntimeline.ics"
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        write_ical(build([roundtable()]), out)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")
        write_ical(build([roundtable()]), out)
        assert self.sequence(out, "nanning-roundtable")[0] == 0

    def test_the_category_feed_shares_the_state_and_agrees_on_sequences(
        self,
        tmp_path: Path,
    ) -> None:
        combined, category = tmp_path / "vntimeline.ics", tmp_path / "vntimeline-diplomacy.ics"
        write_ical(build([roundtable(), strategy()]), combined)
        write_ical(build([roundtable(), strategy()]), category, category="diplomacy")
        changed = build([roundtable(explanation="Revised."), strategy()])
        write_ical(changed, combined)
        write_ical(changed, category, category="diplomacy")
        assert self.sequence(combined, "nanning-roundtable") == self.sequence(
            category, "nanning-roundtable"
        )
        assert self.sequence(category, "nanning-roundtable")[0] == 1

    def test_to_ical_reads_but_never_writes_a_named_state_file(self, tmp_path: Path) -> None:
        state = tmp_path / "state.json"
        options = FeedOptions(state_file=state)
        write_ical(build([roundtable()]), tmp_path / "a.ics", options=options)
        write_ical(build([roundtable(explanation="Revised.")]), tmp_path / "a.ics", options=options)
        before = state.read_bytes()
        data = to_ical(build([roundtable(explanation="Revised.")]), options=options)
        assert data == (tmp_path / "a.ics").read_bytes()
        assert state.read_bytes() == before
        assert not (tmp_path / _ical.STATE_FILENAME).exists()

    def test_without_tracking_no_state_file_is_written(self, tmp_path: Path) -> None:
        write_ical(
            build([roundtable()]), tmp_path / "f.ics", options=FeedOptions(track_changes=False)
        )
        assert sorted(p.name for p in tmp_path.iterdir()) == ["f.ics"]

    def test_a_broken_state_file_is_an_error_that_says_how_to_recover(
        self,
        tmp_path: Path,
    ) -> None:
        (tmp_path / _ical.STATE_FILENAME).write_text('{"version": 1, "events": {"x": {}}}')
        with pytest.raises(ExportError, match="delete it to restart every SEQUENCE at 0"):
            write_ical(build([roundtable()]), tmp_path / "vntimeline.ics")
        assert not (tmp_path / "vntimeline.ics").exists()

    def test_the_state_file_is_stable_sorted_json(self, tmp_path: Path) -> None:
        write_ical(build([strategy(), roundtable()]), tmp_path / "vntimeline.ics")
        state = json.loads((tmp_path / _ical.STATE_FILENAME).read_text())
        assert state["version"] == 1
        assert list(state["events"]) == [
            "nanning-roundtable@vntimeline",
            "national-ai-strategy@vntimeline",
        ]
        assert state["events"]["nanning-roundtable@vntimeline"]["sequence"] == 0


class TestAtomicWrites:
    def test_a_failed_export_leaves_the_previous_file_intact(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        out = tmp_path / "vntimeline.ics"
        write_ical(build([roundtable()]), out)
        before = out.read_bytes()
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "not a number")
        with pytest.raises(OptionError):
            write_ical(build([roundtable(), strategy()]), out)
        assert out.read_bytes() == before
        with pytest.raises(OptionError, match="unknown category"):
            write_ical(build([roundtable()]), out, category="nope")
        assert out.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            _ical.STATE_FILENAME,
            "vntimeline.ics",
        ]

    def test_a_failed_write_leaves_no_temporary_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        out = tmp_path / "vntimeline.ics"
        write_ical(build([roundtable()]), out)
        before = out.read_bytes()

        def refuse(self: Path, target: Any) -> Path:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(Path, "replace", refuse)
        with pytest.raises(ExportError, match="No space left on device"):
            write_ical(build([roundtable(explanation="Revised.")]), out)
        monkeypatch.undo()
        assert out.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            _ical.STATE_FILENAME,
            "vntimeline.ics",
        ]


# ------------------------------------------------------- bundled dataset --


@pytest.fixture(scope="module")
def bundled() -> ResolvedTimeline:
    return vntimeline.resolve(vntimeline.load_default())


@pytest.fixture(scope="module")
def bundled_feed(bundled: ResolvedTimeline) -> bytes:
    previous = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        return to_ical(bundled)
    finally:
        if previous is not None:
            os.environ["SOURCE_DATE_EPOCH"] = previous


class TestBundledFeed:
    def test_every_dated_event_is_in_the_feed_once(
        self, bundled: ResolvedTimeline, bundled_feed: bytes
    ) -> None:
        uids = [str(e["UID"]) for e in parse(bundled_feed).events]
        dated = {f"{r.id}@vntimeline" for r in bundled if r.dated}
        assert len(uids) == len(set(uids))
        assert set(uids) == dated
        assert len(dated) >= 20

    def test_the_nanning_roundtable_is_on_18_september_2025(self, bundled_feed: bytes) -> None:
        event = vevent(bundled_feed, "nanning-roundtable")
        assert (event.start, event.end) == (dt.date(2025, 9, 18), dt.date(2025, 9, 19))
        assert "held on September 18 in Nanning" in str(event["DESCRIPTION"])

    def test_undated_events_are_named_in_the_calendar_description(
        self,
        bundled: ResolvedTimeline,
        bundled_feed: bytes,
    ) -> None:
        undated = [r for r in bundled if not r.dated]
        description = str(parse(bundled_feed)["DESCRIPTION"])
        assert undated
        for item in undated:
            assert item.title in description

    def test_each_category_feed_holds_exactly_its_dated_events(
        self,
        bundled: ResolvedTimeline,
    ) -> None:
        for category in bundled.timeline.categories:
            uids = {str(e["UID"]) for e in parse(to_ical(bundled, category=category)).events}
            assert uids == {f"{r.id}@vntimeline" for r in bundled.in_category(category) if r.dated}

    def test_the_feed_passes_icalendar_validation(self, bundled_feed: bytes) -> None:
        calendar = parse(bundled_feed)
        calendar.validate()  # type: ignore[no-untyped-call]
        assert calendar.to_ical() == bundled_feed  # a lossless round trip


# ---------------------------------------------------------------- ical.js --


def read_with_ical_js(path: Path) -> dict[str, Any]:
    """What ical.js sees in the feed at *path* (installs it with npm ci if needed)."""
    node, npm = shutil.which("node"), shutil.which("npm")
    assert node is not None and npm is not None, "node and npm are needed for this test"
    if not (JS / "node_modules" / "ical.js").is_dir():
        subprocess.run(
            [npm, "ci", "--prefix", str(JS), "--no-audit", "--no-fund"],
            check=True,
            capture_output=True,
        )
    run = subprocess.run(
        [node, str(JS / "read_feed.mjs"), str(path)], check=True, capture_output=True
    )
    result: dict[str, Any] = json.loads(run.stdout)
    return result


def seen_by_icalendar(data: bytes) -> dict[str, dict[str, Any]]:
    """The same facts as read_feed.mjs reports, read with icalendar."""
    seen = {}
    for event in parse(data).events:
        start = event.start
        end = event.end if "DTEND" in event else None

        def when(value: dt.date | None) -> Any:
            if value is None:
                return None
            if isinstance(value, dt.datetime):
                return {"isDate": False, "unix": int(value.timestamp()), "zone": str(value.tzinfo)}
            return {"isDate": True, "text": value.isoformat()}

        seen[str(event["UID"])] = {
            "summary": str(event["SUMMARY"]),
            "description": str(event["DESCRIPTION"]),
            "start": when(start),
            "end": when(end),
            "sequence": event.sequence,
            "transp": str(event["TRANSP"]),
            "categories": [str(c) for c in event.categories],
            "links": sorted(str(link) for link in event.links),
            "related": sorted(str(r) for r in event.related_to),
            "location": str(event["LOCATION"]) if "LOCATION" in event else None,
        }
    return seen


def seen_by_ical_js(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    seen = {}
    for event in report["events"]:

        def when(value: dict[str, Any] | None) -> Any:
            if value is None:
                return None
            if value["isDate"]:
                return {"isDate": True, "text": value["text"]}
            return {"isDate": False, "unix": value["unix"], "zone": value["zone"]}

        seen[event["uid"]] = {
            "summary": event["summary"],
            "description": event["description"],
            "start": when(event["start"]),
            "end": when(event["end"]),
            "sequence": event["sequence"],
            "transp": event["transp"],
            "categories": event["categories"],
            "links": sorted(link["value"] for link in event["links"]),
            "related": sorted(r["value"] for r in event["relatedTo"]),
            "location": event["location"],
        }
    return seen


class TestIcalJs:
    def test_ical_js_sees_the_same_events_on_the_same_dates(
        self,
        tmp_path: Path,
        bundled_feed: bytes,
    ) -> None:
        path = tmp_path / "vntimeline.ics"
        path.write_bytes(bundled_feed)
        report = read_with_ical_js(path)
        assert seen_by_ical_js(report) == seen_by_icalendar(bundled_feed)
        assert report["events"]  # not vacuously equal
        assert report["method"] == "PUBLISH"
        assert report["name"] == report["xWrCalname"] == "Vietnam AI policy timeline"
        assert report["refreshInterval"] == 86400

    def test_ical_js_reads_times_through_the_feeds_vtimezone(self, tmp_path: Path) -> None:
        amsterdam = "Europe/Amsterdam"
        events = [
            milestone("a", "2026-03-08T20:00Z", timezone=amsterdam),
            milestone("b", "2026-03-08T20:00Z"),
            milestone("c", "2025-07-01T09:30+02:00", timezone=amsterdam),
            # the first hour of summer time, and the hour that happens twice
            milestone("d", "2025-03-30T01:30Z", timezone=amsterdam),
            milestone("e", "2025-10-26T00:30Z", timezone=amsterdam),
            milestone("f", "2025-10-26T01:30Z", timezone=amsterdam),
            roundtable(),
            strategy(),
        ]
        data = to_ical(build(events))
        path = tmp_path / "times.ics"
        path.write_bytes(data)
        report = read_with_ical_js(path)
        assert seen_by_ical_js(report) == seen_by_icalendar(data)
        starts = {e["uid"]: e["start"] for e in report["events"]}
        assert starts["a@vntimeline"]["zone"] == "Europe/Amsterdam"
        assert starts["a@vntimeline"]["text"] == "2026-03-08T21:00:00"
        assert starts["c@vntimeline"]["text"] == "2025-07-01T09:30:00"  # summer time
        assert starts["b@vntimeline"]["unix"] == starts["a@vntimeline"]["unix"]
        assert starts["d@vntimeline"]["text"] == "2025-03-30T03:30:00"
        assert starts["e@vntimeline"]["unix"] == 1761438600  # 02:30 CEST, in UTC
        assert starts["f@vntimeline"]["unix"] == 1761442200  # 02:30 CET, in UTC


class TestFastWriting:
    """The feed writes lines itself where icalendar is slow: the bytes must not change."""

    TEXT = st.text(
        alphabet=st.sampled_from(
            [
                "a",
                " ",
                ",",
                ";",
                "\\",
                "N",
                "n",
                "\n",
                "\r",
                "^",
                '"',
                ":",
                "ệ",
                "中",
                "😀",
                "\ufeff",
            ]
        ),
        min_size=1,
        max_size=90,
    )

    @settings(max_examples=300, deadline=None)
    @given(text=TEXT)
    def test_text_is_escaped_as_icalendar_escapes_it(self, text: str) -> None:
        from icalendar import Event as VEvent

        event = VEvent()
        event.add("DESCRIPTION", text)

        assert f"DESCRIPTION:{_ical._text(text)}" == event.content_lines()[1]

    @settings(max_examples=300, deadline=None)
    @given(
        text=TEXT.map(lambda t: t.replace("\n", " ").replace("\r", " ")), times=st.integers(1, 5)
    )
    def test_lines_are_folded_as_icalendar_folds_them(self, text: str, times: int) -> None:
        from icalendar.parser.string import _foldline

        line = "DESCRIPTION:" + text * times

        assert _ical._fold(line) == _foldline(line).encode("utf-8")

    def test_one_instant_in_two_zones_is_written_in_each_zone(self) -> None:
        context = _ical._Context(build([roundtable()]))
        instant = dt.datetime(2026, 3, 8, 20, tzinfo=dt.UTC)
        hanoi = instant.astimezone(pendulum.timezone(HANOI))
        paris = instant.astimezone(pendulum.timezone("Europe/Paris"))

        assert context.line("DTSTART", hanoi) == "DTSTART;TZID=Asia/Ho_Chi_Minh:20260309T030000"
        assert context.line("DTSTART", paris) == "DTSTART;TZID=Europe/Paris:20260308T210000"

    @settings(max_examples=200, deadline=None)
    @given(day=st.dates(), name=st.sampled_from(["DTSTART", "DTEND"]))
    def test_an_all_day_date_is_written_as_icalendar_writes_it(
        self, day: dt.date, name: str
    ) -> None:
        from icalendar import Event as VEvent

        event = VEvent()
        event.add(name, day)

        assert _ical._Context(build([roundtable()])).line(name, day) == event.content_lines()[1]
