"""The iCalendar feed: one decided date per event, written so every client agrees.

Theory of operation
-------------------
Each resolved event with any known date becomes one ``VEVENT``; events with no
date at all are left out and named in the calendar's description instead.
Where an event lands is decided by how much of its date is known:

==========================  ==================================================
what is known               what subscribers see
==========================  ==================================================
one day                     an all-day event: ``DTSTART;VALUE=DATE`` and an
                            exclusive ``DTEND`` (the next day)
a span of known days        one all-day event over those days
a time of day               ``DTSTART;TZID=<the event's zone>`` with a
                            ``VTIMEZONE``; no ``DTEND`` (an instant), or the
                            window when sources give several times
a month, a year, a range,   a one-day *marker* on the first day it allows,
a bounded or open date      the real extent first in the summary
                            (``[April 2024] …``), so nothing fills a month
==========================  ==================================================

Every event is ``TRANSP:TRANSPARENT``: these are news milestones, never busy
time in a subscriber's own schedule. ``conflict`` and ``bounded`` events say
so in the summary (``[conflict: 8–9 March 2026] …``) and are ``TENTATIVE``.

Identical input gives identical bytes
-------------------------------------
Nothing reads the clock. ``DTSTAMP`` is ``SOURCE_DATE_EPOCH`` when set, else
the newest ``published`` date of any source in the data (else 1970-01-01).
Events are sorted by date then id, time zones by name, and every text is
NFC-normalised, so the output does not depend on file order or hash seeds.

SEQUENCE and LAST-MODIFIED
--------------------------
Clients use ``SEQUENCE`` (then ``LAST-MODIFIED``) to tell a newer copy of an
event from an older one, so both must only ever go up. No function of the
current data alone can promise that (an edit can be reverted), so the feed
keeps a small *state file*, ``.vntimeline-feed-state.json``, which records
for each UID a SHA-256 of the event as rendered (every property except
``DTSTAMP``, ``SEQUENCE`` and ``LAST-MODIFIED``), its sequence and its
last-modified time:

* an event seen for the first time gets ``SEQUENCE:0`` and, as
  ``LAST-MODIFIED``, the newest publication date among its sources (else the
  data's newest), the same values a feed written without state gets;
* an unchanged event keeps both, so rerunning gives identical bytes;
* a changed event (its dates, title, sources, quotes, explanation…) gets
  ``SEQUENCE`` + 1 and ``LAST-MODIFIED`` = the later of ``DTSTAMP`` and one
  second after the previous value.

:func:`write_ical` keeps the state file beside the feed (or where
:attr:`FeedOptions.state_file` says) and rewrites it, atomically, only after
the feed itself was written; the combined and per-category feeds share it,
and since an event renders the same in every feed, it gets the same sequence
in each. :func:`to_ical` only reads a state file named in the options.
Without state, ``SEQUENCE`` stays 0 and ``LAST-MODIFIED`` moves only when a
newer source arrives; to keep sequences across fresh checkouts (CI), keep the
state file with the published feeds.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import json
import os
import re
import unicodedata
import zoneinfo
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

import attrs

from ..._atomic import atomic_stream, atomic_write
from ..._model.dates import MONTH_NAMES, PRECISIONS, PartialDate, get_zone
from ..._model.events import AUTHORITY_WEIGHTS, SLUG, URL, order_edges, suggest
from ...errors import ExportError, OptionError

if TYPE_CHECKING:
    from icalendar import Calendar

    from ..._model.events import Event, Source
    from ..._model.resolved import ResolvedDate, ResolvedEvent, ResolvedTimeline

__all__ = [
    "FEED_BASENAME",
    "STATE_FILENAME",
    "FeedOptions",
    "feed_filename",
    "to_ical",
    "write_ical",
]

#: Feeds are named ``vntimeline.ics`` and ``vntimeline-<category>.ics``.
FEED_BASENAME: Final = "vntimeline"
#: The change-tracking state file written beside the feeds.
STATE_FILENAME: Final = ".vntimeline-feed-state.json"
PRODID: Final = "-//vntimeline//vntimeline feed//EN"

_UTC: Final = _dt.UTC
_EPOCH: Final = _dt.datetime(1970, 1, 1, tzinfo=_UTC)
_STATE_VERSION: Final = 1
_HOST: Final = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")
# C0 controls other than tab and newline, DEL, and the C1 controls: no client
# shows them and some parsers choke on them.
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

#: How an EDTF qualifier at the end of a resolved value is said in a summary.
_QUALIFIERS: Final[dict[str, str]] = {
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


# ----------------------------------------------------------------- options --


def _text_option(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip() or _CONTROL.search(value):
        raise OptionError(
            f"FeedOptions.{attribute.name} must be non-empty text without "
            f"control characters, got {value!r}"
        )


def _name_option(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _text_option(inst, attribute, value)
    if isinstance(value, str) and "\n" in value:
        raise OptionError(f"FeedOptions.{attribute.name} must be one line, got {value!r}")


def _optional_text_option(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _text_option(inst, attribute, value)


def _base_url(value: str | None) -> str | None:
    """Normalise the public base URL so that a file name can be appended."""
    if value is None:
        return None
    if (
        not isinstance(value, str)
        or URL.fullmatch(value) is None
        or any(char in value for char in '?#"<>')
    ):
        raise OptionError(
            "FeedOptions.public_url must be the http(s) URL of the folder "
            f"holding the feeds, such as 'https://example.org/feeds/', got {value!r}"
        )
    return value if value.endswith("/") else value + "/"


def _duration(value: object) -> _dt.timedelta:
    """Accept a timedelta (pendulum's Duration is one) as a plain whole-second timedelta."""
    if not isinstance(value, _dt.timedelta):
        raise OptionError(
            f"FeedOptions.refresh must be a timedelta or pendulum.Duration, got {value!r}"
        )
    seconds = round(value.total_seconds())
    if seconds < 60:
        raise OptionError(f"FeedOptions.refresh must be at least one minute, got {value}")
    return _dt.timedelta(seconds=seconds)


def _optional_path(value: str | os.PathLike[str] | None) -> Path | None:
    return None if value is None else Path(value)


def _uid_domain(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or _HOST.fullmatch(value) is None:
        raise OptionError(
            "FeedOptions.uid_domain must be a host name such as "
            f"'vntimeline.example.org', got {value!r}"
        )


@attrs.frozen
class FeedOptions:
    """How feeds are titled, where they are published, and how often clients refresh.

    Every option is checked on construction; a bad one raises
    :class:`~vntimeline.errors.OptionError` saying what was expected.
    """

    #: The calendar's display name (``NAME``/``X-WR-CALNAME``); category feeds add
    #: `` — <category>``.
    name: str = attrs.field(default="Vietnam AI policy timeline", validator=_name_option)
    #: The first paragraph of the calendar's description; the rest is generated.
    description: str | None = attrs.field(default=None, validator=_optional_text_option)
    #: The URL of the folder the feeds are published in; enables ``SOURCE`` and ``URL``.
    public_url: str | None = attrs.field(default=None, converter=_base_url)
    #: How often clients should fetch the feed (``REFRESH-INTERVAL``, ``X-PUBLISHED-TTL``).
    refresh: _dt.timedelta = attrs.field(default=_dt.timedelta(days=1), converter=_duration)
    #: The right-hand side of every UID: ``<event id>@<uid_domain>``.
    uid_domain: str = attrs.field(default=FEED_BASENAME, validator=_uid_domain)
    #: Whether :func:`write_ical` keeps a state file to raise SEQUENCE on change.
    track_changes: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    #: Where the state file is; ``None`` means :data:`STATE_FILENAME` beside the feed.
    state_file: Path | None = attrs.field(default=None, converter=_optional_path)

    def feed_url(self, category: str | None = None) -> str | None:
        """The public URL of the feed for *category* (``None``: the combined feed)."""
        if self.public_url is None:
            return None
        return self.public_url + feed_filename(category)


def feed_filename(category: str | None) -> str:
    """The file name of a feed: ``vntimeline.ics`` or ``vntimeline-<category>.ics``."""
    if category is None:
        return f"{FEED_BASENAME}.ics"
    if not isinstance(category, str) or SLUG.fullmatch(category) is None:
        raise OptionError(f"a category is a lowercase slug such as 'policy', got {category!r}")
    return f"{FEED_BASENAME}-{category}.ics"


# ---------------------------------------------------------------- history --


@attrs.frozen
class Revision:
    """What the state file remembers of one event: its digest, sequence and change time."""

    digest: str
    sequence: int
    modified: _dt.datetime


def load_history(path: str | os.PathLike[str]) -> dict[str, Revision]:
    """Read a state file; a missing file is an empty history, a broken one an error."""
    target = Path(path)
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ExportError(f"cannot read {target}: {exc.strerror or exc}") from exc
    try:
        document = json.loads(text)
        if document.get("version") != _STATE_VERSION:
            raise ValueError(f"version {document.get('version')!r}, expected {_STATE_VERSION}")
        history = {}
        for uid, entry in document["events"].items():
            sequence = entry["sequence"]
            if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 0:
                raise ValueError(f"{uid}: sequence {sequence!r} is not a whole number")
            modified = _dt.datetime.strptime(entry["last_modified"], "%Y%m%dT%H%M%SZ")
            history[uid] = Revision(str(entry["digest"]), sequence, modified.replace(tzinfo=_UTC))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ExportError(
            f"{target} is not a vntimeline feed state file ({exc}); fix it, "
            "or delete it to restart every SEQUENCE at 0"
        ) from None
    return history


def dump_history(history: Mapping[str, Revision]) -> str:
    """The state file's text: sorted, stable JSON."""
    events = {
        uid: {
            "digest": rev.digest,
            "sequence": rev.sequence,
            "last_modified": rev.modified.strftime("%Y%m%dT%H%M%SZ"),
        }
        for uid, rev in sorted(history.items())
    }
    return (
        json.dumps({"version": _STATE_VERSION, "events": events}, indent=1, ensure_ascii=False)
        + "\n"
    )


def next_revision(
    previous: Revision | None, digest: str, first_seen: _dt.datetime, stamp: _dt.datetime
) -> Revision:
    """The revision of an event rendered as *digest*, given what was recorded before."""
    if previous is None:
        return Revision(digest, 0, first_seen)
    if previous.digest == digest:
        return previous
    later = max(stamp, previous.modified + _dt.timedelta(seconds=1))
    return Revision(digest, previous.sequence + 1, later)


# ------------------------------------------------------------------ feeds --


@attrs.frozen
class Feed:
    """One rendered feed: its bytes and the revision of every event in it."""

    data: bytes
    revisions: dict[str, Revision]
    #: Titles of the events left out because no date is known.
    undated: tuple[str, ...]


def to_ical(
    resolved: ResolvedTimeline, *, category: str | None = None, options: FeedOptions | None = None
) -> bytes:
    """The feed of *resolved* (only *category* if given) as iCalendar bytes."""
    options = FeedOptions() if options is None else options
    history: dict[str, Revision] = {}
    if options.track_changes and options.state_file is not None:
        history = load_history(options.state_file)
    return render(resolved, category=category, options=options, history=history).data


def write_ical(
    resolved: ResolvedTimeline,
    path: str | os.PathLike[str],
    *,
    category: str | None = None,
    options: FeedOptions | None = None,
) -> None:
    """Write the feed to *path* atomically, then update the change-tracking state file."""
    options = FeedOptions() if options is None else options
    state = options.state_file or Path(path).parent / STATE_FILENAME
    write_feeds(resolved, {category: Path(path)}, options=options, state=state)


def write_feeds(
    resolved: ResolvedTimeline,
    paths: Mapping[str | None, Path],
    *,
    options: FeedOptions,
    state: Path,
) -> None:
    """Write several feeds of one timeline (key ``None``: the combined feed), atomically.

    Each event is rendered once, for every feed it is in, and the state file
    (at *state*, if ``options.track_changes``) is read once and updated once,
    after every feed was written.
    """
    history: dict[str, Revision] = {}
    if options.track_changes:
        history = load_history(state)
    revisions: dict[str, Revision] = {}
    for category, feed in _render_feeds(resolved, list(paths), options, history):
        atomic_stream(paths[category], functools.partial(_write_parts, feed.data))
        revisions.update(feed.revisions)
    if options.track_changes:
        merged = {**history, **revisions}
        if merged != history:
            atomic_write(state, dump_history(merged))


def _write_parts(parts: list[bytes], handle: IO[bytes]) -> None:
    handle.writelines(parts)


def render(
    resolved: ResolvedTimeline,
    *,
    category: str | None,
    options: FeedOptions,
    history: Mapping[str, Revision],
) -> Feed:
    """Build the feed and the revisions it used (the pure core of :func:`to_ical`)."""
    for _category, parts in _render_feeds(resolved, [category], options, history):
        return Feed(b"".join(parts.data), parts.revisions, parts.undated)
    raise AssertionError("one feed asked for, none rendered")


@attrs.frozen
class _Parts:
    """A rendered feed as the pieces of its bytes (joined, or streamed to a file)."""

    data: list[bytes]
    revisions: dict[str, Revision]
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


def _render_feeds(
    resolved: ResolvedTimeline,
    categories: list[str | None],
    options: FeedOptions,
    history: Mapping[str, Revision],
) -> Iterator[tuple[str | None, _Parts]]:
    """Render the feed of each of *categories* (``None``: all), one after the other."""
    for category in categories:
        _select(resolved, category)  # an unknown category fails before any work
    wanted = None if None in categories else set(categories)
    stamp = feed_stamp(resolved)
    newest = _newest_published(resolved.timeline.sources, resolved.timezone) or _EPOCH
    context = _Context(resolved)
    pieces: list[_Piece] = []
    undated: list[ResolvedEvent] = []
    for item in resolved.events:
        if wanted is not None and item.category not in wanted:
            continue
        placement = context.place(item)
        if placement is None:
            undated.append(item)
            continue
        uid = f"{item.id}@{options.uid_domain}"
        lines = _vevent(resolved, item, placement, uid, options, context)
        digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
        sources = [resolved.timeline.source(c.source) for c in item.event.claims]
        first_seen = _newest_published(sources, resolved.timezone) or newest
        revision = next_revision(history.get(uid), digest, first_seen, stamp)
        data = b"\r\n".join(map(_fold, context.stamped(lines, stamp, revision)))
        zones = tuple(
            (placement.zone, moment.year)
            for moment in (placement.start, placement.end)
            if isinstance(moment, _dt.datetime) and moment.tzinfo is not _UTC
        )
        pieces.append(
            _Piece(item.category, (placement.sort_key, item.id), data, uid, revision, zones)
        )
    pieces.sort(key=lambda piece: piece.key)
    for category in categories:
        mine = [p for p in pieces if category is None or p.category == category]
        left_out = [
            _clean(item.title) for item in undated if category is None or item.category == category
        ]
        yield category, _assemble(category, options, mine, left_out)


def _assemble(
    category: str | None, options: FeedOptions, pieces: list[_Piece], undated: list[str]
) -> _Parts:
    """The bytes of one feed: the calendar's own lines, its time zones, its events."""
    zones: dict[str, list[int]] = {}
    for piece in pieces:
        for zone, year in piece.zones:
            zones.setdefault(zone, []).append(year)
    calendar = _calendar(category, options, len(pieces), undated)
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
    return _Parts(data, {piece.uid: piece.revision for piece in pieces}, tuple(undated))


_END_CALENDAR: Final = b"END:VCALENDAR\r\n"
_FOLD_AT: Final = 74  # bytes a content line keeps before folding, as icalendar folds


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


class _Context:
    """What rendering feeds looks up again and again, worked out once.

    Every event's placement (for the events it comes after, as well as its
    own), who comes after whom, and content lines. Lines are what icalendar
    writes (its escaping and value types are what clients were tested
    against), but icalendar's ``Component`` costs a few dozen microseconds a
    property: so a line whose value repeats (a date, a category, a source's
    link, a stamp) is written by icalendar once and reused, and the text
    that is each event's own (UID, title, place, description) is escaped by
    :func:`_text`, which does what icalendar's TEXT escaping does.
    """

    def __init__(self, resolved: ResolvedTimeline) -> None:
        from icalendar import Event as VEvent

        self._resolved = resolved
        self._placements: dict[str, Placement | None] = {}
        self._earlier: dict[str, set[str]] = {}
        for before, after in order_edges(resolved.timeline.events):
            self._earlier.setdefault(after, set()).add(before)
        self._lines: dict[tuple[object, ...], str] = {}
        canonical = {name: i for i, name in enumerate(VEvent.canonical_order)}
        self._rank: dict[str, tuple[int, int, str]] = {}
        self._canonical = canonical

    def place(self, item: ResolvedEvent) -> Placement | None:
        """:func:`_place`, remembered."""
        if item.id not in self._placements:
            self._placements[item.id] = _place(item)
        return self._placements[item.id]

    def earlier(self, event_id: str) -> list[str]:
        """Ids of the dated events *event_id* must come after, sorted."""
        found = []
        for other_id in self._earlier.get(event_id, ()):
            other = self._resolved.get(other_id)
            if other is not None and self.place(other) is not None:
                found.append(other_id)
        return sorted(found)

    def stamped(self, lines: list[str], stamp: _dt.datetime, revision: Revision) -> list[str]:
        """A VEVENT's *lines* (BEGIN to the empty last) with the stamps where icalendar puts them.

        The stamps are DTSTAMP, SEQUENCE and LAST-MODIFIED, left out of the hash.
        """
        body = lines[1:-2]  # between BEGIN:VEVENT and END:VEVENT (the last is "")
        body.append(self.line("DTSTAMP", stamp))
        body.append(self.line("SEQUENCE", revision.sequence))
        body.append(self.line("LAST-MODIFIED", revision.modified))
        body.sort(key=self.order)  # stable: a property's values keep their order
        return [lines[0], *body, lines[-2]]

    def order(self, line: str) -> tuple[int, int, str]:
        """The sort key of a line: canonical properties first, then by name (as icalendar)."""
        name = _NAME.match(line)
        key = name.group() if name is not None else line
        rank = self._rank.get(key)
        if rank is None:
            index = self._canonical.get(key.upper())
            rank = self._rank[key] = (0, index, "") if index is not None else (1, 0, key.upper())
        return rank

    def text(self, name: str, value: str) -> str:
        """The content line of a TEXT property without parameters."""
        return f"{name}:{_text(value)}"

    def line(
        self,
        name: str,
        value: object,
        parameters: dict[str, str] | None = None,
        *,
        uri: bool = False,
    ) -> str:
        """The content line icalendar writes for ``add(name, value, parameters)``, remembered.

        With *uri*, the value is added as a ``vUri`` (as text it would be escaped).
        """
        if type(value) is _dt.date and name in _DATE_PROPERTIES and not parameters:
            # An all-day date, the commonest value: each day is a new one, so
            # written here, as icalendar writes it, instead of remembered.
            return f"{name};VALUE=DATE:{value.year:04d}{value.month:02d}{value.day:02d}"
        key = (
            name,
            _value_key(value),
            uri,
            tuple(sorted(parameters.items())) if parameters else None,
        )
        found = self._lines.get(key)
        if found is None:
            from icalendar import Event as VEvent
            from icalendar import vUri

            event = VEvent()
            added = vUri(str(value)) if uri else value
            if parameters:
                # (add() puts the VALUE it infers into the parameters given: a copy.)
                event.add(name, added, parameters=dict(parameters))
            else:
                event.add(name, added)
            found = self._lines[key] = str(event.content_lines()[1])
        return found


def _value_key(value: object) -> object:
    """A key telling apart values icalendar writes differently.

    Aware date-times compare equal at the same instant in different zones,
    but are written in their own zone (TZID), so the zone is in the key.
    """
    if isinstance(value, _dt.datetime):
        zone = value.tzinfo
        return (
            "datetime",
            value.isoformat(),
            type(zone).__name__,
            getattr(zone, "key", None) or repr(zone),
            value.fold,
        )
    if isinstance(value, _dt.date):
        return ("date", value.isoformat())
    if isinstance(value, list):
        return ("list", *map(_value_key, value))
    return (type(value).__name__, value)


def _text(value: str) -> str:
    r"""A TEXT value escaped as icalendar 7 escapes it (``\N`` read as a newline, too).

    icalendar then reads the escaped bytes back as UTF-8 with a BOM, which
    drops a byte order mark at the very start: so does this.
    """
    escaped = (
        value.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )
    return escaped.removeprefix("\ufeff")


_NAME: Final = re.compile(r"[^;:]+")
_DATE_PROPERTIES: Final = ("DTSTART", "DTEND")


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
        local = _dt.datetime.fromtimestamp(onset, _UTC).replace(tzinfo=None) + before
        observance.add("DTSTART", local)
        observance.add("TZOFFSETFROM", before)
        observance.add("TZOFFSETTO", after)
        observance.add("TZNAME", moment.tzname() or name)
        component.add_component(observance)
    return component


def feed_stamp(resolved: ResolvedTimeline) -> _dt.datetime:
    """``DTSTAMP``: ``SOURCE_DATE_EPOCH`` if set, else the data's newest publication date."""
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env:
        if not env.isdigit():
            raise OptionError(
                f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {env!r}"
            )
        try:
            return _dt.datetime.fromtimestamp(int(env), _UTC)
        except (OverflowError, OSError, ValueError):
            raise OptionError(f"SOURCE_DATE_EPOCH {env} is out of range") from None
    return _newest_published(resolved.timeline.sources, resolved.timezone) or _EPOCH


def _newest_published(sources: Iterable[Source], zone: str) -> _dt.datetime | None:
    """The latest publication date of *sources* (its first instant, in UTC), if any."""
    starts = [s.published.bounds(zone)[0] for s in sources if s.published is not None]
    return _dt.datetime.fromtimestamp(max(starts), _UTC) if starts else None


def _select(resolved: ResolvedTimeline, category: str | None) -> tuple[ResolvedEvent, ...]:
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
    category: str | None, options: FeedOptions, count: int, undated: list[str]
) -> Calendar:
    from icalendar import Calendar, vDuration, vText, vUri

    name = options.name if category is None else f"{options.name} — {category}"
    name = _clean(name)
    description = _clean(_calendar_description(category, options, count, undated))
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
    feed_url = options.feed_url(category)
    if feed_url is not None and options.public_url is not None:
        calendar.add("SOURCE", vUri(feed_url), parameters={"VALUE": "URI"})
        calendar.add("URL", vUri(options.public_url), parameters={"VALUE": "URI"})
    return calendar


def _calendar_description(
    category: str | None, options: FeedOptions, count: int, undated: list[str]
) -> str:
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


# -------------------------------------------------------------- placement --


@attrs.frozen
class Placement:
    """Where an event goes in a calendar and what its summary must add."""

    start: _dt.date | _dt.datetime
    #: Exclusive DTEND: a date for all-day events, a date-time or ``None`` (an instant).
    end: _dt.date | _dt.datetime | None
    #: Text put first in the summary in brackets, or ``""``.
    label: str
    #: Whether the date is exactly what the calendar shows (no marker).
    exact: bool
    zone: str

    @property
    def timed(self) -> bool:
        """Whether DTSTART is a date-time (needs a VTIMEZONE)."""
        return isinstance(self.start, _dt.datetime)

    @property
    def sort_key(self) -> str:
        """Orders events by their first day, timed ones by their instant that day."""
        if isinstance(self.start, _dt.datetime):
            return self.start.date().isoformat() + self.start.astimezone(_UTC).isoformat()
        return self.start.isoformat()


def _single_day(date: ResolvedDate) -> bool:
    """Whether *date* is known to one day (or finer), with both sides closed."""
    return (
        date.start is not None
        and date.end is not None
        and date.precision in ("day", "time")
        and date.earliest == date.latest
    )


def _place(item: ResolvedEvent) -> Placement | None:
    """Decide the calendar placement of *item*, or ``None`` if it has no date."""
    start = item.start
    if start is None or (start.start is None and start.end is None):
        return None
    end = item.end if item.kind == "span" else None
    zone_name = start.zone
    # A plain ZoneInfo, not pendulum's subclass: icalendar names TZID from it.
    zone = zoneinfo.ZoneInfo(zone_name)
    when = _when(start) if end is None else _span_when(start, end)
    doubt = _QUALIFIERS.get(start.value[-1:], "") or (
        _QUALIFIERS.get(end.value[-1:], "") if end is not None else ""
    )
    if doubt:
        when = f"{when}, {doubt}"
    marks = {"conflict": f"conflict: {when}", "bounded": f"bounded: {when}"}
    mark = marks.get(item.status, when if doubt else "")
    if _single_day(start) and (end is None or _single_day(end)):
        assert start.start is not None and start.end is not None
        if item.kind == "span" and end is None:
            mark = mark or f"from {when}, end not known"
        if start.precision == "time" and (end is None or end.precision == "time"):
            begin = _moment(start.start, zone)
            finish: _dt.datetime | None = None
            if end is not None and end.start is not None and end.start > start.start:
                finish = _moment(end.start, zone)
            elif end is None and start.end - start.start > 60:
                finish = _moment(start.end, zone)
            return Placement(begin, finish, mark, True, zone_name)
        first = start.earliest
        last = first if end is None else end.latest
        assert first is not None and last is not None
        if last < first:
            last = first
        return Placement(_plain(first), _plain(last) + _dt.timedelta(days=1), mark, True, zone_name)
    anchor = start.earliest if start.earliest is not None else start.latest
    assert anchor is not None
    day = _plain(anchor)
    return Placement(day, day + _dt.timedelta(days=1), mark or when, False, zone_name)


def _moment(instant: int, zone: zoneinfo.ZoneInfo) -> _dt.datetime:
    """*instant* in *zone*, or in UTC when that local time is ambiguous.

    In the hour a clock goes back, a local time happens twice and a TZID
    time cannot say which; a UTC time can.
    """
    local = _dt.datetime.fromtimestamp(instant, zone)
    if local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset():
        return local.astimezone(_UTC)
    return local


def _plain(day: _dt.date) -> _dt.date:
    """A plain ``datetime.date`` (pendulum's Date subclass would leak into icalendar)."""
    return _dt.date(day.year, day.month, day.day)


def _day(day: _dt.date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _when(date: ResolvedDate) -> str:
    """A resolved date in words, at its precision: ``April 2024``, ``8–9 March 2026``."""
    first, last = date.earliest, date.latest
    if first is None and last is None:
        return "date not known"
    if first is None:
        assert last is not None
        return f"on or before {_day(last)}"
    if last is None:
        return f"on or after {_day(first)}"
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


def _span_when(start: ResolvedDate, end: ResolvedDate) -> str:
    """Words for a span: ``April–June 2024`` when both ends are dates, else both in full."""
    first, last = start.earliest, end.latest
    if first is None or last is None or "time" in (start.precision, end.precision):
        return f"{_when(start)} – {_when(end)}"
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


# ----------------------------------------------------------------- events --


def _vevent(
    resolved: ResolvedTimeline,
    item: ResolvedEvent,
    placement: Placement,
    uid: str,
    options: FeedOptions,
    context: _Context,
) -> list[str]:
    """The content lines of *item*'s VEVENT, without DTSTAMP, SEQUENCE and LAST-MODIFIED.

    From ``BEGIN:VEVENT`` to the empty string after ``END:VEVENT``, exactly as
    icalendar's ``content_lines()`` gives them (see :class:`_Context`).
    """
    event = item.event
    lines = [context.text("UID", uid)]
    title = _clean(event.title)
    lines.append(
        context.text("SUMMARY", f"[{placement.label}] {title}" if placement.label else title)
    )
    lines.append(context.line("DTSTART", placement.start))
    if placement.end is not None:
        lines.append(context.line("DTEND", placement.end))
    lines.append(context.line("TRANSP", "TRANSPARENT"))
    if item.status in ("conflict", "bounded"):
        lines.append(context.line("STATUS", "TENTATIVE"))
    lines.append(context.line("CATEGORIES", [event.category]))
    if event.location is not None:
        lines.append(context.text("LOCATION", _clean(event.location)))
    lines.append(context.text("DESCRIPTION", _clean(_event_description(resolved, item, placement))))
    sources = _cited_sources(resolved, event)
    url = _primary_url(sources, item.sources)
    if url is not None:
        lines.append(context.line("URL", url, {"VALUE": "URI"}, uri=True))
    seen: set[str] = set()
    for source in sources:
        if source.url is None or source.url in seen:
            continue
        seen.add(source.url)
        # RFC 9253 LINK; "via" is the IANA relation for "the source of this
        # information". Parameter values cannot hold a double quote.
        label = _clean(f"{source.publisher}: {source.title}").replace('"', "'")
        lines.append(
            context.line(
                "LINK",
                source.url,
                {
                    "VALUE": "URI",
                    "LINKREL": "via",
                    "LABEL": label.replace("\n", " "),
                    "LANGUAGE": source.language,
                },
                uri=True,
            )
        )
    for earlier_id in context.earlier(event.id):
        # RFC 9253: FINISHTOSTART on the later event, pointing at the earlier
        # one: this event did not start before that one finished.
        lines.append(
            context.line(
                "RELATED-TO", f"{earlier_id}@{options.uid_domain}", {"RELTYPE": "FINISHTOSTART"}
            )
        )
    lines.sort(key=context.order)  # stable: a property's values keep their order
    return ["BEGIN:VEVENT", *lines, "END:VEVENT", ""]


def _cited_sources(resolved: ResolvedTimeline, event: Event) -> list[Source]:
    """The sources of *event*'s claims, each once, in the order first cited."""
    ids = dict.fromkeys(claim.source for claim in event.claims)
    return [resolved.timeline.source(source_id) for source_id in ids]


def _weight(source: Source) -> float:
    return source.weight if source.weight is not None else AUTHORITY_WEIGHTS[source.authority]


def _primary_url(sources: list[Source], followed: tuple[str, ...]) -> str | None:
    """The URL of the heaviest followed source with one (ties: by id), else of any source."""
    for pool in ([s for s in sources if s.id in followed], sources):
        linked = [s for s in pool if s.url is not None]
        if linked:
            best = min(linked, key=lambda s: (-_weight(s), s.id))
            return best.url
    return None


def _earlier_events(resolved: ResolvedTimeline, event_id: str) -> list[str]:
    """Ids of the dated events *event_id* must come after, sorted."""
    earlier = set()
    for before, after in order_edges(resolved.timeline.events):
        other = resolved.get(before)
        if after == event_id and other is not None and _place(other) is not None:
            earlier.add(before)
    return sorted(earlier)


def _event_description(
    resolved: ResolvedTimeline, item: ResolvedEvent, placement: Placement
) -> str:
    """The DESCRIPTION: date, precision, status, sources with quotes, and why."""
    event = item.event
    assert item.start is not None
    blocks: list[str] = []
    if event.description:
        blocks.append(event.description.strip())
    lines = [_date_line("Date" if item.kind == "milestone" else "Starts", item.start)]
    if item.kind == "span":
        lines.append("Ends: not known" if item.end is None else _date_line("Ends", item.end))
    if not placement.exact:
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
    doubt = _QUALIFIERS.get(date.value[-1:])
    extra = f", {doubt}" if doubt else ""
    return f"{label}: {_when(date)} (EDTF {date.value}, {date.precision} precision{extra})"


def _sources_block(resolved: ResolvedTimeline, item: ResolvedEvent) -> str:
    zone = item.event.timezone
    dissent = {d.source: d for d in item.dissent}
    lines = ["Sources:"]
    claims = item.event.claims
    if not claims:
        lines.append("- none: no source dates this event.")
    for source in _cited_sources(resolved, item.event):
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


def _claim_value(start: PartialDate | None, end: PartialDate | None) -> str:
    if start is None and end is None:
        return "no date"
    if end is None:
        return str(start)
    return f"{start or '..'}/{end}"


def _order_block(resolved: ResolvedTimeline, item: ResolvedEvent) -> str:
    lines = []
    for relation, ids in (("After", item.event.after), ("Before", item.event.before)):
        for other_id in ids:
            other = resolved.get(other_id)
            if other is None:
                continue
            when = "undated" if other.start is None else _when(other.start)
            lines.append(f"{relation}: {other.title} ({when})")
    for violation in item.violations:
        lines.append(f"Order problem: {violation.message}")
    return "\n".join(lines)


def _clean(text: str) -> str:
    """NFC-normalised text with Windows newlines and control characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))
