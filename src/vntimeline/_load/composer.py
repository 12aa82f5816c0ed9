"""Compose libyaml's parser events into nodes that know where they start.

Theory of operation. The file is parsed into YAML *nodes* (libyaml's
parser, composed into nodes by :class:`Composer`), never into Python objects
by PyYAML's constructor. Walking the nodes ourselves gives us, for every
value, its line and column, the raw text (so ``2025-09-18`` stays text
instead of becoming a ``datetime.date``), and the chance to catch what
PyYAML would hide: duplicate keys (it keeps the last; the field readers in
:mod:`.fields` report them) and aliases (which can be nested into a "billion
laughs" bomb; we reject them on sight, so nothing is ever expanded).

Large files: the items of the top-level ``events`` list are composed one at a
time, as the reader asks for them, and let go once read, so memory holds the
model objects, not the whole tree (see :class:`Composer`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

__all__ = [
    "MAX_DEPTH",
    "NULL",
    "Composer",
    "MappingNode",
    "Node",
    "ScalarNode",
    "SequenceNode",
    "StreamedList",
    "TooDeepError",
    "is_null",
    "pyyaml",
]

#: The tag of a null scalar (an empty value, ``~``, ``null``; or a refused one).
NULL: Final = "tag:yaml.org,2002:null"
_STR: Final = "tag:yaml.org,2002:str"
_SEQ: Final = "tag:yaml.org,2002:seq"
_MAP: Final = "tag:yaml.org,2002:map"

#: How deep the file may nest; an events file needs five levels.
MAX_DEPTH: Final = 64


def pyyaml() -> tuple[Any, Any]:
    """PyYAML and its fastest safe loader (imported on first use, not with vntimeline)."""
    import yaml

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Node:
    """A YAML node as the reader needs it: tag, value, and where it starts."""

    __slots__ = ("start_mark", "tag", "value")

    def __init__(self, tag: str, value: Any, start_mark: Any) -> None:
        self.tag = tag
        self.value = value
        self.start_mark = start_mark


class ScalarNode(Node):
    """A scalar: ``value`` is its text."""

    __slots__ = ()


class SequenceNode(Node):
    """A list: ``value`` is the list of its item nodes."""

    __slots__ = ()


class MappingNode(Node):
    """A mapping: ``value`` is the list of its (key node, value node) pairs, in file order."""

    __slots__ = ()


class StreamedList(SequenceNode):
    """The top-level ``events`` list: ``items`` composes each item when it is asked for."""

    __slots__ = ("items",)

    def __init__(self, tag: str, value: Any, start_mark: Any) -> None:
        super().__init__(tag, value, start_mark)
        self.items: Iterator[Node] = iter(())


def is_null(node: Node) -> bool:
    """Whether *node* is a null scalar (an empty or refused value)."""
    return isinstance(node, ScalarNode) and node.tag == NULL


class TooDeepError(Exception):
    """The nesting passed MAX_DEPTH at *mark*."""

    def __init__(self, mark: Any) -> None:
        super().__init__(mark)
        self.mark = mark


class Composer:
    """Nodes from libyaml's parser events, as ``yaml.compose`` makes them, streamed.

    The nodes have the tags and marks PyYAML's composer gives, with three
    differences. Nesting deeper than MAX_DEPTH stops with :class:`TooDeepError`
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
        yaml, loader = pyyaml()
        self._yaml = yaml
        self._next: Callable[[], Any] = iter(yaml.parse(text, Loader=loader)).__next__
        self._stream = stream
        self._anchors: dict[str, Node] = {}
        self._held: Exception | None = None
        #: What the file may not use (aliases, explicit tags): (mark, message),
        #: in file order. The node in its place is a null, never expanded.
        self.refused: list[tuple[Any, str]] = []
        self._depth = 0
        self._root: Node | None = None
        self._streamed: StreamedList | None = None
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

    def root(self) -> Node | None:
        """The document's root node (None when the stream has no document)."""
        self._next()  # the stream starts
        if type(self._next()) is self._yaml.events.StreamEndEvent:
            return None
        event = self._next()  # (the document started)
        if not (self._stream and type(event) is self._mapping_start):
            self._root = self._node(event)
            return self._root
        root = self._root = self._open(event, MappingNode)
        while True:
            event = self._next()
            if type(event) is self._mapping_end:
                self._depth -= 1
                return root
            key = self._node(event)
            event = self._next()
            if (
                type(key) is ScalarNode
                and key.value == "events"
                and type(event) is self._sequence_start
                and self._streamed is None
            ):
                streamed = self._open(event, StreamedList)
                assert isinstance(streamed, StreamedList)
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

    def _items(self) -> Iterator[Node]:
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
                if self._depth > MAX_DEPTH:
                    raise TooDeepError(event.start_mark)
            elif type(event) in ends:
                self._depth -= 1

    def _hold(self, error: Exception) -> None:
        """Keep the first composer error for :meth:`finish` to raise."""
        if self._held is None:
            self._held = error

    def _open(self, event: Any, kind: type[Node]) -> Node:
        """A new, empty collection node for a start event."""
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise TooDeepError(event.start_mark)
        tag = event.tag
        implied = _MAP if kind is MappingNode else _SEQ
        if tag is None or tag == "!":
            tag = implied
        elif tag != implied:
            self._refuse_tag(event)
            tag = implied
        node = kind(tag, [], event.start_mark)
        if event.anchor is not None:
            self._anchor(event, node)
        return node

    def _anchor(self, event: Any, node: Node) -> None:
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
        return NULL

    def _tag(self, value: str) -> str:
        """The implicit tag of a plain scalar, as the resolver gives it."""
        for tag, pattern in self._implicit.get(value[:1], self._wildcard):
            if pattern.match(value):
                return str(tag)
        return _STR

    def _node(self, event: Any) -> Node:
        """The whole node that starts with *event* (iterative: depth costs no stack)."""
        scalar, alias = self._scalar, self._alias
        mapping_start, sequence_start = self._mapping_start, self._sequence_start
        mapping_end, sequence_end = self._mapping_end, self._sequence_end
        stack: list[Node] = []
        keys: list[Node | None] = []  # per open mapping: its key waiting for a value
        while True:
            kind = type(event)
            node: Node
            if kind is scalar:
                tag = event.tag
                if tag is None or tag == "!":
                    tag = self._tag(event.value) if event.implicit[0] else _STR
                elif tag != _STR:
                    tag = self._refuse_tag(event)
                node = ScalarNode(tag, event.value, event.start_mark)
                if event.anchor is not None:
                    self._anchor(event, node)
            elif kind is mapping_start or kind is sequence_start:
                stack.append(
                    self._open(event, MappingNode if kind is mapping_start else SequenceNode)
                )
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
                node = ScalarNode(NULL, "", event.start_mark)
            else:  # pragma: no cover - the parser never sends another event here
                raise AssertionError(f"unexpected YAML event {event!r}")
            if not stack:
                return node
            parent = stack[-1]
            if type(parent) is MappingNode:
                key = keys[-1]
                if key is None:
                    keys[-1] = node
                else:
                    parent.value.append((key, node))
                    keys[-1] = None
            else:
                parent.value.append(node)
            event = self._next()
