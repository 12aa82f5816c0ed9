"""The build cache (vntimeline._cache): a warm build redoes nothing, a bad cache is ignored."""

from __future__ import annotations

import json
import os
import pickle
import shutil
from pathlib import Path
from typing import Any

import matplotlib
import pytest

import vntimeline
from vntimeline import _build, _cache
from vntimeline._build import build
from vntimeline._export.chart import figure as _chart
from vntimeline._export.ical import FeedOptions
from vntimeline._export.ical.state import feed_state_path

# Resolved now, before the fixtures below move XDG_CACHE_HOME: matplotlib keeps
# its font cache there and would rebuild it (slowly) in an empty folder.
matplotlib.get_cachedir()


@pytest.fixture(autouse=True)
def private_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's cache folder (which holds the HMAC key) is the test's own."""
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return home


@pytest.fixture
def fast_charts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Charts replaced by a stand-in that records each file it writes (charts are slow)."""
    drawn: list[str] = []

    def save_charts(
        resolved: Any, paths: list[str | os.PathLike[str]], **options: Any
    ) -> list[Path]:
        targets = [Path(path) for path in paths]
        for target in targets:
            drawn.append(target.name)
            target.write_text(f"chart of {len(resolved)} events {options}\n", encoding="utf-8")
        return targets

    monkeypatch.setattr(_chart, "save_charts", save_charts)
    return drawn


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every data file the build parses (a timeline from the cache is not parsed)."""
    seen: list[Path] = []
    real = vntimeline.load

    def load(path: Any) -> Any:
        seen.append(Path(path))
        return real(path)

    monkeypatch.setattr(_build, "load", load)
    return seen


class Exploit:
    """Unpickled, creates the file *marker*: what a forged cache could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, tuple[str, str]]:
        return open, (str(self.marker), "w")


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every output's bytes and modification time."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()}


class TestWarmBuild:
    def test_a_build_of_unchanged_data_keeps_every_output_and_parses_nothing(
        self, example_file: Path, tmp_path: Path, fast_charts: list[str], loads: list[Path]
    ) -> None:
        out = tmp_path / "out"
        first = build(example_file, out)
        before = snapshot(out)
        fast_charts.clear()
        loads.clear()

        again = build(example_file, out)

        assert again == first
        assert snapshot(out) == before
        assert (fast_charts, loads) == ([], [])

    def test_a_changed_data_file_is_built_again(
        self, example_file: Path, tmp_path: Path, fast_charts: list[str], loads: list[Path]
    ) -> None:
        out = tmp_path / "out"
        build(example_file, out)
        example_file.write_text(
            example_file.read_text(encoding="utf-8").replace(
                "ASEAN–China ministerial roundtable on AI", "Nanning roundtable"
            ),
            encoding="utf-8",
        )
        loads.clear()

        build(example_file, out)

        assert loads == [example_file]
        assert "Nanning roundtable" in (out / "resolved.json").read_text(encoding="utf-8")

    def test_a_changed_seed_file_is_read_again(
        self, example_file: Path, tmp_path: Path, fast_charts: list[str], loads: list[Path]
    ) -> None:
        out = tmp_path / "out"
        build(example_file, out)
        for seed in (example_file.parent / "seeds").iterdir():
            seed.write_text(
                seed.read_text(encoding="utf-8") + "\nA line added.\n", encoding="utf-8"
            )
        loads.clear()

        build(example_file, out)

        assert loads == [example_file]

    def test_a_deleted_output_is_drawn_again_from_the_cached_timeline(
        self, example_file: Path, tmp_path: Path, fast_charts: list[str], loads: list[Path]
    ) -> None:
        out = tmp_path / "out"
        build(example_file, out)
        (out / "timeline.png").unlink()
        (out / "vntimeline.ics").write_bytes(b"edited by hand")
        fast_charts.clear()
        loads.clear()

        build(example_file, out)

        assert loads == []
        assert fast_charts == ["timeline.png"]
        assert (out / "vntimeline.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")

    def test_outputs_drawn_again_are_the_bytes_a_cold_build_writes(
        self, example_file: Path, tmp_path: Path
    ) -> None:
        warm, cold = tmp_path / "warm", tmp_path / "cold"
        build(example_file, warm)
        (warm / "timeline.svg").unlink()
        (warm / "vntimeline-policy.ics").unlink()

        build(example_file, warm)
        build(example_file, cold)

        for name in ("timeline.svg", "vntimeline-policy.ics"):
            assert (warm / name).read_bytes() == (cold / name).read_bytes()

    def test_a_new_source_date_epoch_writes_the_feeds_again(
        self,
        example_file: Path,
        tmp_path: Path,
        fast_charts: list[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        out = tmp_path / "out"
        build(example_file, out)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")

        build(example_file, out)

        assert b"DTSTAMP:20270115T080000Z" in (out / "vntimeline.ics").read_bytes()

    def test_a_changed_feed_state_writes_the_feeds_again(
        self, example_file: Path, tmp_path: Path, fast_charts: list[str]
    ) -> None:
        out = tmp_path / "out"
        build(example_file, out)
        state = feed_state_path(example_file)
        document = json.loads(state.read_text(encoding="utf-8"))
        for entry in document["events"].values():
            entry["digest"] = "0" * 64
        state.write_text(json.dumps(document), encoding="utf-8")

        build(example_file, out)

        assert b"SEQUENCE:1" in (out / "vntimeline.ics").read_bytes()

    def test_other_feed_options_write_the_feeds_again(
        self, example_file: Path, tmp_path: Path, fast_charts: list[str]
    ) -> None:
        out = tmp_path / "out"
        build(example_file, out)

        build(example_file, out, options=FeedOptions(name="Renamed", public_url="https://e.org/"))

        feed = (out / "vntimeline.ics").read_bytes()
        assert b"\r\nNAME:Renamed\r\n" in feed
        assert b"UID:" in feed and b"@e.org\r\n" in feed

    def test_the_same_feed_options_keep_every_output(
        self, example_file: Path, tmp_path: Path, fast_charts: list[str], loads: list[Path]
    ) -> None:
        out = tmp_path / "out"
        build(example_file, out, options=FeedOptions(name="Renamed"))
        before = snapshot(out)
        loads.clear()

        build(example_file, out, options=FeedOptions(name="Renamed"))

        assert snapshot(out) == before
        assert loads == []


class TestColdBuild:
    def test_two_cold_builds_write_the_same_bytes(self, example_file: Path, tmp_path: Path) -> None:
        first, second = tmp_path / "first", tmp_path / "second"
        build(example_file, first)
        build(example_file, second)
        names = sorted(p.name for p in first.iterdir() if p.is_file())
        assert "vntimeline.ics" in names
        assert names == sorted(p.name for p in second.iterdir() if p.is_file())
        for name in names:
            assert (first / name).read_bytes() == (second / name).read_bytes(), name


class TestBadCache:
    def test_a_corrupt_manifest_is_ignored(
        self, example_file: Path, tmp_path: Path, fast_charts: list[str], loads: list[Path]
    ) -> None:
        out = tmp_path / "out"
        build(example_file, out)
        (out / _cache.CACHE_DIR / "manifest.json").write_text("{not json", encoding="utf-8")
        loads.clear()

        written = build(example_file, out)

        assert loads == [example_file]
        assert all(path.exists() for path in written)

    def test_a_manifest_of_the_wrong_shape_is_ignored(
        self, example_file: Path, tmp_path: Path, fast_charts: list[str], loads: list[Path]
    ) -> None:
        out = tmp_path / "out"
        build(example_file, out)
        manifest_path = out / _cache.CACHE_DIR / "manifest.json"
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        manifest["outputs"] = ["resolved.json"]
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
        loads.clear()

        build(example_file, out)

        assert loads == [example_file]

    def test_a_tampered_pickle_is_never_unpickled(
        self, example_file: Path, tmp_path: Path, fast_charts: list[str], loads: list[Path]
    ) -> None:
        out = tmp_path / "out"
        build(example_file, out)
        marker = tmp_path / "pwned"
        (out / _cache.CACHE_DIR / "timeline.pickle").write_bytes(pickle.dumps(Exploit(marker)))
        (out / "resolved.json").unlink()
        loads.clear()

        build(example_file, out)

        assert not marker.exists()
        assert loads == [example_file]
        assert (out / "resolved.json").exists()

    def test_a_build_folder_from_another_user_is_not_trusted(
        self,
        example_file: Path,
        tmp_path: Path,
        fast_charts: list[str],
        loads: list[Path],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        elsewhere = tmp_path / "ci-artifact"
        build(example_file, elsewhere)
        out = shutil.copytree(elsewhere, tmp_path / "downloaded")
        (out / "resolved.json").unlink()
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))
        loads.clear()

        build(example_file, out)

        assert loads == [example_file]

    def test_a_cache_that_cannot_be_written_does_not_fail_the_build(
        self, example_file: Path, tmp_path: Path, fast_charts: list[str]
    ) -> None:
        out = tmp_path / "out"
        out.mkdir()
        (out / _cache.CACHE_DIR).write_text("a file where the folder would go", encoding="utf-8")

        written = build(example_file, out)

        assert all(path.exists() for path in written)

    def test_without_a_user_cache_folder_outputs_are_still_kept(
        self,
        example_file: Path,
        tmp_path: Path,
        fast_charts: list[str],
        loads: list[Path],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        blocked = tmp_path / "not-a-folder"
        blocked.write_text("", encoding="utf-8")
        monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
        out = tmp_path / "out"
        build(example_file, out)
        loads.clear()

        build(example_file, out)

        assert loads == []
        assert not (out / _cache.CACHE_DIR / "timeline.pickle").exists()
