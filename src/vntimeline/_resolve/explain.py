"""The words of an explanation: dates and weights in prose, lists, who said what.

Every decision the resolver makes comes with a sentence saying why (see
``docs/explanation/resolving.rst``). This module holds the pieces those
sentences are made of; :class:`Words` caches them for one resolve call,
since dates and sources repeat.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from fractions import Fraction

from .._model.dates import (
    MONTH_NAMES,
    OPEN_END,
    OPEN_START,
    DateRange,
    Precision,
    format_bounds,
    get_zone,
    local_date,
    time_unit,
)
from .._model.edtf import GROUPINGS
from .._model.events import Claim, Timeline
from .sweep import Rec

__all__ = [
    "Words",
    "format_weight",
    "grouping_words",
    "interval_prose",
    "join",
    "open_value",
    "unique",
]


def format_weight(weight: Fraction) -> str:
    """A weight as a person writes it: ``3``, ``1.5``, ``2/3``."""
    if weight.denominator == 1:
        return str(weight.numerator)
    den = weight.denominator
    for prime in (2, 5):
        while den % prime == 0:
            den //= prime
    if den != 1:  # not a terminating decimal
        return str(weight)
    digits = 0
    while (weight * 10**digits).denominator != 1:
        digits += 1
    whole, frac = divmod(int(abs(weight) * 10**digits), 10**digits)
    return f"{'-' if weight < 0 else ''}{whole}.{frac:0{digits}d}"


def join(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def unique(items: Iterable[str]) -> list[str]:
    """*items* without repeats, first occurrence kept."""
    return list(dict.fromkeys(items))


def _unit_words(moment: _dt.datetime, precision: Precision) -> str:
    """One unit of *precision* in words: "2021", "April 2024", "9 March 2026, 03:00"."""
    if precision == "year":
        return str(moment.year)
    month = f"{MONTH_NAMES[moment.month - 1]} {moment.year}"
    if precision == "month":
        return month
    day = f"{moment.day} {month}"
    if precision == "day":
        return day
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    if moment.second:
        clock += f":{moment.second:02d}"
    return f"{day}, {clock}"


def open_value(lo: int, hi: int, zone: str, precision: Precision) -> str:
    """EDTF for ``[lo, hi)`` with an open side: ``[..2026-03-08]``, ``[2025-09..]``, ``..``.

    A result known only to lie in a range is written as the EDTF "one of" set
    it is (see ``docs/explanation/dates.rst``); each known end is its unit at
    *precision*.
    """
    if lo == OPEN_START and hi == OPEN_END:
        return ".."
    first = "" if lo == OPEN_START else format_bounds(lo, lo + 1, zone, precision)
    last = "" if hi == OPEN_END else format_bounds(hi - 1, hi, zone, precision)
    return f"[{first}..{last}]"


def _open_prose(lo: int, hi: int, zone: str, precision: Precision) -> str:
    """``[lo, hi)`` with an open side in words: "on or before 8 March 2026"."""
    tz = get_zone(zone)
    if lo == OPEN_START and hi == OPEN_END:
        return "at an unknown date"
    if lo == OPEN_START:
        return "on or before " + _unit_words(_dt.datetime.fromtimestamp(hi - 1, tz), precision)
    if hi == OPEN_END:
        return "on or after " + _unit_words(_dt.datetime.fromtimestamp(lo, tz), precision)
    first = _unit_words(_dt.datetime.fromtimestamp(lo, tz), precision)
    last = _unit_words(_dt.datetime.fromtimestamp(hi - 1, tz), precision)
    return f"some time from {first} to {last}"


def grouping_words(code: int, year: int) -> str:
    """A season, quarter or half in words: "spring 2025", "the second half of 2025"."""
    name = GROUPINGS[code][2]
    return f"{name} {year}" if code <= 24 else f"the {name} of {year}"


def interval_prose(lo: int, hi: int, zone: str, precision: Precision) -> str:
    """``[lo, hi)`` in words at *precision* (see :meth:`Words.prose`)."""
    if lo == OPEN_START or hi == OPEN_END:
        return _open_prose(lo, hi, zone, precision)
    tz = get_zone(zone)
    first = _dt.datetime.fromtimestamp(lo, tz)
    if precision == "time":
        last = _dt.datetime.fromtimestamp(hi - time_unit(lo, hi), tz)
    else:
        last = _dt.datetime.fromtimestamp(hi - 1, tz)
        if precision == "year" and first.year != last.year:
            width = last.year - first.year + 1
            if width == 10 and first.year % 10 == 0:
                return f"the {first.year}s"
    a, b = _unit_words(first, precision), _unit_words(last, precision)
    return a if a == b else f"{a} to {b}"


class Words:
    """The explanation words of one resolve call, each formatted once.

    The resolver and the order constraints both name intervals and cite
    undated sources; of the timeline, only its source lookup is kept.
    """

    def __init__(self, timeline: Timeline) -> None:
        self._source = timeline.source
        self._values: dict[tuple[int, int, str, str], str] = {}
        self._proses: dict[tuple[int, int, str, str], str] = {}

    def value(self, lo: int, hi: int, zone: str, precision: Precision) -> str:
        """EDTF for ``[lo, hi)`` at *precision* in *zone*."""
        key = (lo, hi, zone, precision)
        found = self._values.get(key)
        if found is None:
            if lo == OPEN_START or hi == OPEN_END:
                found = open_value(lo, hi, zone, precision)
            else:
                found = format_bounds(lo, hi, zone, precision)
            self._values[key] = found
        return found

    def prose(self, lo: int, hi: int, zone: str, precision: Precision) -> str:
        """``[lo, hi)`` in words: "9 March 2026", "April 2024", "8 March 2026 to 9 March 2026"."""
        key = (lo, hi, zone, precision)
        found = self._proses.get(key)
        if found is None:
            found = self._proses[key] = interval_prose(lo, hi, zone, precision)
        return found

    def claim_prose(self, rec: Rec, zone: str) -> str:
        """What a claim says, in words; a time with an offset also shows the local time."""
        date = rec.date
        if isinstance(date, DateRange):
            return self._range_prose(rec, date, zone)
        words = self.prose(rec.lo, rec.hi, zone, date.precision)
        if date.grouping is not None:
            words = grouping_words(date.grouping, date.year)
        if date.utc_offset is not None:
            words = f"{rec.text} ({words} local time)"
        if date.qualifier == "~":
            words = f"about {words}"
        return words

    def _range_prose(self, rec: Rec, date: DateRange, zone: str) -> str:
        """A range in words, saying so when its last day is the day its source appeared."""
        if date.lower is None and date.upper is None:
            return "still going on"  # only a span's end may be ``..``
        words = self.prose(rec.lo, rec.hi, zone, date.precision)
        source = self._source(rec.source)
        published = source.published
        if (
            date.lower is None
            and date.upper is not None
            and date.precision == "day"
            and published is not None
            and local_date(published.bounds(zone)[0], zone) == local_date(rec.hi - 1, zone)
        ):
            words += f" (reported that day by {source.publisher})"
        return words

    def who_said_what(self, recs: list[Rec], zone: str) -> list[str]:
        """One phrase per distinct reading, in date order: "A and B say 9 March 2026"."""
        groups: dict[str, list[str]] = {}
        for r in recs:
            groups.setdefault(self.claim_prose(r, zone), []).append(r.info.label)
        phrases = []
        for words, labels in groups.items():
            labels = unique(labels)
            phrases.append(f"{join(labels)} {'says' if len(labels) == 1 else 'say'} {words}")
        return phrases

    def undated_note(self, claims: list[Claim], lead: str) -> str:
        """A sentence about claims that give no date (and *lead*, if any)."""
        names = sorted({self._source(c.source).publisher for c in claims})
        note = f"Cited without a date by {join(names)}." if names else ""
        if lead:
            return f"{lead}. {note}" if note else f"{lead}."
        return note
