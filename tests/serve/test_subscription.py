"""A real subscription: ``vntimeline serve``, synced by vdirsyncer, listed by khal.

This is what a subscriber's machine does: vdirsyncer's ``http`` storage
fetches the feed and stores each event as its own .ics file in a local
calendar folder (``filesystem`` storage), and khal reads that folder. The
dataset is a copy of the bundled one, so the test can edit it and check that
the next sync updates the calendar cleanly.

vdirsyncer's ``http`` storage (0.21) always replaces each event's UID by a
hash of its content, for feeds whose UIDs are unstable; so events are matched
here by date and summary, and UID stability is checked in tests/export/ical/.
"""

from __future__ import annotations

import datetime as dt
import http.client
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

import vntimeline
from helpers.http import eventually, start_serve_command
from vntimeline._load.loader import default_data_path

ROOT = Path(__file__).parents[2]
TITLE = "title: ASEAN–China ministerial roundtable on AI\n"


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A copy of the bundled data file, with the seed articles its quotes are checked against."""
    source = default_data_path()
    seeds = source.parent / "seeds"
    if not seeds.is_dir():
        seeds = source.parent.parent / "seeds"
    (tmp_path / "data").mkdir()
    shutil.copytree(seeds, tmp_path / "seeds")
    target = tmp_path / "data" / "events.yaml"
    shutil.copyfile(source, target)
    return target


@pytest.fixture
def feed_url(dataset: Path) -> Iterator[str]:
    """Run ``python -m vntimeline serve DATA --port 0``; yield the combined feed's URL."""
    process, url = start_serve_command(dataset)
    try:
        yield url + "vntimeline.ics"
    finally:
        process.terminate()
        assert process.wait(timeout=60) == 0


def run(*args: str, cwd: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{args[0]} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


class Subscriber:
    """A vdirsyncer + khal setup in a folder, subscribed to one feed URL."""

    def __init__(self, home: Path, url: str) -> None:
        self.home = home
        self.calendar = home / "calendar"
        self.calendar.mkdir(parents=True)
        (home / "status").mkdir()
        (home / "vdirsyncer.conf").write_text(
            f"""\
[general]
status_path = "{home / "status"}/"

[pair timeline]
a = "timeline_remote"
b = "timeline_local"
collections = null
conflict_resolution = "a wins"

[storage timeline_remote]
type = "http"
url = "{url}"

[storage timeline_local]
type = "filesystem"
path = "{self.calendar}/"
fileext = ".ics"
""",
            encoding="utf-8",
        )
        (home / "khal.conf").write_text(
            f"""\
[calendars]
[[timeline]]
path = {self.calendar}/
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Asia/Ho_Chi_Minh
default_timezone = Asia/Ho_Chi_Minh

[sqlite]
path = {home / "khal.db"}
""",
            encoding="utf-8",
        )

    def sync(self) -> None:
        config = str(self.home / "vdirsyncer.conf")
        run("vdirsyncer", "-c", config, "discover", cwd=self.home)
        run("vdirsyncer", "-c", config, "sync", cwd=self.home)

    def agenda(self) -> list[tuple[str, str, str, str]]:
        """Every event khal lists: (first day, last day, UID, title), one row per event."""
        out = run(
            "khal",
            "-c",
            str(self.home / "khal.conf"),
            "list",
            "--once",
            "--day-format",
            "",
            "--format",
            "{start-date}|{end-date}|{uid}|{title}",
            "1990-01-01",
            "2100-01-01",
            cwd=self.home,
        )
        rows = [tuple(line.split("|", 3)) for line in out.splitlines() if line.strip()]
        return [(a, b, c, d) for a, b, c, d in rows]


def fetch(url: str) -> bytes:
    """The body of a GET of *url*."""
    host, path = url.split("/", 3)[2:]
    connection = http.client.HTTPConnection(host, timeout=30)
    connection.request("GET", "/" + path)
    body = connection.getresponse().read()
    connection.close()
    return body


def expected_agenda(url: str) -> set[tuple[str, str, str]]:
    """(first day, last day, summary) of every VEVENT the server sends, days in Hanoi."""
    body = fetch(url)
    hanoi = ZoneInfo("Asia/Ho_Chi_Minh")
    rows = set()
    for event in Calendar.from_ical(body).events:
        start, end = event.start, event.end if "DTEND" in event else event.start
        if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
            first, last = start.astimezone(hanoi).date(), end.astimezone(hanoi).date()
        else:
            first, last = start, end - dt.timedelta(days=1)
        rows.add((first.isoformat(), last.isoformat(), str(event["SUMMARY"])))
    return rows


def dated_titles(path: Path) -> list[str]:
    resolved = vntimeline.resolve(vntimeline.load(path))
    return [item.title for item in resolved if item.dated]


class TestSubscription:
    def test_a_subscriber_sees_every_dated_event_and_clean_updates(
        self,
        tmp_path: Path,
        dataset: Path,
        feed_url: str,
    ) -> None:
        subscriber = Subscriber(tmp_path / "subscriber", feed_url)
        subscriber.sync()
        agenda = subscriber.agenda()
        rows = {(first, last, title) for first, last, _uid, title in agenda}
        assert len(rows) == len(agenda)  # each event once
        assert rows == expected_agenda(feed_url)
        assert len(rows) == len(dated_titles(dataset)) >= 20
        for title in dated_titles(dataset):  # every dated event, whatever its summary mark
            assert any(summary.endswith(title) for _, _, summary in rows)
        assert ("2025-09-18", "2025-09-18", "ASEAN–China ministerial roundtable on AI") in rows
        assert len(list(subscriber.calendar.glob("*.ics"))) == len(rows)

        # The data changes: the next sync replaces the event, it does not add one.
        text = dataset.read_text(encoding="utf-8")
        assert text.count(TITLE) == 1
        served = fetch(feed_url)
        dataset.write_text(
            text.replace(TITLE, TITLE.replace("on AI", "on AI (revised)")), encoding="utf-8"
        )
        # the server reloads in the background once the file has settled
        eventually(lambda: fetch(feed_url) != served, "the server to reload")
        subscriber.sync()
        updated = {(first, last, title) for first, last, _uid, title in subscriber.agenda()}
        revised = ("2025-09-18", "2025-09-18", "ASEAN–China ministerial roundtable on AI (revised)")
        assert updated == rows - {
            ("2025-09-18", "2025-09-18", "ASEAN–China ministerial roundtable on AI")
        } | {revised}
        assert len(list(subscriber.calendar.glob("*.ics"))) == len(rows)
        stored = [
            event
            for path in subscriber.calendar.glob("*.ics")
            for event in Calendar.from_ical(path.read_bytes()).events
        ]
        sequences = {str(event["SUMMARY"]): event.sequence for event in stored}
        assert sequences.pop(revised[2]) == 1
        assert set(sequences.values()) == {0}

    def test_the_server_answers_a_conditional_request_with_304(self, feed_url: str) -> None:
        host = feed_url.split("/")[2]
        connection = http.client.HTTPConnection(host, timeout=30)
        connection.request("GET", "/vntimeline.ics")
        first = connection.getresponse()
        first.read()
        connection.request(
            "GET", "/vntimeline.ics", headers={"If-None-Match": first.headers["ETag"]}
        )
        second = connection.getresponse()
        second.read()
        connection.close()
        assert (first.status, second.status) == (200, 304)
