"""Builders shared by the feed's tests (``tests/export/ical/``): timelines, events, parsing."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from icalendar import Calendar

from vntimeline._model.dates import PartialDate, format_bounds
from vntimeline._model.events import Claim, Event, Source, Timeline
from vntimeline._model.resolved import Dissent, ResolvedDate, ResolvedEvent, ResolvedTimeline

HANOI = "Asia/Ho_Chi_Minh"
P = PartialDate.parse
#: The name of the timelines :func:`build` makes, and of the bundled data.
NAME = "Vietnam AI policy timeline"
#: The UID domain derived from NAME: written out, as a UID must never change by accident.
DOMAIN = "vietnam-ai-policy-timeline-3e1946ce.vntimeline.invalid"


def uid(event_id: str, domain: str = DOMAIN) -> str:
    """The UID of *event_id* in a feed of a timeline named NAME (or with *domain*)."""
    return f"{event_id}@{domain}"


def decided(text: str, zone: str = HANOI, precision: str | None = None) -> ResolvedDate:
    """A ResolvedDate covering the EDTF value or ``a/b`` interval *text*."""
    parts = [P(part).bounds(zone) for part in text.split("/")]
    start, end = parts[0][0], parts[-1][1]
    chosen = precision or P(text.split("/")[0]).precision
    value = format_bounds(start, end, zone, chosen)  # type: ignore[arg-type]
    if text[-1] in "?~%":
        value += text[-1]
    return ResolvedDate(value, chosen, start, end, zone)  # type: ignore[arg-type]


SOURCES = (
    Source(
        id="vir",
        title="Vietnam attends China-ASEAN ministerial roundtable on AI",
        publisher="Vietnam Investment Review",
        url="https://vir.com.vn/roundtable.html",
        published=P("2025-09-19T10:00+07:00"),
    ),
    Source(
        id="gov",
        title="Quyết định 127/QĐ-TTg về Chiến lược quốc gia về trí tuệ nhân tạo",
        publisher="Cổng Thông tin điện tử Chính phủ",
        url="https://chinhphu.vn/q127",
        published=P("2021-01-26"),
        authority="official",
        language="vi",
    ),
    Source(
        id="agg",
        title="Europe; AI, and the diaspora",
        publisher="getaibrief.com",
        authority="aggregator",
    ),
)


def build(
    events: list[tuple[Event, dict[str, Any]]], sources: tuple[Source, ...] = SOURCES
) -> ResolvedTimeline:
    """A ResolvedTimeline of *events* (named NAME, in Hanoi time), with the fields given."""
    timeline = Timeline(
        events=[event for event, _ in events], sources=sources, timezone=HANOI, name=NAME
    )
    resolved = []
    for event, fields in events:
        fields = {
            "status": "single-source",
            "start": None,
            "end": None,
            "sources": (),
            "dissent": (),
            "explanation": "Explained.",
            **fields,
        }
        resolved.append(ResolvedEvent(event=timeline.event(event.id), **fields))
    return ResolvedTimeline(timeline, tuple(resolved))


def roundtable(**changes: Any) -> tuple[Event, dict[str, Any]]:
    """The Nanning roundtable, dated 18 September 2025 by one press source."""
    event = Event(
        id="nanning-roundtable",
        title="ASEAN–China ministerial roundtable on AI",
        category="diplomacy",
        location="Nanning, China",
        timezone="Asia/Shanghai",
        claims=[
            Claim(
                source="vir",
                start=P("2025-09-18"),
                quote="held on September 18 in Nanning",
                note="year taken from the publication date",
            )
        ],
    )
    fields: dict[str, Any] = {
        "start": decided("2025-09-18", "Asia/Shanghai"),
        "sources": ("vir",),
        "explanation": "Only Vietnam Investment Review dates it.",
    }
    fields.update(changes)
    return event, fields


def strategy() -> tuple[Event, dict[str, Any]]:
    """The 2021 strategy: a Vietnamese title, two sources, one dissenting."""
    event = Event(
        id="national-ai-strategy",
        category="policy",
        title="Chiến lược quốc gia về nghiên cứu, phát triển và ứng dụng trí tuệ nhân tạo",
        claims=[
            Claim(source="gov", start=P("2021-01-26"), quote="ngày 26 tháng 01 năm 2021"),
            Claim(source="agg", start=P("2021-02")),
        ],
    )
    return event, {
        "status": "reconciled",
        "start": decided("2021-01-26"),
        "sources": ("gov",),
        "dissent": (Dissent("agg", "2021-02", "outweighed by the official decree"),),
        "explanation": "The decree (official, weight 4) outweighs the aggregator.",
    }


def milestone(
    event_id: str,
    value: str | None,
    *,
    status: str = "single-source",
    category: str = "industry",
    **event_fields: Any,
) -> tuple[Event, dict[str, Any]]:
    """A milestone claimed by the aggregator at *value* (None: undated)."""
    claims = [] if value is None else [Claim(source="agg", start=P(value.split("/")[0]))]
    event = Event(
        id=event_id, title=f"Event {event_id}", category=category, claims=claims, **event_fields
    )
    start = None if value is None else decided(value, event_fields.get("timezone", HANOI))
    if value is None:
        status = "undated"
    return event, {"status": status, "start": start, "sources": () if value is None else ("agg",)}


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def vevent(data: bytes, event_id: str) -> Any:
    for component in parse(data).events:
        if str(component["UID"]).startswith(event_id + "@"):
            return component
    raise AssertionError(f"no VEVENT for {event_id}")


def lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


def unfolded(data: bytes) -> str:
    return data.decode("utf-8").replace("\r\n ", "")


#: Text with every character TEXT escaping or folding treats specially.
TEXT = st.text(
    alphabet=st.sampled_from(
        [
            "a",
            " ",
            ",",
            ";",
            "\\",
            "N",
            "n",
            "\n",
            "\r",
            "^",
            '"',
            ":",
            "ệ",
            "中",
            "😀",
            "\ufeff",
        ]
    ),
    min_size=1,
    max_size=90,
)
