"""The extraction evaluation's corpus and scorer (issue 17), shared by the report and the tests.

The gold is in ``tests/extract/gold/``: ``corpus.json`` names each text, its
language, publication date and set (seen, opened or unseen, fixed before any rule
was written: ``SPLIT.md``), and ``<name>.jsonl`` lists its date expressions.

Scoring matches found spans to gold spans one to one, by overlap, in text
order. Precision, recall and F1 count the matches; the exact-value rate is
the share of gold expressions whose match has the gold's value. Values are
compared after dropping the uncertainty mark ``?``: it says how sure the
extractor is, and the gold does not judge that; ``~`` (approximate) counts.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "extract" / "gold"

#: (start, end, value)
Span = tuple[int, int, str]


@dataclass(frozen=True)
class Text:
    """One text of the corpus, with its gold."""

    name: str
    language: str
    published: str
    set: str
    text: str
    gold: tuple[Span, ...]


def load_corpus(gold_dir: Path = GOLD) -> list[Text]:
    """Every text of ``corpus.json`` with its gold, in the file's order."""
    corpus = json.loads((gold_dir / "corpus.json").read_text(encoding="utf-8"))
    texts = []
    for name, meta in corpus.items():
        with (ROOT / meta["path"]).open(encoding="utf-8", newline="") as f:
            text = f.read()
        lines = (gold_dir / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        gold = tuple(
            (row["start"], row["end"], row["value"]) for row in map(json.loads, filter(None, lines))
        )
        texts.append(Text(name, meta["language"], meta["published"], meta["set"], text, gold))
    return texts


@dataclass
class Counts:
    """Matches of found spans against gold spans, over one text or many."""

    gold: int = 0
    found: int = 0
    matched: int = 0
    exact: int = 0
    misses: list[str] = field(default_factory=list)

    def __iadd__(self, other: Counts) -> Counts:
        self.gold += other.gold
        self.found += other.found
        self.matched += other.matched
        self.exact += other.exact
        self.misses.extend(other.misses)
        return self

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def exact_rate(self) -> float:
        return self.exact / self.gold if self.gold else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "found": self.found,
            "matched": self.matched,
            "exact": self.exact,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "exact_rate": round(self.exact_rate, 4),
        }


def same_value(a: str, b: str) -> bool:
    """Whether two EDTF values agree, ignoring the uncertainty mark ``?``."""
    return a.replace("?", "") == b.replace("?", "")


def score(gold: Sequence[Span], found: Sequence[Span], text: str = "") -> Counts:
    """Match *found* to *gold* one to one by overlapping span (each gold takes the
    first unmatched find that overlaps it); *text*, when given, names the misses."""
    counts = Counts(gold=len(gold), found=len(found))
    taken = [False] * len(found)
    for g_start, g_end, g_value in gold:
        for i, (f_start, f_end, f_value) in enumerate(found):
            if taken[i] or f_end <= g_start or f_start >= g_end:
                continue
            taken[i] = True
            counts.matched += 1
            if same_value(g_value, f_value):
                counts.exact += 1
            elif text:
                counts.misses.append(f"value {text[f_start:f_end]!r}: {f_value} (gold {g_value})")
            break
        else:
            if text:
                counts.misses.append(f"missed {text[g_start:g_end]!r} ({g_value})")
    if text:
        counts.misses.extend(
            f"extra {text[s:e]!r} ({v})" for (s, e, v), t in zip(found, taken, strict=True) if not t
        )
    return counts


def published_datetime(published: str) -> _dt.datetime:
    """The publication moment as a naive local date-time (dateparser's RELATIVE_BASE)."""
    return _dt.datetime.fromisoformat(published).replace(tzinfo=None)


def vntimeline_spans(item: Text) -> list[Span]:
    """What vntimeline's extractor finds in *item*."""
    import vntimeline

    finds = vntimeline.extract(item.text, published=item.published, language=item.language)
    return [(f.start, f.end, f.value) for f in finds]


def dateparser_search(item: Text) -> list[tuple[str, _dt.datetime]]:
    """What ``dateparser.search.search_dates`` finds (the baseline the issue names)."""
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": published_datetime(item.published)}
    found = search_dates(item.text, languages=[item.language], settings=settings)
    return list(found or [])


def dateparser_spans(item: Text, found: Iterable[tuple[str, _dt.datetime]]) -> list[Span]:
    """dateparser's finds as spans and EDTF values, at the precision it reports for each."""
    from dateparser.date import DateDataParser

    settings = {"RELATIVE_BASE": published_datetime(item.published)}
    parser = DateDataParser(languages=[item.language], settings=settings)
    spans = []
    at = 0
    for phrase, moment in found:
        start = item.text.find(phrase, at)
        if start < 0:
            continue
        at = start + len(phrase)
        period = parser.get_date_data(phrase).period or "day"
        spans.append((start, at, _edtf(moment, period)))
    return spans


def _edtf(moment: _dt.datetime, period: str) -> str:
    """A dateparser result as EDTF at its period's precision."""
    if period == "year":
        return f"{moment.year:04d}"
    if period == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if period == "time":
        return moment.strftime("%Y-%m-%dT%H:%M")
    return moment.strftime("%Y-%m-%d")
