"""The words of a feed (vntimeline._export.ical.description): what each event's description says."""

from __future__ import annotations

from helpers.ical import P, build, decided, roundtable, strategy, vevent
from vntimeline._export.ical import to_ical
from vntimeline._model.events import Claim, Event


class TestDescription:
    def test_the_description_gives_date_precision_status_sources_quotes_and_why(self) -> None:
        event = vevent(to_ical(build([strategy()])), "national-ai-strategy")
        description = str(event["DESCRIPTION"])
        for expected in [
            "Date: 26 January 2021 (EDTF 2021-01-26, day precision)",
            "Status: reconciled",
            "Why this date: The decree (official, weight 4) outweighs the aggregator.",
            "- Cổng Thông tin điện tử Chính phủ, 26 January 2021: “Quyết định 127/QĐ-TTg",
            "  https://chinhphu.vn/q127",
            "  Says 2021-01-26: “ngày 26 tháng 01 năm 2021”",
            "- getaibrief.com, date not given: “Europe; AI, and the diaspora”",
            "  Says 2021-02\n  Not followed: outweighed by the official decree",
            "Event id: national-ai-strategy",
        ]:
            assert expected in description

    def test_the_description_keeps_the_note_on_how_a_date_was_read(self) -> None:
        event = vevent(to_ical(build([roundtable()])), "nanning-roundtable")
        description = str(event["DESCRIPTION"])
        assert "How it was read: year taken from the publication date\n  Followed." in description
        assert "- Vietnam Investment Review, 19 September 2025:" in description

    def test_text_is_nfc_normalised_and_control_characters_dropped(self) -> None:
        decomposed = "Vie\u0302\u0323t Nam\x0b"  # "Việt" with combining marks, a vertical tab
        event = Event(
            id="nfc", title=decomposed, claims=[Claim(source="agg", start=P("2025-01-01"))]
        )
        data = to_ical(build([(event, {"start": decided("2025-01-01")})]))
        assert str(vevent(data, "nfc")["SUMMARY"]) == "Việt Nam"
