"""Dutch: the words, and the rules that find dates with them.

Month names are written in lower case (``9 maart 2026``) and numeric dates
day first (``10-03-2026``). "We" is a pronoun and "mei" the only month whose
name is a word of its own; "begin" and "eind" count only before a year, a
month or "vorig/volgend jaar".
"""

from __future__ import annotations

from typing import Final

from .lexicon import Lexicon, Rule
from .rules_common import COMMON

__all__ = ["LEXICON", "RULES"]

_MONTHS: Final = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
_ABBREVIATIONS: Final = {
    "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}  # fmt: skip

LEXICON: Final = Lexicon(
    language="nl",
    months={
        **{name: i for i, name in enumerate(_MONTHS, 1)},
        **_ABBREVIATIONS,
        **{f"{a}.": m for a, m in _ABBREVIATIONS.items()},
    },
    weekdays={
        name: i
        for i, name in enumerate(
            ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"], 1
        )
    },
    numbers={
        "een": 1,
        "één": 1,
        "twee": 2,
        "drie": 3,
        "vier": 4,
        "vijf": 5,
        "zes": 6,
        "zeven": 7,
        "acht": 8,
        "negen": 9,
        "tien": 10,
        "elf": 11,
        "twaalf": 12,
        "vijftien": 15,
        "twintig": 20,
        "dertig": 30,
        "vijftig": 50,
    },
    ordinals={
        "eerste": 1,
        "tweede": 2,
        "derde": 3,
        "vierde": 4,
        "1e": 1,
        "2e": 2,
        "3e": 3,
        "4e": 4,
        "1ste": 1,
        "1": 1,
        "2": 2,
        "3": 3,
        "4": 4,
    },
    relative={
        "vorig": -1,
        "vorige": -1,
        "afgelopen": -1,
        "dit": 0,
        "deze": 0,
        "huidige": 0,
        "volgend": 1,
        "volgende": 1,
        "komend": 1,
        "komende": 1,
        "aanstaande": 1,
    },
    days={"eergisteren": -2, "gisteren": -1, "vandaag": 0, "morgen": 1, "overmorgen": 2},
    units={
        "jaar": "year",
        "jaren": "years",
        "maand": "month",
        "maanden": "months",
        "week": "week",
        "weken": "weeks",
        "dag": "day",
        "dagen": "days",
        "decennium": "decade",
        "decennia": "decades",
    },
    parts={
        "begin": "begin",
        "eind": "end",
        "einde": "end",
        "medio": "mid",
        "midden": "mid",
        "half": "mid",
        "halverwege": "mid",
        "eerder": "earlier",
        "later": "later",
        "vroeg": "early",
        "laat": "late",
    },
    seasons={"lente": 21, "voorjaar": 21, "zomer": 22, "herfst": 23, "najaar": 23, "winter": 24},
    zones={"CET": "+01", "CEST": "+02", "MET": "+01", "MEZT": "+02", "GMT": "Z", "UTC": "Z"},
    past=(
        r"werd|werden|was|waren|had|hadden|heeft|hebben|opende|tekende|ondertekende",
        r"kondigde|groeide|verdubbelde|leidde|kwam|kwamen|zei|zeiden|meldde|maakte|besloot",
        r"lanceerde|begon|startte|sloot|bezocht|organiseerde|presenteerde|publiceerde",
        r"steeg|daalde|nam|kreeg|bracht|vond plaats|geleden|eerder|vorig|vorige|afgelopen",
    ),
    future=(
        r"zal|zullen|zou|zouden|gaat|gaan|wordt verwacht|verwacht|verwachten|gepland",
        r"staat gepland|volgende|komende|van plan|voornemens|binnenkort|later|aanstaande",
        # wanting, hoping and aiming look ahead, as "aims" and "hopes to" do in English
        r"wil|willen|wilt|hoopt|hopen|beoogt|beogen|streeft|streven|mikt|mikken",
        # the present of "take place" announces: "die plaatsvindt op 28 oktober"
        r"plaatsvindt|plaatsvinden|vindt plaats|vinden plaats",
    ),
    clause_breaks=(r"\ben\b", r"\bmaar\b", r"\bterwijl\b", r"\bwant\b"),
    abbreviations=frozenset(
        [
            "nr",
            "dhr",
            "mevr",
            "mw",
            "dr",
            "drs",
            "ir",
            "prof",
            "bijv",
            "o.a",
            "ca",
            "jan",
            "feb",
            "mrt",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "okt",
            "nov",
            "dec",
            "m.b.t",
            "t.o.v",
            "e.d",
            "blz",
        ]
    ),
    day_first=True,
)

_TO: Final = r"(?:\s?[–—-]\s?|\s+(?i:tot en met|t/m|tot)\s+)"
_OF_YEAR: Final = (
    r"(?:\s+(?:(?i:van)\s+)?(?P<year>{Y}){R}"
    r"|\s+(?i:van)\s+(?:(?P<rel>{REL})\s+(?i:jaar)|(?P<thisyear>(?i:het|dit)\s+(?i:jaar))))?"
)
_FROM: Final = r"\b{W:van|tussen}\s+"
_THE: Final = r"\b{W:de|het}\s+"
_PART: Final = r"\b(?P<part>{PART})\s+(?:{W:van}\s+)?(?:{W:het}\s+)?"
_DIR: Final = r"\b(?P<dir>{W:vorige|afgelopen|komende|volgende|aanstaande|deze|dit})\s+"
_UNIT: Final = r"(?P<unit>{UNIT})\b"

RULES: Final = (
    *COMMON,
    # 10 maart 2026 14:05 CET; 17 juni 2025, 11:32 (after "di"); 20 november 2025, 08:00 uur
    Rule("date", r"{LL}(?P<day>{D})\s+(?P<month>{MONTH})\s+(?P<year>{Y}){R}{TIME}"),
    # 14 januari; 28 oktober
    Rule("day_month", r"{L}(?P<day>{D})\s+(?P<month>{MONTH})\b"),
    # van 9 maart tot en met 11 maart 2026; van 8 tot 12 december; 9-11 maart
    Rule(
        "days",
        r"{L}(?P<day>{D})(?:\s+(?P<month>{MONTH})(?:\s+(?P<year>{Y}))?)?"
        + _TO
        + r"(?P<day2>{D})\s+(?P<month2>{MONTH})(?:\s+(?P<year2>{Y}))?{R}",
        _FROM,
    ),
    Rule(
        "days",
        r"{W:tussen}\s+{L}(?P<day>{D})(?:\s+(?P<month>{MONTH}))?\s+(?i:en)\s+(?P<day2>{D})\s+"
        r"(?P<month2>{MONTH})(?:\s+(?P<year2>{Y}))?{R}",
    ),
    # van maart tot mei 2025
    Rule(
        "months",
        r"(?P<month>{MONTH})(?:\s+(?P<year>{Y}))?"
        r"(?:\s?[–—-]\s?|\s+(?i:tot en met|t/m|tot|en)\s+)(?P<month2>{MONTH})"
        r"(?:\s+(?P<year2>{Y}))?\b",
        _FROM,
    ),
    # maart 2026; eind maart 2026
    Rule("month_year", r"(?P<month>{MONTH})\s+(?P<year>{Y}){R}", _PART),
    # november vorig jaar
    Rule("month", r"(?P<month>{MONTH})\s+(?P<rel>{REL})\s+(?i:jaar)\b", _PART),
    # in februari; begin maart; afgelopen september
    Rule(
        "month",
        r"(?P<month>{MONTH})\b",
        r"(?:(?P<lead>\b{W:in|op|sinds|vanaf|tot|voor|na|rond|per|uiterlijk}\s+"
        r"(?:(?i:de\s+maand)\s+)?)|" + _PART + "|" + _DIR + ")",
        needs_before=True,
    ),
    # woensdag; vorige maandag (not "dinsdag 17 juni 2025": the date holds it)
    Rule(
        "weekday",
        r"(?P<wd>{WEEKDAY})(?:(?i:ochtend|middag|avond|nacht))?\b(?!,?\s+\d)",
        _DIR,
    ),
    # tussen 2022 en 2024; van 2024 tot 2026
    Rule("years", r"{W:tussen}\s+{L}(?P<year>{YB})\s+(?i:en)\s+(?P<year2>{YB}){R}"),
    Rule(
        "years",
        r"{L}(?P<year>{YB})\s+(?i:tot en met|t/m|tot)\s+(?P<year2>{YB}){R}",
        r"\b{W:van}\s+",
    ),
    # tegen 2030; tot 2030; sinds 2023
    Rule(
        "year",
        r"{L}(?P<year>{YB}){R}",
        r"(?:(?P<target>\b{W:tegen|tot|uiterlijk|vóór})|(?P<since>\b{W:sinds|vanaf|sedert}))\s+",
        needs_before=True,
    ),
    # de jaren 90
    Rule(
        "decade",
        r"{W:jaren}\s+(?:'|’)?(?:(?P<yy>[1-9]0)|(?P<year>1[5-9]\d0|20\d0))\b",
        r"\b{W:de}\s+",
    ),
    # vorig jaar; eind vorig jaar; later dit jaar
    Rule("rel_year", r"(?P<rel>{REL})\s+(?i:jaar)\b", _PART),
    # begin 2026; eind 2025; medio 2026
    Rule("part_year", r"(?P<part>{PART})\s+(?:(?i:van)\s+)?{L}(?P<year>{Y}){R}"),
    # vorige maand; eerder deze maand; deze week; gisteren
    Rule("rel_month", r"(?P<rel>{REL})\s+(?i:maand)\b", _PART),
    Rule("rel_week", r"(?P<rel>{REL})\s+(?i:week)\b"),
    Rule("rel_day", r"(?P<dw>{DAYWORD})\b"),
    # vijf jaar geleden; over twee jaar; binnen vijf jaar; de komende vijf jaar
    Rule("ago", r"{W:geleden}\b", r"\b(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+", needs_before=True),
    Rule("later", _UNIT, r"\b{W:over}\s+(?P<num>{NUM})\s+", needs_before=True),
    Rule("within", _UNIT, r"\b{W:binnen}\s+(?P<num>{NUM})\s+", needs_before=True),
    Rule(
        "within",
        _UNIT,
        r"(?:\b{W:in|binnen}\s+)?(?:" + _THE + r")?\b{W:komende|volgende|aankomende}\s+"
        r"(?P<num>{NUM})\s+",
        needs_before=True,
    ),
    # de afgelopen vijf jaar; het afgelopen decennium
    Rule(
        "past_span",
        _UNIT,
        r"(?:\b{W:in|over|gedurende}\s+)?(?:" + _THE + r")?\b{W:afgelopen|voorbije|laatste}\s+"
        r"(?:(?P<num>{NUM})\s+)?",
        needs_before=True,
    ),
    # het tweede kwartaal van 2027; het derde kwartaal
    Rule(
        "quarter",
        r"{W:kwartaal}\b" + _OF_YEAR,
        r"(?:" + _THE + r")?\b(?P<ord>{ORD})\s+",
        needs_before=True,
    ),
    # het eerste halfjaar van 2025; de tweede helft van 2025
    Rule(
        "half",
        r"{W:halfjaar|jaarhelft}\b" + _OF_YEAR,
        r"(?:" + _THE + r")?\b(?P<ord>{W:eerste|tweede})\s+",
        needs_before=True,
    ),
    Rule(
        "half",
        r"{W:helft}\s+(?i:van)\s+"
        r"(?:(?P<year>{Y}){R}|(?P<rel>{REL})\s+(?i:jaar)|(?P<thisyear>(?i:het|dit)\s+(?i:jaar)))",
        r"(?:" + _THE + r")?\b(?P<ord>{W:eerste|tweede})\s+",
        needs_before=True,
    ),
    # de zomer van 2023; in de zomer; vorige zomer
    Rule("season", r"(?P<season>{SEASON})\s+(?:(?i:van)\s+)?(?P<year>{Y}){R}", _THE),
    Rule(
        "season",
        r"(?P<season>{SEASON})\b",
        r"(?:(?P<lead>\b{W:in|sinds|tot|tijdens}\s+)(?:" + _THE + r")?|" + _DIR + ")",
        needs_before=True,
    ),
    # de eerste negen maanden van 2025
    Rule(
        "first_months",
        r"{W:maanden}\b" + _OF_YEAR,
        r"(?:\b{W:de}\s+)?\b{W:eerste}\s+(?P<num>{NUM})\s+",
        needs_before=True,
    ),
)
