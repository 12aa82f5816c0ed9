"""Apply the ``after``/``before`` order constraints to events already decided.

Theory of operation
-------------------
``after``/``before`` form a DAG (the model rejects cycles). Lower bounds
flow forward and upper bounds backward along it in topological order,
O(events + edges). An event with no dated claims gets the bounds its
neighbours imply (``bounded``), or stays ``undated``. A dated event is never
narrowed where its claims close it; an *open* side (a claim of "on or
before", or a span still going on) is closed by the bound it receives, if
any. A dated event that lies wholly outside a bound is reported as a
:class:`~vntimeline.Violation` (see ``docs/explanation/resolving.rst``).
The bound rules are the table of :class:`_Order`.

Tie-breaks
----------
=================================  ==========================================
two bounds at the same instant     finer precision (a second before a
                                   minute), then smaller event ids
a broken constraint                reported on the dated event that breaks
                                   it (see :class:`_Order`)
violations of one event            sorted by (relation, other event, message)
=================================  ==========================================
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple

import attrs

from .._model.dates import OPEN_END, OPEN_START, Precision
from .._model.events import Event, order_edges
from .._model.resolved import ResolvedDate, ResolvedEvent, Violation
from .explain import Words
from .sweep import RANK, Bound, earlier_upper, later_lower, naming_unit

__all__ = ["apply_order"]


def apply_order(
    words: Words, events: Sequence[Event], decided: dict[str, ResolvedEvent]
) -> dict[str, ResolvedEvent]:
    """*decided* with bounds for undated events and violations for dated ones that break order."""
    return _Order(words, events, decided).apply()


class _Reading(NamedTuple):
    """A dated event as order constraints see it."""

    first: tuple[int | None, int | None]  # its start interval (None: an open side)
    first_precision: Precision
    first_unit: int  # see naming_unit
    last: tuple[int | None, int | None]  # its end interval if a span has one, else its start
    last_precision: Precision
    last_unit: int


class _Order:
    """Apply ``after``/``before``: bounds flow along the DAG, violations are reported.

    Rules (``u -> v`` means u comes first: ``v.after`` has u, or ``u.before`` has v):

    ======================  ====================================================
    lower bound out of u    u dated: the lower end of u's last interval (its end
                            if it is a span with an end, else its start);
                            u not dated, or that end open: the lower bound u
                            received
    upper bound out of v    v dated: the upper end of v's start interval;
                            v not dated, or that end open: the upper bound v
                            received
    an open side closes     at the bound the event receives on that side: the
                            start's lower end at its lower bound, the last
                            interval's upper end at its upper bound
    an event receives       the latest lower bound of its predecessors and the
                            earliest upper bound of its successors (ties: finer
                            precision, then smaller event ids)
    dated v breaks u -> v   when v's start interval ends at or before u's lower
                            bound out (wholly before it)
    dated u breaks u -> v   when u's last interval starts at or after v's upper
                            bound out (wholly after it)
    reported on             the dated event that breaks it; when both are dated
                            (one broken constraint), on v if v declared it, else u
    ======================  ====================================================
    """

    def __init__(
        self, words: Words, events: Sequence[Event], first: dict[str, ResolvedEvent]
    ) -> None:
        self.words = words
        self.events = {e.id: e for e in events}
        self.first = first
        edges = set(order_edges(events))
        self.succ: dict[str, list[str]] = {e.id: [] for e in events}
        self.pred: dict[str, list[str]] = {e.id: [] for e in events}
        for u, v in edges:
            self.succ[u].append(v)
            self.pred[v].append(u)
        self.declared_after = {(u, e.id) for e in events for u in e.after}
        self.readings = {
            i: r for i, r in ((i, _reading(r)) for i, r in first.items()) if r is not None
        }

    def topological(self) -> list[str]:
        """Kahn's algorithm; linear in events plus edges."""
        indegree = {i: len(p) for i, p in self.pred.items()}
        ready = [i for i, d in indegree.items() if d == 0]
        order: list[str] = []
        while ready:
            u = ready.pop()
            order.append(u)
            for v in self.succ[u]:
                indegree[v] -= 1
                if indegree[v] == 0:
                    ready.append(v)
        return order

    def apply(self) -> dict[str, ResolvedEvent]:
        """Bounds for events without dates; violations for dated events that break order."""
        order = self.topological()
        lower_in: dict[str, Bound] = {}
        lower_out: dict[str, Bound] = {}
        for u in order:
            out = self.own_lower(u, lower_in.get(u))
            if out is None:
                continue
            lower_out[u] = out
            for v in self.succ[u]:
                lower_in[v] = later_lower(lower_in.get(v), out._replace(via=u))
        upper_in: dict[str, Bound] = {}
        upper_out: dict[str, Bound] = {}
        for v in reversed(order):
            out = self.own_upper(v, upper_in.get(v))
            if out is None:
                continue
            upper_out[v] = out
            for u in self.pred[v]:
                upper_in[u] = earlier_upper(upper_in.get(u), out._replace(via=v))
        violations: dict[str, list[Violation]] = {}
        for u, succs in self.succ.items():
            for v in succs:
                self.check(u, v, lower_out.get(u), upper_out.get(v), violations)
        result = dict(self.first)
        for event_id, resolved in self.first.items():
            low, high = lower_in.get(event_id), upper_in.get(event_id)
            if resolved.status == "undated":
                if low is not None or high is not None:
                    resolved = self.bounded(resolved, low, high, violations)
            elif event_id in self.readings and (low is not None or high is not None):
                resolved = self.close(resolved, low, high)
            found = violations.get(event_id)
            if found:
                found.sort(key=lambda x: (x.relation, x.other, x.message))
                notes = " ".join(f"Order problem: {x.message}." for x in found)
                resolved = ResolvedEvent(
                    resolved.event,
                    resolved.status,
                    resolved.start,
                    resolved.end,
                    resolved.sources,
                    resolved.dissent,
                    f"{resolved.explanation} {notes}",
                    tuple(found),
                )
            result[event_id] = resolved
        return result

    def own_lower(self, event_id: str, received: Bound | None) -> Bound | None:
        """The lower bound an event passes on: the start of its last interval, if known."""
        reading = self.readings.get(event_id)
        if reading is None or reading.last[0] is None:
            return received
        return Bound(reading.last[0], reading.last_precision, reading.last_unit, event_id, event_id)

    def own_upper(self, event_id: str, received: Bound | None) -> Bound | None:
        """The upper bound an event passes on: the end of its start interval, if known."""
        reading = self.readings.get(event_id)
        if reading is None or reading.first[1] is None:
            return received
        return Bound(
            reading.first[1], reading.first_precision, reading.first_unit, event_id, event_id
        )

    def bound_words(self, bound: Bound, zone: str, lower: bool) -> str:
        """A bound in words, at its precision, in *zone*: the unit just after or before it."""
        at = bound.instant if lower else bound.instant - bound.unit
        return self.words.prose(at, at + bound.unit, zone, bound.precision)

    def source_phrase(self, bound: Bound, zone: str, lower: bool) -> str:
        """Phrase a bound: "dated 26 January 2021" or "not before ..., set by decision-127"."""
        when = self.bound_words(bound, zone, lower)
        if bound.origin == bound.via:
            return f"dated {self.open_words(bound.origin, lower)}{when}"
        limit = "not before" if lower else "not after"
        return f"{limit} {when}, set by {bound.origin}"

    def open_words(self, origin: str, lower: bool) -> str:
        """The words "on or after" / "on or before" (and a space) when *origin*'s side is open."""
        reading = self.readings.get(origin)
        if reading is None:
            return ""
        if lower and reading.last[1] is None:
            return "on or after "
        if not lower and reading.first[0] is None:
            return "on or before "
        return ""

    def check(
        self,
        u: str,
        v: str,
        low: Bound | None,
        high: Bound | None,
        out: dict[str, list[Violation]],
    ) -> None:
        """Report the edge ``u -> v`` if a dated end of it lies wholly on the wrong side."""
        u_dated, v_dated = u in self.readings, v in self.readings
        first_hi = self.readings[v].first[1] if v_dated else None
        if (
            first_hi is not None
            and low is not None
            and first_hi <= low.instant
            and (not u_dated or (u, v) in self.declared_after)
        ):
            self.report(v, u, "after", low, out)
            return
        if u_dated and high is not None:
            last_lo = self.readings[u].last[0]
            if last_lo is not None and last_lo >= high.instant:
                self.report(u, v, "before", high, out)

    def report(
        self,
        event_id: str,
        other: str,
        relation: Literal["after", "before"],
        bound: Bound,
        out: dict[str, list[Violation]],
    ) -> None:
        """Record that *event_id* breaks its order with *other*."""
        event = self.events[event_id]
        zone = event.timezone
        reading = self.readings[event_id]
        if relation == "after":
            (lo, hi), precision, unit = reading.first, reading.first_precision, reading.first_unit
        else:
            (lo, hi), precision, unit = reading.last, reading.last_precision, reading.last_unit
        if lo is None and hi is not None:  # known only by its last unit
            dated = f"no later than {self.words.prose(hi - unit, hi, zone, precision)}"
        else:
            lo = OPEN_START if lo is None else lo
            dated = self.words.prose(lo, OPEN_END if hi is None else hi, zone, precision)
        lower = relation == "after"
        message = (
            f"{event_id} is dated {dated} but must come {relation} {other} "
            f"({self.source_phrase(bound._replace(via=other), zone, lower)})"
        )
        out.setdefault(event_id, []).append(Violation(event_id, other, relation, message))

    def close(
        self, resolved: ResolvedEvent, low: Bound | None, high: Bound | None
    ) -> ResolvedEvent:
        """A dated event whose open sides are closed by the bounds it receives."""
        return _Closer(self, resolved).run(low, high)

    def bounded(
        self,
        resolved: ResolvedEvent,
        low: Bound | None,
        high: Bound | None,
        out: dict[str, list[Violation]],
    ) -> ResolvedEvent:
        """An event with no dated claims, placed between the bounds its neighbours imply."""
        event = resolved.event
        zone = event.timezone
        bounds = [b for b in (low, high) if b is not None]
        # Both ends are named at the one precision the result reports (the
        # finer), so "2021-01-26" and "2021-03" give "2021-01-26/2021-03-31";
        # a time is named by the finest unit among the bounds of that precision.
        precision = max((b.precision for b in bounds), key=RANK.__getitem__)
        unit = min(b.unit for b in bounds if b.precision == precision)
        values = self.words.value
        low_text = ".." if low is None else values(low.instant, low.instant + unit, zone, precision)
        high_text = (
            ".." if high is None else values(high.instant - unit, high.instant, zone, precision)
        )
        value = low_text if low_text == high_text else f"{low_text}/{high_text}"
        date = ResolvedDate(
            value,
            precision,
            None if low is None else low.instant,
            None if high is None else high.instant,
            zone,
        )
        said = []
        if low is not None:
            said.append(f"after {low.via} ({self.source_phrase(low, zone, True)})")
        if high is not None:
            said.append(f"before {high.via} ({self.source_phrase(high, zone, False)})")
        prose = f"No source gives a date; order constraints place it {' and '.join(said)}."
        if low is not None and high is not None and low.instant >= high.instant:
            message = (
                f"{event.id} has no possible date: it must come after {low.via} "
                f"({self.source_phrase(low, zone, True)}) but before {high.via} "
                f"({self.source_phrase(high, zone, False)})"
            )
            out.setdefault(event.id, []).append(Violation(event.id, high.via, "before", message))
        cited = self.words.undated_note(list(event.claims), "")
        if cited:
            prose += f" {cited}"
        return ResolvedEvent(event, "bounded", date, None, (), (), prose)


class _Closer:
    """Close the open sides of one dated event at the bounds it receives."""

    def __init__(self, order: _Order, resolved: ResolvedEvent) -> None:
        self.order = order
        self.resolved = resolved
        self.zone = resolved.event.timezone
        self.said: list[str] = []

    def run(self, low: Bound | None, high: Bound | None) -> ResolvedEvent:
        """The event with its open sides closed where a bound allows; unchanged if none."""
        resolved = self.resolved
        start, end = resolved.start, resolved.end
        assert start is not None  # only dated events are closed
        if low is not None and start.start is None and _before(low.instant, start.end):
            start = self.closed(start, low, None)
        if end is not None:
            if high is not None and end.end is None and _before(end.start, high.instant):
                end = self.closed(end, None, high)
        elif high is not None and start.end is None and _before(start.start, high.instant):
            start = self.closed(start, None, high)
        if not self.said:
            return resolved
        note = f"Order constraints close what the claims leave open: {'; '.join(self.said)}."
        return attrs.evolve(
            resolved, start=start, end=end, explanation=f"{resolved.explanation} {note}"
        )

    def closed(self, date: ResolvedDate, low: Bound | None, high: Bound | None) -> ResolvedDate:
        """*date* with its open lower side at *low*, or its open upper side at *high*."""
        words, zone, unit = self.order.words, self.zone, _unit_of(date)
        start = date.start if low is None else low.instant
        end = date.end if high is None else high.instant
        if low is not None:
            first = words.value(low.instant, low.instant + low.unit, zone, low.precision)
            self.said.append(f"after {low.via} ({self.order.source_phrase(low, zone, True)})")
        else:
            first = "" if start is None else words.value(start, start + unit, zone, date.precision)
        if high is not None:
            last = words.value(high.instant - high.unit, high.instant, zone, high.precision)
            self.said.append(f"before {high.via} ({self.order.source_phrase(high, zone, False)})")
        else:
            last = "" if end is None else words.value(end - unit, end, zone, date.precision)
        # A date open on both sides (a span still going on) has no precision
        # of its own: it takes that of the bound that closes it.
        precision = date.precision
        if date.start is None and date.end is None:
            bound = low if low is not None else high
            assert bound is not None
            precision = bound.precision
        return ResolvedDate(f"[{first}..{last}]", precision, start, end, zone)


def _before(a: int | None, b: int | None) -> bool:
    """Whether instant *a* is before *b* (an open side, None, is never in the way)."""
    return a is None or b is None or a < b


def _reading(resolved: ResolvedEvent) -> _Reading | None:
    """How a resolved event enters the order constraints; None if it has no date."""
    if resolved.status == "undated" or resolved.start is None:
        return None
    start = resolved.start
    last = resolved.end if resolved.end is not None and resolved.end.start is not None else start
    return _Reading(
        (start.start, start.end),
        start.precision,
        _unit_of(start),
        (last.start, last.end),
        last.precision,
        _unit_of(last),
    )


def _unit_of(date: ResolvedDate) -> int:
    """The naming unit of a decided date (see naming_unit), also with an open side.

    An open side leaves one instant to go by: a time is named by its minute
    unless that instant falls inside one (the source gave seconds).
    """
    if date.start is not None and date.end is not None:
        return naming_unit(date.start, date.end, date.precision)
    known = date.end if date.end is not None else date.start
    if date.precision != "time" or known is None:
        return 1
    return 60 if known % 60 == 0 else 1
