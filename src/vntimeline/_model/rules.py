"""The rules across a timeline's objects: unique ids, known references, no cycles.

Each object checks its own values when it is built (:mod:`.checks`); these
rules need the whole timeline, so :class:`~vntimeline.Timeline` lists what
breaks them (:meth:`~vntimeline.Timeline.problems`) instead of raising, and
every problem is found at once. A path names the object as the file would
(``events[3] (launch).claims[0].source``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from ..errors import Problem
from .checks import suggest

if TYPE_CHECKING:
    from .events import Event, Source

__all__ = ["Ordered", "find_cycle", "order_edges", "timeline_problems"]


class Ordered(Protocol):
    """What the order rules read of an event: its id and its constraints."""

    @property
    def id(self) -> str:
        """The event's id."""

    @property
    def after(self) -> Sequence[str]:
        """Ids of events it happened after."""

    @property
    def before(self) -> Sequence[str]:
        """Ids of events it happened before."""


def order_edges(events: Sequence[Ordered]) -> Iterator[tuple[str, str]]:
    """Every ``(earlier, later)`` pair implied by ``after``/``before``."""
    for event in events:
        for earlier in event.after:
            yield earlier, event.id
        for later in event.before:
            yield event.id, later


def find_cycle(events: Sequence[Ordered]) -> list[str]:
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


def timeline_problems(events: Sequence[Event], sources: Sequence[Source]) -> tuple[Problem, ...]:
    """Every broken rule across *events* and *sources*, in order: ids, references, a cycle."""
    problems: list[Problem] = []

    def report(path: str, message: str) -> None:
        problems.append(Problem(path, 0, 0, message))

    first_source: dict[str, int] = {}
    for i, source in enumerate(sources):
        if source.id in first_source:
            report(
                f"sources[{i}] ({source.id}).id",
                f"duplicate source id {source.id!r} (first at sources[{first_source[source.id]}]);"
                " ids must be unique",
            )
        else:
            first_source[source.id] = i
    first_event: dict[str, int] = {}
    for i, event in enumerate(events):
        if event.id in first_event:
            report(
                f"events[{i}] ({event.id}).id",
                f"duplicate event id {event.id!r} (first at events[{first_event[event.id]}]);"
                " ids must be unique",
            )
        else:
            first_event[event.id] = i
    for i, event in enumerate(events):
        where = f"events[{i}] ({event.id})"
        for j, claim in enumerate(event.claims):
            if claim.source not in first_source:
                report(
                    f"{where}.claims[{j}].source",
                    f"unknown source {claim.source!r}{suggest(claim.source, first_source)}",
                )
        for key in ("after", "before"):
            for j, other in enumerate(getattr(event, key)):
                if other not in first_event:
                    report(
                        f"{where}.{key}[{j}]",
                        f"unknown event {other!r}{suggest(other, first_event)}",
                    )
                elif other == event.id:
                    report(f"{where}.{key}[{j}]", "an event cannot be ordered against itself")
    _cycle(events, first_event, report, clean=not problems)
    return tuple(problems)


def _cycle(
    events: Sequence[Event],
    first: dict[str, int],
    report: Callable[[str, str], None],
    *,
    clean: bool,
) -> None:
    """Report one loop among the order constraints between known, distinct events.

    With *clean* (no duplicate ids, no unknown or self references) the events
    are checked as they are; otherwise stand-ins keep only what is known.
    """

    def known(ids: Sequence[str], own: str) -> list[str]:
        return [other for other in ids if other in first and other != own]

    ordered: Sequence[Ordered] = events
    if not clean:
        ordered = [
            _Order(event.id, known(event.after, event.id), known(event.before, event.id))
            for event in (events[i] for i in first.values())
        ]
    cycle = find_cycle(ordered)
    if cycle:
        report(
            f"events[{first[cycle[0]]}] ({cycle[0]})",
            "order constraints form a cycle: " + " -> ".join(cycle),
        )


class _Order:
    """An event as the cycle check sees it: its id and its constraints on known events."""

    __slots__ = ("after", "before", "id")

    def __init__(self, event_id: str, after: list[str], before: list[str]) -> None:
        self.id, self.after, self.before = event_id, after, before
