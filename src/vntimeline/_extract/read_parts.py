"""Readers of parts of a year: months named alone, quarters, halves, seasons, "late 2024".

A part written with its year is fixed; with a relative year ("late last
year", "cuối năm nay") it counts from publication; with no year at all it
takes the year from the context (:func:`~.reading.infer_year`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from . import values as v
from .lexicon import Lexicon, Tense
from .read_common import Forced, Groups, fixed, lookup, month_of, number
from .reading import Anchor, Ctx, Inferred, Parsed, Reading, infer_year

__all__ = ["READERS", "year_part"]

#: "early 2027" is its first half, "late 2024" its second, "the beginning"
#: its first quarter and "the end" its fourth (CONVENTIONS.md of the gold).
_PART_GROUPS: Final = {"early": 40, "late": 41, "begin": 33, "end": 36}
_WORDS: Final = {-1: "last", 0: "this", 1: "next"}
#: "last May" and "next summer" point from publication, whatever the clause says.
_DIRECTIONS: Final[dict[int, Tense | None]] = {-1: "past", 0: None, 1: "future"}


def year_part(y: int, part: str | None, published: v.Day) -> str:
    """The value of a year, or of the part of it that *part* names."""
    if part in _PART_GROUPS:
        return v.group(y, _PART_GROUPS[part])
    if part == "mid":
        return v.one_of(v.month(y, 4), v.month(y, 9))
    this_year = y == published[0]
    if part == "earlier":
        return v.one_of(v.month(y, 1), v.month(y, published[1])) if this_year else v.group(y, 40)
    if part == "later":
        return v.one_of(v.month(y, published[1]), v.month(y, 12)) if this_year else v.group(y, 41)
    return v.year(y)


def _part(g: Groups, lex: Lexicon) -> str | None:
    """The part word of a match as the readers name it ("early", "end", ...)."""
    word = g.get("part")
    if word is None:
        return None
    return lex.parts.get(" ".join(word.lower().split()).rstrip("-"))


def _relative_year(g: Groups, lex: Lexicon) -> Parsed | None:
    """A year counted from publication: "last year", "cuối năm nay", "begin volgend jaar"."""
    shift = lookup(lex.relative, g.get("rel"))
    if shift is None:
        return None
    part = _part(g, lex)

    def resolve(ctx: Ctx) -> Reading:
        y = ctx.published[0] + shift
        note = f"{_WORDS[shift]} year from publication date"
        return Reading(year_part(y, part, ctx.published), note, y, local=True)

    return Parsed(resolve)


def _part_year(g: Groups, lex: Lexicon) -> Parsed | None:
    """A part of a written year: "early 2027", "mid-2026", "cuối năm 2025"."""
    y = int(g["year"] or 0)
    part = _part(g, lex)
    if part is None:
        return None
    note = {"early": "early: first half", "late": "late: second half"}.get(part, f"{part} of year")
    return Parsed(lambda ctx: Reading(year_part(y, part, ctx.published), note, y))


def _grouped(g: Groups, lex: Lexicon, code: int) -> Parsed | None:
    """A quarter, half or season (EDTF *code*) with a written, relative or inferred year."""
    if code not in v.GROUP_MONTHS:
        return None
    if g.get("year"):
        y = int(g["year"] or 0)
        return fixed(v.group(y, code), "as written", anchor=y)
    shift = 0 if g.get("thisyear") is not None else lookup(lex.relative, g.get("rel"))
    first, last = v.GROUP_MONTHS[code]
    direction = lookup(lex.relative, g.get("dir"))

    def resolve(ctx: Ctx) -> Reading:
        if shift is not None:
            y = ctx.published[0] + shift
            return Reading(v.group(y, code), f"{_WORDS[shift]} year from publication date")
        inferred = _infer(ctx, direction, (first, 1), (last, 28))
        return Reading(v.group(inferred.year, code, inferred.qualifier), inferred.note)

    return Parsed(resolve)


def _infer(
    ctx: Ctx, direction: int | None, first: tuple[int, int], last: tuple[int, int]
) -> Inferred:
    """The year from the context, or from publication when words give the direction."""
    if direction is None:
        return infer_year(ctx, first, last)
    return infer_year(Forced(ctx.published, _DIRECTIONS[direction]), first, last)


def _quarter(g: Groups, lex: Lexicon) -> Parsed | None:
    """A quarter: "Q4 2025", "quý I/2026", "het derde kwartaal", "first-quarter"."""
    q = number(lex, g.get("ord")) if (g.get("ord") or "").isdigit() else None
    q = q if q is not None else lookup(lex.ordinals, g.get("ord"))
    return None if q is None or not 1 <= q <= 4 else _grouped(g, lex, 32 + q)


def _half(g: Groups, lex: Lexicon) -> Parsed | None:
    """A half year: "the second half of 2027", "H1 2026", "nửa đầu năm 2026"."""
    h = lookup(lex.ordinals, g.get("ord"))
    if h is None:
        h = {"begin": 1, "early": 1, "end": 2, "late": 2}.get(_part(g, lex) or "")
    return None if h is None or not 1 <= h <= 2 else _grouped(g, lex, 39 + h)


def _season(g: Groups, lex: Lexicon) -> Parsed | None:
    """A season: "the summer of 2023", "het najaar van 2025", "in the spring"."""
    code = lookup(lex.seasons, g.get("season"))
    return None if code is None else _grouped(g, lex, code)


def _first_months(g: Groups, lex: Lexicon) -> Parsed | None:
    """The first (or last) months of a year: "9 tháng đầu năm", "the first nine months"."""
    n = number(lex, g.get("num"))
    if n is None or not 1 <= n <= 11:
        return None
    at_end = _part(g, lex) in ("end", "late")
    if n in (3, 6):
        code = (36 if at_end else 33) if n == 3 else (41 if at_end else 40)
        return _grouped(g, lex, code)
    first, last = (13 - n, 12) if at_end else (1, n)
    shift = 0 if g.get("thisyear") is not None else lookup(lex.relative, g.get("rel"))
    written = int(g["year"] or 0) if g.get("year") else None

    def resolve(ctx: Ctx) -> Reading:
        if written is not None:
            y, note, q = written, "as written", ""
        elif shift is not None:
            y, note, q = ctx.published[0] + shift, f"{_WORDS[shift]} year from publication date", ""
        else:
            inferred = infer_year(ctx, (first, 1), (last, 28))
            y, note, q = inferred.year, inferred.note, inferred.qualifier
        return Reading(v.interval(v.month(y, first, q), v.month(y, last, q)), note, written)

    return Parsed(resolve)


def _month(g: Groups, lex: Lexicon) -> Parsed | None:
    """A month named alone: "in June", "tháng 3 năm sau", "November vorig jaar", "last May"."""
    m = month_of(g, lex)
    if m is None or not 1 <= m <= 12:
        return None
    shift = lookup(lex.relative, g.get("rel"))
    direction = lookup(lex.relative, g.get("dir"))
    that = bool(g.get("that"))

    def resolve(ctx: Ctx) -> Reading:
        if shift is not None:
            y = ctx.published[0] + shift
            note = f"{_WORDS[shift]} year from publication date"
            return Reading(v.month(y, m), note, y, local=True)
        if that and ctx.anchor is not None:
            anchor = Anchor(ctx.anchor.year, ctx.anchor.text, True)
            inferred = infer_year(Forced(ctx.published, None, anchor), (m, 1), (m, 28))
        else:
            inferred = _infer(ctx, direction, (m, 1), (m, 28))
        return Reading(v.month(inferred.year, m, inferred.qualifier), inferred.note)

    return Parsed(resolve)


READERS: Final[dict[str, Callable[[Groups, Lexicon], Parsed | None]]] = {
    "rel_year": _relative_year,
    "part_year": _part_year,
    "quarter": _quarter,
    "half": _half,
    "season": _season,
    "first_months": _first_months,
    "month": _month,
}
