"""EDTF forms beyond the basic dates: groupings, 1XXX, hour-only offsets, ranges, and refusals.

The peer check reads the level 0 and level 1 examples of python-edtf's own
test suite (and the level 2 forms vntimeline supports) with both libraries
and asserts that every form vntimeline accepts covers exactly the days
python-edtf computes, and that every other form is refused with a message
that names the feature rather than a generic "not a date".
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from edtf import parse_edtf
from hypothesis import given
from hypothesis import strategies as st

from helpers.strategies import FAST
from vntimeline import DateError, DateRange, PartialDate
from vntimeline._model.dates import OPEN_END, OPEN_START, local_date

#: python-edtf 5.0.2, edtf/parser/tests.py: the level 0 and level 1 examples,
#: then the level 2 "one of" ranges and groupings that vntimeline also reads.
PEER_EXAMPLES = (
    "2001-02-03",
    "2008-12",
    "2008",
    "-0999",
    "0000",
    "2001-02-03T09:30:01",
    "2004-01-01T10:10:10Z",
    "2004-01-01T10:10:10+05:00",
    "1985-04-12T23:20:30",
    "1964/2008",
    "2004-06/2006-08",
    "2004-02-01/2005-02-08",
    "2004-02-01/2005-02",
    "2004-02-01/2005",
    "2005/2006-02",
    "-2005/-1999-02",
    "1984?",
    "2004-06-11?",
    "2004-06?",
    "1984~",
    "1984%",
    "199X",
    "19XX",
    "1999-XX",
    "1999-01-XX",
    "1999-XX-XX",
    "-01XX",
    "-0275~",
    "-0001~",
    "0000~",
    "16XX~",
    "16XX%",
    "1XXX",
    "1XXX~",
    "156X~",
    "-01XX~",
    "/2006",
    "2004-06-01/",
    "../2006",
    "2004-01-01/..",
    "1984~/2004-06",
    "1984/2004-06~",
    "1984?/2004%",
    "1984~/2004~",
    "1984-06?/2004-08?",
    "1984-06-02?/2004-08-08~",
    "1984-06-02?/",
    "Y170000002",
    "Y-170000002",
    "2001-21",
    "2003-22",
    "2000-23",
    "2010-24",
    "1985-04-12T23:20:30-04",
    # level 2 forms vntimeline supports
    "[..1760-12-03]",
    "[1760-12..]",
    "2001-34",
    "2001-33",
    "2001-35",
    "2001-36",
    "2001-40",
    "2001-41",
)

#: The forms vntimeline supports among the examples.
SUPPORTED = {
    "2001-02-03",
    "2008-12",
    "2008",
    "2001-02-03T09:30:01",
    "2004-01-01T10:10:10Z",
    "2004-01-01T10:10:10+05:00",
    "1985-04-12T23:20:30",
    "1984?",
    "2004-06-11?",
    "2004-06?",
    "1984~",
    "1984%",
    "199X",
    "19XX",
    "1999-XX",
    "1999-01-XX",
    "1999-XX-XX",
    "16XX~",
    "16XX%",
    "1XXX",
    "1XXX~",
    "156X~",
    "2001-21",
    "2003-22",
    "2000-23",
    "2010-24",
    "1985-04-12T23:20:30-04",
    "[..1760-12-03]",
    "[1760-12..]",
    "2001-33",
    "2001-34",
    "2001-35",
    "2001-36",
    "2001-40",
    "2001-41",
}

#: What each refused example's message names.
REFUSED_BECAUSE = {
    "-": "negative years are not supported",
    "0000": "the year must be between 0002 and 9997",
    "/": "an interval is written as start and end",
    "Y": "years written with 'Y'",
}

FIXED_ZONES = {"Z": "UTC", "+05:00": "Etc/GMT-5", "-04": "Etc/GMT+4"}


def _zone_of(text: str) -> str:
    """A zone in which local dates are the dates as written (what python-edtf reports)."""
    for suffix, zone in FIXED_ZONES.items():
        if text.endswith(suffix):
            return zone
    return "UTC"


def _peer_day(value: object) -> dt.date | None:
    """A python-edtf strict bound as a date (``None`` for an infinite one)."""
    if isinstance(value, float):
        return None
    year, month, day = value[:3]  # type: ignore[index]
    return dt.date(year, month, day)


def _refusal(text: str) -> str:
    """The feature the message for a refused example must name."""
    if text.startswith("-"):
        return REFUSED_BECAUSE["-"]
    if text.startswith("Y"):
        return REFUSED_BECAUSE["Y"]
    if "/" in text:
        return REFUSED_BECAUSE["/"]
    return REFUSED_BECAUSE[text.rstrip("~")]


class TestPeerSuite:
    @pytest.mark.parametrize("text", sorted(SUPPORTED))
    def test_a_supported_form_covers_the_days_python_edtf_computes(self, text: str) -> None:
        peer = parse_edtf(text)
        ours = PartialDate.parse(text)
        zone = _zone_of(text)
        start, end = ours.bounds(zone)

        first = None if start == OPEN_START else local_date(start, zone)
        last = None if end == OPEN_END else local_date(end - 1, zone)

        assert (first, last) == (_peer_day(peer.lower_strict()), _peer_day(peer.upper_strict()))

    @pytest.mark.parametrize("text", sorted(SUPPORTED))
    def test_a_supported_form_formats_back_to_the_same_text(self, text: str) -> None:
        assert str(PartialDate.parse(text)) == text

    @pytest.mark.parametrize("text", sorted(set(PEER_EXAMPLES) - SUPPORTED))
    def test_every_other_example_is_refused_with_the_feature_named(self, text: str) -> None:
        parse_edtf(text)  # valid EDTF: python-edtf reads it

        with pytest.raises(DateError, match=re.escape(_refusal(text))):
            PartialDate.parse(text)


class TestGroupings:
    @pytest.mark.parametrize(
        ("text", "first", "last"),
        [
            ("2025-21", "2025-03-01", "2025-05-31"),
            ("2025-24", "2025-12-01", "2025-12-31"),
            ("2025-35", "2025-07-01", "2025-09-30"),
            ("2026-40", "2026-01-01", "2026-06-30"),
            ("2026-41", "2026-07-01", "2026-12-31"),
        ],
    )
    def test_a_grouping_covers_its_months_in_the_zone(
        self, text: str, first: str, last: str
    ) -> None:
        date = PartialDate.parse(text)
        start, end = date.bounds("Asia/Ho_Chi_Minh")

        assert local_date(start, "Asia/Ho_Chi_Minh").isoformat() == first
        assert local_date(end - 1, "Asia/Ho_Chi_Minh").isoformat() == last
        assert date.precision == "month"

    @pytest.mark.parametrize(
        ("text", "why"),
        [
            ("2025-37", "grouping code 37 is not supported: use 21-24 (seasons), 33-36"),
            ("2025-25", "grouping code 25 is not supported"),
            ("2025-13", "month 13 is not between 01 and 12 (or a grouping: 21-24"),
            ("2025-21-05", "21 is the spring, which has no days"),
            ("2025-36-01", "36 is the fourth quarter, which has no days"),
        ],
    )
    def test_a_code_out_of_range_names_the_valid_codes(self, text: str, why: str) -> None:
        with pytest.raises(DateError, match=re.escape(why)):
            PartialDate.parse(text)


class TestRanges:
    def test_on_or_before_is_open_at_the_start_and_ends_with_its_day(self) -> None:
        date = PartialDate.parse("[..2026-03-08]")

        assert isinstance(date, DateRange)
        assert date.open_start and not date.open_end
        assert date.precision == "day"
        start, end = date.bounds("Asia/Ho_Chi_Minh")
        assert start == OPEN_START
        assert local_date(end - 1, "Asia/Ho_Chi_Minh").isoformat() == "2026-03-08"

    def test_a_closed_range_runs_from_its_first_to_its_last_unit(self) -> None:
        date = PartialDate.parse("[2019..2021]")

        assert isinstance(date, DateRange)
        start, end = date.bounds("UTC")
        assert (local_date(start, "UTC").isoformat(), local_date(end - 1, "UTC").isoformat()) == (
            "2019-01-01",
            "2021-12-31",
        )
        assert date.precision == "year"

    def test_the_precision_of_a_mixed_range_is_its_coarser_end(self) -> None:
        assert PartialDate.parse("[2025-09-18..2026]").precision == "year"

    def test_two_dots_alone_are_a_range_open_on_both_sides(self) -> None:
        date = PartialDate.parse("..")

        assert date == DateRange(None, None)
        assert date.bounds("UTC") == (OPEN_START, OPEN_END)
        assert str(date) == ".."

    def test_a_range_is_never_uncertain_or_approximate(self) -> None:
        date = PartialDate.parse("[2025-09..]")

        assert (date.qualifier, date.uncertain, date.approximate) == (None, False, False)

    @pytest.mark.parametrize(
        ("text", "why"),
        [
            ("[2026-03-09..2026-03-08]", "the range is reversed: 2026-03-09 is after 2026-03-08"),
            ("[..]", "'[..]' says nothing is known: leave the date out"),
            ("[2019, 2021]", "a 'one of' set of listed dates is not supported"),
            ("[..2026-03-08?]", "a qualifier inside a 'one of' range is not supported"),
            ("[2026-03-08]", "a 'one of' set is written [FIRST..LAST]"),
            ("{2019, 2021}", "'all of' sets ({...}) are not supported"),
            ("[..2026-13-01]", "month 13 is not between 01 and 12"),
        ],
    )
    def test_a_bad_range_says_what_is_wrong(self, text: str, why: str) -> None:
        with pytest.raises(DateError, match=re.escape(repr(text)) + ".*" + re.escape(why)):
            PartialDate.parse(text)


class TestOffsets:
    def test_an_hour_only_offset_is_read_and_written_back_as_hours(self) -> None:
        date = PartialDate.parse("2025-09-18T10:00+07")

        assert isinstance(date, PartialDate)
        assert date.utc_offset == 7 * 60
        assert str(date) == "2025-09-18T10:00+07"
        assert date.bounds("UTC")[0] == PartialDate.parse("2025-09-18T03:00Z").bounds("UTC")[0]

    def test_a_zero_hour_only_offset_keeps_its_written_form(self) -> None:
        assert str(PartialDate.parse("2025-09-18T10:00+00")) == "2025-09-18T10:00+00"

    def test_an_hour_only_offset_out_of_range_is_refused(self) -> None:
        with pytest.raises(DateError, match=r"UTC offset \+15 is out of range"):
            PartialDate.parse("2025-09-18T10:00+15")


class TestAnyText:
    @FAST
    @given(st.text(alphabet="0123456789X-:T.Z+?~%[]/, {}()Y-S", max_size=30) | st.text(max_size=12))
    def test_any_text_gives_a_value_or_a_date_error_never_another_exception(
        self, text: str
    ) -> None:
        try:
            value = PartialDate.parse(text)
        except DateError as exc:
            assert "is not a valid date" in str(exc) or "expected an EDTF" in str(exc)
        else:
            assert str(value) == text
            start, end = value.bounds("Asia/Ho_Chi_Minh")
            assert start < end
