"""The shape of a text: sentences (for quotes), paragraphs (for the narrative) and tense.

Everything is found in one pass over the text and looked up by offset with
a binary search, so the cost stays linear in the text's length.

* A sentence ends at a line break, or at '.', '!' or '?' followed by space
  and a word that does not start in lower case, unless the word before the
  '.' is an abbreviation of the language ("Feb.", "Dr.") or an initial.
* A paragraph ends at a blank line; a text with no blank line at all has a
  paragraph per line.
* The tense of a clause is that of the nearest marker word ("will", "đã",
  "werd") in the clause before the find, else after it, else in the rest of
  the sentence. Clauses are split at ';', ':' and the language's conjunctions.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

from .lexicon import Lexicon, Tense

__all__ = ["TextMap", "tense_regex"]

_PUNCT: Final = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s)|\n")
_BLANK_LINE: Final = re.compile(r"\n[ \t\r]*\n")
_INITIAL: Final = re.compile(r"(?:\w{1,2}\.)+\w{1,2}")


def tense_regex(lex: Lexicon) -> re.Pattern[str]:
    """One expression for the past and future markers of *lex*."""
    past = "|".join(lex.past)
    future = "|".join(lex.future)
    return re.compile(rf"(?i:\b(?:(?P<past>{past})|(?P<future>{future}))\b)")


def clause_regex(lex: Lexicon) -> re.Pattern[str]:
    """Where clauses end inside a sentence."""
    return re.compile("|".join(("[;:]", *lex.clause_breaks)), re.IGNORECASE)


class TextMap:
    """Sentence and paragraph bounds of one text, and the tense around an offset."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self._lex = lex
        self._starts, self._ends = self._sentences(text, lex.abbreviations)
        breaks = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
        self._paragraphs = [m.end() for m in breaks.finditer(text)]
        self._tenses = tense_regex(lex)
        self._clauses = clause_regex(lex)
        self._markers: dict[int, list[tuple[int, int, Tense]]] = {}

    @staticmethod
    def _sentences(text: str, abbreviations: frozenset[str]) -> tuple[list[int], list[int]]:
        """The start and end offsets of every sentence (ends exclusive, spaces trimmed)."""
        starts, ends = [], []
        start = 0
        for found in _PUNCT.finditer(text):
            end = found.end()
            if found.group() != "\n":
                if not _ends_sentence(text, found.start(), end, abbreviations):
                    continue
            else:
                end = found.start()
            starts.append(start)
            ends.append(end)
            start = found.end()
        starts.append(start)
        ends.append(len(text))
        return starts, ends

    def sentence(self, pos: int) -> int:
        """The index of the sentence that holds offset *pos*."""
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def paragraph(self, pos: int) -> int:
        """The index of the paragraph that holds offset *pos*."""
        return bisect.bisect_right(self._paragraphs, pos)

    def quote(self, start: int, end: int) -> str:
        """The sentence (or sentences) holding ``text[start:end]``, verbatim."""
        first, last = self.sentence(start), self.sentence(max(start, end - 1))
        lo, hi = self._starts[first], max(self._ends[last], end)
        return self.text[lo:hi].strip()

    def tense(self, start: int, end: int) -> Tense | None:
        """The tense of the clause around ``text[start:end]``, if a marker shows one."""
        index = self.sentence(start)
        markers = self._sentence_markers(index)
        if not markers:
            return None
        lo, hi = self._starts[index], self._ends[index]
        c_lo, c_hi = lo, hi
        for found in self._clauses.finditer(self.text, lo, hi):
            if found.end() <= start:
                c_lo = found.end()
            elif found.start() >= end:
                c_hi = found.start()
                break
        return _nearest(markers, start, end, c_lo, c_hi) or _nearest(markers, start, end, lo, hi)

    def _sentence_markers(self, index: int) -> list[tuple[int, int, Tense]]:
        """The tense markers of sentence *index* (computed once)."""
        if index not in self._markers:
            lo, hi = self._starts[index], self._ends[index]
            self._markers[index] = [
                (m.start(), m.end(), "past" if m.group("past") else "future")
                for m in self._tenses.finditer(self.text, lo, hi)
            ]
        return self._markers[index]


def _nearest(
    markers: list[tuple[int, int, Tense]], start: int, end: int, lo: int, hi: int
) -> Tense | None:
    """The marker in ``[lo, hi)`` nearest before the find, else nearest after it."""
    before = [m for m in markers if lo <= m[0] and m[1] <= start]
    if before:
        return before[-1][2]
    after = [m for m in markers if m[0] >= end and m[1] <= hi]
    return after[0][2] if after else None


def _ends_sentence(text: str, punct: int, end: int, abbreviations: frozenset[str]) -> bool:
    """Whether the punctuation at ``text[punct:end]`` ends a sentence."""
    following = end
    while following < len(text) and text[following] in " \t\r\xa0":
        following += 1
    if following < len(text) and text[following].islower():
        return False
    if text[punct] != ".":
        return True
    word_start = punct
    while word_start > 0 and punct - word_start < 12 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:punct].lstrip("(\"“'‘").lower()
    if word in abbreviations:
        return False
    # An initial ("J. Doe") or a dotted abbreviation ("U.S.") does not end one.
    letters = word.replace(".", "")
    if not letters.isalpha():
        return True
    return not (len(letters) == 1 or ("." in word and _INITIAL.fullmatch(word)))
