"""The evaluation: the gold is sound, the scorer counts right, and the seen set meets the targets.

The opened and unseen sets are scored by ``benchmarks/extract_eval.py`` and
not asserted here: asserting them would invite tuning the rules to them
(``tests/extract/gold/SPLIT.md``).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

import pytest

from vntimeline import PartialDate

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "extract" / "gold"


def _script(name: str) -> ModuleType:
    """Import a script of benchmarks/ under a name no other test uses."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location(
        f"vntimeline_bench_{name}", ROOT / "benchmarks" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


es = _script("extract_score")
TEXTS = es.load_corpus()
SEEN = [t for t in TEXTS if t.set == "seen"]


class TestGold:
    @pytest.mark.parametrize("item", TEXTS, ids=[t.name for t in TEXTS])
    def test_every_gold_span_is_its_text_and_every_value_parses(self, item: Any) -> None:
        lines = (GOLD / f"{item.name}.jsonl").read_text(encoding="utf-8").splitlines()
        rows = [json.loads(line) for line in lines]
        text = item.text
        for row in rows:
            assert list(row) == ["start", "end", "text", "value", "precision", "quote", "note"]
            assert text[row["start"] : row["end"]] == row["text"]
            assert row["text"] in row["quote"] and row["quote"] in text
            for part in re.split(r"/(?![^\[]*\])", row["value"]):
                PartialDate.parse(part)
        assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)

    def test_the_split_file_names_the_same_sets_as_the_corpus(self) -> None:
        table = (GOLD / "SPLIT.md").read_text(encoding="utf-8")
        listed = dict(re.findall(r"\| (?:seeds|articles)/([\w.]+)\.txt \| \w\w \| (\w+) \|", table))
        assert listed == {t.name: t.set for t in TEXTS}

    def test_each_language_has_seen_opened_and_unseen_texts(self) -> None:
        assert {(t.language, t.set) for t in TEXTS} == {
            (lang, group) for lang in ("en", "vi", "nl") for group in ("seen", "opened", "unseen")
        }


class TestScorer:
    GOLD_SPANS: ClassVar = [(0, 4, "2021"), (10, 20, "2023/2024"), (30, 35, "2025-10")]

    def test_overlapping_spans_match_one_to_one(self) -> None:
        counts = es.score(self.GOLD_SPANS, [(0, 4, "2021"), (10, 14, "2023"), (16, 20, "2024")])
        assert (counts.matched, counts.found, counts.gold, counts.exact) == (2, 3, 3, 1)
        assert counts.precision == pytest.approx(2 / 3)
        assert counts.recall == pytest.approx(2 / 3)

    def test_the_uncertainty_mark_does_not_change_a_value_but_approximate_does(self) -> None:
        counts = es.score(
            self.GOLD_SPANS, [(0, 4, "2021?"), (10, 20, "2023/2024"), (30, 35, "2025-10~")]
        )
        assert (counts.matched, counts.exact) == (3, 2)

    def test_nothing_found_is_full_precision_and_no_recall(self) -> None:
        counts = es.score(self.GOLD_SPANS, [])
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 0.0, 0.0)

    def test_misses_are_named_when_the_text_is_given(self) -> None:
        text = "2021 was it; between 2023 and 2024"
        counts = es.score([(0, 4, "2021")], [(0, 4, "2020")], text)
        assert counts.misses == ["value '2021': 2020 (gold 2021)"]


class TestTargetsOnTheSeenSet:
    @pytest.fixture(scope="class")
    @staticmethod
    def counts() -> dict[str, tuple[Any, Any]]:
        table: dict[str, tuple[Any, Any]] = {}
        for language in ("en", "vi", "nl", "all"):
            ours, theirs = es.Counts(), es.Counts()
            for item in SEEN:
                if language in (item.language, "all"):
                    ours += es.score(item.gold, es.vntimeline_spans(item), item.text)
                    theirs += es.score(
                        item.gold, es.dateparser_spans(item, es.dateparser_search(item))
                    )
            table[language] = (ours, theirs)
        return table

    @pytest.mark.parametrize("language", ["en", "vi", "nl", "all"])
    def test_f1_and_exact_values_meet_the_targets(
        self, counts: dict[str, tuple[Any, Any]], language: str
    ) -> None:
        ours = counts[language][0]
        assert ours.f1 >= 0.95, ours.misses
        assert ours.exact_rate >= 0.90, ours.misses

    @pytest.mark.parametrize("language", ["en", "vi", "nl", "all"])
    def test_never_below_dateparser_on_the_same_texts(
        self, counts: dict[str, tuple[Any, Any]], language: str
    ) -> None:
        ours, theirs = counts[language]
        assert ours.f1 >= theirs.f1
        assert ours.exact_rate >= theirs.exact_rate


class TestReport:
    def test_the_quick_report_writes_both_extractors_per_set_and_language(
        self, tmp_path: Path
    ) -> None:
        out = tmp_path / "results.json"
        assert _script("extract_eval").main(["--quick", "--out", str(out)]) == 0

        results = json.loads(out.read_text(encoding="utf-8"))
        assert set(results["sets"]) == {"seen", "opened", "unseen", "all"}
        assert set(results["sets"]["unseen"]) == {"en", "vi", "nl", "all"}
        assert set(results["sets"]["seen"]["all"]) == {"vntimeline", "dateparser"}
        assert results["throughput_chars_per_s"]["vntimeline"] > 0
        rows = results["scaling"]
        assert [r["finds"] for r in rows] == sorted(r["finds"] for r in rows)
