"""The typed event model: sources, their date claims, events and the timeline.

Every class is a frozen, slotted attrs class. Validators check each value on
construction and say what was expected and what arrived (see :mod:`.checks`):
a bad value raises :class:`~vntimeline.errors.DataError` naming the class and field
(``Claim.start: '2023-13-01' is not a valid date: ...``), so a model object
that exists is a valid one, whether it came from a YAML file or from code.

Rules that span several objects (unique ids, references, cycles) do not
raise: :meth:`Timeline.problems` lists every one at once (see :mod:`.rules`),
and :func:`~vntimeline.resolve` refuses a timeline that has any.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final, Literal

import attrs

from ..errors import Problem
from .categories import Category, CategoryMap, to_category_map
from .checks import (
    INHERIT,
    LANGUAGE_TAG,
    PUBLIC_URL,
    SLUG,
    URL,
    URL_RULE,
    fail,
    items_of,
    nfc,
    nfc_texts,
    one_line_text,
    one_of,
    optional_text,
    slug,
    slugs,
    suggest,
    text,
    texts,
    to_tuple,
    zone,
    zone_or_inherit,
)
from .convert import end_date, published_date, start_date
from .dates import DateRange, EventDate, PartialDate, skipped_in
from .rules import find_cycle, order_edges, timeline_problems

__all__ = [
    "AUTHORITIES",
    "AUTHORITY_WEIGHTS",
    "DEFAULT_TIMEZONE",
    "INHERIT",
    "KINDS",
    "LANGUAGE_TAG",
    "PUBLIC_URL",
    "SLUG",
    "URL",
    "URL_RULE",
    "Authority",
    "Category",
    "Claim",
    "Event",
    "Kind",
    "Source",
    "Timeline",
    "ends_before_start",
    "find_cycle",
    "order_edges",
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
#: A timeline's zone when it names none.
DEFAULT_TIMEZONE: Final = "UTC"


def _to_float(value: Any) -> Any:
    """An int weight as a float, as the loader reads it (anything else unchanged)."""
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return float(value)
        except OverflowError:
            return value
    return value


@attrs.frozen
class Source:
    """A publication that makes date claims: an article, a decree, a report."""

    id: str = attrs.field(validator=slug)
    title: str = attrs.field(converter=nfc, validator=text)
    publisher: str = attrs.field(converter=nfc, validator=text)
    url: str | None = attrs.field(default=None)
    #: When the source appeared: text, a ``datetime.date`` or a :class:`PartialDate`.
    published: PartialDate | None = attrs.field(default=None, converter=published_date)
    authority: Authority = attrs.field(default="press", validator=one_of(AUTHORITIES))
    language: str = attrs.field(default="en")
    seed: str | None = attrs.field(default=None, converter=nfc, validator=optional_text)
    #: Overrides the authority's weight when set (an int is kept as a float).
    weight: float | None = attrs.field(default=None, converter=_to_float)

    @url.validator
    def _check_url(self, _attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value is not None and (not isinstance(value, str) or URL.fullmatch(value) is None):
            fail("Source.url", f"expected {URL_RULE}, got {value!r}")

    @language.validator
    def _check_language(self, _attribute: attrs.Attribute[Any], value: str) -> None:
        if not isinstance(value, str) or LANGUAGE_TAG.fullmatch(value) is None:
            fail("Source.language", f"expected a BCP 47 tag such as 'en' or 'vi', got {value!r}")

    @weight.validator
    def _check_weight(self, _attribute: attrs.Attribute[Any], value: float | None) -> None:
        if value is None:
            return
        if not isinstance(value, float) or not (0 < value < float("inf")):
            fail("Source.weight", f"expected a positive number, got {value!r}")


@attrs.frozen
class Claim:
    """What one source says about when an event happened, and the words it used."""

    source: str = attrs.field(validator=slug)
    #: EDTF text, a ``datetime.date``/``datetime``, a :class:`PartialDate` or a
    #: :class:`DateRange` (``[..2026-03-08]``: on or before).
    start: EventDate | None = attrs.field(default=None, converter=start_date)
    #: As *start*; ``..`` for a span that is still going on.
    end: EventDate | None = attrs.field(default=None, converter=end_date)
    #: The source's own words, verbatim.
    quote: str | None = attrs.field(default=None, converter=nfc, validator=optional_text)
    #: How the date was read from the words (e.g. "year from the publication date").
    note: str | None = attrs.field(default=None, converter=nfc, validator=optional_text)

    @start.validator
    def _check_start(self, _attribute: attrs.Attribute[Any], value: EventDate | None) -> None:
        if value == DateRange():
            fail("Claim.start", "cannot be '..': leave it out when nothing is known of it")

    @property
    def dated(self) -> bool:
        """Whether the claim gives any date at all."""
        return self.start is not None or self.end is not None


@attrs.frozen
class Event:
    """A real-world happening, with every claim about its date.

    Its *timezone* is ``"inherit"`` unless given: the :class:`Timeline` it
    joins replaces that with its own zone, so an event in a timeline always
    has a real zone. What depends on the zone (a date a clock change skipped,
    an end before a start given with a UTC offset) is checked once the zone
    is known.
    """

    id: str = attrs.field(validator=slug)
    title: str = attrs.field(converter=nfc, validator=text)
    kind: Kind = attrs.field(default="milestone", validator=one_of(KINDS))
    category: str = attrs.field(default="general", validator=slug)
    #: The zone its dates are read in: its own, else ``"inherit"`` (the timeline's).
    timezone: str = attrs.field(default=INHERIT, validator=zone_or_inherit)
    location: str | None = attrs.field(default=None, converter=nfc, validator=optional_text)
    description: str | None = attrs.field(default=None, converter=nfc, validator=optional_text)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=nfc_texts, validator=texts)
    #: Ids of events this one happened after.
    after: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=slugs)
    #: Ids of events this one happened before.
    before: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=slugs)
    claims: tuple[Claim, ...] = attrs.field(
        default=(), converter=to_tuple, validator=items_of(Claim, "claims")
    )

    @claims.validator
    def _check_claims(self, _attribute: attrs.Attribute[Any], value: tuple[Claim, ...]) -> None:
        for j, claim in enumerate(value):
            where = f"Event.claims[{j}]"
            if claim.end is not None and self.kind != "span":
                fail(
                    f"{where}.end",
                    f"event {self.id!r} is a milestone, so its claims cannot "
                    "have an end (use kind='span')",
                )
            zone = self.timezone
            if zone == INHERIT:
                # Until the timeline gives the zone, compare wall-clock dates
                # alone (the same in every zone); the timeline checks the rest.
                if _has_offset(claim.start) or _has_offset(claim.end):
                    continue
                zone = "UTC"
            else:
                for key in ("start", "end"):
                    date = getattr(claim, key)
                    skipped = date is not None and skipped_in(date, zone)
                    if skipped:
                        fail(f"{where}.{key}", f"event {self.id!r}: {skipped}")
            if (
                claim.start is not None
                and claim.end is not None
                and ends_before_start(claim.start, claim.end, zone)
            ):
                fail(
                    f"{where}.end",
                    f"event {self.id!r}: a claim's end {claim.end} is before "
                    f"its start {claim.start}",
                )


def ends_before_start(start: EventDate, end: EventDate, zone: str) -> bool:
    """Whether *end* lies wholly before *start* (no reading of both can be in order)."""
    return end.bounds(zone)[1] <= start.bounds(zone)[0]


def _has_offset(date: EventDate | None) -> bool:
    """Whether *date* (or an end of it) names an instant, with a UTC offset."""
    if isinstance(date, DateRange):
        return _has_offset(date.lower) or _has_offset(date.upper)
    return date is not None and date.utc_offset is not None


def _in_zone(timeline: Timeline, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """*events* with ``"inherit"`` replaced by the timeline's zone (checked again in it)."""
    if all(event.timezone != INHERIT for event in events):
        return events
    return tuple(
        attrs.evolve(event, timezone=timeline.timezone) if event.timezone == INHERIT else event
        for event in events
    )


@attrs.frozen
class Timeline:
    """Sources and events, with a name, a zone and how its categories are shown.

    Iterating yields the events in file order; look one up with :meth:`event`.

    Each object checked its own values when it was built. The rules across
    objects (unique ids, claims citing known sources, ``after``/``before``
    naming known events, no cycles) do not raise here: :meth:`problems` lists
    every broken one at once, lookups use the first of duplicate ids, and
    :func:`~vntimeline.resolve` raises :class:`~vntimeline.errors.DataError` with
    all of them. A timeline read by :func:`~vntimeline.load` has none.
    """

    events: tuple[Event, ...] = attrs.field(converter=to_tuple, validator=items_of(Event, "events"))
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=to_tuple, validator=items_of(Source, "sources")
    )
    #: The zone of every event that names none (``"UTC"`` unless given).
    timezone: str = attrs.field(default=DEFAULT_TIMEZONE, validator=zone)
    #: The timeline's display name (feeds, charts, pages); see :attr:`display_name`.
    name: str | None = attrs.field(default=None, converter=nfc, validator=one_line_text)
    #: Where the built feeds are published (an http(s) URL), or None.
    url: str | None = attrs.field(default=None)
    #: Label and colour per category id, in the order to show them (init: *categories*).
    category_info: Mapping[str, Category] = attrs.field(
        factory=CategoryMap, converter=to_category_map, alias="categories"
    )
    _events_by_id: dict[str, Event] = attrs.field(init=False, repr=False, eq=False)
    _sources_by_id: dict[str, Source] = attrs.field(init=False, repr=False, eq=False)
    _problems: tuple[Problem, ...] = attrs.field(init=False, repr=False, eq=False)

    @url.validator
    def _check_url(self, _attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value is not None and (
            not isinstance(value, str) or PUBLIC_URL.fullmatch(value) is None
        ):
            fail(
                "Timeline.url",
                f"expected {URL_RULE}, got {value!r}",
            )

    def __attrs_post_init__(self) -> None:
        events = _in_zone(self, self.events)
        object.__setattr__(self, "events", events)
        by_id: dict[str, Event] = {}
        for event in events:
            by_id.setdefault(event.id, event)
        sources: dict[str, Source] = {}
        for source in self.sources:
            sources.setdefault(source.id, source)
        object.__setattr__(self, "_events_by_id", by_id)
        object.__setattr__(self, "_sources_by_id", sources)
        object.__setattr__(self, "_problems", timeline_problems(events, self.sources))

    def problems(self) -> tuple[Problem, ...]:
        """Every broken rule across the timeline's objects (empty when it is whole).

        Each problem has no line or column and a path as in a file:
        ``events[3] (launch).claims[0].source: unknown source 'blog' (did you
        mean 'blogs'?)``.
        """
        return self._problems

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
        """The category ids: the declared ones in their order, then others in order of use."""
        return tuple(
            dict.fromkeys([*self.category_info, *(event.category for event in self.events)])
        )

    def category_label(self, category: str) -> str:
        """The label of *category*: its declared one, else its id as words ("Ai policy")."""
        info = self.category_info.get(category)
        if info is not None and info.label is not None:
            return info.label
        return category.replace("-", " ").capitalize()

    def category_color(self, category: str) -> str | None:
        """The declared colour of *category*, or None."""
        info = self.category_info.get(category)
        return None if info is None else info.color

    @property
    def display_name(self) -> str:
        """The name to show: :attr:`name`, else "Timeline"."""
        return self.name if self.name is not None else "Timeline"

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
