"""Decide one date per event from claims that may disagree, and say why.

Theory of operation
-------------------
Resolution is a pure function of a :class:`~vntimeline.Timeline` and a
weight policy: no I/O, no clock, and nothing depends on the order of claims
or events in the file (see ``docs/explanation/resolving.rst``). Each
event's start and end are decided separately, from the claims that give
that side (a claim without it takes no part):

1. **Intervals.** Every claim is the half-open interval of epoch seconds its
   EDTF value covers in the event's zone (:meth:`PartialDate.bounds`), with
   a weight from the policy (``official`` 4, ``agency`` 3, ``press`` 2,
   ``aggregator`` 1, ``?``/``%`` half; see :mod:`vntimeline._resolve.policy`).
   Weights are compared exactly (fractions scaled to integers), so two
   claims of 0.5 tie with one of 1.
2. **Agreement.** If every interval shares a common part, that part is the
   answer, at the finest precision among the claims: ``2021`` and
   ``2021-01-26`` give ``2021-01-26``.
3. **Heaviest agreeing set.** Otherwise a sweep over the sorted interval end
   points visits every *maximal* set of claims that share a common part, in
   O(k log k) (see :mod:`.sweep`). The heaviest set wins and the event is
   ``reconciled``; if several distinct sets share the top weight it is a
   ``conflict`` and the result is the hull of their common parts, so no
   date is chosen silently. Every claim outside the result is kept as
   :class:`Dissent` with a reason.
4. **Order.** ``after``/``before`` bound the events that have no dated
   claims and report dated events that break them; a dated event is never
   narrowed (see :mod:`.order`).

Tie-breaks
----------
=================================  ==========================================
claims of one side                 sorted by (start, end, source id, text)
distinct sets at the top weight    ``conflict``: the hull of their common
                                   parts, at their finest precision
start and end differ in status     the more disputed side (SIDE_STATUS_RANK)
dissent                            sorted by (source id, value, reason)
=================================  ==========================================

The rules themselves are the tables below (QUALIFIER_OF_SET and
SIDE_STATUS_RANK); the sweep's tie-breaks (touching intervals, equal sets)
are at the top of :mod:`.sweep`, and the order constraints' at the top of
:mod:`.order`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from fractions import Fraction
from typing import Final, Literal, NamedTuple

from .._gc import paused_gc
from .._model.dates import OPEN_END, OPEN_START, EventDate
from .._model.events import Claim, Event, Timeline
from .._model.resolved import (
    Dissent,
    ResolvedDate,
    ResolvedEvent,
    ResolvedTimeline,
    Status,
)
from ..errors import DataError, PolicyError
from .explain import Words, format_weight, join, unique
from .order import apply_order
from .policy import Policy, WeightPolicy, exact_weight
from .sweep import RANK, Info, Rec, heaviest_sets, naming_unit, sort_claims

__all__ = ["QUALIFIER_OF_SET", "SIDE_STATUS_RANK", "resolve"]

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
    """Decide every event's dates under *policy* (the standard :class:`Policy` if None).

    Raises :class:`~vntimeline.errors.DataError` listing every problem of a timeline
    that breaks the rules across its objects (:meth:`Timeline.problems`).
    """
    if problems := timeline.problems():
        raise DataError(problems)
    if policy is None:
        policy = _DEFAULT_POLICY
    elif not callable(getattr(policy, "weight", None)):
        raise PolicyError(f"a policy needs a weight(source, date) method; got {policy!r}")
    # Resolving makes several objects per claim that all live on in the result.
    with paused_gc():
        return _Resolver(timeline, policy).run()


_DEFAULT_POLICY: Final = Policy()


class _Outcome(NamedTuple):
    """The decision for one side of one event."""

    kind: Outcome
    date: ResolvedDate
    support: tuple[Rec, ...]
    dissent: tuple[Dissent, ...]
    prose: str


class _Resolver:
    """One resolve call: the policy, the timeline, and the weights and words it caches."""

    def __init__(self, timeline: Timeline, policy: WeightPolicy) -> None:
        self.timeline = timeline
        self.policy = policy
        # The standard Policy weighs a claim by its source and its doubt only,
        # so its answers are cached per (source, uncertain); any other policy
        # may look at the whole date, so per (source, date).
        self._standard = type(policy) is Policy
        self._infos: dict[tuple[str, object], Info] = {}
        self.words = Words(timeline)

    # -- a cache: sources repeat, so each is weighed and named once ----------

    def info(self, source_id: str, date: EventDate) -> Info:
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
            found = Info(
                weight,
                f"{source.publisher} ({source.authority}, weight {shown}{doubt})",
                f"{source.authority} {shown}",
                source.publisher,
            )
            self._infos[key] = found
        return found

    # -- the whole timeline ---------------------------------------------------

    def run(self) -> ResolvedTimeline:
        """Resolve every event, then apply the order constraints."""
        events = self.timeline.events
        decided = {event.id: self.event(event) for event in events}
        if any(event.after or event.before for event in events):
            decided = apply_order(self.words, events, decided)
        return ResolvedTimeline(self.timeline, tuple(decided[e.id] for e in events))

    def event(self, event: Event) -> ResolvedEvent:
        """Decide one event from its claims alone (order constraints come later)."""
        zone = event.timezone
        starts: list[Rec] = []
        ends: list[Rec] = []
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
                self.words.undated_note(undated, "No source gives a date"),
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
            parts.append(self.words.undated_note(silent, ""))
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

    def rec(self, claim: Claim, date: EventDate, zone: str) -> Rec:
        """A claim's date as an interval with its weight."""
        lo, hi = date.bounds(zone)
        return Rec(lo, hi, claim.source, date, self.info(claim.source, date))

    def open_start(self, end: _Outcome | None, zone: str) -> ResolvedDate | None:
        """A span dated only by its end started no later than that end (if it has a last day)."""
        if end is None or end.date.end is None:
            return None
        hi, precision = end.date.end, end.date.precision
        # Name the last unit of the end (a minute, not its last second), also
        # of an end open below ("on or before"): a minute unless seconds were given.
        lo = end.date.start if end.date.start is not None else hi - (60 if hi % 60 == 0 else 1)
        text = self.words.value(hi - naming_unit(lo, hi, precision), hi, zone, precision)
        return ResolvedDate(f"../{text}", precision, None, hi, zone)

    # -- one side of one event --------------------------------------------------

    def side(self, recs: list[Rec], zone: str, side: Side | None) -> _Outcome:
        """Decide a start or an end (*side* names it in prose; None for a milestone)."""
        sort_claims(recs)
        lo, hi = recs[0].lo, recs[0].hi
        for r in recs:
            if r.lo > lo:
                lo = r.lo
            if r.hi < hi:
                hi = r.hi
        lead = f"{side.capitalize()}: " if side else ""
        if lo < hi:
            return self.agreement(recs, lo, hi, zone, lead)
        weight_unit, top, parts = heaviest_sets(recs)
        if len(parts) == 1:
            return self.reconciled(recs, parts[0], zone, lead, side, Fraction(top, weight_unit))
        return self.conflict(recs, parts, zone, lead, side, Fraction(top, weight_unit))

    def decided(
        self, members: Sequence[Rec], lo: int, hi: int, zone: str, qualify: bool = True
    ) -> ResolvedDate:
        """The ResolvedDate for ``[lo, hi)`` at the finest precision of *members*."""
        precision = max((r.date.precision for r in members), key=RANK.__getitem__)
        value = self.words.value(lo, hi, zone, precision)
        if qualify:
            suffix = QUALIFIER_OF_SET[
                (all(r.date.uncertain for r in members), all(r.date.approximate for r in members))
            ]
            if suffix:
                value = "/".join(part + suffix for part in value.split("/"))
        # An open side (a claim of "on or before") stays open: None, as JSON null.
        start = None if lo == OPEN_START else lo
        end = None if hi == OPEN_END else hi
        return ResolvedDate(value, precision, start, end, zone)

    def agreement(self, recs: list[Rec], lo: int, hi: int, zone: str, lead: str) -> _Outcome:
        """Every claim shares ``[lo, hi)``: that common part is the answer."""
        date = self.decided(recs, lo, hi, zone)
        said = self.words.who_said_what(recs, zone)
        if len(said) == 1:
            prose = f"{lead}{said[0]}."
        else:
            result = self.words.prose(lo, hi, zone, date.precision)
            on = ": " if lo == OPEN_START or hi == OPEN_END else " on "
            prose = f"{lead}{'; '.join(said)}. These agree{on}{result}."
        return _Outcome("agree", date, tuple(recs), (), prose)

    def reconciled(
        self,
        recs: list[Rec],
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
        result = self.words.prose(x, y, zone, date.precision)
        if len(members) == 1:
            winner, verb = members[0].info.label, "outweighs"
            short = members[0].info.short
        else:
            winner = (
                f"{join([r.info.label for r in members])} together (weight {format_weight(top)})"
            )
            verb = "outweigh"
            short = " + ".join(r.info.short for r in members) + f" = {format_weight(top)}"
        losers = join(unique(r.info.label for r in others))
        kept = join(unique(self.words.claim_prose(r, zone) for r in others))
        prose = f"{lead}{winner} {verb} {losers}: {result}; {kept} kept as dissent."
        what = f"{side} outweighed" if side else "outweighed"
        dissent = tuple(
            Dissent(r.source, r.text, f"{what}: {r.info.short} vs {short} ({result})")
            for r in others
        )
        return _Outcome("reconciled", date, tuple(members), dissent, prose)

    def conflict(
        self,
        recs: list[Rec],
        parts: list[tuple[int, int]],
        zone: str,
        lead: str,
        side: Side | None,
        top: Fraction,
    ) -> _Outcome:
        """Several sets tie at the top weight: span them all, choose none."""
        xs = [x for x, _y in parts]
        members: list[Rec] = []
        others: list[Rec] = []
        for r in recs:
            i = bisect.bisect_left(xs, r.lo)  # the first tied part starting inside r
            (members if i < len(xs) and xs[i] < r.hi else others).append(r)
        date = self.decided(members, parts[0][0], parts[-1][1], zone, qualify=False)
        readings = []
        for x, y in parts:
            inside = [r for r in members if r.lo <= x < r.hi]
            precision = max((r.date.precision for r in inside), key=RANK.__getitem__)
            readings.append(
                (self.words.prose(x, y, zone, precision), join([r.info.label for r in inside]))
            )
        shown = format_weight(top)
        listed = "; ".join(f"{when} according to {who}" for when, who in readings)
        hull = self.words.prose(parts[0][0], parts[-1][1], zone, date.precision)
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
            losers = join(unique(r.info.label for r in others))
            kept = join(unique(self.words.claim_prose(r, zone) for r in others))
            prose += (
                f" {losers} weigh{'s' if len(others) == 1 else ''} less: {kept} kept as dissent."
            )
        return _Outcome("conflict", date, tuple(members), dissent, prose)
