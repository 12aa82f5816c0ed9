"""The feed store (vntimeline._serve.store): the feeds of a data file, kept and reloaded.

No sockets here: each test makes a FeedStore on a small data file in a
temporary folder and reads its feeds the way the HTTP front does, refreshing
first (test_http.py covers what a client sees over HTTP).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from icalendar import Calendar

from conftest import SERVE_DATA, edit_file
from vntimeline._export.ical import FeedOptions, write_ical
from vntimeline._load.loader import load
from vntimeline._model.resolved import ResolvedTimeline
from vntimeline._resolve.resolver import resolve
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
