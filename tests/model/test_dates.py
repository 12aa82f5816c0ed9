"""Partial dates (docs/explanation/dates.rst): EDTF text to intervals of instants."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import zoneinfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from helpers.strategies import EXPECTED_PRECISION, FAST, FORMS, ZONES, edtf_values
from vntimeline import DateError, PartialDate
from vntimeline._model.dates import PRECISIONS, finer, format_bounds, get_zone, local_date

HANOI = "Asia/Ho_Chi_Minh"


def epoch(
    zone: str, year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> int:
    """The oracle: epoch seconds of a wall-clock time in *zone*, by the standard library."""
    moment = dt.datetime(year, month, day, hour, minute, second, tzinfo=zoneinfo.ZoneInfo(zone))
    return int(moment.timestamp())


class TestParse:
    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            ("2021", {"year": 2021, "month": None, "precision": "year"}),
            ("2024-04", {"year": 2024, "month": 4, "day": None, "precision": "month"}),
            ("2025-09-18", {"month": 9, "day": 18, "precision": "day"}),
            ("2026-03-08T20:00Z", {"hour": 20, "minute": 0, "utc_offset": 0, "precision": "time"}),
            ("2024-12-22T09:00+07:00", {"hour": 9, "utc_offset": 420, "second": None}),
            ("2024-12-22T09:00:30-03:30", {"second": 30, "utc_offset": -210}),
            ("2025-09-18T10:00", {"hour": 10, "utc_offset": None}),
            ("202X", {"year": 2020, "year_span": 10, "precision": "year"}),
            ("20XX", {"year": 2000, "year_span": 100}),
            ("2024-XX", {"year": 2024, "month": None, "unspecified_parts": 1}),
            ("2024-05-XX", {"month": 5, "day": None, "unspecified_parts": 1, "precision": "month"}),
            ("2024-XX-XX", {"month": None, "unspecified_parts": 2, "precision": "year"}),
            ("2024-02-29", {"day": 29}),
            ("2000-02-29", {"day": 29}),
            ("0002", {"year": 2}),
            ("9997-12-31", {"year": 9997}),
        ],
    )
    def test_each_form_of_the_subset_is_read_into_its_parts(
        self, text: str, parts: dict[str, object]
    ) -> None:
        date = PartialDate.parse(text)

        assert {name: getattr(date, name) for name in parts} == parts

    @pytest.mark.parametrize(
        ("text", "qualifier", "uncertain", "approximate"),
        [
            ("2021", None, False, False),
            ("2021?", "?", True, False),
            ("2021~", "~", False, True),
            ("2021%", "%", True, True),
            ("2024-04-XX?", "?", True, False),
        ],
    )
    def test_a_qualifier_says_whether_the_date_is_uncertain_or_approximate(
        self, text: str, qualifier: str | None, uncertain: bool, approximate: bool
    ) -> None:
        date = PartialDate.parse(text)

        assert (date.qualifier, date.uncertain, date.approximate) == (
            qualifier,
            uncertain,
            approximate,
        )

    @pytest.mark.parametrize(
        ("text", "why"),
        [
            ("2025-02-30", "day 30 does not exist in 2025-02, which has 28 days"),
            ("2023-02-29", "day 29 does not exist in 2023-02"),
            ("1900-02-29", "day 29 does not exist in 1900-02"),
            ("2021-04-31", "which has 30 days"),
            ("2021-13", "month 13 is not between 01 and 12"),
            ("2021-00", "month 00 is not between 01 and 12"),
            ("2021-01-00", "day 00 does not exist"),
            ("0000", "the year must be between 0002 and 9997"),
            ("0001", "the year must be between 0002 and 9997"),
            ("9998", "the year must be between 0002 and 9997"),
            ("9999", "the year must be between 0002 and 9997"),
            ("000X", "the year must be between 0002 and 9997"),
            ("202X-05", "a year with unspecified digits cannot have a month"),
            ("2024-XX-05", "an unspecified month cannot have a known day"),
            ("2024-XX-XXT10:00", "a time needs a known day"),
            ("2024-05-XXT10:00", "a time needs a known day"),
            ("2025-09-18T24:00", "24:00 is not a time of day"),
            ("2025-09-18T10:60", "10:60 is not a time of day"),
            ("2025-09-18T10:00:60", "second 60 is not between 00 and 59"),
            ("2025-09-18T10:00+15:00", r"UTC offset \+15:00 is out of range"),
            ("21", "a year is written with four digits"),
            ("2021-9-18", "it does not have the form"),
            ("2025/09/18", "it does not have the form"),
            ("2025-09-18 10:00", "it does not have the form"),
            ("2021??", "it does not have the form"),
            ("2X21", "it does not have the form"),
            (" 2021", "it does not have the form"),
            ("yesterday", "it does not have the form"),
            ("", "it does not have the form"),
        ],
    )
    def test_an_invalid_value_raises_a_date_error_that_says_what_is_wrong(
        self, text: str, why: str
    ) -> None:
        with pytest.raises(DateError, match=re.escape(repr(text)) + ".* " + why) as info:
            PartialDate.parse(text)

        assert "expected EDTF such as 2021, 2024-04, 2025-09-18" in str(info.value)

    def test_a_value_that_is_not_text_raises_a_date_error_naming_its_type(self) -> None:
        with pytest.raises(DateError, match="expected an EDTF date string, got int"):
            PartialDate.parse(2021)  # type: ignore[arg-type]

    def test_a_date_error_is_also_a_value_error(self) -> None:
        with pytest.raises(ValueError, match="not a valid date"):
            PartialDate.parse("2021-13")

    @pytest.mark.parametrize("text", ["999X", "99XX"])
    def test_a_range_of_years_that_runs_past_9997_is_rejected(self, text: str) -> None:
        # 999X would cover 9990-9999 and its interval end in the year 10000.
        with pytest.raises(DateError, match="the year must be between 0002 and 9997"):
            PartialDate.parse(text)

    @pytest.mark.parametrize("text", ["２０２１", "٢٠٢١-٠٩", "2021-0٩-18"])
    def test_digits_must_be_ascii(self, text: str) -> None:
        # Python's \d also matches other scripts' digits; EDTF's are ASCII.
        with pytest.raises(DateError, match="it does not have the form"):
            PartialDate.parse(text)

    @FAST
    @given(st.text(alphabet="0123456789X-T:Z+?~% ", max_size=24) | st.text(max_size=24))
    @example("2021-02-29")
    @example("2024-XX-XXT10:00%")
    @example("2025-09-18T10:00-00:00")
    def test_any_text_parses_into_a_usable_date_or_raises_a_date_error(self, text: str) -> None:
        try:
            date = PartialDate.parse(text)
        except DateError as exc:
            assert repr(text) in str(exc)
            return
        assert PartialDate.parse(str(date)) == date
        start, end = date.bounds(HANOI)
        assert start < end


class TestFormat:
    @FAST
    @given(edtf_values())
    def test_formatting_gives_back_exactly_the_text_that_was_parsed(
        self, value: tuple[str, str]
    ) -> None:
        text, _form = value

        assert str(PartialDate.parse(text)) == text

    @FAST
    @given(edtf_values())
    def test_parsing_the_formatted_text_gives_an_equal_date(self, value: tuple[str, str]) -> None:
        date = PartialDate.parse(value[0])

        assert PartialDate.parse(str(date)) == date
        assert hash(PartialDate.parse(str(date))) == hash(date)

    @FAST
    @given(edtf_values())
    def test_the_precision_is_the_finest_part_that_is_known(self, value: tuple[str, str]) -> None:
        text, form = value

        assert PartialDate.parse(text).precision == EXPECTED_PRECISION[form]

    def test_an_offset_of_zero_is_written_z(self) -> None:
        assert str(PartialDate.parse("2025-09-18T10:00+00:00")) == "2025-09-18T10:00Z"


class TestBounds:
    @pytest.mark.parametrize(
        ("text", "start", "end"),
        [
            ("2021", (2021, 1, 1), (2022, 1, 1)),
            ("2024-04", (2024, 4, 1), (2024, 5, 1)),
            ("2024-12", (2024, 12, 1), (2025, 1, 1)),
            ("2025-09-18", (2025, 9, 18), (2025, 9, 19)),
            ("2024-12-31", (2024, 12, 31), (2025, 1, 1)),
            ("202X", (2020, 1, 1), (2030, 1, 1)),
            ("20XX", (2000, 1, 1), (2100, 1, 1)),
            ("2024-XX", (2024, 1, 1), (2025, 1, 1)),
            ("2024-05-XX", (2024, 5, 1), (2024, 6, 1)),
            ("2024-XX-XX", (2024, 1, 1), (2025, 1, 1)),
            ("2021%", (2021, 1, 1), (2022, 1, 1)),
        ],
    )
    def test_a_date_is_the_half_open_interval_of_local_midnights_it_covers(
        self, text: str, start: tuple[int, ...], end: tuple[int, ...]
    ) -> None:
        assert PartialDate.parse(text).bounds(HANOI) == (epoch(HANOI, *start), epoch(HANOI, *end))

    def test_the_same_date_is_a_different_interval_in_another_zone(self) -> None:
        date = PartialDate.parse("2025-09-18")

        assert date.bounds("UTC")[0] - date.bounds(HANOI)[0] == 7 * 3600

    def test_a_date_time_without_offset_is_local_time_one_minute_wide(self) -> None:
        start, end = PartialDate.parse("2025-09-18T10:00").bounds(HANOI)

        assert (start, end - start) == (epoch("UTC", 2025, 9, 18, 3, 0), 60)

    def test_a_date_time_with_seconds_is_one_second_wide(self) -> None:
        start, end = PartialDate.parse("2025-09-18T10:00:05").bounds(HANOI)

        assert (start, end - start) == (epoch(HANOI, 2025, 9, 18, 10, 0, 5), 1)

    def test_a_date_time_with_an_offset_is_the_same_instant_in_every_zone(self) -> None:
        date = PartialDate.parse("2024-12-22T09:00+07:00")

        assert date.bounds(HANOI) == date.bounds("America/New_York") == date.bounds("UTC")

    def test_2026_03_08_at_2000_utc_falls_on_9_march_in_hanoi(self) -> None:
        start, end = PartialDate.parse("2026-03-08T20:00Z").bounds(HANOI)
        day_start, day_end = PartialDate.parse("2026-03-09").bounds(HANOI)

        assert local_date(start, HANOI).isoformat() == "2026-03-09"
        assert day_start <= start < end <= day_end
        assert local_date(start, "UTC").isoformat() == "2026-03-08"

    def test_the_interval_is_also_given_as_pendulum_date_times_in_the_zone(self) -> None:
        date = PartialDate.parse("2024-04")
        assert isinstance(date, PartialDate)

        interval = date.interval(HANOI)

        assert interval.start.isoformat() == "2024-04-01T00:00:00+07:00"
        assert interval.end.isoformat() == "2024-05-01T00:00:00+07:00"

    def test_an_unknown_zone_raises_a_date_error(self) -> None:
        with pytest.raises(DateError, match="unknown time zone 'Asia/Hanoi'"):
            PartialDate.parse("2021").bounds("Asia/Hanoi")

    @FAST
    @given(day=st.dates(dt.date(100, 1, 1), dt.date(9899, 12, 31)), zone=ZONES)
    def test_a_days_interval_lies_inside_its_months_its_years_its_decades_and_its_centurys(
        self, day: dt.date, zone: str
    ) -> None:
        text = day.isoformat()
        chain = [text, text[:7], text[:4], text[:3] + "X", text[:2] + "XX"]
        intervals = [PartialDate.parse(value).bounds(zone) for value in chain]

        for (inner_start, inner_end), (outer_start, outer_end) in itertools.pairwise(intervals):
            assert outer_start <= inner_start < inner_end <= outer_end

    @FAST
    @given(day=st.dates(dt.date(2, 1, 1), dt.date(9997, 12, 31)), zone=ZONES)
    def test_unspecified_digits_cover_the_whole_of_the_known_part(
        self, day: dt.date, zone: str
    ) -> None:
        text = day.isoformat()

        def bounds(value: str) -> tuple[int, int]:
            return PartialDate.parse(value).bounds(zone)

        assert bounds(text[:7] + "-XX") == bounds(text[:7])
        assert bounds(text[:4] + "-XX") == bounds(text[:4] + "-XX-XX") == bounds(text[:4])

    @FAST
    @given(value=edtf_values(forms=("time",), first_year=2, last_year=9997), zone=ZONES)
    def test_a_date_times_instant_lies_inside_its_days_interval_in_the_zone_it_falls_in(
        self, value: tuple[str, str], zone: str
    ) -> None:
        instant = PartialDate.parse(value[0]).bounds(zone)[0]
        day = local_date(instant, zone)
        day_start, day_end = PartialDate.parse(day.isoformat()).bounds(zone)

        assert day_start <= instant < day_end

    @FAST
    @given(value=edtf_values(forms=("time",), first_year=2, last_year=9997), zone=ZONES)
    def test_a_local_date_time_lies_inside_the_day_it_is_written_on(
        self, value: tuple[str, str], zone: str
    ) -> None:
        text = value[0].rstrip("?~%")
        local = re.sub(r"(Z|[+-]\d\d(?::\d\d)?)$", "", text)
        instant = PartialDate.parse(local).bounds(zone)[0]
        day_start, day_end = PartialDate.parse(local[:10]).bounds(zone)

        assert day_start <= instant < day_end

    @FAST
    @given(value=edtf_values(), zone=ZONES)
    def test_every_valid_value_is_a_non_empty_interval_that_qualifiers_leave_alone(
        self, value: tuple[str, str], zone: str
    ) -> None:
        text = value[0]
        bare = text.rstrip("?~%")
        start, end = PartialDate.parse(text).bounds(zone)

        assert start < end
        assert (start, end) == PartialDate.parse(bare).bounds(zone)


class TestFormatBounds:
    @pytest.mark.parametrize(
        ("text", "precision", "expected"),
        [
            ("2025-09-18", "day", "2025-09-18"),
            ("2024-04", "month", "2024-04"),
            ("2024-04", "day", "2024-04-01/2024-04-30"),
            ("2021", "year", "2021"),
            ("202X", "year", "202X"),
            ("20XX", "year", "20XX"),
            ("2026-03-08T20:00Z", "time", "2026-03-09T03:00+07:00"),
            ("2026-03-08T20:00Z", "day", "2026-03-09"),
            ("2025-09-18T10:00:05", "time", "2025-09-18T10:00:05+07:00"),
        ],
    )
    def test_one_unit_is_one_value_and_more_are_an_edtf_interval(
        self, text: str, precision: str, expected: str
    ) -> None:
        start, end = PartialDate.parse(text).bounds(HANOI)

        assert format_bounds(start, end, HANOI, precision) == expected  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("text", "precision"), [("0999-01", "month"), ("0999-01-05", "day"), ("0999", "year")]
    )
    def test_years_before_1000_are_written_with_four_digits(
        self, text: str, precision: str
    ) -> None:
        # strftime("%Y") does not pad years below 1000 on glibc ("999-01").
        start, end = PartialDate.parse(text).bounds(HANOI)

        assert format_bounds(start, end, HANOI, precision) == text  # type: ignore[arg-type]

    def test_a_second_at_zero_seconds_keeps_its_seconds(self) -> None:
        # Without ":00" a one-second interval would read as a whole minute.
        start, end = PartialDate.parse("2025-09-18T10:00:00").bounds(HANOI)

        assert format_bounds(start, end, HANOI, "time") == "2025-09-18T10:00:00+07:00"

    def test_two_days_are_named_by_their_first_and_last_day(self) -> None:
        start = PartialDate.parse("2026-03-08").bounds(HANOI)[0]
        end = PartialDate.parse("2026-03-09").bounds(HANOI)[1]

        assert format_bounds(start, end, HANOI, "day") == "2026-03-08/2026-03-09"

    @FAST
    @given(
        # Local mean time before about 1920 had offsets of odd seconds, which
        # EDTF's +HH:MM cannot name, hence 1970 for times.
        # A season, quarter or half is named by its months (2000-03/2000-05).
        value=edtf_values(
            tuple(f for f in FORMS[:-1] if f != "grouping"), first_year=1000, last_year=9997
        )
        | edtf_values(("time",), first_year=1970, last_year=9997),
        zone=ZONES,
    )
    def test_formatting_an_interval_names_exactly_that_interval(
        self, value: tuple[str, str], zone: str
    ) -> None:
        date = PartialDate.parse(value[0])
        start, end = date.bounds(zone)

        text = format_bounds(start, end, zone, date.precision)

        assert "/" not in text
        assert PartialDate.parse(text).bounds(zone) == (start, end)


class TestHelpers:
    def test_precisions_run_from_coarsest_to_finest(self) -> None:
        assert PRECISIONS == ("year", "month", "day", "time")

    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [("year", "day", "day"), ("time", "month", "time"), ("month", "month", "month")],
    )
    def test_finer_picks_the_finer_precision_in_either_order(
        self, a: str, b: str, expected: str
    ) -> None:
        assert finer(a, b) == finer(b, a) == expected  # type: ignore[arg-type]

    def test_get_zone_knows_iana_names_and_rejects_others(self) -> None:
        assert get_zone(HANOI).utcoffset(dt.datetime(2025, 1, 1)) == dt.timedelta(hours=7)
        with pytest.raises(DateError, match="expected an IANA name such as 'Asia/Ho_Chi_Minh'"):
            get_zone("Hanoi")

    def test_local_date_is_the_calendar_date_in_the_zone(self) -> None:
        instant = epoch("UTC", 2026, 3, 8, 20, 0)

        assert local_date(instant, HANOI).isoformat() == "2026-03-09"
        assert local_date(instant, "America/New_York").isoformat() == "2026-03-08"
