"""Which existing event a date found in an article is about.

Theory. An event is known by its names: its title, its aliases, its location
and the words of its id. A sentence is about an event when it uses the words
that *only that event* is called by. So each word of the events' names gets
a weight, as TF-IDF does over a tiny corpus whose documents are the events:

* a word that names one event weighs 1, a word that names many little: BM25's
  idf ``log((N - df + 0.5) / (df + 0.5))``, scaled so that ``df = 1`` gives 1,
  and squared, so that "Vietnam" (in a third of the titles) counts for almost
  nothing while "roundtable" (in two) still counts well;
* a word that some name writes as a name (capitalised inside it, all
  capitals, or with digits: ``Nanning``, ``VINEU``, ``57``) counts fully, a
  common word (``second``, ``top``, ``update``) half;
* function words of English, Dutch and Vietnamese never count.

Words are compared case folded and without diacritics (``Bình`` is ``binh``),
two short syllables also as one word (``Hà Nội`` is ``hanoi``), and the date's
own words are left out: ``2025`` in "Digital Week 2025" must not point to
every event with 2025 in its name.

The evidence for an event is the sum of the weights of its words found near
the date, a word counting less the further it is from the date (down to
half; words more than a thousand characters away are not read). The score
is ``(1 - exp(-evidence))`` times ``(1 + coverage) / 2``, where coverage is
the share of the best-matched name's weight that was found: "ASEAN-China
ministerial roundtable" scores higher than "roundtable". The sentence is
read first; only when it names no event (scores under a quarter) is the rest
of its paragraph (its line) read too, at half weight. The best event is chosen when
it scores at least :data:`THRESHOLD` and beats the runner-up by
:data:`MARGIN`; otherwise the find is left without one (it may be new).

One sentence gives one date per event: when several finds of a sentence
choose the same event, it goes to the most precise of them, then to the one
nearest the words that named it ("A UNESCO report released in October ...
134 AI studies in 2010": the report is dated October, not 2010).
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Final, NamedTuple

import attrs

from .._model.events import Event
from .find import Find

__all__ = [
    "MARGIN",
    "THRESHOLD",
    "EventIndex",
    "Match",
    "best_match",
    "fold",
    "match_finds",
    "sentence_span",
]

#: The lowest score that names an event.
THRESHOLD: Final = 0.4
#: How much the best event must beat the runner-up by.
MARGIN: Final = 0.03
#: A sentence scoring this much for some event is not read with its paragraph.
_HINT: Final = 0.25
#: The weight of a word found in the paragraph but not in the sentence.
_PARAGRAPH: Final = 0.5
#: The weight of a common word of a name (one not written as a name).
_COMMON: Final = 0.5
#: How fast a word's weight falls with its distance from the date (code points).
_REACH: Final = 60.0
#: Longer date expressions than this are not expected (for finding the finds near one).
_LONGEST: Final = 200
#: How far from the date words are read at all (code points).
_WINDOW: Final = 1000
#: What a word far from the date still counts.
_FAR: Final = 0.5

#: A word: a number with its separators (``10:00``, ``61.42``), or letters and
#: digits with their combining marks (text in NFD keeps its accents).
_WORD: Final = re.compile(r"\d+(?:[.,:]\d+)+|[\w\u0300-\u036f]+")

#: Words that never tell events apart, after folding: English, Dutch, Vietnamese.
_STOPWORD_LINES: Final = """
    a an and are as at be by for from has have in into is it its of on or that the this
    to was were will with new first until after before about among up
    de het een en van op voor met die dat tot over aan bij uit naar als zijn wordt
    va cua trong cac cho voi la duoc ve nam ngay thang nhung mot tai tu den nay
"""
_STOPWORDS: Final = frozenset(_STOPWORD_LINES.split())

#: How precise a find is, for choosing one date per event in a sentence.
_PRECISION_RANK: Final = {"time": 3, "day": 2, "month": 1, "year": 0}


class _Word(NamedTuple):
    folded: str
    start: int
    written: str


@functools.lru_cache(maxsize=1 << 16)  # words repeat: each is folded once
def fold(text: str) -> str:
    """*text* case folded and without diacritics (``Đà Nẵng`` -> ``da nang``)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _words(text: str, offset: int = 0) -> Iterator[_Word]:
    """The words of *text* that can name something, with where they start."""
    previous: _Word | None = None
    for found in _WORD.finditer(text):
        word = _Word(fold(found.group()), found.start() + offset, found.group())
        if previous is not None and _syllables(previous, word, text, offset):
            yield _Word(previous.folded + word.folded, previous.start, previous.written)
        previous = word
        if len(word.folded) > 1 and word.folded not in _STOPWORDS:
            yield word


def _syllables(first: _Word, second: _Word, text: str, offset: int) -> bool:
    """Whether two words are short syllables of one name (``Hà Nội``, ``Ha Noi``)."""
    between = text[first.start - offset + len(first.written) : second.start - offset]
    return (
        between == " "
        and first.written[:1].isupper()
        and second.written[:1].isupper()
        and all(len(w.folded) <= 4 and w.folded.isalpha() for w in (first, second))
    )


def _is_name(written: str, first: bool) -> bool:
    """Whether a word is written as a name: digits, all capitals, or capitalised inside."""
    if any(c.isdigit() for c in written):
        return True
    if len(written) > 1 and written.isupper():
        return True
    return written[:1].isupper() and not first


@attrs.frozen
class _Known:
    """One event's words: the weight of each, and each name's words."""

    id: str
    weights: dict[str, float]
    names: tuple[frozenset[str], ...]


@attrs.frozen
class Match:
    """An event a find is about: its id, how sure (0..1), and the words that said so."""

    event: str
    score: float
    #: The words as the article writes them, strongest first.
    words: tuple[str, ...]
    #: Where those words are (offsets in the text).
    offsets: tuple[int, ...]
    #: ``sentence`` or ``paragraph``: what was read to find them.
    where: str = "sentence"


class EventIndex:
    """The events' names, weighted, ready to be matched against sentences."""

    def __init__(self, events: Iterable[Event]) -> None:
        named: list[tuple[str, list[set[str]]]] = []
        names_as_names: set[str] = set()
        for event in events:
            names = [event.title, *event.aliases, event.location or ""]
            sets = []
            for name in names:
                words = list(_words(name))
                names_as_names.update(
                    w.folded for i, w in enumerate(words) if _is_name(w.written, i == 0)
                )
                sets.append({w.folded for w in words})
            sets.append({w.folded for w in _words(event.id.replace("-", " "))})
            named.append((event.id, [s for s in sets if s]))
        frequency: dict[str, int] = defaultdict(int)
        for _id, sets in named:
            for word in set().union(*sets):
                frequency[word] += 1
        total = len(named)
        scale = math.log((total - 0.5) / 1.5) if total > 2 else 1.0

        def rarity(word: str) -> float:
            # BM25's idf, scaled to 1 for a word of one event and squared, so
            # that a word of a third of the events ("Vietnam") weighs little.
            df = frequency[word]
            return max(0.0, math.log((total - df + 0.5) / (df + 0.5)) / scale) ** 2

        self._by_word: dict[str, list[_Known]] = defaultdict(list)
        for event_id, sets in named:
            weights = {
                word: rarity(word) * (1.0 if word in names_as_names else _COMMON)
                for word in set().union(*sets)
            }
            known = _Known(event_id, weights, tuple(frozenset(s) for s in sets))
            for word in weights:
                self._by_word[word].append(known)

    def candidates(self, words: Sequence[tuple[_Word, float]], where: str) -> list[Match]:
        """Every event some of *words* (each with how much it counts) names, best first."""
        found: dict[str, tuple[float, _Word]] = {}
        for word, factor in words:
            if word.folded in self._by_word and factor > found.get(word.folded, (0.0,))[0]:
                found[word.folded] = (factor, word)
        knowns = {k.id: k for w in found for k in self._by_word[w]}
        matches = []
        for known in knowns.values():
            hit = {w: known.weights[w] * found[w][0] for w in found if w in known.weights}
            evidence = sum(hit.values())
            if evidence <= 0:
                continue
            coverage = max(
                sum(hit.get(w, 0.0) for w in name) / (sum(known.weights[w] for w in name) or 1.0)
                for name in known.names
            )
            score = (1 - math.exp(-evidence)) * (1 + coverage) / 2
            ranked = sorted((w for w in hit if hit[w] > 0), key=lambda w: -hit[w])
            matches.append(
                Match(
                    known.id,
                    round(score, 2),
                    tuple(found[w][1].written for w in ranked),
                    tuple(found[w][1].start for w in ranked),
                    where,
                )
            )
        matches.sort(key=lambda m: (-m.score, m.event))
        return matches


def sentence_span(text: str, find: Find) -> tuple[int, int]:
    """Where the find's sentence (its ``quote``) is in *text*; the find's own span if absent."""
    quote = find.quote
    if quote:
        at = text.find(quote, max(0, find.end - len(quote)), find.start + len(quote))
        while at != -1 and at <= find.start:
            if at + len(quote) >= find.end:
                return at, at + len(quote)
            at = text.find(quote, at + 1, find.start + len(quote))
    return find.start, find.end


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (paragraph) around ``[start, end)``."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end == -1 else line_end


def _near(word: _Word, find: Find) -> float:
    """How much a word of the sentence counts: 1 beside the date, less further from it."""
    distance = max(find.start - (word.start + len(word.written)), word.start - find.end, 0)
    return _FAR + (1 - _FAR) * math.exp(-distance / _REACH)


def best_match(
    index: EventIndex, text: str, find: Find, dates: Sequence[tuple[int, int]] = ()
) -> tuple[Match | None, list[Match]]:
    """The event *find* is about (or None), and the candidates that decided it.

    *dates* are the spans of the text's other finds, sorted: their words are
    dates, not names, and are left out like the find's own.
    """
    sent_start, sent_end = sentence_span(text, find)
    line_start, line_end = _line_span(text, sent_start, sent_end)
    # Words further than _WINDOW from the date are not read: they would weigh
    # little, and a text without line breaks must not be read once per find.
    line_start = max(min(line_start, sent_start), find.start - _WINDOW)
    line_end = min(max(line_end, sent_end), find.end + _WINDOW)
    # Only the finds near this one can hold a word read here.
    first = bisect.bisect_left(dates, (line_start - _LONGEST, 0))
    last = bisect.bisect_right(dates, (line_end, line_end))
    skip = [(find.start, find.end), *dates[first:last]]
    sentence: list[tuple[_Word, float]] = []
    paragraph: list[tuple[_Word, float]] = []
    for word in _words(text[line_start:line_end], line_start):
        word_end = word.start + len(word.written)
        if any(word.start < end and word_end > start for start, end in skip):
            continue
        if sent_start <= word.start < sent_end:
            sentence.append((word, _near(word, find)))
        else:
            paragraph.append((word, _PARAGRAPH))
    ranked = index.candidates(sentence, "sentence")
    # The paragraph is read only when the sentence names nothing at all: a
    # sentence that weakly names one event is not about another one nearby.
    if (not ranked or ranked[0].score < _HINT) and paragraph:
        ranked = index.candidates(sentence + paragraph, "paragraph")
    if not ranked or ranked[0].score < THRESHOLD:
        return None, ranked
    if len(ranked) > 1 and ranked[0].score - ranked[1].score < MARGIN:
        return None, ranked
    return ranked[0], ranked


def match_finds(text: str, finds: Sequence[Find], events: Iterable[Event]) -> tuple[Find, ...]:
    """*finds* with ``event`` set where their sentence is about a known event.

    The note of a matched find says how sure the match is ("event by the
    words 'ASEAN', 'Nanning' in the sentence (0.93)"); a find that matches
    nothing keeps ``event`` None, and one that matches two events equally
    well says which two in its note.
    """
    index = EventIndex(events)
    spans = sorted((find.start, find.end) for find in finds)
    chosen = [best_match(index, text, find, spans) for find in finds]
    _one_date_per_event(text, finds, chosen)
    return tuple(
        _annotated(find, match, ranked) for find, (match, ranked) in zip(finds, chosen, strict=True)
    )


def _one_date_per_event(
    text: str, finds: Sequence[Find], chosen: list[tuple[Match | None, list[Match]]]
) -> None:
    """Within one sentence, keep each event only on its most precise, nearest find."""
    groups: dict[tuple[int, int, str], list[int]] = defaultdict(list)
    for i, (find, (match, _ranked)) in enumerate(zip(finds, chosen, strict=True)):
        if match is not None:
            groups[(*sentence_span(text, find), match.event)].append(i)

    def preference(i: int) -> tuple[int, int, int]:
        match, find = chosen[i][0], finds[i]
        assert match is not None
        distance = min(max(at - find.end, find.start - at, 0) for at in match.offsets)
        return -_PRECISION_RANK.get(find.precision, 0), distance, find.start

    for members in groups.values():
        keep = min(members, key=preference)
        for i in members:
            if i != keep:
                chosen[i] = (None, [])


def _annotated(find: Find, match: Match | None, ranked: list[Match]) -> Find:
    """*find* with its event and a note on how sure that is."""
    if match is not None:
        words = ", ".join(repr(w) for w in match.words[:4])
        how = f"event by the words {words} in the {match.where} ({match.score:.2f})"
        return attrs.evolve(find, event=match.event, note=_join(find.note, how))
    if len(ranked) > 1 and ranked[0].score >= THRESHOLD:
        first, second = ranked[0], ranked[1]
        how = (
            f"event unclear: {first.event} ({first.score:.2f}) "
            f"or {second.event} ({second.score:.2f})"
        )
        return attrs.evolve(find, note=_join(find.note, how))
    return find


def _join(note: str, more: str) -> str:
    return f"{note}; {more}" if note else more
