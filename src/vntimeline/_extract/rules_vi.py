"""Vietnamese: the words, and the rules that find dates with them.

Vietnamese news writes dates with numbers: ``ngày 10/12/2025`` (day first),
``tháng 3/2025``, ``quý I/2026``, ``năm 2024``; the words around them say
the rest (``năm ngoái`` last year, ``cuối năm nay`` the end of this year,
``từ ngày 27 đến 29/10`` a range). "Năm" is both "year" and "five", and
"thứ năm" both "Thursday" and "fifth": weekday names are read only before a
date or after a word that asks for a day ("vào thứ Năm"), and a weekday before
a date is left out of the find.
"""

from __future__ import annotations

from typing import Final

from .lexicon import Lexicon, Rule
from .rules_common import COMMON

__all__ = ["LEXICON", "RULES"]

LEXICON: Final = Lexicon(
    language="vi",
    months={},
    weekdays={
        "thứ hai": 1,
        "thứ ba": 2,
        "thứ tư": 3,
        "thứ năm": 4,
        "thứ sáu": 5,
        "thứ bảy": 6,
        "chủ nhật": 7,
    },
    numbers={
        "một": 1,
        "hai": 2,
        "ba": 3,
        "bốn": 4,
        "năm": 5,
        "sáu": 6,
        "bảy": 7,
        "tám": 8,
        "chín": 9,
        "mười": 10,
        "mười hai": 12,
        "hai mươi": 20,
    },
    ordinals={
        "i": 1,
        "ii": 2,
        "iii": 3,
        "iv": 4,
        "1": 1,
        "2": 2,
        "3": 3,
        "4": 4,
        "một": 1,
        "nhất": 1,
        "hai": 2,
        "ba": 3,
        "bốn": 4,
        "tư": 4,
    },
    relative={
        "ngoái": -1,
        "trước": -1,
        "nay": 0,
        "này": 0,
        "sau": 1,
        "tới": 1,
        "tiếp theo": 1,
        "kế tiếp": 1,
    },
    days={
        "hôm qua": -1,
        "ngày hôm qua": -1,
        "hôm kia": -2,
        "hôm nay": 0,
        "ngày hôm nay": 0,
        "ngày mai": 1,
        "ngày mốt": 2,
    },
    units={
        "năm": "year",
        "tháng": "month",
        "tuần": "week",
        "ngày": "day",
        "thập kỷ": "decade",
        "thập niên": "decade",
    },
    parts={"đầu": "begin", "cuối": "end", "giữa": "mid"},
    seasons={"xuân": 21, "hè": 22, "hạ": 22, "thu": 23, "đông": 24},
    zones={"ICT": "+07", "GMT": "Z", "UTC": "Z"},
    past=(r"đã|vừa|từng|trước đó|trước đây|vừa qua|đã qua",),
    future=(
        r"sẽ|dự kiến|sắp|dự định|kế hoạch|tới đây|sắp tới|tiếp theo|chuẩn bị",
        r"phấn đấu|muốn",  # striving and wanting look ahead, as "aims" does in English
    ),
    clause_breaks=(r"\bvà\b", r"\bnhưng\b", r"\bcòn\b", r"\btrong khi\b"),
    abbreviations=frozenset(["tp", "ts", "ths", "gs", "pgs", "bs", "ks", "tr", "q", "p", "st"]),
    day_first=True,
)

_YEAR_OR_REL: Final = r"(?:\s+(?i:năm)\s+(?:(?P<year>{Y}){R}|(?P<rel>{REL})\b))?"
_TO: Final = r"(?:\s*[-–]\s*|\s+(?i:đến|tới)\s+(?:(?i:ngày)\s+)?)"
_TO_YEAR: Final = r"(?:\s*[-–—]\s*|\s+(?i:đến|tới)\s+(?:(?i:năm)\s+)?)"
_TARGET: Final = r"\b(?P<target>{W:đến|tới|tầm nhìn|tầm nhìn đến|hướng tới|trước})\s+"
_DAY: Final = r"\b{W:ngày}\s+"
_PART: Final = r"\b(?P<part>{PART})\s+"
#: "hai tuần" (two weeks), but not "thứ Hai tuần trước" (Monday of last week).
_COUNT: Final = r"{L}(?<!(?i:thứ)\s)(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+"

RULES: Final = (
    *COMMON,
    # ngày 10/12/2025; 11/12/2025 09:15 (GMT+7) (after "Thứ Năm,")
    Rule(
        "numeric",
        r"{L}(?P<n1>{D})(?P<sep>[/.\-])(?P<n2>{MM})(?P=sep)(?P<year>{Y}){R}{TIME}",
        _DAY,
    ),
    # ngày 25/11; hôm 27/10; vào 15/1; ngày 25/11 năm ngoái
    Rule(
        "numeric",
        r"{L}(?P<n1>{D})[/.](?P<n2>{MM}){R}" + _YEAR_OR_REL,
        r"\b{W:ngày|hôm|sáng|chiều|tối|trưa|đêm|vào}\s+",
        needs_before=True,
    ),
    # ngày 10 tháng 12 năm 2025
    Rule(
        "date",
        r"{L}(?P<day>{D})\s+(?i:tháng)\s+(?P<mon>{MM})\s*,?\s+(?i:năm)\s+(?P<year>{Y}){R}{TIME}",
        _DAY,
    ),
    # ngày 10 tháng 12; ngày 10 tháng 12 năm nay
    Rule(
        "day_month",
        r"{L}(?P<day>{D})\s+(?i:tháng)\s+(?P<mon>{MM})\b(?!\s*[/.]\d)"
        r"(?:\s+(?i:năm)\s+(?P<rel>{REL})\b)?",
        _DAY,
        needs_before=True,
    ),
    # từ ngày 27 đến 29/10; ngày 27-29/10/2025; từ 27/10 đến 2/11
    Rule(
        "days",
        r"{L}(?P<day>{D})(?:[/.](?P<mon>{MM})(?:[/.](?P<year>{Y}))?)?"
        + _TO
        + r"(?P<day2>{D})[/.](?P<mon2>{MM})(?:[/.](?P<year2>{Y}))?{R}",
        r"(?:\b{W:từ}\s+)?(?:" + _DAY + r")?",
    ),
    # từ ngày 27 đến ngày 29 tháng 10 năm 2025
    Rule(
        "days",
        r"{L}(?P<day>{D})" + _TO + r"(?P<day2>{D})\s+(?i:tháng)\s+(?P<mon2>{MM})"
        r"(?:\s*,?\s+(?i:năm)\s+(?P<year2>{Y}))?{R}",
        r"(?:\b{W:từ}\s+)?(?:" + _DAY + r")?",
    ),
    # tháng 3/2025; tháng 11 năm 2021; giữa tháng 10/2025
    Rule(
        "month_year",
        r"{W:tháng}\s+(?P<mon>{MM})(?:\s*[/.\-]\s*|\s*,?\s+(?i:năm)\s+)(?P<year>{Y}){R}",
        _PART,
    ),
    # tháng 3 năm sau; đầu tháng 12 năm ngoái
    Rule("month", r"{W:tháng}\s+(?P<mon>{MM})\s+(?i:năm)\s+(?P<rel>{REL})\b", _PART),
    # tháng 8; giữa tháng 10
    Rule("month", r"{W:tháng}\s+(?P<mon>{MM})\b(?![/.\-]\d)", _PART),
    # từ tháng 8 đến tháng 10 năm nay; tháng 8-10/2025
    Rule(
        "months",
        r"{W:tháng}\s+(?P<mon>{MM})(?:\s*/\s*(?P<year>{Y}))?"
        r"(?:\s*[-–]\s*|\s+(?i:đến|tới)\s+)(?:(?i:tháng)\s+)?(?P<mon2>{MM})"
        r"(?:(?:\s*[/.]\s*|\s*,?\s+(?i:năm)\s+)(?P<year2>{Y})|\s+(?i:năm)\s+(?P<rel>{REL}))?"
        r"\b(?![/.]\d)",
        r"\b{W:từ}\s+",
    ),
    # giai đoạn 2026-2030; từ năm 2021 đến năm 2025
    Rule(
        "years",
        r"{L}(?P<year>{YB})" + _TO_YEAR + r"(?P<year2>{YB}){R}",
        r"(?:\b{W:từ|giai đoạn|thời kỳ}\s+)?(?:\b{W:năm}\s+)?",
    ),
    # từ năm 2021 đến nay; kể từ 2021
    Rule(
        "year",
        r"{L}(?P<year>{YB}){R}(?:\s+(?i:đến nay|tới nay|đến hiện tại|đến bây giờ)\b)?",
        r"\b(?P<since>{W:kể từ|từ})\s+(?:(?i:năm)\s+)?",
        needs_before=True,
    ),
    # đến năm 2030; năm 2024; tầm nhìn 2045
    Rule("year", r"{W:năm}\s+{L}(?P<year>{YB}){R}", _TARGET),
    Rule("year", r"{L}(?P<year>{YB}){R}", _TARGET, needs_before=True),
    # những năm 1990
    Rule(
        "decade",
        r"{L}(?P<year>1[5-9]\d0|20\d0){R}",
        r"\b{W:thập niên|thập kỷ|những năm|các năm}\s+",
        needs_before=True,
    ),
    # năm ngoái; cuối năm nay; đầu năm sau
    Rule("rel_year", r"{W:năm}\s+(?P<rel>{REL})\b", _PART),
    # cuối năm 2025
    Rule("part_year", r"(?P<part>{PART})\s+(?i:năm)\s+{L}(?P<year>{Y}){R}"),
    # tháng trước; cuối tháng này; tuần tới; hôm qua
    Rule("rel_month", r"{W:tháng}\s+(?P<rel>{REL})\b", _PART),
    Rule("rel_week", r"{W:tuần}\s+(?P<rel>{REL})\b"),
    Rule("rel_day", r"(?P<dw>{DAYWORD})\b"),
    # thứ Hai tuần trước; vào thứ Năm
    Rule("weekday", r"(?P<wd>{WEEKDAY})\s+(?i:tuần)\s+(?P<rel>{REL})\b"),
    Rule(
        "weekday",
        r"(?P<wd>{WEEKDAY})\b(?!\s*,?\s*\d)",
        r"(?P<lead>\b{W:vào|hôm|sáng|chiều|tối|trưa}\s+)",
        needs_before=True,
    ),
    # 5 năm trước; 2 năm nữa; trong 5 năm tới; 5 năm qua
    Rule("ago", r"{W:trước}\b(?!\s+(?i:khi|đó))", _COUNT + r"(?:(?i:về)\s+)?", needs_before=True),
    Rule("later", r"{W:nữa}\b", _COUNT, needs_before=True),
    Rule(
        "within",
        r"{W:sắp tới|tới|tiếp theo}\b",
        r"(?:\b{W:trong|trong vòng}\s+)?" + _COUNT,
        needs_before=True,
    ),
    Rule(
        "past_span",
        r"{W:vừa qua|qua|gần đây|trở lại đây}\b",
        r"(?:\b{W:trong}\s+)?(?:{L}(?P<num>{NUM})\s+)?\b(?P<unit>{UNIT})\s+",
        needs_before=True,
    ),
    # quý I/2026; quý 4/2025; quý IV năm nay
    Rule(
        "quarter",
        r"{W:quý}\s+(?P<ord>{ORD})\b(?:(?:\s*[/.\-]\s*|\s*,?\s+(?i:năm)\s+)(?P<year>{Y}){R}"
        r"|\s+(?i:năm)\s+(?P<rel>{REL})\b)?",
    ),
    # nửa đầu năm 2026; 6 tháng đầu năm; 9 tháng đầu năm
    Rule(
        "half",
        r"{W:nửa}\s+(?P<part>(?i:đầu|cuối))\s+(?i:năm)"
        r"(?:\s+(?P<year>{Y}){R}|\s+(?P<rel>{REL})\b|(?P<thisyear>))",
    ),
    Rule(
        "first_months",
        r"{W:tháng}\s+(?P<part>(?i:đầu|cuối))\s+(?i:năm)"
        r"(?:\s+(?P<year>{Y}){R}|\s+(?P<rel>{REL})\b|(?P<thisyear>))",
        r"{L}(?P<num>{NUM})\s+",
        needs_before=True,
    ),
    # mùa thu năm 2025
    Rule(
        "season",
        r"{W:mùa}\s+(?P<season>{SEASON})\b(?:\s+(?:(?i:năm)\s+)?(?P<year>{Y}){R}"
        r"|\s+(?i:năm)\s+(?P<rel>{REL})\b)?",
    ),
)
