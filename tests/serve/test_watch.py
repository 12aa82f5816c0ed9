"""When the store reads the data file again (vntimeline._serve.watch).

A ChangeWatch on a real file in a temporary folder, with a clock the test
moves by hand: no test waits.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vntimeline._serve.watch import ChangeWatch, signature, stable_read


class Clock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text("events: []\n", encoding="utf-8")
    return path


class TestChangeWatch:
    def test_a_handled_version_is_not_due_again(self, data: Path) -> None:
        watch = ChangeWatch(data)
        version = watch.due()
        assert version == signature(data)
        watch.handled(version)
        assert watch.due() is None

    def test_any_write_makes_the_file_due_even_with_the_same_size(self, data: Path) -> None:
        watch = ChangeWatch(data)
        watch.handled(watch.due())
        data.write_text("events: {}\n", encoding="utf-8")
        assert watch.due() == signature(data)

    def test_a_new_version_waits_until_it_has_settled(self, data: Path) -> None:
        clock = Clock()
        watch = ChangeWatch(data, settle=0.5, clock=clock)
        watch.handled(signature(data))
        data.write_text("events: []\nname: x\n", encoding="utf-8")
        assert watch.due() is None
        clock.now += 0.4
        assert watch.due() is None
        clock.now += 0.1
        assert watch.due() == signature(data)

    def test_a_write_while_settling_starts_the_wait_again(self, data: Path) -> None:
        clock = Clock()
        watch = ChangeWatch(data, settle=0.5, clock=clock)
        watch.handled(signature(data))
        data.write_text("events: []\n# one\n", encoding="utf-8")
        assert watch.due() is None
        clock.now += 0.4
        data.write_text("events: []\n# one, two\n", encoding="utf-8")
        assert watch.due() is None
        clock.now += 0.4
        assert watch.due() is None
        clock.now += 0.1
        assert watch.due() is not None

    def test_retry_later_postpones_a_version(self, data: Path) -> None:
        clock = Clock()
        watch = ChangeWatch(data, clock=clock)
        assert watch.due() is not None
        watch.retry_later(5)
        assert watch.due() is None
        clock.now += 5
        assert watch.due() is not None

    def test_a_deleted_file_raises(self, data: Path) -> None:
        watch = ChangeWatch(data)
        data.unlink()
        with pytest.raises(FileNotFoundError):
            watch.due()

    def test_a_negative_settle_time_is_refused(self, data: Path) -> None:
        with pytest.raises(ValueError, match="settle must be zero or more"):
            ChangeWatch(data, settle=-1)


class TestStableRead:
    def test_returns_the_bytes_and_the_signature_they_were_read_at(self, data: Path) -> None:
        assert stable_read(data) == (b"events: []\n", signature(data))
