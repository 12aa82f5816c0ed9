"""The resolved timeline as the JSON the page embeds: lanes, marks, words and sources.

Marks are the chart's (:func:`vntimeline._export.chart.marks.shape_of`, pure
Python): x values are days since 1970-01-01 UTC, a milestone sits at ``a``,
a span's bar runs ``a..b``, bands are the ranges a date may lie in, and an
open side is ``null`` (it runs to the edge of the view). Everything a reader
sees in words (dates, statuses, legend) is written here, in the page's
language, so the page's script only places things.

Events are stacked into rows per lane here, once: each takes the first row
where it starts after the previous mark has ended plus room for a label
(:data:`LABEL_ROOM` of the window), up to :data:`MAX_ROWS` rows; beyond that
it shares the row that frees up first. The script hides labels that do not
fit at the current zoom.

Keys are short, because at 10,000 events every byte counts ten thousand
times. An event is ``{"i": id, "t": title, "n": lane index, "r": row,
"k": "m"|"s" (milestone or span), "s": status, "d": date in words,
"v": EDTF value, "x": explanation, "cl": claims}``, and when dated
``"a"``, ``"b"`` (its mark), ``"bd"`` (bands ``[lo, hi]``), ``"bs"``
(band style ``"c"`` conflict or ``"b"`` bounded), ``"h": 1`` (a hollow
diamond), ``"c": 1`` (conflict ring), ``"o": 1`` (open end). A claim is
``[source index, date in words, quote, note, followed]`` where *followed*
is 1 (the decision follows it), the reason it was not, or null; a source is
``{"t": title, "p": publisher, "u": http(s) URL, "d": published, "g": language}``.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from ..._locale import label, month_name, status_word
from ..._model.resolved import STATUSES
from ..._model.zones import get_zone
from ..chart.marks import Shape, padded_extent, shape_of
from ..chart.style import PALETTE, colours
from .options import Options
from .words import Words

if TYPE_CHECKING:
    from ..._model.events import Source, Timeline
    from ..._model.resolved import ResolvedEvent, ResolvedTimeline

__all__ = ["LABEL_ROOM", "MAX_ROWS", "WORDS", "payload"]

_DAY: Final = 86400.0
#: Rows a lane may use before events share them.
MAX_ROWS: Final = 24
#: The room kept after a mark for its label, as a fraction of the window.
LABEL_ROOM: Final = 0.12
#: The UI words the page shows, looked up with :func:`vntimeline._locale.label`.
WORDS: Final = (
    "milestone",
    "span",
    "uncertain",
    "conflict",
    "bounded",
    "open",
    "today",
    "sources",
    "quote",
    "explanation",
    "status",
    "date",
    "undated",
    "close",
    "followed",
    "not_followed",
    "zoom_in",
    "zoom_out",
    "reset",
    "timeline",
)
#: matplotlib's Tableau colours, which the data may name but a browser does not know.
TABLEAU: Final = {
    "tab:blue": "#1f77b4",
    "tab:orange": "#ff7f0e",
    "tab:green": "#2ca02c",
    "tab:red": "#d62728",
    "tab:purple": "#9467bd",
    "tab:brown": "#8c564b",
    "tab:pink": "#e377c2",
    "tab:gray": "#7f7f7f",
    "tab:olive": "#bcbd22",
    "tab:cyan": "#17becf",
}


def payload(resolved: ResolvedTimeline, options: Options) -> dict[str, Any]:
    """Everything the page shows, as plain JSON data (see the module docstring)."""
    lang, zone = options.lang, resolved.timezone
    lanes = {c: i for i, c in enumerate(options.categories)}
    shapes = {r.id: shape_of(r) for r in resolved if r.category in lanes}
    low, high = _window(list(filter(None, shapes.values())), options)
    chosen = [
        r for r in resolved if r.category in lanes and _inside(shapes[r.id], low, high, options)
    ]
    rows = _rows(chosen, shapes, lanes, low, high)
    words = Words(lang)
    sources = _Sources(resolved.timeline, words, zone)
    events = [
        _event(r, shapes[r.id], lanes[r.category], rows[r.id], words, sources)
        for r in _ordered(chosen, shapes, lanes, low)
    ]
    return {
        "lang": lang,
        "title": options.title,
        "offset": _offset(zone, (low + high) / 2),
        "window": [_x(low), _x(high)],
        "months": [month_name(m, lang) for m in range(1, 13)],
        "monthsShort": [month_name(m, lang, short=True) for m in range(1, 13)],
        "words": {key: label(key, lang) for key in WORDS},
        "statuses": {status: status_word(status, lang) for status in STATUSES},
        "lanes": [
            {
                "id": c,
                "label": resolved.timeline.category_label(c),
                "color": _colour(resolved, c),
                "rows": max([rows[r.id] + 1 for r in chosen if r.category == c], default=1),
            }
            for c in options.categories
        ],
        "sources": sources.table,
        "events": events,
    }


def _colour(resolved: ResolvedTimeline, category: str) -> str:
    """The category's declared colour (as CSS), else the chart's from the palette."""
    declared = resolved.timeline.category_color(category)
    if declared is not None:
        return TABLEAU.get(declared, declared)
    return colours(resolved.timeline.categories).get(category, PALETTE[0])


def _window(shapes: Sequence[Shape], options: Options) -> tuple[float, float]:
    """The days shown at first: the chart's period (since..until, else the data's extent)."""
    low = None if options.since is None else options.since / _DAY
    high = None if options.until is None else options.until / _DAY
    return padded_extent(shapes, low, high)


def _inside(shape: Shape | None, low: float, high: float, options: Options) -> bool:
    """Whether an event is shown: undated ones always, dated ones when they meet the window."""
    if shape is None or (options.since is None and options.until is None):
        return True
    return shape.low < high and shape.high > low


def _rows(
    chosen: Sequence[ResolvedEvent],
    shapes: dict[str, Shape | None],
    lanes: dict[str, int],
    low: float,
    high: float,
) -> dict[str, int]:
    """Each event's row in its lane (see the module docstring); undated events get row 0."""
    room = (high - low) * LABEL_ROOM
    ends: dict[str, list[float]] = {c: [] for c in lanes}
    rows: dict[str, int] = {}
    for r in sorted(chosen, key=lambda r: _key(shapes[r.id], low, r.id)):
        shape = shapes[r.id]
        if shape is None:
            rows[r.id] = 0
            continue
        start, stop = max(shape.low, low), min(shape.high, high) + room
        taken = ends[r.category]
        row = next((i for i, end in enumerate(taken) if end <= start), None)
        if row is None and len(taken) < MAX_ROWS:
            row = len(taken)
            taken.append(stop)
        elif row is None:  # every row taken: share the one that frees up first
            row = min(range(len(taken)), key=taken.__getitem__)
        taken[row] = max(taken[row], stop)
        rows[r.id] = row
    return rows


def _key(shape: Shape | None, low: float, event_id: str) -> tuple[float, float, str]:
    """The order of events in a lane: by where they start, then where the mark is, then id."""
    if shape is None:
        return (math.inf, math.inf, event_id)
    return (max(shape.low, low), shape.a if math.isfinite(shape.a) else low, event_id)


def _ordered(
    chosen: Sequence[ResolvedEvent],
    shapes: dict[str, Shape | None],
    lanes: dict[str, int],
    low: float,
) -> list[ResolvedEvent]:
    """Events lane by lane, each lane in time order (undated last): the order Tab visits them."""
    return sorted(chosen, key=lambda r: (lanes[r.category], *_key(shapes[r.id], low, r.id)))


def _event(
    event: ResolvedEvent,
    shape: Shape | None,
    lane: int,
    row: int,
    words: Words,
    sources: _Sources,
) -> dict[str, Any]:
    """One event's JSON object (keys in the module docstring)."""
    zone = event.event.timezone
    timeline = sources.timeline
    dissent = {d.source: d.reason for d in reversed(event.dissent)}
    claims = [
        [
            sources.index(timeline.source(c.source)),
            words.claim(c.start, c.end, zone),
            c.quote,
            c.note,
            1 if c.source in event.sources else dissent.get(c.source),
        ]
        for c in event.event.claims
    ]
    entry: dict[str, Any] = {
        "i": event.id,
        "t": event.title,
        "n": lane,
        "r": row,
        "k": "s" if event.kind == "span" else "m",
        "s": event.status,
        "d": words.event(event),
        "v": _value(event),
        "x": event.explanation,
        "cl": claims,
    }
    if shape is not None:
        entry["a"], entry["b"] = _x(shape.a), _x(shape.b)
        if shape.bands:
            entry["bd"] = [[_x(lo), _x(hi)] for lo, hi in shape.bands]
        if shape.band != "range":
            entry["bs"] = "c" if shape.band == "conflict" else "b"
        for key, flag in (("h", shape.hollow), ("c", shape.conflict), ("o", shape.open_end)):
            if flag:
                entry[key] = 1
    return entry


def _value(event: ResolvedEvent) -> str:
    """The decided date as EDTF: the start, and a span's end after a slash."""
    start = "" if event.start is None else event.start.value
    if event.end is None:
        return start
    return f"{start}/{event.end.value}"


def _x(value: float) -> float | None:
    """An x value for JSON: days rounded to a second's precision, ``None`` for an open side."""
    return round(value, 5) if math.isfinite(value) else None


def _offset(zone: str, day: float) -> float:
    """The zone's offset from UTC in days, mid-window: where its midnights fall on the axis."""
    moment = _dt.datetime.fromtimestamp(day * _DAY, _dt.UTC).astimezone(get_zone(zone))
    offset = moment.utcoffset()
    return 0.0 if offset is None else round(offset.total_seconds() / _DAY, 6)


class _Sources:
    """The sources the page cites, each written once and referred to by its index."""

    def __init__(self, timeline: Timeline, words: Words, zone: str) -> None:
        self.timeline = timeline
        self.table: list[dict[str, str]] = []
        self._index: dict[str, int] = {}
        self._words, self._zone = words, zone

    def index(self, source: Source) -> int:
        """The index of *source* in :attr:`table`, adding it on first use."""
        found = self._index.get(source.id)
        if found is None:
            found = self._index[source.id] = len(self.table)
            self.table.append(self._entry(source))
        return found

    def _entry(self, source: Source) -> dict[str, str]:
        entry = {"t": source.title, "p": source.publisher, "g": source.language}
        if source.url is not None and source.url.lower().startswith(("http://", "https://")):
            entry["u"] = source.url
        if source.published is not None:
            entry["d"] = self._words.claim(source.published, None, self._zone)
        return entry
