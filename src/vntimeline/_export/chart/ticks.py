"""The date axis's labels in the chart's language: CLDR month names in matplotlib's concise labels.

matplotlib's ``ConciseDateFormatter`` decides which part of a date each
tick shows (the year, the month, the day, the time) and writes it with
``strftime``, whose ``%b`` is the C library's English month name. English
keeps that formatter as it is (its output is pinned). For another language
the formats name the month by number inside a marker (``{M:09}``,
``{yMd:2025-09-18}``); after matplotlib has chosen and written the labels,
each marker is replaced by the CLDR words for it (:mod:`vntimeline._locale`),
so matplotlib's choice of what to show is kept and only the words change.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import TYPE_CHECKING, Any, Final

from ..._locale import month_name, short_date, short_month

if TYPE_CHECKING:
    from matplotlib.dates import AutoDateLocator
    from matplotlib.ticker import Formatter

__all__ = ["date_formatter", "fill"]

#: ConciseDateFormatter's defaults with every month name replaced by a marker.
_FORMATS: Final = ["%Y", "{M:%m}", "%d", "%H:%M", "%H:%M", "%S.%f"]
_ZERO_FORMATS: Final = ["", "%Y", "{M:%m}", "{Md:%Y-%m-%d}", "%H:%M", "%H:%M"]
_OFFSET_FORMATS: Final = [
    "",
    "%Y",
    "{yM:%Y-%m}",
    "{yMd:%Y-%m-%d}",
    "{yMd:%Y-%m-%d}",
    "{yMd:%Y-%m-%d} %H:%M",
]
_MARKER: Final = re.compile(r"\{(M|Md|yM|yMd):(\d+)(?:-(\d+))?(?:-(\d+))?\}")


def fill(text: str, lang: str) -> str:
    """*text* with each month marker replaced by its words in *lang* (see the module)."""

    def words(match: re.Match[str]) -> str:
        kind = match.group(1)
        if kind == "M":
            return month_name(int(match.group(2)), lang, short=True)
        parts = [int(p) for p in match.groups()[1:] if p is not None]
        day = _dt.date(*parts) if len(parts) == 3 else _dt.date(parts[0], parts[1], 1)
        if kind == "yM":
            return short_month(day, lang)
        return short_date(day, lang, year=kind == "yMd")

    return _MARKER.sub(words, text)


def date_formatter(locator: AutoDateLocator, tz: _dt.tzinfo, lang: str) -> Formatter:
    """The date axis's formatter: matplotlib's concise one, its month names in *lang*."""
    from matplotlib.dates import ConciseDateFormatter

    if lang == "en":
        return ConciseDateFormatter(locator, tz=tz)  # type: ignore[no-untyped-call]
    made: Formatter = _localised()(locator, tz, lang)
    return made


@functools.cache
def _localised() -> Any:
    """The formatter class (made on first use: matplotlib is imported lazily)."""
    from matplotlib.dates import ConciseDateFormatter

    class LocalisedDateFormatter(ConciseDateFormatter):
        """ConciseDateFormatter whose month names are CLDR's for one language."""

        def __init__(self, locator: AutoDateLocator, tz: _dt.tzinfo, lang: str) -> None:
            super().__init__(  # type: ignore[no-untyped-call]
                locator,
                tz=tz,
                formats=list(_FORMATS),
                zero_formats=list(_ZERO_FORMATS),
                offset_formats=list(_OFFSET_FORMATS),
            )
            self.lang = lang

        def format_ticks(self, values: Any) -> list[str]:
            labels = super().format_ticks(values)  # type: ignore[no-untyped-call]
            return [fill(str(text), self.lang) for text in labels]

        def get_offset(self) -> str:
            offset = super().get_offset()  # type: ignore[no-untyped-call]
            return fill(str(offset), self.lang)

    return LocalisedDateFormatter
