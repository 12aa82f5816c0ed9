"""A date expression found in an article: where it is, what it says, and how it was read."""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["Find"]


@attrs.frozen
class Find:
    """One date expression of an article, read into an EDTF value.

    ``start`` and ``end`` are code-point offsets into the text (end
    exclusive), so ``text[find.start:find.end] == find.text``. ``value`` is
    EDTF as in ``docs/explanation/dates.rst``, or an interval ``A/B`` for a
    stretch of time (``2017/2018``); ``quote`` is the sentence that holds it,
    verbatim, and ``note`` says how the value was read.
    """

    start: int
    end: int
    text: str
    value: str
    #: ``year``, ``month``, ``day`` or ``time``; an interval takes its coarser end's.
    precision: str
    #: ``?`` (uncertain), ``~`` (approximate), ``%`` (both), or ``None``.
    qualifier: str | None
    quote: str
    note: str
    #: The id of the existing event the find is about, when one was matched.
    event: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The JSON object of DESIGN section 8 (``event`` only when set)."""
        data: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "precision": self.precision,
            "quote": self.quote,
            "note": self.note,
        }
        if self.event is not None:
            data["event"] = self.event
        return data
