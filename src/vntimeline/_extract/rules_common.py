"""Rules every language shares: ISO dates, numeric dates, year ranges, quarters, years.

Written with the macros of :mod:`.patterns`; each language's table comes
after these, so a longer match of its own (``ngày 10/12/2025``) wins over a
shared one (``10/12/2025``) and an equal one goes to the shared rule.
"""

from __future__ import annotations

from typing import Final

from .lexicon import Rule

__all__ = ["COMMON"]

COMMON: Final = (
    # 2026-02-12T08:45:00-05:00, 2025-09-18
    Rule(
        "date",
        r"{L}(?P<year>\d{{4}})-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
        r"(?:T(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
        r"(?P<iso>Z|[+-](?:0\d|1[0-4])(?::?[0-5]\d)?)?)?(?![\w:.+-])",
    ),
    # 10/12/2025, 10-03-2026 16:20, 10.12.2025 (the separators agree)
    Rule(
        "numeric",
        r"{L}(?P<n1>{D})(?P<sep>[/.\-])(?P<n2>{D})(?P=sep)(?P<year>{Y}){R}{TIME}",
    ),
    # 2017–2018, 2017-18
    Rule("years", r"{L}(?P<year>{YB})\s?[–—-]\s?(?P<year2>{YB}|\d\d){R}"),
    # Q4 2025, Q1/2026, Q3
    Rule(
        "quarter",
        r"{L}Q(?P<ord>[1-4])(?:(?:\s*/\s*|\s+|-)(?:FY\s?)?(?P<year>{Y}))?(?![\w/])",
    ),
    # H1 2026, H2/2025
    Rule("half", r"{L}H(?P<ord>[12])(?:\s*/\s*|\s+)(?P<year>{Y}){R}"),
    # FY2026, FY 2026
    Rule("year", r"{L}FY\s?(?P<year>{YB}){R}"),
    # 2025
    Rule("year", r"{L}(?P<year>{YB}){R}"),
)
