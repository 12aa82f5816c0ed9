"""Words for the docs tables: resolved dates at their precision, and source names.

Pure functions of the resolver's output (no docutils, no Sphinx), so the
tables can be checked against the data without building anything.

A date is written at the precision the resolver decided, never finer:
``2021``, ``April 2024``, ``18 September 2025``. A value that is not one
unit of its precision (a conflict spanning the tied dates, a bounded event)
is written as a range of its first and last units, shortened where the units
share a month or year (``8–9 March 2026``); an open side reads "on or
before" / "on or after".

English is written by the functions here, as it always was; Vietnamese and
Dutch dates come from CLDR through :func:`vntimeline._locale.format_date`,
and their words from its catalogs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import pendulum

from .._locale import day_and_time, format_date, label
from .._model.dates import MONTH_NAMES, PartialDate
from ..errors import DateError

if TYPE_CHECKING:
    from .._model.dates import Precision
    from .._model.events import Source
    from .._model.resolved import ResolvedDate, ResolvedEvent

__all__ = ["describe_date", "describe_event_date", "source_label"]

DASH: Final = "\N{EN DASH}"


def _unit(day: pendulum.Date, precision: Precision, lang: str = "en") -> str:
    """*day* written at *precision* (``time`` is handled by the caller)."""
    if lang != "en":
        return format_date(day, day, precision, lang)
    if precision == "year":
        return f"{day.year}"
    if precision == "month":
        return f"{MONTH_NAMES[day.month - 1]} {day.year}"
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _range(
    first: pendulum.Date, last: pendulum.Date, precision: Precision, lang: str = "en"
) -> str:
    """The units from *first* to *last*, sharing what they share (``8–9 March 2026``)."""
    if lang != "en":
        return format_date(first, last, precision, lang)
    a, b = _unit(first, precision), _unit(last, precision)
    if a == b:
        return a
    if precision == "day" and (first.year, first.month) == (last.year, last.month):
        return f"{first.day}{DASH}{b}"
    if precision == "day" and first.year == last.year:
        return f"{first.day} {MONTH_NAMES[first.month - 1]} {DASH} {b}"
    if precision == "month" and first.year == last.year:
        return f"{MONTH_NAMES[first.month - 1]} {DASH} {b}"
    if precision == "year":
        return f"{a}{DASH}{b}"
    return f"{a} {DASH} {b}"


def _time(value: str, lang: str = "en") -> str:
    """A date-time value as ``9 March 2026, 03:00 UTC+07:00`` (the EDTF text if unreadable)."""
    try:
        when = PartialDate.parse(value.split("/")[0])
    except DateError:
        return value
    if not isinstance(when, PartialDate) or when.hour is None:
        return value
    assert when.month is not None and when.day is not None  # a time has a day
    clock = f"{when.hour:02d}:{when.minute or 0:02d}"
    if when.utc_offset is not None:
        sign = "+" if when.utc_offset >= 0 else "-"
        hours, minutes = divmod(abs(when.utc_offset), 60)
        clock += f" UTC{sign}{hours:02d}:{minutes:02d}"
    day = pendulum.date(when.year, when.month, when.day)
    text = day_and_time(_unit(day, "day", lang), clock, lang)
    return text if "/" not in value else f"{text} {DASH} {_time(value.split('/')[1], lang)}"


def describe_date(date: ResolvedDate | None, lang: str = "en") -> str:
    """One resolved start or end in words of *lang*, at its precision, with its EDTF qualifier.

    ``2025?`` is "2025 (uncertain)", ``2020~`` "about 2020", ``2020%`` both.
    """
    if date is None:
        return label("docs.not_dated", lang)
    words = _plain(date, lang)
    qualifier = date.value[-1:]
    if qualifier in ("~", "%"):
        words = label("docs.about", lang).format(date=words)
    if qualifier in ("?", "%"):
        words = label("docs.uncertain", lang).format(date=words)
    return words


def _plain(date: ResolvedDate, lang: str) -> str:
    """The date in words without its qualifier."""
    first, last = date.earliest, date.latest
    if date.precision == "time" and first is not None and last is not None:
        return _time(date.value, lang)
    # Open sides come from claims of "on or before" and the like, from bounded
    # events, and from a span that is still going on (``..``, open on both).
    precision: Precision = "day" if date.precision == "time" else date.precision
    if first is None:
        if last is None:
            return label("docs.still_going" if date.value == ".." else "docs.not_dated", lang)
        return label("docs.on_or_before", lang).format(date=_unit(last, precision, lang))
    if last is None:
        return label("docs.on_or_after", lang).format(date=_unit(first, precision, lang))
    return _range(first, last, precision, lang)


def describe_event_date(event: ResolvedEvent, lang: str = "en") -> str:
    """The event's date in words: its start, and for a span its end (``27–29 October 2025``)."""
    if event.end is None or event.start is None:
        return describe_date(event.start, lang)
    start, end = event.start, event.end
    if (
        start.exact
        and end.exact
        and start.precision == end.precision == "day"
        and start.earliest is not None
        and end.latest is not None
        and start.earliest <= end.latest
    ):
        return _range(start.earliest, end.latest, "day", lang)
    a, b = describe_date(start, lang), describe_date(end, lang)
    return a if a == b else f"{a} {DASH} {b}"


def source_label(source: Source) -> str:
    """A short name for *source*: its publisher without the parenthesised detail, and its date.

    ``Việt Nam News (Vietnam News Agency, VNA/VNS)`` published 2025-10-20
    becomes ``Việt Nam News, 2025-10-20``.
    """
    name = source.publisher.split(" (")[0].strip() or source.publisher
    if source.published is None:
        return name
    published = source.published
    day = published.year, published.month, published.day
    if day[1] is None:
        return f"{name}, {day[0]}"
    if day[2] is None:
        return f"{name}, {day[0]:04d}-{day[1]:02d}"
    return f"{name}, {day[0]:04d}-{day[1]:02d}-{day[2]:02d}"
