"""The words of a feed: dates as people say them, and the event and calendar descriptions.

Every text here is what a subscriber reads: a date at its own precision
(``April 2024``, ``8–9 March 2026``), the status of a decided date, each
source with the words it used, and why that date was chosen (see
``docs/explanation/feeds.rst``). :func:`clean` makes any text safe to show:
NFC-normalised, without control characters.

The words are the feed's language (``FeedOptions.lang``): dates and month
names from CLDR, the rest from the catalogs of :mod:`vntimeline._locale`.
What the data says (titles, quotes, notes) and the resolver's explanations
are shown as they are.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata
from typing import TYPE_CHECKING, Final

from ..._locale import day_and_time, format_date, label, plural, status_word
from ..._model.dates import PRECISIONS, EventDate, PartialDate, get_zone
from .options import CONTROL

if TYPE_CHECKING:
    from ..._model.events import Event, Source
    from ..._model.resolved import ResolvedDate, ResolvedEvent, ResolvedTimeline
    from .options import FeedOptions

__all__ = [
    "calendar_description",
    "cited_sources",
    "clean",
    "doubt",
    "event_description",
    "span_when",
    "when",
]

#: The catalog key of how an EDTF qualifier at the end of a resolved value is said.
_DOUBT: Final[dict[str, str]] = {
    "?": "doubt.uncertain",
    "~": "doubt.approximate",
    "%": "doubt.both",
}


def clean(text: str) -> str:
    """NFC-normalised text with Windows newlines and control characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", CONTROL.sub("", text))


# ------------------------------------------------------------ dates in words --


def doubt(value: str, lang: str = "en") -> str:
    """How sure an EDTF *value* is, from its qualifier (``uncertain``), or ``""``."""
    key = _DOUBT.get(value[-1:])
    return "" if key is None else label(key, lang)


def _day(day: _dt.date, lang: str) -> str:
    """A day in words: ``18 September 2025``."""
    return format_date(day, day, "day", lang)


def when(date: ResolvedDate, lang: str = "en") -> str:
    """A resolved date in words, at its precision: ``April 2024``, ``8–9 March 2026``."""
    first, last = date.earliest, date.latest
    precision = "day" if date.precision == "time" else date.precision
    if first is None and last is None:
        return label("feed.ongoing", lang)  # only a span's end is open on both sides
    if first is None:
        assert last is not None
        return label("feed.by", lang).format(date=format_date(last, last, precision, lang))
    if last is None:
        return label("feed.on_or_after", lang).format(
            date=format_date(first, first, precision, lang)
        )
    if date.precision == "time" and date.start is not None and date.end is not None:
        return _timed(date, lang)
    return format_date(first, last, date.precision, lang)


def _timed(date: ResolvedDate, lang: str) -> str:
    """A date with a time of day: ``9 March 2026, 03:00 (Asia/Ho_Chi_Minh time)``."""
    assert date.start is not None and date.end is not None
    zone = get_zone(date.zone)
    a = _dt.datetime.fromtimestamp(date.start, zone)
    unit = 60 if (date.end - date.start) % 60 == 0 else 1
    b = _dt.datetime.fromtimestamp(date.end - unit, zone)
    if b.date() == a.date():
        clock = f"{a:%H:%M}" if b == a else f"{a:%H:%M}–{b:%H:%M}"
        text = day_and_time(_day(a, lang), clock, lang)
    else:
        first = day_and_time(_day(a, lang), f"{a:%H:%M}", lang)
        text = f"{first} – {day_and_time(_day(b, lang), f'{b:%H:%M}', lang)}"
    return label("feed.zone_time", lang).format(text=text, zone=date.zone)


def span_when(start: ResolvedDate, end: ResolvedDate, lang: str = "en") -> str:
    """Words for a span: ``April–June 2024`` when both ends are dates, else both in full."""
    first, last = start.earliest, end.latest
    if first is None or last is None or "time" in (start.precision, end.precision):
        return f"{when(start, lang)} – {when(end, lang)}"
    coarser = min(start.precision, end.precision, key=PRECISIONS.index)
    return format_date(first, last, coarser, lang)


def _published(date: PartialDate, zone: str, lang: str) -> str:
    """A source's publication date in words, at the precision it was given."""
    start, end = date.bounds(zone)
    first = _dt.datetime.fromtimestamp(start, get_zone(zone)).date()
    last = _dt.datetime.fromtimestamp(end - 1, get_zone(zone)).date()
    precision = "day" if date.precision == "time" else date.precision
    return format_date(first, last, precision, lang)


# ------------------------------------------------------ event description --


def cited_sources(resolved: ResolvedTimeline, event: Event) -> list[Source]:
    """The sources of *event*'s claims, each once, in the order first cited."""
    ids = dict.fromkeys(claim.source for claim in event.claims)
    return [resolved.timeline.source(source_id) for source_id in ids]


def event_description(
    resolved: ResolvedTimeline, item: ResolvedEvent, exact: bool, lang: str = "en"
) -> str:
    """The DESCRIPTION: date, precision, status, sources with quotes, and why, in *lang*.

    *exact* says whether the calendar shows the date as it is (no one-day marker).
    """
    event = item.event
    assert item.start is not None
    blocks: list[str] = []
    if event.description:
        blocks.append(event.description.strip())
    first = label("feed.date" if item.kind == "milestone" else "feed.starts", lang)
    lines = [_date_line(first, item.start, lang)]
    if item.kind == "span":
        lines.append(
            label("feed.ends_unknown", lang)
            if item.end is None
            else _date_line(label("feed.ends", lang), item.end, lang)
        )
    if not exact:
        lines.append(label("feed.shown_on", lang))
    status = label(f"feed.status.{item.status}", lang)
    lines.append(label("feed.status_line", lang).format(text=status))
    if event.location:
        lines.append(label("feed.where", lang).format(place=event.location))
    if event.aliases:
        lines.append(label("feed.aliases", lang).format(names="; ".join(event.aliases)))
    blocks.append("\n".join(lines))
    blocks.append(label("feed.why", lang).format(text=item.explanation.strip()))
    blocks.append(_sources_block(resolved, item, lang))
    order = _order_block(resolved, item, lang)
    if order:
        blocks.append(order)
    blocks.append(label("feed.event_id", lang).format(id=event.id))
    return "\n\n".join(blocks)


def _date_line(name: str, date: ResolvedDate, lang: str) -> str:
    """``Date: <words> (EDTF <value>, <precision> precision[, <doubt>])``."""
    said = doubt(date.value, lang)
    return label("feed.date_line", lang).format(
        label=name,
        words=when(date, lang),
        value=date.value,
        precision=label(f"precision.{date.precision}", lang),
        extra=f", {said}" if said else "",
    )


def _sources_block(resolved: ResolvedTimeline, item: ResolvedEvent, lang: str) -> str:
    """Each cited source: publisher, date, title, link, what it says, and whether followed."""
    zone = item.event.timezone
    dissent = {d.source: d for d in item.dissent}
    lines = [label("feed.sources", lang)]
    claims = item.event.claims
    if not claims:
        lines.append(label("feed.no_sources", lang))
    for source in cited_sources(resolved, item.event):
        published = (
            label("feed.date_not_given", lang)
            if source.published is None
            else _published(source.published, zone, lang)
        )
        lines.append(f"- {source.publisher}, {published}: “{source.title}”")
        if source.url:
            lines.append(f"  {source.url}")
        for claim in claims:
            if claim.source != source.id:
                continue
            said = _claim_value(claim.start, claim.end, lang)
            quote = f": “{claim.quote}”" if claim.quote else ""
            lines.append("  " + label("feed.says", lang).format(value=said, quote=quote))
            if claim.note:
                lines.append("  " + label("feed.how_read", lang).format(note=claim.note))
        if source.id in dissent:
            reason = dissent[source.id].reason
            lines.append("  " + label("feed.not_followed", lang).format(reason=reason))
        elif source.id in item.sources:
            lines.append("  " + label("feed.followed", lang))
    return "\n".join(lines)


def _claim_value(start: EventDate | None, end: EventDate | None, lang: str) -> str:
    """A claim's date as EDTF: a value, an interval, or ``no date``."""
    if start is None and end is None:
        return label("feed.no_date", lang)
    if end is None:
        return str(start)
    return f"{start or '..'}/{end}"


def _order_block(resolved: ResolvedTimeline, item: ResolvedEvent, lang: str) -> str:
    """The events *item* comes after or before, and any order it breaks; may be empty."""
    lines = []
    for relation, ids in (("feed.after", item.event.after), ("feed.before", item.event.before)):
        for other_id in ids:
            other = resolved.get(other_id)
            if other is None:
                continue
            said = status_word("undated", lang) if other.start is None else when(other.start, lang)
            lines.append(label(relation, lang).format(title=other.title, date=said))
    for violation in item.violations:
        lines.append(label("feed.order_problem", lang).format(message=violation.message))
    return "\n".join(lines)


# --------------------------------------------------- calendar description --


def calendar_description(
    category: str | None, options: FeedOptions, count: int, undated: list[str]
) -> str:
    """The calendar's DESCRIPTION: what it holds, how to read it, and what is left out."""
    lang = options.lang
    scope = "" if category is None else label("calendar.scope", lang).format(category=category)
    april = _dt.date(2024, 4, 1)
    parts = [
        options.description or label("calendar.default", lang),
        label("calendar.count", lang).format(
            count=plural("count.events", count, lang), scope=scope
        ),
        label("calendar.reading", lang).format(
            example=format_date(april, april, "month", lang),
            conflict=status_word("conflict", lang),
            bounded=status_word("bounded", lang),
        ),
    ]
    if undated:
        parts.append(label("calendar.undated", lang).format(titles="; ".join(undated)))
    return "\n\n".join(parts)
