"""The whole feed (vntimeline._export.ical.feed): writing it, and what clients see in it.

The bundled dataset runs through the real resolver, and the feed is read back
with icalendar and with ical.js (the parser Thunderbird uses, run with node):
both must see the same events on the same dates.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import vntimeline
from helpers.ical import NAME, build, milestone, parse, roundtable, strategy, uid, vevent
from vntimeline._export.ical import to_ical, write_ical
from vntimeline._export.ical.state import STATE_FILENAME
from vntimeline._model.resolved import ResolvedTimeline
from vntimeline.errors import ExportError, OptionError

JS = Path(__file__).parents[2] / "js"


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
            STATE_FILENAME,
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
            STATE_FILENAME,
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
        dated = {uid(r.id) for r in bundled if r.dated}
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
            assert uids == {uid(r.id) for r in bundled.in_category(category) if r.dated}

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
        assert report["name"] == report["xWrCalname"] == NAME
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
        assert starts[uid("a")]["zone"] == "Europe/Amsterdam"
        assert starts[uid("a")]["text"] == "2026-03-08T21:00:00"
        assert starts[uid("c")]["text"] == "2025-07-01T09:30:00"  # summer time
        assert starts[uid("b")]["unix"] == starts[uid("a")]["unix"]
        assert starts[uid("d")]["text"] == "2025-03-30T03:30:00"
        assert starts[uid("e")]["unix"] == 1761438600  # 02:30 CEST, in UTC
        assert starts[uid("f")]["unix"] == 1761442200  # 02:30 CET, in UTC
