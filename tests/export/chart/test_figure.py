"""The entry points: plot() and save_chart(), their files, and lazy matplotlib."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from matplotlib.figure import Figure

import vntimeline
from helpers.chart import (
    show_fixture,  # noqa: F401 (fixtures)
    showcase,
    src_path,
)
from vntimeline import ResolvedTimeline
from vntimeline._export.chart.figure import plot, save_chart
from vntimeline.errors import ExportError


class TestPlot:
    def test_matplotlib_is_imported_only_when_drawing(self) -> None:
        code = "import sys, vntimeline; print('matplotlib' in sys.modules)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONPATH": src_path()})  # fmt: skip
        assert out.stdout.strip() == "False"

    def test_the_public_api_exports_plot_and_save_chart(self) -> None:
        assert vntimeline.plot is plot and vntimeline.save_chart is save_chart


class TestSaveChart:
    @pytest.mark.parametrize(
        ("name", "magic"),
        [("c.svg", b"<?xml"), ("c.png", b"\x89PNG"), ("c.pdf", b"%PDF"), ("C.SVG", b"<?xml")],
    )
    def test_the_extension_picks_the_format(
        self, show: ResolvedTimeline, tmp_path: Path, name: str, magic: bytes
    ) -> None:
        path = save_chart(show, tmp_path / name, dpi=40)
        assert path == tmp_path / name
        assert path.read_bytes().startswith(magic)

    def test_an_unknown_extension_is_refused_and_writes_nothing(
        self, show: ResolvedTimeline, tmp_path: Path
    ) -> None:
        with pytest.raises(ExportError, match=r"name it \.svg, \.png or \.pdf"):
            save_chart(show, tmp_path / "chart.jpeg")
        assert list(tmp_path.iterdir()) == []

    def test_an_unwritable_path_raises_export_error(
        self, show: ResolvedTimeline, tmp_path: Path
    ) -> None:
        (tmp_path / "file").write_text("not a folder")
        with pytest.raises(ExportError, match="cannot write"):
            save_chart(show, tmp_path / "file" / "chart.svg")
        (tmp_path / "folder.svg").mkdir()
        with pytest.raises(ExportError, match="cannot write"):
            save_chart(show, tmp_path / "folder.svg")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "folder.svg"]

    def test_a_failed_save_leaves_the_old_file_and_no_temporary(
        self, show: ResolvedTimeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target = tmp_path / "chart.svg"
        target.write_text("old chart")

        def broken(self: Figure, fname: Any, **kwargs: Any) -> None:
            Path(fname).write_text("half a chart")
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(Figure, "savefig", broken)
        with pytest.raises(RuntimeError, match="disk on fire"):
            save_chart(show, target)
        assert target.read_text() == "old chart"
        assert [p.name for p in tmp_path.iterdir()] == ["chart.svg"]

    def test_a_bad_dpi_is_refused(self, show: ResolvedTimeline, tmp_path: Path) -> None:
        with pytest.raises(ValueError, match="dpi must be a number from 10 to 1200"):
            save_chart(show, tmp_path / "c.png", dpi=0)

    def test_identical_input_gives_identical_svg_bytes(
        self, show: ResolvedTimeline, tmp_path: Path
    ) -> None:
        first = save_chart(show, tmp_path / "a.svg", today="2025-11-23").read_bytes()
        again = save_chart(showcase(), tmp_path / "b.svg", today="2025-11-23").read_bytes()
        assert first == again
        assert b"<dc:date>" not in first

    def test_svg_bytes_do_not_depend_on_the_process(
        self, show: ResolvedTimeline, tmp_path: Path
    ) -> None:
        here = save_chart(show, tmp_path / "here.svg").read_bytes()
        code = ("import sys; sys.path.insert(0, sys.argv[2]); import helpers.chart as t; "
                "from vntimeline._export.chart.figure import save_chart; "
                "save_chart(t.showcase(), sys.argv[1])")  # fmt: skip
        env = {**os.environ, "PYTHONPATH": src_path(), "PYTHONHASHSEED": "12345"}
        subprocess.run([sys.executable, "-c", code, str(tmp_path / "there.svg"),
                        str(Path(__file__).parents[2])], check=True, env=env)  # fmt: skip
        assert (tmp_path / "there.svg").read_bytes() == here

    def test_text_is_drawn_as_paths_so_the_svg_needs_no_font(
        self, show: ResolvedTimeline, tmp_path: Path
    ) -> None:
        svg = save_chart(show, tmp_path / "c.svg").read_text(encoding="utf-8")
        assert "<text" not in svg and "font-family" not in svg
        assert 'id="vnt-label.resolution-57"' in svg and 'id="vnt-diamond.policy"' in svg
