"""English: each form of CONVENTIONS.md read from a sentence of its own, and what is not a date."""

from __future__ import annotations

import pytest

from helpers.extract_cases import Case, read

PUBLISHED = "2025-09-15"  # a Monday

FORMS: list[Case] = [
    ("The plant opened on March 3, 2021.", [("March 3, 2021", "2021-03-03")]),
    ("It was issued on 22 Dec 2024.", [("22 Dec 2024", "2024-12-22")]),
    (
        "Published Feb. 12, 2026 at 3:10 p.m. ET",
        [("Feb. 12, 2026 at 3:10 p.m. ET", "2026-02-12T15:10-05:00")],
    ),
    (
        "Updated 2024-07-09T10:00:00+02:00",
        [("2024-07-09T10:00:00+02:00", "2024-07-09T10:00:00+02:00")],
    ),
    (
        "HANOI — Tuesday, July 1, 2025, 6:30 AM (GMT+07:00)",
        [("July 1, 2025, 6:30 AM (GMT+07:00)", "2025-07-01T06:30+07:00")],
    ),
    ("Politics03 Dec 2025 13:42 GMT+7", [("03 Dec 2025 13:42 GMT+7", "2025-12-03T13:42+07")]),
    ("It was held on September 12 in Nanning.", [("September 12", "2025-09-12")]),
    ("The meeting will take place on January 5.", [("January 5", "2026-01-05")]),
    ("It was signed on 29/4/2025.", [("29/4/2025", "2025-04-29")]),
    ("It was signed on 4/29/2025.", [("4/29/2025", "2025-04-29")]),
    ("a goal for 2030", [("2030", "2030")]),
    ("by 2030", [("by 2030", "2030")]),
    ("the strategy through 2030", [("through 2030", "2030")]),
    ("in place since 2021", [("since 2021", "2021")]),
    ("for fiscal 2026", [("fiscal 2026", "2026")]),
    ("between 2023 and 2024", [("between 2023 and 2024", "2023/2024")]),
    ("in 2017–2018", [("2017–2018", "2017/2018")]),
    ("from 2024 to 2026", [("from 2024 to 2026", "2024/2026")]),
    (
        "from 1 August 2025 to 31 July 2027",
        [("from 1 August 2025 to 31 July 2027", "2025-08-01/2027-07-31")],
    ),
    ("The forum ran from August 27–29.", [("from August 27–29", "2025-08-27/2025-08-29")]),
    ("in April 2024", [("April 2024", "2024-04")]),
    ("It opened in mid-May.", [("mid-May", "2025-05")]),
    ("It was issued late last year.", [("late last year", "2024-41")]),
    ("Results are due early next year.", [("early next year", "2026-40")]),
    ("by the end of this year", [("the end of this year", "2025-36")]),
    ("The law comes later this year.", [("later this year", "[2025-09..2025-12]")]),
    ("Earlier this year, it grew.", [("Earlier this year", "[2025-01..2025-09]")]),
    ("in early 2027", [("early 2027", "2027-40")]),
    ("by mid-2026", [("mid-2026", "[2026-04..2026-09]")]),
    ("Q4 2025", [("Q4 2025", "2025-36")]),
    ("in the second quarter of 2027", [("the second quarter of 2027", "2027-34")]),
    ("in Q1 of next year", [("Q1 of next year", "2026-33")]),
    ("in the first half of 2026", [("the first half of 2026", "2026-40")]),
    ("in H2 2025", [("H2 2025", "2025-41")]),
    ("in the second half of the year", [("the second half of the year", "2025-41")]),
    ("the summer of 2023", [("the summer of 2023", "2023-22")]),
    ("in the first nine months of 2025", [("the first nine months of 2025", "2025-01/2025-09")]),
    ("Five years ago this was new.", [("Five years ago", "2020~")]),
    ("A decade ago nobody cared.", [("A decade ago", "2015~")]),
    ("within five years", [("within five years", "[2025..2030]")]),
    ("in the next three years", [("in the next three years", "[2025..2028]")]),
    ("over the past decade", [("over the past decade", "2015/2025")]),
    ("over the next decade", [("over the next decade", "2025/2035")]),
    ("It will be ready in two years.", [("in two years", "2027~")]),
    ("Last month sales rose.", [("Last month", "2025-08")]),
    ("until the end of this month", [("the end of this month", "2025-09-30")]),
    ("earlier this month", [("earlier this month", "[2025-09-01..2025-09-15]")]),
    ("this week", [("this week", "[2025-09-15..2025-09-21]")]),
    ("Yesterday it rained.", [("Yesterday", "2025-09-14")]),
    ("in the 1990s", [("the 1990s", "199X")]),
    ("He said on Wednesday it would build a plant.", [("Wednesday", "2025-09-10")]),
    ("next Monday", [("next Monday", "2025-09-22")]),
    ("last May", [("last May", "2025-05")]),
    (
        "She said the fair, which takes place on 28 September, had grown.",
        [("28 September", "2025-09-28")],
    ),
]

NOT_DATES = [
    "55% of growth",
    "28–30% of students",
    "ranked 76th",
    "the 22nd Expo",
    "2,400 people",
    "the RX-2024 controller",
    "Decision 127/QD-TTg",
    "Law 134/2025/QH15",
    "The company may add a line.",
    "we expect growth",
    "firms under five years old",
    "5G networks",
    "$7.7 billion",
    "a score of 61.42",
    "its 100 millionth unit",
    "March for peace",
    "prices fall",
    "today's world",
    "in the past years",
    "within months",
]


class TestEnglishForms:
    @pytest.mark.parametrize(("sentence", "expected"), FORMS, ids=[c[0] for c in FORMS])
    def test_reads_the_form(self, sentence: str, expected: list[tuple[str, str]]) -> None:
        assert read(sentence, PUBLISHED, "en") == expected


class TestEnglishNonDates:
    @pytest.mark.parametrize("sentence", NOT_DATES)
    def test_finds_nothing(self, sentence: str) -> None:
        assert read(sentence, PUBLISHED, "en") == []

    def test_an_ambiguous_numeric_date_is_read_month_first_and_marked_uncertain(self) -> None:
        assert read("on 3/4/2025", PUBLISHED, "en") == [("3/4/2025", "2025-03-04?")]

    def test_a_year_in_a_sentence_with_an_ordinal_is_still_read(self) -> None:
        assert read("from 76th in 2020 to 39th in 2023", PUBLISHED, "en") == [
            ("2020", "2020"),
            ("2023", "2023"),
        ]
