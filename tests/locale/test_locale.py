"""The words of every output in English, Vietnamese and Dutch (vntimeline._locale)."""

from __future__ import annotations

import datetime as dt
import re
import string
import subprocess
import sys
import unicodedata
from collections.abc import Callable

import pendulum
import pytest

from conftest import cli_env
from vntimeline._locale import (
    LANGUAGES,
    check_lang,
    day_and_time,
    format_date,
    label,
    list_of,
    month_name,
    plural,
    short_date,
    short_month,
    status_word,
    words_en,
    words_nl,
    words_vi,
)
from vntimeline._model.resolved import STATUSES
from vntimeline.errors import OptionError

D = dt.date
CATALOGS = {"en": words_en.WORDS, "vi": words_vi.WORDS, "nl": words_nl.WORDS}
#: The keys the HTML timeline and the other outputs code against.
UI_KEYS = (
    "milestone",
    "span",
    "uncertain",
    "conflict",
    "bounded",
    "open",
    "today",
    "sources",
    "quote",
    "explanation",
    "status",
    "date",
    "undated",
    "close",
)


def nfc(text: str) -> bool:
    return unicodedata.normalize("NFC", text) == text


class TestLanguages:
    def test_english_vietnamese_and_dutch_are_supported_english_first(self) -> None:
        assert LANGUAGES == ("en", "vi", "nl")

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_a_supported_language_is_returned_as_it_is(self, lang: str) -> None:
        assert check_lang(lang) == lang

    @pytest.mark.parametrize("lang", ["fr", "EN", "vi-VN", "", None, 1])
    def test_anything_else_is_an_option_error_naming_the_supported_ones(self, lang: object) -> None:
        with pytest.raises(OptionError) as caught:
            check_lang(lang)  # type: ignore[arg-type]
        assert str(caught.value) == f"unknown language {lang!r}; supported: en, vi, nl"

    def test_every_function_refuses_an_unknown_language(self) -> None:
        day = D(2025, 9, 18)
        calls: list[Callable[[], str]] = [
            lambda: month_name(9, "fr"),
            lambda: format_date(day, day, "day", "fr"),
            lambda: status_word("agreed", "fr"),
            lambda: label("today", "fr"),
            lambda: short_date(day, "fr"),
            lambda: plural("count.events", 2, "fr"),
        ]
        for call in calls:
            with pytest.raises(OptionError, match="supported: en, vi, nl"):
                call()

    def test_importing_vntimeline_does_not_import_babel(self) -> None:
        code = "import sys, vntimeline, vntimeline._locale; print('babel' in sys.modules)"
        done = subprocess.run(
            [sys.executable, "-c", code], env=cli_env(), capture_output=True, text=True, check=True
        )
        assert done.stdout.strip() == "False"


class TestMonthName:
    @pytest.mark.parametrize(
        ("lang", "wide", "short"),
        [("en", "September", "Sep"), ("vi", "tháng 9", "thg 9"), ("nl", "september", "sep")],
    )
    def test_month_names_are_cldrs(self, lang: str, wide: str, short: str) -> None:
        assert month_name(9, lang) == wide
        assert month_name(9, lang, short=True) == short

    def test_dutch_months_are_lowercase_and_march_is_maart(self) -> None:
        assert month_name(3, "nl") == "maart"
        assert month_name(3, "nl", short=True) == "mrt"
        assert month_name(5, "nl") == "mei"

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_twelve_distinct_names_in_nfc(self, lang: str) -> None:
        for short in (False, True):
            names = [month_name(m, lang, short=short) for m in range(1, 13)]
            assert len(set(names)) == 12
            assert all(nfc(name) for name in names)

    def test_english_short_names_are_the_first_three_letters(self) -> None:
        assert [month_name(m, "en", short=True) for m in range(1, 13)] == [
            month_name(m, "en")[:3] for m in range(1, 13)
        ]

    @pytest.mark.parametrize("month", [0, 13, True, "9"])
    def test_a_month_outside_1_to_12_is_refused(self, month: object) -> None:
        with pytest.raises(ValueError, match="from 1 to 12"):
            month_name(month, "en")  # type: ignore[arg-type]


#: (earliest, latest, precision): each kind of date the outputs write.
CASES = [
    (D(2025, 9, 18), D(2025, 9, 18), "day"),
    (D(2024, 4, 1), D(2024, 4, 30), "month"),
    (D(2026, 3, 8), D(2026, 3, 9), "day"),
    (D(2018, 1, 1), D(2019, 12, 31), "year"),
    (D(2025, 9, 18), D(2025, 10, 2), "day"),
    (D(2025, 9, 18), D(2026, 1, 5), "day"),
    (D(2024, 4, 1), D(2024, 6, 30), "month"),
    (D(2024, 11, 1), D(2025, 2, 28), "month"),
    (D(2025, 1, 1), D(2025, 12, 31), "year"),
    (D(2026, 3, 9), D(2026, 3, 9), "time"),
]
#: What each case reads, per language (U+2009 thin spaces are CLDR's, around its dashes).
EXPECTED = {
    "en": [
        "18 September 2025",
        "April 2024",
        "8–9 March 2026",
        "2018–2019",
        "18 September – 2 October 2025",
        "18 September 2025 – 5 January 2026",
        "April–June 2024",
        "November 2024 – February 2025",
        "2025",
        "9 March 2026",
    ],
    "vi": [
        "18 tháng 9, 2025",
        "tháng 4 năm 2024",
        "8\u2009–\u20099 tháng 3, 2026",
        "2018–2019",
        "18 tháng 9\u2009–\u20092 tháng 10, 2025",
        "18 tháng 9, 2025\u2009–\u20095 tháng 1, 2026",
        "tháng 4\u2009–\u2009tháng 6 năm 2024",
        "tháng 11 năm 2024\u2009–\u2009tháng 2 năm 2025",
        "2025",
        "9 tháng 3, 2026",
    ],
    "nl": [
        "18 september 2025",
        "april 2024",
        "8–9 maart 2026",
        "2018–2019",
        "18 september\u2009–\u20092 oktober 2025",
        "18 september 2025\u2009–\u20095 januari 2026",
        "april–juni 2024",
        "november 2024\u2009–\u2009februari 2025",
        "2025",
        "9 maart 2026",
    ],
}


class TestFormatDate:
    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_each_precision_and_range_reads_as_the_language_writes_it(self, lang: str) -> None:
        assert [format_date(*case, lang) for case in CASES] == EXPECTED[lang]

    @pytest.mark.parametrize("lang", ["vi", "nl"])
    def test_a_day_range_keeps_full_month_names_though_cldr_has_only_short_ones(
        self, lang: str
    ) -> None:
        text = format_date(D(2025, 9, 18), D(2025, 10, 2), "day", lang)
        assert month_name(9, lang) in text
        assert month_name(10, lang) in text

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_dates_are_nfc(self, lang: str) -> None:
        assert all(nfc(format_date(*case, lang)) for case in CASES)

    def test_pendulum_dates_and_datetimes_read_as_their_day(self) -> None:
        plain = format_date(D(2025, 9, 18), D(2025, 9, 19), "day", "vi")
        assert format_date(pendulum.date(2025, 9, 18), pendulum.date(2025, 9, 19), "day", "vi") == (
            plain
        )
        moment = dt.datetime(2025, 9, 18, 23, 30)
        assert format_date(moment, moment, "day", "nl") == "18 september 2025"

    def test_an_unknown_precision_is_refused(self) -> None:
        with pytest.raises(ValueError, match="precision must be one of year, month, day, time"):
            format_date(D(2025, 1, 1), D(2025, 1, 1), "week", "en")

    @pytest.mark.parametrize(
        ("lang", "day", "month", "timed"),
        [
            ("en", "15 Jan 2026", "Jan 2026", "9 March 2026, 03:00"),
            ("vi", "15 thg 1, 2026", "thg 1 2026", "03:00 9 tháng 3, 2026"),
            ("nl", "15 jan 2026", "jan 2026", "9 maart 2026, 03:00"),
        ],
    )
    def test_short_dates_and_times_of_day(
        self, lang: str, day: str, month: str, timed: str
    ) -> None:
        assert short_date(D(2026, 1, 15), lang) == day
        assert short_month(D(2026, 1, 15), lang) == month
        words = format_date(D(2026, 3, 9), D(2026, 3, 9), "day", lang)
        assert day_and_time(words, "03:00", lang) == timed


class TestStatusWord:
    @pytest.mark.parametrize(
        ("lang", "words"),
        [
            ("en", list(STATUSES)),
            (
                "vi",
                [
                    "thống nhất",
                    "một nguồn",
                    "đã dung hòa",
                    "mâu thuẫn",
                    "khoanh vùng",
                    "chưa có ngày",
                ],
            ),
            (
                "nl",
                ["eensgezind", "één bron", "afgewogen", "tegenstrijdig", "begrensd", "ongedateerd"],
            ),
        ],
    )
    def test_every_status_has_its_word(self, lang: str, words: list[str]) -> None:
        assert [status_word(status, lang) for status in STATUSES] == words

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_status_words_are_distinct_and_nfc(self, lang: str) -> None:
        words = [status_word(status, lang) for status in STATUSES]
        assert len(set(words)) == len(words)
        assert all(nfc(word) for word in words)

    def test_an_unknown_status_is_a_key_error(self) -> None:
        with pytest.raises(KeyError):
            status_word("disputed", "en")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


class TestLabel:
    def test_every_language_has_every_key(self) -> None:
        assert set(CATALOGS["vi"]) == set(CATALOGS["en"])
        assert set(CATALOGS["nl"]) == set(CATALOGS["en"])

    @pytest.mark.parametrize("lang", ["vi", "nl"])
    def test_a_translation_fills_in_the_same_values_as_the_english(self, lang: str) -> None:
        for key, text in CATALOGS["en"].items():
            assert _fields(CATALOGS[lang][key]) == _fields(text), key

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_texts_are_nfc_and_not_empty(self, lang: str) -> None:
        for key, text in CATALOGS[lang].items():
            assert text.strip() and nfc(text), key

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_the_interface_words_exist(self, lang: str) -> None:
        assert all(label(key, lang) for key in UI_KEYS)

    def test_interface_words_in_each_language(self) -> None:
        assert [label(k, "en") for k in ("milestone", "today", "quote", "close")] == [
            "Milestone",
            "Today",
            "Quote",
            "Close",
        ]
        assert [label(k, "vi") for k in ("milestone", "today", "quote", "close")] == [
            "Mốc",
            "Hôm nay",
            "Trích dẫn",
            "Đóng",
        ]
        assert [label(k, "nl") for k in ("milestone", "today", "quote", "close")] == [
            "Mijlpaal",
            "Vandaag",
            "Citaat",
            "Sluiten",
        ]

    def test_an_unknown_key_is_a_key_error(self) -> None:
        with pytest.raises(KeyError):
            label("no-such-key", "vi")

    def test_vietnamese_uses_no_decomposed_or_stray_latin_letters(self) -> None:
        # Vietnamese letters are Latin with diacritics; a Cyrillic or Greek look-alike
        # would pass NFC but not a search.
        for text in CATALOGS["vi"].values():
            assert not re.search(r"[\u0370-\u03ff\u0400-\u04ff\u0300-\u036f]", text)


class TestPluralAndLists:
    @pytest.mark.parametrize(
        ("lang", "one", "two"),
        [
            ("en", "1 event", "2 events"),
            ("vi", "1 sự kiện", "2 sự kiện"),
            ("nl", "1 gebeurtenis", "2 gebeurtenissen"),
        ],
    )
    def test_counts_take_cldr_plural_forms(self, lang: str, one: str, two: str) -> None:
        assert plural("count.events", 1, lang) == one
        assert plural("count.events", 2, lang) == two

    def test_zero_is_plural_in_english(self) -> None:
        assert plural("count.events", 0, "en") == "0 events"

    @pytest.mark.parametrize(
        ("lang", "joined"), [("en", "a and b"), ("vi", "a và b"), ("nl", "a en b")]
    )
    def test_lists_are_joined_as_cldr_joins_them(self, lang: str, joined: str) -> None:
        assert list_of(["a", "b"], lang) == joined
