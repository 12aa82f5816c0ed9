"""Check the rules across events: unique ids, known references, no cycles.

These rules need every event read first; each problem is still reported
at the node that breaks it (see ``docs/explanation/resolving.rst`` for what
``after`` and ``before`` mean).
"""

from __future__ import annotations

from typing import Any

from .._model.events import Event, find_cycle, suggest
from .composer import Node
from .fields import Fields

__all__ = ["Entry", "cross_check"]


class Entry:
    """An event as read: its id and nodes (for cross-checks), and the Event if valid.

    Of the event's own node only its start is kept: a large file's events are
    composed one at a time and let go once read.
    """

    __slots__ = ("event", "id", "id_node", "mark", "order", "where")

    def __init__(
        self,
        event_id: str,
        id_node: Node,
        mark: Any,
        where: str,
        event: Event | None,
        order: dict[str, list[tuple[str, Node]]],
    ) -> None:
        self.id = event_id
        self.id_node = id_node
        self.mark = mark
        self.where = where
        self.event = event
        self.order = order


def cross_check(fields: Fields, entries: list[Entry]) -> None:
    """Report, through *fields*, what breaks the rules across *entries*."""
    first_seen: dict[str, Entry] = {}
    for entry in entries:
        if entry.id in first_seen:
            line = first_seen[entry.id].id_node.start_mark.line + 1
            fields.report(
                entry.id_node,
                f"{entry.where}.id",
                f"duplicate event id {entry.id!r} (first used on line {line}); ids must be unique",
            )
        else:
            first_seen[entry.id] = entry
    for entry in entries:
        for key, ids in entry.order.items():
            for j, (other, item) in enumerate(ids):
                if other not in first_seen:
                    fields.report(
                        item,
                        f"{entry.where}.{key}[{j}]",
                        f"unknown event {other!r}{suggest(other, first_seen)}",
                    )
                elif other == entry.id:
                    fields.report(
                        item,
                        f"{entry.where}.{key}[{j}]",
                        "an event cannot be ordered against itself",
                    )
    _check_cycles(fields, first_seen)


def _check_cycles(fields: Fields, first_seen: dict[str, Entry]) -> None:
    """Report one loop in the order constraints, if there is one."""

    # Check cycles on the known ids alone, so a loop is reported even when
    # other parts of the events involved are broken.
    def known(entry: Entry, key: str) -> list[str]:
        return [v for v, _ in entry.order.get(key, []) if v in first_seen and v != entry.id]

    stand_ins = [
        Event(id=e.id, title=e.id, after=known(e, "after"), before=known(e, "before"))
        for e in first_seen.values()
    ]
    cycle = find_cycle(stand_ins)
    if cycle:
        entry = first_seen[cycle[0]]
        fields.report_at(
            entry.mark,
            entry.where,
            "order constraints form a cycle: "
            + " -> ".join(cycle)
            + "; 'after'/'before' must not loop back",
        )
