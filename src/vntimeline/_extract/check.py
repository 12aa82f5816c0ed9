"""The coverage audit: which dates of each seed no claim speaks for.

For every source with a ``seed``, the extractor reads the seed (in the
source's ``language``, years read from its ``published`` date) and each date
expression it finds is checked against the claims. A claim *covers* a find
when the place its quote occupies in the seed (found as the loader finds it,
white space collapsed) holds the find or overlaps the find's sentence. The
claims that count are the source's own and those of sources without a seed
that quote this one ("reported via" the seed, as the data file's header
explains). What is left is listed as ``SEED:LINE:COL: 'text' (value) not
covered by any claim of SOURCE``: dates a person has not yet judged. The
source's own publication day (its byline) is covered by its ``published``.

A source without a ``published`` date is read as of the latest date its
claims give, or of the latest publication date in the file: the values of
its finds are then a guess, but which of them are covered is not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Final

import attrs

from .._model.dates import PartialDate
from .._model.events import Claim, Source, Timeline
from .find import Find
from .match import sentence_span

__all__ = ["Uncovered", "audit", "quote_spans"]

#: The extractor: ``extract(text, published=..., language=...)``.
Extract = Callable[..., Sequence[Find]]

#: The languages the extractor reads; a source in another is skipped.
LANGUAGES: Final = ("en", "vi", "nl")

_SPACE: Final = re.compile(r"\s+")


@attrs.frozen
class Uncovered:
    """A date expression of a seed that no claim covers."""

    seed: str
    line: int
    column: int
    source: str
    find: Find

    def __str__(self) -> str:
        return (
            f"{self.seed}:{self.line}:{self.column}: {self.find.text!r} ({self.find.value}) "
            f"not covered by any claim of {self.source}"
        )


class _Collapsed:
    """A text with white space collapsed, and where each of its characters came from."""

    def __init__(self, text: str) -> None:
        collapsed: list[str] = []
        self._origin: list[int] = []
        for found in re.finditer(r"\s+|\S+", text):
            if found.group()[0].isspace():
                collapsed.append(" ")
                self._origin.append(found.start())
                continue
            # Quotes are NFC; a word of the text is compared in NFC too, each
            # of its characters placed within the word as written.
            word = unicodedata.normalize("NFC", found.group())
            collapsed.append(word)
            last = found.end() - 1
            self._origin.extend(min(found.start() + i, last) for i in range(len(word)))
        self._flat = "".join(collapsed)

    def spans(self, quote: str) -> list[tuple[int, int]]:
        """Every place *quote* occupies in the text (offsets of the original)."""
        needle = _SPACE.sub(" ", unicodedata.normalize("NFC", quote)).strip()
        spans = []
        at = self._flat.find(needle) if needle else -1
        while at != -1:
            spans.append((self._origin[at], self._origin[at + len(needle) - 1] + 1))
            at = self._flat.find(needle, at + 1)
        return spans


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Every place *quote* occupies in *text*, comparing with white space collapsed."""
    return _Collapsed(text).spans(quote)


def _as_of(source: Source, claims: Iterable[Claim], timeline: Timeline) -> str | None:
    """The date the seed of *source* is read as of (see the module's note)."""
    if source.published is not None:
        return str(source.published)
    dates: list[PartialDate] = [
        date
        for claim in claims
        for date in (claim.start, claim.end)
        if isinstance(date, PartialDate) and date.day is not None
    ]
    if not dates:
        dates = [s.published for s in timeline.sources if s.published is not None]
    if not dates:
        return None
    latest = max(dates, key=lambda d: (d.year, d.month or 0, d.day or 0))
    return f"{latest.year:04d}-{latest.month or 1:02d}-{latest.day or 1:02d}"


def _covering_claims(timeline: Timeline, source: Source) -> list[Claim]:
    """The claims that may cover the seed of *source*: its own, and unseeded sources'."""
    unseeded = {s.id for s in timeline.sources if s.seed is None}
    return [
        claim
        for event in timeline.events
        for claim in event.claims
        if claim.quote and (claim.source == source.id or claim.source in unseeded)
    ]


def audit(
    timeline: Timeline,
    folders: Sequence[Path],
    extract: Extract | None = None,
) -> tuple[list[Uncovered], list[str]]:
    """The finds of every seed that no claim covers, and notes on seeds not read.

    *folders* are where seeds are looked for, in order (the loader's);
    *extract* is the extractor (by default this package's).
    """
    if extract is None:
        from .engine import extract as default

        extract = default
    uncovered: list[Uncovered] = []
    notes: list[str] = []
    for source in timeline.sources:
        if source.seed is None:
            continue
        language = source.language.split("-")[0].lower()
        if language not in LANGUAGES:
            notes.append(f"{source.id}: language {source.language!r} is not read; skipped")
            continue
        path = next((f / source.seed for f in folders if (f / source.seed).is_file()), None)
        if path is None:
            notes.append(f"{source.id}: seed {source.seed} not found; skipped")
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            text = handle.read()
        claims = _covering_claims(timeline, source)
        as_of = _as_of(source, [c for c in claims if c.source == source.id], timeline)
        if as_of is None:
            notes.append(f"{source.id}: no published date, nor any to read it as of; skipped")
            continue
        if source.published is None:
            notes.append(f"{source.id}: no published date; years read as of {as_of}")
        collapsed = _Collapsed(text)
        spans = [span for claim in claims for span in collapsed.spans(claim.quote or "")]
        for find in extract(text, published=as_of, language=language):
            if not _covered(text, find, spans) and not _byline(find, source):
                line = text.count("\n", 0, find.start) + 1
                column = find.start - (text.rfind("\n", 0, find.start) + 1) + 1
                uncovered.append(Uncovered(str(path), line, column, source.id, find))
    return uncovered, notes


def _byline(find: Find, source: Source) -> bool:
    """Whether *find* is the source's own publication day (its ``published`` records it)."""
    day = find.value[:10]
    published = source.published
    return (
        published is not None
        and published.day is not None
        and find.precision in ("day", "time")
        and "/" not in find.value
        and day == f"{published.year:04d}-{published.month:02d}-{published.day:02d}"
    )


def _covered(text: str, find: Find, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether a quote's place holds the find or overlaps its sentence."""
    start, end = sentence_span(text, find)
    start, end = min(start, find.start), max(end, find.end)
    return any(a < end and b > start for a, b in spans)
