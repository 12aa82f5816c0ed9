"""Partial dates: the EDTF subset that news reports need, as intervals of instants.

Theory of operation
-------------------
A date in a news report is rarely an instant. "2021", "April 2024" and
"18 September" each name a stretch of time, so a :class:`PartialDate` is
read as the half-open interval of instants it covers, *in a time zone*:

=====================  =====================================================
``2021``               [2021-01-01 00:00, 2022-01-01 00:00) local time
``2024-04``            [2024-04-01 00:00, 2024-05-01 00:00)
``2025-09-18``         [2025-09-18 00:00, 2025-09-19 00:00)
``2026-03-08T20:00Z``  [20:00 UTC, 20:01 UTC), i.e. 03:00 on 9 March in Hanoi
``202X``               [2020-01-01, 2030-01-01): unspecified digits widen it
``2024-XX``            [2024-01-01, 2025-01-01)
=====================  =====================================================

A date-time without an offset is local time in the zone it is read in; one
with an offset (or ``Z``) is an instant wherever it is read.

Qualifiers (``?`` uncertain, ``~`` approximate, ``%`` both) never change the
interval; they are kept so the resolver can weigh the claim and so formatting
gives back exactly what was written.

Intervals are computed as integer epoch seconds (:meth:`PartialDate.bounds`),
cheap to compare and intersect; :meth:`PartialDate.interval` gives the same
interval as pendulum date-times for callers who want to look at it.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
import zoneinfo
from typing import Final, Literal

import attrs
import pendulum

from ..errors import DateError
from .zones import get_zone, local_date, local_moment, portable_zone_name

__all__ = [
    "MONTH_NAMES",
    "PRECISIONS",
    "PartialDate",
    "Precision",
    "Qualifier",
    "finer",
    "format_bounds",
    "get_zone",
    "local_date",
    "portable_zone_name",
    "skipped_in",
    "time_unit",
]

Precision = Literal["year", "month", "day", "time"]
Qualifier = Literal["?", "~", "%"]

#: English month names, for dates written out in words ("18 September 2025").
MONTH_NAMES: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

#: Precisions from coarsest to finest; the index orders them.
PRECISIONS: Final[tuple[Precision, ...]] = ("year", "month", "day", "time")
_RANK: Final[dict[str, int]] = {p: i for i, p in enumerate(PRECISIONS)}

_EDTF = re.compile(
    r"""
    (?P<year>\d{4}|\d{3}X|\d{2}XX)
    (?:-(?P<month>\d{2}|XX)
      (?:-(?P<day>\d{2}|XX)
        (?:T(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?
           (?P<offset>Z|[+-]\d{2}:\d{2})?
        )?
      )?
    )?
    (?P<qualifier>[?~%])?
    """,
    re.VERBOSE | re.ASCII,  # EDTF digits are 0-9, not any script's
)

_QUALIFIERS: Final[dict[str | None, Qualifier]] = {"?": "?", "~": "~", "%": "%"}
# A day away from datetime's own range (years 1 to 9999), so that a date read
# in any zone or offset (up to 26 hours apart) can still be written as a
# local date: 0001-01-01 in Hanoi begins in the year 0 in UTC.
_MIN_YEAR: Final = 2
_MAX_YEAR: Final = 9997
_EXAMPLES: Final = "2021, 2024-04, 2025-09-18, 2026-03-08T20:00Z or 202X"


def _instant(
    zone: zoneinfo.ZoneInfo,
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    second: int = 0,
) -> int:
    """Epoch seconds of a wall-clock time in *zone*."""
    local = _dt.datetime(year, month, day, hour, minute, second, tzinfo=zone)
    return int(local.timestamp())


@attrs.frozen(cache_hash=True)
class PartialDate:
    """A date of the EDTF subset: a year, month, day or time, maybe qualified.

    Build one with :meth:`parse`; ``str()`` formats it back to the same text.
    Parts given as unspecified digits (``X``) are ``None``; ``year`` then holds
    the first year of the range (``202X`` has ``year=2020, year_span=10``).
    """

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    #: Minutes east of UTC for a date-time with an offset; ``None`` for local time.
    utc_offset: int | None = None
    qualifier: Qualifier | None = None
    #: 1 for a plain year, 10 for ``202X``, 100 for ``20XX``.
    year_span: int = 1
    #: How many of the written parts are unspecified (``XX``): 0, 1 or 2.
    unspecified_parts: int = 0

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse EDTF *text*, raising :class:`DateError` that says what is wrong."""
        return _parse(text)

    @property
    def precision(self) -> Precision:
        """The finest part that is known: ``year``, ``month``, ``day`` or ``time``."""
        if self.hour is not None:
            return "time"
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def uncertain(self) -> bool:
        """Whether the source doubts the date (``?`` or ``%``)."""
        return self.qualifier in ("?", "%")

    @property
    def approximate(self) -> bool:
        """Whether the source gives the date as roughly right (``~`` or ``%``)."""
        return self.qualifier in ("~", "%")

    def bounds(self, zone: str) -> tuple[int, int]:
        """The half-open interval ``[start, end)`` in epoch seconds, read in *zone*."""
        return _bounds(self, zone)

    def interval(self, zone: str) -> pendulum.Interval[pendulum.DateTime]:
        """The half-open interval as pendulum date-times in *zone*."""
        start, end = self.bounds(zone)
        tz = pendulum.timezone(zone)
        return pendulum.interval(
            pendulum.from_timestamp(start, tz), pendulum.from_timestamp(end, tz)
        )

    def __str__(self) -> str:
        return _format(self)


def _fail(text: str, why: str) -> DateError:
    return DateError(f"{text!r} is not a valid date: {why} (expected EDTF such as {_EXAMPLES})")


def _parse(text: str) -> PartialDate:
    """Parse EDTF text into a PartialDate."""
    if not isinstance(text, str):
        raise DateError(f"expected an EDTF date string, got {type(text).__name__}")
    match = _EDTF.fullmatch(text)
    if match is None:
        raise _fail(
            text,
            "it does not have the form YYYY, YYYY-MM, YYYY-MM-DD or "
            "YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM], with an optional ?, ~ or %",
        )
    g = match.groupdict()
    year_text: str = g["year"]
    year_span = 10 ** year_text.count("X")
    year = int(year_text.replace("X", "0"))
    if year < _MIN_YEAR or year + year_span - 1 > _MAX_YEAR:
        raise _fail(text, f"the year must be between {_MIN_YEAR:04d} and {_MAX_YEAR}")
    month_text, day_text = g["month"], g["day"]
    if year_span > 1 and month_text is not None:
        raise _fail(text, "a year with unspecified digits cannot have a month")
    month = day = None
    unspecified = 0
    if month_text is not None:
        if month_text == "XX":
            unspecified += 1
            if day_text is not None and day_text != "XX":
                raise _fail(text, "an unspecified month cannot have a known day")
        else:
            month = int(month_text)
            if not 1 <= month <= 12:
                raise _fail(text, f"month {month_text} is not between 01 and 12")
    if day_text is not None:
        if day_text == "XX":
            unspecified += 1
        else:
            assert month is not None
            last = calendar.monthrange(year, month)[1]
            day = int(day_text)
            if not 1 <= day <= last:
                raise _fail(
                    text,
                    f"day {day_text} does not exist in {year:04d}-{month:02d}, "
                    f"which has {last} days",
                )
    hour = minute = second = offset = None
    if g["hour"] is not None:
        if day is None:
            raise _fail(text, "a time needs a known day")
        hour, minute, second = _parse_clock(text, g["hour"], g["minute"], g["second"])
        if g["offset"] is not None:
            offset = _parse_offset(text, g["offset"])
    qualifier = _QUALIFIERS.get(g["qualifier"])
    return PartialDate(
        year, month, day, hour, minute, second, offset, qualifier, year_span, unspecified
    )


def _parse_clock(
    text: str, hour_text: str, minute_text: str, second_text: str | None
) -> tuple[int, int, int | None]:
    """Hour, minute and (if written) second of a time of day."""
    hour, minute = int(hour_text), int(minute_text)
    if hour > 23 or minute > 59:
        raise _fail(text, f"{hour_text}:{minute_text} is not a time of day")
    if second_text is None:
        return hour, minute, None
    second = int(second_text)
    if second > 59:
        raise _fail(text, f"second {second_text} is not between 00 and 59")
    return hour, minute, second


def _parse_offset(text: str, offset: str) -> int:
    """Minutes east of UTC of ``Z`` or ``+HH:MM``."""
    if offset == "Z":
        return 0
    hours, minutes = int(offset[1:3]), int(offset[4:6])
    if hours * 60 + minutes > 14 * 60 or minutes > 59:
        raise _fail(text, f"UTC offset {offset} is out of range (-14:00 to +14:00)")
    sign = -1 if offset[0] == "-" else 1
    return sign * (hours * 60 + minutes)


def _format(d: PartialDate) -> str:
    """EDTF text of a PartialDate, exactly as it parses."""
    if d.year_span > 1:
        digits = len(str(d.year_span)) - 1
        out = f"{d.year:04d}"[: 4 - digits] + "X" * digits
    else:
        out = f"{d.year:04d}"
    if d.month is not None:
        out += f"-{d.month:02d}"
    elif d.unspecified_parts:
        out += "-XX"
    if d.day is not None:
        out += f"-{d.day:02d}"
    elif d.unspecified_parts == 2 or (d.unspecified_parts == 1 and d.month is not None):
        out += "-XX"
    if d.hour is not None:
        out += f"T{d.hour:02d}:{d.minute:02d}"
        if d.second is not None:
            out += f":{d.second:02d}"
        if d.utc_offset is not None:
            out += _format_offset(d.utc_offset)
    if d.qualifier is not None:
        out += d.qualifier
    return out


def _format_offset(minutes: int) -> str:
    """``Z`` or ``+HH:MM`` for an offset in minutes."""
    if minutes == 0:
        return "Z"
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


@functools.lru_cache(maxsize=65536)
def _bounds(d: PartialDate, zone_name: str) -> tuple[int, int]:
    """Epoch-second interval of a PartialDate read in a zone (cached: dates repeat)."""
    zone = get_zone(zone_name)
    if d.hour is not None:
        assert d.month is not None and d.day is not None and d.minute is not None
        second = d.second or 0
        width = 1 if d.second is not None else 60
        fixed: _dt.tzinfo = zone
        if d.utc_offset is not None:
            fixed = _dt.timezone(_dt.timedelta(minutes=d.utc_offset))
        start = int(
            _dt.datetime(d.year, d.month, d.day, d.hour, d.minute, second, tzinfo=fixed).timestamp()
        )
        return start, start + width
    if d.day is not None:
        assert d.month is not None
        first = _dt.date(d.year, d.month, d.day)
        after = first + _dt.timedelta(days=1)
        return (
            _instant(zone, first.year, first.month, first.day),
            _instant(zone, after.year, after.month, after.day),
        )
    if d.month is not None:
        next_year, next_month = (d.year + 1, 1) if d.month == 12 else (d.year, d.month + 1)
        return _instant(zone, d.year, d.month, 1), _instant(zone, next_year, next_month, 1)
    return _instant(zone, d.year, 1, 1), _instant(zone, d.year + d.year_span, 1, 1)


def skipped_in(d: PartialDate, zone_name: str) -> str | None:
    """Why *d* names no time in *zone_name* (a clock change skipped it), or None.

    A day can be skipped (Samoa went from 29 to 31 December 2011) and so can
    a local time (02:30 on the night summer time begins); read anyway, the
    first would be an empty interval and the second would silently move.
    """
    start, end = _bounds(d, zone_name)
    if end <= start:
        return f"{d} does not exist in {zone_name}: a clock change skipped it"
    if d.hour is not None and d.utc_offset is None:
        moment = local_moment(start, get_zone(zone_name))
        if (moment.hour, moment.minute) != (d.hour, d.minute):
            return (
                f"{d} does not exist in {zone_name}: a clock change skipped it "
                f"(the clocks went straight to {moment:%H:%M}); give the time with its UTC offset"
            )
    return None


def time_unit(start: int, end: int) -> int:
    """Seconds in the unit a time interval ``[start, end)`` is named by.

    A minute, or a second when the source gave seconds: ``10:00`` is 60
    seconds wide, ``10:00:30`` one.
    """
    return 60 if (end - start) % 60 == 0 else 1


def format_bounds(start: int, end: int, zone_name: str, precision: Precision) -> str:
    """EDTF for the interval ``[start, end)`` at *precision*, read in *zone_name*.

    One value when the interval is one unit of that precision (``2025-09-18``),
    otherwise an EDTF interval of its first and last units
    (``2026-03-08/2026-03-09``). A whole decade at year precision is ``202X``.
    """
    zone = get_zone(zone_name)
    first, last = local_moment(start, zone), local_moment(end - 1, zone)
    if precision == "time":
        # A time is a minute (or a second) wide: name the interval by the
        # first and the last of those units, not by its exclusive end.
        unit = time_unit(start, end)

        def stamp(moment: _dt.datetime) -> str:
            # isoformat pads years below 1000; strftime("%Y") does not on glibc.
            text = f"{moment.date().isoformat()}T{moment:%H:%M}"
            if unit == 1:
                text += f":{moment.second:02d}"
            offset = moment.utcoffset()
            minutes = int(offset.total_seconds() // 60) if offset is not None else 0
            return text + _format_offset(minutes)

        if end - start <= unit:
            return stamp(first)
        return f"{stamp(first)}/{stamp(local_moment(end - unit, zone))}"
    if precision == "day":
        a, b = first.date().isoformat(), last.date().isoformat()
    elif precision == "month":
        a, b = f"{first.year:04d}-{first.month:02d}", f"{last.year:04d}-{last.month:02d}"
    else:
        a, b = f"{first.year:04d}", f"{last.year:04d}"
        for span, digits in ((100, 2), (10, 1)):
            if first.year % span == 0 and last.year == first.year + span - 1:
                return a[: 4 - digits] + "X" * digits
    return a if a == b else f"{a}/{b}"


def finer(a: Precision, b: Precision) -> Precision:
    """The finer of two precisions."""
    return a if _RANK[a] >= _RANK[b] else b
