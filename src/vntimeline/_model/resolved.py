"""What the resolver decides: one date per event, how sure, and why.

These are plain frozen records; :mod:`vntimeline._resolve` makes them and
every exporter (feed, chart, JSON, docs) reads them. The JSON shape of
:meth:`ResolvedTimeline.to_json` is a contract: its shape is documented in
``docs/reference/resolver.rst`` ("The resolved JSON") and relied on outside the project.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Final, Literal

import attrs
import pendulum

from .dates import Precision, local_date
from .events import Event, Timeline, suggest

__all__ = [
    "STATUSES",
    "Dissent",
    "ResolvedDate",
    "ResolvedEvent",
    "ResolvedTimeline",
    "Status",
    "Violation",
]

Status = Literal["agreed", "single-source", "reconciled", "conflict", "bounded", "undated"]
STATUSES: Final[tuple[Status, ...]] = (
    "agreed",
    "single-source",
    "reconciled",
    "conflict",
    "bounded",
    "undated",
)


@attrs.frozen
class ResolvedDate:
    """A decided start or end: an interval of instants and the EDTF that names it.

    ``start`` and ``end`` are epoch seconds of the half-open interval
    ``[start, end)``; ``None`` is an open side (a claim of "on or before", a
    span still going on, or a bound no neighbour sets).
    """

    value: str
    precision: Precision
    start: int | None
    end: int | None
    zone: str

    @property
    def earliest(self) -> pendulum.Date | None:
        """The first local date the value allows (inclusive), or ``None`` if open."""
        return None if self.start is None else local_date(self.start, self.zone)

    @property
    def latest(self) -> pendulum.Date | None:
        """The last local date the value allows (inclusive), or ``None`` if open."""
        return None if self.end is None else local_date(self.end - 1, self.zone)

    @property
    def exact(self) -> bool:
        """Whether the value names a single day (or finer)."""
        return self.start is not None and self.earliest == self.latest

    def to_json(self) -> dict[str, Any]:
        """The JSON object of a decided date: value, precision, earliest, latest."""
        earliest, latest = self.earliest, self.latest
        return {
            "value": self.value,
            "precision": self.precision,
            "earliest": None if earliest is None else earliest.isoformat(),
            "latest": None if latest is None else latest.isoformat(),
        }


@attrs.frozen
class Dissent:
    """A claim the resolver did not follow, and the reason."""

    source: str
    value: str
    reason: str

    def to_json(self) -> dict[str, str]:
        """The JSON object of a dissenting claim: source, value, reason."""
        return {"source": self.source, "value": self.value, "reason": self.reason}


@attrs.frozen
class Violation:
    """A dated event that breaks an ``after``/``before`` constraint."""

    event: str
    other: str
    relation: Literal["after", "before"]
    message: str

    def __str__(self) -> str:
        return self.message


@attrs.frozen
class ResolvedEvent:
    """One event with its decided dates, status, supporting sources and explanation."""

    event: Event
    status: Status
    start: ResolvedDate | None
    end: ResolvedDate | None
    #: Ids of the sources whose claims the decision follows, sorted.
    sources: tuple[str, ...]
    dissent: tuple[Dissent, ...]
    explanation: str
    violations: tuple[Violation, ...] = ()

    @property
    def id(self) -> str:
        """The event's id."""
        return self.event.id

    @property
    def title(self) -> str:
        """The event's title."""
        return self.event.title

    @property
    def category(self) -> str:
        """The event's category."""
        return self.event.category

    @property
    def kind(self) -> str:
        """``milestone`` or ``span``."""
        return self.event.kind

    @property
    def dated(self) -> bool:
        """Whether anything is known of the date (every status but ``undated``)."""
        return self.start is not None

    @property
    def disputed(self) -> bool:
        """Whether sources disagreed (``reconciled`` or ``conflict``)."""
        return self.status in ("reconciled", "conflict")

    def to_json(self) -> dict[str, Any]:
        """The JSON object of this event (``docs/reference/resolver.rst``)."""
        return {
            "id": self.event.id,
            "title": self.event.title,
            "category": self.event.category,
            "kind": self.event.kind,
            "status": self.status,
            "start": None if self.start is None else self.start.to_json(),
            "end": None if self.end is None else self.end.to_json(),
            "sources": list(self.sources),
            "dissent": [d.to_json() for d in self.dissent],
            "explanation": self.explanation,
        }


@attrs.frozen
class ResolvedTimeline:
    """Every event of a timeline with its decision; iterate it or look up by id."""

    timeline: Timeline
    events: tuple[ResolvedEvent, ...]
    _by_id: dict[str, ResolvedEvent] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {r.event.id: r for r in self.events})

    @property
    def timezone(self) -> str:
        """The timeline's default zone."""
        return self.timeline.timezone

    @property
    def violations(self) -> tuple[Violation, ...]:
        """Every broken order constraint, in event order."""
        return tuple(v for r in self.events for v in r.violations)

    def __iter__(self) -> Iterator[ResolvedEvent]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._by_id

    def __getitem__(self, event_id: str) -> ResolvedEvent:
        try:
            return self._by_id[event_id]
        except KeyError:
            raise KeyError(f"no event {event_id!r}{suggest(event_id, self._by_id)}") from None

    def get(self, event_id: str) -> ResolvedEvent | None:
        """The resolved event *event_id*, or ``None``."""
        return self._by_id.get(event_id)

    def conflicts(self) -> tuple[ResolvedEvent, ...]:
        """The events whose sources tie: no date could be chosen."""
        return tuple(r for r in self.events if r.status == "conflict")

    def disputed(self) -> tuple[ResolvedEvent, ...]:
        """The events whose sources disagreed (reconciled or conflict)."""
        return tuple(r for r in self.events if r.disputed)

    def in_category(self, category: str) -> tuple[ResolvedEvent, ...]:
        """The resolved events of *category*, in file order."""
        return tuple(r for r in self.events if r.event.category == category)

    def to_json(self) -> dict[str, Any]:
        """The resolved JSON document as plain Python data."""
        return {
            "timezone": self.timeline.timezone,
            "events": [r.to_json() for r in self.events],
        }

    def dumps(self, *, indent: int | None = 2) -> str:
        """The resolved JSON document as text (UTF-8 safe, not ASCII-escaped)."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=indent)

    # The two tables below are made in _export; the import is lazy, so the
    # model never loads an exporter (nor pandas) until a table is asked for.

    def to_dataframe(self) -> Any:
        """A ``pandas.DataFrame``: one row per event, dates tz-aware in the timeline's zone.

        Needs pandas (``pip install "vntimeline[dataframe]"``); the columns are
        those of :meth:`to_csv`.
        """
        from .._export.dataframe import to_dataframe

        return to_dataframe(self)

    def to_csv(self) -> str:
        """The events as CSV text (RFC 4180, CRLF line ends): a header, a row per event."""
        from .._export.tabular import to_csv

        return to_csv(self)
