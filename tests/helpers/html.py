"""Builders shared by the interactive timeline's tests (``tests/export/html/``, TimelineJS).

:func:`marks` has every kind of mark the page draws; :func:`hostile` has
titles, quotes and addresses that try to break out of HTML, attributes and
the inline JSON, with right-to-left text and emoji; :func:`around` has
events around a given day (for the "today" marker); :func:`page_data` reads
the JSON a page embeds.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Any

from vntimeline import Claim, Event, ResolvedTimeline, Source, Timeline, resolve

SOURCES = (
    Source(
        id="gov",
        title="Official gazette",
        publisher="Chính phủ",
        authority="official",
        url="https://chinhphu.vn/gazette",
        language="vi",
    ),
    Source(id="press-a", title="Article A", publisher="Báo A", url="https://a.example/1"),
    Source(id="press-b", title="Article B", publisher="Báo B", language="nl"),
)

#: A title that would end the script, open markup, break attributes and flip direction.
EVIL_TITLE = (
    '</script><script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">'
    " & 'q' \"qq\" <!-- \u202e עברית مرحبا 😀 \u2028 end"
)
EVIL_QUOTE = 'He said </script><!-- & "hi" <b>bold</b> \u2029 🇻🇳 שלום'
EVIL_URL = "javascript:window.__pwned=3"


def claim(start: str, end: str | None = None, source: str = "press-a", **more: Any) -> Claim:
    """A claim of EDTF *start* (and *end*)."""
    return Claim(source=source, start=start, end=end, **more)


def resolved(*events: Event, **fields: Any) -> ResolvedTimeline:
    """The events resolved with :data:`SOURCES`, in Việt Nam's zone."""
    fields.setdefault("timezone", "Asia/Ho_Chi_Minh")
    fields.setdefault("sources", SOURCES)
    return resolve(Timeline(events=events, **fields))


def marks() -> ResolvedTimeline:
    """A milestone, a span, a month, a conflict, a bounded event, open sides and no date."""
    return resolved(
        Event(id="day", title="A day", category="policy",
              claims=[claim("2025-09-18", quote="held on September 18 in Nanning")]),
        Event(id="month", title="A month", category="policy", claims=[claim("2024-04")]),
        Event(id="span", title="A span", kind="span", category="industry",
              claims=[claim("2025-10-27", "2025-10-29", "gov")]),
        Event(id="tie", title="A tie", category="research",
              claims=[claim("2018", source="press-a"), claim("2019", source="press-b")]),
        Event(id="between", title="Between", category="industry",
              after=["month"], before=["span"]),
        Event(id="by", title="On or before", category="research",
              claims=[claim("[..2026-03-08]")]),
        Event(id="going", title="Still going on", kind="span", category="policy",
              claims=[claim("2023-03", "..", "gov")]),
        Event(id="nothing", title="Nothing known", category="policy"),
        categories={"policy": {"label": "Policy and law", "color": "tab:red"},
                    "industry": {"color": "teal"}},
    )  # fmt: skip


def hostile() -> ResolvedTimeline:
    """Every text that could break out of its place, and a ``javascript:`` source address.

    The model refuses such an address, so it is put in after validation, as
    a bug or another program might: the exporters must not trust it either.
    """
    timeline = Timeline(
        events=[
            Event(id="evil", title=EVIL_TITLE, category="policy",
                  claims=[claim("2025-09-18", source="bad", quote=EVIL_QUOTE,
                                note="<i>note</i> & more")]),
            Event(id="fine", title="Fine ☕", category="policy", claims=[claim("2025-10")]),
        ],
        sources=[*SOURCES,
                 Source(id="bad", title="<b>Bad</b> & \"source\"", publisher="P </script>",
                        url="https://x.example/a?b=1&c=2")],
        timezone="Asia/Ho_Chi_Minh",
        name=EVIL_TITLE.replace("\u2028", ""),
        categories={"policy": {"label": "Pol <i>&</i> \"icy\""}},
    )  # fmt: skip
    object.__setattr__(timeline.source("bad"), "url", EVIL_URL)
    return resolve(timeline)


def around(day: dt.date) -> ResolvedTimeline:
    """Two events a year before and after *day*: the window holds it."""
    return resolved(
        Event(id="before", title="Before", claims=[claim((day - dt.timedelta(365)).isoformat())]),
        Event(id="after", title="After", claims=[claim((day + dt.timedelta(365)).isoformat())]),
    )


def many(count: int) -> ResolvedTimeline:
    """*count* milestones over ten years in two lanes, one claim each."""
    start = dt.date(2015, 1, 1)
    return resolved(
        *(
            Event(
                id=f"e{i}",
                title=f"Sự kiện {i}",
                category=("policy", "research")[i % 2],
                claims=[claim((start + dt.timedelta(days=i * 3650 // count)).isoformat())],
            )
            for i in range(count)
        )
    )


def page_data(page: str) -> dict[str, Any]:
    """The JSON a page embeds, parsed back."""
    found = re.search(r'<script type="application/json" id="vt-data">(.*?)</script>', page, re.S)
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def srcdoc_of(built: str) -> str:
    """The page a Sphinx ``vntimeline-timeline`` embeds, from the built HTML."""
    found = re.search(r'srcdoc="([^"]*)"', built)
    assert found is not None
    return html.unescape(found.group(1))
