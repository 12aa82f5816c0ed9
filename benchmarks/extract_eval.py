"""The extraction evaluation (issue 17): vntimeline's extractor against dateparser, same run.

For every text of the gold corpus (``tests/extract/gold/``) it runs
``vntimeline.extract`` and ``dateparser.search.search_dates`` (with the
publication date as ``RELATIVE_BASE`` and the text's language) and scores
both (``extract_score.py``): precision, recall and F1 by overlapping span,
and the exact-value rate, for the seen and the unseen set, per language. It
then times both on the same texts (characters per second) and times
vntimeline alone on articles of growing size, to show the time is linear.

    python benchmarks/extract_eval.py                     # the report
    python benchmarks/extract_eval.py --misses    # and each miss of the seen and opened sets
    python benchmarks/extract_eval.py --quick --out /tmp/x.json

Only the misses of the seen and opened sets can be listed: the unseen set is
there to tell how the rules do on text they were not written against, and
listing its misses would invite tuning to it (``tests/extract/gold/SPLIT.md``
says what "opened" means).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import extract_score as es  # noqa: E402  (a sibling script, not a package)

#: (name, target, how it is compared)
TARGET_F1 = 0.95
TARGET_EXACT = 0.90
TARGET_SPEEDUP = 5.0
SETS = ("seen", "opened", "unseen")
#: The sets whose misses may be listed: never the unseen one.
LISTED = ("seen", "opened")


def evaluate(texts: Sequence[es.Text]) -> dict[str, dict[str, dict[str, es.Counts]]]:
    """Counts per set, then per language (and "all"), then per extractor."""
    table: dict[str, dict[str, dict[str, es.Counts]]] = {}
    for item in texts:
        ours = es.score(item.gold, es.vntimeline_spans(item), item.text)
        theirs = es.score(item.gold, es.dateparser_spans(item, es.dateparser_search(item)))
        for group in (item.set, "all"):
            for language in (item.language, "all"):
                cell = table.setdefault(group, {}).setdefault(language, {})
                cell.setdefault("vntimeline", es.Counts())
                cell.setdefault("dateparser", es.Counts())
                cell["vntimeline"] += ours if group != "all" else _quiet(ours)
                cell["dateparser"] += _quiet(theirs)
    return table


def _quiet(counts: es.Counts) -> es.Counts:
    """The counts without their list of misses."""
    return es.Counts(counts.gold, counts.found, counts.matched, counts.exact)


def throughput(texts: Sequence[es.Text], repeat: int) -> dict[str, float]:
    """Characters per second of each extractor over the same texts (best of *repeat*)."""
    chars = sum(len(t.text) for t in texts)
    runs: dict[str, Callable[[es.Text], object]] = {
        "vntimeline": es.vntimeline_spans,
        "dateparser": es.dateparser_search,
    }
    result = {}
    for name, run in runs.items():
        for item in texts:
            run(item)  # warm up: compile every language's rules, load its data
        best = min(_timed(lambda run=run: [run(t) for t in texts]) for _ in range(repeat))
        result[name] = chars / best
    result["speedup"] = result["vntimeline"] / result["dateparser"]
    return result


def scaling(sizes_mib: Sequence[float]) -> list[dict[str, float]]:
    """vntimeline's time and finds on articles of growing size (the seeds, repeated)."""
    import vntimeline

    base = "\n\n".join(t.text for t in es.load_corpus() if t.language == "en")
    rows = []
    for size in sizes_mib:
        text = (base * (int(size * 2**20) // len(base) + 1))[: int(size * 2**20)]
        started = time.perf_counter()
        finds = vntimeline.extract(text, published="2025-12-03", language="en")
        seconds = time.perf_counter() - started
        rows.append({"mib": size, "seconds": seconds, "finds": len(finds)})
    return rows


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _row(label: str, cell: dict[str, es.Counts]) -> str:
    ours, theirs = cell["vntimeline"], cell["dateparser"]
    return (
        f"{label:<14} {ours.gold:>4}  "
        f"{ours.precision:5.2f} {ours.recall:5.2f} {ours.f1:5.2f} {ours.exact_rate:6.1%}   "
        f"{theirs.precision:5.2f} {theirs.recall:5.2f} {theirs.f1:5.2f} {theirs.exact_rate:6.1%}"
    )


def _verdicts(table: dict[str, dict[str, dict[str, es.Counts]]]) -> list[str]:
    """Every target the report checks, and whether it is met."""
    lines = []
    for group in (*SETS, "all"):
        for language, cell in sorted(table.get(group, {}).items()):
            ours, theirs = cell["vntimeline"], cell["dateparser"]
            checks = (
                (f"F1 {ours.f1:.2f} >= {TARGET_F1}", ours.f1 >= TARGET_F1),
                (
                    f"exact {ours.exact_rate:.0%} >= {TARGET_EXACT:.0%}",
                    ours.exact_rate >= TARGET_EXACT,
                ),
                (
                    "not below dateparser",
                    ours.f1 >= theirs.f1 and ours.exact_rate >= theirs.exact_rate,
                ),
            )
            for what, ok in checks:
                lines.append(f"  {'met ' if ok else 'MISSED'}  {group}/{language}: {what}")
    return lines


def report(args: argparse.Namespace) -> dict[str, Any]:
    texts = es.load_corpus()
    table = evaluate(texts)
    print(
        "set/language   gold  vntimeline: P     R    F1  exact   dateparser: P     R    F1  exact"
    )
    for group in (*SETS, "all"):
        for language, cell in sorted(table.get(group, {}).items(), key=lambda kv: kv[0] != "all"):
            print(_row(f"{group}/{language}", cell))
    speed = throughput(texts, args.repeat)
    print(
        f"\nthroughput on the same {sum(len(t.text) for t in texts):,} characters: "
        f"vntimeline {speed['vntimeline']:,.0f} chars/s, dateparser {speed['dateparser']:,.0f} "
        f"chars/s: {speed['speedup']:.1f}x (target >= {TARGET_SPEEDUP:.0f}x)"
    )
    sizes = (0.1, 0.2, 0.4) if args.quick else (1.0, 2.0, 5.0, 10.0)
    rows = scaling(sizes)
    print("\nvntimeline alone on long articles (seeds repeated):")
    for row in rows:
        print(f"  {row['mib']:5.2f} MiB  {row['seconds']:7.2f} s  {row['finds']:>8,} finds")
    print("\ntargets:")
    verdicts = _verdicts(table)
    verdicts.append(
        f"  {'met ' if speed['speedup'] >= TARGET_SPEEDUP else 'MISSED'}  "
        f"throughput {speed['speedup']:.1f}x >= {TARGET_SPEEDUP:.0f}x dateparser"
    )
    print("\n".join(verdicts))
    if args.misses:
        for group in LISTED:
            print(f"\nmisses of the {group} set:")
            for miss in table[group]["all"]["vntimeline"].misses:
                print("  " + miss)
    return {
        "sets": {
            group: {
                language: {name: counts.as_dict() for name, counts in cell.items()}
                for language, cell in languages.items()
            }
            for group, languages in table.items()
        },
        "throughput_chars_per_s": speed,
        "scaling": rows,
        "targets": {"f1": TARGET_F1, "exact": TARGET_EXACT, "speedup": TARGET_SPEEDUP},
        "verdicts": [v.strip() for v in verdicts],
        "median_seconds_per_mib": statistics.median(r["seconds"] / r["mib"] for r in rows),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--misses", action="store_true", help="list the misses of the seen and opened sets"
    )
    parser.add_argument("--quick", action="store_true", help="small scaling sizes, one timing run")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (best is kept)")
    parser.add_argument("--out", type=Path, default=HERE / "extract_results.json")
    args = parser.parse_args(argv)
    if args.quick:
        args.repeat = 1
    results = report(args)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
