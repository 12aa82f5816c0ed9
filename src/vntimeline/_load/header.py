"""Read the keys that describe the timeline itself: ``name``, ``url`` and ``categories``.

Each value is read into what :class:`~vntimeline.Timeline` takes, or
reported at its FILE:LINE:COL with what was expected (a colour names the
colours accepted, a category's unknown key the keys allowed).
"""

from __future__ import annotations

from .._model.categories import CATEGORY_KEYS, Category
from .._model.checks import LINE_BREAK, PUBLIC_URL, SLUG
from .._model.colors import COLOR_HELP, CSS4_COLORS, TABLEAU_COLORS, is_color
from .._model.events import suggest
from .composer import Node, is_null
from .fields import Fields

__all__ = ["read_categories", "read_name", "read_url"]


def read_name(fields: Fields, node: Node) -> str | None:
    """The timeline's name: one line of text (a null counts as absent)."""
    return None if is_null(node) else one_line(fields, node, "name", "the timeline's name")


def read_url(fields: Fields, node: Node) -> str | None:
    """Where the built feeds are published: an http(s) URL (a null counts as absent)."""
    if is_null(node):
        return None
    return fields.matching(
        node,
        "url",
        PUBLIC_URL,
        "an http(s) URL where the feeds are published, such as "
        "'https://example.org/timeline/' (no spaces, quotes, angle brackets or backslashes)",
    )


def read_categories(fields: Fields, node: Node) -> dict[str, Category]:
    """The ``categories`` mapping: id -> Category, each value checked."""
    found: dict[str, Category] = {}
    entries = fields.mapping(
        node, "categories", None, "a mapping of category ids to their label and color"
    )
    for category_id, (key_node, value_node) in (entries or {}).items():
        where = f"categories.{category_id}"
        ok = True
        if SLUG.fullmatch(category_id) is None:
            fields.report(
                key_node,
                where,
                f"category id must be a lowercase slug such as 'policy', found {category_id!r}",
            )
            ok = False
        if is_null(value_node):  # declared, with neither label nor colour
            if ok:
                found[category_id] = Category()
            continue
        keys = fields.mapping(value_node, where, CATEGORY_KEYS, "a category (label and color)")
        if keys is None:
            continue
        label = color = None
        if "label" in keys and not is_null(keys["label"][1]):
            label = one_line(fields, keys["label"][1], f"{where}.label", "a label")
            ok = ok and label is not None
        if "color" in keys:
            color = read_color(fields, keys["color"][1], f"{where}.color")
            ok = ok and color is not None
        if ok:
            found[category_id] = Category(label=label, color=color)
    return found


def read_color(fields: Fields, node: Node, where: str) -> str | None:
    """A colour: hex, a CSS colour name or a Tableau colour (never null: see below)."""
    if is_null(node):
        # ``color: #1f77b4`` is a comment, not a colour: say so.
        fields.report(
            node,
            where,
            f"expected {COLOR_HELP}; found nothing (null). Quote a hex colour: "
            "color: '#1f77b4' (an unquoted # starts a comment)",
        )
        return None
    value = fields.scalar(node, where, "a colour")
    if value is not None and not is_color(value):
        hint = suggest(value, [*CSS4_COLORS, *TABLEAU_COLORS])
        fields.report(node, where, f"expected {COLOR_HELP}; found {value!r}{hint}")
        return None
    return value


def one_line(fields: Fields, node: Node, where: str, what: str) -> str | None:
    """Non-empty text on one line (a name, a label)."""
    value = fields.text(node, where, what)
    if value is not None and LINE_BREAK.search(value):
        fields.report(node, where, f"expected {what} on one line, found {value!r}")
        return None
    return value
