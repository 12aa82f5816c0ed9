"""Hypothesis strategies shared by several test modules: zones and EDTF texts."""

from __future__ import annotations

import datetime as dt

from hypothesis import settings
from hypothesis import strategies as st

HANOI = "Asia/Ho_Chi_Minh"

#: Zones with whole-hour, half-hour and 45-minute offsets, DST (also at
#: midnight, as in Sao Paulo until 2019) and no DST; none skips a whole day.
ZONES = st.sampled_from(
    [
        HANOI,
        "UTC",
        "Asia/Shanghai",
        "Europe/Amsterdam",
        "America/New_York",
        "America/Sao_Paulo",
        "Asia/Kolkata",
        "Asia/Kathmandu",
        "Pacific/Kiritimati",
        "Pacific/Pago_Pago",
    ]
)
QUALIFIERS = st.sampled_from(["", "?", "~", "%"])
FORMS = (
    "year",
    "decade",
    "century",
    "millennium",
    "month",
    "grouping",
    "month-xx",
    "day",
    "day-xx",
    "xx-xx",
    "time",
)
#: Seasons, quarters and halves: the codes that stand in the month's place.
GROUPING_CODES = (21, 22, 23, 24, 33, 34, 35, 36, 40, 41)
EXPECTED_PRECISION = {
    "year": "year",
    "decade": "year",
    "century": "year",
    "millennium": "year",
    "month": "month",
    "grouping": "month",
    "month-xx": "year",
    "day": "day",
    "day-xx": "month",
    "xx-xx": "year",
    "time": "time",
}

#: Hypothesis budgets: enough to find boundary cases, small enough for a fast suite.
FAST = settings(max_examples=200, deadline=None)


@st.composite
def offsets(draw: st.DrawFn) -> str:
    """``Z``, ``+HH:MM``/``-HH:MM`` (never ``±00:00``, written ``Z``), or hours only ``+HH``."""
    minutes = draw(st.integers(-14 * 60, 14 * 60))
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    if draw(st.booleans()):
        return f"{sign if hours else '+'}{hours:02d}"  # -00 is not UTC (RFC 3339)
    if minutes == 0:
        return "Z"
    return f"{sign}{hours:02d}:{mins:02d}"


@st.composite
def edtf_values(
    draw: st.DrawFn,
    forms: tuple[str, ...] = FORMS,
    first_year: int = 2,
    last_year: int = 9997,
) -> tuple[str, str]:
    """A valid EDTF text of the supported subset, and the form it was made in."""
    form = draw(st.sampled_from(forms))
    day = draw(st.dates(dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)))
    year = f"{day.year:04d}"
    if form == "year":
        text = year
    elif form == "decade":
        text = f"{draw(st.integers(max(1, first_year // 10), (last_year - 9) // 10)):03d}X"
    elif form == "century":
        text = f"{draw(st.integers(max(1, first_year // 100), (last_year - 99) // 100)):02d}XX"
    elif form == "millennium":
        low, high = max(1, first_year // 1000), (last_year - 999) // 1000
        text = f"{draw(st.integers(low, high))}XXX"
    elif form == "month":
        text = day.isoformat()[:7]
    elif form == "grouping":
        text = f"{year}-{draw(st.sampled_from(GROUPING_CODES))}"
    elif form == "month-xx":
        text = f"{year}-XX"
    elif form == "day":
        text = day.isoformat()
    elif form == "day-xx":
        text = f"{day.isoformat()[:7]}-XX"
    elif form == "xx-xx":
        text = f"{year}-XX-XX"
    else:
        clock = draw(st.times()).isoformat()
        clock = clock[:8] if draw(st.booleans()) else clock[:5]
        zone = draw(st.one_of(st.just(""), offsets()))
        text = f"{day.isoformat()}T{clock}{zone}"
    return text + draw(QUALIFIERS), form
