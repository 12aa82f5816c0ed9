"""Decide one date per event from claims that may disagree, and say why.

Theory of operation
-------------------
Resolution is a pure function of a :class:`~vntimeline.Timeline` and a
weight policy: no I/O, no clock, and nothing depends on the order of claims
or events in the file. Each event's start and end are decided separately,
from the claims that give that side (a claim without it takes no part):

1. **Intervals.** Every claim is the half-open interval of epoch seconds its
   EDTF value covers in the event's zone (:meth:`PartialDate.bounds`), with
   a weight from the policy (``official`` 4, ``agency`` 3, ``press`` 2,
   ``aggregator`` 1, ``?``/``%`` half; see :mod:`vntimeline._policy`).
   Weights are compared exactly (fractions scaled to integers), so two
   claims of 0.5 tie with one of 1.
2. **Agreement.** If every interval shares a common part, that part is the
   answer, at the finest precision among the claims: ``2021`` and
   ``2021-01-26`` give ``2021-01-26``.
3. **Heaviest agreeing set.** Otherwise a sweep over the sorted interval end
   points (ends before starts at the same instant: touching intervals do not
   agree) visits every *maximal* set of claims that share a common part, in
   O(k log k). The heaviest set wins and the event is ``reconciled``; if
   several distinct sets share the top weight it is a ``conflict`` and the
   result is the hull of their common parts, so no date is chosen silently.
   Every claim outside the result is kept as :class:`Dissent` with a reason.
4. **Order.** ``after``/``before`` form a DAG (the model rejects cycles).
   Lower bounds flow forward and upper bounds backward along it in
   topological order, O(events + edges). An event with no dated claims gets
   the bounds its neighbours imply (``bounded``), or stays ``undated``. A
   dated event is never narrowed; if it lies wholly outside a bound it is
   reported as a :class:`Violation`.

Tie-breaks
----------
=================================  ==========================================
claims of one side                 sorted by (start, end, source id, text)
two intervals that only touch      do not agree (``[a, t)`` and ``[t, b)``)
equal members found twice          one candidate (each maximal set is
                                   visited once by the sweep)
distinct sets at the top weight    ``conflict``: the hull of their common
                                   parts, at their finest precision
start and end differ in status     the more disputed side (SIDE_STATUS_RANK)
two bounds at the same instant     finer precision (a second before a
                                   minute), then smaller event ids
dissent                            sorted by (source id, value, reason)
a broken constraint                reported on the dated event that breaks
                                   it (see :class:`_Order`)
=================================  ==========================================

The rules themselves are the tables below (QUALIFIER_OF_SET,
SIDE_STATUS_RANK, and the bound rules of :class:`_Order`).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
import math
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Final, Literal, NamedTuple

from .._gc import paused_gc
from .._model.dates import (
    MONTH_NAMES,
    PRECISIONS,
    PartialDate,
    Precision,
    format_bounds,
    get_zone,
    time_unit,
)
from .._model.events import Claim, Event, Timeline, order_edges
from .._model.resolved import (
    Dissent,
    ResolvedDate,
    ResolvedEvent,
    ResolvedTimeline,
    Status,
    Violation,
)
from ..errors import PolicyError
from .policy import Policy, WeightPolicy, exact_weight

__all__ = ["QUALIFIER_OF_SET", "SIDE_STATUS_RANK", "format_weight", "resolve"]

_RANK: Final[dict[str, int]] = {p: i for i, p in enumerate(PRECISIONS)}

#: The qualifier a result carries, by (every claim uncertain, every claim
#: approximate) over the claims it follows: a doubt shared by all survives.
QUALIFIER_OF_SET: Final[dict[tuple[bool, bool], str]] = {
    (False, False): "",
    (True, False): "?",
    (False, True): "~",
    (True, True): "%",
}

#: When a span's start and end end up differently, the event takes the
#: status of the more disputed side; two undisputed sides give ``agreed``
#: if the claims come from two or more publishers, else ``single-source``.
SIDE_STATUS_RANK: Final[dict[str, int]] = {"agree": 0, "reconciled": 1, "conflict": 2}


Side = Literal["start", "end"]
Outcome = Literal["agree", "reconciled", "conflict"]


def resolve(timeline: Timeline, policy: WeightPolicy | None = None) -> ResolvedTimeline:
    """Decide every event's dates under *policy* (the standard :class:`Policy` if None)."""
    if policy is None:
        policy = _DEFAULT_POLICY
    elif not callable(getattr(policy, "weight", None)):
        raise PolicyError(f"a policy needs a weight(source, date) method; got {policy!r}")
    # Resolving makes several objects per claim that all live on in the result.
    with paused_gc():
        return _Resolver(timeline, policy).run()


_DEFAULT_POLICY: Final = Policy()


class _Info(NamedTuple):
    """What one source's claim of one date weighs, and how to name it in prose."""

    weight: Fraction
    label: str  # "Vietnam News Agency (agency, weight 3)"
    short: str  # "agency 3", for dissent reasons
    publisher: str


class _Rec(NamedTuple):
    """One claim on one side, as the resolver works on it."""

    lo: int
    hi: int
    source: str
    date: PartialDate
    info: _Info

    @property
    def text(self) -> str:
        """The claim's EDTF text, as written (made only where it is shown)."""
        return str(self.date)


def _sort_claims(recs: list[_Rec]) -> None:
    """Sort by (start, end, source id, text), never by file order.

    The text is only needed to break a tie between two claims of one source
    with the same interval (``2021`` and ``2021?``), so it is made only then.
    """
    recs.sort(key=lambda r: (r.lo, r.hi, r.source))
    for a, b in itertools.pairwise(recs):
        if (a.lo, a.hi, a.source) == (b.lo, b.hi, b.source):
            recs.sort(key=lambda r: (r.lo, r.hi, r.source, r.text))
            return


class _Outcome(NamedTuple):
    """The decision for one side of one event."""

    kind: Outcome
    date: ResolvedDate
    support: tuple[_Rec, ...]
    dissent: tuple[Dissent, ...]
    prose: str


class _Bound(NamedTuple):
    """A bound an order constraint passes on: the instant, and where it came from."""

    instant: int
    precision: Precision
    unit: int  # seconds in one unit of the originating interval (see _unit)
    origin: str  # the dated event whose date it is
    via: str  # the neighbour it arrived through


def _unit(lo: int, hi: int, precision: Precision) -> int:
    """Seconds in one unit of ``[lo, hi)`` at *precision*, to name an end of it by.

    A bound is an instant, but formatting needs an interval: a time is named
    by its minute (or its second, if the source gave seconds), so the bound
    keeps that width. Coarser units are named by any instant inside them,
    so one second will do (and days, months and years vary in length).
    """
    return time_unit(lo, hi) if precision == "time" else 1


def _bound_key(bound: _Bound) -> tuple[int, int, str, str]:
    """Tie-break of two bounds at one instant: finer precision and unit, then smaller ids."""
    return -_RANK[bound.precision], bound.unit, bound.origin, bound.via


def _later_lower(a: _Bound | None, b: _Bound) -> _Bound:
    """The tighter lower bound: later instant, then finer precision, then smaller ids."""
    if a is None:
        return b
    if a.instant != b.instant:
        return a if a.instant > b.instant else b
    return min(a, b, key=_bound_key)


def _earlier_upper(a: _Bound | None, b: _Bound) -> _Bound:
    """The tighter upper bound: earlier instant, then finer precision, then smaller ids."""
    if a is None:
        return b
    if a.instant != b.instant:
        return a if a.instant < b.instant else b
    return min(a, b, key=_bound_key)


def format_weight(weight: Fraction) -> str:
    """A weight as a person writes it: ``3``, ``1.5``, ``2/3``."""
    if weight.denominator == 1:
        return str(weight.numerator)
    den = weight.denominator
    for prime in (2, 5):
        while den % prime == 0:
            den //= prime
    if den != 1:  # not a terminating decimal
        return str(weight)
    digits = 0
    while (weight * 10**digits).denominator != 1:
        digits += 1
    whole, frac = divmod(int(abs(weight) * 10**digits), 10**digits)
    return f"{'-' if weight < 0 else ''}{whole}.{frac:0{digits}d}"


def _join(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class _Resolver:
    """One resolve call: the policy, the timeline and the caches they share."""

    def __init__(self, timeline: Timeline, policy: WeightPolicy) -> None:
        self.timeline = timeline
        self.policy = policy
        # The standard Policy weighs a claim by its source and its doubt only,
        # so its answers are cached per (source, uncertain); any other policy
        # may look at the whole date, so per (source, date).
        self._standard = type(policy) is Policy
        self._infos: dict[tuple[str, object], _Info] = {}
        self._values: dict[tuple[int, int, str, str], str] = {}
        self._proses: dict[tuple[int, int, str, str], str] = {}

    # -- caches: dates and sources repeat, so each is formatted once ---------

    def info(self, source_id: str, date: PartialDate) -> _Info:
        """Weight and names of *source_id*'s claim of *date* (the policy is asked once)."""
        key = (source_id, date.uncertain if self._standard else date)
        found = self._infos.get(key)
        if found is None:
            source = self.timeline.source(source_id)
            weight = exact_weight(
                self.policy.weight(source, date), f"the policy's weight for source {source_id!r}"
            )
            shown = format_weight(weight)
            doubt = ", uncertain" if date.uncertain else ""
            found = _Info(
                weight,
                f"{source.publisher} ({source.authority}, weight {shown}{doubt})",
                f"{source.authority} {shown}",
                source.publisher,
            )
            self._infos[key] = found
        return found

    def value(self, lo: int, hi: int, zone: str, precision: Precision) -> str:
        """EDTF for ``[lo, hi)`` at *precision* in *zone*."""
        key = (lo, hi, zone, precision)
        found = self._values.get(key)
        if found is None:
            found = self._values[key] = format_bounds(lo, hi, zone, precision)
        return found

    def prose(self, lo: int, hi: int, zone: str, precision: Precision) -> str:
        """``[lo, hi)`` in words: "9 March 2026", "April 2024", "8 March 2026 to 9 March 2026"."""
        key = (lo, hi, zone, precision)
        found = self._proses.get(key)
        if found is None:
            found = self._proses[key] = _prose(lo, hi, zone, precision)
        return found

    def claim_prose(self, rec: _Rec, zone: str) -> str:
        """What a claim says, in words; a time with an offset also shows the local time."""
        date = rec.date
        words = self.prose(rec.lo, rec.hi, zone, date.precision)
        if date.utc_offset is not None:
            words = f"{rec.text} ({words} local time)"
        if date.qualifier == "~":
            words = f"about {words}"
        return words

    # -- the whole timeline ---------------------------------------------------

    def run(self) -> ResolvedTimeline:
        """Resolve every event, then apply the order constraints."""
        events = self.timeline.events
        decided = {event.id: self.event(event) for event in events}
        if any(event.after or event.before for event in events):
            decided = _Order(self, events, decided).apply()
        return ResolvedTimeline(self.timeline, tuple(decided[e.id] for e in events))

    def event(self, event: Event) -> ResolvedEvent:
        """Decide one event from its claims alone (order constraints come later)."""
        zone = event.timezone
        starts: list[_Rec] = []
        ends: list[_Rec] = []
        undated: list[Claim] = []
        for claim in event.claims:
            if claim.start is not None:
                starts.append(self.rec(claim, claim.start, zone))
            if claim.end is not None:
                ends.append(self.rec(claim, claim.end, zone))
            if claim.start is None and claim.end is None:
                undated.append(claim)
        if not starts and not ends:
            return ResolvedEvent(
                event,
                "undated",
                None,
                None,
                (),
                (),
                self.undated_note(undated, "No source gives a date"),
            )
        span = event.kind == "span"
        start = self.side(starts, zone, "start" if span else None) if starts else None
        end = self.side(ends, zone, "end") if ends else None
        outcomes = [o for o in (start, end) if o is not None]
        support = {r.source: r.info.publisher for o in outcomes for r in o.support}
        worst = max(outcomes, key=lambda o: SIDE_STATUS_RANK[o.kind]).kind
        publishers = len(set(support.values()))
        status: Status
        if worst == "reconciled" or worst == "conflict":
            status = worst
        else:
            status = "agreed" if publishers >= 2 else "single-source"
        parts = [o.prose for o in outcomes]
        if status == "agreed":
            parts.append(f"{publishers} publishers agree.")
        elif status == "single-source":
            parts.append(f"Every date comes from one publisher ({next(iter(support.values()))}).")
        # Only sources that give no date at all are worth a mention here.
        dated_by = {r.source for r in starts} | {r.source for r in ends}
        silent = [c for c in undated if c.source not in dated_by]
        if silent:
            parts.append(self.undated_note(silent, ""))
        start_date = start.date if start is not None else self.open_start(end, zone)
        dissent = sorted(
            (d for o in outcomes for d in o.dissent), key=lambda d: (d.source, d.value, d.reason)
        )
        return ResolvedEvent(
            event,
            status,
            start_date,
            end.date if end else None,
            tuple(sorted(support)),
            tuple(dissent),
            " ".join(parts),
        )

    def rec(self, claim: Claim, date: PartialDate, zone: str) -> _Rec:
        """A claim's date as an interval with its weight."""
        lo, hi = date.bounds(zone)
        return _Rec(lo, hi, claim.source, date, self.info(claim.source, date))

    def undated_note(self, claims: list[Claim], lead: str) -> str:
        """A sentence about claims that give no date (and *lead*, if any)."""
        names = sorted({self.timeline.source(c.source).publisher for c in claims})
        note = f"Cited without a date by {_join(names)}." if names else ""
        if lead:
            return f"{lead}. {note}" if note else f"{lead}."
        return note

    def open_start(self, end: _Outcome | None, zone: str) -> ResolvedDate | None:
        """A span dated only by its end started no later than that end."""
        if end is None or end.date.start is None or end.date.end is None:
            return None
        lo, hi, precision = end.date.start, end.date.end, end.date.precision
        # Name the last unit of the end (a minute, not its last second).
        text = self.value(hi - _unit(lo, hi, precision), hi, zone, precision)
        return ResolvedDate(f"../{text}", precision, None, hi, zone)

    # -- one side of one event --------------------------------------------------

    def side(self, recs: list[_Rec], zone: str, side: Side | None) -> _Outcome:
        """Decide a start or an end (*side* names it in prose; None for a milestone)."""
        _sort_claims(recs)
        lo, hi = recs[0].lo, recs[0].hi
        for r in recs:
            if r.lo > lo:
                lo = r.lo
            if r.hi < hi:
                hi = r.hi
        lead = f"{side.capitalize()}: " if side else ""
        if lo < hi:
            return self.agreement(recs, lo, hi, zone, lead)
        weight_unit, top, parts = _sweep(recs)
        if len(parts) == 1:
            return self.reconciled(recs, parts[0], zone, lead, side, Fraction(top, weight_unit))
        return self.conflict(recs, parts, zone, lead, side, Fraction(top, weight_unit))

    def decided(
        self, members: Sequence[_Rec], lo: int, hi: int, zone: str, qualify: bool = True
    ) -> ResolvedDate:
        """The ResolvedDate for ``[lo, hi)`` at the finest precision of *members*."""
        precision = max((r.date.precision for r in members), key=_RANK.__getitem__)
        value = self.value(lo, hi, zone, precision)
        if qualify:
            suffix = QUALIFIER_OF_SET[
                (all(r.date.uncertain for r in members), all(r.date.approximate for r in members))
            ]
            if suffix:
                value = "/".join(part + suffix for part in value.split("/"))
        return ResolvedDate(value, precision, lo, hi, zone)

    def agreement(self, recs: list[_Rec], lo: int, hi: int, zone: str, lead: str) -> _Outcome:
        """Every claim shares ``[lo, hi)``: that common part is the answer."""
        date = self.decided(recs, lo, hi, zone)
        said = self.who_said_what(recs, zone)
        if len(said) == 1:
            prose = f"{lead}{said[0]}."
        else:
            result = self.prose(lo, hi, zone, date.precision)
            prose = f"{lead}{'; '.join(said)}. These agree on {result}."
        return _Outcome("agree", date, tuple(recs), (), prose)

    def reconciled(
        self,
        recs: list[_Rec],
        part: tuple[int, int],
        zone: str,
        lead: str,
        side: Side | None,
        top: Fraction,
    ) -> _Outcome:
        """One set of claims is strictly heaviest: follow it, keep the rest as dissent."""
        x, y = part
        members = [r for r in recs if r.lo <= x < r.hi]
        others = [r for r in recs if not r.lo <= x < r.hi]
        date = self.decided(members, x, y, zone)
        result = self.prose(x, y, zone, date.precision)
        if len(members) == 1:
            winner, verb = members[0].info.label, "outweighs"
            short = members[0].info.short
        else:
            winner = (
                f"{_join([r.info.label for r in members])} together (weight {format_weight(top)})"
            )
            verb = "outweigh"
            short = " + ".join(r.info.short for r in members) + f" = {format_weight(top)}"
        losers = _join(_unique(r.info.label for r in others))
        kept = _join(_unique(self.claim_prose(r, zone) for r in others))
        prose = f"{lead}{winner} {verb} {losers}: {result}; {kept} kept as dissent."
        what = f"{side} outweighed" if side else "outweighed"
        dissent = tuple(
            Dissent(r.source, r.text, f"{what}: {r.info.short} vs {short} ({result})")
            for r in others
        )
        return _Outcome("reconciled", date, tuple(members), dissent, prose)

    def conflict(
        self,
        recs: list[_Rec],
        parts: list[tuple[int, int]],
        zone: str,
        lead: str,
        side: Side | None,
        top: Fraction,
    ) -> _Outcome:
        """Several sets tie at the top weight: span them all, choose none."""
        xs = [x for x, _y in parts]
        members: list[_Rec] = []
        others: list[_Rec] = []
        for r in recs:
            i = bisect.bisect_left(xs, r.lo)  # the first tied part starting inside r
            (members if i < len(xs) and xs[i] < r.hi else others).append(r)
        date = self.decided(members, parts[0][0], parts[-1][1], zone, qualify=False)
        readings = []
        for x, y in parts:
            inside = [r for r in members if r.lo <= x < r.hi]
            precision = max((r.date.precision for r in inside), key=_RANK.__getitem__)
            readings.append(
                (self.prose(x, y, zone, precision), _join([r.info.label for r in inside]))
            )
        shown = format_weight(top)
        listed = "; ".join(f"{when} according to {who}" for when, who in readings)
        hull = self.prose(parts[0][0], parts[-1][1], zone, date.precision)
        prose = (
            f"{lead}Sources tie at weight {shown}: {listed}. No date is chosen; "
            f"the result spans {hull}."
        )
        what = f"{side} outweighed" if side else "outweighed"
        tied = "; ".join(when for when, _who in readings)
        dissent = tuple(
            Dissent(
                r.source,
                r.text,
                f"{what}: {r.info.short} vs tied readings of weight {shown} ({tied})",
            )
            for r in others
        )
        if others:
            losers = _join(_unique(r.info.label for r in others))
            kept = _join(_unique(self.claim_prose(r, zone) for r in others))
            prose += (
                f" {losers} weigh{'s' if len(others) == 1 else ''} less: {kept} kept as dissent."
            )
        return _Outcome("conflict", date, tuple(members), dissent, prose)

    def who_said_what(self, recs: list[_Rec], zone: str) -> list[str]:
        """One phrase per distinct reading, in date order: "A and B say 9 March 2026"."""
        groups: dict[str, list[str]] = {}
        for r in recs:
            groups.setdefault(self.claim_prose(r, zone), []).append(r.info.label)
        phrases = []
        for words, labels in groups.items():
            labels = _unique(labels)
            phrases.append(f"{_join(labels)} {'says' if len(labels) == 1 else 'say'} {words}")
        return phrases


def _unique(items: Iterable[str]) -> list[str]:
    """*items* without repeats, first occurrence kept."""
    return list(dict.fromkeys(items))


def _sweep(recs: Sequence[_Rec]) -> tuple[int, int, list[tuple[int, int]]]:
    """The heaviest maximal agreeing sets: (weight unit, top weight, their common parts).

    Weights are scaled to integers by the least common denominator (so sums
    are exact); the top weight is in those units. A maximal set is where a
    start is followed directly by an end: its common part runs from that
    start to that end. Each maximal set shows up exactly once, so equal
    members never count as two candidates; the parts come out in time order.
    """
    unit = math.lcm(*(r.info.weight.denominator for r in recs))
    points: list[tuple[int, int, int]] = []
    for r in recs:
        w = r.info.weight.numerator * (unit // r.info.weight.denominator)
        # (instant, 0 for an end / 1 for a start, change): ends sort first at a
        # shared instant, since [a, t) and [t, b) have nothing in common.
        points.append((r.lo, 1, w))
        points.append((r.hi, 0, -w))
    points.sort()
    best, total = 0, 0
    parts: list[tuple[int, int]] = []
    for i, (x, is_start, change) in enumerate(points):
        total += change
        if is_start and points[i + 1][1] == 0:
            if total > best:
                best, parts = total, [(x, points[i + 1][0])]
            elif total == best:
                parts.append((x, points[i + 1][0]))
    return unit, best, parts


def _unit_words(moment: _dt.datetime, precision: Precision) -> str:
    """One unit of *precision* in words: "2021", "April 2024", "9 March 2026, 03:00"."""
    if precision == "year":
        return str(moment.year)
    month = f"{MONTH_NAMES[moment.month - 1]} {moment.year}"
    if precision == "month":
        return month
    day = f"{moment.day} {month}"
    if precision == "day":
        return day
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    if moment.second:
        clock += f":{moment.second:02d}"
    return f"{day}, {clock}"


def _prose(lo: int, hi: int, zone: str, precision: Precision) -> str:
    """``[lo, hi)`` in words at *precision* (see :meth:`_Resolver.prose`)."""
    tz = get_zone(zone)
    first = _dt.datetime.fromtimestamp(lo, tz)
    if precision == "time":
        step = 60 if (hi - lo) % 60 == 0 else 1
        last = _dt.datetime.fromtimestamp(hi - step, tz)
    else:
        last = _dt.datetime.fromtimestamp(hi - 1, tz)
        if precision == "year" and first.year != last.year:
            width = last.year - first.year + 1
            if width == 10 and first.year % 10 == 0:
                return f"the {first.year}s"
    a, b = _unit_words(first, precision), _unit_words(last, precision)
    return a if a == b else f"{a} to {b}"


class _Reading(NamedTuple):
    """A dated event as order constraints see it."""

    first: tuple[int | None, int]  # its start interval (lo may be open)
    first_precision: Precision
    first_unit: int  # see _unit
    last: tuple[int | None, int]  # its end interval if it is a span with an end, else its start
    last_precision: Precision
    last_unit: int


class _Order:
    """Apply ``after``/``before``: bounds flow along the DAG, violations are reported.

    Rules (``u -> v`` means u comes first: ``v.after`` has u, or ``u.before`` has v):

    ======================  ====================================================
    lower bound out of u    u dated: the lower end of u's last interval (its end
                            if it is a span with an end, else its start);
                            u not dated: the lower bound u received
    upper bound out of v    v dated: the upper end of v's start interval;
                            v not dated: the upper bound v received
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
        self, resolver: _Resolver, events: Sequence[Event], first: dict[str, ResolvedEvent]
    ) -> None:
        self.resolver = resolver
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
        lower_in: dict[str, _Bound] = {}
        lower_out: dict[str, _Bound] = {}
        for u in order:
            out = self.own_lower(u) if u in self.readings else lower_in.get(u)
            if out is None:
                continue
            lower_out[u] = out
            for v in self.succ[u]:
                lower_in[v] = _later_lower(lower_in.get(v), out._replace(via=u))
        upper_in: dict[str, _Bound] = {}
        upper_out: dict[str, _Bound] = {}
        for v in reversed(order):
            out = self.own_upper(v) if v in self.readings else upper_in.get(v)
            if out is None:
                continue
            upper_out[v] = out
            for u in self.pred[v]:
                upper_in[u] = _earlier_upper(upper_in.get(u), out._replace(via=v))
        violations: dict[str, list[Violation]] = {}
        for u, succs in self.succ.items():
            for v in succs:
                self.check(u, v, lower_out.get(u), upper_out.get(v), violations)
        result = dict(self.first)
        for event_id, resolved in self.first.items():
            if resolved.status == "undated":
                low, high = lower_in.get(event_id), upper_in.get(event_id)
                if low is not None or high is not None:
                    resolved = self.bounded(resolved, low, high, violations)
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

    def own_lower(self, event_id: str) -> _Bound:
        """The lower bound a dated event passes on: the start of its last interval."""
        reading = self.readings[event_id]
        lo = reading.last[0]
        assert lo is not None  # a last interval is never open below
        return _Bound(lo, reading.last_precision, reading.last_unit, event_id, event_id)

    def own_upper(self, event_id: str) -> _Bound:
        """The upper bound a dated event passes on: the end of its start interval."""
        reading = self.readings[event_id]
        return _Bound(
            reading.first[1], reading.first_precision, reading.first_unit, event_id, event_id
        )

    def words(self, bound: _Bound, zone: str, lower: bool) -> str:
        """A bound in words, at its precision, in *zone*: the unit just after or before it."""
        at = bound.instant if lower else bound.instant - bound.unit
        return self.resolver.prose(at, at + bound.unit, zone, bound.precision)

    def source_phrase(self, bound: _Bound, zone: str, lower: bool) -> str:
        """Phrase a bound: "dated 26 January 2021" or "not before ..., set by decision-127"."""
        when = self.words(bound, zone, lower)
        if bound.origin == bound.via:
            return f"dated {when}"
        limit = "not before" if lower else "not after"
        return f"{limit} {when}, set by {bound.origin}"

    def check(
        self,
        u: str,
        v: str,
        low: _Bound | None,
        high: _Bound | None,
        out: dict[str, list[Violation]],
    ) -> None:
        """Report the edge ``u -> v`` if a dated end of it lies wholly on the wrong side."""
        u_dated, v_dated = u in self.readings, v in self.readings
        if (
            v_dated
            and low is not None
            and self.readings[v].first[1] <= low.instant
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
        bound: _Bound,
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
        if lo is None:  # a span known only by its end
            dated = f"no later than {self.resolver.prose(hi - unit, hi, zone, precision)}"
        else:
            dated = self.resolver.prose(lo, hi, zone, precision)
        lower = relation == "after"
        message = (
            f"{event_id} is dated {dated} but must come {relation} {other} "
            f"({self.source_phrase(bound._replace(via=other), zone, lower)})"
        )
        out.setdefault(event_id, []).append(Violation(event_id, other, relation, message))

    def bounded(
        self,
        resolved: ResolvedEvent,
        low: _Bound | None,
        high: _Bound | None,
        out: dict[str, list[Violation]],
    ) -> ResolvedEvent:
        """An event with no dated claims, placed between the bounds its neighbours imply."""
        event = resolved.event
        zone = event.timezone
        bounds = [b for b in (low, high) if b is not None]
        # Both ends are named at the one precision the result reports (the
        # finer), so "2021-01-26" and "2021-03" give "2021-01-26/2021-03-31";
        # a time is named by the finest unit among the bounds of that precision.
        precision = max((b.precision for b in bounds), key=_RANK.__getitem__)
        unit = min(b.unit for b in bounds if b.precision == precision)
        values = self.resolver.value
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
        cited = self.resolver.undated_note(list(event.claims), "")
        if cited:
            prose += f" {cited}"
        return ResolvedEvent(event, "bounded", date, None, (), (), prose)


def _reading(resolved: ResolvedEvent) -> _Reading | None:
    """How a resolved event enters the order constraints; None if it has no date."""
    if resolved.status == "undated" or resolved.start is None:
        return None
    start = resolved.start
    last = resolved.end if resolved.end is not None and resolved.end.start is not None else start
    assert start.end is not None and last.end is not None and last.start is not None
    # An open start (a span known only by its end) ends where its end does,
    # so it is named in the end's units.
    whole = start if start.start is not None else last
    assert whole.start is not None and whole.end is not None
    return _Reading(
        (start.start, start.end),
        start.precision,
        _unit(whole.start, whole.end, whole.precision),
        (last.start, last.end),
        last.precision,
        _unit(last.start, last.end, last.precision),
    )
