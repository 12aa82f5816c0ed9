"""Reading EDTF text: the forms vntimeline accepts, and a message naming any other.

Parsing is kept apart from the value types (as pendulum keeps ``parsing/``
beside ``date.py``): this module turns text into plain fields and knows
nothing of time zones; :mod:`vntimeline._model.dates` builds the values.

What is accepted (``docs/explanation/dates.rst`` gives each form's interval):

=========================  ==================================================
form                       example
=========================  ==================================================
year, month, day           ``2021``, ``2024-04``, ``2025-09-18``
date-time                  ``2026-03-08T20:00Z``, ``2024-12-22T09:00+07:00``,
                           ``1985-04-12T23:20:30-04`` (hour-only offset)
qualifier at the end       ``2021?`` uncertain, ``2021~`` approximate,
                           ``2021%`` both
unspecified digits         ``202X``, ``20XX``, ``1XXX``, ``2024-XX``,
                           ``2024-05-XX``, ``2024-XX-XX``
seasons                    ``2025-21`` .. ``2025-24`` (spring .. winter)
quarters, halves           ``2025-33`` .. ``2025-36``, ``2025-40``, ``2025-41``
"one of" a range           ``[..2026-03-08]`` (on or before), ``[2025-09..]``
                           (on or after), ``[2019..2021]`` (some time in)
still going on             ``..`` (only as a span's end)
=========================  ==================================================

Everything else that EDTF allows is refused with a message that names the
feature (:data:`_UNSUPPORTED`), so a writer learns what to write instead of
reading a generic "not a date".
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from ..errors import DateError

__all__ = ["GROUPINGS", "OPEN", "Fields", "RangeFields", "parse_fields"]

#: The written form of an open side, and of a span that is still going on.
OPEN: Final = ".."

#: Sub-year groupings: code -> (first month, last month, name). Seasons are
#: northern-hemisphere and read as python-edtf reads them (winter is December
#: of its year); quarters and halves are EDTF level 2 groupings.
GROUPINGS: Final[dict[int, tuple[int, int, str]]] = {
    21: (3, 5, "spring"),
    22: (6, 8, "summer"),
    23: (9, 11, "autumn"),
    24: (12, 12, "winter"),
    33: (1, 3, "first quarter"),
    34: (4, 6, "second quarter"),
    35: (7, 9, "third quarter"),
    36: (10, 12, "fourth quarter"),
    40: (1, 6, "first half"),
    41: (7, 12, "second half"),
}
_GROUPING_CODES: Final = "21-24 (seasons), 33-36 (quarters) or 40-41 (halves)"

# A day away from datetime's own range (years 1 to 9999), so that a date read
# in any zone or offset (up to 26 hours apart) can still be written as a
# local date: 0001-01-01 in Hanoi begins in the year 0 in UTC.
MIN_YEAR: Final = 2
MAX_YEAR: Final = 9997
_EXAMPLES: Final = "2021, 2024-04, 2025-09-18, 2026-03-08T20:00Z, 202X or [..2026-03-08]"

_POINT = re.compile(
    r"""
    (?P<year>\d{4}|\d{3}X|\d{2}XX|\dXXX)
    (?:-(?P<month>\d{2}|XX)
      (?:-(?P<day>\d{2}|XX)
        (?:T(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?
           (?P<offset>Z|[+-]\d{2}(?::\d{2})?)?
        )?
      )?
    )?
    (?P<qualifier>[?~%])?
    """,
    re.VERBOSE | re.ASCII,  # EDTF digits are 0-9, not any script's
)
_SET = re.compile(r"\[(?P<lower>[^\[\].,]*)\.\.(?P<upper>[^\[\].,]*)\]")

#: Other EDTF (and near-EDTF) features, tried in order on text that did not
#: parse: the first pattern that matches names what was written.
_UNSUPPORTED: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern), message)
    for pattern, message in (
        (r"^\[\s*\.\.\s*\]$", "'[..]' says nothing is known: leave the date out"),
        (
            r"^\[.*,",
            "a 'one of' set of listed dates is not supported: write one range, "
            "such as [2019..2021]",
        ),
        (r"^\{", "'all of' sets ({...}) are not supported: give each date its own claim"),
        (r"^\[", "a 'one of' set is written [FIRST..LAST], [..LAST] or [FIRST..]"),
        (r"^-\d", "negative years are not supported (years run from 0002 to 9997)"),
        (r"^Y", "years written with 'Y' (more than four digits) are not supported"),
        (r"\dS\d", "significant digits ('S') are not supported"),
        (
            r"^(?:\.\.|\d{3}[\dX][^/]*)?/(?:\.\.|\d{3}[\dX][^/]*)?$",
            "an interval is written as start and end: give the first date as "
            "'start' and the last as 'end' (or a range [FIRST..LAST] for one date)",
        ),
        (r"[()]", "parentheses are not EDTF: put ?, ~ or % after the whole date"),
        (
            r"^[?~%]|[?~%]-|-[?~%]",
            "a qualifier on part of a date is not supported: put ?, ~ or % after the whole date",
        ),
        (
            r"X.*-\d|-XX-\d|^X",
            "unspecified digits (X) are supported only at the end: 202X, 20XX, 1XXX, "
            "2024-XX, 2024-05-XX or 2024-XX-XX",
        ),
        (r"^\d{1,3}(?:$|[-?~%])", "a year is written with four digits"),
    )
)


class Fields(NamedTuple):
    """The parts of one EDTF date as written; ``None`` where not given."""

    year: int
    month: int | None
    day: int | None
    hour: int | None
    minute: int | None
    second: int | None
    utc_offset: int | None
    offset_hours_only: bool
    qualifier: str | None
    year_span: int
    unspecified_parts: int
    grouping: int | None


class RangeFields(NamedTuple):
    """A "one of" range: its known ends; ``None`` is an open side."""

    lower: Fields | None
    upper: Fields | None


def fail(text: str, why: str) -> DateError:
    """The error for *text*, saying *why* and what a valid date looks like."""
    return DateError(f"{text!r} is not a valid date: {why} (expected EDTF such as {_EXAMPLES})")


def parse_fields(text: str) -> Fields | RangeFields:
    """Parse EDTF *text* into its fields, raising :class:`DateError` that says what is wrong."""
    if not isinstance(text, str):
        raise DateError(f"expected an EDTF date string, got {type(text).__name__}")
    if text == OPEN:
        return RangeFields(None, None)
    found = _SET.fullmatch(text)
    if found is None:
        return _point(text, text)
    lower, upper = found["lower"], found["upper"]
    if not lower and not upper:
        raise fail(text, _UNSUPPORTED[0][1])
    return RangeFields(_set_end(text, lower), _set_end(text, upper))


def _set_end(text: str, part: str) -> Fields | None:
    """One end of a "one of" range, or ``None`` for an open side."""
    if not part:
        return None
    fields = _point(part, text)
    if fields.qualifier is not None:
        raise fail(
            text,
            "a qualifier inside a 'one of' range is not supported: the range already "
            "says the date is not known exactly",
        )
    return fields


def _point(part: str, text: str) -> Fields:
    """Parse one date *part* of *text* (the whole value, for messages)."""
    match = _POINT.fullmatch(part)
    if match is None:
        raise fail(text, _unsupported(part))
    g = match.groupdict()
    year_text: str = g["year"]
    year_span = 10 ** year_text.count("X")
    year = int(year_text.replace("X", "0"))
    if year < MIN_YEAR or year + year_span - 1 > MAX_YEAR:
        raise fail(text, f"the year must be between {MIN_YEAR:04d} and {MAX_YEAR}")
    month, grouping, unspecified = _month(text, g["month"], g["day"], year_span)
    day = _day(text, year, month, g["day"])
    if g["day"] == "XX":
        unspecified += 1
    hour = minute = second = offset = None
    if g["hour"] is not None:
        if day is None:
            raise fail(text, "a time needs a known day")
        hour, minute, second = _clock(text, g["hour"], g["minute"], g["second"])
        if g["offset"] is not None:
            offset = _offset(text, g["offset"])
    return Fields(
        year,
        month,
        day,
        hour,
        minute,
        second,
        offset,
        g["offset"] is not None and len(g["offset"]) == 3,
        g["qualifier"],
        year_span,
        unspecified,
        grouping,
    )


def _unsupported(part: str) -> str:
    """What is wrong with *part*: a named feature, or the forms that are accepted."""
    for pattern, message in _UNSUPPORTED:
        if pattern.search(part):
            return message
    return (
        "it does not have the form YYYY, YYYY-MM, YYYY-MM-DD or "
        "YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM], with an optional ?, ~ or %"
    )


def _month(
    text: str, month_text: str | None, day_text: str | None, year_span: int
) -> tuple[int | None, int | None, int]:
    """The month, the grouping code and the count of unspecified parts so far."""
    if month_text is None:
        return None, None, 0
    if year_span > 1:
        raise fail(text, "a year with unspecified digits cannot have a month")
    if month_text == "XX":
        if day_text is not None and day_text != "XX":
            raise fail(text, "an unspecified month cannot have a known day")
        return None, None, 1
    code = int(month_text)
    if 1 <= code <= 12:
        return code, None, 0
    if code in GROUPINGS:
        if day_text is not None:
            raise fail(text, f"{month_text} is the {GROUPINGS[code][2]}, which has no days")
        return None, code, 0
    if code > 20:
        raise fail(text, f"grouping code {month_text} is not supported: use {_GROUPING_CODES}")
    raise fail(
        text, f"month {month_text} is not between 01 and 12 (or a grouping: {_GROUPING_CODES})"
    )


def _day(text: str, year: int, month: int | None, day_text: str | None) -> int | None:
    """The day of the month, checked against the month's length."""
    if day_text is None or day_text == "XX":
        return None
    assert month is not None  # _month refused a known day after XX or a grouping
    last = _month_length(year, month)
    day = int(day_text)
    if not 1 <= day <= last:
        raise fail(
            text, f"day {day_text} does not exist in {year:04d}-{month:02d}, which has {last} days"
        )
    return day


def _month_length(year: int, month: int) -> int:
    """Days in *month* of *year* (proleptic Gregorian)."""
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _clock(
    text: str, hour_text: str, minute_text: str, second_text: str | None
) -> tuple[int, int, int | None]:
    """Hour, minute and (if written) second of a time of day."""
    hour, minute = int(hour_text), int(minute_text)
    if hour > 23 or minute > 59:
        raise fail(text, f"{hour_text}:{minute_text} is not a time of day")
    if second_text is None:
        return hour, minute, None
    second = int(second_text)
    if second > 59:
        raise fail(text, f"second {second_text} is not between 00 and 59")
    return hour, minute, second


def _offset(text: str, offset: str) -> int:
    """Minutes east of UTC of ``Z``, ``+HH`` or ``+HH:MM``."""
    if offset == "Z":
        return 0
    if offset in ("-00", "-00:00"):
        # RFC 3339 reads -00:00 as "offset unknown", not as UTC.
        raise fail(text, f"the offset {offset} says nothing: write Z or +00 for UTC")
    hours = int(offset[1:3])
    minutes = int(offset[4:6]) if len(offset) > 3 else 0
    if hours * 60 + minutes > 14 * 60 or minutes > 59:
        raise fail(text, f"UTC offset {offset} is out of range (-14:00 to +14:00)")
    sign = -1 if offset[0] == "-" else 1
    return sign * (hours * 60 + minutes)
