"""What a timeline says about its categories: a label and a colour for each id.

Events name their category by id (``policy``); a timeline may declare its
categories, in the order they should be shown, each with a label for people
and a colour for charts and pages (see :mod:`.colors` for the colours).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

import attrs

from ..errors import DataError, Problem
from .checks import SLUG, fail, field_path, nfc, one_line_text, suggest
from .colors import COLOR_HELP, CSS4_COLORS, TABLEAU_COLORS, is_color

__all__ = ["CATEGORY_KEYS", "Category", "CategoryMap", "to_category_map"]

#: The keys of a category, in a file and in a plain dict given in code.
CATEGORY_KEYS: Final = ("label", "color")


def _color(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not is_color(value):
        hint = suggest(value, [*CSS4_COLORS, *TABLEAU_COLORS]) if isinstance(value, str) else ""
        fail(field_path(inst, attribute), f"expected {COLOR_HELP}; got {value!r}{hint}")


@attrs.frozen
class Category:
    """How a category is shown: its *label* and its *color* (either may be None).

    A colour is ``#rgb``, ``#rrggbb`` or ``#rrggbbaa``, a CSS colour name
    such as ``teal``, or ``tab:blue`` .. ``tab:cyan``.
    """

    label: str | None = attrs.field(default=None, converter=nfc, validator=one_line_text)
    color: str | None = attrs.field(default=None, validator=_color)


class CategoryMap(Mapping[str, Category]):
    """An immutable, hashable mapping of category ids to :class:`Category`, in order."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, Category] | None = None) -> None:
        self._items: dict[str, Category] = dict(items or {})

    def __getitem__(self, key: str) -> Category:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(tuple(self._items.items()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self._items,))


def to_category_map(value: Any) -> CategoryMap:
    """The ``categories`` a Timeline is given, checked: id -> Category (or a plain dict).

    Raises :class:`~vntimeline.errors.DataError` naming ``Timeline.categories.<id>``.
    """
    if isinstance(value, CategoryMap):
        return value
    if value is None:
        return CategoryMap()
    if not isinstance(value, Mapping):
        fail(
            "Timeline.categories",
            f"expected a mapping of category ids to categories, got {value!r}",
        )
    found: dict[str, Category] = {}
    for key, item in value.items():
        where = f"Timeline.categories.{key}"
        if not isinstance(key, str) or SLUG.fullmatch(key) is None:
            fail(
                "Timeline.categories",
                f"expected category ids that are lowercase slugs such as 'policy', got {key!r}",
            )
        found[key] = _category(where, item)
    return CategoryMap(found)


def _category(where: str, item: object) -> Category:
    """One category: a Category, a dict of its keys, or None (neither label nor colour)."""
    if isinstance(item, Category):
        return item
    if item is None:
        return Category()
    if not isinstance(item, Mapping):
        fail(where, f"expected a Category or a dict with {' and/or '.join(CATEGORY_KEYS)}")
    for key in item:
        if key not in CATEGORY_KEYS:
            hint = suggest(key, CATEGORY_KEYS) if isinstance(key, str) else ""
            fail(
                where,
                f"unknown key {key!r}{hint}; expected one of {', '.join(CATEGORY_KEYS)}",
            )
    try:
        return Category(**item)
    except DataError as exc:  # "Category.color: ..." said where it was given
        raise DataError(
            [
                Problem(where + p.path.removeprefix("Category"), p.line, p.column, p.message)
                for p in exc.problems
            ]
        ) from None
