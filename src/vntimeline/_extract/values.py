"""Calendar arithmetic and EDTF text for the values the extractor proposes.

Pure functions over plain integers: no parsing, no context. A day is a
``(year, month, day)`` tuple, compared as tuples.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from typing import Final

__all__ = [
    "GROUP_MONTHS",
    "Day",
    "add_days",
    "day",
    "group",
    "interval",
    "month",
    "month_length",
    "one_of",
    "shift_month",
    "valid_day",
    "weekday_near",
    "year",
]

Day = tuple[int, int, int]

#: EDTF grouping code -> (first month, last month): quarters, halves, seasons.
GROUP_MONTHS: Final[dict[int, tuple[int, int]]] = {
    21: (3, 5),
    22: (6, 8),
    23: (9, 11),
    24: (12, 12),
    33: (1, 3),
    34: (4, 6),
    35: (7, 9),
    36: (10, 12),
    40: (1, 6),
    41: (7, 12),
}


def year(y: int, qualifier: str = "") -> str:
    """``2021``, or ``2021~`` with a qualifier."""
    return f"{y:04d}{qualifier}"


def month(y: int, m: int, qualifier: str = "") -> str:
    """``2024-04``."""
    return f"{y:04d}-{m:02d}{qualifier}"


def day(d: Day, qualifier: str = "") -> str:
    """``2025-09-18``."""
    return f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}{qualifier}"


def group(y: int, code: int, qualifier: str = "") -> str:
    """A quarter, half or season: ``2025-36``."""
    return f"{y:04d}-{code:02d}{qualifier}"


def interval(first: str, last: str) -> str:
    """A stretch of time from *first* to *last*: ``2017/2018``."""
    return f"{first}/{last}"


def one_of(first: str, last: str) -> str:
    """One moment somewhere in a range: ``[2025..2030]``."""
    return f"[{first}..{last}]"


def month_length(y: int, m: int) -> int:
    """Days in month *m* of year *y*."""
    return calendar.monthrange(y, m)[1]


def valid_day(y: int, m: int, d: int) -> bool:
    """Whether the day exists (and its year is one the model accepts)."""
    return 2 <= y <= 9997 and 1 <= m <= 12 and 1 <= d <= month_length(y, m)


def shift_month(y: int, m: int, months: int) -> tuple[int, int]:
    """The month *months* after (or before) ``y-m``."""
    index = y * 12 + (m - 1) + months
    return index // 12, index % 12 + 1


def add_days(d: Day, days: int) -> Day:
    """The day *days* after (or before) *d*."""
    moved = _dt.date(*d) + _dt.timedelta(days=days)
    return moved.year, moved.month, moved.day


def weekday_near(d: Day, weekday: int, direction: int) -> Day:
    """The day with ISO *weekday* (1 = Monday) on or before *d* (-1), on or after (+1).

    With *direction* 0, the nearer of the two (the later one on a tie).
    """
    today = _dt.date(*d).isoweekday()
    back = (today - weekday) % 7
    ahead = (weekday - today) % 7
    if direction < 0 or (direction == 0 and back < ahead):
        return add_days(d, -back)
    return add_days(d, ahead)
