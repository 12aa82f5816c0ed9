"""The people's view of a resolved timeline: an aligned text table for a terminal.

Columns are a mark, the date at its precision, the status, the number of
sources and the title. Disputed dates are marked (``*`` reconciled, ``!``
conflict, ``#`` breaks an order constraint) and a legend under the table
says what the marks mean. Widths are measured as a terminal shows them
(NFC, wide East Asian characters count two, combining marks none), so
Vietnamese titles keep the columns straight; long titles wrap onto
continuation lines instead of being cut.

The headers, statuses, counts and legend are in the language asked for
(:mod:`vntimeline._locale`); the date column stays EDTF in every language,
the one form that is exact at every precision and sorts as it reads.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Final

from .._locale import check_lang, label, plural, status_word
from .._model.resolved import STATUSES, ResolvedEvent, ResolvedTimeline

__all__ = ["MIN_WIDTH", "display_width", "format_table"]

#: The mark shown before a date, by status.
STATUS_MARKS: Final[dict[str, str]] = {"reconciled": "*", "conflict": "!"}
#: The mark of an event that breaks an after/before constraint.
VIOLATION_MARK: Final = "#"
#: What each mark means: the status it stands for (if any) and the catalog key of its legend.
LEGEND: Final[dict[str, tuple[str | None, str]]] = {
    "*": ("reconciled", "table.reconciled"),
    "!": ("conflict", "table.conflict"),
    "#": (None, "table.violation"),
}
#: What the date column shows for an event nothing is known of.
UNKNOWN_DATE: Final = ".."
SPAN_JOIN: Final = " – "

_GAP: Final = "  "
_MARK_WIDTH: Final = 2
_STATUS_WIDTH: Final = max(len(s) for s in STATUSES)
_DATE_MIN, _DATE_MAX = 12, 24  # "2025-10-27 –" fits; longer dates wrap at "/" or " – "
_TITLE_MIN: Final = 12
_TITLE_WANTED: Final = 32  # long dates wrap before titles shrink below this
#: Below this width the columns cannot shrink further and lines grow past it.
MIN_WIDTH: Final = _MARK_WIDTH + _DATE_MIN + _STATUS_WIDTH + 3 + 3 * len(_GAP) + _TITLE_MIN


def _char_width(char: str) -> int:
    """Terminal columns of one character: 0 for marks and controls, 2 for wide ones."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """How many terminal columns *text* takes (after NFC normalisation)."""
    return sum(_char_width(c) for c in unicodedata.normalize("NFC", text))


def _pad(text: str, width: int, right: bool = False) -> str:
    """*text* padded with spaces to *width* columns (left-aligned unless *right*)."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def _hard_split(word: str, width: int) -> list[str]:
    """Cut a word wider than *width* into pieces that fit."""
    pieces, current, used = [], "", 0
    for char in word:
        w = _char_width(char)
        if used + w > width and current:
            pieces.append(current)
            current, used = "", 0
        current += char
        used += w
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, width: int) -> list[str]:
    """*text* (NFC, white space collapsed) wrapped at spaces into lines of *width* columns."""
    words = unicodedata.normalize("NFC", " ".join(text.split())).split(" ")
    lines: list[str] = []
    current, used = "", 0
    for word in words:
        pieces = _hard_split(word, width) if display_width(word) > width else [word]
        for piece in pieces:
            w = display_width(piece)
            if current and used + 1 + w <= width:
                current, used = f"{current} {piece}", used + 1 + w
            else:
                if current:
                    lines.append(current)
                current, used = piece, w
    lines.append(current)
    return lines


def _date_text(event: ResolvedEvent) -> str:
    """The date cell in one line: the value, or ``start – end`` for a span."""
    if event.start is None:
        return UNKNOWN_DATE
    if event.end is None:
        return event.start.value
    return f"{event.start.value}{SPAN_JOIN}{event.end.value}"


def _date_lines(text: str, width: int) -> list[str]:
    """The date cell broken after " – " and "/" so each line fits *width*."""
    if display_width(text) <= width:
        return [text]
    lines: list[str] = []
    for part in _split_keep(text, SPAN_JOIN):
        for piece in _split_keep(part, "/"):
            # A piece keeps its trailing space (" – "), so whatever is joined
            # after it stays a separate word; the space is not counted, since
            # a line that ends there drops it.
            if lines and display_width((lines[-1] + piece).rstrip()) <= width:
                lines[-1] += piece
            else:
                word = piece.rstrip()
                cut = _hard_split(word, width) or [""]
                cut[-1] += piece[len(word) :]
                lines.extend(cut)
    return [line.rstrip() for line in lines]


def _split_keep(text: str, sep: str) -> list[str]:
    """Split *text* after each *sep*, keeping *sep* at the end of its piece."""
    parts = text.split(sep)
    return [p + sep for p in parts[:-1]] + [parts[-1]]


def _mark(event: ResolvedEvent) -> str:
    """``*``, ``!``, ``#`` or a combination; blank for an undisputed event."""
    mark = STATUS_MARKS.get(event.status, "")
    if event.violations:
        mark += VIOLATION_MARK
    return mark


def _source_count(event: ResolvedEvent) -> int:
    """How many distinct sources speak of the event."""
    return len({claim.source for claim in event.event.claims})


def _chronological(events: Iterable[ResolvedEvent]) -> list[ResolvedEvent]:
    """Events by their earliest instant (an open start by its end); undated last; then by id."""

    def key(event: ResolvedEvent) -> tuple[int, float, float, str]:
        start = event.start
        if start is None:
            return 1, 0, 0, event.id
        first = start.start if start.start is not None else start.end
        assert first is not None
        return 0, first, start.end if start.end is not None else float("inf"), event.id

    return sorted(events, key=key)


def format_table(resolved: ResolvedTimeline, width: int = 80, lang: str = "en") -> str:
    """The resolved timeline as an aligned table no wider than *width* terminal columns.

    Rows run in date order (undated events last). Lines stay within *width*
    unless it is below :data:`MIN_WIDTH`, where the columns stop shrinking.
    The words are in *lang* (``"en"``, ``"vi"`` or ``"nl"``).
    """
    check_lang(lang)
    events = _chronological(resolved)
    counts = [str(_source_count(e)) for e in events]
    statuses = {s: status_word(s, lang) for s in STATUSES}
    status_width = max(_STATUS_WIDTH, *(display_width(w) for w in statuses.values()))
    heads = [label(f"table.{key}", lang) for key in ("date", "status", "sources", "title")]
    count_width = max([3, display_width(heads[2]), *(len(c) for c in counts)])
    date_texts = [_date_text(e) for e in events]
    others = _MARK_WIDTH + status_width + count_width + 3 * len(_GAP)
    date_width = min(
        _DATE_MAX,
        max([_DATE_MIN, *(display_width(d) for d in date_texts)]),
        max(_DATE_MIN, width - others - _TITLE_WANTED),
    )
    # Everything but the title: the mark (its own trailing space) and three gaps.
    fixed = others + date_width
    title_width = max(_TITLE_MIN, width - fixed)
    widths = (date_width, status_width, count_width)
    lines = [_row("", heads[0], heads[1], heads[2], heads[3], widths), "-" * (fixed + title_width)]
    for event, date, count in zip(events, date_texts, counts, strict=True):
        dates = _date_lines(date, date_width)
        titles = wrap(event.title, title_width)
        for i in range(max(len(dates), len(titles))):
            lines.append(
                _row(
                    _mark(event) if i == 0 else "",
                    dates[i] if i < len(dates) else "",
                    statuses[event.status] if i == 0 else "",
                    count if i == 0 else "",
                    titles[i] if i < len(titles) else "",
                    widths,
                )
            )
    lines.append("")
    least = MIN_WIDTH + (status_width - _STATUS_WIDTH) + (count_width - 3)
    lines.extend(_summary(events, max(width, least), lang))
    return "\n".join(lines) + "\n"


def _row(
    mark: str, date: str, status: str, count: str, title: str, widths: tuple[int, int, int]
) -> str:
    """One table line (*widths*: of the date, status and count columns), trailing spaces removed."""
    date_width, status_width, count_width = widths
    cells = [
        _pad(date, date_width),
        _pad(status, status_width),
        _pad(count, count_width, right=True),
        title,
    ]
    return (_pad(mark, _MARK_WIDTH) + _GAP.join(cells)).rstrip()


def _summary(events: list[ResolvedEvent], width: int, lang: str) -> list[str]:
    """The count per status, and the legend of the marks that appear, wrapped to *width*."""
    per_status = {s: 0 for s in STATUSES}
    for event in events:
        per_status[event.status] += 1
    parts = ", ".join(f"{n} {status_word(s, lang)}" for s, n in per_status.items() if n)
    total = plural("count.events", len(events), lang)
    lines = wrap(total + (f": {parts}." if parts else "."), width)
    used = {c for e in events for c in _mark(e)}
    for mark, (status, key) in LEGEND.items():
        if mark in used:
            meaning = label(key, lang)
            if status is not None:
                meaning = f"{status_word(status, lang)}: {meaning}"
            lines.extend(wrap(f"{mark} {meaning}", width))
    return lines
