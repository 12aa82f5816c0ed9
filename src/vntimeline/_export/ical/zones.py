"""The VTIMEZONEs of a feed, written so that every client reads local times alike."""

from __future__ import annotations

import datetime as _dt
import zoneinfo
from typing import Any

__all__ = ["vtimezone"]


def vtimezone(name: str, first_year: int, end_year: int) -> Any:
    """A VTIMEZONE for *name* valid from 1 January *first_year* to 1 January *end_year*.

    Written here rather than by icalendar's ``Timezone.from_tzid``, whose output
    (icalendar 7.3) trips real clients: it lists later transitions as RDATEs of
    one observance, and ical.js (Thunderbird) then ignores that observance's
    DTSTART, putting a summer's events an hour off; and it gives a DAYLIGHT
    onset in the new offset's local time, where RFC 5545 reads it in
    TZOFFSETFROM's. Here every transition is an observance of its own, with
    its DTSTART in the local time it is left from.
    """
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    zone = zoneinfo.ZoneInfo(name)
    begin = int(_dt.datetime(first_year, 1, 1, tzinfo=zone).timestamp())
    end = int(_dt.datetime(end_year, 1, 1, tzinfo=zone).timestamp())

    def offset(instant: int) -> _dt.timedelta:
        value = _dt.datetime.fromtimestamp(instant, zone).utcoffset()
        assert value is not None
        return value

    onsets = [(begin, offset(begin), offset(begin))]
    instant = begin
    while instant < end:
        step = min(instant + 86400, end)  # no zone changes offset twice in a day
        if offset(step) != offset(instant):
            low, high = instant, step  # offset(low) != offset(high): bisect to the second
            while high - low > 1:
                middle = (low + high) // 2
                low, high = (middle, high) if offset(middle) == offset(low) else (low, middle)
            onsets.append((high, offset(low), offset(high)))
        instant = step
    component = Timezone()
    component.add("TZID", name)
    for onset, before, after in onsets:
        moment = _dt.datetime.fromtimestamp(onset, zone)
        daylight = bool(moment.dst())
        observance = TimezoneDaylight() if daylight else TimezoneStandard()
        local = _dt.datetime.fromtimestamp(onset, _dt.UTC).replace(tzinfo=None) + before
        observance.add("DTSTART", local)
        observance.add("TZOFFSETFROM", before)
        observance.add("TZOFFSETTO", after)
        observance.add("TZNAME", moment.tzname() or name)
        component.add_component(observance)
    return component
