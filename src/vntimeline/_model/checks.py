"""The model's validators and converters: each names the class and field it checks.

A bad value given in code raises :class:`~vntimeline.errors.DataError` holding one
:class:`~vntimeline.Problem` whose path is ``Class.field`` and which has no
line or column, so it reads like the loader's problems::

    Source.id: expected a lowercase slug such as 'nanning-roundtable', got 'Bad Id'

Texts are normalised to NFC, as the loader normalises them, so a timeline
built in code and the same timeline read from a file are equal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, Final, NoReturn

import attrs

from ..errors import DataError, DateError, Problem
from .zones import get_zone

__all__ = [
    "INHERIT",
    "LANGUAGE_TAG",
    "LINE_BREAK",
    "PUBLIC_URL",
    "SLUG",
    "URL",
    "URL_RULE",
    "check_one_line",
    "fail",
    "field_path",
    "items_of",
    "nfc",
    "nfc_texts",
    "one_line_text",
    "one_of",
    "optional_text",
    "slug",
    "slugs",
    "suggest",
    "text",
    "texts",
    "to_tuple",
    "zone",
    "zone_or_inherit",
]

SLUG: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LANGUAGE_TAG: Final = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
#: An http(s) URL (a source's, or where a timeline's feeds are published): a
#: host, and no character that would need escaping in HTML or a calendar, or
#: that a browser reads otherwise (spaces, quotes, angle brackets,
#: backslashes, control characters): ``https://x"><script>`` is refused.
URL: Final = re.compile(
    r"https?://[^\s\"'<>\\\x00-\x1f\x7f-\x9f/?#]+(?:[/?#][^\s\"'<>\\\x00-\x1f\x7f-\x9f]*)?"
)
#: Where a timeline's feeds are published: the same rule as :data:`URL`.
PUBLIC_URL: Final = URL
#: What a URL must be, in words (for messages).
URL_RULE: Final = "an http(s) URL with a host and no spaces, quotes, angle brackets or backslashes"
#: An event's zone before it joins a timeline: "use the timeline's zone".
INHERIT: Final = "inherit"

#: Characters that end a line for ``str.splitlines``.
LINE_BREAK: Final = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def suggest(word: str, choices: Iterable[str]) -> str:
    """A " (did you mean 'x'?)" hint for a misspelt *word*, or ``""``."""
    import difflib  # only when something is misspelt: ``import vntimeline`` stays light

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def fail(path: str, message: str) -> NoReturn:
    """Raise a DataError with one problem at *path* (``Class.field``), found in code."""
    raise DataError([Problem(path, 0, 0, message)])


def field_path(inst: object, attribute: attrs.Attribute[Any]) -> str:
    """``Class.field`` of the value being checked."""
    return f"{type(inst).__name__}.{attribute.name}"


# -- converters ----------------------------------------------------------------


def nfc(value: Any) -> Any:
    """Text in NFC (anything else unchanged, for the validator to refuse)."""
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def to_tuple(value: Any) -> Any:
    """Any iterable but a string frozen into a tuple (anything else unchanged)."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def nfc_texts(value: Any) -> Any:
    """A tuple of texts in NFC (see :func:`to_tuple`)."""
    value = to_tuple(value)
    return tuple(nfc(item) for item in value) if isinstance(value, tuple) else value


# -- validators ------------------------------------------------------------------


def slug(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A lowercase slug such as ``nanning-roundtable``."""
    if not isinstance(value, str) or SLUG.fullmatch(value) is None:
        fail(
            field_path(inst, attribute),
            f"expected a lowercase slug such as 'nanning-roundtable', got {value!r}",
        )


def text(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Non-empty text."""
    if not isinstance(value, str) or not value.strip():
        fail(field_path(inst, attribute), f"expected non-empty text, got {value!r}")


def optional_text(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Non-empty text, or None."""
    if value is not None:
        text(inst, attribute, value)


def check_one_line(path: str, value: object) -> None:
    """Refuse (at *path*) anything but non-empty text on one line."""
    if not isinstance(value, str) or not value.strip():
        fail(path, f"expected non-empty text, got {value!r}")
    if LINE_BREAK.search(value):
        fail(path, f"expected one line of text, got {value!r}")


def one_line_text(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Non-empty text on one line, or None (a name or a label)."""
    if value is not None:
        check_one_line(field_path(inst, attribute), value)


def one_of(choices: tuple[str, ...]) -> Validator:
    """A validator: one of *choices*."""

    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in choices:
            hint = suggest(value, choices) if isinstance(value, str) else ""
            fail(
                field_path(inst, attribute),
                f"expected one of {', '.join(choices)}; got {value!r}{hint}",
            )

    return check


def zone(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An IANA time zone name that means the same zone on every machine."""
    if not isinstance(value, str):
        fail(
            field_path(inst, attribute),
            f"expected an IANA time zone name such as 'Asia/Ho_Chi_Minh', got {value!r}",
        )
    try:
        get_zone(value)
    except DateError as exc:
        fail(field_path(inst, attribute), str(exc))


def zone_or_inherit(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A zone name, or ``"inherit"`` (the timeline's zone)."""
    if value != INHERIT:
        zone(inst, attribute, value)


def slugs(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A tuple of slugs."""
    _sequence(inst, attribute, value, "ids")
    assert isinstance(value, tuple)
    for i, item in enumerate(value):
        if not isinstance(item, str) or SLUG.fullmatch(item) is None:
            fail(
                f"{field_path(inst, attribute)}[{i}]",
                f"expected a lowercase slug such as 'nanning-roundtable', got {item!r}",
            )


def texts(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A tuple of non-empty texts."""
    _sequence(inst, attribute, value, "texts")
    assert isinstance(value, tuple)
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            fail(f"{field_path(inst, attribute)}[{i}]", f"expected non-empty text, got {item!r}")


def items_of(kind: type, what: str) -> Validator:
    """A validator: a tuple of *kind* objects (*what* names them in messages)."""

    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        _sequence(inst, attribute, value, what)
        assert isinstance(value, tuple)
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                fail(
                    f"{field_path(inst, attribute)}[{i}]",
                    f"expected {kind.__name__} objects, got {item!r}",
                )

    return check


def _sequence(inst: object, attribute: attrs.Attribute[Any], value: object, what: str) -> None:
    """Refuse what the converter could not freeze into a tuple (a string, a number)."""
    if not isinstance(value, tuple):
        got = f"the string {value!r}" if isinstance(value, str) else repr(value)
        fail(field_path(inst, attribute), f"expected a list of {what}, got {got}")
