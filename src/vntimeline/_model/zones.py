"""Time zones: which names are accepted, and reading an instant as a local date."""

from __future__ import annotations

import datetime as _dt
import functools
import zoneinfo

import pendulum

from ..errors import DateError

__all__ = ["get_zone", "local_date", "local_moment", "portable_zone_name"]


def portable_zone_name(name: str) -> bool:
    """Whether *name* means the same zone on every machine.

    The system's zone folder also holds ``localtime`` (this machine's own
    zone), ``posixrules``, ``Factory`` and the ``posix/`` and ``right/``
    copies (the latter counting leap seconds): a timeline must not change
    with the machine that reads it.
    """
    return name not in {"localtime", "posixrules", "Factory"} and not name.startswith(
        ("posix/", "right/")
    )


@functools.lru_cache(maxsize=512)
def get_zone(name: str) -> zoneinfo.ZoneInfo:
    """Return the IANA time zone *name*, raising :class:`DateError` if unknown."""
    try:
        if not portable_zone_name(name):
            raise ValueError(name)
        return pendulum.timezone(name)
    except Exception as exc:  # pendulum raises several types for bad names
        raise DateError(
            f"unknown time zone {name!r}, expected an IANA name such as 'Asia/Ho_Chi_Minh'"
        ) from exc


def local_date(instant: int, zone: str) -> pendulum.Date:
    """The calendar date in *zone* at epoch second *instant*."""
    moment = _dt.datetime.fromtimestamp(instant, get_zone(zone))
    return pendulum.Date(moment.year, moment.month, moment.day)


def local_moment(instant: int, zone: zoneinfo.ZoneInfo) -> _dt.datetime:
    """The wall-clock date-time in *zone* at epoch second *instant*."""
    return _dt.datetime.fromtimestamp(instant, zone)
