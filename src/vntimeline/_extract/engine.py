"""The extractor: every rule's matches, the longest that do not overlap, read in text order.

Theory of operation
-------------------
1. **Scan.** Each rule of the language's table (:mod:`.rules_en`,
   :mod:`.rules_vi`, :mod:`.rules_nl`, after the shared :mod:`.rules_common`)
   runs over the whole text; its reader *parses* every match, dropping those
   whose numbers make no date (31 February, month 13).
2. **Choose.** Overlapping matches compete: the longest wins ("between 2023
   and 2024" over "2023"), then the earlier rule in the table, then the
   earlier start. Matches that overlap nothing are all kept.
3. **Read.** In text order, each chosen match is *resolved* with its
   context: the publication date, the tense of its clause and the year its
   paragraph last named (:func:`.reading.infer_year` has the tie-breaks).
   The value is checked with the model's EDTF parser before it is kept.

Every step is linear in the text's length: regular expressions without
nested repetition, a sort, and binary searches into the sentence bounds.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from types import ModuleType
from typing import Final, NamedTuple

from .._model.convert import DateLike, to_point
from .._model.dates import PRECISIONS, DateRange, PartialDate
from ..errors import DataError, DateError, OptionError
from . import read_fixed, read_parts, read_relative, rules_en, rules_nl, rules_vi
from .context import TextMap
from .find import Find
from .lexicon import Lexicon, Tense
from .patterns import STRICT_LEFT as _STRICT
from .patterns import CompiledRule, compile_rules
from .read_common import Groups
from .reading import Anchor, Parsed, Reading
from .values import Day

__all__ = ["LANGUAGES", "extract"]

#: The languages there are rules for, by their BCP 47 primary tag.
LANGUAGES: Final[dict[str, ModuleType]] = {"en": rules_en, "nl": rules_nl, "vi": rules_vi}

_READERS: Final[dict[str, Callable[[Groups, Lexicon], Parsed | None]]] = {
    **read_fixed.READERS,
    **read_parts.READERS,
    **read_relative.READERS,
}


#: How far left of a rule's core its context ("in the first ...") is looked for.
_BEFORE: Final = 60


class _Language(NamedTuple):
    lexicon: Lexicon
    rules: tuple[CompiledRule, ...]


class _Candidate(NamedTuple):
    start: int
    end: int
    rank: int
    parsed: Parsed


@functools.cache
def _language(code: str) -> _Language:
    """The compiled rules of a language (compiled once, on first use)."""
    module = LANGUAGES[code]
    lexicon: Lexicon = module.LEXICON
    for rule in module.RULES:
        if rule.kind not in _READERS:
            raise ValueError(f"rule of kind {rule.kind!r} in {code!r} has no reader")
    return _Language(lexicon, compile_rules(lexicon, module.RULES))


def extract(text: str, *, published: DateLike, language: str = "en") -> tuple[Find, ...]:
    """Every date expression of *text*, read into EDTF, in text order.

    *published* is the day the text appeared (EDTF text, a ``date`` or
    ``datetime``, or a :class:`~vntimeline.PartialDate` of day precision or
    finer); days and months written without a year take theirs from it and
    from the text. *language* is ``en``, ``vi`` or ``nl``.

    Raises :class:`~vntimeline.errors.DateError` for a *published* that is
    not a day, and :class:`~vntimeline.errors.OptionError` for an unknown
    language.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    pub = _publication_day(published)
    lang = _language(_language_code(language))
    chosen = _choose(_scan(text, lang))
    return tuple(_read(text, chosen, pub, lang.lexicon))


def _language_code(language: object) -> str:
    """The primary tag of *language* ("en-GB" -> "en"), if there are rules for it."""
    code = language.lower().replace("_", "-").split("-")[0] if isinstance(language, str) else ""
    if code not in LANGUAGES:
        raise OptionError(
            f"unknown language {language!r}: expected one of {', '.join(sorted(LANGUAGES))}"
        )
    return code


def _publication_day(published: DateLike) -> Day:
    """The publication day as written (a date-time's own local day)."""
    if isinstance(published, DateRange) or published is None:
        raise DateError(f"published: expected one day, got {published!r}")
    try:
        point = to_point("published", published)
    except DataError as exc:
        raise DateError(f"published: {exc.problems[0].message}") from None
    assert point is not None  # None was refused above
    if point.day is None or point.month is None:
        raise DateError(
            f"published: expected a day (such as 2025-09-19), got {str(point)!r}, "
            f"which has {point.precision} precision"
        )
    return point.year, point.month, point.day


def _scan(text: str, lang: _Language) -> list[_Candidate]:
    """Every match of every rule that parses as a date."""
    found = []
    lex = lang.lexicon
    for rule in lang.rules:
        reader = _READERS[rule.kind]
        for match in rule.regex.finditer(text):
            start, end = match.start(), match.end()
            if start and not _may_follow(text[start - 1], text[start], rule.left):
                continue
            groups = match.groupdict()
            if rule.before is not None:
                context = rule.before.search(text, max(0, start - _BEFORE), start)
                if context is not None and context.start() < start:
                    groups.update((k, v) for k, v in context.groupdict().items() if v)
                    start = context.end("lead") if groups.get("lead") else context.start()
                elif rule.needs_before:
                    continue
            while end > start and text[end - 1].isspace():
                end -= 1
            parsed = reader(groups, lex) if end > start else None
            if parsed is not None:
                found.append(_Candidate(start, end, rule.index, parsed))
    return found


def _may_follow(previous: str, first: str, left: str) -> bool:
    """Whether a match starting with *first* may follow *previous* (see ``CompiledRule.left``)."""
    if left:
        if previous in left:
            return False
        return left is not _STRICT or not (previous.isalnum() or previous == "_")
    # A word begins at a word's start, not inside one; but a capital after a
    # small letter starts a word that scraping glued on ("VietnamMar 9, 2026").
    if first.isupper() and previous.islower():
        return True
    return not (first.isalpha() and previous.isalnum())


def _choose(candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates that win their overlaps, in text order."""
    candidates.sort(key=lambda c: (c.start, -c.end))
    chosen: list[_Candidate] = []
    cluster: list[_Candidate] = []
    cluster_end = -1
    for candidate in candidates:
        if cluster and candidate.start >= cluster_end:
            chosen.extend(_pick(cluster))
            cluster = []
        cluster_end = candidate.end if not cluster else max(cluster_end, candidate.end)
        cluster.append(candidate)
    chosen.extend(_pick(cluster))
    return chosen


def _pick(cluster: list[_Candidate]) -> list[_Candidate]:
    """From overlapping candidates: longest first, then table order, then position."""
    if len(cluster) == 1:
        return cluster
    kept: list[_Candidate] = []
    for c in sorted(cluster, key=lambda c: (c.start - c.end, c.rank, c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept)


class _Context:
    """The context of one find (see :class:`.reading.Ctx`); the tense is looked up lazily."""

    def __init__(
        self, published: Day, textmap: TextMap, span: tuple[int, int], anchor: Anchor | None
    ) -> None:
        self.published = published
        self.anchor = anchor
        self._textmap = textmap
        self._span = span

    @functools.cached_property
    def tense(self) -> Tense | None:
        """The tense of the clause that holds the find."""
        return self._textmap.tense(*self._span)


class _Narrative:
    """The years the text last named: per paragraph (written out) and per sentence (relative)."""

    def __init__(self) -> None:
        self.written: tuple[int, int, int, str] | None = None  # paragraph, sentence, year, text
        self.relative: tuple[int, int, str] | None = None  # sentence, year, text

    def anchor(self, paragraph: int, sentence: int) -> Anchor | None:
        """The year a find in *paragraph*, *sentence* would take from the narrative."""
        if self.relative is not None and self.relative[0] == sentence:
            return Anchor(self.relative[1], self.relative[2], True)
        if self.written is not None and self.written[0] == paragraph:
            return Anchor(self.written[2], self.written[3], self.written[1] == sentence)
        return None

    def note(self, reading: Reading, paragraph: int, sentence: int, text: str) -> None:
        """Remember the year *reading* names, if it names one."""
        if reading.anchor is None:
            return
        if reading.local:
            self.relative = (sentence, reading.anchor, text)
        else:
            self.written = (paragraph, sentence, reading.anchor, text)
            self.relative = None


def _read(text: str, chosen: list[_Candidate], pub: Day, lex: Lexicon) -> list[Find]:
    """Resolve the chosen candidates in text order into finds."""
    textmap = TextMap(text, lex)
    narrative = _Narrative()
    finds = []
    for c in chosen:
        paragraph, sentence = textmap.paragraph(c.start), textmap.sentence(c.start)
        ctx = _Context(pub, textmap, (c.start, c.end), narrative.anchor(paragraph, sentence))
        reading = c.parsed.resolve(ctx)
        if reading is None:
            continue
        described = _describe(reading.value)
        if described is None:  # a reader's mistake: never propose an invalid value
            continue
        written = text[c.start : c.end]
        finds.append(
            Find(
                start=c.start,
                end=c.end,
                text=written,
                value=reading.value,
                precision=described[0],
                qualifier=described[1],
                quote=textmap.quote(c.start, c.end),
                note=reading.note,
            )
        )
        narrative.note(reading, paragraph, sentence, written)
    return finds


_RANK: Final = {p: i for i, p in enumerate(PRECISIONS)}
_INTERVAL: Final = re.compile(r"^([^\[/]+)/([^/]+)$")


@functools.lru_cache(maxsize=4096)
def _describe(value: str) -> tuple[str, str | None] | None:
    """The precision and qualifier of an EDTF value, or None if the model refuses it."""
    found = _INTERVAL.match(value)
    parts = [found[1], found[2]] if found else [value]
    try:
        dates = [PartialDate.parse(part) for part in parts]
    except DateError:
        return None
    precision = min((d.precision for d in dates), key=_RANK.__getitem__)
    qualifiers = {d.qualifier for d in dates}
    return precision, qualifiers.pop() if len(qualifiers) == 1 else None
