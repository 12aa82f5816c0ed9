"""Builders and probes shared by the chart's tests (``tests/export/chart/``).

Timelines to draw (:func:`showcase` has every kind of mark), ways to find
what a figure drew (marks by ``gid``, labels, footnotes), and the fixtures
``show``, ``show_figure`` and ``bundled``.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from matplotlib.artist import Artist
from matplotlib.collections import Collection, PathCollection
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

import vntimeline
from vntimeline import Claim, Event, PartialDate, ResolvedTimeline, Source, Timeline, resolve
from vntimeline._export.chart.figure import _rc, plot

# -- building timelines -------------------------------------------------------

SOURCES = [
    Source(id="gov", title="Official gazette", publisher="Chính phủ", authority="official"),
    Source(id="press-a", title="Article A", publisher="Báo A"),
    Source(id="press-b", title="Article B", publisher="Báo B"),
]


def d(text: str) -> PartialDate:
    date = PartialDate.parse(text)
    assert isinstance(date, PartialDate), f"{text!r} is a range, not one date"
    return date


def claim(start: str, end: str | None = None, source: str = "press-a") -> Claim:
    """A claim of EDTF *start* (and *end*), ranges such as ``[..2026-03-08]`` included."""
    return Claim(source=source, start=start, end=end)


def timeline(*events: Event, **fields: Any) -> ResolvedTimeline:
    """The events resolved, in Việt Nam's zone (the charts' tests were written for it).

    *fields* are more of the Timeline's fields (``name``, ``categories``...).
    """
    fields.setdefault("timezone", "Asia/Ho_Chi_Minh")
    return resolve(Timeline(events=events, sources=SOURCES, **fields))


def showcase(*, ai_law: str = "2025") -> ResolvedTimeline:
    """Every kind of mark, Vietnamese titles, an undated event, six lanes."""
    return timeline(
        Event(id="decision-127",
              title="Quyết định 127/QĐ-TTg: chiến lược quốc gia về trí tuệ nhân tạo đến năm 2030",
              category="policy", aliases=["Quyết định 127/QĐ-TTg"],
              claims=[claim("2021-01-26", source="gov")]),
        Event(id="resolution-57", title="Nghị quyết 57-NQ/TW", category="policy",
              claims=[claim("2024-12-22", source="gov"), claim("2024-12")]),
        Event(id="ai-law", title="Luật Trí tuệ nhân tạo", category="policy",
              claims=[claim(ai_law)]),
        Event(id="nanning", title="ASEAN–China roundtable on AI, Nanning", category="diplomacy",
              claims=[claim("2025-09-18"), claim("2025-09-20", source="press-b")]),
        Event(id="hanoi-convention", title="Hanoi Convention signing", kind="span",
              category="diplomacy", claims=[claim("2025-10-25", "2025-10-26")]),
        Event(id="digital-week", title="Vietnam International Digital Week 2025", kind="span",
              category="cooperation", claims=[claim("2025-10-27", "2025-10-29", "press-b")]),
        Event(id="eu-forum", title="Diễn đàn Hợp tác Số Việt Nam – EU", category="cooperation",
              claims=[claim("2025-10", source="press-b")]),
        Event(id="vineu", title="VINEU mở rộng ra hơn 10 quốc gia", category="cooperation",
              after=["decision-127"], before=["digital-week"]),
        Event(id="fpt-factory", title="FPT AI Factory", category="industry",
              claims=[claim("2024-04")]),
        Event(id="fpt-city", title="FPT AI city, Bình Định", kind="span", category="industry",
              claims=[claim("2023-03", "2026")]),
        Event(id="nvidia-centre", title="Nvidia R&D centre in Việt Nam", kind="span",
              category="research", claims=[claim("2024-12-05", source="press-b")]),
        Event(id="interview", title="Phỏng vấn TS Nguyễn Duy Cừ", category="research"),
        Event(id="targets-2030", title="Mục tiêu 2030: top 4 ASEAN", category="target",
              claims=[claim("2030", source="gov")]),
    )  # fmt: skip


def crowd(count: int = 200) -> ResolvedTimeline:
    """*count* events in one lane, most of them in September 2025, some the same day."""
    events = []
    for i in range(count):
        if i % 4 == 0:
            start = "2025-09"
        elif i % 4 == 1:
            start = "2025-09-15"
        else:
            start = f"2025-{(i % 12) + 1:02d}-{(i % 28) + 1:02d}"
        title = f"Hội nghị số {i} về trí tuệ nhân tạo" + " và chuyển đổi số" * (i % 3)
        events.append(Event(id=f"e{i}", title=title, category="policy", claims=[claim(start)]))
    return timeline(*events)


# -- looking at figures --------------------------------------------------------


def gid(artist: Artist) -> str:
    return artist.get_gid() or ""


def marks(figure: Figure, mark: str) -> list[Collection]:
    """The collections of one mark type (gid ``vnt-<mark>.<category>``), every lane."""
    return [c for c in figure.findobj(Collection) if gid(c).split(".")[0] == f"vnt-{mark}"]


def count(figure: Figure, *kinds: str) -> int:
    """How many items the collections of *kinds* draw."""
    total = 0
    for kind in kinds:
        for c in marks(figure, kind):
            items = c.get_offsets() if isinstance(c, PathCollection) else c.get_paths()
            total += len(np.asarray(items, dtype=object))
    return total


def labels(figure: Figure) -> dict[str, Text]:
    """Event id -> its label."""
    return {
        gid(t).split(".", 1)[1]: t for t in figure.findobj(Text)
        if gid(t).startswith("vnt-label.")
    }  # fmt: skip


def day_of(x: float) -> dt.date:
    """The UTC date of a matplotlib date value (days since 1970)."""
    return (dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=x)).date()


def text_of(figure: Figure, gid: str) -> str:
    found = [t.get_text() for t in figure.findobj(Text) if t.get_gid() == gid]
    assert len(found) == 1, f"expected one text {gid!r}, found {found!r}"
    return found[0]


def extents(figure: Figure, texts: list[Text]) -> list[Bbox]:
    """Window extents of *texts* as the chart draws them."""
    with _rc():
        renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
        return [t.get_window_extent(renderer) for t in texts]


def overlapping(boxes: list[Bbox]) -> list[tuple[int, int]]:
    """Pairs of boxes that share any area (sweep over x)."""
    order = sorted(range(len(boxes)), key=lambda i: boxes[i].x0)
    found = []
    for n, i in enumerate(order):
        for j in order[n + 1 :]:
            if boxes[j].x0 >= boxes[i].x1:
                break
            if boxes[i].overlaps(boxes[j]):
                found.append((i, j))
    return found


def src_path() -> str:
    """PYTHONPATH for a child Python that imports this very copy of vntimeline."""
    return os.pathsep.join([str(Path(vntimeline.__file__).parent.parent),
                            os.environ.get("PYTHONPATH", "")])  # fmt: skip


# -- fixtures -------------------------------------------------------------------
# A test module imports these by their function names (``show_fixture``...)
# and its tests ask for them by their pytest names (``show``...).


@pytest.fixture(scope="module", name="show")
def show_fixture() -> ResolvedTimeline:
    return showcase()


@pytest.fixture(scope="module", name="show_figure")
def show_figure_fixture(show: ResolvedTimeline) -> Figure:
    return plot(show, today="2025-11-23", title="Việt Nam và trí tuệ nhân tạo")


@pytest.fixture(scope="module", name="bundled")
def bundled_fixture() -> ResolvedTimeline:
    return resolve(vntimeline.load_default())
