"""Categories: a label and a colour, and the colours every exporter can draw."""

from __future__ import annotations

from typing import Any

import matplotlib.colors
import pytest

from vntimeline import Category, DataError
from vntimeline._model.categories import CategoryMap
from vntimeline._model.colors import CSS4_COLORS, TABLEAU_COLORS, is_color


class TestCategory:
    def test_a_category_has_neither_label_nor_colour_unless_given(self) -> None:
        assert (Category().label, Category().color) == (None, None)

    @pytest.mark.parametrize(
        "color",
        ["#abc", "#ABC", "#1f77b4", "#1F77B4", "#1f77b480", "teal", "rebeccapurple", "tab:cyan"],
    )
    def test_hex_css_and_tableau_colours_are_accepted(self, color: str) -> None:
        assert Category(color=color).color == color

    @pytest.mark.parametrize(
        ("color", "hint"),
        [
            ("reddish", " (did you mean 'red'?)"),
            ("Teal", " (did you mean 'teal'?)"),
            ("tab:bleu", " (did you mean 'tab:blue'?)"),
            ("#abcd", ""),
            ("#1f77b", ""),
            ("1f77b4", ""),
            ("#ggg", ""),
            ("", ""),
            ((0.1, 0.2, 0.3), ""),
        ],
    )
    def test_anything_else_is_refused_saying_what_is_accepted(self, color: Any, hint: str) -> None:
        with pytest.raises(DataError) as info:
            Category(color=color)

        assert str(info.value) == (
            "Category.color: expected a colour: #rgb, #rrggbb or #rrggbbaa, a CSS colour "
            "name such as 'teal', or one of tab:blue, tab:orange, tab:green, tab:red, "
            "tab:purple, tab:brown, tab:pink, tab:gray, tab:olive, tab:cyan; "
            f"got {color!r}{hint}"
        )

    @pytest.mark.parametrize("label", ["", " ", "two\nlines", 3])
    def test_a_label_is_one_line_of_text(self, label: Any) -> None:
        with pytest.raises(DataError, match=r"^Category\.label: expected"):
            Category(label=label)

    def test_a_label_is_normalised_to_nfc(self) -> None:
        assert Category(label="Chi\u0301nh sa\u0301ch").label == "Chính sách"


class TestColours:
    def test_the_names_are_css4s_and_the_tableau_palette_as_matplotlib_has_them(self) -> None:
        assert frozenset(matplotlib.colors.CSS4_COLORS) == CSS4_COLORS
        assert tuple(matplotlib.colors.TABLEAU_COLORS) == TABLEAU_COLORS

    @pytest.mark.parametrize("color", [*sorted(CSS4_COLORS), *TABLEAU_COLORS, "#abc", "#1f77b480"])
    def test_matplotlib_can_draw_every_colour_accepted(self, color: str) -> None:
        assert is_color(color)
        assert matplotlib.colors.is_color_like(color)


class TestCategoryMap:
    def test_it_keeps_the_order_and_compares_like_a_dict(self) -> None:
        found = CategoryMap({"b": Category("B"), "a": Category()})

        assert list(found) == ["b", "a"]
        assert found == {"b": Category("B"), "a": Category()}
        assert found != {"a": Category(), "b": Category("C")}
        assert len(found) == 2
        assert found["b"].label == "B"

    def test_equal_maps_hash_alike(self) -> None:
        assert hash(CategoryMap({"a": Category("A")})) == hash(CategoryMap({"a": Category("A")}))

    def test_it_cannot_be_changed(self) -> None:
        found = CategoryMap({"a": Category()})

        with pytest.raises(TypeError):
            found["b"] = Category()  # type: ignore[index]
        assert "b" not in found
