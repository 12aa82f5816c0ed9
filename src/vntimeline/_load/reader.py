"""Walk the node tree of an events file into a Timeline, checking every rule.

The keys each part of the file may have are listed here, in the order the
format documents them (``docs/reference/data-format.rst``); the shipped JSON
schema is tested against these lists.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, TypeAlias

from .._model.dates import DateRange, skipped_in
from .._model.events import (
    AUTHORITIES,
    DEFAULT_TIMEZONE,
    KINDS,
    LANGUAGE_TAG,
    SLUG,
    URL,
    URL_RULE,
    Claim,
    Event,
    Source,
    Timeline,
    ends_before_start,
    suggest,
)
from ..errors import DataError
from .composer import Node, is_null
from .crosscheck import Entry, cross_check
from .fields import Fields
from .header import read_categories, read_name, read_url
from .quotes import Seeds

__all__ = ["CLAIM_KEYS", "EVENT_KEYS", "SOURCE_KEYS", "TOP_KEYS", "Reader"]

#: The keys of the top level.
TOP_KEYS: Final = ("name", "url", "timezone", "categories", "sources", "events")
#: The keys of a source.
SOURCE_KEYS: Final = (
    "title",
    "publisher",
    "url",
    "published",
    "authority",
    "language",
    "seed",
    "weight",
)
#: The keys of an event.
EVENT_KEYS: Final = (
    "id",
    "title",
    "kind",
    "category",
    "location",
    "timezone",
    "description",
    "aliases",
    "after",
    "before",
    "claims",
)
#: The keys of a claim.
CLAIM_KEYS: Final = ("source", "start", "end", "quote", "note")

#: What a claim's null ``start`` or ``end`` (``start: ~``) is told.
_NULL_DATE: Final = {
    "start": "a start cannot be empty (null); leave 'start' out when nothing is known of it",
    "end": "an end cannot be empty (null); leave 'end' out when it is not known, "
    "or write '..' for a span still going on",
}

#: Sources by id, each with its value nodes by key.
_Sources: TypeAlias = dict[str, tuple[Source, dict[str, Node]]]


class Reader(Fields):
    """Walks the node tree, collecting problems and building model objects.

    Quotes are checked against the seeds in *seed_folders* (not at all when
    None). The timeline's name is *name* if given, else the file's ``name``,
    else *default_name*.
    """

    def __init__(
        self,
        label: str,
        seed_folders: list[Path] | None,
        *,
        name: str | None = None,
        default_name: str | None = None,
    ) -> None:
        super().__init__(label)
        self._seeds = Seeds(self, seed_folders)
        self._name = name
        self._default_name = default_name
        #: Sources that exist but are broken: claims citing them are not "unknown".
        self._broken_sources: set[str] = set()

    def timeline(self, root: Node) -> Timeline | None:
        """Build the Timeline from the root node, checking every rule."""
        top = self.mapping(root, "", TOP_KEYS, "the top level of an events file")
        if top is None:
            return None
        header = self.header(top)
        zone = DEFAULT_TIMEZONE
        if "timezone" in top:
            zone = self.zone(top["timezone"][1], "timezone") or DEFAULT_TIMEZONE
        sources: _Sources = {}
        if "sources" in top:
            sources = self.sources(top["sources"][1])
        entries: list[Entry] = []
        if "events" in top:
            entries = self.events(top["events"][1], zone, sources)
        else:
            self.report(root, "", "missing key 'events' (a list of events)")
        cross_check(self, entries)
        if self.problems:
            return None
        try:
            timeline = Timeline(
                events=[e.event for e in entries if e.event is not None],
                sources=[s for s, _ in sources.values()],
                timezone=zone,
                **header,
            )
        except ValueError as exc:  # a rule the walk above did not foresee
            found = exc.problems if isinstance(exc, DataError) else [exc]
            for problem in found:
                self.report(root, "", str(problem))
            return None
        for problem in timeline.problems():  # likewise, across objects
            self.report(root, "", str(problem))
        return None if self.problems else timeline

    def header(self, top: dict[str, tuple[Node, Node]]) -> dict[str, Any]:
        """The Timeline's name, url and categories, as keyword arguments."""
        found: dict[str, Any] = {"name": self._default_name}
        if "name" in top:
            found["name"] = read_name(self, top["name"][1]) or self._default_name
        if self._name is not None:
            found["name"] = self._name
        if "url" in top:
            found["url"] = read_url(self, top["url"][1])
        if "categories" in top:
            found["categories"] = read_categories(self, top["categories"][1])
        return found

    def sources(self, node: Node) -> _Sources:
        """The ``sources`` mapping: id -> (Source, nodes by key)."""
        found: _Sources = {}
        entries = self.mapping(node, "sources", None, "a mapping of source ids to sources")
        for source_id, (key_node, value_node) in (entries or {}).items():
            where = f"sources.{source_id}"
            if SLUG.fullmatch(source_id) is None:
                self.report(
                    key_node,
                    where,
                    f"source id must be a lowercase slug such as "
                    f"'vir-2025-09-19', found {source_id!r}",
                )
                self._broken_sources.add(source_id)
            fields = self.mapping(value_node, where, SOURCE_KEYS, "a source")
            if fields is None:
                continue
            values: dict[str, Any] = {}
            nodes = {k: v for k, (_, v) in fields.items()}
            for key in ("title", "publisher"):
                if key not in nodes:
                    self.report(value_node, where, f"missing key {key!r}")
            readers: dict[str, Callable[[Node, str], Any]] = {
                "title": self.text,
                "publisher": self.text,
                "url": lambda n, w: self.matching(n, w, URL, URL_RULE),
                "published": self.point,
                "authority": lambda n, w: self.choice(n, w, AUTHORITIES),
                "language": lambda n, w: self.matching(
                    n, w, LANGUAGE_TAG, "a BCP 47 language tag such as 'en'"
                ),
                "seed": lambda n, w: self.text(n, w, "a file name in seeds/"),
                "weight": self.number,
            }
            ok = True
            for key, value_node_ in nodes.items():
                if is_null(value_node_) and key not in ("title", "publisher"):
                    continue
                value = readers[key](value_node_, f"{where}.{key}")
                ok = ok and value is not None
                values[key] = value
            if (
                not ok
                or "title" not in values
                or "publisher" not in values
                or source_id in self._broken_sources
            ):
                self._broken_sources.add(source_id)
                continue
            if "seed" in values:
                self._seeds.read(values["seed"], nodes["seed"], f"{where}.seed")
            try:
                found[source_id] = (Source(id=source_id, **values), nodes)
            except ValueError as exc:
                self.report(value_node, where, str(exc))
        return found

    def events(self, node: Node, zone: str, sources: _Sources) -> list[Entry]:
        """The ``events`` list, one entry per event that has a valid id."""
        found = []
        for i, item in enumerate(self.sequence(node, "events", "events")):
            where = f"events[{i}]"
            fields = self.mapping(item, where, EVENT_KEYS, "an event")
            if fields is None:
                continue
            nodes = {k: v for k, (_, v) in fields.items()}
            event_id = None
            if "id" in nodes:
                event_id = self.matching(
                    nodes["id"],
                    f"{where}.id",
                    SLUG,
                    "an event id (a lowercase slug such as 'nanning-roundtable')",
                )
                if event_id is not None:
                    where = f"events[{i}] ({event_id})"
            else:
                self.report(item, where, "missing key 'id'")
            if "title" not in nodes:
                self.report(item, where, "missing key 'title'")
            order: dict[str, list[tuple[str, Node]]] = {
                key: self.slugs(nodes[key], f"{where}.{key}", "event ids")
                for key in ("after", "before")
                if key in nodes
            }
            built = self.event(nodes, where, event_id, zone, sources, order)
            if event_id is not None:
                found.append(Entry(event_id, nodes["id"], item.start_mark, where, built, order))
        return found

    def event(
        self,
        nodes: dict[str, Node],
        where: str,
        event_id: str | None,
        zone: str,
        sources: _Sources,
        order: dict[str, list[tuple[str, Node]]],
    ) -> Event | None:
        """One event from its nodes, or None when anything in it is wrong."""
        before = len(self.problems)
        values: dict[str, Any] = {}
        for key in ("title", "location", "description"):
            if key in nodes and not (is_null(nodes[key]) and key != "title"):
                values[key] = self.text(nodes[key], f"{where}.{key}")
        if "kind" in nodes and not is_null(nodes["kind"]):
            values["kind"] = self.choice(nodes["kind"], f"{where}.kind", KINDS)
        if "category" in nodes and not is_null(nodes["category"]):
            values["category"] = self.matching(
                nodes["category"],
                f"{where}.category",
                SLUG,
                "a category (a lowercase slug such as 'policy')",
            )
        values["timezone"] = zone
        if "timezone" in nodes and not is_null(nodes["timezone"]):
            values["timezone"] = self.zone(nodes["timezone"], f"{where}.timezone")
        if "aliases" in nodes:
            values["aliases"] = [
                self.text(n, f"{where}.aliases[{j}]")
                for j, n in enumerate(self.sequence(nodes["aliases"], f"{where}.aliases", "names"))
            ]
        for key, ids in order.items():
            values[key] = [value for value, _ in ids]
        kind = values.get("kind") or "milestone"
        claims = []
        if "claims" in nodes:
            for j, claim_node in enumerate(
                self.sequence(nodes["claims"], f"{where}.claims", "claims")
            ):
                claim = self.claim(
                    claim_node, f"{where}.claims[{j}]", kind, values["timezone"] or zone, sources
                )
                if claim is not None:
                    claims.append(claim)
        if len(self.problems) > before or event_id is None or "title" not in values:
            return None
        try:
            return Event(id=event_id, claims=claims, **values)
        except ValueError as exc:
            self.report(nodes.get("id") or next(iter(nodes.values())), where, str(exc))
            return None

    def claim_source(self, node: Node, where: str, sources: _Sources) -> str | None:
        """A claim's source id, reported when no source has it."""
        source_id = self.matching(node, f"{where}.source", SLUG, "a source id (a lowercase slug)")
        if (
            source_id is not None
            and source_id not in sources
            and source_id not in self._broken_sources
        ):
            known = [*sources, *self._broken_sources]
            self.report(
                node,
                f"{where}.source",
                f"unknown source {source_id!r}{suggest(source_id, known)}; "
                "every source must be listed under 'sources'",
            )
        return source_id

    def claim(
        self, node: Node, where: str, kind: str, zone: str, sources: _Sources
    ) -> Claim | None:
        """One claim, with its quote checked against the source's seed."""
        fields = self.mapping(node, where, CLAIM_KEYS, "a claim")
        if fields is None:
            return None
        before = len(self.problems)
        nodes = {k: v for k, (_, v) in fields.items()}
        values: dict[str, Any] = {}
        if "source" not in nodes:
            self.report(node, where, "missing key 'source' (the id of the source making the claim)")
        else:
            values["source"] = self.claim_source(nodes["source"], where, sources)
        for key in ("start", "end"):
            if key in nodes and is_null(nodes[key]):
                # A null would silently mean "no date": say so rather than guess.
                self.report(nodes[key], f"{where}.{key}", _NULL_DATE[key])
            elif key in nodes:
                values[key] = self.date(nodes[key], f"{where}.{key}")
                skipped = values[key] and skipped_in(values[key], zone)
                if skipped:
                    self.report(nodes[key], f"{where}.{key}", skipped)
        if values.get("start") == DateRange():
            self.report(
                nodes["start"],
                f"{where}.start",
                "a start cannot be '..' ('..' is a span's end that is still going on); "
                "leave 'start' out when nothing is known of it",
            )
        for key in ("quote", "note"):
            if key in nodes and not is_null(nodes[key]):
                values[key] = self.text(nodes[key], f"{where}.{key}")
        if values.get("end") is not None and kind != "span":
            self.report(
                fields["end"][0],
                f"{where}.end",
                "only spans have an end; set 'kind: span' on the event or remove 'end'",
            )
        start, end = values.get("start"), values.get("end")
        if start is not None and end is not None and ends_before_start(start, end, zone):
            self.report(nodes["end"], f"{where}.end", f"the end {end} is before the start {start}")
        source_entry = sources.get(values.get("source") or "")
        if source_entry is not None and source_entry[0].seed is not None:
            self._seeds.check_quote(source_entry[0], values.get("quote"), nodes, node, where)
        if len(self.problems) > before:
            return None
        return Claim(**values)
