"""Finds as claims: the keys of the claim each proposes, written as YAML.

A find becomes a claim of a source: its value is the claim's ``start`` (an
interval is a span's ``start`` and ``end``, or a range ``[A..B]`` for a
milestone), its sentence the ``quote``, its note the ``note``. The YAML is
written as a person writes the data file: dates plain, text quoted only when
it must be, one claim per block item, and nothing wrapped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from .._model.convert import start_date
from .._model.events import Timeline
from ..errors import DataError
from .find import Find

__all__ = [
    "SOURCE_PLACEHOLDER",
    "block",
    "claim_fields",
    "flow",
    "review_yaml",
    "scalar",
]

#: The placeholder source of review YAML made without ``--source``.
SOURCE_PLACEHOLDER: Final = "TODO  # the id of this article's source in the data file"

#: EDTF that YAML reads as text when written plain (no quotes needed).
_PLAIN_DATE: Final = re.compile(r"[0-9X][0-9X:+\-TZ?~%/.]*")
_WHITESPACE: Final = re.compile(r"\s+")


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def claim_fields(find: Find, source: str, kind: str) -> dict[str, str]:
    """The keys of the claim a find proposes, in the data file's order.

    An interval value (``2017/2018``) is the start and end of a span event,
    and a range (``[2017..2018]``: some time in it) for a milestone. Raises
    :class:`~vntimeline.errors.DataError` when the value is no claim date.
    """
    value = find.value
    fields = {"source": source}
    bracketed = value.startswith("[")
    if "/" in value and not bracketed:
        first, last = value.split("/", 1)
        if kind == "span":
            if first != "..":
                fields["start"] = first
            fields["end"] = last
        else:
            fields["start"] = f"[{'' if first == '..' else first}..{'' if last == '..' else last}]"
    else:
        fields["start"] = value
    for key in ("start", "end"):
        if key in fields and fields[key] != "..":
            start_date(fields[key])  # a DataError for a value no claim can hold
    fields["quote"] = _collapse(find.quote)
    if find.note:
        fields["note"] = _collapse(find.note)
    return fields


def scalar(key: str, value: str, *, flow: bool = False) -> str:
    """*value* written as YAML that reads back as the same text."""
    if key in ("start", "end") and _PLAIN_DATE.fullmatch(value):
        return value
    if key == "source" and value.startswith("TODO"):
        return value
    if flow:
        # JSON strings are YAML double-quoted scalars: safe in any context.
        return json.dumps(value, ensure_ascii=False)
    import yaml  # only here: ``import vntimeline`` stays light

    dumped = yaml.safe_dump({"k": value}, allow_unicode=True, width=2**31 - 1)
    text: str = dumped[len("k: ") :].rstrip("\n")
    if "\n" in text or (text.startswith("'") and "'" in value):
        # One line, and "it's" rather than 'it''s': a JSON string is a YAML
        # double-quoted scalar.
        return json.dumps(value, ensure_ascii=False)
    return text


def block(fields: Mapping[str, str], dash: int, key: int) -> list[str]:
    """A claim as a block mapping item: ``- source: ...`` and its keys below."""
    lines = []
    for i, (name, value) in enumerate(fields.items()):
        prefix = " " * dash + "-" + " " * (key - dash - 1) if i == 0 else " " * key
        lines.append(f"{prefix}{name}: {scalar(name, value)}")
    return lines


def flow(fields: Mapping[str, str]) -> str:
    """A claim as a flow mapping: ``{source: s, start: 2021, quote: "..."}``."""
    return "{" + ", ".join(f"{k}: {scalar(k, v, flow=True)}" for k, v in fields.items()) + "}"


def review_yaml(
    finds: Sequence[Find],
    *,
    timeline: Timeline | None,
    source: str | None,
    title: str,
) -> str:
    """The finds as claims to review, grouped by event, as YAML text.

    Finds matched to an event are listed under ``- id: EVENT`` with their
    claims; the rest under a "new events?" comment, one stub event each.
    *title* is the first comment line (what was read). Without *source*
    the claims carry a placeholder to fill in.
    """
    kinds = {e.id: e.kind for e in timeline.events} if timeline is not None else {}
    by_event: dict[str, list[Find]] = {}
    new: list[Find] = []
    for find in finds:
        if find.event is not None and find.event in kinds:
            by_event.setdefault(find.event, []).append(find)
        else:
            new.append(find)
    lines = [
        f"# {title}",
        "# Review each claim, then copy it under its event's `claims:` in the data file",
        "# (or add them with `vntimeline extract FILE --into DATA --source ID`).",
    ]
    if not finds:
        lines.append("[]  # no date expressions found")
    for event_id, group in by_event.items():
        lines += [f"- id: {event_id}", "  claims:"]
        lines += _claims(group, source, kinds[event_id])
    if new:
        lines += ["", "# -- new events? These dates matched no known event. --"]
    for number, find in enumerate(new, 1):
        lines += [
            f"- id: new-event-{number}  # TODO: the new event's id, or move the claim",
            "  title: TODO",
            "  claims:",
        ]
        lines += _claims([find], source, "milestone")
    return "\n".join(lines) + "\n"


def _claims(finds: Iterable[Find], source: str | None, kind: str) -> list[str]:
    """The block lines of the claims of *finds* (a refused value as a comment)."""
    lines = []
    for find in finds:
        try:
            fields = claim_fields(find, source or SOURCE_PLACEHOLDER, kind)
        except DataError as exc:
            lines.append(f"    # not a claim date: {exc.problems[0].message}")
            continue
        lines += block(fields, 4, 6)
    return lines
