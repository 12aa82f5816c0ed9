"""The extension as a whole (vntimeline.sphinx): page dependencies and parallel builds."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from docutils import nodes

import vntimeline
from conftest import SphinxBuild, add_page, warnings_of


def touch_later(path: Path) -> None:
    """Give *path* a modification time clearly after any build that already ran."""
    later = time.time() + 5
    os.utime(path, (later, later))


class TestDependencies:
    def test_editing_the_data_file_rebuilds_exactly_the_pages_that_use_it(
        self, sphinx_build: SphinxBuild, sphinx_project: Path
    ) -> None:
        sphinx_build()
        data = sphinx_project / "events.yaml"
        data.write_text(
            data.read_text(encoding="utf-8").replace("Test expo", "Renamed expo"),
            encoding="utf-8",
        )
        touch_later(data)
        read: list[str] = []
        app = sphinx_build(read=read)
        assert sorted(read) == ["index", "sub/nested"]
        assert "Renamed expo" in (app.outdir / "index.html").read_text(encoding="utf-8")

    def test_a_build_with_nothing_changed_reads_no_page(self, sphinx_build: SphinxBuild) -> None:
        sphinx_build()
        read: list[str] = []
        sphinx_build(read=read)
        assert read == []

    def test_the_bundled_data_is_the_dependency_when_none_is_configured(
        self, sphinx_build: SphinxBuild, sphinx_project: Path
    ) -> None:
        # A table only: drawing the whole bundled timeline is not the point here.
        (sphinx_project / "index.rst").write_text(
            "Bundled\n=======\n\n.. vntimeline-events::\n", encoding="utf-8"
        )
        shutil.rmtree(sphinx_project / "sub")
        (sphinx_project / "other.rst").unlink()
        app = sphinx_build(confoverrides={"vntimeline_data": ""})
        assert vntimeline.default_data_path().resolve() in {
            Path(p).resolve() for p in app.env.dependencies["index"]
        }
        html = (app.outdir / "index.html").read_text(encoding="utf-8")
        assert "ASEAN–China ministerial roundtable on AI" in html


class TestParallelBuild:
    def test_parallel_readers_drawing_the_same_chart_give_the_serial_result(
        self, sphinx_build: SphinxBuild, sphinx_project: Path
    ) -> None:
        for i in range(4):
            add_page(
                sphinx_project,
                f"copy{i}",
                ".. vntimeline-chart::\n   :categories: policy\n\n.. vntimeline-events::\n",
            )
        app = sphinx_build(parallel=2)
        assert warnings_of(app) == ""
        charts = {
            next(app.env.get_doctree(f"copy{i}").findall(nodes.image))["uri"] for i in range(4)
        }
        assert len(charts) == 1
        assert app.extensions["vntimeline.sphinx"].parallel_read_safe
        assert app.extensions["vntimeline.sphinx"].parallel_write_safe
