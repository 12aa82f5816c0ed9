"""The feed in Vietnamese and Dutch (FeedOptions.lang): descriptions, summaries, calendar text."""

from __future__ import annotations

import pytest

from helpers.ical import build, decided, milestone, parse, roundtable, strategy, vevent
from vntimeline._export.ical import FeedOptions, to_ical
from vntimeline._export.ical.description import when
from vntimeline.errors import OptionError

VI = FeedOptions(lang="vi", track_changes=False)
NL = FeedOptions(lang="nl", track_changes=False)


class TestOption:
    def test_english_is_the_default(self) -> None:
        assert FeedOptions().lang == "en"

    @pytest.mark.parametrize("lang", ["fr", "", None, "VI"])
    def test_an_unknown_language_is_refused_naming_the_supported_ones(self, lang: object) -> None:
        with pytest.raises(OptionError) as caught:
            FeedOptions(lang=lang)  # type: ignore[arg-type]
        assert str(caught.value) == (
            f"FeedOptions.lang: unknown language {lang!r}; supported: en, vi, nl"
        )


class TestDescription:
    def test_the_description_is_vietnamese_but_the_sources_words_are_kept(self) -> None:
        description = str(
            vevent(to_ical(build([strategy()]), options=VI), "national-ai-strategy")["DESCRIPTION"]
        )
        for expected in [
            "Ngày: 26 tháng 1, 2021 (EDTF 2021-01-26, chính xác đến ngày)",
            "Trạng thái: đã dung hòa — các nguồn không khớp nhau; ngày có trọng số lớn nhất "
            "được chọn.",
            "Vì sao chọn ngày này: The decree (official, weight 4) outweighs the aggregator.",
            "Nguồn:\n- Cổng Thông tin điện tử Chính phủ, 26 tháng 1, 2021: “Quyết định 127/QĐ-TTg",
            "  Nêu 2021-01-26: “ngày 26 tháng 01 năm 2021”\n  Được theo.",
            "- getaibrief.com, không ghi ngày: “Europe; AI, and the diaspora”",
            "  Không theo: outweighed by the official decree",
            "Mã sự kiện: national-ai-strategy",
        ]:
            assert expected in description

    def test_the_description_is_dutch(self) -> None:
        description = str(
            vevent(to_ical(build([roundtable()]), options=NL), "nanning-roundtable")["DESCRIPTION"]
        )
        assert "Datum: 18 september 2025 (EDTF 2025-09-18, nauwkeurig tot op de dag)" in description
        assert "Waar: Nanning, China" in description
        assert "Zo gelezen: year taken from the publication date\n  Gevolgd." in description
        assert "- Vietnam Investment Review, 19 september 2025:" in description

    def test_a_doubtful_month_says_how_sure_it_is(self) -> None:
        data = to_ical(build([milestone("m", "2024-06?")]), options=VI)
        event = vevent(data, "m")
        assert str(event["SUMMARY"]) == "[tháng 6 năm 2024, chưa chắc chắn] Event m"
        assert "Ngày: tháng 6 năm 2024 (EDTF 2024-06?, chính xác đến tháng, chưa chắc chắn)" in str(
            event["DESCRIPTION"]
        )


class TestSummary:
    @pytest.mark.parametrize(
        ("options", "summary"),
        [
            (VI, "[mâu thuẫn: 8\u2009–\u20099 tháng 3, 2026] Event c"),
            (NL, "[tegenstrijdig: 8–9 maart 2026] Event c"),
            (FeedOptions(track_changes=False), "[conflict: 8–9 March 2026] Event c"),
        ],
    )
    def test_a_disputed_date_is_marked_in_the_feeds_language(
        self, options: FeedOptions, summary: str
    ) -> None:
        data = to_ical(
            build([milestone("c", "2026-03-08/2026-03-09", status="conflict")]), options=options
        )
        assert str(vevent(data, "c")["SUMMARY"]) == summary

    def test_a_time_of_day_is_written_as_the_locale_writes_it(self) -> None:
        date = decided("2026-03-09T03:00")
        assert when(date, "vi") == "03:00 9 tháng 3, 2026 (giờ Asia/Ho_Chi_Minh)"
        assert when(date, "nl") == "9 maart 2026, 03:00 (tijdzone Asia/Ho_Chi_Minh)"
        assert when(date) == "9 March 2026, 03:00 (Asia/Ho_Chi_Minh time)"


class TestCalendarDescription:
    def test_the_calendar_explains_itself_in_vietnamese(self) -> None:
        data = to_ical(build([roundtable(), milestone("u", None)]), options=VI)
        description = str(parse(data)["DESCRIPTION"])
        assert description.startswith("Các mốc thời gian do vntimeline theo dõi")
        assert "1 sự kiện. Phần mô tả mỗi sự kiện" in description
        assert "(ví dụ “[tháng 4 năm 2024]”); [mâu thuẫn: …]" in description
        assert "[khoanh vùng: …]" in description
        assert description.endswith("Không có trong lịch này vì chưa rõ ngày: Event u.")

    def test_the_english_calendar_description_is_unchanged(self) -> None:
        data = to_ical(build([roundtable(), strategy()]), options=FeedOptions(track_changes=False))
        assert str(parse(data)["DESCRIPTION"]) == (
            "Dated milestones tracked by vntimeline: every date is decided from the sources "
            "that report it, openly.\n\n"
            "2 events. Each event's description gives its date, how precise it is and how sure, "
            "every source with its publisher, date, link and the words it used, and why that "
            "date was chosen.\n\n"
            "A date known only to the month or the year is shown on its first day, with the real "
            "extent first in the title (for example “[April 2024]”); [conflict: …] marks dates "
            "the sources dispute, [bounded: …] dates only narrowed by other events."
        )
