"""The YAML loader: events.yaml into a Timeline, or every problem as FILE:LINE:COL: message."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vntimeline
from conftest import EXAMPLE, WriteYaml, cli_env
from vntimeline import DataError, PartialDate, Problem, Timeline, check, load
from vntimeline._load.loader import CLAIM_KEYS, EVENT_KEYS, SOURCE_KEYS, TOP_KEYS

#: Two sources (one with a seed) and an event citing each: the smallest file
#: that exercises references and quotes. Line numbers below count from 1 here.
BASE = """\
timezone: Asia/Ho_Chi_Minh
sources:
  vir:
    title: Vietnam attends roundtable
    publisher: Vietnam Investment Review
    seed: vir.txt
  gov:
    title: Decision 127
    publisher: Government
events:
  - id: nanning-roundtable
    title: Roundtable
    claims:
      - source: vir
        start: 2025-09-18
        quote: held on September 18 in Nanning
  - id: strategy
    title: Strategy
    kind: span
    claims:
      - source: gov
        start: 2021
        end: 2030
"""
SEEDS = {"vir.txt": "The roundtable was held on\nSeptember 18   in Nanning, China.\n"}


def one(path: Path) -> Problem:
    """The single problem check() finds in *path* (failing if there are more or none)."""
    problems = check(path)
    assert len(problems) == 1, "\n".join(map(str, problems))
    assert problems[0].path == str(path)
    return problems[0]


def at(problem: Problem) -> tuple[int, int]:
    return problem.line, problem.column


class TestValidFile:
    def test_the_example_file_loads_into_a_timeline_with_every_value(
        self, example_file: Path
    ) -> None:
        timeline = load(example_file)

        assert [e.id for e in timeline] == [
            "national-ai-strategy",
            "nanning-roundtable",
            "eu-ai-governance-forum",
            "ai-law",
        ]
        strategy = timeline.event("national-ai-strategy")
        assert (strategy.kind, strategy.category, strategy.location) == (
            "span",
            "policy",
            "Hà Nội, Vietnam",
        )
        assert strategy.aliases == ("Quyết định 127/QĐ-TTg", "National AI Strategy")
        assert strategy.before == ("nanning-roundtable",)
        assert strategy.claims[0].end == PartialDate.parse("2030")
        nl = timeline.source("mst-forum-nl")
        assert (nl.authority, nl.language, nl.weight) == ("official", "nl", 3.5)
        assert timeline.source("vir-2025-09-19").published == PartialDate.parse(
            "2025-09-19T10:00+07:00"
        )

    def test_check_finds_nothing_in_a_valid_file(self, example_file: Path) -> None:
        assert check(example_file) == []

    def test_unquoted_dates_stay_edtf_and_are_not_read_as_yaml_timestamps(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(BASE, seeds=SEEDS)

        timeline = load(path)

        assert timeline.event("nanning-roundtable").claims[0].start == PartialDate.parse(
            "2025-09-18"
        )
        assert timeline.event("strategy").claims[0].start == PartialDate.parse("2021")

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
                claims: [{source: s, start: , quote: }]
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

    def test_text_is_normalised_to_nfc(self, write_yaml: WriteYaml) -> None:
        decomposed = unicodedata.normalize("NFD", "Hà Nội")
        path = write_yaml(f"events:\n  - {{id: a, title: '{decomposed}'}}\n")

        assert load(path).event("a").title == unicodedata.normalize("NFC", "Hà Nội")

    def test_a_byte_order_mark_is_allowed(self, write_yaml: WriteYaml) -> None:
        path = write_yaml("\ufeffevents: [{id: a, title: A}]\n".encode())

        assert [e.id for e in load(path)] == ["a"]

    def test_quotes_match_their_seed_after_collapsing_white_space_and_nfc(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(
            BASE.replace(
                "quote: held on September 18 in Nanning",
                "quote: |-\n          held   on\n          September 18 in Nanning",
            ),
            seeds=SEEDS,
        )

        claim = load(path).event("nanning-roundtable").claims[0]

        assert claim.quote == "held   on\nSeptember 18 in Nanning"

    def test_seeds_are_also_found_beside_the_files_folder(self, tmp_path: Path) -> None:
        # The repository's layout: data/events.yaml and seeds/ side by side.
        (tmp_path / "data").mkdir()
        (tmp_path / "seeds").mkdir()
        (tmp_path / "seeds" / "vir.txt").write_text(SEEDS["vir.txt"], encoding="utf-8")
        path = tmp_path / "data" / "events.yaml"
        path.write_text(BASE, encoding="utf-8")

        assert check(path) == []

    def test_seeds_dir_says_where_the_seeds_are(self, tmp_path: Path) -> None:
        (tmp_path / "articles").mkdir()
        (tmp_path / "articles" / "vir.txt").write_text(SEEDS["vir.txt"], encoding="utf-8")
        path = tmp_path / "events.yaml"
        path.write_text(BASE, encoding="utf-8")

        assert check(path, seeds_dir=tmp_path / "articles") == []
        assert len(load(str(path), seeds_dir=str(tmp_path / "articles"))) == 2
        assert "seed file 'vir.txt' not found" in one(path).message


class TestRules:
    """One test per rule: where it is reported, and what the message says."""

    def test_a_duplicate_key_is_reported_where_it_is_repeated(self, write_yaml: WriteYaml) -> None:
        text = BASE.replace("    title: Decision 127\n", "    title: A\n    title: B\n")

        problem = one(write_yaml(text, seeds=SEEDS))

        assert at(problem) == (9, 5)
        assert problem.message == (
            "sources.gov.title: duplicate key 'title' (first given on line 8); "
            "each key may appear once"
        )

    @pytest.mark.parametrize(
        ("old", "new", "where", "message"),
        [
            (
                "timezone:",
                "timezones:",
                (1, 1),
                "timezones: unknown key 'timezones' (did you "
                "mean 'timezone'?); expected one of timezone, sources, events",
            ),
            (
                "    seed: vir.txt",
                "    seeds: vir.txt",
                (6, 5),
                "sources.vir.seeds: unknown key "
                "'seeds' (did you mean 'seed'?); expected one of title, publisher, url, "
                "published, authority, language, seed, weight",
            ),
            (
                "    kind: span",
                "    knd: span",
                (19, 5),
                "events[1].knd: unknown key 'knd' "
                "(did you mean 'kind'?); expected one of id, title, kind, category, location, "
                "timezone, description, aliases, after, before, claims",
            ),
            (
                "        quote:",
                "        qoute:",
                (16, 9),
                "events[0] (nanning-roundtable)."
                "claims[0].qoute: unknown key 'qoute' (did you mean 'quote'?); expected one of "
                "source, start, end, quote, note",
            ),
        ],
    )
    def test_an_unknown_key_is_reported_with_the_key_it_probably_meant(
        self,
        write_yaml: WriteYaml,
        old: str,
        new: str,
        where: tuple[int, int],
        message: str,
    ) -> None:
        problems = check(write_yaml(BASE.replace(old, new, 1), seeds=SEEDS))
        found = [p.message for p in problems if (p.line, p.column) == where]

        assert found == [message]

    def test_an_impossible_date_is_reported_at_the_value(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(BASE.replace("start: 2021", "start: 2025-02-30"), seeds=SEEDS)

        problem = one(path)

        assert at(problem) == (22, 16)
        assert problem.message.startswith(
            "events[1] (strategy).claims[0].start: '2025-02-30' is not a valid date: day 30 "
            "does not exist in 2025-02, which has 28 days (expected EDTF such as 2021"
        )

    def test_a_date_of_the_wrong_form_says_what_forms_are_expected(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(BASE.replace("end: 2030", "end: 18/09/2030"), seeds=SEEDS)

        problem = one(path)

        assert at(problem) == (23, 14)
        assert "it does not have the form YYYY, YYYY-MM, YYYY-MM-DD" in problem.message

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

    def test_an_unknown_event_is_reported_with_the_event_it_probably_meant(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(
            BASE.replace("    kind: span\n", "    kind: span\n    after: [nanning-roundtabel]\n"),
            seeds=SEEDS,
        )

        problem = one(path)

        assert at(problem) == (20, 13)
        assert problem.message == (
            "events[1] (strategy).after[0]: unknown event 'nanning-roundtabel' "
            "(did you mean 'nanning-roundtable'?)"
        )

    def test_an_event_ordered_against_itself_is_reported(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(
            BASE.replace("    kind: span\n", "    kind: span\n    before: [strategy]\n"),
            seeds=SEEDS,
        )

        problem = one(path)

        assert at(problem) == (20, 14)
        assert problem.message.endswith("an event cannot be ordered against itself")

    def test_a_cycle_in_after_and_before_is_reported_with_the_loop_spelt_out(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml("""
            events:
              - id: a
                title: A
                after: [c]
              - id: b
                title: B
                after: [a]
              - id: c
                title: C
                before: [b]
                after: [b]
        """)

        problem = one(path)

        assert at(problem) == (2, 5)
        assert problem.message == (
            "events[0] (a): order constraints form a cycle: a -> b -> c -> a; "
            "'after'/'before' must not loop back"
        )

    @pytest.mark.parametrize(
        ("old", "new", "where", "message"),
        [
            (
                "timezone: Asia/Ho_Chi_Minh",
                "timezone: Asia/Ho_Chi_Min",
                (1, 11),
                "timezone: unknown time zone 'Asia/Ho_Chi_Min' (did you mean "
                "'Asia/Ho_Chi_Minh'?); expected an IANA name such as Asia/Ho_Chi_Minh",
            ),
            (
                "    kind: span\n",
                "    kind: span\n    timezone: Mars/Olympus\n",
                (20, 15),
                "events[1] (strategy).timezone: unknown time zone 'Mars/Olympus'",
            ),
            (
                "timezone: Asia/Ho_Chi_Minh",
                "timezone: ../../etc/passwd",
                (1, 11),
                "timezone: unknown time zone '../../etc/passwd'",
            ),
        ],
    )
    def test_an_unknown_time_zone_is_reported_with_the_zone_it_probably_meant(
        self,
        write_yaml: WriteYaml,
        old: str,
        new: str,
        where: tuple[int, int],
        message: str,
    ) -> None:
        problem = one(write_yaml(BASE.replace(old, new), seeds=SEEDS))

        assert at(problem) == where
        assert problem.message.startswith(message)

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

    def test_a_duplicate_id_is_reported_at_the_second_with_the_line_of_the_first(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(BASE.replace("id: strategy", "id: nanning-roundtable"), seeds=SEEDS)

        problem = one(path)

        assert at(problem) == (17, 9)
        assert problem.message == (
            "events[1] (nanning-roundtable).id: duplicate event id 'nanning-roundtable' "
            "(first used on line 11); ids must be unique"
        )

    @pytest.mark.parametrize(
        ("old", "new", "where", "message"),
        [
            (
                "    title: Roundtable\n",
                "   title: Roundtable\n",
                (12, 4),
                "YAML syntax error: while parsing a block collection did not find expected "
                "'-' indicator",
            ),
            (
                "    title: Strategy\n",
                "      title: Strategy\n",
                (18, 12),
                "YAML syntax error: mapping values are not allowed in this context",
            ),
            (
                "    kind: span\n",
                "\tkind: span\n",
                (19, 1),
                "YAML syntax error: while scanning a plain scalar found a tab character that "
                "violates indentation",
            ),
        ],
    )
    def test_bad_indentation_is_a_syntax_error_at_its_line(
        self,
        write_yaml: WriteYaml,
        old: str,
        new: str,
        where: tuple[int, int],
        message: str,
    ) -> None:
        problem = one(write_yaml(BASE.replace(old, new), seeds=SEEDS))

        assert at(problem) == where
        assert problem.message == message

    @pytest.mark.parametrize(
        ("text", "where", "message"),
        [
            (
                'events:\n  - id: a\n    title: "A\n',
                (4, 1),
                "YAML syntax error: while scanning a quoted scalar found unexpected end of stream",
            ),
            (
                "events: [{id: a, title: A}\n",
                (2, 1),
                "YAML syntax error: while parsing a flow sequence did not find expected ',' or ']'",
            ),
            (
                "events: []\n---\nevents: []\n",
                (2, 1),
                "YAML syntax error: expected a single "
                "document in the stream but found another document",
            ),
        ],
    )
    def test_a_yaml_syntax_error_is_reported_at_its_line(
        self, write_yaml: WriteYaml, text: str, where: tuple[int, int], message: str
    ) -> None:
        problem = one(write_yaml(text))

        assert at(problem) == where
        assert problem.message == message

    def test_an_alias_is_rejected_where_it_is_used(self, write_yaml: WriteYaml) -> None:
        path = write_yaml("""
            events:
              - &first
                id: a
                title: A
              - *first
        """)

        problem = one(path)

        assert at(problem) == (5, 5)
        assert problem.message.startswith("aliases (*first) are not allowed: write the value out")

    @pytest.mark.parametrize(
        "text",
        [
            "events:\n  - &k id: a\n    title: *k\n",  # an alias of a key
            "events: [*nowhere]\n",  # an alias of nothing
        ],
    )
    def test_every_alias_is_rejected_at_its_own_place(
        self, write_yaml: WriteYaml, text: str
    ) -> None:
        problems = check(write_yaml(text))

        aliases = [p for p in problems if p.message.startswith("aliases (*")]
        assert len(aliases) == 1
        line = text.count("\n", 0, text.index("*")) + 1
        assert aliases[0].line == line

    @pytest.mark.parametrize(
        ("value", "tag"),
        [("!!null 2021", "!!null"), ("!!binary aGVsbG8=", "!!binary"), ("!!int 5", "!!int")],
    )
    def test_an_explicit_tag_is_rejected_rather_than_obeyed(
        self, write_yaml: WriteYaml, value: str, tag: str
    ) -> None:
        # !!null 2021 would otherwise silently drop the date.
        path = write_yaml(BASE.replace("start: 2021", f"start: {value}"), seeds=SEEDS)

        problem = one(path)

        assert at(problem) == (22, 16)
        assert problem.message == (
            f"explicit tags ({tag}) are not allowed: write the value plainly "
            "(quote it if it must stay text)"
        )

    def test_a_control_character_is_reported_at_its_place_on_one_line(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml('# Việt Nam\nevents:\n  - id: a\n    title: "a\x01b"\n')

        problem = one(path)

        assert at(problem) == (4, 14)
        assert problem.message.startswith("character U+0001 is not allowed in YAML")

    def test_a_key_with_a_line_break_cannot_forge_a_second_problem_line(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml('"evil\\nx.yaml:9:1: fake": 1\nevents: []\n')

        problems = check(path)

        assert len(problems) == 1
        assert "\n" not in str(problems[0])
        assert "evil\\nx.yaml" in str(problems[0])

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

    @pytest.mark.parametrize("zone", ["localtime", "posixrules", "right/UTC", "posix/Asia/Tokyo"])
    def test_a_zone_that_depends_on_the_machine_is_unknown(
        self, write_yaml: WriteYaml, zone: str
    ) -> None:
        text = BASE.replace("timezone: Asia/Ho_Chi_Minh", f"timezone: {zone}")

        problem = one(write_yaml(text, seeds=SEEDS))

        assert f"unknown time zone {zone!r}" in problem.message

    def test_a_merge_key_is_rejected(self, write_yaml: WriteYaml) -> None:
        path = write_yaml("events:\n  - <<: {id: a}\n    title: A\n")

        problems = [p.message for p in check(path)]

        assert problems[0] == "events[0]: merge keys (<<) are not allowed: write the entries out"

    @pytest.mark.parametrize("place", ["events: *i", "events:\n  - {id: a, title: A, aliases: *i}"])
    def test_a_billion_laughs_fails_fast_with_a_clear_error_instead_of_expanding(
        self, write_yaml: WriteYaml, place: str
    ) -> None:
        levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
            levels.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
        # Expanded, *i would be 10**9 strings; the loader must not even try.
        bomb = "x:\n" + "".join(f"  {level}\n" for level in levels) + place + "\n"

        problems = check(write_yaml(bomb))

        assert 1 < len(problems) < 40
        assert any(p.message.startswith("aliases (*") for p in problems)
        assert problems[-1].message.endswith("more aliases or tags")
        assert all(p.line <= bomb.count("\n") for p in problems)
        with pytest.raises(DataError):
            load(write_yaml(bomb))

    def test_invalid_utf8_is_reported_at_the_bad_byte(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(b"events:\n  - id: a\n    title: caf\xe9\n")

        problem = one(path)

        assert at(problem) == (3, 15)
        assert problem.message == "invalid UTF-8 (byte 0xe9); the file must be UTF-8 text"

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                "- id: a\n  title: A\n",
                "expected the top level of an events file (a mapping of "
                "keys to values), found a list",
            ),
            (
                "just some words\n",
                "expected the top level of an events file (a mapping of "
                "keys to values), found 'just some words'",
            ),
            ("", "the file is empty; expected a mapping with 'timezone', 'sources' and 'events'"),
            (
                "# only a comment\n\n",
                "the file is empty; expected a mapping with 'timezone', 'sources' and 'events'",
            ),
            ("timezone: UTC\n", "missing key 'events' (a list of events)"),
        ],
    )
    def test_a_file_that_is_not_an_events_mapping_says_what_was_expected(
        self, write_yaml: WriteYaml, text: str, message: str
    ) -> None:
        problem = one(write_yaml(text))

        assert at(problem) == (1, 1)
        assert problem.message == message

    def test_a_quote_missing_from_its_seed_shows_the_closest_passage(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(BASE.replace("September 18 in", "September 19 in"), seeds=SEEDS)

        problem = one(path)

        assert at(problem) == (16, 16)
        assert problem.message == (
            "events[0] (nanning-roundtable).claims[0].quote: the quote does not occur in seed "
            "vir.txt (white space collapsed); closest passage: 'held on September 18 in "
            "Nanning'"
        )

    def test_a_claim_from_a_seeded_source_must_quote_it(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(
            BASE.replace("        quote: held on September 18 in Nanning\n", ""), seeds=SEEDS
        )

        problem = one(path)

        assert at(problem) == (14, 9)
        assert problem.message == (
            "events[0] (nanning-roundtable).claims[0]: missing key 'quote': source 'vir' has a "
            "seed (vir.txt), so the claim must quote it"
        )

    def test_a_missing_seed_file_is_reported_at_the_source(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(BASE)

        problem = one(path)

        assert at(problem) == (6, 11)
        assert problem.message.startswith("sources.vir.seed: seed file 'vir.txt' not found in ")
        assert str(path.parent / "seeds") in problem.message

    def test_a_seed_outside_the_seeds_folder_is_not_read(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(BASE.replace("seed: vir.txt", "seed: ../events.yaml"), seeds=SEEDS)

        assert "seed file '../events.yaml' not found" in one(path).message

    def test_a_file_that_cannot_be_read_is_a_problem_not_a_crash(self, tmp_path: Path) -> None:
        problem = one(tmp_path / "missing.yaml")

        assert at(problem) == (1, 1)
        assert problem.message == "cannot read the file: No such file or directory"

    @pytest.mark.parametrize(
        ("text", "where", "message"),
        [
            (
                "sources: [a]\nevents: []\n",
                (1, 10),
                "sources: expected a mapping of source ids "
                "to sources (a mapping of keys to values), found a list",
            ),
            (
                "sources:\nevents: []\n",
                (1, 9),
                "sources: expected a mapping of source ids to "
                "sources (a mapping of keys to values), found nothing (null)",
            ),
            ("events: {id: a}\n", (1, 9), "events: expected a list of events, found a mapping"),
            (
                "events: [a]\n",
                (1, 10),
                "events[0]: expected an event (a mapping of keys to values), found 'a'",
            ),
            (
                "events: [{id: a, title: A, claims: 2021}]\n",
                (1, 36),
                "events[0] (a).claims: expected a list of claims, found '2021'",
            ),
            (
                "events: [{id: a, title: A, aliases: [[x]]}]\n",
                (1, 38),
                "events[0] (a).aliases[0]: expected text, found a list",
            ),
            (
                "events: [{id: a, title: [A]}]\n",
                (1, 25),
                "events[0] (a).title: expected text, found a list",
            ),
            (
                "events: [{id: a, title: }]\n",
                (1, 25),
                "events[0] (a).title: expected text, found nothing (null)",
            ),
            (
                "events: [{id: a, title: '  '}]\n",
                (1, 25),
                "events[0] (a).title: expected text, found an empty string",
            ),
            (
                "events: [{id: a, title: A, after: b}]\n",
                (1, 35),
                "events[0] (a).after: expected a list of event ids, found 'b'",
            ),
            ("? [a]\n: b\nevents: []\n", (1, 3), "expected a plain key, found a list"),
        ],
    )
    def test_a_value_of_the_wrong_shape_says_what_was_expected_and_found(
        self, write_yaml: WriteYaml, text: str, where: tuple[int, int], message: str
    ) -> None:
        problem = one(write_yaml(text))

        assert at(problem) == where
        assert problem.message == message

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                "events: [{id: Nanning, title: A}]",
                "events[0].id: expected an event id (a "
                "lowercase slug such as 'nanning-roundtable'), found 'Nanning'",
            ),
            (
                "events: [{id: a, title: A, kind: spam}]",
                "events[0] (a).kind: expected one of "
                "milestone, span, found 'spam' (did you mean 'span'?)",
            ),
            (
                "events: [{id: a, title: A, category: AI Policy}]",
                "events[0] (a).category: "
                "expected a category (a lowercase slug such as 'policy'), found 'AI Policy'",
            ),
            (
                "events: [{id: a, title: A, before: [B]}]",
                "events[0] (a).before[0]: expected event id (a lowercase slug), found 'B'",
            ),
            (
                "sources: {Bad_Id: {title: T, publisher: P}}\nevents: []",
                "sources.Bad_Id: source "
                "id must be a lowercase slug such as 'vir-2025-09-19', found 'Bad_Id'",
            ),
            (
                "sources: {s: {title: T, publisher: P, authority: offical}}\nevents: []",
                "sources.s.authority: expected one of official, agency, press, aggregator, found "
                "'offical' (did you mean 'official'?)",
            ),
            (
                "sources: {s: {title: T, publisher: P, url: www.vir.com.vn}}\nevents: []",
                "sources.s.url: expected an http(s) URL, found 'www.vir.com.vn'",
            ),
            (
                "sources: {s: {title: T, publisher: P, language: Vietnamese}}\nevents: []",
                "sources.s.language: expected a BCP 47 language tag such as 'en', found "
                "'Vietnamese'",
            ),
            (
                "sources: {s: {title: T, publisher: P, weight: 0}}\nevents: []",
                "sources.s.weight: expected a positive number, found '0'",
            ),
            (
                "sources: {s: {title: T, publisher: P, weight: .inf}}\nevents: []",
                "sources.s.weight: expected a positive number, found '.inf'",
            ),
            (
                "sources: {s: {title: T, publisher: P, published: last week}}\nevents: []",
                "sources.s.published: 'last week' is not a valid date",
            ),
        ],
    )
    def test_a_bad_value_says_what_was_expected_and_what_was_found(
        self, write_yaml: WriteYaml, text: str, message: str
    ) -> None:
        problem = one(write_yaml(text + "\n"))

        assert problem.line == 1
        assert problem.message.startswith(message)

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

    def test_a_range_of_years_past_9997_in_a_span_is_reported_not_a_crash(
        self, write_yaml: WriteYaml
    ) -> None:
        # Comparing such a start with its end once raised a plain ValueError
        # ("year 10000 is out of range") that escaped the loader.
        path = write_yaml(BASE.replace("start: 2021", "start: 999X"), seeds=SEEDS)

        problem = one(path)

        assert at(problem) == (22, 16)
        assert "the year must be between 0002 and 9997" in problem.message

    def test_nesting_too_deep_for_the_parser_is_reported_not_a_crash(self, tmp_path: Path) -> None:
        # libyaml's composer recurses once per level and overflows the C stack
        # (a segmentation fault, so run it in a child) at about 30 000 levels.
        path = tmp_path / "deep.yaml"
        path.write_text("events: " + "[" * 40_000 + "]" * 40_000 + "\n", encoding="utf-8")

        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys, vntimeline; print(*vntimeline.check(sys.argv[1]))",
                str(path),
            ],
            env=cli_env(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

        assert done.returncode == 0, done.stderr[-500:]
        assert done.stdout.startswith(f"{path}:1:")


class TestSeveralProblems:
    def test_every_problem_in_the_file_is_reported_in_one_run_in_file_order(
        self, write_yaml: WriteYaml
    ) -> None:
        text = (
            BASE.replace("timezone: Asia/Ho_Chi_Minh", "timezone: Asia/Hanoi")
            .replace("    publisher: Government\n", "    publisher: Government\n    athority: x\n")
            .replace("start: 2025-09-18", "start: 2025-09-31")
            .replace("source: gov", "source: gob")
            .replace("end: 2030", "end: 2020")
            .replace("id: strategy", "id: nanning-roundtable")
        )
        path = write_yaml(text, seeds=SEEDS)

        problems = check(path)

        assert [(p.line, p.column) for p in problems] == [
            (1, 11),
            (10, 5),
            (16, 16),
            (18, 9),
            (22, 17),
            (24, 14),
        ]
        assert [p.message.split(": ", 1)[0] for p in problems] == [
            "timezone",
            "sources.gov.athority",
            "events[0] (nanning-roundtable).claims[0].start",
            "events[1] (nanning-roundtable).id",
            "events[1] (nanning-roundtable).claims[0].source",
            "events[1] (nanning-roundtable).claims[0].end",
        ]

    def test_load_raises_one_data_error_carrying_every_problem(self, write_yaml: WriteYaml) -> None:
        path = write_yaml("events:\n  - {id: A, title: A}\n  - {id: b, title: ''}\n")

        with pytest.raises(DataError) as info:
            load(path)

        assert len(info.value.problems) == 2
        assert str(info.value).splitlines() == [str(p) for p in info.value.problems]
        assert str(info.value).startswith(f"{path}:2:10: events[0].id: ")
        assert isinstance(info.value, ValueError)

    def test_a_broken_source_does_not_also_make_its_claims_unknown(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(BASE.replace("    publisher: Government\n", ""), seeds=SEEDS)

        assert [p.message for p in check(path)] == ["sources.gov: missing key 'publisher'"]

    def test_problem_text_is_file_line_column_message(self) -> None:
        problem = Problem("data/events.yaml", 3, 7, "events[0].id: bad")

        assert str(problem) == "data/events.yaml:3:7: events[0].id: bad"


# -- fuzzing -------------------------------------------------------------------------

KEYS = st.sampled_from([*TOP_KEYS, *SOURCE_KEYS, *EVENT_KEYS, *CLAIM_KEYS, "<<", "x"])
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.floats(),
    st.text(max_size=8),
    st.sampled_from(
        [
            "2021",
            "2025-09-18",
            "2026-03-08T20:00Z",
            "999X",
            "2025-02-30",
            "2021-13",
            "202X",
            "Asia/Ho_Chi_Minh",
            "Mars/Base",
            "../x",
            "span",
            "milestone",
            "press",
            "official",
            "a",
            "b",
            "s",
            "Bad",
            "https://x.org",
            "en",
            "vir.txt",
            "missing.txt",
            "",
        ]
    ),
)
TREES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(KEYS | st.text(max_size=4), children, max_size=4)
    ),
    max_leaves=12,
)
IDS = st.sampled_from(["a", "b", "c", "Bad"])


def shaped(required: dict[str, Any], optional: dict[str, Any]) -> Any:
    """A mapping with the format's keys (valid-looking or random values), or any tree."""
    return st.fixed_dictionaries(required, optional=optional) | TREES


CLAIMS = shaped(
    {"source": st.sampled_from(["s", "t", "x"]) | SCALARS},
    {k: SCALARS | TREES for k in ("start", "end", "quote", "note")},
)
EVENTS = shaped(
    {"id": IDS | SCALARS},
    {
        "title": SCALARS,
        "kind": st.sampled_from(["span", "milestone"]) | SCALARS,
        "timezone": SCALARS,
        "after": st.lists(IDS, max_size=3) | TREES,
        "before": st.lists(IDS, max_size=3) | TREES,
        "claims": st.lists(CLAIMS, max_size=3) | TREES,
        "aliases": TREES,
        "category": SCALARS,
    },
)
SOURCES = st.dictionaries(
    st.sampled_from(["s", "t", "Bad"]) | st.text(max_size=3),
    shaped({"title": SCALARS, "publisher": SCALARS}, {k: SCALARS for k in SOURCE_KEYS[2:]}),
    max_size=3,
)
DOCUMENTS = shaped(
    {}, {"timezone": SCALARS, "sources": SOURCES | TREES, "events": st.lists(EVENTS, max_size=4)}
)
FUZZ = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def assert_only_data_errors(path: Path) -> None:
    """check() lists problems and load() raises DataError exactly when there are some."""
    problems = check(path)
    assert all(isinstance(p, Problem) and p.line >= 1 and p.column >= 1 for p in problems)
    try:
        load(path)
    except DataError as exc:
        assert list(exc.problems) == problems
        assert problems
    else:
        assert problems == []


@st.composite
def mutations(draw: st.DrawFn, text: str) -> str:
    """*text* with a few random edits: cut, insert, replace a word, duplicate or drop a line."""
    words = [
        "span",
        "999X",
        "2025-02-30",
        "*a",
        "&a",
        "<<:",
        "'",
        '"',
        "[",
        "{",
        "- ",
        ": ",
        "\t",
        "  ",
        "\n",
        "#",
        "nanning-roundtable",
        "vir-2025-09-19",
        "null",
        "~",
    ]
    for _ in range(draw(st.integers(1, 4))):
        lines = text.splitlines(keepends=True)
        where = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["cut", "insert", "word", "dup", "drop"]))
        if edit == "cut":
            text = text[:where] + text[where + draw(st.integers(1, 20)) :]
        elif edit == "insert":
            text = text[:where] + draw(st.sampled_from(words) | st.text(max_size=3)) + text[where:]
        elif edit == "word":
            spans = [m.span() for m in re.finditer(r"[^\s:]+", text)] or [(0, 0)]
            start, end = draw(st.sampled_from(spans))
            text = text[:start] + draw(st.sampled_from(words)) + text[end:]
        elif lines:
            i = draw(st.integers(0, len(lines) - 1))
            lines[i : i + 1] = [lines[i]] * (2 if edit == "dup" else 0)
            text = "".join(lines)
    return text


class TestFuzz:
    """Whatever the input, the loader answers with problems, never another exception."""

    @FUZZ
    @given(data=st.binary(max_size=300))
    def test_random_bytes_give_problems_not_crashes(
        self, write_yaml: WriteYaml, data: bytes
    ) -> None:
        assert_only_data_errors(write_yaml(data))

    @FUZZ
    @given(document=DOCUMENTS)
    def test_random_yaml_trees_give_problems_not_crashes(
        self, write_yaml: WriteYaml, document: Any
    ) -> None:
        path = write_yaml(yaml.safe_dump(document, allow_unicode=True), seeds={"vir.txt": "a b"})

        assert_only_data_errors(path)

    @FUZZ
    @given(text=mutations(EXAMPLE.read_text(encoding="utf-8")))
    def test_mutations_of_the_valid_example_give_problems_not_crashes(
        self, example_file: Path, text: str
    ) -> None:
        example_file.write_text(text, encoding="utf-8")

        assert_only_data_errors(example_file)


class TestPublicApi:
    def test_load_default_loads_the_bundled_dataset(self) -> None:
        timeline = vntimeline.load_default()

        assert isinstance(timeline, Timeline)
        assert len(timeline) > 0
        assert vntimeline.default_data_path().name == "events.yaml"
        assert check(vntimeline.default_data_path()) == []

    def test_load_and_check_take_text_paths_too(self, example_file: Path) -> None:
        assert len(load(str(example_file))) == len(load(example_file))
        assert check(str(example_file)) == []

    def test_importing_vntimeline_does_not_import_matplotlib_or_icalendar(self) -> None:
        code = (
            "import vntimeline, sys; "
            "heavy = [m for m in sys.modules if m.startswith(('matplotlib', 'icalendar', "
            "'http.server'))]; "
            "assert not heavy, heavy"
        )

        done = subprocess.run(
            [sys.executable, "-c", code],
            env=cli_env(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

        assert done.returncode == 0, done.stderr
