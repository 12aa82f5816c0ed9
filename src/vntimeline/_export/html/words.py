"""The page's words for dates: a decided date or a claim's date, in the page's language.

A date is written at its precision, never finer, with the locale's own
patterns (:func:`vntimeline._locale.format_date`): ``18 September 2025``,
``tháng 4 năm 2024``, ``8–9 maart 2026``; an open side reads "on or
before"/"on or after", ``~`` "about" and ``?`` "(uncertain)", in the words
the docs' tables use (the ``docs.*`` labels), so a date reads the same on
the page and in the tables.

Formatting through CLDR costs tens of microseconds, and at 10,000 events
the same days come back again and again: :class:`Words` keeps what it wrote.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Final

from ..._locale import format_date, label
from ..._model.dates import OPEN_END, OPEN_START
from ..._model.zones import local_date

if TYPE_CHECKING:
    from ..._model.dates import EventDate
    from ..._model.resolved import ResolvedDate, ResolvedEvent

__all__ = ["DASH", "Words"]

DASH: Final = " \N{EN DASH} "


class Words:
    """Dates in words in one language, each distinct one formatted once."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._dates: dict[tuple[_dt.date, _dt.date, str], str] = {}
        self._days: dict[tuple[int, str], _dt.date] = {}

    def _day(self, instant: int, zone: str) -> _dt.date:
        key = (instant, zone)
        day = self._days.get(key)
        if day is None:
            day = self._days[key] = local_date(instant, zone)
        return day

    def _range(self, first: _dt.date, last: _dt.date, precision: str) -> str:
        key = (first, last, precision)
        text = self._dates.get(key)
        if text is None:
            text = self._dates[key] = format_date(first, last, precision, self.lang)
        return text

    def span(
        self, start: int | None, end: int | None, precision: str, value: str, zone: str
    ) -> str:
        """The instants ``[start, end)`` (``None``: an open side) in words at *precision*."""
        lang = self.lang
        if start is None and end is None:
            return label("docs.still_going" if value == ".." else "docs.not_dated", lang)
        if start is None:
            assert end is not None
            last = self._day(end - 1, zone)
            words = label("docs.on_or_before", lang).format(date=self._range(last, last, precision))
        elif end is None:
            first = self._day(start, zone)
            words = label("docs.on_or_after", lang).format(
                date=self._range(first, first, precision)
            )
        else:
            words = self._range(self._day(start, zone), self._day(end - 1, zone), precision)
        qualifier = value[-1:]
        if qualifier in ("~", "%"):
            words = label("docs.about", lang).format(date=words)
        if qualifier in ("?", "%"):
            words = label("docs.uncertain", lang).format(date=words)
        return words

    def decided(self, date: ResolvedDate | None, zone: str) -> str:
        """A resolved start or end in words (``undated`` when there is none)."""
        if date is None:
            return label("docs.not_dated", self.lang)
        return self.span(date.start, date.end, date.precision, date.value, zone)

    def event(self, event: ResolvedEvent) -> str:
        """The event's decided date: its start, and for a span its end."""
        zone = event.event.timezone
        start, end = event.start, event.end
        if start is None or end is None:
            return self.decided(start, zone)
        if (
            start.exact
            and end.exact
            and start.precision == end.precision == "day"
            and start.start is not None
            and end.end is not None
            and start.start < end.end
        ):
            return self._range(self._day(start.start, zone), self._day(end.end - 1, zone), "day")
        a, b = self.decided(start, zone), self.decided(end, zone)
        return a if a == b else f"{a}{DASH}{b}"

    def claim(self, start: EventDate | None, end: EventDate | None, zone: str) -> str:
        """A claim's date (its start, and its end if it gives one) in words."""
        parts = [self._claimed(d, zone) for d in (start, end) if d is not None]
        return DASH.join(parts) if parts else label("docs.not_dated", self.lang)

    def _claimed(self, date: EventDate, zone: str) -> str:
        low, high = date.bounds(zone)
        return self.span(
            None if low == OPEN_START else low,
            None if high == OPEN_END else high,
            date.precision,
            str(date),
            zone,
        )
