"""Turning a language's rule table into compiled regular expressions.

A rule's pattern is a regular expression with macros in braces: ``{MONTH}``
becomes the alternation of the lexicon's month names, ``{Y}`` a year,
``{TIME}`` an optional time of day with its zone, ``{W:from|between}`` the
listed words. Literal braces are written doubled (``{{2}}``), as in
:meth:`str.format`.

Words are case-insensitive, except where the lexicon says names must be
capitalised (English "May" is a month, "may" is not). Each is written as its
first letter followed by the rest of the word in any case
(``(?:m(?i:ay)|M(?i:ay)|j(?i:une)|...)``): Python's ``re`` then knows the
letters a match can start with and skips, in C, every other position, which
makes a pass over a long text several times faster than ``(?i:may|june|...)``.
For the same reason a leading ``{L}`` or ``{LL}`` is not compiled into the
pattern but checked by the engine on each match (:attr:`CompiledRule.left`).

The boundaries ``{L}`` and ``{R}`` keep numbers out of identifiers, decimals
and percentages: nothing that looks like ``134/2025/QH15``, ``RX-2024``,
``2024.5`` or ``55%`` is read as a year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

from .lexicon import Lexicon, Rule

__all__ = ["STRICT_LEFT", "CompiledRule", "compile_rules", "words"]

#: A year in a written date (1000-2199) and a year standing alone (1500-2100).
_YEAR: Final = r"(?:1\d\d\d|20\d\d|21\d\d)"
_BARE_YEAR: Final = r"(?:1[5-9]\d\d|20\d\d|2100)"
#: A day of the month, checked by the readers (a pattern that starts with a digit is fast).
_DAY: Final = r"(?:\d\d?)"
_MONTH_NUMBER: Final = r"(?:1[0-2]|0?[1-9])"
#: No digit, letter or joining sign before a number (``RX-2024``, ``1/2025``).
_LEFT: Final = r"(?<![\w/+\-–.,:])"
STRICT_LEFT: Final = "/+-–.,:"  # and any letter, digit or "_"
#: The same, but a letter may come before: a byline glued to its section
#: name ("Society03 Dec 2025"). Used only where a month name follows.
_LEFT_LOOSE: Final = r"(?<![\d/+\-–.,:])"
_LOOSE_CHARS: Final = "/+-–.,:0123456789"
#: Nothing after a number that makes it part of another: a letter or digit,
#: a percent sign, a decimal or a slash.
_RIGHT: Final = r"(?![\w%]|[.,:/]\d|[-–]\d|\s*(?:%|(?i:percent|per cent|procent|phần trăm)\b))"
_OFFSET: Final = r"(?:GMT|UTC)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?"
_INLINE_WORDS: Final = re.compile(r"\{W:([^{}]*)\}")


def words(names: Iterable[str], *, capitalised: bool = False) -> str:
    """An alternation of *names* (longest first) whose branches start with a literal.

    Only the first letter is capitalised when *capitalised*; otherwise any case.
    """
    by_first: dict[str, list[str]] = {}
    for name in sorted(set(names), key=lambda w: (-len(w), w)):
        by_first.setdefault(name[0].lower(), []).append(name[1:])
    branches = []
    for first, rests in by_first.items():
        body = "|".join(re.escape(rest).replace(r"\ ", r"\s+") for rest in rests)
        cased = [first.upper()] if capitalised else sorted({first, first.upper()})
        for letter in cased:
            tail = body if capitalised else f"(?i:{body})"
            branches.append(re.escape(letter) + (f"(?:{tail})" if body else ""))
    if not branches:
        return "(?!)"  # a language without such words: never matches
    return f"(?:{'|'.join(branches)})"


def _zones(lex: Lexicon) -> str:
    """A time zone: an offset from GMT or UTC, or one of the lexicon's zone names."""
    names = sorted(lex.zones, key=lambda w: (-len(w), w))
    return "(?:" + _OFFSET + "|" + "|".join(re.escape(n) for n in names) + r")\b"


def _time(lex: Lexicon) -> str:
    """An optional time of day after a date: ``| 10:00``, ``at 3:10 p.m. ET``, ``09:15 (GMT+7)``."""
    return (
        r"(?:\s*(?:[,|·\-–—]|(?i:at|lúc|om))?\s*"
        r"(?P<hour>2[0-3]|[01]?\d)[:h](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
        r"(?!\d)(?:\s*(?P<ampm>(?i:a\.m\.|p\.m\.|am|pm)(?!\w)))?(?:\s*(?i:uur|giờ))?"
        r"(?:\s*\(?(?P<zone>" + _zones(lex) + r")\)?)?)?"
    )


def _macros(lex: Lexicon) -> Mapping[str, str]:
    """Every macro's expansion for *lex*."""
    cap = lex.capitalised_names
    return {
        "MONTH": words(lex.months, capitalised=cap),
        "WEEKDAY": words(lex.weekdays, capitalised=cap),
        "NUM": r"(?:\d{1,3}|" + words(lex.numbers) + ")",
        "ORD": words(lex.ordinals),
        "REL": words(lex.relative),
        "DAYWORD": words(lex.days),
        "UNIT": words(lex.units),
        "PART": words(lex.parts),
        "SEASON": words(lex.seasons),
        "TIME": _time(lex),
        "Y": _YEAR,
        "YB": _BARE_YEAR,
        "D": _DAY,
        "MM": _MONTH_NUMBER,
        "L": _LEFT,
        "LL": _LEFT_LOOSE,
        "R": _RIGHT,
    }


def _expand(pattern: str, macros: Mapping[str, str]) -> str:
    """*pattern* with its inline word lists and macros written out."""
    inline = _INLINE_WORDS.sub(
        lambda m: words(m[1].split("|")).replace("{", "{{").replace("}", "}}"), pattern
    )
    return inline.format_map(macros)


class CompiledRule:
    """A rule with its core and left context compiled for one lexicon."""

    __slots__ = ("before", "index", "kind", "left", "needs_before", "regex")

    def __init__(
        self,
        index: int,
        kind: str,
        regex: re.Pattern[str],
        before: re.Pattern[str] | None,
        needs_before: bool,
        left: str,
    ) -> None:
        self.index = index
        self.kind = kind
        self.regex = regex
        self.before = before
        self.needs_before = needs_before
        #: Characters that may not come just before a match (a leading {L} or {LL}).
        self.left = left


def compile_rules(lex: Lexicon, rules: Iterable[Rule]) -> tuple[CompiledRule, ...]:
    """Expand the macros of *rules* with *lex*'s words and compile them, in order."""
    macros = _macros(lex)
    compiled = []
    for index, rule in enumerate(rules):
        pattern, left = rule.pattern, ""
        for macro, chars in (("{LL}", _LOOSE_CHARS), ("{L}", STRICT_LEFT)):
            if pattern.startswith(macro):
                pattern, left = pattern[len(macro) :], chars
                break
        try:
            regex = re.compile(_expand(pattern, macros))
            before = (
                re.compile("(?:" + _expand(rule.before, macros) + r")\Z") if rule.before else None
            )
        except (KeyError, re.error, ValueError) as exc:  # a broken table is a bug: say where
            raise ValueError(
                f"rule {index} ({rule.kind}) of {lex.language!r} is broken: {exc}"
            ) from exc
        compiled.append(CompiledRule(index, rule.kind, regex, before, rule.needs_before, left))
    return tuple(compiled)
