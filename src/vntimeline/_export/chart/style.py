"""The chart's look: its colours, its font, and the sizes of marks and text in points."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

__all__ = [
    "BAND",
    "BAR",
    "DIAMOND",
    "FONT",
    "INK",
    "LABEL_PT",
    "LANE_PAD",
    "LANE_PT",
    "MARGIN",
    "MIN_BAR_PT",
    "MUTED",
    "NEUTRAL",
    "NOTE_PT",
    "PAD_PT",
    "PALETTE",
    "RING",
    "ROW_PT",
    "TITLE_PT",
    "WHISKER_PT",
    "colours",
    "darker",
]

#: Okabe & Ito's colour-blind-safe palette, strongest on white first. A
#: category's colour is its place among all the timeline's categories in
#: alphabetical order, so it is the same in every chart of that timeline.
PALETTE: Final = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")
INK, MUTED, NEUTRAL = "#1a1a1a", "#595959", "#6b6b6b"

FONT: Final = "DejaVu Sans"  # bundled with matplotlib; has every Vietnamese letter
LABEL_PT, LANE_PT = 8.0, 9.0
TITLE_PT, NOTE_PT = 13.0, 7.5

ROW_PT: Final = 15.0  # the height of one row of marks and labels
MARGIN: Final = 0.15  # inches around our own figure's content
LANE_PAD: Final = 0.35  # rows of air above and below a lane's rows
PAD_PT: Final = 4.0  # between a mark and its label (the same pad labels.place uses)
DIAMOND: Final = 6.5  # marker size in points; a diamond is 1.41 times as wide
RING: Final = 13.0
WHISKER_PT: Final = 18.0
MIN_BAR_PT: Final = 3.0
BAR, BAND = 0.56, 0.74  # heights, in rows


def colours(categories: Iterable[str]) -> dict[str, str]:
    """Each of a timeline's *categories* with its colour (see :data:`PALETTE`)."""
    every = sorted(categories)
    return {c: PALETTE[every.index(c) % len(PALETTE)] for c in every}


def darker(colour: str, amount: float = 0.35) -> tuple[float, float, float]:
    """*colour* mixed with black: edges that stay visible on light fills (yellow)."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(colour)
    return (r * (1 - amount), g * (1 - amount), b * (1 - amount))
