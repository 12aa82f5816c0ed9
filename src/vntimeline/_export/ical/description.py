"""The words of a feed: dates as people say them, and the event and calendar descriptions.

Every text here is what a subscriber reads: a date at its own precision
(``April 2024``, ``8–9 March 2026``), the status of a decided date, each
source with the words it used, and why that date was chosen (see
``docs/explanation/feeds.rst``). :func:`clean` makes any text safe to show:
NFC-normalised, without control characters.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata
from typing import TYPE_CHECKING, Final

from ..._model.dates import MONTH_NAMES, PRECISIONS, EventDate, PartialDate, get_zone
from .options import CONTROL

if TYPE_CHECKING:
    from ..._model.events import Event, Source
    from ..._model.resolved import ResolvedDate, ResolvedEvent, ResolvedTimeline
    from .options import FeedOptions

__all__ = [
    "QUALIFIERS",
    "calendar_description",
    "cited_sources",
    "clean",
    "event_description",
    "span_when",
    "when",
]

#: How an EDTF qualifier at the end of a resolved value is said in a summary.
QUALIFIERS: Final[dict[str, str]] = {
    "?": "uncertain",
    "~": "approximate",
    "%": "uncertain, approximate",
}
_STATUS_TEXT: Final[dict[str, str]] = {
    "agreed": "agreed — two or more publishers give this date and none disagrees",
    "single-source": "single source — only one publisher gives a date",
    "reconciled": "reconciled — sources disagreed; the date with the most weight "
    "behind it was chosen",
    "conflict": "conflict — sources disagree and none outweighs the others; the date "
    "shown spans every candidate",
    "bounded": "bounded — no source gives a date; the events it comes after or "
    "before narrow it down",
}


def clean(text: str) -> str:
    """NFC-normalised text with Windows newlines and control characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", CONTROL.sub("", text))


# ------------------------------------------------------------ dates in words --


def _day(day: _dt.date) -> str:
    """A day in words: ``18 September 2025``."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def when(date: ResolvedDate) -> str:
    """A resolved date in words, at its precision: ``April 2024``, ``8–9 March 2026``."""
    first, last = date.earliest, date.latest
    precision = "day" if date.precision == "time" else date.precision
    if first is None and last is None:
        return "ongoing"  # only a span's end is open on both sides
    if first is None:
        assert last is not None
        return f"by {_range(last, last, precision)}"
    if last is None:
        return f"on or after {_range(first, first, precision)}"
    if date.precision == "time" and date.start is not None and date.end is not None:
        zone = get_zone(date.zone)
        a = _dt.datetime.fromtimestamp(date.start, zone)
        unit = 60 if (date.end - date.start) % 60 == 0 else 1
        b = _dt.datetime.fromtimestamp(date.end - unit, zone)
        text = f"{_day(a)}, {a:%H:%M}"
        if b != a:
            text += f"–{b:%H:%M}" if b.date() == a.date() else f" – {_day(b)}, {b:%H:%M}"
        return f"{text} ({date.zone} time)"
    return _range(first, last, date.precision)


def span_when(start: ResolvedDate, end: ResolvedDate) -> str:
    """Words for a span: ``April–June 2024`` when both ends are dates, else both in full."""
    first, last = start.earliest, end.latest
    if first is None or last is None or "time" in (start.precision, end.precision):
        return f"{when(start)} – {when(end)}"
    coarser = min(start.precision, end.precision, key=PRECISIONS.index)
    return _range(first, last, coarser)


def _range(first: _dt.date, last: _dt.date, precision: str) -> str:
    """Words for the local dates ``first..last`` (inclusive) at *precision*."""
    if precision == "year":
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    if precision == "month":
        a = f"{MONTH_NAMES[first.month - 1]} {first.year}"
        if (first.year, first.month) == (last.year, last.month):
            return a
        if first.year == last.year:
            return f"{MONTH_NAMES[first.month - 1]}–{MONTH_NAMES[last.month - 1]} {first.year}"
        return f"{a} – {MONTH_NAMES[last.month - 1]} {last.year}"
    if first == last:
        return _day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTH_NAMES[first.month - 1]} {first.year}"
    if first.year == last.year:
        return f"{first.day} {MONTH_NAMES[first.month - 1]} – {_day(last)}"
    return f"{_day(first)} – {_day(last)}"


def _published(date: PartialDate, zone: str) -> str:
    """A source's publication date in words, at the precision it was given."""
    start, end = date.bounds(zone)
    first = _dt.datetime.fromtimestamp(start, get_zone(zone)).date()
    last = _dt.datetime.fromtimestamp(end - 1, get_zone(zone)).date()
    precision = "day" if date.precision == "time" else date.precision
    return _range(first, last, precision)


# ------------------------------------------------------ event description --


def cited_sources(resolved: ResolvedTimeline, event: Event) -> list[Source]:
    """The sources of *event*'s claims, each once, in the order first cited."""
    ids = dict.fromkeys(claim.source for claim in event.claims)
    return [resolved.timeline.source(source_id) for source_id in ids]


def event_description(resolved: ResolvedTimeline, item: ResolvedEvent, exact: bool) -> str:
    """The DESCRIPTION: date, precision, status, sources with quotes, and why.

    *exact* says whether the calendar shows the date as it is (no one-day marker).
    """
    event = item.event
    assert item.start is not None
    blocks: list[str] = []
    if event.description:
        blocks.append(event.description.strip())
    lines = [_date_line("Date" if item.kind == "milestone" else "Starts", item.start)]
    if item.kind == "span":
        lines.append("Ends: not known" if item.end is None else _date_line("Ends", item.end))
    if not exact:
        lines.append("Shown on: the first day the date allows; the exact day is not known.")
    lines.append(f"Status: {_STATUS_TEXT.get(item.status, item.status)}.")
    if event.location:
        lines.append(f"Where: {event.location}")
    if event.aliases:
        lines.append("Also known as: " + "; ".join(event.aliases))
    blocks.append("\n".join(lines))
    blocks.append(f"Why this date: {item.explanation.strip()}")
    blocks.append(_sources_block(resolved, item))
    order = _order_block(resolved, item)
    if order:
        blocks.append(order)
    blocks.append(f"Event id: {event.id}")
    return "\n\n".join(blocks)


def _date_line(label: str, date: ResolvedDate) -> str:
    """``Date: <words> (EDTF <value>, <precision> precision[, <doubt>])``."""
    doubt = QUALIFIERS.get(date.value[-1:])
    extra = f", {doubt}" if doubt else ""
    return f"{label}: {when(date)} (EDTF {date.value}, {date.precision} precision{extra})"


def _sources_block(resolved: ResolvedTimeline, item: ResolvedEvent) -> str:
    """Each cited source: publisher, date, title, link, what it says, and whether followed."""
    zone = item.event.timezone
    dissent = {d.source: d for d in item.dissent}
    lines = ["Sources:"]
    claims = item.event.claims
    if not claims:
        lines.append("- none: no source dates this event.")
    for source in cited_sources(resolved, item.event):
        published = (
            "date not given" if source.published is None else _published(source.published, zone)
        )
        lines.append(f"- {source.publisher}, {published}: “{source.title}”")
        if source.url:
            lines.append(f"  {source.url}")
        for claim in claims:
            if claim.source != source.id:
                continue
            said = _claim_value(claim.start, claim.end)
            quote = f": “{claim.quote}”" if claim.quote else ""
            lines.append(f"  Says {said}{quote}")
            if claim.note:
                lines.append(f"  How it was read: {claim.note}")
        if source.id in dissent:
            lines.append(f"  Not followed: {dissent[source.id].reason}")
        elif source.id in item.sources:
            lines.append("  Followed.")
    return "\n".join(lines)


def _claim_value(start: EventDate | None, end: EventDate | None) -> str:
    """A claim's date as EDTF: a value, an interval, or ``no date``."""
    if start is None and end is None:
        return "no date"
    if end is None:
        return str(start)
    return f"{start or '..'}/{end}"


def _order_block(resolved: ResolvedTimeline, item: ResolvedEvent) -> str:
    """The events *item* comes after or before, and any order it breaks; may be empty."""
    lines = []
    for relation, ids in (("After", item.event.after), ("Before", item.event.before)):
        for other_id in ids:
            other = resolved.get(other_id)
            if other is None:
                continue
            said = "undated" if other.start is None else when(other.start)
            lines.append(f"{relation}: {other.title} ({said})")
    for violation in item.violations:
        lines.append(f"Order problem: {violation.message}")
    return "\n".join(lines)


# --------------------------------------------------- calendar description --


def calendar_description(
    category: str | None, options: FeedOptions, count: int, undated: list[str]
) -> str:
    """The calendar's DESCRIPTION: what it holds, how to read it, and what is left out."""
    scope = "" if category is None else f" in the category “{category}”"
    parts = [
        options.description
        or "Dated milestones tracked by vntimeline: every date is "
        "decided from the sources that report it, openly.",
        f"{count} event{'s' if count != 1 else ''}{scope}. Each event's description gives "
        "its date, how precise it is and how sure, every source with its publisher, "
        "date, link and the words it used, and why that date was chosen.",
        "A date known only to the month or the year is shown on its first day, with the "
        "real extent first in the title (for example “[April 2024]”); [conflict: …] "
        "marks dates the sources dispute, [bounded: …] dates only narrowed by other events.",
    ]
    if undated:
        parts.append("Not in this calendar because no date is known: " + "; ".join(undated) + ".")
    return "\n\n".join(parts)
