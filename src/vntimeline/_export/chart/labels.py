"""Fitting and placing the chart's text: fit each label, stack events into rows, wrap a title.

Theory of operation
-------------------
The chart gives each category a lane, and a lane as many rows as its
labels need. Everything here works in points measured from the left edge
of the plotting area, so it needs no matplotlib: the chart passes in a
``measure`` function (text -> width in points) taken from the font's
advances (:mod:`vntimeline._export.chart.measure`).

1. **Fit.** Each event offers its title, then its aliases (shorter names a
   reader also knows, such as "Decision 127/QD-TTg"). The first text that
   fits on some side of its mark wins, sides tried in the order right,
   left, inside (a bar wide enough to hold it). When no text fits whole,
   the title is shortened with an ellipsis to the widest room available;
   when even that room is too small, the event goes unlabelled.
2. **Stack.** An event occupies the interval from the left of everything
   drawn for it (mark, shaded ranges, label) to the right of it. Taking
   events in order of their left edge, each goes into the first row whose
   last occupant ends a gap before it starts: first-fit on intervals sorted
   by start, which uses the fewest rows possible. When the row limit is
   reached, an event that fits no row loses its label and is placed by its
   mark alone: into the first row free for it, else the first row where it
   covers no label, else one extra row that gathers such marks. Marks may
   then cover marks; no label ever touches another label or a mark.

Ties are broken by input order, so the same input always gives the same
layout.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Sequence
from typing import Final, Literal

import attrs

__all__ = ["Box", "Placement", "place", "shorten", "wrap"]

Side = Literal["right", "left", "inside"]
Measure = Callable[[str], float]

ELLIPSIS: Final = "…"
_SIDES: Final[tuple[Side, ...]] = ("right", "left", "inside")


@attrs.frozen
class Box:
    """What one event draws on its row, in points from the plot's left edge."""

    #: The diamond or bar a label is attached to.
    mark_left: float
    mark_right: float
    #: Everything drawn for the event (mark and shaded ranges).
    left: float
    right: float
    #: Whether a label may sit inside the mark (bars only).
    roomy: bool = False


@attrs.frozen
class Placement:
    """Where one event went: its row, and its label's side and text (``None``: no label)."""

    row: int
    side: Side | None
    text: str
    left: float
    right: float


def shorten(text: str, limit: float, measure: Measure) -> str:
    """*text* if it fits in *limit* points, else its longest prefix plus "…" that fits.

    Cuts at a word boundary when that keeps most of the text, never inside a
    letter and its combining marks; returns "" when not even one letter fits.
    """
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    if measure(text) <= limit:
        return text
    low, high = 0, len(text)  # invariant: text[:low] + "…" fits (or low == 0)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:middle].rstrip() + ELLIPSIS) <= limit:
            low = middle
        else:
            high = middle - 1
    while low > 0 and unicodedata.combining(text[low]):
        low -= 1
    if low == 0:
        return ""
    space = text.rfind(" ", 0, low + 1)
    # Prefer ending on a whole word, unless that throws away over a third.
    if space > 0 and space >= low * 2 // 3:
        low = space
    return text[:low].rstrip(" ,;:–-(") + ELLIPSIS


def _room(box: Box, side: Side, width: float, pad: float) -> float:
    """Points available for a label on *side* of *box* in a plot *width* wide."""
    if side == "right":
        return width - box.mark_right - pad
    if side == "left":
        return box.mark_left - pad
    return box.mark_right - box.mark_left - 2 * pad if box.roomy else 0.0


def _extent(box: Box, side: Side, label: float, pad: float) -> tuple[float, float]:
    """The interval *box* occupies with a label *label* points wide on *side*."""
    if side == "right":
        return box.left, max(box.right, box.mark_right + pad + label)
    if side == "left":
        return min(box.left, box.mark_left - pad - label), box.right
    return box.left, box.right


def _fit(
    box: Box,
    texts: Sequence[str],
    width: float,
    measure: Measure,
    *,
    limit: float,
    pad: float,
    shortest: float,
) -> tuple[Side | None, str, float]:
    """Choose the side, text and text width of one label (see the module docstring)."""
    rooms = {side: min(_room(box, side, width, pad), limit) for side in _SIDES}
    for text in texts:
        text_width = measure(text)
        for side in _SIDES:
            if text_width <= rooms[side]:
                return side, text, text_width
    side = max(_SIDES, key=lambda s: rooms[s])  # max keeps the first of equals
    if rooms[side] < shortest:
        return None, "", 0.0
    text = shorten(texts[0], rooms[side], measure)
    return (side, text, measure(text)) if text else (None, "", 0.0)


def place(
    boxes: Sequence[Box],
    labels: Sequence[Sequence[str]],
    width: float,
    measure: Measure,
    *,
    max_rows: int | None = None,
    limit: float = 200.0,
    pad: float = 4.0,
    gap: float = 8.0,
    shortest: float = 36.0,
) -> list[Placement]:
    """Fit a label to each box and stack the boxes into rows; one placement per box.

    *labels* holds each box's candidate texts, best first (title, aliases).
    *width* is the plot's width and *limit* the widest label, in points; *pad*
    separates a label from its mark and *gap* neighbours on a row.
    """
    fitted = []
    for box, texts in zip(boxes, labels, strict=True):
        side, text, text_width = _fit(
            box, [t for t in texts if t], width, measure, limit=limit, pad=pad, shortest=shortest
        )
        left, right = (box.left, box.right) if side is None else _extent(box, side, text_width, pad)
        fitted.append((side, text, left, right))
    order = sorted(range(len(boxes)), key=lambda i: (fitted[i][2], i))
    ends: list[float] = []  # per row: the right edge of its last occupant
    labelled: list[float] = []  # per row: the right edge of its last labelled occupant
    placed: list[Placement | None] = [None] * len(boxes)
    for i in order:
        side, text, left, right = fitted[i]
        row = _first_free(ends, left, gap)
        if row is None and (max_rows is None or len(ends) < max_rows):
            row = len(ends)
            ends.append(-math.inf)
            labelled.append(-math.inf)
        elif row is None:
            # Full: keep the mark, drop the label, and put the mark where it
            # covers no label (it may cover other marks).
            side, text, left, right = None, "", boxes[i].left, boxes[i].right
            row = _first_free(ends, left, gap)
            if row is None:
                row = _first_free(labelled, left, gap)
            if row is None:
                # One extra row gathers the marks that fit nowhere else.
                assert max_rows is not None  # (no cap: a new row was opened above)
                row = max_rows
                if len(ends) == max_rows:
                    ends.append(-math.inf)
                    labelled.append(-math.inf)
        ends[row] = max(ends[row], right)
        if side is not None:
            labelled[row] = max(labelled[row], right)
        placed[i] = Placement(row, side, text, left, right)
    return [p for p in placed if p is not None]


def _first_free(ends: list[float], left: float, gap: float) -> int | None:
    """The first row whose last occupant ends at least *gap* before *left*."""
    for row, end in enumerate(ends):
        if end + gap <= left:
            return row
    return None


def wrap(text: str, limit: float, measure: Measure, lines: int = 3) -> list[str]:
    """Greedy word wrap to *limit* points in at most *lines* lines (the last shortened)."""
    out: list[str] = []
    words = text.split()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and measure(f"{line} {words[0]}") <= limit:
            line = f"{line} {words.pop(0)}"
        out.append(line)
    if words:
        out[-1] = shorten(f"{out[-1]} {' '.join(words)}", limit, measure)
    return [shorten(line, limit, measure) or line for line in out]
