"""Dates as callers pass them (EDTF text, ``datetime``, ``date``) turned into model values.

The model's date fields accept what a person building a timeline in code
naturally has at hand, and say which field was wrong and what it expected
when the value cannot be a date: a :class:`~vntimeline.errors.DataError` whose one
problem is at ``Class.field`` (``Claim.start: '2023-13-01' is not a valid
date: month 13 ...``).
"""

from __future__ import annotations

import datetime as _dt
from typing import TypeAlias

from ..errors import DateError
from .checks import fail
from .dates import DateRange, EventDate, PartialDate

__all__ = [
    "DateLike",
    "end_date",
    "published_date",
    "start_date",
    "to_claim_date",
    "to_point",
    "window_instant",
]

#: What a date field accepts: EDTF text, a date or date-time, or a parsed value.
DateLike: TypeAlias = str | _dt.date | PartialDate | DateRange | None

_EXPECTED = "EDTF text such as '2025-09-18', a datetime.date or datetime, or a PartialDate"


def to_claim_date(field: str, value: DateLike) -> EventDate | None:
    """*value* as a claim's date: a PartialDate, a DateRange, or None.

    Raises :class:`~vntimeline.errors.DataError` at *field* (``Claim.start``).
    """
    if value is None or isinstance(value, PartialDate | DateRange):
        return value
    if not isinstance(value, str):
        # Written out and read back, so that a Python date gets the same
        # checks (the year range, a skipped day) as the same date in a file.
        value = str(_from_python(field, value))
    try:
        return PartialDate.parse(value)
    except DateError as exc:
        fail(field, str(exc))


def to_point(field: str, value: DateLike) -> PartialDate | None:
    """*value* as one date (not a range), for a source's ``published``."""
    date = to_claim_date(field, value)
    if isinstance(date, DateRange):
        fail(field, f"expected a single date (when the source appeared), got the range {date}")
    return date


def _from_python(field: str, value: object) -> PartialDate:
    """A PartialDate of a ``datetime`` (to the second, with its offset) or a ``date``."""
    if isinstance(value, _dt.datetime):
        offset = value.utcoffset()
        minutes = None
        if offset is not None:
            if offset.total_seconds() % 60:
                fail(field, f"UTC offset {offset} is not a whole number of minutes")
            minutes = int(offset.total_seconds() // 60)
        second = value.second if value.second or value.microsecond else None
        return PartialDate(
            value.year, value.month, value.day, value.hour, value.minute, second, minutes
        )
    if isinstance(value, _dt.date):
        return PartialDate(value.year, value.month, value.day)
    fail(field, f"expected {_EXPECTED}, got {value!r}")


def start_date(value: DateLike) -> EventDate | None:
    """A claim's ``start`` (the attrs converter of :attr:`Claim.start`)."""
    return to_claim_date("Claim.start", value)


def end_date(value: DateLike) -> EventDate | None:
    """A claim's ``end`` (the attrs converter of :attr:`Claim.end`)."""
    return to_claim_date("Claim.end", value)


def published_date(value: DateLike) -> PartialDate | None:
    """A source's ``published`` (the attrs converter of :attr:`Source.published`)."""
    return to_point("Source.published", value)


def window_instant(value: str | _dt.date | PartialDate, zone: str, name: str, *, end: bool) -> int:
    """Epoch seconds where a period shown starts (or, with *end*, ends) at *value* in *zone*.

    The ``since``/``until`` of charts and pages: one date as text, a
    ``datetime.date`` or a :class:`PartialDate` (a range is refused, naming *name*).
    """
    if isinstance(value, _dt.date):
        value = PartialDate(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:
            parsed = PartialDate.parse(value.strip())
        except DateError as exc:
            raise DateError(f"{name}: {exc}") from None
        if not isinstance(parsed, PartialDate):
            raise DateError(f"{name} must be one date, not the range {parsed}")
        value = parsed
    elif not isinstance(value, PartialDate):
        raise DateError(f"{name} must be an EDTF date, a PartialDate or a date, got {value!r}")
    bounds = value.bounds(zone)
    return bounds[1] if end else bounds[0]
