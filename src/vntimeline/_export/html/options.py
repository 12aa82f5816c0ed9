"""The interactive page's options, checked before anything is built: a bad value fails fast.

Each check raises a ``ValueError`` subclass (:class:`~vntimeline.errors.OptionError`,
or :class:`~vntimeline.errors.DateError` for dates) whose message says what
was expected. ``since`` and ``until`` are read in the timeline's zone and kept
as epoch seconds, inclusive at their precision (``until="2025"`` shows all of
2025), as the chart reads them.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from ..._locale import check_lang
from ..._model.convert import window_instant
from ..._model.dates import PartialDate
from ...errors import DateError, OptionError
from ..lanes import choose_lanes

if TYPE_CHECKING:
    from ..._model.resolved import ResolvedTimeline

__all__ = ["DateLike", "Options", "check_options"]

DateLike = PartialDate | str | _dt.date


@attrs.frozen
class Options:
    """Checked options: the lanes in order, the window in epoch seconds, language and title."""

    lang: str
    categories: tuple[str, ...]
    since: int | None
    until: int | None
    title: str


def check_options(
    resolved: ResolvedTimeline,
    *,
    lang: str = "en",
    categories: Sequence[str] | None = None,
    since: DateLike | None = None,
    until: DateLike | None = None,
    title: str | None = None,
) -> Options:
    """Check every option against *resolved*; a ``ValueError`` subclass says what is wrong."""
    zone = resolved.timezone
    low = None if since is None else _instant(since, zone, "since", end=False)
    high = None if until is None else _instant(until, zone, "until", end=True)
    if low is not None and high is not None and low >= high:
        raise DateError(f"since ({since}) must come before until ({until})")
    if title is not None and not isinstance(title, str):
        raise OptionError(f"title must be text or None, got {title!r}")
    return Options(
        check_lang(lang),
        choose_lanes(resolved.timeline.categories, categories)[0],
        low,
        high,
        title.strip() if title and title.strip() else resolved.timeline.display_name,
    )


def _instant(value: DateLike, zone: str, name: str, *, end: bool) -> int:
    """Epoch seconds of the start (or the exclusive end) of *value*, read in *zone*."""
    if isinstance(value, _dt.datetime):
        raise DateError(f"{name} must be a date, not the date-time {value.isoformat()}")
    return window_instant(value, zone, name, end=end)
