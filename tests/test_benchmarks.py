"""The benchmark (benchmarks/): its generator makes valid data, its runner a complete report.

Nothing here asserts a timing: the runner is run at a tiny size so that it
cannot rot, and its report is checked for shape and arithmetic only.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import vntimeline

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _module(name: str) -> ModuleType:
    """Import a script of benchmarks/ under a name no other test uses."""
    sys.path.insert(0, str(BENCHMARKS))  # run.py imports generate.py as a sibling
    spec = importlib.util.spec_from_file_location(
        f"vntimeline_bench_{name}", BENCHMARKS / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = _module("generate")
run = _module("run")


class TestGenerator:
    def test_the_same_size_and_seed_give_the_same_file(self) -> None:
        assert generate.generate(60, seed=3) == generate.generate(60, seed=3)

    def test_another_seed_gives_another_file(self) -> None:
        assert generate.generate(60, seed=3) != generate.generate(60, seed=4)

    def test_the_generated_file_is_valid_for_the_real_loader(self, tmp_path: Path) -> None:
        timeline = vntimeline.load(generate.write(tmp_path / "events.yaml", 400))

        assert len(timeline) == 400
        assert len(timeline.sources) == generate.SOURCES

    def test_every_event_has_three_claims_from_three_sources(self, tmp_path: Path) -> None:
        timeline = vntimeline.load(generate.write(tmp_path / "events.yaml", 400))

        assert {len({c.source for c in event.claims}) for event in timeline} == {3}

    def test_the_mix_has_spans_disputes_and_events_bounded_by_order_alone(
        self, tmp_path: Path
    ) -> None:
        timeline = vntimeline.load(generate.write(tmp_path / "events.yaml", 2000))
        resolved = vntimeline.resolve(timeline)

        kinds = Counter(event.kind for event in timeline)
        statuses = Counter(event.status for event in resolved)
        assert 0.02 < kinds["span"] / len(timeline) < 0.09
        assert 0.05 < (statuses["reconciled"] + statuses["conflict"]) / len(timeline) < 0.15
        assert 0.005 < statuses["bounded"] / len(timeline) < 0.04
        assert all(event.event.after for event in resolved if event.status == "bounded")

    def test_titles_are_not_all_ascii(self) -> None:
        text = generate.generate(50)

        assert any(ord(char) > 127 for char in text)
        assert "Việt Nam" in text or "Hội nghị" in text or "Diễn đàn" in text


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One small run of the runner (200 events, once each), as its JSON report."""
    folder = tmp_path_factory.mktemp("bench")
    out = folder / "results.json"

    code = run.main(
        ["--sizes", "200", "--repeat", "1", "--out", str(out), "--work", str(folder / "work")]
    )

    assert code == 0
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


class TestRunner:
    def test_the_report_names_the_machine_and_the_settings(self, report: dict[str, Any]) -> None:
        assert report["schema"] == run.SCHEMA
        assert report["machine"]["python"]
        assert report["machine"]["cpus"] >= 1
        assert report["machine"]["versions"]["icalendar"]
        assert report["settings"] == {
            "sizes": [200],
            "repeat": 1,
            "seed": 8,
            "generator": generate.GENERATOR_VERSION,
        }

    def test_every_phase_has_a_median_time_and_a_peak_rss(self, report: dict[str, Any]) -> None:
        phases = report["sizes"]["200"]["phases"]

        assert sorted(phases) == sorted(run.PHASES)
        for entry in phases.values():
            assert entry["median_s"] > 0
            assert entry["runs_s"] and len(entry["runs_s"]) == 1
            assert entry["rss_mib"] > 10

    def test_every_floor_is_measured_in_the_same_run(self, report: dict[str, Any]) -> None:
        floors = report["sizes"]["200"]["floors"]

        assert sorted(floors) == sorted(run.FLOORS)
        assert all(entry["median_s"] > 0 for entry in floors.values())
        assert report["import"]["vntimeline"]["median_s"] > 0
        assert report["import"]["floor"]["median_s"] > 0

    def test_each_ratio_is_the_phase_median_over_the_floor_median(
        self, report: dict[str, Any]
    ) -> None:
        size = report["sizes"]["200"]
        medians = {
            name: entry["median_s"]
            for group in ("phases", "floors")
            for name, entry in size[group].items()
        }
        ratios = {r["name"]: r for r in report["ratios"] if r["size"] == 200}

        for name, top, bottom, target, _bound in run.RATIOS:
            assert ratios[name]["value"] == pytest.approx(medians[top] / medians[bottom], abs=1e-3)
            assert ratios[name]["target"] == target
            assert ratios[name]["met"] == (ratios[name]["value"] <= target)

    def test_the_import_ratio_and_the_peak_rss_are_reported(self, report: dict[str, Any]) -> None:
        names = {r["name"]: r for r in report["ratios"]}

        imported = report["import"]
        assert names["import / import floor"]["value"] == pytest.approx(
            imported["vntimeline"]["median_s"] / imported["floor"]["median_s"], abs=1e-3
        )
        assert math.isfinite(names["peak RSS (MiB)"]["value"])
        assert isinstance(report["targets_met"], bool)

    def test_only_the_sizes_the_issue_names_bind_a_target(self, report: dict[str, Any]) -> None:
        binding = {r["name"] for r in report["ratios"] if r["binding"]}

        # At 200 events only the size-free targets apply.
        assert binding == {
            "import / import floor",
            "feed / icalendar loop",
            "warm build / cold build",
        }


class TestGrowth:
    def test_growth_is_compared_between_consecutive_sizes(self) -> None:
        def size(load: float) -> dict[str, Any]:
            return {"phases": {"load": {"median_s": load, "rss_mib": 50.0}}, "floors": {}}

        ratios = run.ratios({10_000: size(1.0), 100_000: size(13.0)}, None)

        growth = next(r for r in ratios if r["name"].startswith("growth of load"))
        assert (growth["value"], growth["target"], growth["binding"], growth["met"]) == (
            13.0,
            12.0,
            True,
            False,
        )

    def test_the_table_shows_every_ratio_with_its_status(self) -> None:
        result = {
            "sizes": {
                "10": {
                    "phases": {"load": {"median_s": 0.5, "rss_mib": 40.0}},
                    "floors": {"parse": {"median_s": 0.25, "rss_mib": 30.0}},
                }
            },
            "ratios": [
                {
                    "name": "load / parse floor",
                    "size": 10,
                    "value": 2.0,
                    "target": 1.5,
                    "binding": False,
                    "met": False,
                }
            ],
        }

        table = run.table(result)

        assert "load / parse floor" in table
        assert "MISSED (info)" in table
        assert "floor:parse" in table


class TestMarkdown:
    def test_the_markdown_tables_give_each_phase_its_floor_and_ratio(
        self, report: dict[str, Any]
    ) -> None:
        text = run.markdown(report)

        load = next(line for line in text.splitlines() if line.startswith("| 200 | load |"))
        ratio = next(r for r in report["ratios"] if r["name"] == "load / parse floor")
        assert f"| parse | {report['sizes']['200']['floors']['parse']['median_s']:.3f} |" in load
        assert f"| {ratio['value']:.3f} |" in load
        assert "| import / import floor |" in text
