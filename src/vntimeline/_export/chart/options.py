"""The chart's options, checked before matplotlib is imported: a bad value fails fast.

Each check raises a ``ValueError`` subclass (:class:`~vntimeline.errors.OptionError`,
or :class:`~vntimeline.errors.DateError` for dates) whose message says what
was expected. Dates are read in the timeline's zone (see
``docs/explanation/dates.rst``) and kept as epoch seconds.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from ..._locale import check_lang
from ..._model.convert import window_instant
from ..._model.dates import PartialDate, get_zone
from ..._model.events import suggest
from ...errors import DateError, ExportError, OptionError
from ..lanes import choose_lanes

if TYPE_CHECKING:
    from ..._model.resolved import ResolvedTimeline

__all__ = [
    "DEFAULT_MAX_ROWS",
    "FORMATS",
    "MAX_HEIGHT",
    "DateLike",
    "Options",
    "check_dpi",
    "check_options",
    "formats_of",
    "noon",
]

DateLike = PartialDate | str | _dt.date

#: Rows a lane may use before crowded events lose their labels.
DEFAULT_MAX_ROWS: Final = 24
#: The file formats the chart is saved in, by file extension.
FORMATS: Final[dict[str, str]] = {".svg": "svg", ".png": "png", ".pdf": "pdf"}
#: The tallest chart, in inches, that ``height`` may ask for.
MAX_HEIGHT: Final = 200.0


@attrs.frozen
class Options:
    """Checked chart options; dates are epoch seconds, colours category -> colour."""

    categories: tuple[str, ...]
    explicit: bool
    since: int | None
    until: int | None
    today: _dt.date | None
    title: str | None
    width: float
    max_rows: int | None
    height: float | None = None
    colors: Mapping[str, str] = attrs.field(factory=dict)
    #: The language of month names, the legend and the footnote.
    lang: str = "en"


def check_options(
    resolved: ResolvedTimeline,
    *,
    categories: Sequence[str] | None = None,
    since: DateLike | None = None,
    until: DateLike | None = None,
    today: _dt.date | str | None = None,
    title: str | None = None,
    width: float | None = None,
    max_rows: int | None = DEFAULT_MAX_ROWS,
    height: float | None = None,
    colors: Mapping[str, str] | None = None,
    lang: str = "en",
) -> Options:
    """Check every option, raising a ``ValueError`` subclass that says what was wrong."""
    check_lang(lang)
    known = resolved.timeline.categories
    lanes, explicit = choose_lanes(known, categories)
    zone = resolved.timezone
    low = None if since is None else _instant(since, zone, "since", end=False)
    high = None if until is None else _instant(until, zone, "until", end=True)
    if low is not None and high is not None and low >= high:
        raise DateError(f"since ({since}) must come before until ({until})")
    if width is not None and (not _number(width) or not 3 <= width <= 60):
        raise OptionError(f"width must be a number of inches from 3 to 60, got {width!r}")
    if height is not None and (not _number(height) or not 0 < height <= MAX_HEIGHT):
        raise OptionError(
            f"height must be a number of inches above 0 and at most {MAX_HEIGHT:g}, got {height!r}"
        )
    if max_rows is not None and (
        isinstance(max_rows, bool) or not isinstance(max_rows, int) or max_rows < 1
    ):
        raise OptionError(
            f"max_rows must be a whole number of at least 1, or None, got {max_rows!r}"
        )
    if title is not None and not isinstance(title, str):
        raise OptionError(f"title must be text or None, got {title!r}")
    return Options(
        lanes,
        explicit,
        low,
        high,
        _day(today),
        title or None,
        float(width or 10.0),
        max_rows,
        None if height is None else float(height),
        _colors(known, colors),
        lang,
    )


def _number(value: object) -> bool:
    """Whether *value* is a finite int or float (not a bool)."""
    return not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value)


def _colors(known: Sequence[str], colors: Mapping[str, Any] | None) -> dict[str, str]:
    """The *colors* option checked: known categories, colours matplotlib reads, as hex."""
    if colors is None:
        return {}
    if not isinstance(colors, Mapping):
        raise OptionError(f"colors must map category names to colours, got {colors!r}")
    from matplotlib.colors import to_hex, to_rgba

    checked = {}
    for category, colour in colors.items():
        if category not in known:
            raise OptionError(
                f"colors: no category {category!r} in the timeline"
                f"{suggest(str(category), known)}; it has {', '.join(sorted(known))}"
            )
        try:
            rgba = to_rgba(colour)
        except (TypeError, ValueError):
            raise OptionError(
                f"colors: {colour!r} (for {category!r}) is not a colour matplotlib can read, "
                "such as '#1f77b4', 'teal' or 'tab:blue'"
            ) from None
        checked[category] = str(to_hex(rgba, keep_alpha=rgba[3] < 1))
    return checked


def _instant(value: DateLike, zone: str, name: str, *, end: bool) -> int:
    """Epoch seconds of the start (or the exclusive end) of *value* read in *zone*."""
    if isinstance(value, _dt.datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=get_zone(zone))
        return int(moment.timestamp())
    return window_instant(value, zone, name, end=end)


def _day(value: _dt.date | str | None) -> _dt.date | None:
    """The "today" option as a date."""
    if value is None or (isinstance(value, _dt.date) and not isinstance(value, _dt.datetime)):
        return value
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise DateError(f"today must be a date such as 2025-11-23, got {value!r}")


def noon(day: _dt.date, zone: str) -> int:
    """Epoch seconds of noon on *day* in *zone*: where a day's diamond sits."""
    return int(_dt.datetime(day.year, day.month, day.day, 12, tzinfo=get_zone(zone)).timestamp())


def formats_of(targets: Sequence[Path]) -> list[str]:
    """The format of each file to write, by its extension (see :data:`FORMATS`)."""
    formats = []
    for target in targets:
        fmt = FORMATS.get(target.suffix.lower())
        if fmt is None:
            raise ExportError(
                f"cannot tell the chart format of {str(target)!r}: name it .svg, .png or .pdf"
            )
        formats.append(fmt)
    return formats


def check_dpi(dpi: float | None) -> None:
    """Refuse a resolution that is not a number from 10 to 1200 (``None``: the default)."""
    if dpi is not None and (
        isinstance(dpi, bool) or not isinstance(dpi, int | float) or not 10 <= dpi <= 1200
    ):
        raise OptionError(f"dpi must be a number from 10 to 1200, got {dpi!r}")
