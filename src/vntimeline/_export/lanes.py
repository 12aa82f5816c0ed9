"""Which category lanes an exporter shows: one check shared by the chart and the page."""

from __future__ import annotations

from collections.abc import Sequence

from .._model.events import suggest
from ..errors import OptionError

__all__ = ["choose_lanes"]


def choose_lanes(
    known: Sequence[str], categories: Sequence[str] | None
) -> tuple[tuple[str, ...], bool]:
    """The lanes asked for, in that order, and whether they were asked for by name.

    By default every category, alphabetically: the chart and the page use the
    same order, so a category has the same place (and palette colour) in both.
    """
    if categories is None:
        return tuple(sorted(known)), False
    if isinstance(categories, str) or not all(isinstance(c, str) for c in categories):
        raise OptionError(f"categories must be a list of names, got {categories!r}")
    lanes = tuple(categories)
    if not lanes:
        raise OptionError("categories is empty: name at least one, or pass None for all")
    for name in lanes:
        if name not in known:
            raise OptionError(
                f"no category {name!r} in the timeline"
                f"{suggest(name, known)}; it has {', '.join(sorted(known))}"
            )
    if len(set(lanes)) != len(lanes):
        raise OptionError(f"categories names a category twice: {list(lanes)!r}")
    return lanes, True
