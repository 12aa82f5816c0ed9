"""Read ``events.yaml`` into a :class:`~vntimeline.Timeline`, or say exactly what is wrong.

The file is parsed into YAML *nodes* (libyaml's parser, composed into nodes
by :class:`_Composer`), never into Python objects by PyYAML's constructor.
Walking the nodes ourselves gives us, for every value, its line and column,
the raw text (so ``2025-09-18`` stays text instead of becoming a
``datetime.date``), and the chance to catch what PyYAML would hide: duplicate
keys (it keeps the last) and aliases (which can be nested into a "billion
laughs" bomb; we reject them on sight, so nothing is ever expanded).

Large files: the items of the top-level ``events`` list are composed one at a
time, as the reader asks for them, and let go once read, so memory holds the
model objects, not the whole tree (see :class:`_Composer`). The cyclic garbage
collector is paused while reading: the millions of small objects a large
file makes are freed by reference counting alone, and the collector would
only rescan them over and over.

Every problem in the file is collected, not just the first, and reported as
``FILE:LINE:COL: key.path: message`` in one :class:`~vntimeline.errors.DataError`.
"""

from __future__ import annotations

import functools
import math
import os
import re
import unicodedata
import zoneinfo
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Final

from .._gc import paused_gc
from .._model.dates import PartialDate, portable_zone_name, skipped_in
from .._model.events import (
    AUTHORITIES,
    DEFAULT_TIMEZONE,
    KINDS,
    LANGUAGE_TAG,
    SLUG,
    URL,
    Claim,
    Event,
    Source,
    Timeline,
    ends_before_start,
    find_cycle,
    suggest,
)
from ..errors import DataError, DateError, Problem

__all__ = ["check", "default_data_path", "load", "load_default"]

_NULL: Final = "tag:yaml.org,2002:null"
_STR: Final = "tag:yaml.org,2002:str"
_SEQ: Final = "tag:yaml.org,2002:seq"
_MAP: Final = "tag:yaml.org,2002:map"

TOP_KEYS: Final = ("timezone", "sources", "events")
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
CLAIM_KEYS: Final = ("source", "start", "end", "quote", "note")
_WHITESPACE: Final = re.compile(r"\s+")


def default_data_path() -> Path:
    """The bundled ``events.yaml``: inside the installed package, else the checkout's."""
    import importlib.resources  # only here: ``import vntimeline`` stays light

    packaged = Path(str(importlib.resources.files("vntimeline"))) / "_data" / "events.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / "events.yaml"


def load(
    path: str | os.PathLike[str],
    *,
    seeds_dir: str | os.PathLike[str] | None = None,
) -> Timeline:
    """Load and validate the data file at *path*.

    Quotes are checked against the seed files in *seeds_dir* (default: a
    ``seeds`` folder beside the file or beside its folder). Raises
    :class:`~vntimeline.errors.DataError` listing every problem found.
    """
    problems, timeline = _read(Path(path), None if seeds_dir is None else Path(seeds_dir))
    if problems or timeline is None:
        raise DataError(problems)
    return timeline


def load_default() -> Timeline:
    """Load the dataset bundled with vntimeline (Vietnam's AI policy timeline)."""
    return load(default_data_path())


def check(
    path: str | os.PathLike[str],
    *,
    seeds_dir: str | os.PathLike[str] | None = None,
) -> list[Problem]:
    """Every problem in the data file at *path*, in file order (empty when valid)."""
    return _read(Path(path), None if seeds_dir is None else Path(seeds_dir))[0]


def seed_folders(path: Path, seeds_dir: Path | None) -> list[Path]:
    """Where the seeds of the data file at *path* are looked for, in order."""
    if seeds_dir is not None:
        return [seeds_dir]
    return list(dict.fromkeys([path.parent / "seeds", path.parent.parent / "seeds"]))


def _read(path: Path, seeds_dir: Path | None) -> tuple[list[Problem], Timeline | None]:
    """Read a file into problems and, when there are none, a Timeline."""
    label = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [Problem(label, 1, 1, f"cannot read the file: {exc.strerror or exc}")], None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return [
            Problem(
                label,
                line,
                column,
                f"invalid UTF-8 (byte 0x{data[exc.start]:02x}); the file must be UTF-8 text",
            )
        ], None
    text = text.removeprefix("\ufeff")
    with paused_gc():
        return _walk(label, path, seeds_dir, text, stream=True)


def _walk(
    label: str, path: Path, seeds_dir: Path | None, text: str, *, stream: bool
) -> tuple[list[Problem], Timeline | None]:
    """Compose and read *text*; with *stream*, the ``events`` items one at a time."""
    yaml, _ = _yaml()
    try:
        composer = _Composer(text, stream=stream)
        root = composer.root()
        if root is None:
            return [
                Problem(
                    label,
                    1,
                    1,
                    "the file is empty; expected a mapping with 'timezone', 'sources' and 'events'",
                )
            ], None
        reader = _Reader(label, path, seeds_dir)
        timeline = reader.timeline(root)
        # The rest of the document: keys after the events, another document, or
        # an error the composer held back until the parser had read everything.
        composer.finish()
    except _TooDeepError as exc:
        mark = exc.mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return [
            Problem(
                label,
                line,
                column,
                f"the file nests more than {_MAX_DEPTH} levels deep; an events file needs five",
            )
        ], None
    except yaml.reader.ReaderError as exc:
        line, column = _position(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return [
            Problem(
                label,
                line,
                column,
                f"character U+{code:04X} is not allowed in YAML ({exc.reason}); "
                'write it as an escape in a double-quoted string, e.g. "\\u0001"',
            )
        ], None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        what = " ".join(part for part in (exc.context, exc.problem) if part)
        return [Problem(label, line, column, f"YAML syntax error: {what}")], None
    except yaml.YAMLError as exc:
        return [Problem(label, 1, 1, f"YAML error: {exc}")], None
    if composer.extra:
        # Top-level keys came after the events list (a timezone, say), so the
        # events were read too early: read the file again as one tree.
        return _walk(label, path, seeds_dir, text, stream=False)
    problems = _with_refused(label, composer.refused, reader.problems)
    return problems, (timeline if not problems else None)


#: Refused constructs reported one by one; a bomb of thousands gets a count.
_MAX_REFUSED: Final = 20


def _with_refused(
    label: str, refused: list[tuple[Any, str]], problems: list[Problem]
) -> list[Problem]:
    """The reader's problems with the composer's refusals, in file order.

    A refused alias or tag was read as a null, so the reader may also have
    complained about a null at the same place: the refusal says it better.
    """
    marks = {(mark.line + 1, mark.column + 1) for mark, _message in refused}
    kept = [p for p in problems if (p.line, p.column) not in marks]
    shown = [Problem(label, m.line + 1, m.column + 1, text) for m, text in refused[:_MAX_REFUSED]]
    if len(refused) > _MAX_REFUSED:
        mark = refused[_MAX_REFUSED][0]
        more = len(refused) - _MAX_REFUSED
        shown.append(
            Problem(label, mark.line + 1, mark.column + 1, f"and {more} more aliases or tags")
        )
    return sorted(kept + shown, key=lambda p: (p.line, p.column))


def _position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (from 1) of libyaml's reader *offset*, a byte offset in UTF-8."""
    before = text.encode("utf-8")[:offset].decode("utf-8", errors="ignore")
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def _yaml() -> tuple[Any, Any]:
    """PyYAML and its fastest safe loader (imported on first use, not with vntimeline)."""
    import yaml

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_MAX_DEPTH: Final = 64


class _Node:
    """A YAML node as the reader needs it: tag, value, and where it starts."""

    __slots__ = ("start_mark", "tag", "value")

    def __init__(self, tag: str, value: Any, start_mark: Any) -> None:
        self.tag = tag
        self.value = value
        self.start_mark = start_mark


class _Scalar(_Node):
    """A scalar: ``value`` is its text."""

    __slots__ = ()


class _Sequence(_Node):
    """A list: ``value`` is the list of its item nodes."""

    __slots__ = ()


class _Mapping(_Node):
    """A mapping: ``value`` is the list of its (key node, value node) pairs, in file order."""

    __slots__ = ()


class _Streamed(_Sequence):
    """The top-level ``events`` list: ``items`` composes each item when it is asked for."""

    __slots__ = ("items",)

    def __init__(self, tag: str, value: Any, start_mark: Any) -> None:
        super().__init__(tag, value, start_mark)
        self.items: Iterator[_Node] = iter(())


class _TooDeepError(Exception):
    """The nesting passed _MAX_DEPTH at *mark*."""

    def __init__(self, mark: Any) -> None:
        super().__init__(mark)
        self.mark = mark


class _Composer:
    """Nodes from libyaml's parser events, as ``yaml.compose`` makes them, streamed.

    The nodes have the tags and marks PyYAML's composer gives, with three
    differences. Nesting deeper than _MAX_DEPTH stops with :class:`_TooDeepError`
    (libyaml's own composer recurses once per level and overflows the C
    stack, a crash, at some 30,000 levels). With *stream*, the items of a
    top-level ``events`` list are composed only when the reader asks for
    them, so a large file never exists as one tree (if top-level keys follow
    that list, :attr:`extra` says so and the caller reads the file again
    without streaming). And what PyYAML's composer raises at once (an
    undefined alias, a duplicate anchor, a second document) is raised by
    :meth:`finish`, after the parser has read the whole stream, so a
    syntax error or too deep a nesting anywhere is reported first, as when
    depth was checked in a pass of its own before composing.
    """

    def __init__(self, text: str, *, stream: bool) -> None:
        yaml, loader = _yaml()
        self._yaml = yaml
        self._next: Callable[[], Any] = iter(yaml.parse(text, Loader=loader)).__next__
        self._stream = stream
        self._anchors: dict[str, _Node] = {}
        self._held: Exception | None = None
        #: What the file may not use (aliases, explicit tags): (mark, message),
        #: in file order. The node in its place is a null, never expanded.
        self.refused: list[tuple[Any, str]] = []
        self._depth = 0
        self._root: _Node | None = None
        self._streamed: _Streamed | None = None
        # The implicit tags of plain scalars, by first character, as the
        # loader's resolver has them (only null matters to the reader).
        resolvers = loader.yaml_implicit_resolvers
        self._wildcard = tuple(resolvers.get(None, ()))
        self._implicit = {
            key: tuple(value) + self._wildcard
            for key, value in resolvers.items()
            if key is not None
        }
        e = yaml.events
        self._scalar, self._alias = e.ScalarEvent, e.AliasEvent
        self._mapping_start, self._mapping_end = e.MappingStartEvent, e.MappingEndEvent
        self._sequence_start, self._sequence_end = e.SequenceStartEvent, e.SequenceEndEvent
        #: Whether top-level keys followed a streamed ``events`` list.
        self.extra = False

    def root(self) -> _Node | None:
        """The document's root node (None when the stream has no document)."""
        self._next()  # the stream starts
        if type(self._next()) is self._yaml.events.StreamEndEvent:
            return None
        event = self._next()  # (the document started)
        if not (self._stream and type(event) is self._mapping_start):
            self._root = self._node(event)
            return self._root
        root = self._root = self._open(event, _Mapping)
        while True:
            event = self._next()
            if type(event) is self._mapping_end:
                self._depth -= 1
                return root
            key = self._node(event)
            event = self._next()
            if (
                type(key) is _Scalar
                and key.value == "events"
                and type(event) is self._sequence_start
                and self._streamed is None
            ):
                streamed = self._open(event, _Streamed)
                assert isinstance(streamed, _Streamed)
                streamed.items = self._items()
                root.value.append((key, streamed))
                self._streamed = streamed
                return root
            root.value.append((key, self._node(event)))

    def finish(self) -> None:
        """Compose the rest of the stream; raise what PyYAML's composer would have."""
        root = self._root
        if root is None:
            return
        if self._streamed is not None:
            for _item in self._streamed.items:  # what the reader did not ask for
                pass
            while True:
                event = self._next()
                if type(event) is self._mapping_end:
                    self._depth -= 1
                    break
                key = self._node(event)
                root.value.append((key, self._node(self._next())))
                self.extra = True
        self._next()  # the document ends
        event = self._next()
        if type(event) is not self._yaml.events.StreamEndEvent:
            self._drain()
            self._hold(
                self._yaml.composer.ComposerError(
                    "expected a single document in the stream",
                    root.start_mark,
                    "but found another document",
                    event.start_mark,
                )
            )
        if self._held is not None:
            raise self._held

    def _items(self) -> Iterator[_Node]:
        """The items of the streamed list, each composed when asked for."""
        while True:
            event = self._next()
            if type(event) is self._sequence_end:
                self._depth -= 1
                return
            yield self._node(event)

    def _drain(self) -> None:
        """Read the rest of the stream, for its syntax errors and its depth."""
        starts = (self._mapping_start, self._sequence_start)
        ends = (self._mapping_end, self._sequence_end)
        for event in iter(self._next, None):
            if type(event) in starts:
                self._depth += 1
                if self._depth > _MAX_DEPTH:
                    raise _TooDeepError(event.start_mark)
            elif type(event) in ends:
                self._depth -= 1

    def _hold(self, error: Exception) -> None:
        """Keep the first composer error for :meth:`finish` to raise."""
        if self._held is None:
            self._held = error

    def _open(self, event: Any, kind: type[_Node]) -> _Node:
        """A new, empty collection node for a start event."""
        self._depth += 1
        if self._depth > _MAX_DEPTH:
            raise _TooDeepError(event.start_mark)
        tag = event.tag
        implied = _MAP if kind is _Mapping else _SEQ
        if tag is None or tag == "!":
            tag = implied
        elif tag != implied:
            self._refuse_tag(event)
            tag = implied
        node = kind(tag, [], event.start_mark)
        if event.anchor is not None:
            self._anchor(event, node)
        return node

    def _anchor(self, event: Any, node: _Node) -> None:
        first = self._anchors.get(event.anchor)
        if first is not None:
            self._hold(
                self._yaml.composer.ComposerError(
                    "found duplicate anchor; first occurrence",
                    first.start_mark,
                    "second occurrence",
                    event.start_mark,
                )
            )
        self._anchors[event.anchor] = node

    def _refuse_tag(self, event: Any) -> str:
        """Refuse an explicit tag (``!!null 2021`` would silently drop a date)."""
        shown = str(event.tag).replace("tag:yaml.org,2002:", "!!")
        self.refused.append(
            (
                event.start_mark,
                f"explicit tags ({shown}) are not allowed: write the value plainly "
                "(quote it if it must stay text)",
            )
        )
        return _NULL

    def _tag(self, value: str) -> str:
        """The implicit tag of a plain scalar, as the resolver gives it."""
        for tag, pattern in self._implicit.get(value[:1], self._wildcard):
            if pattern.match(value):
                return str(tag)
        return _STR

    def _node(self, event: Any) -> _Node:
        """The whole node that starts with *event* (iterative: depth costs no stack)."""
        scalar, alias = self._scalar, self._alias
        mapping_start, sequence_start = self._mapping_start, self._sequence_start
        mapping_end, sequence_end = self._mapping_end, self._sequence_end
        stack: list[_Node] = []
        keys: list[_Node | None] = []  # per open mapping: its key waiting for a value
        while True:
            kind = type(event)
            node: _Node
            if kind is scalar:
                tag = event.tag
                if tag is None or tag == "!":
                    tag = self._tag(event.value) if event.implicit[0] else _STR
                elif tag != _STR:
                    tag = self._refuse_tag(event)
                node = _Scalar(tag, event.value, event.start_mark)
                if event.anchor is not None:
                    self._anchor(event, node)
            elif kind is mapping_start or kind is sequence_start:
                stack.append(self._open(event, _Mapping if kind is mapping_start else _Sequence))
                keys.append(None)
                event = self._next()
                continue
            elif kind is mapping_end or kind is sequence_end:
                node = stack.pop()
                keys.pop()
                self._depth -= 1
            elif kind is alias:
                # Never expand an alias (nested, aliases make a "billion laughs"
                # bomb) nor share the node it names: a null takes its place.
                self.refused.append(
                    (
                        event.start_mark,
                        f"aliases (*{event.anchor}) are not allowed: write the value out "
                        "(the file is reviewed in diffs, and aliases can be nested "
                        "to exhaust memory)",
                    )
                )
                node = _Scalar(_NULL, "", event.start_mark)
            else:  # pragma: no cover - the parser never sends another event here
                raise AssertionError(f"unexpected YAML event {event!r}")
            if not stack:
                return node
            parent = stack[-1]
            if type(parent) is _Mapping:
                key = keys[-1]
                if key is None:
                    keys[-1] = node
                else:
                    parent.value.append((key, node))
                    keys[-1] = None
            else:
                parent.value.append(node)
            event = self._next()


class _Reader:
    """Walks the node tree, collecting problems and building model objects."""

    def __init__(self, label: str, path: Path, seeds_dir: Path | None) -> None:
        self.label = label
        self.path = path
        self.seeds_dir = seeds_dir
        self.problems: list[Problem] = []
        self._dates: dict[str, PartialDate] = {}  # dates repeat: parse each text once
        self._seed_texts: dict[str, str | None] = {}
        #: Sources that exist but are broken: claims citing them are not "unknown".
        self._broken_sources: set[str] = set()

    # -- reporting ---------------------------------------------------------------

    def report(self, node: _Node, where: str, message: str) -> None:
        """Record a problem at *node*, prefixed with its key path."""
        self.report_at(node.start_mark, where, message)

    def report_at(self, mark: Any, where: str, message: str) -> None:
        """Record a problem at a mark (a node's start), prefixed with its key path."""
        prefix = f"{where}: " if where else ""
        self.problems.append(Problem(self.label, mark.line + 1, mark.column + 1, prefix + message))

    # -- shapes ------------------------------------------------------------------

    def mapping(
        self, node: _Node, where: str, allowed: tuple[str, ...] | None, what: str
    ) -> dict[str, tuple[_Node, _Node]] | None:
        """The entries of a mapping node, or None after reporting why it is not one."""
        if not isinstance(node, _Mapping):
            self.report(
                node,
                where,
                f"expected {what} (a mapping of keys to values), found {_describe(node)}",
            )
            return None
        entries: dict[str, tuple[_Node, _Node]] = {}
        for key_node, value_node in node.value:
            key_where = f"{where}.{key_node.value}" if where else str(key_node.value)
            if not isinstance(key_node, _Scalar):
                self.report(key_node, where, f"expected a plain key, found {_describe(key_node)}")
                continue
            key = key_node.value
            if key == "<<":
                self.report(
                    key_node, where, "merge keys (<<) are not allowed: write the entries out"
                )
                continue
            if key in entries:
                first = entries[key][0].start_mark.line + 1
                self.report(
                    key_node,
                    key_where,
                    f"duplicate key {key!r} (first given on "
                    f"line {first}); each key may appear once",
                )
                continue
            if allowed is not None and key not in allowed:
                self.report(
                    key_node,
                    key_where,
                    f"unknown key {key!r}{suggest(key, allowed)}; "
                    f"expected one of {', '.join(allowed)}",
                )
                continue
            entries[key] = (key_node, value_node)
        return entries

    def sequence(self, node: _Node, where: str, what: str) -> Iterable[_Node]:
        """The items of a sequence node, or [] after reporting why it is not one."""
        if _is_null(node):
            return []
        if not isinstance(node, _Sequence):
            self.report(node, where, f"expected a list of {what}, found {_describe(node)}")
            return []
        if isinstance(node, _Streamed):
            return node.items
        return list(node.value)

    def scalar(self, node: _Node, where: str, what: str) -> str | None:
        """The raw text of a scalar node, or None after reporting what was expected."""
        if not isinstance(node, _Scalar) or _is_null(node):
            self.report(node, where, f"expected {what}, found {_describe(node)}")
            return None
        return str(node.value)

    def text(self, node: _Node, where: str, what: str = "text") -> str | None:
        """Non-empty text, normalised to NFC (so quotes and titles compare reliably)."""
        value = self.scalar(node, where, what)
        if value is None:
            return None
        if not value.strip():
            self.report(node, where, f"expected {what}, found an empty string")
            return None
        return unicodedata.normalize("NFC", value)

    def matching(self, node: _Node, where: str, pattern: re.Pattern[str], what: str) -> str | None:
        """Text that must match *pattern* entirely."""
        value = self.scalar(node, where, what)
        if value is not None and pattern.fullmatch(value) is None:
            self.report(node, where, f"expected {what}, found {value!r}")
            return None
        return value

    def choice(self, node: _Node, where: str, choices: tuple[str, ...]) -> str | None:
        """One of a fixed set of words."""
        value = self.scalar(node, where, "one of " + ", ".join(choices))
        if value is not None and value not in choices:
            self.report(
                node,
                where,
                f"expected one of {', '.join(choices)}, found {value!r}{suggest(value, choices)}",
            )
            return None
        return value

    def date(self, node: _Node, where: str) -> PartialDate | None:
        """An EDTF date."""
        value = self.scalar(node, where, "an EDTF date such as 2025-09-18")
        if value is None:
            return None
        found = self._dates.get(value)
        if found is not None:
            return found
        try:
            found = self._dates[value] = PartialDate.parse(value)
        except DateError as exc:
            self.report(node, where, str(exc))
            return None
        return found

    def zone(self, node: _Node, where: str) -> str | None:
        """An IANA time zone name."""
        value = self.scalar(node, where, "an IANA time zone such as Asia/Ho_Chi_Minh")
        if value is None:
            return None
        if not _known_zone(value):
            self.report(
                node,
                where,
                f"unknown time zone {value!r}"
                f"{suggest(value, _zone_names())}; expected an IANA "
                "name such as Asia/Ho_Chi_Minh",
            )
            return None
        return value

    def number(self, node: _Node, where: str) -> float | None:
        """A positive, finite number."""
        value = self.scalar(node, where, "a positive number")
        if value is None:
            return None
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not (math.isfinite(number) and number > 0) or value.lower() in (".inf", ".nan"):
            self.report(node, where, f"expected a positive number, found {value!r}")
            return None
        return number

    def slugs(self, node: _Node, where: str, what: str) -> list[tuple[str, _Node]]:
        """A list of ids, each with its node (for reporting references later)."""
        found = []
        for i, item in enumerate(self.sequence(node, where, what)):
            value = self.matching(item, f"{where}[{i}]", SLUG, f"{what[:-1]} (a lowercase slug)")
            if value is not None:
                found.append((value, item))
        return found

    # -- the document --------------------------------------------------------------

    def timeline(self, root: _Node) -> Timeline | None:
        """Build the Timeline from the root node, checking every rule."""
        top = self.mapping(root, "", TOP_KEYS, "the top level of an events file")
        if top is None:
            return None
        zone = DEFAULT_TIMEZONE
        if "timezone" in top:
            zone = self.zone(top["timezone"][1], "timezone") or DEFAULT_TIMEZONE
        sources: dict[str, tuple[Source, dict[str, _Node]]] = {}
        if "sources" in top:
            sources = self.sources(top["sources"][1])
        entries: list[_Entry] = []
        if "events" in top:
            entries = self.events(top["events"][1], zone, sources)
        else:
            self.report(root, "", "missing key 'events' (a list of events)")
        self.cross_check(entries)
        if self.problems:
            return None
        try:
            return Timeline(
                events=[e.event for e in entries if e.event is not None],
                sources=[s for s, _ in sources.values()],
                timezone=zone,
            )
        except ValueError as exc:  # a rule the walk above did not foresee
            self.report(root, "", str(exc))
            return None

    def sources(self, node: _Node) -> dict[str, tuple[Source, dict[str, _Node]]]:
        """The ``sources`` mapping: id -> (Source, nodes by key)."""
        found: dict[str, tuple[Source, dict[str, _Node]]] = {}
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
            readers: dict[str, Callable[[_Node, str], Any]] = {
                "title": self.text,
                "publisher": self.text,
                "url": lambda n, w: self.matching(n, w, URL, "an http(s) URL"),
                "published": self.date,
                "authority": lambda n, w: self.choice(n, w, AUTHORITIES),
                "language": lambda n, w: self.matching(
                    n, w, LANGUAGE_TAG, "a BCP 47 language tag such as 'en'"
                ),
                "seed": lambda n, w: self.text(n, w, "a file name in seeds/"),
                "weight": self.number,
            }
            ok = True
            for key, value_node_ in nodes.items():
                if _is_null(value_node_) and key not in ("title", "publisher"):
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
                self.seed_text(values["seed"], nodes["seed"], f"{where}.seed")
            try:
                found[source_id] = (Source(id=source_id, **values), nodes)
            except ValueError as exc:
                self.report(value_node, where, str(exc))
        return found

    def events(
        self, node: _Node, zone: str, sources: dict[str, tuple[Source, dict[str, _Node]]]
    ) -> list[_Entry]:
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
            order: dict[str, list[tuple[str, _Node]]] = {
                key: self.slugs(nodes[key], f"{where}.{key}", "event ids")
                for key in ("after", "before")
                if key in nodes
            }
            built = self.event(nodes, where, event_id, zone, sources, order)
            if event_id is not None:
                found.append(_Entry(event_id, nodes["id"], item.start_mark, where, built, order))
        return found

    def event(
        self,
        nodes: dict[str, _Node],
        where: str,
        event_id: str | None,
        zone: str,
        sources: dict[str, tuple[Source, dict[str, _Node]]],
        order: dict[str, list[tuple[str, _Node]]],
    ) -> Event | None:
        """One event from its nodes, or None when anything in it is wrong."""
        before = len(self.problems)
        values: dict[str, Any] = {}
        for key in ("title", "location", "description"):
            if key in nodes and not (_is_null(nodes[key]) and key != "title"):
                values[key] = self.text(nodes[key], f"{where}.{key}")
        if "kind" in nodes and not _is_null(nodes["kind"]):
            values["kind"] = self.choice(nodes["kind"], f"{where}.kind", KINDS)
        if "category" in nodes and not _is_null(nodes["category"]):
            values["category"] = self.matching(
                nodes["category"],
                f"{where}.category",
                SLUG,
                "a category (a lowercase slug such as 'policy')",
            )
        values["timezone"] = zone
        if "timezone" in nodes and not _is_null(nodes["timezone"]):
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

    def claim(
        self,
        node: _Node,
        where: str,
        kind: str,
        zone: str,
        sources: dict[str, tuple[Source, dict[str, _Node]]],
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
            source_id = self.matching(
                nodes["source"], f"{where}.source", SLUG, "a source id (a lowercase slug)"
            )
            if (
                source_id is not None
                and source_id not in sources
                and source_id not in self._broken_sources
            ):
                known = [*sources, *self._broken_sources]
                self.report(
                    nodes["source"],
                    f"{where}.source",
                    f"unknown source {source_id!r}{suggest(source_id, known)}; "
                    "every source must be listed under 'sources'",
                )
            values["source"] = source_id
        for key in ("start", "end"):
            if key in nodes and not _is_null(nodes[key]):
                values[key] = self.date(nodes[key], f"{where}.{key}")
                skipped = values[key] and skipped_in(values[key], zone)
                if skipped:
                    self.report(nodes[key], f"{where}.{key}", skipped)
        for key in ("quote", "note"):
            if key in nodes and not _is_null(nodes[key]):
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
            self.check_quote(source_entry[0], values.get("quote"), nodes, node, where)
        if len(self.problems) > before:
            return None
        return Claim(**values)

    def check_quote(
        self, source: Source, quote: str | None, nodes: dict[str, _Node], node: _Node, where: str
    ) -> None:
        """A claim from a seeded source must quote that seed verbatim."""
        assert source.seed is not None
        if quote is None:
            self.report(
                node,
                where,
                f"missing key 'quote': source {source.id!r} has a seed "
                f"({source.seed}), so the claim must quote it",
            )
            return
        seed_text = self._seed_texts.get(source.seed)
        if seed_text is None:  # the seed itself is missing; reported at the source
            return
        if _collapse(quote) not in seed_text:
            hint = _closest_line(quote, seed_text)
            self.report(
                nodes["quote"],
                f"{where}.quote",
                f"the quote does not occur in seed {source.seed} (white space collapsed){hint}",
            )

    def seed_text(self, name: str, node: _Node, where: str) -> None:
        """Read a seed file once, remembering its collapsed text (or None if missing)."""
        if name in self._seed_texts:
            return
        candidates = seed_folders(self.path, self.seeds_dir)
        for folder in candidates:
            seed = folder / name
            if Path(name).name == name and seed.is_file():
                try:
                    raw = seed.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError) as exc:
                    self.report(node, where, f"cannot read seed {seed}: {exc}")
                    break
                self._seed_texts[name] = _collapse(unicodedata.normalize("NFC", raw))
                return
        else:
            looked = " or ".join(str(folder) for folder in candidates)
            self.report(node, where, f"seed file {name!r} not found in {looked}")
        self._seed_texts[name] = None

    def cross_check(self, entries: list[_Entry]) -> None:
        """Rules across events: unique ids, known references, no cycles."""
        first_seen: dict[str, _Entry] = {}
        for entry in entries:
            if entry.id in first_seen:
                line = first_seen[entry.id].id_node.start_mark.line + 1
                self.report(
                    entry.id_node,
                    f"{entry.where}.id",
                    f"duplicate event id {entry.id!r} (first used on line {line}); "
                    "ids must be unique",
                )
            else:
                first_seen[entry.id] = entry
        for entry in entries:
            for key, ids in entry.order.items():
                for j, (other, item) in enumerate(ids):
                    if other not in first_seen:
                        self.report(
                            item,
                            f"{entry.where}.{key}[{j}]",
                            f"unknown event {other!r}{suggest(other, first_seen)}",
                        )
                    elif other == entry.id:
                        self.report(
                            item,
                            f"{entry.where}.{key}[{j}]",
                            "an event cannot be ordered against itself",
                        )

        # Check cycles on the known ids alone, so a loop is reported even when
        # other parts of the events involved are broken.
        def known(entry: _Entry, key: str) -> list[str]:
            return [v for v, _ in entry.order.get(key, []) if v in first_seen and v != entry.id]

        stand_ins = [
            Event(id=e.id, title=e.id, after=known(e, "after"), before=known(e, "before"))
            for e in first_seen.values()
        ]
        cycle = find_cycle(stand_ins)
        if cycle:
            entry = first_seen[cycle[0]]
            self.report_at(
                entry.mark,
                entry.where,
                "order constraints form a cycle: "
                + " -> ".join(cycle)
                + "; 'after'/'before' must not loop back",
            )


class _Entry:
    """An event as read: its id and nodes (for cross-checks), and the Event if valid.

    Of the event's own node only its start is kept: a large file's events are
    composed one at a time and let go once read.
    """

    __slots__ = ("event", "id", "id_node", "mark", "order", "where")

    def __init__(
        self,
        event_id: str,
        id_node: _Node,
        mark: Any,
        where: str,
        event: Event | None,
        order: dict[str, list[tuple[str, _Node]]],
    ) -> None:
        self.id = event_id
        self.id_node = id_node
        self.mark = mark
        self.where = where
        self.event = event
        self.order = order


def _is_null(node: _Node) -> bool:
    return isinstance(node, _Scalar) and node.tag == _NULL


def _describe(node: _Node) -> str:
    """How a node looks to a person: 'a list', 'null', the text itself."""
    if isinstance(node, _Mapping):
        return "a mapping"
    if isinstance(node, _Sequence):
        return "a list"
    if _is_null(node):
        return "nothing (null)"
    text = str(node.value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _collapse(text: str) -> str:
    """Collapse every run of white space to one space."""
    return _WHITESPACE.sub(" ", text).strip()


def _closest_line(quote: str, seed_text: str) -> str:
    """A '; closest passage: ...' hint for a quote that is nearly right."""
    wanted = _collapse(quote)
    size = len(wanted)
    if not size or size > 400:
        return ""
    import difflib  # only for a quote that does not match

    matcher = difflib.SequenceMatcher(None, seed_text, wanted, autojunk=False)
    block = matcher.find_longest_match(0, len(seed_text), 0, size)
    if block.size < max(8, size // 3):
        return ""
    start = max(0, block.a - block.b)
    return f"; closest passage: {seed_text[start : start + size]!r}"


@functools.lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    return frozenset(name for name in zoneinfo.available_timezones() if portable_zone_name(name))


@functools.lru_cache(maxsize=256)
def _known_zone(name: str) -> bool:
    # ZoneInfo would also accept paths like "../x"; only real zone names count.
    if name.startswith(("/", ".")) or ".." in name or not portable_zone_name(name):
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True
