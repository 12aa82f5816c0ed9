"""Helpers shared by the build's tests (``tests/build/``, ``tests/test_cache.py``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from vntimeline._export.chart import figure as _chart
from vntimeline._export.ical import feed_filename
from vntimeline._publish import BUILDS_DIR, CURRENT

#: The Python a child build runs before ``vntimeline._build.build``: charts drawn as
#: small text files (matplotlib is slow, and the charts are not what is tested).
STUB_CHARTS = """
import hashlib
from pathlib import Path
import vntimeline._export.chart.figure as _figure

def save_charts(resolved, paths, **options):
    mark = hashlib.sha256(resolved.dumps().encode()).hexdigest()[:12]
    for path in paths:
        Path(path).write_text(f"chart {mark} {sorted(options.items())}\\n", encoding="utf-8")
    return [Path(path) for path in paths]

_figure.save_charts = save_charts
"""


def stub_charts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace the charts by a stand-in that records each file it writes; the names written."""
    drawn: list[str] = []
    namespace: dict[str, Any] = {}
    exec(STUB_CHARTS.replace("_figure.save_charts = save_charts", ""), namespace)
    stand_in = namespace["save_charts"]

    def save_charts(resolved: Any, paths: list[str | os.PathLike[str]], **options: Any) -> Any:
        drawn.extend(Path(path).name for path in paths)
        return stand_in(resolved, paths, **options)

    monkeypatch.setattr(_chart, "save_charts", save_charts)
    return drawn


def outputs(out: Path) -> dict[str, bytes]:
    """Every published output of *out* (the names a reader opens) and its bytes."""
    return {
        entry.name: entry.read_bytes()
        for entry in sorted(out.iterdir())
        if not entry.name.startswith(".") and entry.is_file()
    }


def current_build(out: Path) -> Path:
    """The folder of the current build of *out*, resolved."""
    return (out / BUILDS_DIR / CURRENT).resolve()


def feed_names(*categories: str | None) -> list[str]:
    """The file names of the feeds of *categories* (None: the combined feed)."""
    return [feed_filename(category) for category in categories]
