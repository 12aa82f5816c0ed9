"""The Timeline: lookups, zones, identity, categories, and the rules across its objects."""

from __future__ import annotations

import pickle
from typing import Any

import attrs
import pytest

import vntimeline
from vntimeline import Category, Claim, DataError, Event, PartialDate, Source, Timeline
from vntimeline._model.events import find_cycle


def date(text: str) -> PartialDate:
    found = PartialDate.parse(text)
    assert isinstance(found, PartialDate)
    return found


def source(id: str = "vir", **kwargs: Any) -> Source:
    return Source(**{"id": id, "title": "T", "publisher": "P", **kwargs})


def event(id: str, *claims: Claim, **kwargs: Any) -> Event:
    return Event(**{"id": id, "title": id.title(), "claims": claims, **kwargs})


def claim(start: str | None = None, end: str | None = None, src: str = "vir") -> Claim:
    return Claim(source=src, start=start, end=end)


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
        timezone="Asia/Ho_Chi_Minh",
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

    def test_an_unknown_file_zone_is_rejected(self) -> None:
        with pytest.raises(
            DataError, match=r"^Timeline\.timezone: unknown time zone 'Mars/Olympus'"
        ):
            Timeline(events=[], timezone="Mars/Olympus")


class TestZones:
    def test_a_timeline_is_in_utc_unless_it_names_a_zone(self) -> None:
        assert Timeline(events=[]).timezone == "UTC"

    def test_an_event_without_a_zone_takes_the_timelines(self) -> None:
        made = Timeline(
            events=[event("a"), event("b", timezone="Asia/Shanghai")], timezone="Europe/Paris"
        )

        assert [e.timezone for e in made] == ["Europe/Paris", "Asia/Shanghai"]
        assert made.event("a") == event("a", timezone="Europe/Paris")

    def test_what_depends_on_the_zone_is_checked_in_the_timelines(self) -> None:
        # 00:30 on the 18th in Shanghai is the 17th in Hanoi: in order only there.
        span = event("a", claim("2025-09-18T00:30+08:00", "2025-09-17"), kind="span")

        assert Timeline(events=[span], sources=[source()], timezone="Asia/Ho_Chi_Minh")
        with pytest.raises(DataError, match=r"^Event\.claims\[0\]\.end: event 'a': a claim's end"):
            Timeline(events=[span], sources=[source()], timezone="Asia/Shanghai")
        with pytest.raises(DataError, match="2011-12-30 does not exist in Pacific/Apia"):
            Timeline(events=[event("b", claim("2011-12-30"))], timezone="Pacific/Apia")


class TestIdentity:
    def test_a_timeline_has_no_name_or_url_unless_given(self) -> None:
        made = Timeline(events=[])

        assert (made.name, made.url, made.display_name) == (None, None, "Timeline")

    def test_the_display_name_is_the_name(self) -> None:
        made = Timeline(events=[], name="Vietnam AI policy timeline", url="https://x.org/feeds/")

        assert made.display_name == "Vietnam AI policy timeline"
        assert made.url == "https://x.org/feeds/"

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("", "expected non-empty text, got ''"),
            ("  ", "expected non-empty text"),
            ("two\nlines", "expected one line of text, got 'two\\nlines'"),
            ("sep\u2028arated", "expected one line of text"),
            (42, "expected non-empty text, got 42"),
        ],
    )
    def test_a_name_is_one_line_of_text(self, value: Any, message: str) -> None:
        with pytest.raises(DataError) as info:
            Timeline(events=[], name=value)

        assert str(info.value).startswith(f"Timeline.name: {message}")

    @pytest.mark.parametrize(
        "url",
        [
            "ftp://x.org/",
            "https://",
            "https:///path",
            "https://x.org/a b",
            'https://x.org/"a"',
            "https://x.org/'a'",
            "https://x.org/<a>",
            "x.org",
            7,
        ],
    )
    def test_a_url_is_http_with_a_host_and_nothing_to_escape(self, url: Any) -> None:
        with pytest.raises(DataError, match=r"^Timeline\.url: expected an http\(s\) URL"):
            Timeline(events=[], url=url)

    @pytest.mark.parametrize(
        "url", ["http://x.org", "https://x.org/feeds/", "https://x.org:8080/a?b=c&d=e#f"]
    )
    def test_a_url_with_a_host_is_accepted(self, url: str) -> None:
        assert Timeline(events=[], url=url).url == url


class TestCategories:
    def test_declared_categories_come_first_in_their_order_then_the_others(self) -> None:
        made = Timeline(
            events=[event("a", category="policy"), event("b"), event("c", category="target")],
            categories={"target": Category(label="Targets"), "unused": None},
        )

        assert made.categories == ("target", "unused", "policy", "general")

    def test_a_label_is_the_declared_one_else_the_id_as_words(self) -> None:
        made = Timeline(events=[], categories={"policy": {"label": "Policy & law"}})

        assert made.category_label("policy") == "Policy & law"
        assert made.category_label("ai-research") == "Ai research"
        assert made.category_label("general") == "General"

    def test_a_colour_is_the_declared_one_else_none(self) -> None:
        made = Timeline(events=[], categories={"policy": {"color": "#1f77b4"}, "law": {}})

        assert made.category_color("policy") == "#1f77b4"
        assert made.category_color("law") is None
        assert made.category_color("sports") is None

    def test_plain_dicts_and_category_objects_make_equal_timelines(self) -> None:
        plain = Timeline(events=[], categories={"policy": {"label": "Policy", "color": "teal"}})
        typed = Timeline(events=[], categories={"policy": Category("Policy", "teal")})

        assert plain == typed
        assert hash(plain) == hash(typed)
        assert plain.category_info == {"policy": Category(label="Policy", color="teal")}

    def test_the_categories_cannot_be_changed_in_place(self) -> None:
        made = Timeline(events=[], categories={"policy": {}})

        with pytest.raises(TypeError):
            made.category_info["law"] = Category()  # type: ignore[index]

    def test_a_timeline_with_categories_survives_pickling(self) -> None:
        made = Timeline(events=[event("a")], categories={"policy": {"color": "tab:blue"}})

        again = pickle.loads(pickle.dumps(made))

        assert again == made
        assert again.category_color("policy") == "tab:blue"
        assert again.event("a") == made.event("a")

    @pytest.mark.parametrize(
        ("categories", "message"),
        [
            (
                {"policy": {"colour": "teal"}},
                "Timeline.categories.policy: unknown key 'colour' (did you mean 'color'?); "
                "expected one of label, color",
            ),
            (
                {"policy": {"color": "reddish"}},
                "Timeline.categories.policy.color: expected a colour: #rgb, #rrggbb or "
                "#rrggbbaa, a CSS colour name such as 'teal', or one of tab:blue",
            ),
            ({"policy": {"label": ""}}, "Timeline.categories.policy.label: expected non-empty"),
            ({"AI Policy": {}}, "Timeline.categories: expected category ids that are lowercase"),
            ({"policy": "Policy"}, "Timeline.categories.policy: expected a Category or a dict"),
            (["policy"], "Timeline.categories: expected a mapping of category ids"),
        ],
    )
    def test_a_bad_category_raises_a_data_error_saying_where(
        self, categories: Any, message: str
    ) -> None:
        with pytest.raises(DataError) as info:
            Timeline(events=[], categories=categories)

        assert str(info.value).startswith(message)

    def test_evolving_a_timeline_keeps_its_categories(self) -> None:
        made = Timeline(events=[], categories={"policy": {"label": "Policy"}})

        renamed = attrs.evolve(made, name="Renamed")

        assert renamed.category_info == made.category_info
        assert renamed.name == "Renamed"


class TestProblems:
    def test_a_whole_timeline_has_none(self, timeline: Timeline) -> None:
        assert timeline.problems() == ()

    def test_every_problem_across_objects_is_listed_at_once_without_raising(self) -> None:
        made = Timeline(
            events=[
                event("a", after=["c"]),
                event("launch", claim("2021"), claim("2022", src="blog"), before=["lanch"]),
                event("a", after=["a"]),
                event("c", after=["a"]),
            ],
            sources=[source("blogs"), source("blogs", title="Other")],
        )

        assert [str(p) for p in made.problems()] == [
            "sources[1] (blogs).id: duplicate source id 'blogs' (first at sources[0]); "
            "ids must be unique",
            "events[2] (a).id: duplicate event id 'a' (first at events[0]); ids must be unique",
            "events[1] (launch).claims[0].source: unknown source 'vir'",
            "events[1] (launch).claims[1].source: unknown source 'blog' (did you mean 'blogs'?)",
            "events[1] (launch).before[0]: unknown event 'lanch' (did you mean 'launch'?)",
            "events[2] (a).after[0]: an event cannot be ordered against itself",
            "events[0] (a): order constraints form a cycle: a -> c -> a",
        ]
        assert all((p.line, p.column) == (0, 0) for p in made.problems())

    def test_lookups_use_the_first_of_duplicate_ids(self) -> None:
        made = Timeline(
            events=[event("a", location="First"), event("a", location="Second")],
            sources=[source(title="First"), source(title="Second")],
        )

        assert made.event("a").location == "First"
        assert made.source("vir").title == "First"
        assert len(made) == 2

    @pytest.mark.parametrize(
        "events",
        [
            [event("a", before=["b"]), event("b", before=["c"]), event("c", before=["a"])],
            [event("a", after=["b"]), event("b", after=["a"])],
            [event("a", before=["b"], after=["c"]), event("b"), event("c", after=["b"])],
        ],
        ids=["before", "after", "mixed"],
    )
    def test_after_and_before_loop_together(self, events: list[Event]) -> None:
        (problem,) = Timeline(events=events).problems()

        assert "order constraints form a cycle: " in problem.message
        assert problem.path.startswith("events[")

    def test_the_same_order_said_twice_is_no_loop(self) -> None:
        assert Timeline(events=[event("a", before=["b"]), event("b", after=["a"])]).problems() == ()

    def test_resolve_refuses_a_timeline_with_problems_listing_every_one(self) -> None:
        made = Timeline(events=[event("a", claim("2021", src="x")), event("b", after=["z"])])

        with pytest.raises(DataError) as info:
            vntimeline.resolve(made)

        assert info.value.problems == made.problems()
        assert str(info.value).splitlines() == [
            "events[0] (a).claims[0].source: unknown source 'x'",
            "events[1] (b).after[0]: unknown event 'z'",
        ]

    def test_resolve_accepts_a_whole_timeline(self, timeline: Timeline) -> None:
        start = vntimeline.resolve(timeline)["nanning-roundtable"].start

        assert start is not None
        assert start.value == "2025-09-18"


class TestFindCycle:
    def test_a_chain_has_no_cycle(self) -> None:
        assert find_cycle([event("a", before=["b"]), event("b", before=["c"]), event("c")]) == []

    def test_a_long_chain_is_checked_without_hitting_the_recursion_limit(self) -> None:
        chain = [event(f"e{i}", after=[f"e{i - 1}"] if i else []) for i in range(5000)]

        assert find_cycle(chain) == []
        cycle = find_cycle([*chain[1:], event("e0", after=["e4999"])])

        assert len(cycle) == 5001
        assert cycle[0] == cycle[-1]
