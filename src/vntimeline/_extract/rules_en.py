"""English: the words, and the rules that find dates with them.

Month and weekday names must be capitalised ("May" is a month, "may" is
not). Numeric dates are read month first, unless a number over 12 shows the
order (29/4/2025 is day first); an ambiguous one is marked uncertain.
"""

from __future__ import annotations

from typing import Final

from .lexicon import Lexicon, Rule
from .rules_common import COMMON

__all__ = ["LEXICON", "RULES"]

_MONTHS: Final = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_ABBREVIATIONS: Final = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

LEXICON: Final = Lexicon(
    language="en",
    months={
        **{name: i for i, name in enumerate(_MONTHS, 1)},
        **_ABBREVIATIONS,
        **{f"{a}.": m for a, m in _ABBREVIATIONS.items()},
    },
    weekdays={
        name: i
        for i, name in enumerate(
            ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], 1
        )
    },
    numbers={
        "a": 1,
        "an": 1,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "fifteen": 15,
        "twenty": 20,
        "thirty": 30,
        "fifty": 50,
        "several": 3,
    },
    ordinals={
        "first": 1,
        "second": 2,
        "third": 3,
        "fourth": 4,
        "1st": 1,
        "2nd": 2,
        "3rd": 3,
        "4th": 4,
        "1": 1,
        "2": 2,
        "3": 3,
        "4": 4,
    },
    relative={"last": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1},
    days={"yesterday": -1, "today": 0, "tomorrow": 1},
    units={
        "year": "year",
        "years": "years",
        "month": "month",
        "months": "months",
        "week": "week",
        "weeks": "weeks",
        "day": "day",
        "days": "days",
        "decade": "decade",
        "decades": "decades",
    },
    parts={
        "early": "early",
        "mid": "mid",
        "middle": "mid",
        "late": "late",
        "end": "end",
        "beginning": "begin",
        "start": "begin",
        "earlier": "earlier",
        "later": "later",
    },
    seasons={"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24},
    zones={
        "CET": "+01",
        "CEST": "+02",
        "ICT": "+07",
        "WIB": "+07",
        "SGT": "+08",
        "JST": "+09",
        "BST": "+01",
        "EST": "-05",
        "EDT": "-04",
        "PST": "-08",
        "PDT": "-07",
        "ET": "America/New_York",
        "PT": "America/Los_Angeles",
        "CT": "America/Chicago",
        "GMT": "Z",
        "UTC": "Z",
    },
    past=(
        r"said|was|were|had|did|held|announced|launched|opened|signed|issued|released",
        r"approved|adopted|passed|unveiled|began|started|established|founded|completed",
        r"introduced|reported|raised|showed|won|rose|fell|grew|increased|took place",
        r"ago|previously|earlier|already|has been|have been|came|became|hosted|attended",
        r"met|visited|agreed|decided|ended|closed|shipped|upgraded|recorded|reached",
        r"launched|expressed|noted|told|wrote|published|highlighted|ranked|placed|surged",
    ),
    future=(
        # A future auxiliary takes its verb with it: "will be held" is not past.
        r"(?:will|would|shall)(?:\s+not)?(?:\s+(?:be|have\s+been))?\s+\w+|to\s+be\s+\w+",
        r"will|'ll|would|shall|going to|plans?|planned|planning|expects?|expected",
        r"scheduled|slated|set to|due to|aims?|intends?|upcoming|next|coming|later",
        r"forthcoming|is to|are to|to be held|to take place|hopes? to|is preparing",
        r"takes place|wants? to",
    ),
    clause_breaks=(r"\band\b", r"\bbut\b", r"\bwhile\b", r"\bwhereas\b"),
    abbreviations=frozenset(
        [
            "mr",
            "mrs",
            "ms",
            "dr",
            "prof",
            "st",
            "no",
            "nos",
            "vs",
            "inc",
            "co",
            "ltd",
            "corp",
            "jr",
            "sr",
            "gov",
            "gen",
            "rep",
            "sen",
            "approx",
            "dept",
            "fig",
            "vol",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
            "a.m",
            "p.m",
            "e.g",
            "i.e",
            "u.s",
            "u.k",
            "u.n",
        ]
    ),
    day_first=None,
    capitalised_names=True,
)

_TH: Final = r"(?:st|nd|rd|th)?"
_TO: Final = r"(?:\s?[–—-]\s?|\s+(?i:to|until|till|through|and)\s+)"
_OF_YEAR: Final = (
    r"(?:\s+(?:(?i:of)\s+)?(?P<year>{Y}){R}"
    r"|\s+(?i:of)\s+(?:(?P<rel>{REL})\s+(?i:year)|(?P<thisyear>(?i:the\s+year))))?"
)
_FROM: Final = r"\b{W:from|between}\s+"
_THE: Final = r"\b{W:the}\s+"
_PART: Final = r"(?:\b{W:the}\s+)?\b(?P<part>{PART})[\s-]+(?:{W:of}\s+)?"
_UNIT: Final = r"(?P<unit>{UNIT})\b"

RULES: Final = (
    *COMMON,
    # March 3, 2021; Tuesday, July 1, 2025, 6:30 AM (GMT+07:00); Feb. 12, 2026 at 3:10 p.m. ET
    Rule("date", r"(?P<month>{MONTH})\s+(?P<day>{D})" + _TH + r",?\s+(?P<year>{Y}){R}{TIME}"),
    # 22 Dec 2024; the 3rd of March 2021; 03 Dec 2025 13:42 GMT+7
    Rule(
        "date",
        r"{LL}(?P<day>{D})"
        + _TH
        + r"\s+(?:(?i:of)\s+)?(?P<month>{MONTH}),?\s+(?P<year>{Y}){R}{TIME}",
        _THE,
    ),
    # from 1 August 2025 to 31 July 2027; 27 October - 2 November
    Rule(
        "days",
        r"{L}(?P<day>{D})"
        + _TH
        + r"\s+(?P<month>{MONTH})(?:,?\s+(?P<year>{Y}))?"
        + _TO
        + r"(?P<day2>{D})"
        + _TH
        + r"\s+(?P<month2>{MONTH})(?:,?\s+(?P<year2>{Y}))?{R}",
        _FROM,
    ),
    # from August 1, 2025 to July 31, 2027
    Rule(
        "days",
        r"(?P<month>{MONTH})\s+(?P<day>{D})"
        + _TH
        + r"(?:,?\s+(?P<year>{Y}))?"
        + _TO
        + r"(?P<month2>{MONTH})\s+(?P<day2>{D})"
        + _TH
        + r"(?:,?\s+(?P<year2>{Y}))?{R}",
        _FROM,
    ),
    # 27–29 October (2025); between 8 and 12 December
    Rule(
        "days",
        r"{L}(?P<day>{D})"
        + _TH
        + _TO
        + r"(?P<day2>{D})"
        + _TH
        + r"\s+(?P<month2>{MONTH})(?:,?\s+(?P<year2>{Y}))?{R}",
        _FROM,
    ),
    # October 27–29 (, 2025); September 18-19, 2025
    Rule(
        "days",
        r"(?P<month>{MONTH})\s+(?P<day>{D})"
        + _TH
        + _TO
        + r"(?P<day2>{D})"
        + _TH
        + r"(?:,?\s+(?P<year2>{Y}))?{R}",
        _FROM,
    ),
    # from August to October 2025; June–August
    Rule(
        "months",
        r"(?P<month>{MONTH})(?:\s+(?P<year>{Y}))?"
        + _TO
        + r"(?P<month2>{MONTH})(?:,?\s+(?P<year2>{Y}))?\b",
        _FROM,
    ),
    # April 2024; mid-May 2025; September of 2023
    Rule("month_year", r"(?P<month>{MONTH}),?\s+(?:(?i:of)\s+)?(?P<year>{Y}){R}", _PART),
    # in June; mid-May; last May; in September of that year
    Rule(
        "month",
        r"(?P<month>{MONTH})(?:\s+(?i:of)\s+(?P<that>(?i:that|the\s+same))\s+(?i:year))?\b",
        r"(?:(?P<lead>\b{W:in|on|by|since|until|till|from|through|during|before|after}\s+)"
        r"|" + _PART + r"|\b(?P<dir>{W:last|next|this|coming|past})\s+)",
        needs_before=True,
    ),
    # September 18; the 18th of September
    Rule("day_month", r"(?P<month>{MONTH})\s+(?P<day>{D})" + _TH + r"{R}"),
    Rule("day_month", r"{L}(?P<day>{D})" + _TH + r"\s+(?:(?i:of)\s+)?(?P<month>{MONTH})\b", _THE),
    # on Wednesday; last Monday (not "Tuesday, July 1, 2025": the date holds it)
    Rule(
        "weekday",
        r"(?P<wd>{WEEKDAY})\b(?!,?\s+(?:{MONTH}|\d))",
        r"\b(?P<dir>{W:last|next|this|coming|past})\s+",
    ),
    # between 2023 and 2024; from 2024 to 2026
    Rule("years", r"{W:between}\s+{L}(?P<year>{YB})\s+(?i:and)\s+(?P<year2>{YB}){R}"),
    Rule(
        "years",
        r"{L}(?P<year>{YB})\s+(?i:to|until|till|through)\s+(?P<year2>{YB}){R}",
        r"\b{W:from}\s+",
    ),
    # by 2030; through 2030; since 2021; fiscal 2026
    Rule(
        "year",
        r"{L}(?P<year>{YB}){R}",
        r"(?:(?P<target>\b{W:by|through|until|till|before})|(?P<since>\b{W:since})"
        r"|(?P<kw>\b{W:fiscal|fiscal year|FY}))\s+",
        needs_before=True,
    ),
    # the 1990s
    Rule("decade", r"{L}(?P<year>1[5-9]\d0|20\d0)'?s\b", _THE),
    # late last year; the end of this year; later this year; next year
    Rule("rel_year", r"(?P<rel>{REL})\s+(?i:year)\b", _PART),
    # early 2027; mid-2026; the end of 2025
    Rule("part_year", r"(?P<part>{PART})(?:-|\s+(?:(?i:of)\s+)?)(?P<year>{Y}){R}", _THE),
    # earlier this month; the end of this month; last month
    Rule("rel_month", r"(?P<rel>{REL})\s+(?i:month)\b", _PART),
    Rule("rel_week", r"(?P<rel>{REL})\s+(?i:week)\b"),
    Rule("rel_day", r"(?P<dw>{DAYWORD})\b(?!'s|’s)"),
    # five years ago; a decade ago
    Rule("ago", r"{W:ago}\b", r"\b(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+", needs_before=True),
    # in two years; in two years' time
    Rule(
        "later",
        _UNIT + r"(?:['’](?=\s))?(?:\s+(?i:time)\b)?",
        r"\b{W:in}\s+(?P<num>{NUM})\s+",
        needs_before=True,
    ),
    # within five years; in the next five years
    Rule(
        "within",
        _UNIT,
        r"\b(?:{W:within}(?:\s+(?i:the\s+next))?|{W:in}\s+(?i:the)\s+(?i:next|coming))\s+"
        r"(?:(?P<num>{NUM})\s+)?",
        needs_before=True,
    ),
    # over the past decade; in the last five years
    Rule(
        "past_span",
        _UNIT,
        r"(?:\b{W:over|in|during|for}\s+)?\b{W:the}\s+(?i:past|last|previous)\s+"
        r"(?:(?P<num>{NUM})\s+)?",
        needs_before=True,
    ),
    # over the next decade
    Rule(
        "next_span",
        _UNIT,
        r"\b{W:over|during|for|throughout}\s+(?i:the)\s+(?i:next|coming)\s+(?:(?P<num>{NUM})\s+)?",
        needs_before=True,
    ),
    # the fourth quarter (of 2025); first-quarter
    Rule(
        "quarter",
        r"{W:quarter}\b" + _OF_YEAR,
        r"(?:" + _THE + r")?\b(?P<ord>{ORD})[\s-]",
        needs_before=True,
    ),
    # Q1 of next year
    Rule("quarter", r"{L}Q(?P<ord>[1-4])\s+(?i:of)\s+(?P<rel>{REL})\s+(?i:year)\b"),
    # the second half of 2027; the first half of the year; first-half
    Rule(
        "half",
        r"{W:half}\b" + _OF_YEAR + r"(?!\s+(?i:of)\b)",
        r"(?:" + _THE + r")?\b(?P<ord>{W:first|second|1st|2nd})[\s-]",
        needs_before=True,
    ),
    # the summer of 2023; spring 2025
    Rule("season", r"(?P<season>{SEASON})\s+(?:(?i:of)\s+)?(?P<year>{Y}){R}", _THE),
    # in the spring; this summer; last winter
    Rule(
        "season",
        r"(?P<season>{SEASON})\b",
        r"(?:(?P<lead>\b{W:in|during|since|by|until|through}\s+)(?:(?i:the)\s+)?"
        r"|\b(?P<dir>{W:last|next|this|coming|past})\s+)",
        needs_before=True,
    ),
    # the first nine months of 2025
    Rule(
        "first_months",
        r"{W:months}\b" + _OF_YEAR,
        r"(?:" + _THE + r")?\b{W:first}\s+(?P<num>{NUM})\s+",
        needs_before=True,
    ),
)
