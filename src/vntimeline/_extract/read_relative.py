"""Readers of dates counted from publication: "five years ago", "last month", "on Wednesday".

"N years ago" and "in N years" are approximate (``2020~``): a year counted
back from a date in December may have begun the January before. "Within
five years" is one moment in a range (``[2025..2030]``); "over the past
decade" is the whole stretch (``2015/2025``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from . import values as v
from .lexicon import Lexicon
from .read_common import Groups, lookup, number
from .reading import Ctx, Parsed, Reading

__all__ = ["READERS"]

_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WORDS: Final = {-1: "last", 0: "this", 1: "next"}


def _count(g: Groups, lex: Lexicon) -> tuple[int, str] | None:
    """How many of which unit a match counts ("five years" -> (5, "year")).

    The lexicon names a plural unit with a final "s"; a plural without a
    number ("within months", "in the past years") says no date.
    """
    name = lex.units.get(" ".join((g.get("unit") or "").lower().split()))
    if name is None or (name.endswith("s") and not g.get("num")):
        return None
    unit = name.rstrip("s")
    n = number(lex, g.get("num"), default=1)
    if n is None or not 0 < n <= 100:
        return None
    if unit == "decade":
        return n * 10, "year"
    return n, unit


def _moved(pub: v.Day, n: int, unit: str, qualifier: str = "") -> str:
    """The value *n* units after (or, negative, before) publication, at the unit's precision."""
    if unit == "year":
        return v.year(pub[0] + n, qualifier)
    if unit == "month":
        y, m = v.shift_month(pub[0], pub[1], n)
        return v.month(y, m, qualifier)
    days = n * 7 if unit == "week" else n
    return v.day(v.add_days(pub, days), qualifier)


def _ago(g: Groups, lex: Lexicon) -> Parsed | None:
    """Counted back: "five years ago", "3 năm trước", "vijf jaar geleden"."""
    count = _count(g, lex)
    if count is None:
        return None
    n, unit = count
    qualifier = "" if unit == "day" else "~"
    note = f"{n} {unit}{'s' if n > 1 else ''} before publication"
    return Parsed(lambda ctx: Reading(_moved(ctx.published, -n, unit, qualifier), note))


def _later(g: Groups, lex: Lexicon) -> Parsed | None:
    """Counted on: "in two years", "over twee jaar", "2 năm nữa" (not in a past clause)."""
    count = _count(g, lex)
    if count is None:
        return None
    n, unit = count
    qualifier = "" if unit == "day" else "~"
    note = f"{n} {unit}{'s' if n > 1 else ''} after publication"

    def resolve(ctx: Ctx) -> Reading | None:
        if ctx.tense == "past":  # "built in two years" is a duration
            return None
        return Reading(_moved(ctx.published, n, unit, qualifier), note)

    return Parsed(resolve)


def _within(g: Groups, lex: Lexicon) -> Parsed | None:
    """One moment from now to then: "within five years", "de komende vijf jaar"."""
    count = _count(g, lex)
    if count is None:
        return None
    n, unit = count
    note = f"within {n} {unit}{'s' if n > 1 else ''} of publication"
    return Parsed(
        lambda ctx: Reading(
            v.one_of(_moved(ctx.published, 0, unit), _moved(ctx.published, n, unit)), note
        )
    )


def _stretch(g: Groups, lex: Lexicon, sign: int) -> Parsed | None:
    """The whole stretch: "over the past decade" (*sign* -1), "over the next decade" (+1)."""
    count = _count(g, lex)
    if count is None:
        return None
    n, unit = count
    side = "before" if sign < 0 else "after"
    note = f"the {n} {unit}{'s' if n > 1 else ''} {side} publication"

    def resolve(ctx: Ctx) -> Reading:
        ends = sorted((_moved(ctx.published, sign * n, unit), _moved(ctx.published, 0, unit)))
        return Reading(v.interval(*ends), note)

    return Parsed(resolve)


def _relative_month(g: Groups, lex: Lexicon) -> Parsed | None:
    """A month from publication: "last month", "tháng trước", "the end of this month"."""
    shift = lookup(lex.relative, g.get("rel"))
    if shift is None:
        return None
    part = lex.parts.get((g.get("part") or "").lower())

    def resolve(ctx: Ctx) -> Reading:
        pub = ctx.published
        y, m = v.shift_month(pub[0], pub[1], shift)
        last = (y, m, v.month_length(y, m))
        note = f"{_WORDS[shift]} month from publication date"
        if part == "end":
            return Reading(v.day(last), note)
        if part == "earlier" and shift == 0:
            return Reading(v.one_of(v.day((y, m, 1)), v.day(pub)), "this month, before publication")
        if part == "later" and shift == 0:
            return Reading(v.one_of(v.day(pub), v.day(last)), "this month, after publication")
        return Reading(v.month(y, m), note)

    return Parsed(resolve)


def _relative_week(g: Groups, lex: Lexicon) -> Parsed | None:
    """A week, Monday to Sunday: "this week", "tuần trước", "volgende week"."""
    shift = lookup(lex.relative, g.get("rel"))
    if shift is None:
        return None

    def resolve(ctx: Ctx) -> Reading:
        monday = v.add_days(v.weekday_near(ctx.published, 1, -1), 7 * shift)
        sunday = v.add_days(monday, 6)
        return Reading(v.one_of(v.day(monday), v.day(sunday)), f"{_WORDS[shift]} week")

    return Parsed(resolve)


def _relative_day(g: Groups, lex: Lexicon) -> Parsed | None:
    """A day from publication: "yesterday", "hôm qua", "vandaag"."""
    shift = lookup(lex.days, g.get("dw"))
    if shift is None:
        return None
    note = {-1: "the day before publication", 0: "the day of publication"}.get(
        shift, "the day after publication" if shift == 1 else f"{shift:+d} days from publication"
    )
    return Parsed(lambda ctx: Reading(v.day(v.add_days(ctx.published, shift)), note))


def _weekday(g: Groups, lex: Lexicon) -> Parsed | None:
    """A weekday: the one before publication in a past clause, else the coming one.

    A clause without a past marker ("Wednesday the two sign", "Woensdag
    tekenen ...") speaks of a day that is planned. "Thứ Hai tuần trước"
    (Monday of last week) names its week.
    """
    weekday = lookup(lex.weekdays, g.get("wd"))
    if weekday is None:
        return None
    forced = lookup(lex.relative, g.get("dir"))
    week = lookup(lex.relative, g.get("rel"))
    name = _WEEKDAYS[weekday - 1]

    def resolve(ctx: Ctx) -> Reading:
        if week is not None:
            monday = v.add_days(v.weekday_near(ctx.published, 1, -1), 7 * week)
            found = v.add_days(monday, weekday - 1)
            return Reading(v.day(found), f"the {name} of {_WORDS[week]} week")
        if forced:  # "last Monday" is never today
            found = v.weekday_near(v.add_days(ctx.published, forced), weekday, forced)
            direction = forced
        else:
            direction = -1 if ctx.tense == "past" else 1
            found = v.weekday_near(ctx.published, weekday, direction)
        if direction < 0:
            note = f"past tense: the {name} before publication"
        else:
            note = f"the {name} on or after publication"
        return Reading(v.day(found), note)

    return Parsed(resolve)


READERS: Final[dict[str, Callable[[Groups, Lexicon], Parsed | None]]] = {
    "ago": _ago,
    "later": _later,
    "within": _within,
    "past_span": lambda g, lex: _stretch(g, lex, -1),
    "next_span": lambda g, lex: _stretch(g, lex, 1),
    "rel_month": _relative_month,
    "rel_week": _relative_week,
    "rel_day": _relative_day,
    "weekday": _weekday,
}
