"""The chart's colours for text and background, taken from the active matplotlib style.

On matplotlib's default style (black text on white) the chart keeps its own
soft ink and greys (:data:`DEFAULT`), so default output never changes. Under
another style (``matplotlib.style.context("dark_background")``) text takes
the style's ``text.color``, and whatever sits behind text (label halos, the
box of a label inside a bar, hollow diamonds) takes the Axes' background;
lane shading, rules and grid are mixes of the two, so they keep contrasting.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, cast

import attrs

from .style import INK, MUTED

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["DEFAULT", "Theme", "active_theme"]


@attrs.frozen
class Theme:
    """The colours the chart draws text and background detail in."""

    #: Titles, labels, lane names, the "today" line, conflict rings.
    ink: str
    #: Date ticks, the footnote, the note in an empty lane.
    muted: str
    #: Behind text: label halos, the box of a label inside a bar, hollow diamonds.
    paper: str
    #: Every other lane's shading, the rules between lanes, the grid, the date axis.
    shading: str
    rules: str
    grid: str
    spine: str
    #: The page colour a saved file is filled with.
    page: str


DEFAULT: Final = Theme(
    ink=INK,
    muted=MUTED,
    paper="white",
    shading="#f5f5f5",
    rules="#d6d6d6",
    grid="#e3e3e3",
    spine="#8c8c8c",
    page="white",
)


def active_theme(ax: Axes | None = None) -> Theme:
    """The theme of the active style, on *ax*'s background (:data:`DEFAULT` on the default style).

    Text takes the style's ``text.color``; what sits behind text takes the
    background of *ax* (default: the style's ``axes.facecolor``), and a saved
    file the colour of *ax*'s figure (default: the style's ``figure.facecolor``).
    """
    import matplotlib
    from matplotlib.colors import same_color

    rc = cast("Mapping[str, Any]", matplotlib.rcParams)
    default = cast("Mapping[str, Any]", matplotlib.rcParamsDefault)
    figure = None if ax is None else ax.get_figure(root=True)
    text = rc["text.color"]
    page = rc["figure.facecolor"] if figure is None else figure.get_facecolor()
    paper = rc["axes.facecolor"] if ax is None else ax.get_facecolor()
    plain_text = bool(same_color(text, default["text.color"]))
    if (
        plain_text
        and same_color(page, default["figure.facecolor"])
        and same_color(paper, default["axes.facecolor"])
    ):
        return DEFAULT
    page = "white" if _clear(page) else page
    paper = page if _clear(paper) else paper
    ink = INK if plain_text else _hex(text)
    back = DEFAULT if same_color(paper, "white") else None
    return Theme(
        ink=ink,
        muted=MUTED if plain_text else ink,
        paper=_hex(paper),
        shading=back.shading if back else _mix(paper, ink, 0.05),
        rules=back.rules if back else _mix(paper, ink, 0.18),
        grid=back.grid if back else _mix(paper, ink, 0.12),
        spine=back.spine if back else _mix(paper, ink, 0.45),
        page=_hex(page),
    )


def _clear(colour: Any) -> bool:
    """Whether *colour* is wholly transparent (``none``)."""
    from matplotlib.colors import to_rgba

    return bool(to_rgba(colour)[3] == 0)


def _hex(colour: Any) -> str:
    """*colour* as ``#rrggbb`` (or ``#rrggbbaa`` when not opaque)."""
    from matplotlib.colors import to_hex, to_rgba

    return str(to_hex(colour, keep_alpha=to_rgba(colour)[3] < 1))


def _mix(base: Any, other: Any, amount: float) -> str:
    """*base* moved *amount* (0 to 1) of the way towards *other*, as ``#rrggbb``."""
    from matplotlib.colors import to_hex, to_rgb

    (r, g, b), (r2, g2, b2) = to_rgb(base), to_rgb(other)
    return str(to_hex((r + (r2 - r) * amount, g + (g2 - g) * amount, b + (b2 - b) * amount)))
