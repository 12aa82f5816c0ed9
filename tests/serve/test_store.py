"""The feed store (vntimeline._serve.store): the feeds of a data file, kept and reloaded.

No sockets here: each test makes a FeedStore on a small data file in a
temporary folder and reads its feeds the way the HTTP front does, refreshing
first (test_http.py covers what a client sees over HTTP).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from icalendar import Calendar

from conftest import SERVE_DATA, edit_file
from vntimeline._export.ical import FeedOptions, load_history, write_ical
from vntimeline._export.ical.state import dump_history, feed_state_path
from vntimeline._load.loader import load
from vntimeline._model.resolved import ResolvedTimeline
from vntimeline._resolve.resolver import resolve
from vntimeline._serve import store as store_module
from vntimeline._serve.store import FeedStore
from vntimeline.errors import DataError, ExportError


def served(store: FeedStore, name: str = "vntimeline.ics") -> bytes:
    """The bytes of feed *name* as a request gets them: after a refresh."""
    store.refresh()
    return store.feeds()[name].body


class TestLoad:
    def test_a_broken_file_is_refused_at_start(self, serve_data: Path) -> None:
        edit_file(serve_data, "start: 2025-09-18", "start: 2025-13-01")
        with pytest.raises(DataError, match="month 13 is not between 01 and 12"):
            FeedStore(serve_data)

    def test_a_missing_file_is_refused_at_start(self, tmp_path: Path) -> None:
        with pytest.raises(ExportError, match="cannot read"):
            FeedStore(tmp_path / "missing.yaml")

    def test_options_name_the_feeds(self, serve_data: Path) -> None:
        options = FeedOptions(name="Dòng thời gian", public_url="https://example.org/f/")
        body = served(FeedStore(serve_data, options=options), "vntimeline-policy.ics")
        calendar = Calendar.from_ical(body)
        assert str(calendar["NAME"]) == "Dòng thời gian — policy"
        assert str(calendar["SOURCE"]) == "https://example.org/f/vntimeline-policy.ics"

    def test_the_files_name_and_url_name_the_feeds(self, serve_data: Path) -> None:
        text = serve_data.read_text(encoding="utf-8")
        serve_data.write_text(
            "name: Hanoi AI\nurl: https://feeds.example.org/hanoi/\n" + text, encoding="utf-8"
        )
        store = FeedStore(serve_data)
        calendar = Calendar.from_ical(served(store, "vntimeline-policy.ics"))
        assert str(calendar["NAME"]) == "Hanoi AI — policy"
        assert str(calendar["SOURCE"]) == "https://feeds.example.org/hanoi/vntimeline-policy.ics"
        assert [str(e["UID"]) for e in calendar.events] == ["strategy@feeds.example.org"]
        assert store.name == "Hanoi AI"
        assert store.feeds()["vntimeline-policy.ics"].title == "Hanoi AI — policy"

    def test_a_renamed_file_renames_the_feeds_on_reload(self, serve_data: Path) -> None:
        store = FeedStore(serve_data)
        assert store.name == "events"  # the file's stem, as it has no name
        serve_data.write_text("name: Renamed\n" + SERVE_DATA, encoding="utf-8")
        assert store.refresh() is True
        assert store.name == "Renamed"
        assert str(Calendar.from_ical(served(store))["NAME"]) == "Renamed"

    def test_a_state_file_in_the_options_continues_its_sequences(
        self, serve_data: Path, tmp_path: Path
    ) -> None:
        state = tmp_path / "state.json"
        resolved = resolve(load(serve_data))
        options = FeedOptions(state_file=state)
        write_ical(resolved, tmp_path / "a.ics", options=options)
        edit_file(serve_data, "start: 2021-01-26", "start: 2021-01-27")
        write_ical(resolve(load(serve_data)), tmp_path / "a.ics", options=options)
        body = served(FeedStore(serve_data, options=options))
        assert body == (tmp_path / "a.ics").read_bytes()


class TestReload:
    def test_an_unchanged_file_is_not_rebuilt(self, serve_data: Path) -> None:
        store = FeedStore(serve_data)
        serve_data.write_text(SERVE_DATA, encoding="utf-8")  # new mtime, same bytes
        assert store.refresh() is False

    def test_a_fixed_file_is_picked_up_again(self, serve_data: Path) -> None:
        store = FeedStore(serve_data)
        edit_file(serve_data, "start: 2025-09-18", "start: 2025-09-31")
        assert store.refresh() is False
        edit_file(serve_data, "start: 2025-09-31", "start: 2025-09-17")
        body = served(store)
        starts = {str(e["UID"]): e.start for e in Calendar.from_ical(body).events}
        assert starts["nanning-roundtable@events-862417b9.vntimeline.invalid"] == dt.date(
            2025, 9, 17
        )

    def test_a_deleted_file_keeps_the_last_good_feed(
        self,
        serve_data: Path,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        store = FeedStore(serve_data)
        good = served(store)
        serve_data.unlink()
        with caplog.at_level(logging.ERROR, logger="vntimeline.serve"):
            assert served(store) == good
            assert served(store) == good
        messages = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
        assert len(messages) == 1
        assert "cannot read" in messages[0]

    def test_a_bug_while_rebuilding_keeps_the_last_good_feed(
        self,
        serve_data: Path,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        calls: list[Path] = []

        def loader(path: Path) -> ResolvedTimeline:
            calls.append(path)
            if len(calls) > 1:
                raise RuntimeError("resolver bug")
            return resolve(load(path))

        store = FeedStore(serve_data, loader=loader)
        good = served(store)
        edit_file(serve_data, "start: 2021-01-26", "start: 2021-01-27")
        with caplog.at_level(logging.ERROR, logger="vntimeline.serve"):
            assert served(store) == good
        assert len(calls) == 2
        failures = [r.exc_info[1] for r in caplog.records if r.exc_info]
        assert [str(exc) for exc in failures] == ["resolver bug"]


class FakeClock:
    """A clock the test moves by hand, so that settling needs no waiting."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


#: A third event, appended to SERVE_DATA.
SUMMIT = """\
  - id: summit
    title: ASEAN digital ministers meet in Hanoi
    category: diplomacy
    claims:
      - source: vir
        start: 2026-01-15
"""


def event_ids(body: bytes) -> set[str]:
    return {str(e["UID"]).split("@")[0] for e in Calendar.from_ical(body).events}


class TestHalfWrittenFiles:
    """A changed file is read only once it has stayed unchanged for ``settle`` seconds."""

    def test_a_file_rewritten_in_two_steps_publishes_only_the_final_version(
        self, serve_data: Path
    ) -> None:
        clock = FakeClock()
        store = FeedStore(serve_data, settle=1.0, clock=clock)
        full = SERVE_DATA.replace("on AI", "on AI, in Nanning") + SUMMIT
        half = full[: full.index("  - id: strategy")]  # valid on its own: one event
        seen = [store.feeds()["vntimeline.ics"].body]
        serve_data.write_text(half, encoding="utf-8")
        for step in (0.0, 0.4, 0.5):  # the writer pauses, but less than the settle time
            clock.advance(step)
            store.refresh()
            seen.append(store.feeds()["vntimeline.ics"].body)
        with serve_data.open("a", encoding="utf-8") as handle:
            handle.write(full[len(half) :])
        for step in (0.0, 0.5, 0.6):
            clock.advance(step)
            store.refresh()
            seen.append(store.feeds()["vntimeline.ics"].body)
        assert [event_ids(body) for body in dict.fromkeys(seen)] == [
            {"nanning-roundtable", "strategy"},
            {"nanning-roundtable", "strategy", "summit"},
        ]
        assert store.snapshot.generation == 1

    def test_a_file_that_stops_changing_is_published_after_the_settle_time(
        self, serve_data: Path
    ) -> None:
        clock = FakeClock()
        store = FeedStore(serve_data, settle=1.0, clock=clock)
        serve_data.write_text(SERVE_DATA + SUMMIT, encoding="utf-8")
        assert store.refresh() is False
        clock.advance(0.9)
        assert store.refresh() is False
        clock.advance(0.1)
        assert store.refresh() is True
        assert "summit" in event_ids(store.feeds()["vntimeline.ics"].body)

    def test_a_file_changed_while_it_is_loaded_is_loaded_again(self, serve_data: Path) -> None:
        calls: list[Path] = []

        def loader(path: Path) -> ResolvedTimeline:
            calls.append(path)
            resolved = resolve(load(path))
            if len(calls) == 2:  # a writer finishes while the reload is under way
                path.write_text(SERVE_DATA + SUMMIT, encoding="utf-8")
            return resolved

        store = FeedStore(serve_data, loader=loader)
        serve_data.write_text(SERVE_DATA.replace("on AI", "on AI, in Nanning"), encoding="utf-8")
        assert store.refresh() is False  # thrown away: the file moved under it
        assert store.snapshot.generation == 0
        assert store.refresh() is True
        assert len(calls) == 3
        assert "summit" in event_ids(store.feeds()["vntimeline.ics"].body)


def counting_loader(calls: list[Path]) -> Callable[[Path], ResolvedTimeline]:
    """The default loader, recording each path it loads in *calls*."""

    def loader(path: Path) -> ResolvedTimeline:
        calls.append(path)
        return resolve(load(path))

    return loader


class TestWork:
    """Reading, hashing and rebuilding happen once per change of the file."""

    def test_an_unchanged_file_is_neither_read_nor_rebuilt(
        self, serve_data: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        builds: list[Path] = []
        store = FeedStore(serve_data, loader=counting_loader(builds))
        reads: list[Path] = []
        read_bytes = Path.read_bytes

        def counting(path: Path) -> bytes:
            reads.append(path)
            return read_bytes(path)

        monkeypatch.setattr(Path, "read_bytes", counting)
        for _ in range(5):
            assert store.refresh() is False
        assert (reads, len(builds)) == ([], 1)

    def test_a_touched_file_is_read_once_and_not_rebuilt(self, serve_data: Path) -> None:
        builds: list[Path] = []
        store = FeedStore(serve_data, loader=counting_loader(builds))
        feeds = store.snapshot
        serve_data.write_text(SERVE_DATA, encoding="utf-8")  # same bytes, new times
        assert store.refresh() is False
        assert store.refresh() is False
        assert len(builds) == 1
        assert store.snapshot is feeds

    def test_validators_are_computed_once_per_change(self, serve_data: Path) -> None:
        store = FeedStore(serve_data)
        before = store.feeds()
        edit_file(serve_data, "start: 2021-01-26", "start: 2021-01-27")
        assert store.refresh() is True
        after = store.feeds()
        # the diplomacy feed did not change: the very same object, hash not recomputed
        assert after["vntimeline-diplomacy.ics"] is before["vntimeline-diplomacy.ics"]
        assert after["vntimeline-policy.ics"].etag != before["vntimeline-policy.ics"].etag


class TestValidators:
    def test_the_etag_is_a_hash_of_the_bytes(self, serve_data: Path) -> None:
        published = FeedStore(serve_data).feeds()["vntimeline.ics"]
        assert published.etag == '"' + hashlib.sha256(published.body).hexdigest()[:32] + '"'

    def test_last_modified_is_the_newest_in_the_feed_whatever_the_files_mtime(
        self, serve_data: Path
    ) -> None:
        os.utime(serve_data, (946684800, 946684800))  # 2000-01-01
        feeds = FeedStore(serve_data).feeds()
        for published in feeds.values():
            events: list[Any] = Calendar.from_ical(published.body).events
            newest = max(e["LAST-MODIFIED"].dt for e in events)
            assert published.last_modified == int(newest.timestamp())

    def test_a_change_that_keeps_the_newest_date_still_moves_last_modified(
        self, serve_data: Path
    ) -> None:
        store = FeedStore(serve_data)
        before = store.feeds()["vntimeline.ics"]
        # removing the event with the older date leaves the newest LAST-MODIFIED as it was
        serve_data.write_text(SERVE_DATA[: SERVE_DATA.index("  - id: strategy")], encoding="utf-8")
        assert store.refresh() is True
        after = store.feeds()["vntimeline.ics"]
        assert after.etag != before.etag
        assert before.last_modified is not None and after.last_modified is not None
        assert after.last_modified > before.last_modified


def sequences(body: bytes) -> dict[str, int]:
    return {str(e["UID"]).split("@")[0]: e.sequence for e in Calendar.from_ical(body).events}


class TestHistory:
    """SEQUENCE continues across restarts: the history is kept beside the data file."""

    def test_a_restarted_store_continues_the_sequences(self, serve_data: Path) -> None:
        store = FeedStore(serve_data)
        edit_file(serve_data, "start: 2021-01-26", "start: 2021-01-27")
        assert store.refresh() is True
        body = store.feeds()["vntimeline.ics"].body
        restarted = FeedStore(serve_data)
        assert restarted.feeds()["vntimeline.ics"].body == body
        edit_file(serve_data, "start: 2021-01-27", "start: 2021-01-28")
        assert restarted.refresh() is True
        assert sequences(restarted.feeds()["vntimeline.ics"].body) == {
            "nanning-roundtable": 0,
            "strategy": 2,
        }

    def test_the_history_is_saved_beside_the_data_file(self, serve_data: Path) -> None:
        store = FeedStore(serve_data)
        edit_file(serve_data, "start: 2021-01-26", "start: 2021-01-27")
        store.refresh()
        saved = load_history(feed_state_path(serve_data))
        assert {uid.split("@")[0]: rev.sequence for uid, rev in saved.items()} == {
            "nanning-roundtable": 0,
            "strategy": 1,
        }

    def test_a_failed_reload_does_not_touch_the_history(self, serve_data: Path) -> None:
        store = FeedStore(serve_data)
        state = feed_state_path(serve_data)
        before = (state.read_bytes(), state.stat().st_mtime_ns)
        edit_file(serve_data, "start: 2021-01-26", "start: 2021-13-27")
        assert store.refresh() is False
        assert (state.read_bytes(), state.stat().st_mtime_ns) == before

    def test_feeds_whose_history_cannot_be_saved_are_not_published_until_it_can(
        self, serve_data: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        clock = FakeClock()
        store = FeedStore(serve_data, clock=clock)
        good = store.feeds()["vntimeline.ics"].body
        state = feed_state_path(serve_data)
        saved = state.read_bytes()

        def disk_full(path: Path, history: object) -> bool:
            raise ExportError(f"cannot write {path}: No space left on device")

        monkeypatch.setattr(store_module, "save_history", disk_full)
        edit_file(serve_data, "start: 2021-01-26", "start: 2021-01-27")
        with caplog.at_level(logging.ERROR, logger="vntimeline.serve"):
            assert store.refresh() is False
        assert store.feeds()["vntimeline.ics"].body == good
        assert "No space left on device" in caplog.text
        assert "not publishing" in caplog.text
        assert state.read_bytes() == saved
        monkeypatch.undo()  # space was freed
        assert store.refresh() is False  # not retried at once
        clock.advance(60)
        assert store.refresh() is True
        assert sequences(store.feeds()["vntimeline.ics"].body)["strategy"] == 1
        saved_now = {uid.split("@")[0]: rev.sequence for uid, rev in load_history(state).items()}
        assert saved_now["strategy"] == 1

    def test_changes_numbered_meanwhile_by_another_command_are_continued(
        self, serve_data: Path
    ) -> None:
        store = FeedStore(serve_data)
        state = feed_state_path(serve_data)
        history = load_history(state)
        strategy = next(uid for uid in history if uid.startswith("strategy@"))
        # `vntimeline build` numbered five changes while the server ran
        history[strategy] = attrs.evolve(history[strategy], sequence=5)
        state.write_text(dump_history(history), encoding="utf-8")
        edit_file(serve_data, "start: 2021-01-26", "start: 2021-01-27")
        assert store.refresh() is True
        assert sequences(store.feeds()["vntimeline.ics"].body)["strategy"] == 6
