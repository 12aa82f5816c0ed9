"""Write a Timeline as an events file: readable YAML that loads as the same Timeline.

:func:`dump` is the loader run backwards, so it lives beside the reader (not
in ``_export``, whose outputs are made from a *resolved* timeline and are
never read again): it writes the keys in the reader's own order
(:data:`~.reader.TOP_KEYS`, ...), leaves out what the reader would fill in
(defaults, an event's zone when it is the timeline's), and writes every value
so that the reader gives it back unchanged: ``loads(dump(t)) == t``.

How values are written: dates as their EDTF text, plain where YAML allows
(``2025-09-18``) and quoted where it does not (``'[..2026-03-08]'``); texts
plain when that reads back as the same text, else quoted (``'yes'``,
``'2021'``, ``': x'``); texts with line breaks as literal blocks (``|``);
``after``/``before`` as flow lists. PyYAML writes the text; it is imported
on first use.
"""

from __future__ import annotations

import functools
import math
from typing import Any, Final

import attrs

from .._model.categories import Category
from .._model.dates import DateRange, PartialDate
from .._model.events import DEFAULT_TIMEZONE, Claim, Event, Source, Timeline
from ..errors import DataError
from .reader import CLAIM_KEYS, EVENT_KEYS, SOURCE_KEYS, TOP_KEYS

__all__ = ["dump"]

#: Line breaks that YAML would turn into ``\n`` (or fold) unless escaped.
_ODD_BREAKS: Final = frozenset("\r\x85\u2028\u2029")


def dump(timeline: Timeline) -> str:
    """*timeline* as the YAML of an events file (see :func:`~vntimeline.loads`).

    Keys come in the file's order (name, url, timezone, categories, sources,
    events; within an event: id, title, kind, category, location, timezone,
    description, aliases, after, before, claims); defaults are left out.
    Raises :class:`~vntimeline.errors.DataError` if the timeline has
    :meth:`~vntimeline.Timeline.problems` (a file cannot hold two sources
    with one id, and would not load).
    """
    if problems := timeline.problems():
        raise DataError(problems)
    yaml = _yaml()
    text: str = yaml.dump(
        _document(timeline),
        Dumper=_dumper(),
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=math.inf,
    )
    return _spaced(text)


def _document(timeline: Timeline) -> dict[str, Any]:
    """The top level, in the reader's key order."""
    return _ordered(
        TOP_KEYS,
        name=timeline.name,
        url=timeline.url,
        timezone=None if timeline.timezone == DEFAULT_TIMEZONE else timeline.timezone,
        categories={key: _category(c) for key, c in timeline.category_info.items()} or None,
        sources={source.id: _source(source) for source in timeline.sources} or None,
        events=[_event(event, timeline.timezone) for event in timeline.events],
    )


def _category(category: Category) -> dict[str, Any]:
    return {key: value for key, value in attrs.asdict(category).items() if value is not None}


def _source(source: Source) -> dict[str, Any]:
    return _ordered(
        SOURCE_KEYS,
        title=source.title,
        publisher=source.publisher,
        url=source.url,
        published=source.published,
        authority=_unless_default(source, "authority"),
        language=_unless_default(source, "language"),
        seed=source.seed,
        weight=source.weight,
    )


def _event(event: Event, zone: str) -> dict[str, Any]:
    return _ordered(
        EVENT_KEYS,
        id=event.id,
        title=event.title,
        kind=_unless_default(event, "kind"),
        category=_unless_default(event, "category"),
        location=event.location,
        timezone=None if event.timezone == zone else event.timezone,
        description=event.description,
        aliases=list(event.aliases) or None,
        after=_Flow(event.after) or None,
        before=_Flow(event.before) or None,
        claims=[_claim(claim) for claim in event.claims] or None,
    )


def _claim(claim: Claim) -> dict[str, Any]:
    return _ordered(
        CLAIM_KEYS,
        source=claim.source,
        start=claim.start,
        end=claim.end,
        quote=claim.quote,
        note=claim.note,
    )


def _ordered(keys: tuple[str, ...], **values: Any) -> dict[str, Any]:
    """*values* in the order of *keys* (the reader's list), without the absent ones."""
    assert set(values) == set(keys), "the dumper and the reader must know the same keys"
    return {key: values[key] for key in keys if values[key] is not None}


def _unless_default(instance: Any, name: str) -> Any:
    """The value of field *name*, or None when it is the field's default."""
    value = getattr(instance, name)
    return None if value == attrs.fields_dict(type(instance))[name].default else value


class _Flow(list[str]):
    """A list written inline: ``[a, b]``."""


def _spaced(text: str) -> str:
    """A blank line before each top-level block, and between sources and between events.

    Only keys and list items start a line at the indentation looked at:
    block texts are indented deeper and quoted texts never break a line.
    """
    out: list[str] = []
    section, first = "", True
    for line in text.splitlines(keepends=True):
        if not line.startswith(" "):
            if out and line.rstrip().endswith(":"):  # a block: categories, sources, events
                out.append("\n")
            section = line.split(":", 1)[0]
            first = True
        elif (section == "sources" and line[2] != " ") or (
            section == "events" and line.startswith("  - ")
        ):
            if not first:
                out.append("\n")
            first = False
        out.append(line)
    return "".join(out)


@functools.cache
def _yaml() -> Any:
    import yaml  # on first use: ``import vntimeline`` stays light

    return yaml


@functools.cache
def _dumper() -> Any:
    """A SafeDumper that writes dates as EDTF text and texts so they read back the same."""
    yaml = _yaml()

    class Dumper(yaml.SafeDumper):  # type: ignore[misc, name-defined]
        def ignore_aliases(self, data: Any) -> bool:
            return True  # the loader refuses aliases: write every value out

        def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
            return super().increase_indent(flow, False)  # "  - id:" under "events:"

    def date(dumper: Any, data: PartialDate | DateRange) -> Any:
        # Tagged with the type YAML reads the plain text as, so that the
        # emitter may write it plainly (2025-09-18) where YAML allows.
        value = str(data)
        return dumper.represent_scalar(dumper.resolve(yaml.ScalarNode, value, (True, False)), value)

    def text(dumper: Any, data: str) -> Any:
        style = None
        if not _ODD_BREAKS.isdisjoint(data) or data.endswith("\n\n"):
            # Escaped: YAML would read odd breaks back as "\n", and a block
            # that keeps trailing blank lines (|+) would swallow the blank
            # line _spaced puts after it.
            style = '"'
        elif "\n" in data:
            style = "|"  # a literal block (PyYAML quotes it if it cannot be one)
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    def flow(dumper: Any, data: _Flow) -> Any:
        return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)

    Dumper.add_representer(PartialDate, date)
    Dumper.add_representer(DateRange, date)
    Dumper.add_representer(str, text)
    Dumper.add_representer(_Flow, flow)
    return Dumper
