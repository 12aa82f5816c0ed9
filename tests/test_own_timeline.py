"""Anyone's timeline, end to end: built in Python with its own zone, name and colours.

The release history of a made-up product goes through every output a user
meets first: the feed (zone, name, UIDs), the chart (colours), the
DataFrame and the CSV, and back to YAML.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import matplotlib.colors
import pytest
from icalendar import Calendar

import vntimeline
from vntimeline import Claim, Event, Source, Timeline

ZONE = "America/Los_Angeles"
RED, GREEN = "#d62728", "#2ca02c"


def release_history(name: str = "Gizmo release history") -> Timeline:
    """Gizmo's releases: a blog and a newspaper, one timed release, one beta still open."""
    sources = [
        Source(id="blog", title="Release notes", publisher="Gizmo blog", authority="official",
               published="2024-03-01"),
        Source(id="daily", title="Gizmo 2 ships", publisher="Valley Daily",
               published=dt.date(2024, 3, 2)),
    ]  # fmt: skip
    events = [
        Event(id="launch", title="Gizmo 1.0", category="release",
              claims=[Claim(source="blog", start=dt.date(2023, 5, 1), quote="out on 1 May")]),
        Event(id="gizmo-2", title="Gizmo 2.0", category="release", after=["launch"],
              claims=[Claim(source="blog", start="2024-03-01T18:30", quote="tonight at 18:30"),
                      Claim(source="daily", start="[..2024-03-02]", quote="Gizmo 2 has shipped")]),
        Event(id="beta", title="Public beta", kind="span", category="testing",
              claims=[Claim(source="blog", start="2024-01", end="..", quote="beta since January")]),
    ]  # fmt: skip
    return Timeline(
        events=events,
        sources=sources,
        timezone=ZONE,
        name=name,
        categories={"release": {"label": "Releases", "color": RED}, "testing": {"color": GREEN}},
    )


@pytest.fixture
def resolved() -> vntimeline.ResolvedTimeline:
    return vntimeline.resolve(release_history())


class TestFeed:
    def test_the_feed_is_named_after_the_timeline_and_timed_in_its_zone(
        self, resolved: vntimeline.ResolvedTimeline
    ) -> None:
        feed = vntimeline.to_ical(resolved)
        calendar = Calendar.from_ical(feed)

        assert str(calendar["X-WR-CALNAME"]) == "Gizmo release history"
        timed = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("gizmo-2@")]
        start = timed[0].decoded("DTSTART")
        assert (start.isoformat(), str(start.tzinfo)) == ("2024-03-01T18:30:00-08:00", ZONE)
        assert b"Asia/Ho_Chi_Minh" not in feed

    def test_two_timelines_with_an_event_of_the_same_id_never_share_a_uid(self) -> None:
        ours = Calendar.from_ical(vntimeline.to_ical(vntimeline.resolve(release_history())))
        theirs = Calendar.from_ical(
            vntimeline.to_ical(vntimeline.resolve(release_history("Another product")))
        )

        uids = {str(e["UID"]) for e in ours.walk("VEVENT")}
        assert uids.isdisjoint(str(e["UID"]) for e in theirs.walk("VEVENT"))
        assert any(uid.startswith("launch@") for uid in uids)


class TestChart:
    def test_each_lane_is_drawn_in_its_category_colour(
        self, resolved: vntimeline.ResolvedTimeline
    ) -> None:
        figure = vntimeline.plot(resolved)

        colours = {}
        for collection in figure.axes[0].collections:
            if collection.get_gid() in ("vnt-diamond.release", "vnt-bar.testing"):
                faces: Any = collection.get_facecolor()  # an (n, 4) array of RGBA
                colours[collection.get_gid()] = matplotlib.colors.to_hex(faces[0])
        assert colours == {"vnt-diamond.release": RED, "vnt-bar.testing": GREEN}


class TestTables:
    def test_the_dataframe_has_one_row_per_event_with_dates_in_the_timelines_zone(
        self, resolved: vntimeline.ResolvedTimeline
    ) -> None:
        frame = resolved.to_dataframe().set_index("id")

        assert list(frame.index) == ["launch", "gizmo-2", "beta"]
        assert str(frame["earliest"].dtype) == f"datetime64[ns, {ZONE}]"
        assert frame.loc["gizmo-2", "earliest"].isoformat() == "2024-03-01T00:00:00-08:00"
        assert frame.loc["beta", "end_value"] == ".."

    def test_the_csv_says_the_same_as_the_dataframe(
        self, resolved: vntimeline.ResolvedTimeline
    ) -> None:
        rows = list(csv.DictReader(io.StringIO(resolved.to_csv(), newline="")))
        frame = resolved.to_dataframe()

        assert [row["id"] for row in rows] == list(frame["id"])
        assert [row["status"] for row in rows] == list(frame["status"])
        assert rows[1]["earliest"] == "2024-03-01"


class TestYaml:
    def test_the_timeline_written_as_yaml_reads_back_equal(self) -> None:
        timeline = release_history()

        assert vntimeline.loads(vntimeline.dump(timeline)) == timeline
