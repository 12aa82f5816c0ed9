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

import datetime as _dt
import functools
import zoneinfo
from typing import Final, Literal

import attrs
import pendulum

from .edtf import GROUPINGS, OPEN, Fields, RangeFields, fail, parse_fields
from .zones import get_zone, local_date, local_moment, portable_zone_name

__all__ = [
    "MONTH_NAMES",
    "OPEN_END",
    "OPEN_START",
    "PRECISIONS",
    "DateRange",
    "EventDate",
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

_QUALIFIERS: Final[dict[str | None, Qualifier]] = {"?": "?", "~": "~", "%": "%"}

#: Epoch seconds that stand for an open side of a range: beyond any date a
#: value can name (years 0002 to 9997), so comparisons need no special case.
OPEN_START: Final = -(2**62)
OPEN_END: Final = 2**62


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
    #: 1 for a plain year, 10 for ``202X``, 100 for ``20XX``, 1000 for ``1XXX``.
    year_span: int = 1
    #: How many of the written parts are unspecified (``XX``): 0, 1 or 2.
    unspecified_parts: int = 0
    #: A season (21-24), quarter (33-36) or half (40-41) in the month's place.
    grouping: int | None = None
    #: Whether the offset was written with hours only (``+07``).
    offset_hours_only: bool = False

    @classmethod
    def parse(cls, text: str) -> PartialDate | DateRange:
        """Parse EDTF *text*, raising :class:`DateError` that says what is wrong.

        A "one of" range (``[..2026-03-08]``) or an open end (``..``) gives a
        :class:`DateRange`; every other form a :class:`PartialDate`.
        """
        return _parse(text)

    @property
    def precision(self) -> Precision:
        """The finest part that is known: ``year``, ``month``, ``day`` or ``time``.

        A season, quarter or half is known to the month.
        """
        if self.hour is not None:
            return "time"
        if self.day is not None:
            return "day"
        if self.month is not None or self.grouping is not None:
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


@attrs.frozen(cache_hash=True)
class DateRange:
    """A date known only to lie in a range: the EDTF "one of" set ``[FIRST..LAST]``.

    Either end may be open: ``[..2026-03-08]`` is on or before 8 March 2026
    (what a report published that day tells), ``[2025-09..]`` on or after
    September 2025. With both ends open it is ``..``, which only a span's
    end may use: the span is still going on.
    """

    lower: PartialDate | None = None
    upper: PartialDate | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate | DateRange:
        """Parse EDTF *text*, as :meth:`PartialDate.parse` does."""
        return _parse(text)

    @property
    def precision(self) -> Precision:
        """The coarser precision of the known ends (``year`` when neither is known)."""
        known = [end.precision for end in (self.lower, self.upper) if end is not None]
        return min(known, key=_RANK.__getitem__, default="year")

    @property
    def qualifier(self) -> Qualifier | None:
        """Always ``None``: a range says how little is known by itself."""
        return None

    @property
    def uncertain(self) -> bool:
        """Always ``False`` (see :attr:`qualifier`)."""
        return False

    @property
    def approximate(self) -> bool:
        """Always ``False`` (see :attr:`qualifier`)."""
        return False

    @property
    def open_start(self) -> bool:
        """Whether the range has no first date (``[..X]``)."""
        return self.lower is None

    @property
    def open_end(self) -> bool:
        """Whether the range has no last date (``[X..]``)."""
        return self.upper is None

    def bounds(self, zone: str) -> tuple[int, int]:
        """``[start, end)`` in epoch seconds; open sides are ``OPEN_START`` and ``OPEN_END``."""
        start = OPEN_START if self.lower is None else self.lower.bounds(zone)[0]
        end = OPEN_END if self.upper is None else self.upper.bounds(zone)[1]
        return start, end

    def __str__(self) -> str:
        if self.lower is None and self.upper is None:
            return OPEN
        return f"[{self.lower or ''}..{self.upper or ''}]"


#: A claim's date: a partial date, or a range it is only known to lie in.
EventDate = PartialDate | DateRange


def _parse(text: str) -> PartialDate | DateRange:
    """Parse EDTF text into a PartialDate, or a DateRange for a "one of" range."""
    fields = parse_fields(text)
    if isinstance(fields, RangeFields):
        lower = None if fields.lower is None else _point(fields.lower)
        upper = None if fields.upper is None else _point(fields.upper)
        if lower is not None and upper is not None and _reversed(lower, upper):
            raise fail(text, f"the range is reversed: {lower} is after {upper}")
        return DateRange(lower, upper)
    return _point(fields)


def _point(f: Fields) -> PartialDate:
    """The PartialDate of parsed fields."""
    return PartialDate(
        f.year,
        f.month,
        f.day,
        f.hour,
        f.minute,
        f.second,
        f.utc_offset,
        _QUALIFIERS.get(f.qualifier),
        f.year_span,
        f.unspecified_parts,
        f.grouping,
        f.offset_hours_only,
    )


def _reversed(lower: PartialDate, upper: PartialDate) -> bool:
    """Whether no instant can lie in both ends' order (read in UTC)."""
    return upper.bounds("UTC")[1] <= lower.bounds("UTC")[0]


def _format(d: PartialDate) -> str:
    """EDTF text of a PartialDate, exactly as it parses."""
    if d.year_span > 1:
        digits = len(str(d.year_span)) - 1
        out = f"{d.year:04d}"[: 4 - digits] + "X" * digits
    else:
        out = f"{d.year:04d}"
    if d.month is not None:
        out += f"-{d.month:02d}"
    elif d.grouping is not None:
        out += f"-{d.grouping}"
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
            out += _format_offset(d.utc_offset, hours_only=d.offset_hours_only)
    if d.qualifier is not None:
        out += d.qualifier
    return out


def _format_offset(minutes: int, *, hours_only: bool = False) -> str:
    """``Z``, ``+HH:MM`` (or ``+HH`` when so written) for an offset in minutes."""
    if minutes == 0 and not hours_only:
        return "Z"
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}" if hours_only else f"{sign}{hours:02d}:{mins:02d}"


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
    if d.month is not None or d.grouping is not None:
        first_month, last_month = _months(d)
        next_year, next_month = (d.year + 1, 1) if last_month == 12 else (d.year, last_month + 1)
        return _instant(zone, d.year, first_month, 1), _instant(zone, next_year, next_month, 1)
    return _instant(zone, d.year, 1, 1), _instant(zone, d.year + d.year_span, 1, 1)


def _months(d: PartialDate) -> tuple[int, int]:
    """The first and last month of a month, season, quarter or half."""
    if d.grouping is not None:
        first, last, _name = GROUPINGS[d.grouping]
        return first, last
    assert d.month is not None
    return d.month, d.month


def skipped_in(d: EventDate, zone_name: str) -> str | None:
    """Why *d* names no time in *zone_name* (a clock change skipped it), or None.

    A day can be skipped (Samoa went from 29 to 31 December 2011) and so can
    a local time (02:30 on the night summer time begins); read anyway, the
    first would be an empty interval and the second would silently move.
    """
    if isinstance(d, DateRange):
        ends = (end for end in (d.lower, d.upper) if end is not None)
        return next(filter(None, (skipped_in(end, zone_name) for end in ends)), None)
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
    (``2026-03-08/2026-03-09``). A whole decade, century or millennium at year
    precision is ``202X``, ``20XX`` or ``1XXX``.
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
        for span, digits in ((1000, 3), (100, 2), (10, 1)):
            if first.year % span == 0 and last.year == first.year + span - 1:
                return a[: 4 - digits] + "X" * digits
    return a if a == b else f"{a}/{b}"


def finer(a: Precision, b: Precision) -> Precision:
    """The finer of two precisions."""
    return a if _RANK[a] >= _RANK[b] else b
