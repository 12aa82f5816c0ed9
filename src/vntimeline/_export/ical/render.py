"""Render feeds: each event's VEVENT once, then every feed assembled from them.

Identical input gives identical bytes
-------------------------------------
Nothing reads the clock. ``DTSTAMP`` is ``SOURCE_DATE_EPOCH`` when set, else
the newest ``published`` date of any source in the data (else 1970-01-01),
or the event's own ``LAST-MODIFIED`` when that is later: an event is never
stamped before its last change. Events are sorted by date then id, time
zones by name, and every text is NFC-normalised, so the output does not
depend on file order or hash seeds (see ``docs/explanation/feeds.rst``).

Each event is rendered once, for every feed it is in: its content lines are
hashed (without the stamps) to decide its revision (:mod:`.state`), then
stamped and folded into bytes that each feed reuses as they are.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Final

import attrs

from ..._model.events import AUTHORITY_WEIGHTS, suggest
from ...errors import OptionError
from .context import Context
from .description import calendar_description, cited_sources, clean, event_description
from .options import PRODID, FeedIdentity, FeedOptions, feed_filename
from .state import Revision, next_revision
from .zones import vtimezone

if TYPE_CHECKING:
    from icalendar import Calendar

    from ..._model.events import Source
    from ..._model.resolved import ResolvedEvent, ResolvedTimeline
    from .placement import Placement

__all__ = ["Parts", "feed_stamp", "render_feeds"]

_EPOCH: Final = _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)
_END_CALENDAR: Final = b"END:VCALENDAR\r\n"
_FOLD_AT: Final = 74  # bytes a content line keeps before folding, as icalendar folds


@attrs.frozen
class Parts:
    """A rendered feed as the pieces of its bytes (joined, or streamed to a file)."""

    data: list[bytes]
    revisions: dict[str, Revision]
    #: Titles of the events left out because no date is known.
    undated: tuple[str, ...]


@attrs.frozen
class _Piece:
    """One event as it appears in every feed that has it."""

    category: str
    key: tuple[str, str]
    data: bytes
    uid: str
    revision: Revision
    #: (zone, year) of each local time in it: the VTIMEZONEs it needs.
    zones: tuple[tuple[str, int], ...]


def render_feeds(
    resolved: ResolvedTimeline,
    categories: list[str | None],
    options: FeedOptions,
    history: Mapping[str, Revision],
) -> Iterator[tuple[str | None, Parts]]:
    """Render the feed of each of *categories* (``None``: all), one after the other."""
    for category in categories:
        _select(resolved, category)  # an unknown category fails before any work
    wanted = None if None in categories else set(categories)
    identity = options.identity(resolved.timeline)
    stamp = feed_stamp(resolved)
    newest = _newest_published(resolved.timeline.sources, resolved.timezone) or _EPOCH
    context = Context(resolved, options.lang)
    pieces: list[_Piece] = []
    undated: list[ResolvedEvent] = []
    for item in resolved.events:
        if wanted is not None and item.category not in wanted:
            continue
        placement = context.place(item)
        if placement is None:
            undated.append(item)
            continue
        lines = _vevent(resolved, item, placement, identity, context)
        digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
        sources = [resolved.timeline.source(c.source) for c in item.event.claims]
        first_seen = _newest_published(sources, resolved.timezone) or newest
        uid = identity.uid(item.id)
        revision = next_revision(history.get(uid), digest, first_seen, stamp)
        data = b"\r\n".join(map(_fold, context.stamped(lines, stamp, revision)))
        zones = tuple(
            (placement.zone, moment.year)
            for moment in (placement.start, placement.end)
            if isinstance(moment, _dt.datetime) and moment.tzinfo is not _dt.UTC
        )
        pieces.append(
            _Piece(item.category, (placement.sort_key, item.id), data, uid, revision, zones)
        )
    pieces.sort(key=lambda piece: piece.key)
    for category in categories:
        mine = [p for p in pieces if category is None or p.category == category]
        left_out = [
            clean(item.title) for item in undated if category is None or item.category == category
        ]
        yield category, _assemble(category, options, identity, mine, left_out)


def _assemble(
    category: str | None,
    options: FeedOptions,
    identity: FeedIdentity,
    pieces: list[_Piece],
    undated: list[str],
) -> Parts:
    """The bytes of one feed: the calendar's own lines, its time zones, its events."""
    zones: dict[str, list[int]] = {}
    for piece in pieces:
        for zone, year in piece.zones:
            zones.setdefault(zone, []).append(year)
    calendar = _calendar(category, options, identity, len(pieces), undated)
    # Sorted by name: the bytes must not depend on the hash seed.
    for zone in sorted(zones):
        years = zones[zone]
        calendar.add_component(vtimezone(zone, min(years), max(years) + 1))
    # The events go after the calendar's own lines and time zones, as
    # icalendar would put them had they been added as components.
    head = calendar.to_ical()
    assert head.endswith(_END_CALENDAR)
    data = [head[: -len(_END_CALENDAR)]]
    for piece in pieces:
        data.append(piece.data)
        data.append(b"\r\n")
    data.append(_END_CALENDAR)
    return Parts(data, {piece.uid: piece.revision for piece in pieces}, tuple(undated))


def _fold(line: str) -> bytes:
    """A content line folded exactly as icalendar 7 folds it, as UTF-8 bytes.

    icalendar keeps at most 74 bytes a line, never splits a character, and
    moves a backslash or caret that would end a line to the next one (so no
    escape is split); it does so one character at a time, which made folding
    most of the cost of a feed. This cuts the encoded line instead.
    """
    data = line.encode("utf-8")
    size = len(data)
    if size <= _FOLD_AT:
        return data
    parts = []
    start = 0
    while size - start > _FOLD_AT:
        cut = start + _FOLD_AT
        while data[cut] & 0xC0 == 0x80:  # inside a character: back to its first byte
            cut -= 1
        if data[cut - 1] in b"\\^":
            cut -= 1
        parts.append(data[start:cut])
        start = cut
    parts.append(data[start:])
    return b"\r\n ".join(parts)


# ----------------------------------------------------------------- events --


def _vevent(
    resolved: ResolvedTimeline,
    item: ResolvedEvent,
    placement: Placement,
    identity: FeedIdentity,
    context: Context,
) -> list[str]:
    """The content lines of *item*'s VEVENT, without DTSTAMP, SEQUENCE and LAST-MODIFIED.

    From ``BEGIN:VEVENT`` to the empty string after ``END:VEVENT``, exactly as
    icalendar's ``content_lines()`` gives them (see :class:`~.context.Context`).
    """
    event = item.event
    title = clean(event.title)
    lines = [
        context.text("UID", identity.uid(item.id)),
        context.text("SUMMARY", f"[{placement.label}] {title}" if placement.label else title),
        context.line("DTSTART", placement.start),
        context.line("DTEND", placement.end),
        context.line("TRANSP", "TRANSPARENT"),
    ]
    if item.status in ("conflict", "bounded"):
        lines.append(context.line("STATUS", "TENTATIVE"))
    lines.append(context.line("CATEGORIES", [event.category]))
    if event.location is not None:
        lines.append(context.text("LOCATION", clean(event.location)))
    description = event_description(resolved, item, placement.exact, context.lang)
    lines.append(context.text("DESCRIPTION", clean(description)))
    sources = cited_sources(resolved, event)
    url = _primary_url(sources, item.sources)
    if url is not None:
        lines.append(context.line("URL", url, {"VALUE": "URI"}, uri=True))
    lines.extend(_links(sources, context))
    for earlier_id in context.earlier(event.id):
        # RFC 9253: FINISHTOSTART on the later event, pointing at the earlier
        # one: this event did not start before that one finished.
        lines.append(
            context.line("RELATED-TO", identity.uid(earlier_id), {"RELTYPE": "FINISHTOSTART"})
        )
    lines.sort(key=context.order)  # stable: a property's values keep their order
    return ["BEGIN:VEVENT", *lines, "END:VEVENT", ""]


def _links(sources: list[Source], context: Context) -> list[str]:
    """A LINK line for each source URL, each once, in the order first cited."""
    lines = []
    seen: set[str] = set()
    for source in sources:
        if source.url is None or source.url in seen:
            continue
        seen.add(source.url)
        # RFC 9253 LINK; "via" is the IANA relation for "the source of this
        # information". Parameter values cannot hold a double quote.
        label = clean(f"{source.publisher}: {source.title}").replace('"', "'")
        parameters = {
            "VALUE": "URI",
            "LINKREL": "via",
            "LABEL": label.replace("\n", " "),
            "LANGUAGE": source.language,
        }
        lines.append(context.line("LINK", source.url, parameters, uri=True))
    return lines


def _weight(source: Source) -> float:
    """The weight of *source*: its own, else its authority's."""
    return source.weight if source.weight is not None else AUTHORITY_WEIGHTS[source.authority]


def _primary_url(sources: list[Source], followed: tuple[str, ...]) -> str | None:
    """The URL of the heaviest followed source with one (ties: by id), else of any source."""
    for pool in ([s for s in sources if s.id in followed], sources):
        linked = [s for s in pool if s.url is not None]
        if linked:
            best = min(linked, key=lambda s: (-_weight(s), s.id))
            return best.url
    return None


# --------------------------------------------------------------- calendar --


def feed_stamp(resolved: ResolvedTimeline) -> _dt.datetime:
    """``DTSTAMP``: ``SOURCE_DATE_EPOCH`` if set, else the data's newest publication date."""
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env:
        if not env.isdigit():
            raise OptionError(
                f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {env!r}"
            )
        try:
            return _dt.datetime.fromtimestamp(int(env), _dt.UTC)
        except (OverflowError, OSError, ValueError):
            raise OptionError(f"SOURCE_DATE_EPOCH {env} is out of range") from None
    return _newest_published(resolved.timeline.sources, resolved.timezone) or _EPOCH


def _newest_published(sources: Iterable[Source], zone: str) -> _dt.datetime | None:
    """The latest publication date of *sources* (its first instant, in UTC), if any."""
    starts = [s.published.bounds(zone)[0] for s in sources if s.published is not None]
    return _dt.datetime.fromtimestamp(max(starts), _dt.UTC) if starts else None


def _select(resolved: ResolvedTimeline, category: str | None) -> tuple[ResolvedEvent, ...]:
    """The events of *category* (``None``: all); an unknown category is an error."""
    if category is None:
        return resolved.events
    feed_filename(category)  # reject what is not a slug before looking it up
    known = resolved.timeline.categories
    if category not in known:
        raise OptionError(
            f"unknown category {category!r}{suggest(category, known)}; "
            f"the data has: {', '.join(known) or 'none'}"
        )
    return resolved.in_category(category)


def _calendar(
    category: str | None,
    options: FeedOptions,
    identity: FeedIdentity,
    count: int,
    undated: list[str],
) -> Calendar:
    """The VCALENDAR with its own properties, before time zones and events."""
    from icalendar import Calendar, vDuration, vText, vUri

    name = clean(identity.feed_name(category))
    description = clean(calendar_description(category, options, count, undated))
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    # NAME and the X-WR-* twins are added as TEXT by hand: icalendar 7.3 types
    # them as unknown values and would write a comma or newline unescaped.
    calendar.add("NAME", vText(name))
    calendar.add("X-WR-CALNAME", vText(name))
    calendar.add("DESCRIPTION", description)
    calendar.add("X-WR-CALDESC", vText(description))
    calendar.add("REFRESH-INTERVAL", options.refresh, parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vDuration(options.refresh))
    feed_url = identity.feed_url(category)
    if feed_url is not None and identity.public_url is not None:
        calendar.add("SOURCE", vUri(feed_url), parameters={"VALUE": "URI"})
        calendar.add("URL", vUri(identity.public_url), parameters={"VALUE": "URI"})
    return calendar
