"""Helpers the readers share: looking words up, numbers, times and zones."""

from __future__ import annotations

import datetime as _dt
import re
import zoneinfo
from collections.abc import Mapping
from typing import Final

from .lexicon import Lexicon, Tense
from .reading import Anchor, Parsed, Reading
from .values import Day, valid_day

__all__ = [
    "Forced",
    "Groups",
    "checked_day",
    "fixed",
    "lookup",
    "month_of",
    "number",
    "time_of",
    "year2_of",
]

Groups = Mapping[str, str | None]

_OFFSET: Final = re.compile(r"(?:GMT|UTC)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?")
_SPACES: Final = re.compile(r"\s+")


def lookup(table: Mapping[str, int], word: str | None) -> int | None:
    """The table's entry for *word* (any case, spaces collapsed, a final '.' ignored)."""
    if word is None:
        return None
    key = _SPACES.sub(" ", word.strip().lower())
    found = table.get(key)
    if found is None and key.endswith("."):
        found = table.get(key[:-1])
    return found


def number(lex: Lexicon, word: str | None, default: int | None = None) -> int | None:
    """Digits or a number word of *lex* ("five", "năm", "vijf")."""
    if word is None:
        return default
    if word.isdigit():
        return int(word)
    return lookup(lex.numbers, word)


def month_of(g: Groups, lex: Lexicon, name: str = "month", digits: str = "mon") -> int | None:
    """The month of a match: a name in group *name* or a number in group *digits*."""
    if g.get(name):
        return lookup(lex.months, g[name])
    text = g.get(digits)
    return int(text) if text else None


def year2_of(text: str, first: int) -> int:
    """The last year of a range: four digits, or two that continue *first* (2017-18)."""
    if len(text) == 4:
        return int(text)
    century = first - first % 100
    value = century + int(text)
    return value if value > first else value + 100


def _zone_offset(lex: Lexicon, zone: str, moment: _dt.datetime) -> str | None:
    """The written offset of a zone at a local moment: ``+07``, ``-05:00``, ``Z``."""
    found = _OFFSET.fullmatch(zone.strip())
    if found is not None:
        sign = "-" if found[1] in "-−" else "+"
        hours = int(found[2])
        if hours > 14:
            return None
        return f"{sign}{hours:02d}" + (f":{found[3]}" if found[3] else "")
    if zone in ("GMT", "UTC"):
        return "Z"
    named = lex.zones.get(zone)
    if named is None or named[0] in "+-Z":
        return named
    offset = moment.replace(tzinfo=zoneinfo.ZoneInfo(named)).utcoffset()
    assert offset is not None  # a ZoneInfo always has one
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _iso_offset(text: str) -> str:
    """An ISO offset as EDTF writes it: ``+0700`` becomes ``+07:00``."""
    if len(text) == 5:
        return f"{text[:3]}:{text[3:]}"
    return text


def time_of(g: Groups, lex: Lexicon, day: Day) -> str | None:
    """The ``THH:MM[:SS][offset]`` part of a match ('' without a time, None if impossible)."""
    if not g.get("hour"):
        return ""
    hour, minute = int(g["hour"] or 0), int(g["minute"] or 0)
    ampm = (g.get("ampm") or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    second = f":{g['second']}" if g.get("second") else ""
    offset = ""
    if g.get("iso"):
        offset = _iso_offset(g["iso"] or "")
    elif g.get("zone"):
        moment = _dt.datetime(*day, hour, minute)
        found = _zone_offset(lex, g["zone"] or "", moment)
        if found is None:
            return None
        offset = found
    return f"T{hour:02d}:{minute:02d}{second}{offset}"


def fixed(value: str, note: str, anchor: int | None = None) -> Parsed:
    """A find whose value does not depend on its context."""
    reading = Reading(value, note, anchor)
    return Parsed(lambda ctx: reading)


def checked_day(y: int, m: int, d: int) -> Day | None:
    """``(y, m, d)`` when that day exists."""
    return (y, m, d) if valid_day(y, m, d) else None


class Forced:
    """A context whose tense is given by the words ("last May", "next Monday"), not the clause."""

    def __init__(self, published: Day, tense: Tense | None, anchor: Anchor | None = None) -> None:
        self._published = published
        self._tense = tense
        self._anchor = anchor

    @property
    def published(self) -> Day:
        """The publication day."""
        return self._published

    @property
    def tense(self) -> Tense | None:
        """The tense the words force."""
        return self._tense

    @property
    def anchor(self) -> Anchor | None:
        """No narrative year: the words point from publication."""
        return self._anchor
