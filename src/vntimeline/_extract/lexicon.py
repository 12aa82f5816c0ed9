"""What a language's rule table is made of: its words, and rules written over them.

A language module (``rules_en``, ``rules_vi``, ``rules_nl``) is data only: a
:class:`Lexicon` (month names, number words, the words for "last", "early",
"quarter", the markers of past and future tense) and a tuple of
:class:`Rule` (a regular expression written with ``{MACROS}`` that stand
for the lexicon's words, and the *kind* of reader that turns a match into a
date). :mod:`.patterns` expands the macros; :mod:`.readers` holds one reader
per kind, shared by every language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import attrs

__all__ = ["Lexicon", "Rule", "Tense"]

Tense = Literal["past", "future"]


@attrs.frozen
class Rule:
    """One pattern of a language and the kind of reader that reads its matches.

    ``pattern`` is the *core* of the expression and starts with what is most
    telling about it (a digit, a month name, "quarter"), so that the regular
    expression engine can skip quickly to where it may match. ``before`` is
    the context to its left ("from", "the first", "in"), matched backwards
    from where the core starts; with ``needs_before`` a core without it is not
    a date ("May" alone is not, "in May" is).

    Group names are the readers' vocabulary: ``day``, ``month`` (a name),
    ``mon`` (a number), ``year``, the same with ``2`` for a range's last date,
    ``hour``/``minute``/``second``/``ampm``/``zone`` of a time, ``num`` and
    ``unit`` of a count, ``rel`` (last/this/next), ``part`` (early/late...),
    ``ord`` (first/second... of a quarter or half), ``season``, ``wd`` (a
    weekday), ``dir`` (last/next before a month or weekday name), ``target``
    ("by 2030") and ``since``. A group ``lead`` in ``before`` is context the
    find leaves out ("in" before "May").
    """

    kind: str
    pattern: str
    before: str = ""
    needs_before: bool = False


@attrs.frozen
class Lexicon:
    """The words of one language that the rules and readers look up (lower case)."""

    language: str
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    numbers: Mapping[str, int]
    #: Ordinals for quarters and halves ("second" -> 2), Roman numerals included.
    ordinals: Mapping[str, int]
    #: "last" -> -1, "this" -> 0, "next" -> 1 (for years, months, weeks).
    relative: Mapping[str, int]
    #: Relative day words: "yesterday" -> -1.
    days: Mapping[str, int]
    #: "year" -> "year"; also month, week, day, decade.
    units: Mapping[str, str]
    #: "early" -> "early"; the readers know early, mid, late, begin, end, earlier, later.
    parts: Mapping[str, str]
    #: "spring" -> 21 (EDTF season codes).
    seasons: Mapping[str, int]
    #: Time zone words -> an offset ("+01") or an IANA zone ("America/New_York").
    zones: Mapping[str, str]
    #: Regular expressions of words that put a clause in the past or the future.
    past: tuple[str, ...]
    future: tuple[str, ...]
    #: Where a clause ends inside a sentence (besides ';').
    clause_breaks: tuple[str, ...]
    #: Words ending in '.' that do not end a sentence ("Dr.", "Feb.").
    abbreviations: frozenset[str]
    #: Whether 10/12/2025 is the 10th of December (True), October 12 (False),
    #: or decided by the numbers, month first when both could be (None).
    day_first: bool | None
    #: Whether month and weekday names must be capitalised (English "May").
    capitalised_names: bool = False
