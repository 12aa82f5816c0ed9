"""Reading the timeline: sources, events and claims into the model, and their rules."""

from __future__ import annotations

import pytest

from conftest import BASE, SEEDS, WriteYaml, at, one
from vntimeline import check, load


class TestValidFile:
    def test_defaults_fill_in_what_the_file_leaves_out(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(BASE, seeds=SEEDS)

        timeline = load(path)
        roundtable = timeline.event("nanning-roundtable")

        assert (roundtable.kind, roundtable.category, roundtable.timezone) == (
            "milestone",
            "general",
            "Asia/Ho_Chi_Minh",
        )
        assert (timeline.source("gov").authority, timeline.source("gov").language) == (
            "press",
            "en",
        )

    def test_events_inherit_the_files_zone_unless_they_name_their_own(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml("""
            timezone: Europe/Amsterdam
            events:
              - {id: a, title: A}
              - {id: b, title: B, timezone: Asia/Shanghai}
        """)

        timeline = load(path)

        assert timeline.timezone == "Europe/Amsterdam"
        assert [e.timezone for e in timeline] == ["Europe/Amsterdam", "Asia/Shanghai"]

    def test_an_empty_optional_value_counts_as_absent(self, write_yaml: WriteYaml) -> None:
        path = write_yaml("""
            sources:
              s: {title: T, publisher: P, url: , authority: , weight: }
            events:
              - id: a
                title: A
                kind:
                category:
                aliases:
                after:
                claims:
              - id: b
                title: B
                claims: [{source: s, quote: }]
        """)

        timeline = load(path)

        assert timeline.event("a").kind == "milestone"
        assert timeline.event("a").claims == ()
        assert timeline.source("s").authority == "press"
        assert not timeline.event("b").claims[0].dated

    def test_sources_may_be_absent_when_no_event_has_claims(self, write_yaml: WriteYaml) -> None:
        path = write_yaml("events:\n  - {id: a, title: A}\n")

        assert load(path).sources == ()

    def test_an_empty_events_list_is_a_valid_empty_timeline(self, write_yaml: WriteYaml) -> None:
        assert len(load(write_yaml("events: []\n"))) == 0


class TestRules:
    """One test per rule: where it is reported, and what the message says."""

    @pytest.mark.parametrize(
        ("text", "where", "message"),
        [
            (
                "sources: {s: {title: T}}\nevents: []\n",
                (1, 14),
                "sources.s: missing key 'publisher'",
            ),
            (
                "sources: {s: {publisher: P}}\nevents: []\n",
                (1, 14),
                "sources.s: missing key 'title'",
            ),
            ("events:\n  - title: A\n", (2, 5), "events[0]: missing key 'id'"),
            (
                "events:\n  - id: a\n    title: A\n    claims: [{start: 2021}]\n",
                (4, 14),
                "events[0] (a).claims[0]: missing key 'source' (the id of the source making the "
                "claim)",
            ),
        ],
    )
    def test_a_missing_required_key_is_reported_at_its_mapping(
        self, write_yaml: WriteYaml, text: str, where: tuple[int, int], message: str
    ) -> None:
        problems = check(write_yaml(text))

        assert (problems[0].line, problems[0].column) == where
        assert problems[0].message == message

    def test_an_event_with_an_id_but_no_title_is_reported_not_a_crash(
        self, write_yaml: WriteYaml
    ) -> None:
        # The missing title is reported before event() counts its problems;
        # the Event must still not be built (it would raise TypeError).
        path = write_yaml("events:\n  - id: a\n    category: policy\n")

        problem = one(path)

        assert at(problem) == (2, 5)
        assert problem.message == "events[0] (a): missing key 'title'"

    def test_an_unknown_source_is_reported_with_the_source_it_probably_meant(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(BASE.replace("source: gov", "source: gob"), seeds=SEEDS)

        problem = one(path)

        assert at(problem) == (21, 17)
        assert problem.message == (
            "events[1] (strategy).claims[0].source: unknown source 'gob' (did you mean "
            "'gov'?); every source must be listed under 'sources'"
        )

    def test_a_claim_needs_sources_even_when_the_file_has_none(self, write_yaml: WriteYaml) -> None:
        path = write_yaml("events:\n  - id: a\n    title: A\n    claims: [{source: s}]\n")

        assert "unknown source 's'" in one(path).message

    def test_a_broken_source_does_not_also_make_its_claims_unknown(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(BASE.replace("    publisher: Government\n", ""), seeds=SEEDS)

        assert [p.message for p in check(path)] == ["sources.gov: missing key 'publisher'"]

    def test_an_end_before_its_start_is_reported_at_the_end(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(BASE.replace("end: 2030", "end: 2020-12"), seeds=SEEDS)

        problem = one(path)

        assert at(problem) == (23, 14)
        assert problem.message == (
            "events[1] (strategy).claims[0].end: the end 2020-12 is before the start 2021"
        )

    def test_an_end_on_a_milestone_is_reported_with_the_way_out(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(BASE.replace("    kind: span\n", ""), seeds=SEEDS)

        problem = one(path)

        assert at(problem) == (22, 9)
        assert problem.message.endswith(
            "only spans have an end; set 'kind: span' on the event or remove 'end'"
        )

    @pytest.mark.parametrize(
        ("zone", "date", "why"),
        [
            ("Pacific/Apia", "2011-12-30", "2011-12-30 does not exist in Pacific/Apia"),
            ("Europe/Amsterdam", "2025-03-30T02:30", "the clocks went straight to 03:30"),
        ],
    )
    def test_a_date_a_clock_change_skipped_is_impossible(
        self, write_yaml: WriteYaml, zone: str, date: str, why: str
    ) -> None:
        text = BASE.replace("start: 2021", f"start: '{date}'").replace(
            "timezone: Asia/Ho_Chi_Minh", f"timezone: {zone}"
        )

        problem = one(write_yaml(text, seeds=SEEDS))

        assert why in problem.message

    def test_a_range_of_years_past_9997_in_a_span_is_reported_not_a_crash(
        self, write_yaml: WriteYaml
    ) -> None:
        # Comparing such a start with its end once raised a plain ValueError
        # ("year 10000 is out of range") that escaped the loader.
        path = write_yaml(BASE.replace("start: 2021", "start: 999X"), seeds=SEEDS)

        problem = one(path)

        assert at(problem) == (22, 16)
        assert "the year must be between 0002 and 9997" in problem.message


class TestUrlsAndNullDates:
    """Issue 16: a URL that breaks out of its attribute, and a date that is silently nothing."""

    @pytest.mark.parametrize(
        "url",
        [
            'https://x"><script>alert(1)</script>',
            "https://x.org/a b",
            "https://x.org/<a>",
            "https://x.org/it's",
            "https://x.org\\\\@evil.org/",
            "javascript:alert(1)",
        ],
    )
    def test_a_source_url_with_quotes_spaces_or_brackets_is_refused_at_its_place(
        self, write_yaml: WriteYaml, url: str
    ) -> None:
        quoted = url.replace("'", "''")
        path = write_yaml(BASE.replace("    seed: vir.txt\n", f"    url: '{quoted}'\n"))

        problem = one(path)

        assert at(problem) == (6, 10)
        assert (
            "sources.vir.url: expected an http(s) URL with a host and no spaces" in problem.message
        )

    def test_a_source_url_with_a_query_and_fragment_is_fine(self, write_yaml: WriteYaml) -> None:
        url = "https://thuvienphapluat.vn/van-ban/a.aspx?x=1&y=%C3%A0#top"
        path = write_yaml(BASE.replace("    seed: vir.txt\n", f"    url: '{url}'\n"))

        assert load(path).source("vir").url == url

    @pytest.mark.parametrize("null", ["~", "null", ""])
    def test_a_null_start_is_an_error_that_says_to_leave_the_key_out(
        self, write_yaml: WriteYaml, null: str
    ) -> None:
        path = write_yaml(BASE.replace("start: 2025-09-18", f"start: {null}"), seeds=SEEDS)

        problem = one(path)

        assert at(problem)[0] == 15
        assert "claims[0].start: a start cannot be empty (null)" in problem.message
        assert "leave 'start' out" in problem.message

    def test_a_null_end_is_an_error_that_says_what_to_write_instead(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(BASE.replace("end: 2030", "end: ~"), seeds=SEEDS)

        problem = one(path)

        assert at(problem) == (23, 14)
        assert "leave 'end' out when it is not known, or write '..'" in problem.message

    def test_a_claim_without_start_is_still_an_undated_claim(self, write_yaml: WriteYaml) -> None:
        text = BASE.replace("        start: 2021\n", "").replace("        end: 2030\n", "")
        path = write_yaml(text, seeds=SEEDS)

        assert not load(path).event("strategy").claims[0].dated
