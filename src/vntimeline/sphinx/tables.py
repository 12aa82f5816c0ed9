"""Docutils tables for the Sphinx directives: the events table and the disputed dates.

Only docutils nodes are built here (no Sphinx application), so a table can
be made and checked from a resolved timeline alone. Every table carries the
class ``vntimeline-events`` or ``vntimeline-conflicts`` and each status a
``vntimeline-status-<status>`` class, for the stylesheet and for tests. The
headers, dates and status words are in the table's language; the classes
keep the status's own name in every language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Final

from docutils import nodes

from .._locale import label, status_word
from .._model.resolved import ResolvedEvent, ResolvedTimeline
from .text import describe_event_date, source_label

__all__ = ["EVENT_HEADERS", "conflicts_table", "events_table", "sorted_by_date", "table_node"]

EVENT_HEADERS: Final = ("Date", "Status", "Event", "Sources")
CONFLICT_HEADERS: Final = ("Event", "Decided", "Status", "Why")
#: The catalog keys of the headers above (:mod:`vntimeline._locale`).
_EVENT_KEYS: Final = ("docs.date", "docs.status", "docs.event", "docs.sources")
_CONFLICT_KEYS: Final = ("docs.event", "docs.decided", "docs.status", "docs.why")


def sorted_by_date(events: Iterable[ResolvedEvent]) -> list[ResolvedEvent]:
    """*events* by their earliest possible date; undated ones last, ties in file order."""
    indexed = list(enumerate(events))

    def key(item: tuple[int, ResolvedEvent]) -> tuple[dt.date, int]:
        index, event = item
        earliest = None if event.start is None else event.start.earliest
        if earliest is None and event.start is not None:
            # An event bounded only from above sorts by its upper bound.
            earliest = event.start.latest
        return (dt.date.max if earliest is None else earliest), index

    return [event for _, event in sorted(indexed, key=key)]


def _text(text: str) -> nodes.paragraph:
    return nodes.paragraph(text, text)


def _date(event: ResolvedEvent, lang: str) -> nodes.paragraph:
    """The date in words; HTML shows the EDTF value when the pointer rests on it."""
    words = describe_event_date(event, lang)
    if event.start is None:
        return _text(words)
    edtf = event.start.value if event.end is None else f"{event.start.value}/{event.end.value}"
    return nodes.paragraph("", "", nodes.abbreviation(words, words, explanation=f"EDTF {edtf}"))


def _status(event: ResolvedEvent, lang: str) -> nodes.paragraph:
    word = status_word(event.status, lang)
    badge = nodes.inline(
        word,
        word,
        classes=["vntimeline-status", f"vntimeline-status-{event.status}"],
    )
    return nodes.paragraph("", "", badge)


def _source(resolved: ResolvedTimeline, source_id: str) -> nodes.Node:
    """A source's short name, linked to its URL when it has one."""
    try:
        source = resolved.timeline.source(source_id)
    except KeyError:
        return nodes.Text(source_id)
    label = source_label(source)
    if source.url is None:
        return nodes.Text(label)
    return nodes.reference(label, label, refuri=source.url, reftitle=source.title)


def _sources(resolved: ResolvedTimeline, event: ResolvedEvent) -> nodes.paragraph:
    para = nodes.paragraph()
    if not event.sources:
        para += nodes.Text("\N{EM DASH}")
    for i, source_id in enumerate(event.sources):
        if i:
            para += nodes.Text("; ")
        para += _source(resolved, source_id)
    return para


def table_node(
    headers: Sequence[str],
    widths: Sequence[int],
    rows: list[list[nodes.Element]],
    classes: list[str],
    title: str | None,
) -> nodes.table:
    """A docutils table with one header row; each cell holds one body element."""
    table = nodes.table(classes=["colwidths-given", *classes])
    if title:
        table += nodes.title(title, title)
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head_row = nodes.row()
    head += head_row
    for header in headers:
        head_row += nodes.entry("", _text(header))
    body = nodes.tbody()
    group += body
    for cells in rows:
        row = nodes.row()
        body += row
        for cell in cells:
            row += nodes.entry("", cell)
    return table


def events_table(
    resolved: ResolvedTimeline,
    events: Sequence[ResolvedEvent],
    *,
    title: str | None = None,
    lang: str = "en",
) -> nodes.table:
    """A row per event: date at its precision, status, title, the sources it follows."""
    rows: list[list[nodes.Element]] = [
        [_date(event, lang), _status(event, lang), _text(event.title), _sources(resolved, event)]
        for event in events
    ]
    headers = [label(key, lang) for key in _EVENT_KEYS]
    return table_node(headers, (18, 12, 45, 25), rows, ["vntimeline-events"], title)


def _why(resolved: ResolvedTimeline, event: ResolvedEvent, lang: str) -> nodes.container:
    """The resolver's explanation, then each claim it did not follow and the reason."""
    box = nodes.container()
    box += _text(event.explanation)
    if event.dissent:
        items = nodes.bullet_list(classes=["vntimeline-dissent"])
        for dissent in event.dissent:
            para = nodes.paragraph()
            para += _source(resolved, dissent.source)
            para += nodes.Text(label("docs.said", lang))
            para += nodes.literal(dissent.value, dissent.value)
            para += nodes.Text(f": {dissent.reason}")
            items += nodes.list_item("", para)
        box += items
    return box


def conflicts_table(
    resolved: ResolvedTimeline,
    events: Sequence[ResolvedEvent],
    *,
    title: str | None = None,
    lang: str = "en",
) -> nodes.table:
    """A row per disputed event: what was decided, its status, and why."""
    rows: list[list[nodes.Element]] = [
        [_text(event.title), _date(event, lang), _status(event, lang), _why(resolved, event, lang)]
        for event in events
    ]
    headers = [label(key, lang) for key in _CONFLICT_KEYS]
    return table_node(headers, (22, 15, 11, 52), rows, ["vntimeline-conflicts"], title)
