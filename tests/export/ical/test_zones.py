"""VTIMEZONEs (vntimeline._export.ical.zones): one per zone, an observance per transition."""

from __future__ import annotations

from helpers.ical import HANOI, build, milestone, parse
from vntimeline._export.ical import to_ical


class TestTimeZones:
    def test_several_zones_get_one_vtimezone_each_sorted_by_name(self) -> None:
        events = [
            milestone("a", "2026-03-08T20:00Z", timezone="Europe/Amsterdam"),
            milestone("b", "2026-03-08T20:00Z", timezone=HANOI),
            milestone("c", "2025-09-18T09:00+08:00", timezone="Asia/Shanghai"),
        ]
        calendar = parse(to_ical(build(events)))
        assert [str(tz["TZID"]) for tz in calendar.timezones] == [
            HANOI,
            "Asia/Shanghai",
            "Europe/Amsterdam",
        ]
        assert calendar.get_missing_tzids() == set()

    def test_each_zone_transition_is_an_observance_read_in_the_offset_it_leaves(self) -> None:
        event = milestone("a", "2025-07-01T09:30+02:00", timezone="Europe/Amsterdam")
        text = to_ical(build([event])).decode()
        zone = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")]
        assert "RDATE" not in zone and "RRULE" not in zone
        assert (
            "BEGIN:DAYLIGHT\r\nDTSTART:20250330T020000\r\nTZNAME:CEST\r\n"
            "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
        ) in zone
        assert (
            "BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZNAME:CET\r\n"
            "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
        ) in zone
