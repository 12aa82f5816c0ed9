"""What a reader gives back, and the context it reads a date in.

A reader works in two steps. Parsing looks only at the match: it checks that
the numbers make a date and returns a :class:`Parsed`, or ``None`` when the
match is not a date after all ("31/02"). Resolving happens later, in text
order, with a :class:`Ctx`: the publication date, the tense of the clause
and the year the narrative last named (the *anchor*), which a day or month
written without a year takes.

Year inference (the tie-breaks, written down)
---------------------------------------------
1. An anchor is used when the sentence's tense agrees with it (a past clause
   cannot take a year after publication, a future one a year before it), or
   when it is in the same sentence and the clause has no tense.
2. Otherwise the publication date decides: a past clause takes the latest
   such date on or before publication, a future clause the first on or after.
3. With no tense at all, the nearest such date to publication is taken; when
   it is more than two months away the year is marked uncertain (``?``).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Protocol

import attrs

from .lexicon import Tense
from .values import Day, month_length

__all__ = ["Anchor", "Ctx", "Inferred", "Parsed", "Reading", "Resolver", "infer_year"]

#: How far from publication (days) a date read by the "nearest" rule may be
#: before its year is marked uncertain.
_SURE_WITHIN = 62


@attrs.frozen
class Anchor:
    """The year a narrative last named: ``2024`` from "in April 2024"."""

    year: int
    text: str
    same_sentence: bool


class Ctx(Protocol):
    """The context a date is resolved in (built by the engine for each find)."""

    @property
    def published(self) -> Day:
        """The publication day."""

    @property
    def tense(self) -> Tense | None:
        """The tense of the clause that holds the find, if the text shows one."""

    @property
    def anchor(self) -> Anchor | None:
        """The year the paragraph last named before the find, if any."""


@attrs.frozen
class Reading:
    """A resolved find: its EDTF value and how it was read.

    ``anchor`` is the year the expression names, which becomes the
    narrative's year for what follows in its paragraph; a year counted from
    publication ("next year") is ``local``: it anchors only its own sentence.
    """

    value: str
    note: str
    anchor: int | None = None
    local: bool = False


Resolver = Callable[[Ctx], Reading | None]


@attrs.frozen
class Parsed:
    """A match that makes a date, waiting for its context."""

    resolve: Resolver


@attrs.frozen
class Inferred:
    """A year read from the context, with the note that says how."""

    year: int
    note: str
    #: ``"?"`` when the text does not settle the year, else ``""``.
    qualifier: str


def infer_year(ctx: Ctx, first: tuple[int, int], last: tuple[int, int]) -> Inferred:
    """The year of a stretch from *first* to *last* (month, day) written without one."""
    anchor = ctx.anchor
    tense = ctx.tense
    pub = ctx.published
    if anchor is not None and (anchor.same_sentence or tense is not None):
        after = (anchor.year, *first) > pub
        before = (anchor.year, *last) < pub
        if not (tense == "past" and after) and not (tense == "future" and before):
            return Inferred(anchor.year, f"year from the preceding '{anchor.text}'", "")
    here = (pub[1], pub[2])
    if tense == "past":
        y = pub[0] if first <= here else pub[0] - 1
        word = "this" if y == pub[0] else "last"
        return Inferred(y, f"past tense: {word} year", "")
    if tense == "future":
        y = pub[0] if last >= here else pub[0] + 1
        word = "this" if y == pub[0] else "next"
        return Inferred(y, f"future tense: {word} year", "")
    return _nearest(pub, first, last)


def _nearest(pub: Day, first: tuple[int, int], last: tuple[int, int]) -> Inferred:
    """The year that puts the stretch nearest to publication (no tense to go by)."""
    today = _dt.date(*pub)

    def distance(y: int) -> int:
        start = _dt.date(y, first[0], min(first[1], month_length(y, first[0])))
        end = _dt.date(y, last[0], min(last[1], month_length(y, last[0])))
        if start <= today <= end:
            return 0
        return min(abs((start - today).days), abs((end - today).days))

    # Later years first, so that a tie goes to the coming date.
    best = min((pub[0] + 1, pub[0], pub[0] - 1), key=distance)
    qualifier = "" if distance(best) <= _SURE_WITHIN else "?"
    return Inferred(best, "year from publication date", qualifier)
