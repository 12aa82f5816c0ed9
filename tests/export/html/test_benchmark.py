"""The interactive timeline's benchmark (benchmarks/html_page.py) runs and reports its figures.

Run at a tiny size so that it cannot rot; nothing here judges a timing.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[3] / "benchmarks"


@pytest.mark.skipif(not Path("/usr/bin/chromium").is_file(), reason="no Chromium")
def test_the_benchmark_reports_size_and_render_times(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCHMARKS))  # html_page.py imports generate.py as a sibling
    spec = importlib.util.spec_from_file_location(
        "vntimeline_bench_html", BENCHMARKS / "html_page.py"
    )
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    out = tmp_path / "results.json"
    code = bench.main(
        ["--sizes", "60", "--repeat", "1", "--work", str(tmp_path), "--out", str(out)]
    )
    assert code == 0
    (result,) = json.loads(out.read_text(encoding="utf-8"))["results"]
    assert result["events"] == 60
    assert result["bytes"] == (tmp_path / "timeline-60.html").stat().st_size
    assert result["first_render_ms"] > 0 and result["runs"][0]["elements"] == 60
    assert result["far"]["mode"] == "nodes"
