"""The rendering context: placements, order links and content lines, each worked out once."""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Final

from ..._model.events import order_edges
from .placement import place

if TYPE_CHECKING:
    from ..._model.resolved import ResolvedEvent, ResolvedTimeline
    from .placement import Placement
    from .state import Revision

__all__ = ["Context"]

#: The name of a content line: everything before its parameters or value.
_NAME: Final = re.compile(r"[^;:]+")
#: The properties whose all-day dates :meth:`Context.line` writes itself.
_DATE_PROPERTIES: Final = ("DTSTART", "DTEND")


class Context:
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

    def __init__(self, resolved: ResolvedTimeline, lang: str = "en") -> None:
        from icalendar import Event as VEvent

        self._resolved = resolved
        self._lang = lang
        self._placements: dict[str, Placement | None] = {}
        self._earlier: dict[str, set[str]] = {}
        for before, after in order_edges(resolved.timeline.events):
            self._earlier.setdefault(after, set()).add(before)
        self._lines: dict[tuple[object, ...], str] = {}
        canonical = {name: i for i, name in enumerate(VEvent.canonical_order)}
        self._rank: dict[str, tuple[int, int, str]] = {}
        self._canonical = canonical

    @property
    def lang(self) -> str:
        """The language of the feed's words."""
        return self._lang

    def place(self, item: ResolvedEvent) -> Placement | None:
        """:func:`~.placement.place`, remembered."""
        if item.id not in self._placements:
            self._placements[item.id] = place(item, self._lang)
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
        DTSTAMP is *stamp*, or LAST-MODIFIED when that is later (a small
        ``SOURCE_DATE_EPOCH``, or a change recorded after it): an event is
        never stamped before its last change.
        """
        body = lines[1:-2]  # between BEGIN:VEVENT and END:VEVENT (the last is "")
        body.append(self.line("DTSTAMP", max(stamp, revision.modified)))
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
