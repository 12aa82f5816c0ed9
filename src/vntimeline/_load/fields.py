"""Read one value from a node, or report at its FILE:LINE:COL what was expected.

Every problem in the file is collected, not just the first: a reader that
finds a bad value reports it with its key path (``events[0] (a).title``) and
place, and carries on with the next. The problems become one
:class:`~vntimeline.errors.DataError` (see ``docs/reference/data-format.rst``
for the format the readers check).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
import zoneinfo
from collections.abc import Iterable
from typing import Any

from .._model.dates import DateRange, EventDate, PartialDate, portable_zone_name
from .._model.events import SLUG, suggest
from ..errors import DateError, Problem
from .composer import MappingNode, Node, ScalarNode, SequenceNode, StreamedList, is_null

__all__ = ["Fields"]


class Fields:
    """Reads the values of nodes into text, dates, zones and numbers, collecting problems."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.problems: list[Problem] = []
        self._dates: dict[str, EventDate] = {}  # dates repeat: parse each text once

    # -- reporting ---------------------------------------------------------------

    def report(self, node: Node, where: str, message: str) -> None:
        """Record a problem at *node*, prefixed with its key path."""
        self.report_at(node.start_mark, where, message)

    def report_at(self, mark: Any, where: str, message: str) -> None:
        """Record a problem at a mark (a node's start), prefixed with its key path."""
        prefix = f"{where}: " if where else ""
        self.problems.append(Problem(self.label, mark.line + 1, mark.column + 1, prefix + message))

    # -- shapes ------------------------------------------------------------------

    def mapping(
        self, node: Node, where: str, allowed: tuple[str, ...] | None, what: str
    ) -> dict[str, tuple[Node, Node]] | None:
        """The entries of a mapping node, or None after reporting why it is not one.

        A repeated key is reported, not silently won by its last value as in
        PyYAML; merge keys are refused, like aliases (see :mod:`.composer`).
        """
        if not isinstance(node, MappingNode):
            self.report(
                node,
                where,
                f"expected {what} (a mapping of keys to values), found {_describe(node)}",
            )
            return None
        entries: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            key_where = f"{where}.{key_node.value}" if where else str(key_node.value)
            if not isinstance(key_node, ScalarNode):
                self.report(key_node, where, f"expected a plain key, found {_describe(key_node)}")
                continue
            key = key_node.value
            if key == "<<":
                self.report(
                    key_node, where, "merge keys (<<) are not allowed: write the entries out"
                )
                continue
            if key in entries:
                first = entries[key][0].start_mark.line + 1
                self.report(
                    key_node,
                    key_where,
                    f"duplicate key {key!r} (first given on "
                    f"line {first}); each key may appear once",
                )
                continue
            if allowed is not None and key not in allowed:
                self.report(
                    key_node,
                    key_where,
                    f"unknown key {key!r}{suggest(key, allowed)}; "
                    f"expected one of {', '.join(allowed)}",
                )
                continue
            entries[key] = (key_node, value_node)
        return entries

    def sequence(self, node: Node, where: str, what: str) -> Iterable[Node]:
        """The items of a sequence node, or [] after reporting why it is not one."""
        if is_null(node):
            return []
        if not isinstance(node, SequenceNode):
            self.report(node, where, f"expected a list of {what}, found {_describe(node)}")
            return []
        if isinstance(node, StreamedList):
            return node.items
        return list(node.value)

    # -- values ------------------------------------------------------------------

    def scalar(self, node: Node, where: str, what: str) -> str | None:
        """The raw text of a scalar node, or None after reporting what was expected."""
        if not isinstance(node, ScalarNode) or is_null(node):
            self.report(node, where, f"expected {what}, found {_describe(node)}")
            return None
        return str(node.value)

    def text(self, node: Node, where: str, what: str = "text") -> str | None:
        """Non-empty text, normalised to NFC (so quotes and titles compare reliably)."""
        value = self.scalar(node, where, what)
        if value is None:
            return None
        if not value.strip():
            self.report(node, where, f"expected {what}, found an empty string")
            return None
        return unicodedata.normalize("NFC", value)

    def matching(self, node: Node, where: str, pattern: re.Pattern[str], what: str) -> str | None:
        """Text that must match *pattern* entirely."""
        value = self.scalar(node, where, what)
        if value is not None and pattern.fullmatch(value) is None:
            self.report(node, where, f"expected {what}, found {value!r}")
            return None
        return value

    def choice(self, node: Node, where: str, choices: tuple[str, ...]) -> str | None:
        """One of a fixed set of words."""
        value = self.scalar(node, where, "one of " + ", ".join(choices))
        if value is not None and value not in choices:
            self.report(
                node,
                where,
                f"expected one of {', '.join(choices)}, found {value!r}{suggest(value, choices)}",
            )
            return None
        return value

    def point(self, node: Node, where: str) -> PartialDate | None:
        """One EDTF date, not a range (a source's ``published``)."""
        found = self.date(node, where)
        if isinstance(found, DateRange):
            self.report(
                node,
                where,
                f"expected a single date (when the source appeared), found the range {found}",
            )
            return None
        return found

    def date(self, node: Node, where: str) -> EventDate | None:
        """An EDTF date or range (see ``docs/reference/dates.rst``)."""
        if isinstance(node, SequenceNode):
            # YAML reads an unquoted [..2026-03-08] as a list.
            self.report(
                node,
                where,
                "expected an EDTF date, found a list; quote a 'one of' range: '[..2026-03-08]'",
            )
            return None
        value = self.scalar(node, where, "an EDTF date such as 2025-09-18")
        if value is None:
            return None
        found = self._dates.get(value)
        if found is not None:
            return found
        try:
            found = self._dates[value] = PartialDate.parse(value)
        except DateError as exc:
            self.report(node, where, str(exc))
            return None
        return found

    def zone(self, node: Node, where: str) -> str | None:
        """An IANA time zone name."""
        value = self.scalar(node, where, "an IANA time zone such as Asia/Ho_Chi_Minh")
        if value is None:
            return None
        if not _known_zone(value):
            self.report(
                node,
                where,
                f"unknown time zone {value!r}"
                f"{suggest(value, _zone_names())}; expected an IANA "
                "name such as Asia/Ho_Chi_Minh",
            )
            return None
        return value

    def number(self, node: Node, where: str) -> float | None:
        """A positive, finite number."""
        value = self.scalar(node, where, "a positive number")
        if value is None:
            return None
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not (math.isfinite(number) and number > 0) or value.lower() in (".inf", ".nan"):
            self.report(node, where, f"expected a positive number, found {value!r}")
            return None
        return number

    def slugs(self, node: Node, where: str, what: str) -> list[tuple[str, Node]]:
        """A list of ids, each with its node (for reporting references later)."""
        found = []
        for i, item in enumerate(self.sequence(node, where, what)):
            value = self.matching(item, f"{where}[{i}]", SLUG, f"{what[:-1]} (a lowercase slug)")
            if value is not None:
                found.append((value, item))
        return found


def _describe(node: Node) -> str:
    """How a node looks to a person: 'a list', 'null', the text itself."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if is_null(node):
        return "nothing (null)"
    text = str(node.value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


@functools.lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    """The portable IANA zone names, for suggesting one."""
    return frozenset(name for name in zoneinfo.available_timezones() if portable_zone_name(name))


@functools.lru_cache(maxsize=256)
def _known_zone(name: str) -> bool:
    """Whether *name* is a real, portable IANA zone name."""
    # ZoneInfo would also accept paths like "../x"; only real zone names count.
    if name.startswith(("/", ".")) or ".." in name or not portable_zone_name(name):
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True
