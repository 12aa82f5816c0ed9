"""Rendering (vntimeline._export.ical.render): the calendar, its VEVENTs, identical bytes."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.ical import (
    SOURCES,
    TEXT,
    P,
    build,
    decided,
    lines,
    milestone,
    parse,
    roundtable,
    strategy,
    uid,
    unfolded,
    vevent,
)
from vntimeline._export.ical import FeedOptions, to_ical
from vntimeline._export.ical.options import PRODID
from vntimeline._export.ical.render import _fold
from vntimeline._model.events import Claim, Event, Source
from vntimeline.errors import OptionError


class TestCalendarProperties:
    def test_the_calendar_has_the_identity_and_refresh_properties(self) -> None:
        data = to_ical(build([roundtable()]))
        text = unfolded(data)
        calendar = parse(data)
        assert str(calendar["PRODID"]) == PRODID
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
        assert [str(e["UID"]) for e in calendar.events] == [uid("nanning-roundtable")]
        assert "no date is known: Event mystery." in str(calendar["DESCRIPTION"])
        assert "1 event." in str(calendar["DESCRIPTION"])

    def test_a_category_feed_holds_only_that_category_and_says_so(self) -> None:
        resolved = build(
            [roundtable(), strategy(), milestone("undated-policy", None, category="policy")]
        )
        calendar = parse(to_ical(resolved, category="policy"))
        assert [str(e["UID"]) for e in calendar.events] == [uid("national-ai-strategy")]
        assert str(calendar["NAME"]) == "Vietnam AI policy timeline — policy"
        assert "category “policy”" in str(calendar["DESCRIPTION"])
        assert "Event undated-policy" in str(calendar["DESCRIPTION"])

    def test_an_unknown_category_is_an_error_with_a_suggestion(self) -> None:
        with pytest.raises(OptionError, match=r"unknown category 'polcy' \(did you mean 'policy'"):
            to_ical(build([strategy()]), category="polcy")


class TestEventProperties:
    def test_the_uid_is_the_event_id_at_the_uid_domain(self) -> None:
        resolved = build([roundtable()])
        found = vevent(to_ical(resolved), "nanning-roundtable")["UID"]
        assert str(found) == uid("nanning-roundtable")
        other = to_ical(resolved, options=FeedOptions(uid_domain="feeds.example.org"))
        assert "UID:nanning-roundtable@feeds.example.org" in other.decode()

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
        assert [str(r) for r in related] == [uid("nanning-roundtable")]
        assert related[0].params["RELTYPE"] == "FINISHTOSTART"
        assert [str(r) for r in vevent(data, "nanning-roundtable").related_to] == [uid("prelude")]
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
        assert uids == [uid("c"), uid("a"), uid("b")]


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


VIETNAMESE = "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđĐ"


class TestFolding:
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


class TestFastWriting:
    """The feed folds lines itself where icalendar is slow: the bytes must not change."""

    @settings(max_examples=300, deadline=None)
    @given(
        text=TEXT.map(lambda t: t.replace("\n", " ").replace("\r", " ")), times=st.integers(1, 5)
    )
    def test_lines_are_folded_as_icalendar_folds_them(self, text: str, times: int) -> None:
        from icalendar.parser.string import _foldline

        line = "DESCRIPTION:" + text * times

        assert _fold(line) == _foldline(line).encode("utf-8")
