"""Readers of dates written out: days, months, years and their ranges.

Each reader takes a match's groups and the language's lexicon and returns a
:class:`~.reading.Parsed`, or ``None`` when the numbers make no date. A day
or month written without its year is completed from the context
(:func:`~.reading.infer_year`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from . import values as v
from .lexicon import Lexicon
from .read_common import Groups, checked_day, fixed, lookup, month_of, time_of, year2_of
from .reading import Ctx, Inferred, Parsed, Reading, infer_year

__all__ = ["READERS"]


def _date(g: Groups, lex: Lexicon) -> Parsed | None:
    """A day with its year, maybe with a time: "March 3, 2021", "03 Dec 2025 13:42 GMT+7"."""
    m = month_of(g, lex)
    if m is None:
        return None
    day = checked_day(int(g["year"] or 0), m, int(g["day"] or 0))
    return None if day is None else _with_time(g, lex, day, "as written")


def _with_time(g: Groups, lex: Lexicon, day: v.Day, note: str) -> Parsed | None:
    """A day, and the time of day when the match has one."""
    time = time_of(g, lex, day)
    if time is None:
        return None
    return fixed(v.day(day) + time, note, anchor=day[0])


def _numeric(g: Groups, lex: Lexicon) -> Parsed | None:
    """Numbers with a separator: 10/12/2025 (day first in vi and nl), ngày 25/11."""
    a, b = int(g["n1"] or 0), int(g["n2"] or 0)
    qualifier = ""
    if lex.day_first or (lex.day_first is None and a > 12):
        d, m, note = a, b, "day first"
    else:
        m, d, note = a, b, "month first"
        if lex.day_first is None and b <= 12 and a != b:
            qualifier, note = "?", "month first; the order is ambiguous"
    if not 1 <= m <= 12:
        return None
    if g.get("year"):
        day = checked_day(int(g["year"] or 0), m, d)
        if day is None:
            return None
        if qualifier:
            return fixed(v.day(day, qualifier), note, anchor=day[0])
        return _with_time(g, lex, day, note)
    return _day_without_year(m, d, g.get("rel"), lex)


def _day_month(g: Groups, lex: Lexicon) -> Parsed | None:
    """A day and month without a year: "September 18", "28 oktober"."""
    m = month_of(g, lex)
    if m is None:
        return None
    return _day_without_year(m, int(g["day"] or 0), g.get("rel"), lex)


def _day_without_year(m: int, d: int, rel: str | None, lex: Lexicon) -> Parsed | None:
    """A day whose year comes from a relative word ("năm ngoái") or the context."""
    if checked_day(2000, m, d) is None:  # 2000 is a leap year: 29 February passes
        return None
    shift = lookup(lex.relative, rel)

    def resolve(ctx: Ctx) -> Reading | None:
        if shift is not None:
            inferred = Inferred(ctx.published[0] + shift, "year from the relative year", "")
        else:
            inferred = infer_year(ctx, (m, d), (m, d))
        day = checked_day(inferred.year, m, d)
        if day is None:
            return None
        return Reading(v.day(day, inferred.qualifier), inferred.note)

    return Parsed(resolve)


def _month_year(g: Groups, lex: Lexicon) -> Parsed | None:
    """A month and its year: "April 2024", "tháng 3/2025", "maart 2026"."""
    m = month_of(g, lex)
    y = int(g["year"] or 0)
    if m is None or not 1 <= m <= 12:
        return None
    return fixed(v.month(y, m), "as written", anchor=y)


def _year(g: Groups, lex: Lexicon) -> Parsed | None:
    """A year alone, a target year ("by 2030") or a start ("since 2021")."""
    y = int(g["year"] or 0)
    if g.get("target"):
        return fixed(v.year(y), "target year")
    if g.get("since"):
        return fixed(v.year(y), "since: the year it began", anchor=y)
    return fixed(v.year(y), "as written", anchor=y)


def _years(g: Groups, lex: Lexicon) -> Parsed | None:
    """A stretch of years: "2017–2018", "between 2023 and 2024", "giai đoạn 2026-2030"."""
    first = int(g["year"] or 0)
    last = year2_of(g["year2"] or "", first)
    if not first < last <= first + 100:
        return None
    return fixed(v.interval(v.year(first), v.year(last)), "as written")


def _decade(g: Groups, lex: Lexicon) -> Parsed | None:
    """A decade: "the 1990s", "những năm 1990", "de jaren 90"."""
    first = 1900 + int(g["yy"] or 0) if g.get("yy") else int(g["year"] or 0)
    if first % 10:
        return None
    return fixed(f"{first // 10:03d}X", "a decade")


def _days(g: Groups, lex: Lexicon) -> Parsed | None:
    """A stretch of days: "từ ngày 27 đến 29/10", "from 1 August 2025 to 31 July 2027"."""
    m1, m2 = month_of(g, lex), month_of(g, lex, "month2", "mon2")
    m1, m2 = m1 or m2, m2 or m1
    d1, d2 = int(g["day"] or 0), int(g["day2"] or 0)
    if m1 is None or m2 is None or checked_day(2000, m1, d1) is None:
        return None
    if checked_day(2000, m2, d2) is None:
        return None
    written = g.get("year2") or g.get("year")
    if written:
        y2 = int(written)
        first_year = g.get("year")
        y1 = int(first_year) if first_year else (y2 if (m1, d1) <= (m2, d2) else y2 - 1)
        return _day_span((y1, m1, d1), (y2, m2, d2), "", "as written", y2)
    if (m1, d1) >= (m2, d2):
        return None

    def resolve(ctx: Ctx) -> Reading | None:
        inferred = infer_year(ctx, (m1, d1), (m2, d2))
        parsed = _day_span(
            (inferred.year, m1, d1), (inferred.year, m2, d2), inferred.qualifier, inferred.note
        )
        return None if parsed is None else parsed.resolve(ctx)

    return Parsed(resolve)


def _day_span(
    first: v.Day, last: v.Day, qualifier: str, note: str, anchor: int | None = None
) -> Parsed | None:
    """The interval from *first* to *last*, if both exist and are in order."""
    a, b = checked_day(*first), checked_day(*last)
    if a is None or b is None or not a < b:
        return None
    return fixed(v.interval(v.day(a, qualifier), v.day(b, qualifier)), note, anchor)


def _months(g: Groups, lex: Lexicon) -> Parsed | None:
    """A stretch of months: "từ tháng 8 đến tháng 10 năm nay", "June–August 2025"."""
    m1, m2 = month_of(g, lex), month_of(g, lex, "month2", "mon2")
    if m1 is None or m2 is None or not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    shift = lookup(lex.relative, g.get("rel"))
    written = g.get("year2") or g.get("year")

    def resolve(ctx: Ctx) -> Reading | None:
        if written:
            y2, note, qualifier = int(written), "as written", ""
        elif shift is not None:
            y2, note, qualifier = ctx.published[0] + shift, "year from the relative year", ""
        else:
            inferred = infer_year(ctx, (m1, 1), (m2, 28))
            y2, note, qualifier = inferred.year, inferred.note, inferred.qualifier
        first_year = g.get("year")
        y1 = int(first_year) if first_year else (y2 if m1 < m2 else y2 - 1)
        if (y1, m1) >= (y2, m2):
            return None
        value = v.interval(v.month(y1, m1, qualifier), v.month(y2, m2, qualifier))
        return Reading(value, note, int(written) if written else None)

    return Parsed(resolve)


READERS: Final[dict[str, Callable[[Groups, Lexicon], Parsed | None]]] = {
    "date": _date,
    "numeric": _numeric,
    "day_month": _day_month,
    "month_year": _month_year,
    "year": _year,
    "years": _years,
    "decade": _decade,
    "days": _days,
    "months": _months,
}
