"""The resolved timeline as rows and columns: CSV text, and the rows a DataFrame is built from.

One row per event, in the timeline's order, with the columns of
:data:`COLUMNS`. The four date columns hold the first and the last local
day a decided start (or end) allows, as in the resolved JSON; an open side
and an undated event leave them empty. :func:`to_csv` needs only the
standard library; :mod:`.dataframe` builds a pandas DataFrame from the same
rows.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Final

import pendulum

if TYPE_CHECKING:
    from .._model.resolved import ResolvedDate, ResolvedEvent, ResolvedTimeline

__all__ = ["COLUMNS", "DATE_COLUMNS", "Cell", "Row", "rows", "to_csv"]

#: The columns of the CSV and of the DataFrame, in order.
COLUMNS: Final[tuple[str, ...]] = (
    "id",
    "title",
    "category",
    "kind",
    "status",
    "value",
    "precision",
    "earliest",
    "latest",
    "end_value",
    "end_precision",
    "end_earliest",
    "end_latest",
    "sources",
    "explanation",
)
#: The columns that hold a local date (``None`` for an open side or no date).
DATE_COLUMNS: Final[tuple[str, ...]] = ("earliest", "latest", "end_earliest", "end_latest")

#: One cell: text, a local date, or ``None`` (nothing known).
Cell = str | pendulum.Date | None
#: One row: a cell per column of :data:`COLUMNS`, in that order.
Row = tuple[Cell, ...]


def _date_cells(date: ResolvedDate | None) -> tuple[Cell, Cell, Cell, Cell]:
    """Value, precision, earliest and latest of a decided date (all ``None`` if none)."""
    if date is None:
        return None, None, None, None
    return date.value, date.precision, date.earliest, date.latest


def _row(event: ResolvedEvent) -> Row:
    """The cells of one resolved event, in the order of :data:`COLUMNS`."""
    return (
        event.id,
        event.title,
        event.category,
        event.kind,
        event.status,
        *_date_cells(event.start),
        *_date_cells(event.end),
        ", ".join(event.sources),
        event.explanation,
    )


def rows(resolved: ResolvedTimeline) -> list[Row]:
    """One row per event of *resolved*, in its order; a cell per column of :data:`COLUMNS`."""
    return [_row(event) for event in resolved]


def _text(cell: Cell) -> str:
    """A cell as CSV text: ISO dates, and the empty string for ``None``."""
    if cell is None:
        return ""
    return cell if isinstance(cell, str) else cell.isoformat()


def to_csv(resolved: ResolvedTimeline) -> str:
    """The resolved timeline as CSV text (RFC 4180): a header row, then a row per event.

    Lines end with CRLF; a field holding a comma, a double quote or a line
    break is quoted, its quotes doubled. Dates are ISO (``2025-09-18``) and an
    open side or a missing value is an empty field. Encode it as UTF-8.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect="excel", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([_text(cell) for cell in row] for row in rows(resolved))
    return out.getvalue()
