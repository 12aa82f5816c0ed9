"""The resolved timeline as TimelineJS3 JSON (``vntimeline resolve --format timelinejs``).

TimelineJS (https://timeline.knightlab.com/docs/json-format.html) reads a
``title`` slide and a list of ``events``, each with a ``start_date`` (and an
``end_date`` for a span) given as ``{"year", "month", "day"}`` strings, a
``text`` with ``headline`` and ``text``, a ``group`` (one row per group) and
a ``unique_id``. What it cannot say itself it is told in words:

* A date coarser than a day gives only the parts it knows (``{"year":
  "2024"}``), and an event whose date is a range (a month, a year, a
  reconciled or disputed range, an open side) gets a ``display_date`` in
  words (``April 2024``, ``2018–2019``), because TimelineJS would otherwise
  write the first day as if it were known. Both are in the page's language.
* Undated events are left out: TimelineJS needs a start date.
* Where a side is open, the known side stands for it.

TimelineJS puts headlines, groups, texts and display dates into the page as
HTML, so every text is escaped here; ``text.text`` is HTML that holds the
status, the resolver's explanation and each source, linked when its address
is http(s) (any other address is shown as text, never as a link) with its
date and the words it used.
"""

from __future__ import annotations

import json
from html import escape
from typing import TYPE_CHECKING, Any

from .._locale import check_lang, label, status_word
from .._model.zones import local_date
from .html.words import Words

if TYPE_CHECKING:
    from .._model.events import Claim, Timeline
    from .._model.resolved import ResolvedDate, ResolvedEvent, ResolvedTimeline

__all__ = ["dumps_timelinejs", "to_timelinejs"]


def to_timelinejs(resolved: ResolvedTimeline, *, lang: str = "en") -> dict[str, Any]:
    """The TimelineJS3 document of *resolved*, as plain JSON data (see the module docstring)."""
    words = Words(check_lang(lang))
    timeline = resolved.timeline
    events = [_slide(r, timeline, words) for r in resolved if r.start is not None]
    count = sum(1 for r in resolved if r.start is not None)
    return {
        "title": {
            "text": {
                "headline": escape(timeline.display_name),
                "text": f"<p>{escape(label('events', lang))}: {count}</p>",
            }
        },
        "events": events,
    }


def dumps_timelinejs(resolved: ResolvedTimeline, *, lang: str = "en") -> str:
    """:func:`to_timelinejs` as JSON text (UTF-8 safe, indented, a newline at the end)."""
    return json.dumps(to_timelinejs(resolved, lang=lang), ensure_ascii=False, indent=2) + "\n"


def _slide(event: ResolvedEvent, timeline: Timeline, words: Words) -> dict[str, Any]:
    """One event as a TimelineJS slide."""
    start, end = event.start, event.end
    assert start is not None
    zone = event.event.timezone
    slide: dict[str, Any] = {"start_date": _date(start, zone, first=True)}
    if end is not None and (end.start is not None or end.end is not None):
        slide["end_date"] = _date(end, zone, first=False)
    slide["text"] = {
        "headline": escape(event.title),
        "text": _text(event, timeline, words),
    }
    slide["group"] = escape(timeline.category_label(event.category))
    if not _exact(start) or (end is not None and not _exact(end)):
        slide["display_date"] = escape(words.event(event))
    slide["unique_id"] = event.id
    return slide


def _exact(date: ResolvedDate) -> bool:
    """Whether the date is one whole day, which TimelineJS can write by itself."""
    return date.exact and date.precision == "day" and date.value[-1:] not in ("?", "~", "%")


def _date(date: ResolvedDate, zone: str, *, first: bool) -> dict[str, str]:
    """A TimelineJS date of the parts the precision knows, on the known side of an open one."""
    instant = date.start if first or date.end is None else date.end - 1
    if instant is None:
        assert date.end is not None
        instant = date.end - 1
    day = local_date(instant, zone)
    parts = {"year": str(day.year)}
    if date.precision != "year":
        parts["month"] = str(day.month)
    if date.precision in ("day", "time"):
        parts["day"] = str(day.day)
    return parts


def _text(event: ResolvedEvent, timeline: Timeline, words: Words) -> str:
    """The slide's HTML: status, explanation, and every claim with its source and quote."""
    lang = words.lang
    items = "".join(
        f"<li>{_claim(claim, event, timeline, words)}</li>" for claim in event.event.claims
    )
    return (
        f"<p><strong>{escape(label('status', lang))}:</strong> "
        f"{escape(status_word(event.status, lang))}</p>"
        f"<p>{escape(event.explanation)}</p>"
        f"<p><strong>{escape(label('sources', lang))}:</strong></p><ul>{items}</ul>"
    )


def _claim(claim: Claim, event: ResolvedEvent, timeline: Timeline, words: Words) -> str:
    """One claim: its source (linked if http(s)), the date it gives, and its words."""
    source = timeline.source(claim.source)
    name = escape(f"{source.publisher} \N{EM DASH} {source.title}")
    url = source.url
    if url is not None and url.lower().startswith(("http://", "https://")):
        name = f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{name}</a>'
    date = escape(words.claim(claim.start, claim.end, event.event.timezone))
    quote = "" if claim.quote is None else f"<br><q>{escape(claim.quote)}</q>"
    return f"{name}: {date}{quote}"
