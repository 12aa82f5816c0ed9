"""Where an event lands in a calendar: all-day, timed, or a one-day marker.

Theory of operation
-------------------
Each resolved event with any known date becomes one ``VEVENT``; events with no
date at all are left out and named in the calendar's description instead.
Where an event lands is decided by how much of its date is known:

==========================  ==================================================
what is known               what subscribers see
==========================  ==================================================
one day                     an all-day event: ``DTSTART;VALUE=DATE`` and an
                            exclusive ``DTEND`` (the next day)
a span of known days        one all-day event over those days
a time of day               ``DTSTART;TZID=<the event's zone>`` with a
                            ``VTIMEZONE``, and a ``DTEND`` one unit of the
                            time later (a minute for ``10:00``), or at the
                            last time when sources give several
a month, a year, a range,   a one-day *marker* on the first day it allows,
a bounded or open date      the real extent first in the summary
                            (``[April 2024] …``), so nothing fills a month
==========================  ==================================================

Every event is ``TRANSP:TRANSPARENT``: these are news milestones, never busy
time in a subscriber's own schedule. ``conflict`` and ``bounded`` events say
so in the summary (``[conflict: 8–9 March 2026] …``) and are ``TENTATIVE``.
(See ``docs/explanation/feeds.rst`` for what clients show, and
``docs/explanation/dates.rst`` for the dates themselves.)

A timed event always has a ``DTEND``: RFC 5545 reads a ``DTSTART`` alone as
an event of no length, which clients show differently (a line, a default
hour, nothing at all). The length is the time's own unit, what the source
actually said: ``10:00`` is the minute from 10:00 to 10:01, ``10:00:30`` one
second; a fixed hour would claim a duration nobody gave. When sources give
several times, the event runs from the first to the last of them
(``10:00`` and ``11:00``: 10:00 to 11:00, not to 11:01, the end of the last
minute).
"""

from __future__ import annotations

import datetime as _dt
import zoneinfo
from typing import TYPE_CHECKING

import attrs

from ..._locale import label, status_word
from ..._model.dates import time_unit
from .description import doubt, span_when, when

if TYPE_CHECKING:
    from ..._model.resolved import ResolvedDate, ResolvedEvent

__all__ = ["Placement", "place"]


@attrs.frozen
class Placement:
    """Where an event goes in a calendar and what its summary must add."""

    start: _dt.date | _dt.datetime
    #: Exclusive DTEND: a date for all-day events, else a date-time.
    end: _dt.date | _dt.datetime
    #: Text put first in the summary in brackets, or ``""``.
    label: str
    #: Whether the date is exactly what the calendar shows (no marker).
    exact: bool
    zone: str

    @property
    def timed(self) -> bool:
        """Whether DTSTART is a date-time (needs a VTIMEZONE)."""
        return isinstance(self.start, _dt.datetime)

    @property
    def sort_key(self) -> str:
        """Orders events by their first day, timed ones by their instant that day."""
        if isinstance(self.start, _dt.datetime):
            return self.start.date().isoformat() + self.start.astimezone(_dt.UTC).isoformat()
        return self.start.isoformat()


def _single_day(date: ResolvedDate) -> bool:
    """Whether *date* is known to one day (or finer), with both sides closed."""
    return (
        date.start is not None
        and date.end is not None
        and date.precision in ("day", "time")
        and date.earliest == date.latest
    )


def place(item: ResolvedEvent, lang: str = "en") -> Placement | None:
    """Decide the calendar placement of *item*, or ``None`` if it has no date.

    The summary's words are in *lang* (``"en"``, ``"vi"`` or ``"nl"``).
    """
    start = item.start
    if start is None or (start.start is None and start.end is None):
        return None
    end = item.end if item.kind == "span" else None
    zone_name = start.zone
    # A plain ZoneInfo, not pendulum's subclass: icalendar names TZID from it.
    zone = zoneinfo.ZoneInfo(zone_name)
    words = when(start, lang) if end is None else span_when(start, end, lang)
    unsure = doubt(start.value, lang) or (doubt(end.value, lang) if end is not None else "")
    if unsure:
        words = f"{words}, {unsure}"
    marks = {s: f"{status_word(s, lang)}: {words}" for s in ("conflict", "bounded")}
    mark = marks.get(item.status, words if unsure else "")
    if _single_day(start) and (end is None or _single_day(end)):
        assert start.start is not None and start.end is not None
        if item.kind == "span" and end is None:
            mark = mark or label("feed.from_unknown_end", lang).format(words=words)
        if start.precision == "time" and (end is None or end.precision == "time"):
            finish = _timed_end(start.start, start.end, end)
            return Placement(
                _moment(start.start, zone), _moment(finish, zone), mark, True, zone_name
            )
        first = start.earliest
        last = first if end is None else end.latest
        assert first is not None and last is not None
        if last < first:
            last = first
        return Placement(_plain(first), _plain(last) + _dt.timedelta(days=1), mark, True, zone_name)
    anchor = start.earliest if start.earliest is not None else start.latest
    assert anchor is not None
    day = _plain(anchor)
    return Placement(day, day + _dt.timedelta(days=1), mark or words, False, zone_name)


def _timed_end(first: int, stop: int, end: ResolvedDate | None) -> int:
    """The DTEND instant of a timed event whose start is the interval ``[first, stop)``.

    A span ends at its end's time; several times end at the last of them;
    one time lasts its unit (a minute, or a second when seconds were given).
    """
    unit = time_unit(first, stop)
    if end is not None and end.start is not None and end.start > first:
        return end.start
    if end is None and stop - first > unit:
        return stop - unit
    return first + unit


def _moment(instant: int, zone: zoneinfo.ZoneInfo) -> _dt.datetime:
    """*instant* in *zone*, or in UTC when that local time is ambiguous.

    In the hour a clock goes back, a local time happens twice and a TZID
    time cannot say which; a UTC time can.
    """
    local = _dt.datetime.fromtimestamp(instant, zone)
    if local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset():
        return local.astimezone(_dt.UTC)
    return local


def _plain(day: _dt.date) -> _dt.date:
    """A plain ``datetime.date`` (pendulum's Date subclass would leak into icalendar)."""
    return _dt.date(day.year, day.month, day.day)
