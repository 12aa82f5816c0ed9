"""English dates as vntimeline has always written them, without Babel.

CLDR's English is American ("September 18, 2025"), and its British variant
abbreviates months inside ranges and spaces its dashes ("18 – 19 Sept
2025"). The project's English outputs (feeds, charts, tables) are
day-month-year with full month names and unspaced dashes inside a month,
and their bytes must not change, so English keeps this small formatter and
the other languages use CLDR (:mod:`.cldr`).
"""

from __future__ import annotations

import datetime as _dt

from .._model.dates import MONTH_NAMES

__all__ = ["day_and_time", "format_date", "short_date", "short_month"]


def _day(day: _dt.date) -> str:
    """A day in words: ``18 September 2025``."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def format_date(first: _dt.date, last: _dt.date, precision: str) -> str:
    """Words for the local dates ``first..last`` (inclusive) at *precision*.

    ``2018–2019``, ``April–June 2024``, ``8–9 March 2026``,
    ``18 September – 2 October 2025``; ``time`` is written as the day.
    """
    if precision == "year":
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    if precision == "month":
        a = f"{MONTH_NAMES[first.month - 1]} {first.year}"
        if (first.year, first.month) == (last.year, last.month):
            return a
        if first.year == last.year:
            return f"{MONTH_NAMES[first.month - 1]}–{MONTH_NAMES[last.month - 1]} {first.year}"
        return f"{a} – {MONTH_NAMES[last.month - 1]} {last.year}"
    if first == last:
        return _day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTH_NAMES[first.month - 1]} {first.year}"
    if first.year == last.year:
        return f"{first.day} {MONTH_NAMES[first.month - 1]} – {_day(last)}"
    return f"{_day(first)} – {_day(last)}"


def short_date(day: _dt.date, *, year: bool = True) -> str:
    """A day with the month's short name: ``15 Jan 2026`` (``15 Jan`` without *year*)."""
    text = f"{day.day} {MONTH_NAMES[day.month - 1][:3]}"
    return f"{text} {day.year}" if year else text


def short_month(day: _dt.date) -> str:
    """A month with its short name and its year: ``Sep 2025``."""
    return f"{MONTH_NAMES[day.month - 1][:3]} {day.year}"


def day_and_time(day: str, clock: str) -> str:
    """A day in words and a time of day: ``18 September 2025, 14:00``."""
    return f"{day}, {clock}"
