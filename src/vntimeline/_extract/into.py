"""Claims appended to a data file in place: only the added lines change.

A data file is written by hand and reviewed in diffs, so adding claims must
change nothing but the lines added. This module edits the *text*: PyYAML's
node marks say where each event's ``claims`` list ends, and the new claims
are inserted right after its last item, in the style of that item (block or
flow, its indentation, the file's line ends). Every other byte stays as it
was. (A round trip through ruamel.yaml keeps most of a file, but attaches a
comment to the node before it: a claim appended to the last event of a
section lands below the comment that opens the next section.)

The new text is validated with the loader, seeds and all, before it replaces
the file, atomically; the change is returned as a unified diff.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from .._atomic import atomic_path
from .._model.checks import suggest
from .._model.convert import start_date
from .._model.events import Event, Timeline
from ..errors import DataError, OptionError, Problem
from .claims import block, claim_fields, flow
from .find import Find

if TYPE_CHECKING:
    import yaml

__all__ = [
    "Appended",
    "append_claims",
    "insert_claims",
    "plan_claims",
]

_WHITESPACE: Final = re.compile(r"\s+")


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


@attrs.frozen
class _Place:
    """Where the claims of one event go in the text, and how they are written."""

    offset: int
    #: ``block`` (block items), ``block-flow`` (block items written ``- {...}``),
    #: ``flow`` (inside ``[...]``), ``key`` (a new ``claims:`` key in a block
    #: event), ``flow-key`` (a new ``claims`` key inside ``{...}``).
    style: str
    #: The columns of a block item's ``-`` and of its keys.
    dash: int = 0
    key: int = 0
    #: The column of a new ``claims:`` key.
    at: int = 0
    #: Whether a flow list already holds items (so a comma goes first).
    items: bool = False


def _content_end(node: yaml.Node) -> int:
    """Where a node's content ends, ignoring the comments and blank lines after it."""
    import yaml

    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        return int(node.end_mark.index)
    if isinstance(node, yaml.MappingNode) and node.value:
        return _content_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value:
        return _content_end(node.value[-1])
    return int(node.end_mark.index)


def _after_line(text: str, index: int) -> int:
    """The start of the line after the one holding the content that ends at *index*."""
    while index > 0 and text[index - 1] in " \t\r\n":
        index -= 1
    newline = text.find("\n", index)
    return len(text) if newline == -1 else newline + 1


def _dash_column(text: str, item: yaml.Node) -> int:
    """The column of the ``-`` that opens a block sequence item."""
    start = int(item.start_mark.index)
    line_start = text.rfind("\n", 0, start) + 1
    return text.rfind("-", line_start, start) - line_start


def _get(mapping: yaml.Node, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The key and value nodes of *key* in a mapping node, if there."""
    for key_node, value_node in mapping.value:
        if getattr(key_node, "value", None) == key:
            return key_node, value_node
    return None


def _places(text: str) -> dict[str, _Place]:
    """Where each event's new claims go, by event id."""
    import yaml

    # libyaml's marks count code points, as Python's parser's do; it is ~20x faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    root = yaml.compose(text, Loader=loader)
    events = _get(root, "events") if isinstance(root, yaml.MappingNode) else None
    if events is None or not isinstance(events[1], yaml.SequenceNode):
        return {}
    # A new ``claims`` list is indented as the file's others are (relative to
    # the event's keys): by default the dash 2 columns in, its keys 4.
    indent = (2, 4)
    found: list[tuple[str, yaml.MappingNode]] = []
    for event in events[1].value:
        ident = _get(event, "id") if isinstance(event, yaml.MappingNode) else None
        if ident is None:
            continue
        found.append((str(ident[1].value), event))
        claims = _get(event, "claims")
        if claims is None or not isinstance(claims[1], yaml.SequenceNode) or not claims[1].value:
            continue
        last = claims[1].value[-1]
        block_item = isinstance(last, yaml.MappingNode) and not last.flow_style
        if block_item and not claims[1].flow_style:
            column = int(event.start_mark.column)
            indent = (_dash_column(text, last) - column, int(last.start_mark.column) - column)
    return {event_id: _place(text, event, indent) for event_id, event in found}


def _place(text: str, event: yaml.MappingNode, indent: tuple[int, int]) -> _Place:
    """Where the new claims of one event go."""
    import yaml

    column = int(event.start_mark.column)
    claims = _get(event, "claims")
    if claims is None:
        if event.flow_style:
            return _Place(int(event.end_mark.index) - 1, "flow-key")
        end = _after_line(text, _content_end(event))
        return _Place(end, "key", column + indent[0], column + indent[1], at=column)
    key_node, sequence = claims
    if isinstance(sequence, yaml.SequenceNode) and sequence.flow_style:
        return _Place(int(sequence.end_mark.index) - 1, "flow", items=bool(sequence.value))
    if isinstance(sequence, yaml.SequenceNode) and sequence.value:
        last = sequence.value[-1]
        end = _after_line(text, _content_end(last))
        if not isinstance(last, yaml.MappingNode) or last.flow_style:
            return _Place(end, "block-flow", _dash_column(text, last))
        return _Place(end, "block", _dash_column(text, last), int(last.start_mark.column))
    # ``claims:`` with nothing after it: the items go on the lines below.
    end = _after_line(text, int(key_node.end_mark.index))
    return _Place(end, "block", column + indent[0], column + indent[1])


def _rendered(place: _Place, claims: Sequence[Mapping[str, str]], newline: str) -> str:
    """The text that adds *claims* at *place*."""
    if place.style == "flow":
        return (", " if place.items else "") + ", ".join(flow(c) for c in claims)
    if place.style == "flow-key":
        return ", claims: [" + ", ".join(flow(c) for c in claims) + "]"
    lines = [] if place.style != "key" else [" " * place.at + "claims:"]
    for claim in claims:
        if place.style == "block-flow":
            lines.append(" " * place.dash + "- " + flow(claim))
        else:
            lines.extend(block(claim, place.dash, place.key))
    return "".join(line + newline for line in lines)


def insert_claims(text: str, claims: Mapping[str, Sequence[Mapping[str, str]]]) -> str:
    """*text* (a data file) with *claims* added to the events they are keyed by.

    Each event's new claims go after its last claim, written as that claim is
    (block or flow, same indentation, the file's line ends); an event without
    claims gets a ``claims`` key after its last key. Nothing else changes.
    Raises KeyError for an event the text does not have.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    newline = "\r\n" if "\r\n" in body else "\n"
    places = _places(body)
    edits = []
    for event_id, items in claims.items():
        if items:
            place = places[event_id]
            edits.append((place.offset, _rendered(place, items, newline)))
    for offset, added in sorted(edits, key=lambda edit: edit[0], reverse=True):
        if offset == len(body) and body and not body.endswith("\n") and "\n" in added:
            added = newline + added
        body = body[:offset] + added + body[offset:]
    return bom + body


@attrs.frozen
class Appended:
    """What :func:`append_claims` did."""

    #: The change as a unified diff (empty when nothing was added).
    diff: str
    #: ``(event id, claim keys)`` of each claim added, in text order.
    added: tuple[tuple[str, dict[str, str]], ...]
    #: Finds already claimed (same source, start and quote).
    duplicates: int
    #: Finds that matched no event (not added).
    unmatched: int
    #: Finds whose value no claim can hold, each with why.
    refused: tuple[str, ...] = ()


def _key(source: str, start: str | None) -> tuple[str, str]:
    """Source and start (normalised): claims that may be the same claim."""
    return source, "" if start is None else str(start_date(start))


def _existing(event: Event) -> dict[tuple[str, str], list[str]]:
    """The quotes of an event's claims by source and start."""
    quotes: dict[tuple[str, str], list[str]] = {}
    for claim in event.claims:
        key = (claim.source, "" if claim.start is None else str(claim.start))
        quotes.setdefault(key, []).append(_collapse(claim.quote or ""))
    return quotes


def _already(quotes: list[str], quote: str) -> bool:
    """Whether a claim with one of *quotes* says what *quote* says (one holds the other)."""
    return any(q == quote or (q and (q in quote or quote in q)) for q in quotes)


def _check_source(timeline: Timeline, source: str) -> None:
    known = [s.id for s in timeline.sources]
    if source not in known:
        raise OptionError(
            f"unknown source {source!r}{suggest(source, known)}; "
            f"the data file has: {', '.join(known) or 'no sources'}"
        )


def plan_claims(
    finds: Iterable[Find], timeline: Timeline, source: str
) -> tuple[dict[str, list[dict[str, str]]], Appended]:
    """The claims to add for *finds* (matched ones, not yet in *timeline*), by event."""
    _check_source(timeline, source)
    events = {event.id: event for event in timeline.events}
    seen = {event_id: _existing(event) for event_id, event in events.items()}
    plan: dict[str, list[dict[str, str]]] = {}
    added: list[tuple[str, dict[str, str]]] = []
    refused: list[str] = []
    duplicates = unmatched = 0
    for find in finds:
        event = events.get(find.event or "")
        if event is None:
            unmatched += 1
            continue
        try:
            fields = claim_fields(find, source, event.kind)
        except DataError as exc:
            refused.append(f"{find.text!r}: {exc.problems[0].message}")
            continue
        quotes = seen[event.id].setdefault(_key(source, fields.get("start")), [])
        if _already(quotes, fields["quote"]):
            duplicates += 1
            continue
        quotes.append(fields["quote"])
        plan.setdefault(event.id, []).append(fields)
        added.append((event.id, fields))
    return plan, Appended("", tuple(added), duplicates, unmatched, tuple(refused))


def append_claims(
    path: str | os.PathLike[str],
    finds: Iterable[Find],
    timeline: Timeline,
    source: str,
    validate: Callable[[Path], list[Problem]],
) -> Appended:
    """Append the matched *finds* as claims of *source* to the data file at *path*.

    *timeline* is the file as loaded; *validate* checks a data file (the
    loader's :func:`~vntimeline.check`) and is run on the new text, written
    beside the file, before it replaces the file. Existing claims are never
    changed and a claim already there is not added again: same source and
    start, and the same quote (or one quote holding the other: the sentence
    of a find holds the shorter quote a person wrote for it). Raises
    :class:`~vntimeline.errors.OptionError` for an unknown *source* and
    :class:`~vntimeline.errors.DataError` when the new text would not load;
    the file is then left as it was.
    """
    target = Path(path)
    plan, result = plan_claims(finds, timeline, source)
    if not plan:
        return result
    label = str(target)
    try:
        old = target.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError([Problem(label, 1, 1, f"cannot read the file: {exc}")]) from None
    new = insert_claims(old, plan)
    with atomic_path(target) as tmp:
        tmp.write_bytes(new.encode("utf-8"))
        problems = validate(tmp)
        if problems:
            raise DataError(
                Problem(label, p.line, p.column, f"with the new claims: {p.message}")
                if p.path == str(tmp)
                else p
                for p in problems
            )
    diff = "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), label, label
        )
    )
    return attrs.evolve(result, diff=diff)
