"""The typed model: validators that explain themselves, and Timeline's whole-file rules."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from vntimeline import Claim, Event, PartialDate, Source, Timeline
from vntimeline._model.events import AUTHORITY_WEIGHTS, find_cycle, suggest


def date(text: str) -> PartialDate:
    found = PartialDate.parse(text)
    assert isinstance(found, PartialDate)
    return found


def source(id: str = "vir", **kwargs: Any) -> Source:
    return Source(**{"id": id, "title": "T", "publisher": "P", **kwargs})


def event(id: str, *claims: Claim, **kwargs: Any) -> Event:
    return Event(**{"id": id, "title": id.title(), "claims": claims, **kwargs})


def claim(start: str | None = None, end: str | None = None, src: str = "vir") -> Claim:
    return Claim(
        source=src,
        start=None if start is None else date(start),
        end=None if end is None else date(end),
    )


class TestAuthorityWeights:
    def test_official_agency_press_aggregator_weigh_4_3_2_1(self) -> None:
        assert AUTHORITY_WEIGHTS == {"official": 4, "agency": 3, "press": 2, "aggregator": 1}


class TestSuggest:
    def test_a_close_word_is_suggested(self) -> None:
        assert suggest("offical", ["official", "press"]) == " (did you mean 'official'?)"

    def test_nothing_is_suggested_for_a_word_unlike_any_choice(self) -> None:
        assert suggest("zebra", ["official", "press"]) == ""


class TestSource:
    def test_defaults_are_press_english_and_no_weight(self) -> None:
        made = source()

        assert (made.authority, made.language, made.weight, made.url, made.seed) == (
            "press",
            "en",
            None,
            None,
            None,
        )

    def test_a_full_source_keeps_every_value(self) -> None:
        made = source(
            url="https://vir.com.vn/a.html",
            published=date("2025-09-19T10:00+07:00"),
            authority="official",
            language="vi",
            seed="004.txt",
            weight=2.5,
        )

        assert made.published == date("2025-09-19T10:00+07:00")
        assert made.weight == 2.5

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            (
                "id",
                "Bad_Id",
                "id must be a lowercase slug such as 'nanning-roundtable', got 'Bad_Id'",
            ),
            ("id", "a--b", "id must be a lowercase slug"),
            ("id", "-a", "id must be a lowercase slug"),
            ("title", "   ", "title must be non-empty text, got '   '"),
            ("title", None, "title must be non-empty text, got None"),
            ("publisher", "", "publisher must be non-empty text, got ''"),
            ("url", "ftp://x.org", r"url must be an http\(s\) URL, got 'ftp://x.org'"),
            ("url", "https://a b", r"url must be an http\(s\) URL"),
            (
                "authority",
                "offical",
                "authority must be one of official, agency, press, "
                "aggregator; got 'offical' \\(did you mean 'official'\\?\\)",
            ),
            (
                "language",
                "english",
                "language must be a BCP 47 tag such as 'en' or 'vi', got 'english'",
            ),
            ("language", "en_US", "language must be a BCP 47 tag"),
            ("weight", 0, "weight must be a positive number, got 0"),
            ("weight", -1.5, "weight must be a positive number, got -1.5"),
            ("weight", float("inf"), "weight must be a positive number, got inf"),
            ("weight", float("nan"), "weight must be a positive number, got nan"),
            ("weight", True, "weight must be a positive number, got True"),
            ("weight", "2", "weight must be a positive number, got '2'"),
            ("published", "2025-13-19", r"published: '2025-13-19' is not a valid date: month 13"),
            ("published", 2025, "published must be EDTF text such as '2025-09-18', a datetime"),
            ("published", "[..2025-09-19]", "published must be a single date"),
            ("seed", "", "seed must be non-empty text"),
        ],
    )
    def test_a_bad_value_is_rejected_with_what_was_expected_and_what_arrived(
        self, field: str, value: object, message: str
    ) -> None:
        kwargs: dict[str, Any] = {field: value}

        with pytest.raises(ValueError, match=message):
            source(**kwargs)

    def test_sources_are_frozen(self) -> None:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            source().title = "Other"  # type: ignore[misc]


class TestClaim:
    def test_a_claim_without_dates_is_undated(self) -> None:
        assert not Claim(source="vir").dated
        assert claim("2021").dated
        assert Claim(source="vir", end=date("2030")).dated

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            (
                {"source": "VIR"},
                "source must be a lowercase slug such as 'nanning-roundtable', got 'VIR'",
            ),
            ({"source": "vir", "start": "2021-02-30"}, "start: '2021-02-30' is not a valid date"),
            ({"source": "vir", "end": 2030}, "end must be EDTF text such as '2025-09-18'"),
            ({"source": "vir", "start": ".."}, "start cannot be '..'"),
            ({"source": "vir", "quote": " "}, "quote must be non-empty text, got ' '"),
            ({"source": "vir", "note": ""}, "note must be non-empty text, got ''"),
        ],
    )
    def test_a_bad_value_is_rejected_with_what_was_expected_and_what_arrived(
        self, kwargs: dict[str, Any], message: str
    ) -> None:
        with pytest.raises(ValueError, match=message):
            Claim(**kwargs)


class TestEvent:
    def test_defaults_are_a_general_milestone_in_hanoi_time(self) -> None:
        made = Event(id="a", title="A")

        assert (made.kind, made.category, made.timezone) == (
            "milestone",
            "general",
            "Asia/Ho_Chi_Minh",
        )
        assert (made.claims, made.aliases, made.after, made.before) == ((), (), (), ())

    def test_lists_are_frozen_into_tuples(self) -> None:
        made = Event(id="a", title="A", aliases=["x", "y"], after=["b"], claims=[claim("2021")])

        assert (made.aliases, made.after, made.claims) == (("x", "y"), ("b",), (claim("2021"),))

    @pytest.mark.parametrize(
        ("kwargs", "error", "message"),
        [
            (
                {"id": "A"},
                ValueError,
                "id must be a lowercase slug such as 'nanning-roundtable', got 'A'",
            ),
            ({"title": ""}, ValueError, "title must be non-empty text, got ''"),
            (
                {"kind": "spam"},
                ValueError,
                "kind must be one of milestone, span; got 'spam' \\(did you mean 'span'\\?\\)",
            ),
            ({"category": "Policy"}, ValueError, "category must be a lowercase slug"),
            ({"timezone": "Asia/Hanoi"}, ValueError, "timezone: unknown time zone 'Asia/Hanoi'"),
            ({"timezone": 7}, ValueError, "timezone must be an IANA time zone name, got 7"),
            ({"location": " "}, ValueError, "location must be non-empty text"),
            (
                {"aliases": "Decision 127"},
                TypeError,
                "expected a sequence of items, got the string 'Decision 127'",
            ),
            ({"aliases": [""]}, ValueError, "aliases must hold non-empty texts, got ''"),
            ({"after": ["Other"]}, ValueError, "after must be a lowercase slug"),
            ({"before": "other"}, TypeError, "expected a sequence of items"),
            ({"claims": ["vir"]}, ValueError, "claims must hold Claim objects, got 'vir'"),
        ],
    )
    def test_a_bad_value_is_rejected_with_what_was_expected_and_what_arrived(
        self, kwargs: dict[str, Any], error: type[Exception], message: str
    ) -> None:
        with pytest.raises(error, match=message):
            Event(**{"id": "a", "title": "A", **kwargs})

    def test_a_milestone_cannot_have_an_end(self) -> None:
        with pytest.raises(
            ValueError,
            match="event 'a' is a milestone, so its claims cannot "
            "have an end \\(use kind='span'\\)",
        ):
            event("a", claim("2021", "2030"))

    def test_a_span_cannot_end_before_it_starts(self) -> None:
        with pytest.raises(
            ValueError, match="event 'a': a claim's end 2025-09-17 is before its start 2025-09-18"
        ):
            event("a", claim("2025-09-18", "2025-09-17"), kind="span")

    def test_a_span_may_end_on_the_day_it_starts_or_within_its_start(self) -> None:
        made = event("a", claim("2025-09-18", "2025-09-18"), claim("2025", "2025-03"), kind="span")

        assert len(made.claims) == 2

    def test_the_end_is_compared_in_the_events_own_zone(self) -> None:
        # 2025-09-18T00:30+08:00 is 23:30 on 17 September in Hanoi, but on the
        # 18th in Shanghai: an end "2025-09-17" is before it only in Shanghai.
        claims = (claim("2025-09-18T00:30+08:00", "2025-09-17"),)

        assert event("a", *claims, kind="span", timezone="Asia/Ho_Chi_Minh")
        with pytest.raises(ValueError, match="is before its start"):
            event("a", *claims, kind="span", timezone="Asia/Shanghai")


@pytest.fixture
def timeline() -> Timeline:
    return Timeline(
        events=[
            event("national-ai-strategy", claim("2021-01-26"), category="policy"),
            event("nanning-roundtable", claim("2025-09-18"), category="diplomacy"),
            event("resolution-57", claim("2024-12-22"), category="policy"),
            event("late-night", claim("2026-03-08T20:00Z"), category="diplomacy"),
            event("strategy-period", claim("2021", "2030"), kind="span", category="target"),
            event("law-on-ai", Claim(source="vir"), after=["resolution-57"]),
        ],
        sources=[source()],
    )


class TestTimeline:
    def test_iterating_gives_the_events_in_file_order(self, timeline: Timeline) -> None:
        assert [e.id for e in timeline][:3] == [
            "national-ai-strategy",
            "nanning-roundtable",
            "resolution-57",
        ]
        assert len(timeline) == 6
        assert "resolution-57" in timeline
        assert "resolution-58" not in timeline

    def test_an_event_is_found_by_its_id(self, timeline: Timeline) -> None:
        assert timeline.event("resolution-57").claims == (claim("2024-12-22"),)

    def test_an_unknown_event_id_raises_key_error_with_a_suggestion(
        self, timeline: Timeline
    ) -> None:
        with pytest.raises(
            KeyError, match="no event 'resolution-75' \\(did you mean 'resolution-57'\\?\\)"
        ):
            timeline.event("resolution-75")

    def test_a_source_is_found_by_its_id_and_a_misspelt_one_gets_a_suggestion(
        self, timeline: Timeline
    ) -> None:
        assert timeline.source("vir").publisher == "P"
        with pytest.raises(KeyError, match="no source 'vri' \\(did you mean 'vir'\\?\\)"):
            timeline.source("vri")

    def test_categories_are_listed_in_order_of_first_appearance(self, timeline: Timeline) -> None:
        assert timeline.categories == ("policy", "diplomacy", "target", "general")

    def test_in_category_gives_that_categorys_events_in_file_order(
        self, timeline: Timeline
    ) -> None:
        assert [e.id for e in timeline.in_category("policy")] == [
            "national-ai-strategy",
            "resolution-57",
        ]
        assert timeline.in_category("sports") == ()

    @pytest.mark.parametrize(
        ("since", "until", "expected"),
        [
            ("2025", "2025", ["nanning-roundtable", "strategy-period"]),
            ("2024-12-22", "2024-12-22", ["resolution-57", "strategy-period"]),
            ("2024-12-23", "2025-09-17", ["strategy-period"]),
            ("2031", "2040", []),
            ("2010", "2020", []),
            # 2026-03-08T20:00Z is 9 March in Hanoi, the event's zone.
            ("2026-03-09", "2026-03-09", ["late-night", "strategy-period"]),
            ("2026-03-08", "2026-03-08", ["strategy-period"]),
        ],
    )
    def test_between_finds_events_a_claim_places_within_the_range_inclusive_at_its_precision(
        self, timeline: Timeline, since: str, until: str, expected: list[str]
    ) -> None:
        assert [e.id for e in timeline.between(since, until)] == expected

    def test_between_also_takes_partial_dates(self, timeline: Timeline) -> None:
        found = timeline.between(date("2021-01"), date("2021-01"))

        assert [e.id for e in found] == ["national-ai-strategy", "strategy-period"]

    def test_undated_events_are_never_between_anything(self, timeline: Timeline) -> None:
        assert "law-on-ai" not in [e.id for e in timeline.between("0002", "9997")]

    def test_duplicate_event_ids_are_rejected(self) -> None:
        with pytest.raises(ValueError, match="duplicate event id 'a'"):
            Timeline(events=[event("a"), event("a")])

    def test_duplicate_source_ids_are_rejected(self) -> None:
        with pytest.raises(ValueError, match="duplicate source id 'vir'"):
            Timeline(events=[], sources=[source(), source()])

    def test_a_claim_citing_an_unknown_source_is_rejected_with_a_suggestion(self) -> None:
        with pytest.raises(
            ValueError, match="event 'a' cites unknown source 'vri' \\(did you mean 'vir'\\?\\)"
        ):
            Timeline(events=[event("a", claim("2021", src="vri"))], sources=[source()])

    def test_an_order_constraint_on_an_unknown_event_is_rejected_with_a_suggestion(
        self,
    ) -> None:
        with pytest.raises(
            ValueError, match="event 'b' refers to unknown event 'aa' \\(did you mean 'a'\\?\\)"
        ):
            Timeline(events=[event("a"), event("b", before=["aa"])])

    def test_order_constraints_that_loop_are_rejected_with_the_loop_spelt_out(self) -> None:
        events = [event("a", after=["c"]), event("b", after=["a"]), event("c", after=["b"])]

        with pytest.raises(ValueError, match="order constraints form a cycle: a -> b -> c -> a"):
            Timeline(events=events)

    def test_after_and_before_loop_together(self) -> None:
        with pytest.raises(ValueError, match="order constraints form a cycle"):
            Timeline(
                events=[
                    event("a", before=["b"]),
                    event("b", before=["c"]),
                    event("c", before=["a"]),
                ]
            )
        with pytest.raises(ValueError, match="order constraints form a cycle"):
            Timeline(events=[event("a", after=["b"]), event("b", after=["a"])])
        assert Timeline(events=[event("a", before=["b"]), event("b", after=["a"])])

    def test_an_unknown_file_zone_is_rejected(self) -> None:
        with pytest.raises(ValueError, match="unknown time zone 'Mars/Olympus'"):
            Timeline(events=[], timezone="Mars/Olympus")


class TestFindCycle:
    def test_a_chain_has_no_cycle(self) -> None:
        assert find_cycle([event("a", before=["b"]), event("b", before=["c"]), event("c")]) == []

    def test_a_long_chain_is_checked_without_hitting_the_recursion_limit(self) -> None:
        chain = [event(f"e{i}", after=[f"e{i - 1}"] if i else []) for i in range(5000)]

        assert find_cycle(chain) == []
        cycle = find_cycle([*chain[1:], event("e0", after=["e4999"])])

        assert len(cycle) == 5001
        assert cycle[0] == cycle[-1]
