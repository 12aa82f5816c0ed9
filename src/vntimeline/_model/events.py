"""The typed event model: sources, their date claims, events and the timeline.

Every class is a frozen, slotted attrs class. Validators check each value on
construction and say what was expected and what arrived, so a model object
that exists is a valid one, whether it came from a YAML file or from code.
Rules that span several objects (references, cycles) are checked by
:class:`Timeline` itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final, Literal

import attrs

from ..errors import DateError
from .convert import end_date, published_date, start_date
from .dates import DateRange, EventDate, PartialDate, get_zone

__all__ = [
    "AUTHORITIES",
    "AUTHORITY_WEIGHTS",
    "KINDS",
    "Authority",
    "Claim",
    "Event",
    "Kind",
    "Source",
    "Timeline",
    "suggest",
]

Authority = Literal["official", "agency", "press", "aggregator"]
Kind = Literal["milestone", "span"]

#: The default weight of each kind of source (see ``docs/explanation/resolving.rst``).
AUTHORITY_WEIGHTS: Final[dict[str, float]] = {
    "official": 4.0,
    "agency": 3.0,
    "press": 2.0,
    "aggregator": 1.0,
}
AUTHORITIES: Final[tuple[str, ...]] = tuple(AUTHORITY_WEIGHTS)
KINDS: Final[tuple[str, ...]] = ("milestone", "span")
DEFAULT_TIMEZONE: Final = "Asia/Ho_Chi_Minh"

SLUG: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LANGUAGE_TAG: Final = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
URL: Final = re.compile(r"https?://\S+")


def suggest(word: str, choices: Iterable[str]) -> str:
    """A " (did you mean 'x'?)" hint for a misspelt *word*, or ``""``."""
    import difflib  # only when something is misspelt: ``import vntimeline`` stays light

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _slug(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or SLUG.fullmatch(value) is None:
        raise ValueError(
            f"{attribute.name} must be a lowercase slug such as 'nanning-roundtable', got {value!r}"
        )


def _text(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be non-empty text, got {value!r}")


def _optional_text(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _text(inst, attribute, value)


def _one_of(choices: tuple[str, ...]) -> Any:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in choices:
            hint = suggest(value, choices) if isinstance(value, str) else ""
            raise ValueError(
                f"{attribute.name} must be one of {', '.join(choices)}; got {value!r}{hint}"
            )

    return check


def _zone(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise ValueError(f"{attribute.name} must be an IANA time zone name, got {value!r}")
    try:
        get_zone(value)
    except DateError as exc:
        raise ValueError(f"{attribute.name}: {exc}") from None


def _slugs(inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:
        _slug(inst, attribute, item)


def _texts(_inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise ValueError(f"{attribute.name} must hold non-empty texts, got {item!r}")


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Freeze any iterable (but not a lone string) into a tuple."""
    if isinstance(value, str):
        raise TypeError(f"expected a sequence of items, got the string {value!r}")
    return tuple(value)


@attrs.frozen
class Source:
    """A publication that makes date claims: an article, a decree, a report."""

    id: str = attrs.field(validator=_slug)
    title: str = attrs.field(validator=_text)
    publisher: str = attrs.field(validator=_text)
    url: str | None = attrs.field(default=None)
    #: When the source appeared: text, a ``datetime.date`` or a :class:`PartialDate`.
    published: PartialDate | None = attrs.field(default=None, converter=published_date)
    authority: Authority = attrs.field(default="press", validator=_one_of(AUTHORITIES))
    language: str = attrs.field(default="en")
    seed: str | None = attrs.field(default=None, validator=_optional_text)
    #: Overrides the authority's weight when set.
    weight: float | None = attrs.field(default=None)

    @url.validator
    def _check_url(self, _attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value is not None and (not isinstance(value, str) or URL.fullmatch(value) is None):
            raise ValueError(f"url must be an http(s) URL, got {value!r}")

    @language.validator
    def _check_language(self, _attribute: attrs.Attribute[Any], value: str) -> None:
        if not isinstance(value, str) or LANGUAGE_TAG.fullmatch(value) is None:
            raise ValueError(f"language must be a BCP 47 tag such as 'en' or 'vi', got {value!r}")

    @weight.validator
    def _check_weight(self, _attribute: attrs.Attribute[Any], value: float | None) -> None:
        if value is None:
            return
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not (0 < value < float("inf"))
        ):
            raise ValueError(f"weight must be a positive number, got {value!r}")


@attrs.frozen
class Claim:
    """What one source says about when an event happened, and the words it used."""

    source: str = attrs.field(validator=_slug)
    #: EDTF text, a ``datetime.date``/``datetime``, a :class:`PartialDate` or a
    #: :class:`DateRange` (``[..2026-03-08]``: on or before).
    start: EventDate | None = attrs.field(default=None, converter=start_date)
    #: As *start*; ``..`` for a span that is still going on.
    end: EventDate | None = attrs.field(default=None, converter=end_date)
    #: The source's own words, verbatim.
    quote: str | None = attrs.field(default=None, validator=_optional_text)
    #: How the date was read from the words (e.g. "year from the publication date").
    note: str | None = attrs.field(default=None, validator=_optional_text)

    @start.validator
    def _check_start(self, _attribute: attrs.Attribute[Any], value: EventDate | None) -> None:
        if value == DateRange():
            raise ValueError("start cannot be '..': leave it out when nothing is known of it")

    @property
    def dated(self) -> bool:
        """Whether the claim gives any date at all."""
        return self.start is not None or self.end is not None


@attrs.frozen
class Event:
    """A real-world happening, with every claim about its date."""

    id: str = attrs.field(validator=_slug)
    title: str = attrs.field(validator=_text)
    kind: Kind = attrs.field(default="milestone", validator=_one_of(KINDS))
    category: str = attrs.field(default="general", validator=_slug)
    #: The zone its dates are read in: the event's own, else the file's.
    timezone: str = attrs.field(default=DEFAULT_TIMEZONE, validator=_zone)
    location: str | None = attrs.field(default=None, validator=_optional_text)
    description: str | None = attrs.field(default=None, validator=_optional_text)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_texts)
    #: Ids of events this one happened after.
    after: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_slugs)
    #: Ids of events this one happened before.
    before: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_slugs)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_tuple)

    @claims.validator
    def _check_claims(self, _attribute: attrs.Attribute[Any], value: tuple[Claim, ...]) -> None:
        for claim in value:
            if not isinstance(claim, Claim):
                raise ValueError(f"claims must hold Claim objects, got {claim!r}")
            if claim.end is not None and self.kind != "span":
                raise ValueError(
                    f"event {self.id!r} is a milestone, so its claims cannot "
                    "have an end (use kind='span')"
                )
            if (
                claim.start is not None
                and claim.end is not None
                and ends_before_start(claim.start, claim.end, self.timezone)
            ):
                raise ValueError(
                    f"event {self.id!r}: a claim's end {claim.end} is before "
                    f"its start {claim.start}"
                )


def ends_before_start(start: EventDate, end: EventDate, zone: str) -> bool:
    """Whether *end* lies wholly before *start* (no reading of both can be in order)."""
    return end.bounds(zone)[1] <= start.bounds(zone)[0]


@attrs.frozen
class Timeline:
    """Sources and events, checked as a whole: every reference resolves, no cycles.

    Iterating yields the events in file order; look one up with :meth:`event`.
    """

    events: tuple[Event, ...] = attrs.field(converter=_tuple)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_tuple)
    timezone: str = attrs.field(default=DEFAULT_TIMEZONE, validator=_zone)
    _events_by_id: dict[str, Event] = attrs.field(init=False, repr=False, eq=False)
    _sources_by_id: dict[str, Source] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        events: dict[str, Event] = {}
        for event in self.events:
            if event.id in events:
                raise ValueError(f"duplicate event id {event.id!r}")
            events[event.id] = event
        sources: dict[str, Source] = {}
        for source in self.sources:
            if source.id in sources:
                raise ValueError(f"duplicate source id {source.id!r}")
            sources[source.id] = source
        for event in self.events:
            for claim in event.claims:
                if claim.source not in sources:
                    raise ValueError(
                        f"event {event.id!r} cites unknown source {claim.source!r}"
                        f"{suggest(claim.source, sources)}"
                    )
            for other in (*event.after, *event.before):
                if other not in events:
                    raise ValueError(
                        f"event {event.id!r} refers to unknown event {other!r}"
                        f"{suggest(other, events)}"
                    )
        cycle = find_cycle(self.events)
        if cycle:
            raise ValueError("order constraints form a cycle: " + " -> ".join(cycle))
        object.__setattr__(self, "_events_by_id", events)
        object.__setattr__(self, "_sources_by_id", sources)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._events_by_id

    def event(self, event_id: str) -> Event:
        """The event with id *event_id*; ``KeyError`` (with a suggestion) if none."""
        try:
            return self._events_by_id[event_id]
        except KeyError:
            raise KeyError(
                f"no event {event_id!r}{suggest(event_id, self._events_by_id)}"
            ) from None

    def source(self, source_id: str) -> Source:
        """The source with id *source_id*; ``KeyError`` (with a suggestion) if none."""
        try:
            return self._sources_by_id[source_id]
        except KeyError:
            raise KeyError(
                f"no source {source_id!r}{suggest(source_id, self._sources_by_id)}"
            ) from None

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories in use, in order of first appearance."""
        return tuple(dict.fromkeys(event.category for event in self.events))

    def in_category(self, category: str) -> tuple[Event, ...]:
        """The events of *category*, in file order."""
        return tuple(event for event in self.events if event.category == category)

    def between(self, since: PartialDate | str, until: PartialDate | str) -> tuple[Event, ...]:
        """Events that some claim places at least partly within ``since..until``.

        Both ends are inclusive at their precision (``between("2024", "2025")``
        covers both years), read in each event's zone.
        """
        first = PartialDate.parse(since) if isinstance(since, str) else since
        last = PartialDate.parse(until) if isinstance(until, str) else until
        found = []
        for event in self.events:
            low, high = first.bounds(event.timezone)[0], last.bounds(event.timezone)[1]
            for claim in event.claims:
                dates = [d for d in (claim.start, claim.end) if d is not None]
                if not dates:
                    continue
                start = dates[0].bounds(event.timezone)[0]
                end = dates[-1].bounds(event.timezone)[1]
                if start < high and end > low:
                    found.append(event)
                    break
        return tuple(found)


def order_edges(events: Sequence[Event]) -> Iterator[tuple[str, str]]:
    """Every ``(earlier, later)`` pair implied by ``after``/``before``."""
    for event in events:
        for earlier in event.after:
            yield earlier, event.id
        for later in event.before:
            yield event.id, later


def find_cycle(events: Sequence[Event]) -> list[str]:
    """A cycle among the order constraints as a list of ids (first repeated last), or []."""
    successors: dict[str, list[str]] = {event.id: [] for event in events}
    for earlier, later in order_edges(events):
        successors.setdefault(earlier, []).append(later)
        successors.setdefault(later, [])
    # Iterative three-colour depth-first search: linear time, no recursion limit.
    state: dict[str, int] = dict.fromkeys(successors, 0)  # 0 new, 1 on path, 2 done
    for root in successors:
        if state[root]:
            continue
        path: list[str] = [root]
        stack: list[Iterator[str]] = [iter(successors[root])]
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state[nxt] == 1:
                return [*path[path.index(nxt) :], nxt]
            elif state[nxt] == 0:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(successors[nxt]))
    return []
