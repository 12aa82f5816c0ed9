"""Builders shared by the resolver's tests (``tests/resolve/``): sources, claims, events."""

from __future__ import annotations

from collections.abc import Sequence

from vntimeline import Claim, Event, PartialDate, Policy, ResolvedEvent, Source, Timeline, resolve

SOURCES = (
    Source(id="gov", title="Decision", publisher="Government Portal", authority="official"),
    Source(id="vna", title="Report", publisher="Vietnam News Agency", authority="agency"),
    Source(id="reuters", title="Wire", publisher="Reuters", authority="agency"),
    Source(id="tuoitre", title="Article", publisher="Tuổi Trẻ", authority="press"),
    Source(id="tuoitre-2", title="Follow-up", publisher="Tuổi Trẻ", authority="press"),
    Source(id="vnexpress", title="Story", publisher="VnExpress", authority="press"),
    Source(id="thanhnien", title="Piece", publisher="Thanh Niên", authority="press"),
    Source(id="agg", title="Digest", publisher="AI Digest", authority="aggregator"),
)


def claim(source: str, start: str | None = None, end: str | None = None) -> Claim:
    return Claim(
        source=source,
        start=None if start is None else PartialDate.parse(start),
        end=None if end is None else PartialDate.parse(end),
    )


def event(
    event_id: str = "e",
    *claims: Claim,
    kind: str = "milestone",
    timezone: str = "Asia/Ho_Chi_Minh",
    after: Sequence[str] = (),
    before: Sequence[str] = (),
) -> Event:
    return Event(
        id=event_id,
        title=f"Event {event_id}",
        kind=kind,  # type: ignore[arg-type]
        timezone=timezone,
        claims=claims,
        after=after,
        before=before,
    )


def timeline(*events: Event, sources: Sequence[Source] = SOURCES) -> Timeline:
    return Timeline(events=events, sources=sources, timezone="Asia/Ho_Chi_Minh")


def one(
    *claims: Claim,
    kind: str = "milestone",
    timezone: str = "Asia/Ho_Chi_Minh",
    policy: Policy | None = None,
) -> ResolvedEvent:
    """Resolve a single event made of *claims*."""
    return resolve(timeline(event("e", *claims, kind=kind, timezone=timezone)), policy)["e"]
