"""SEQUENCE and LAST-MODIFIED (vntimeline._export.ical.state): kept in a file, only going up."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from helpers.ical import build, decided, roundtable, strategy, uid, vevent
from vntimeline._export.ical import FeedOptions, to_ical, write_ical
from vntimeline._export.ical.state import STATE_FILENAME
from vntimeline.errors import ExportError


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
        assert (tmp_path / STATE_FILENAME).exists()

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

    def test_an_event_is_never_stamped_before_its_last_change(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        out = tmp_path / "vntimeline.ics"
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
        write_ical(build([roundtable(), strategy()]), out)
        write_ical(build([roundtable(explanation="Revised."), strategy()]), out)
        for event_id in ("nanning-roundtable", "national-ai-strategy"):
            event = vevent(out.read_bytes(), event_id)
            # DTSTAMP = max(SOURCE_DATE_EPOCH, LAST-MODIFIED): never 1970 before a 2025 change.
            assert (
                event["DTSTAMP"].dt == event.last_modified > dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
            )

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
        assert not (tmp_path / STATE_FILENAME).exists()

    def test_without_tracking_no_state_file_is_written(self, tmp_path: Path) -> None:
        write_ical(
            build([roundtable()]), tmp_path / "f.ics", options=FeedOptions(track_changes=False)
        )
        assert sorted(p.name for p in tmp_path.iterdir()) == ["f.ics"]

    def test_a_broken_state_file_is_an_error_that_says_how_to_recover(
        self,
        tmp_path: Path,
    ) -> None:
        (tmp_path / STATE_FILENAME).write_text('{"version": 1, "events": {"x": {}}}')
        with pytest.raises(ExportError, match="delete it to restart every SEQUENCE at 0"):
            write_ical(build([roundtable()]), tmp_path / "vntimeline.ics")
        assert not (tmp_path / "vntimeline.ics").exists()

    def test_the_state_file_is_stable_sorted_json(self, tmp_path: Path) -> None:
        write_ical(build([strategy(), roundtable()]), tmp_path / "vntimeline.ics")
        state = json.loads((tmp_path / STATE_FILENAME).read_text())
        assert state["version"] == 1
        assert list(state["events"]) == [
            uid("nanning-roundtable"),
            uid("national-ai-strategy"),
        ]
        assert state["events"][uid("nanning-roundtable")]["sequence"] == 0
