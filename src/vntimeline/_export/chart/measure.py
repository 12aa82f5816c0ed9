"""Text widths in points, from the chart font's unhinted advances: what labels are fitted by.

Text is drawn unhinted too (the figure class enforces it), so measured and
drawn widths agree at every resolution.
"""

from __future__ import annotations

import functools

from .style import FONT

__all__ = ["TextWidth", "text_width"]


class TextWidth:
    """Width in points of text in one font: unhinted advances, cached per character.

    Drawn (unhinted) text is never wider than this plus a fraction of a
    point, at any dpi; measuring every label through a renderer would cost
    a millisecond each.
    """

    def __init__(self, size: float, weight: str = "normal") -> None:
        """Load the chart's font at *size* points in *weight*."""
        from matplotlib.font_manager import FontProperties, findfont
        from matplotlib.ft2font import FT2Font

        self._font = FT2Font(findfont(FontProperties(family=FONT, weight=weight)))
        self._font.set_size(size, 72)  # one pixel per point
        self._size = size
        self._cache: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        """The width of *text* in points (0 for empty text)."""
        if not text:
            return 0.0
        cache = self._cache
        try:
            return 1.0 + sum(map(cache.__getitem__, text))
        except KeyError:
            from matplotlib.ft2font import LoadFlags

            for char in set(text) - cache.keys():
                index = self._font.get_char_index(ord(char))
                if index == 0:  # not in the font: drawn from a fallback, allow an em
                    cache[char] = self._size
                    continue
                glyph = self._font.load_glyph(index, flags=LoadFlags.NO_HINTING)
                cache[char] = glyph.linearHoriAdvance / 65536
            return 1.0 + sum(map(cache.__getitem__, text))


@functools.lru_cache(maxsize=8)
def text_width(size: float, weight: str = "normal") -> TextWidth:
    """A shared (cached) measurer per font size and weight."""
    return TextWidth(size, weight)
