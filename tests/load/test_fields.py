"""The field readers: keys, shapes and values, each problem at its place with its key path."""

from __future__ import annotations

import unicodedata

import pytest

from conftest import BASE, SEEDS, WriteYaml, at, one
from vntimeline import check, load


class TestValidFile:
    def test_text_is_normalised_to_nfc(self, write_yaml: WriteYaml) -> None:
        decomposed = unicodedata.normalize("NFD", "Hà Nội")
        path = write_yaml(f"events:\n  - {{id: a, title: '{decomposed}'}}\n")

        assert load(path).event("a").title == unicodedata.normalize("NFC", "Hà Nội")


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
                "mean 'timezone'?); expected one of name, url, timezone, categories, "
                "sources, events",
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

    def test_a_merge_key_is_rejected(self, write_yaml: WriteYaml) -> None:
        path = write_yaml("events:\n  - <<: {id: a}\n    title: A\n")

        problems = [p.message for p in check(path)]

        assert problems[0] == "events[0]: merge keys (<<) are not allowed: write the entries out"

    def test_a_key_with_a_line_break_cannot_forge_a_second_problem_line(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml('"evil\\nx.yaml:9:1: fake": 1\nevents: []\n')

        problems = check(path)

        assert len(problems) == 1
        assert "\n" not in str(problems[0])
        assert "evil\\nx.yaml" in str(problems[0])

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

    @pytest.mark.parametrize("zone", ["localtime", "posixrules", "right/UTC", "posix/Asia/Tokyo"])
    def test_a_zone_that_depends_on_the_machine_is_unknown(
        self, write_yaml: WriteYaml, zone: str
    ) -> None:
        text = BASE.replace("timezone: Asia/Ho_Chi_Minh", f"timezone: {zone}")

        problem = one(write_yaml(text, seeds=SEEDS))

        assert f"unknown time zone {zone!r}" in problem.message

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
                "sources.s.url: expected an http(s) URL with a host and no spaces, quotes, "
                "angle brackets or backslashes, found 'www.vir.com.vn'",
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
