"""The server's load test (benchmarks/serve_load.py) runs, stops by itself, and reports.

It is run tiny (50 requests a run, 20 idle connections) so that it cannot rot;
its report is checked for shape and counts only: timings are measured by
``make bench``, never asserted in tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "serve_load.py"
SERVERS = {"asyncio floor", "stdlib floor", "uvicorn floor", "vntimeline serve"}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("serve-load") / "results.json"
    command = [sys.executable, str(SCRIPT), "--requests", "50", "--levels", "1,4"]
    command += ["--idle", "20", "--repeat", "1", "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "vntimeline serve c=4" in done.stdout
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


class TestServeLoad:
    def test_every_server_is_measured_at_every_level(self, report: dict[str, Any]) -> None:
        assert set(report["levels"]) == SERVERS
        for levels in report["levels"].values():
            assert set(levels) == {"1", "4"}

    def test_every_request_is_counted_and_none_failed(self, report: dict[str, Any]) -> None:
        for levels in report["levels"].values():
            for level in levels.values():
                assert level["requests"] == 50
                assert (level["ok"], level["errors"], level["timeouts"]) == (50, 0, 0)
                assert level["p50_ms"] <= level["p99_ms"] <= level["max_ms"]
                assert level["requests_per_second"] > 0

    def test_the_idle_phase_held_its_connections_and_measured_memory(
        self, report: dict[str, Any]
    ) -> None:
        idle = report["idle"]
        assert idle["idle_connections"] == idle["still_open_after_load"] == 20
        assert idle["rss_with_idle_mib"] > 0
        assert idle["load_with_idle"]["ok"] == idle["load_without_idle"]["ok"] == 50

    def test_the_served_feed_is_the_real_one(self, report: dict[str, Any]) -> None:
        assert report["feed_bytes"] > 10_000

    def test_the_report_names_each_target(self, report: dict[str, Any]) -> None:
        targets = report["targets"]
        assert targets["0 errors and 0 timeouts at concurrency 4"] is True
        assert targets["idle connections all still open after the load"] is True
        assert {"asyncio floor", "stdlib floor"} <= {
            name.split(" / ")[1] for name in targets if " / " in name and "floor" in name
        }
