"""Dates, month names, plurals and lists from CLDR, through Babel (imported here only).

A date is written with the locale's own patterns: a day with its long date
format (``18 tháng 9, 2025``, ``18 september 2025``), a month with the
``yMMMM`` skeleton (``tháng 9 năm 2025``), a year with ``y``. Two dates that
share a year or a month are written with CLDR's interval formats, which
say what the ends share once (``18–19 september 2025``).

CLDR has no interval format for a day with a full month name (``yMMMMd``);
its skeleton-matching rules (UTS #35, "Missing Skeleton Fields") take the
nearest one (``yMMMd``) and widen its fields to the width asked for. Babel's
``format_interval`` matches but does not widen, and would write the month
short, so :func:`interval` does that step itself, on the pattern.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import TYPE_CHECKING, Final

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton, get_month_names
from babel.lists import format_list

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "day_and_time",
    "format_date",
    "interval",
    "list_of",
    "month_name",
    "plural_form",
    "skeleton_date",
]

#: The skeleton of a single date at each precision (``day`` is the long format).
_SKELETONS: Final = {"year": "y", "month": "yMMMM", "day": "yMMMMd"}
#: A quoted literal in a date pattern (``'năm '``), which field widening must skip.
_QUOTED: Final = re.compile(r"('(?:[^']|'')*')")
#: A month field three letters wide (abbreviated), not part of a wider one.
_SHORT_MONTH: Final = re.compile(r"(?<![ML])(MMM|LLL)(?![ML])")


@functools.cache
def _locale(lang: str) -> Locale:
    """The Babel locale of *lang* (parsed once)."""
    return Locale.parse(lang)


def month_name(month: int, lang: str, *, short: bool = False) -> str:
    """The name of *month* (1-12) as used in dates: ``tháng 9``, ``september``; or abbreviated."""
    names = get_month_names("abbreviated" if short else "wide", "format", _locale(lang))
    return str(names[month])


def skeleton_date(day: _dt.date, skeleton: str, lang: str) -> str:
    """*day* in the locale's pattern for *skeleton* (``yMMMd``: ``15 thg 1, 2026``)."""
    return str(format_skeleton(skeleton, day, locale=_locale(lang)))


def _single(day: _dt.date, precision: str, lang: str) -> str:
    """One unit (a year, a month or a day) of *precision* in words."""
    if precision == "day":
        # The long date format ("d MMMM, y" in Vietnamese) rather than the
        # skeleton's pattern, so one day reads as the ranges below do.
        return str(_babel_date(day, "long", locale=_locale(lang)))
    return skeleton_date(day, _SKELETONS[precision], lang)


# A feed repeats the same dates (sources' publication days) thousands of times.
@functools.lru_cache(maxsize=8192)
def format_date(first: _dt.date, last: _dt.date, precision: str, lang: str) -> str:
    """Words for ``first..last`` at *precision* (``time`` as ``day``), sharing what they share."""
    unit = "day" if precision == "time" else precision
    keys = {"year": 1, "month": 2, "day": 3}[unit]
    parts = ((first.year, first.month, first.day), (last.year, last.month, last.day))
    if parts[0][:keys] == parts[1][:keys]:
        return _single(first, unit, lang)
    return interval(first, last, _SKELETONS[unit], lang)


def _widen(pattern: str) -> str:
    """*pattern* with its abbreviated month fields widened to full names, literals untouched."""
    pieces = _QUOTED.split(pattern)
    return "".join(
        piece if i % 2 else _SHORT_MONTH.sub(lambda m: m.group(1) + m.group(1)[0], piece)
        for i, piece in enumerate(pieces)
    )


@functools.cache
def _halves(skeleton: str, field: str, lang: str) -> tuple[str, str] | None:
    """CLDR's two patterns for an interval of *skeleton* whose ends first differ in *field*."""
    formats = _locale(lang).interval_formats
    widen = skeleton not in formats and "MMMM" in skeleton
    found = formats.get(skeleton.replace("MMMM", "MMM") if widen else skeleton)
    if found is None or field not in found:
        return None
    first, second = (str(p) for p in found[field])
    return (_widen(first), _widen(second)) if widen else (first, second)


def interval(first: _dt.date, last: _dt.date, skeleton: str, lang: str) -> str:
    """``first``–``last`` with CLDR's interval format for *skeleton* (see the module's theory)."""
    field = "y" if first.year != last.year else "M" if first.month != last.month else "d"
    locale = _locale(lang)
    halves = _halves(skeleton, field, lang)
    if halves is None:
        # No interval format: each end in full, joined by the locale's fallback.
        fallback = str(locale.interval_formats.get(None, "{0} – {1}"))
        unit = {"y": "year", "yMMMM": "month"}.get(skeleton, "day")
        return fallback.format(_single(first, unit, lang), _single(last, unit, lang))
    return str(_babel_date(first, halves[0], locale=locale)) + str(
        _babel_date(last, halves[1], locale=locale)
    )


def day_and_time(day: str, clock: str, lang: str) -> str:
    """A day in words and a time of day, joined by the locale's date-time pattern."""
    pattern = str(_locale(lang).datetime_formats["long"])
    return pattern.replace("{1}", day).replace("{0}", clock)


def plural_form(count: int, lang: str) -> str:
    """CLDR's plural category of *count* in *lang*: ``one`` or ``other`` (for en, vi, nl)."""
    form = str(_locale(lang).plural_form(count))
    return form if form == "one" else "other"


def list_of(items: Sequence[str], lang: str) -> str:
    """*items* as a list in words: ``a and b``, ``a và b``, ``a en b``."""
    return str(format_list(list(items), locale=_locale(lang)))
