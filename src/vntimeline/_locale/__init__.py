"""The words of every output in English, Vietnamese or Dutch: dates, month names, labels.

Theory of operation
-------------------
Two kinds of words differ between languages, and they come from two places:

* **Dates and month names** come from CLDR, through Babel (:mod:`.cldr`, the
  one module that imports it, on first use: ``import vntimeline`` never
  loads Babel). A date is written at its precision with the locale's own
  patterns and interval formats (``18 tháng 9, 2025``, ``18–19 september
  2025``). English keeps the project's own day-month-year wording
  (:mod:`.english`), because its outputs' bytes must not change and CLDR's
  English is written differently (see there).
* **Words CLDR does not have** (the resolver's statuses, the chart's legend,
  the feed's sentences, table headers) are small catalogs, one module per
  language (:mod:`.words_en`, :mod:`.words_vi`, :mod:`.words_nl`), keyed
  alike; a test checks that every language has every key. A text with
  ``{placeholders}`` is filled in by its caller with ``str.format``.

Every function takes the language as ``"en"``, ``"vi"`` or ``"nl"``
(:data:`LANGUAGES`); :func:`check_lang` turns anything else into an
:class:`~vntimeline.errors.OptionError` that names the supported ones.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Final

from ..errors import OptionError
from . import english, words_en, words_nl, words_vi

__all__ = [
    "LANGUAGES",
    "PRECISION_WORDS",
    "check_lang",
    "day_and_time",
    "format_date",
    "label",
    "list_of",
    "month_name",
    "plural",
    "short_date",
    "short_month",
    "status_word",
]

#: The languages every output can be written in; the first is the default.
LANGUAGES: Final[tuple[str, ...]] = ("en", "vi", "nl")
#: The precisions :func:`format_date` writes (``time`` is written as its day).
PRECISION_WORDS: Final = ("year", "month", "day", "time")

_CATALOGS: Final[dict[str, dict[str, str]]] = {
    "en": words_en.WORDS,
    "vi": words_vi.WORDS,
    "nl": words_nl.WORDS,
}


def check_lang(lang: str) -> str:
    """*lang* if it is one of :data:`LANGUAGES`, else an OptionError naming them."""
    if not isinstance(lang, str) or lang not in LANGUAGES:
        raise OptionError(f"unknown language {lang!r}; supported: {', '.join(LANGUAGES)}")
    return lang


def month_name(month: int, lang: str, *, short: bool = False) -> str:
    """CLDR's name of *month* (1-12): ``September``/``Sep``, ``tháng 9``/``thg 9``."""
    from . import cldr

    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise ValueError(f"a month is a whole number from 1 to 12, got {month!r}")
    return cldr.month_name(month, check_lang(lang), short=short)


def format_date(earliest: _dt.date, latest: _dt.date, precision: str, lang: str) -> str:
    """A resolved date in words at *precision*, sharing what its two ends share.

    ``18 September 2025``, ``April 2024``, ``8–9 March 2026``, ``2018–2019``;
    ``18 tháng 9, 2025``; ``18 september 2025``. ``time`` is written as the day.
    """
    check_lang(lang)
    if precision not in PRECISION_WORDS:
        raise ValueError(
            f"precision must be one of {', '.join(PRECISION_WORDS)}, got {precision!r}"
        )
    first, last = _plain(earliest), _plain(latest)
    if lang == "en":
        return english.format_date(first, last, precision)
    from . import cldr

    return cldr.format_date(first, last, precision, lang)


def short_date(day: _dt.date, lang: str, *, year: bool = True) -> str:
    """A day with a short month name: ``15 Jan 2026``, ``15 thg 1, 2026``, ``15 jan 2026``."""
    check_lang(lang)
    if lang == "en":
        return english.short_date(day, year=year)
    from . import cldr

    return cldr.skeleton_date(_plain(day), "yMMMd" if year else "MMMd", lang)


def short_month(day: _dt.date, lang: str) -> str:
    """A month and its year, the month's name short: ``Sep 2025``, ``thg 9 2025``."""
    check_lang(lang)
    if lang == "en":
        return english.short_month(day)
    from . import cldr

    return cldr.skeleton_date(_plain(day), "yMMM", lang)


def day_and_time(day: str, clock: str, lang: str) -> str:
    """A day in words (from :func:`format_date`) with a time of day such as ``14:00``."""
    check_lang(lang)
    if lang == "en":
        return english.day_and_time(day, clock)
    from . import cldr

    return cldr.day_and_time(day, clock, lang)


def status_word(status: str, lang: str) -> str:
    """The resolver's *status* (``agreed``, ``conflict``...) as a word of *lang*."""
    return label(f"status.{status}", lang)


def label(key: str, lang: str) -> str:
    """The text of *key* in *lang* (see the catalogs); an unknown key is a KeyError."""
    return _CATALOGS[check_lang(lang)][key]


def plural(key: str, count: int, lang: str) -> str:
    """The text of ``<key>.one`` or ``<key>.other`` for *count* (CLDR's rule), filled in."""
    from . import cldr

    return label(f"{key}.{cldr.plural_form(count, check_lang(lang))}", lang).format(n=count)


def list_of(items: Sequence[str], lang: str) -> str:
    """*items* joined as a list in words (CLDR): ``a and b``, ``a và b``, ``a en b``."""
    from . import cldr

    return cldr.list_of(items, check_lang(lang))


def _plain(day: _dt.date) -> _dt.date:
    """A plain ``datetime.date`` (a datetime or pendulum's Date would format differently)."""
    return _dt.date(day.year, day.month, day.day)
