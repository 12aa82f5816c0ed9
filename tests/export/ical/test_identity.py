"""Whose feed it is: the name, URL, UIDs and time zone of any timeline's feed.

A feed takes its identity from its timeline (name, url, time zone) unless
FeedOptions or the command line's ``--name`` and ``--public-url`` say
otherwise; UIDs of timelines with different names never meet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import vntimeline
from conftest import RunCli, WriteYaml
from helpers.ical import parse, unfolded, vevent
from vntimeline import Claim, Event, FeedOptions, PartialDate, Source, Timeline, to_ical

BERLIN = "Europe/Berlin"
SOURCE = Source(id="press", title="Launch announced", publisher="Press")


def events() -> list[Event]:
    """A timed launch and a later all-day review, neither with a zone of its own."""
    launch = Event(
        id="launch",
        title="Launch",
        category="release",
        claims=[Claim(source="press", start=PartialDate.parse("2025-03-01T10:00"))],
    )
    review = Event(
        id="review",
        title="Review",
        category="review",
        after=("launch",),
        claims=[Claim(source="press", start=PartialDate.parse("2025-04-02"))],
    )
    return [launch, review]


def launch_timeline(name: str | None = "Berlin AI", url: str | None = None) -> Timeline:
    """A timeline made in Python, in Berlin time: :func:`events` named *name*."""
    return Timeline(events=events(), sources=[SOURCE], timezone=BERLIN, name=name, url=url)


def feed(timeline: Timeline, **options: Any) -> bytes:
    """The combined feed of *timeline*, resolved with the default policy."""
    return to_ical(vntimeline.resolve(timeline), options=FeedOptions(**options))


class TestTheTimelinesZone:
    def test_timed_events_inherit_the_timelines_zone(self) -> None:
        data = feed(launch_timeline())
        start = vevent(data, "launch")["DTSTART"]
        assert start.params["TZID"] == BERLIN
        assert start.dt.hour == 10
        assert f"TZID:{BERLIN}" in unfolded(data)

    def test_no_vietnamese_zone_appears_in_a_timeline_that_has_none(self) -> None:
        data = feed(launch_timeline())
        assert b"Asia/Ho_Chi_Minh" not in data
        assert b"Ho_Chi_Minh" not in data

    def test_a_timeline_without_a_zone_is_in_utc(self) -> None:
        timeline = Timeline(events=events(), sources=[SOURCE])
        start = vevent(feed(timeline), "launch")["DTSTART"]
        assert start.dt.utcoffset().total_seconds() == 0
        assert start.dt.hour == 10


class TestTheTimelinesName:
    def test_the_feed_is_named_after_the_timeline(self) -> None:
        calendar = parse(feed(launch_timeline("Berliner KI – Zeitleiste")))
        assert str(calendar["NAME"]) == "Berliner KI – Zeitleiste"
        assert str(calendar["X-WR-CALNAME"]) == "Berliner KI – Zeitleiste"

    def test_a_category_feed_adds_its_category(self) -> None:
        resolved = vntimeline.resolve(launch_timeline())
        calendar = parse(to_ical(resolved, category="release"))
        assert str(calendar["NAME"]) == "Berlin AI — release"

    def test_a_timeline_without_a_name_is_called_timeline(self) -> None:
        assert str(parse(feed(launch_timeline(None)))["NAME"]) == "Timeline"

    def test_the_name_in_the_options_wins(self) -> None:
        assert str(parse(feed(launch_timeline(), name="Mine"))["NAME"]) == "Mine"


class TestUids:
    def test_two_timelines_with_different_names_never_share_a_uid(self) -> None:
        first = str(vevent(feed(launch_timeline("Berlin AI")), "launch")["UID"])
        second = str(vevent(feed(launch_timeline("Munich AI")), "launch")["UID"])
        assert first != second
        assert first.startswith("launch@berlin-ai-")
        assert first.endswith(".vntimeline.invalid")
        assert second.startswith("launch@munich-ai-")

    def test_the_same_name_gives_the_same_uids_every_time(self) -> None:
        first, again = feed(launch_timeline()), feed(launch_timeline())
        assert vevent(first, "launch")["UID"] == vevent(again, "launch")["UID"]

    def test_with_a_url_the_uid_domain_is_its_host(self) -> None:
        data = feed(launch_timeline(url="https://feeds.example.org/berlin/"))
        assert str(vevent(data, "launch")["UID"]) == "launch@feeds.example.org"

    def test_related_to_uses_the_same_domain_as_the_uid(self) -> None:
        for data in (
            feed(launch_timeline()),
            feed(launch_timeline(url="https://feeds.example.org/")),
            feed(launch_timeline(), uid_domain="uids.example.net"),
        ):
            related = [str(r) for r in vevent(data, "review").related_to]
            assert related == [str(vevent(data, "launch")["UID"])]

    def test_an_explicit_uid_domain_wins_over_the_url(self) -> None:
        data = feed(launch_timeline(url="https://feeds.example.org/"), uid_domain="x.example")
        assert str(vevent(data, "launch")["UID"]) == "launch@x.example"


class TestTheTimelinesUrl:
    def test_the_timelines_url_gives_source_and_url(self) -> None:
        calendar = parse(feed(launch_timeline(url="https://feeds.example.org/berlin")))
        assert str(calendar["SOURCE"]) == "https://feeds.example.org/berlin/vntimeline.ics"
        assert str(calendar["URL"]) == "https://feeds.example.org/berlin/"

    def test_the_public_url_in_the_options_wins(self) -> None:
        data = feed(
            launch_timeline(url="https://feeds.example.org/"),
            public_url="https://mirror.example.net/f/",
        )
        assert str(parse(data)["URL"]) == "https://mirror.example.net/f/"
        assert str(vevent(data, "launch")["UID"]) == "launch@mirror.example.net"


# ------------------------------------------------------------ command line --

#: A data file with its own name, url and zone.
DATA = """\
name: Berlin AI
url: https://feeds.example.org/berlin/
timezone: Europe/Berlin
sources:
  press:
    title: Launch announced
    publisher: Press
events:
  - id: launch
    title: Launch
    category: release
    claims:
      - source: press
        start: 2025-03-01T10:00
"""


class TestCommandLine:
    def test_ics_takes_name_url_and_uids_from_the_file(
        self, run_cli: RunCli, write_yaml: WriteYaml, tmp_path: Path
    ) -> None:
        result = run_cli("ics", write_yaml(DATA), "-o", "feed.ics")
        assert result.returncode == 0, result.stderr
        data = (tmp_path / "feed.ics").read_bytes()
        calendar = parse(data)
        assert str(calendar["NAME"]) == "Berlin AI"
        assert str(calendar["SOURCE"]) == "https://feeds.example.org/berlin/vntimeline.ics"
        assert str(vevent(data, "launch")["UID"]) == "launch@feeds.example.org"
        assert vevent(data, "launch")["DTSTART"].params["TZID"] == BERLIN

    def test_name_and_public_url_override_the_file(
        self, run_cli: RunCli, write_yaml: WriteYaml, tmp_path: Path
    ) -> None:
        flags = ("--name", "Hauptstadt KI", "--public-url", "https://cal.example.net/ki")
        result = run_cli("ics", write_yaml(DATA), "-o", "feed.ics", *flags)
        assert result.returncode == 0, result.stderr
        data = (tmp_path / "feed.ics").read_bytes()
        calendar = parse(data)
        assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"]) == "Hauptstadt KI"
        assert str(calendar["SOURCE"]) == "https://cal.example.net/ki/vntimeline.ics"
        assert str(calendar["URL"]) == "https://cal.example.net/ki/"
        assert str(vevent(data, "launch")["UID"]) == "launch@cal.example.net"

    def test_the_feed_on_standard_output_has_the_same_identity(
        self, run_cli: RunCli, write_yaml: WriteYaml
    ) -> None:
        flags = ("--name", "Hauptstadt KI", "--public-url", "https://cal.example.net/ki")
        result = run_cli("ics", write_yaml(DATA), "-o", "-", *flags)
        assert result.returncode == 0, result.stderr
        assert "\nNAME:Hauptstadt KI\n" in result.stdout
        assert "\nUID:launch@cal.example.net\n" in result.stdout

    def test_a_new_name_without_a_url_changes_the_uids(
        self, run_cli: RunCli, write_yaml: WriteYaml, tmp_path: Path
    ) -> None:
        path = write_yaml(DATA.replace("url: https://feeds.example.org/berlin/\n", ""))
        run_cli("ics", path, "-o", "a.ics")
        run_cli("ics", path, "-o", "b.ics", "--name", "Another timeline")
        first = str(vevent((tmp_path / "a.ics").read_bytes(), "launch")["UID"])
        second = str(vevent((tmp_path / "b.ics").read_bytes(), "launch")["UID"])
        assert first.startswith("launch@berlin-ai-")
        assert second.startswith("launch@another-timeline-")

    def test_build_uses_the_same_identity_as_ics(
        self, run_cli: RunCli, write_yaml: WriteYaml, tmp_path: Path
    ) -> None:
        path = write_yaml(DATA)
        flags = ("--name", "Hauptstadt KI", "--public-url", "https://cal.example.net/ki/")
        assert run_cli("build", path, "-o", "out", *flags).returncode == 0
        assert run_cli("ics", path, "-o", "single/vntimeline.ics", *flags).returncode == 0
        built = (tmp_path / "out" / "vntimeline.ics").read_bytes()
        assert built == (tmp_path / "single" / "vntimeline.ics").read_bytes()
        category = parse((tmp_path / "out" / "vntimeline-release.ics").read_bytes())
        assert str(category["NAME"]) == "Hauptstadt KI — release"
        assert str(category["SOURCE"]) == "https://cal.example.net/ki/vntimeline-release.ics"

    def test_a_file_url_with_a_query_exits_1_unless_public_url_replaces_it(
        self, run_cli: RunCli, write_yaml: WriteYaml, tmp_path: Path
    ) -> None:
        path = write_yaml(DATA.replace("/berlin/", "/berlin?feed=1"))
        result = run_cli("ics", path, "-o", "out.ics")
        assert result.returncode == 1
        assert "cannot be the feeds' folder" in result.stderr
        assert "Traceback" not in result.stderr
        assert not (tmp_path / "out.ics").exists()
        fixed = run_cli("ics", path, "-o", "out.ics", "--public-url", "https://cal.example.net/")
        assert fixed.returncode == 0, fixed.stderr

    @pytest.mark.parametrize("command", ["ics", "build", "serve"])
    @pytest.mark.parametrize(
        "url",
        [
            "feeds.example.org",
            "ftp://feeds.example.org/",
            "https://feeds.example.org/a b",
            'https://feeds.example.org/"x"',
            "https://feeds.example.org/<x>",
            "https://feeds.example.org/?a=1",
            "https://feeds.example.org/#top",
        ],
    )
    def test_a_bad_public_url_exits_2_with_one_line_and_writes_nothing(
        self, run_cli: RunCli, write_yaml: WriteYaml, tmp_path: Path, command: str, url: str
    ) -> None:
        path = write_yaml(DATA)
        output = ("-o", "out.ics") if command == "ics" else ("-o", "out")
        if command == "serve":
            output = ("--port", "0")
        result = run_cli(command, path, *output, "--public-url", url)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1
        assert "Traceback" not in result.stderr
        assert "--public-url must be the http(s) URL of the folder" in result.stderr
        assert repr(url) in result.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == ["events.yaml", "seeds"]

    @pytest.mark.parametrize("name", ["", "   ", "two\nlines", "bell\x07"])
    def test_an_empty_or_multi_line_name_exits_2(
        self, run_cli: RunCli, write_yaml: WriteYaml, tmp_path: Path, name: str
    ) -> None:
        result = run_cli("ics", write_yaml(DATA), "-o", "out.ics", "--name", name)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1
        assert "--name must be one line of text" in result.stderr
        assert not (tmp_path / "out.ics").exists()

    def test_the_flags_are_in_the_help_of_ics_build_and_serve(self, run_cli: RunCli) -> None:
        for command in ("ics", "build", "serve"):
            text = run_cli(command, "--help").stdout
            assert "--name NAME" in text
            assert "--public-url URL" in text
