"""The keys about the timeline itself: ``name``, ``url`` and ``categories``."""

from __future__ import annotations

import pytest

from conftest import EXAMPLE, WriteYaml, at, one
from vntimeline import Category, check, load


class TestValidFile:
    def test_name_url_and_categories_are_read_into_the_timeline(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml("""
            name: Vietnam AI policy timeline
            url: https://example.org/vntimeline/
            categories:
              policy:
                label: Policy
                color: '#1f77b4'
              target: {color: tab:green}
              sports:
            events:
              - {id: a, title: A, category: target}
              - {id: b, title: B}
        """)

        timeline = load(path)

        assert timeline.name == "Vietnam AI policy timeline"
        assert timeline.url == "https://example.org/vntimeline/"
        assert dict(timeline.category_info) == {
            "policy": Category(label="Policy", color="#1f77b4"),
            "target": Category(color="tab:green"),
            "sports": Category(),
        }
        assert timeline.categories == ("policy", "target", "sports", "general")
        assert timeline.category_label("target") == "Target"

    def test_a_file_without_a_name_is_named_after_itself(self, write_yaml: WriteYaml) -> None:
        path = write_yaml("events: []\n", name="ai-policy.yaml")

        timeline = load(path)

        assert timeline.name == "ai-policy"
        assert (timeline.url, dict(timeline.category_info)) == (None, {})

    def test_an_empty_name_counts_as_absent(self, write_yaml: WriteYaml) -> None:
        path = write_yaml("name:\nurl:\nevents: []\n", name="events.yaml")

        assert (load(path).name, load(path).url) == ("events", None)

    def test_a_file_without_a_zone_is_in_utc(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(
            "events: [{id: a, title: A, claims: [{source: s, start: 2021}]}]\n"
            "sources: {s: {title: T, publisher: P}}\n"
        )

        timeline = load(path)

        assert timeline.timezone == "UTC"
        assert timeline.event("a").timezone == "UTC"


class TestRules:
    @pytest.mark.parametrize(
        ("line", "where", "message"),
        [
            (
                "name: [A]",
                (1, 7),
                "name: expected the timeline's name, found a list",
            ),
            (
                'name: "Two\\nlines"',
                (1, 7),
                "name: expected the timeline's name on one line, found 'Two\\nlines'",
            ),
            (
                "url: example.org",
                (1, 6),
                "url: expected an http(s) URL where the feeds are published, such as "
                "'https://example.org/timeline/' (no spaces, quotes, angle brackets or "
                "backslashes), "
                "found 'example.org'",
            ),
            (
                "url: https://x.org/<feeds>",
                (1, 6),
                "url: expected an http(s) URL",
            ),
        ],
    )
    def test_a_bad_name_or_url_says_what_was_expected(
        self, write_yaml: WriteYaml, line: str, where: tuple[int, int], message: str
    ) -> None:
        path = write_yaml(f"{line}\nevents: []\n")

        problem = one(path)

        assert at(problem) == where
        assert problem.message.startswith(message)

    @pytest.mark.parametrize(
        ("categories", "where", "message"),
        [
            (
                "  policy: {color: reddish}",
                (2, 19),
                "categories.policy.color: expected a colour: #rgb, #rrggbb or #rrggbbaa, a CSS "
                "colour name such as 'teal', or one of tab:blue, tab:orange, tab:green, "
                "tab:red, tab:purple, tab:brown, tab:pink, tab:gray, tab:olive, tab:cyan; "
                "found 'reddish' (did you mean 'red'?)",
            ),
            (
                "  policy:\n    color: #1f77b4",
                (3, 11),
                "categories.policy.color: expected a colour: #rgb",
            ),
            (
                "  policy: {colour: teal}",
                (2, 12),
                "categories.policy.colour: unknown key 'colour' (did you mean 'color'?); "
                "expected one of label, color",
            ),
            (
                "  AI Policy: {label: AI}",
                (2, 3),
                "categories.AI Policy: category id must be a lowercase slug such as 'policy', "
                "found 'AI Policy'",
            ),
            (
                "  policy: Policy",
                (2, 11),
                "categories.policy: expected a category (label and color) (a mapping of keys "
                "to values), found 'Policy'",
            ),
            (
                "  policy: {label: ''}",
                (2, 19),
                "categories.policy.label: expected a label, found an empty string",
            ),
            (
                "  - policy",
                (2, 3),
                "categories: expected a mapping of category ids to their label and color",
            ),
        ],
    )
    def test_a_bad_category_is_reported_at_its_place(
        self, write_yaml: WriteYaml, categories: str, where: tuple[int, int], message: str
    ) -> None:
        path = write_yaml(f"categories:\n{categories}\nevents: []\n")

        problem = one(path)

        assert at(problem) == where
        assert problem.message.startswith(message)

    def test_a_colour_left_as_a_comment_says_to_quote_it(self, write_yaml: WriteYaml) -> None:
        path = write_yaml("categories:\n  policy: {label: P, color: }  # '#abc'\nevents: []\n")

        problem = one(path)

        assert "found nothing (null). Quote a hex colour: color: '#1f77b4'" in problem.message

    def test_every_bad_category_is_reported_in_one_run(self, write_yaml: WriteYaml) -> None:
        path = write_yaml("""
            categories:
              policy: {color: reddish}
              Target: {label: T}
              law: {colour: red, label: ''}
            events: []
        """)

        assert [at(p) for p in check(path)] == [(2, 19), (3, 3), (4, 9), (4, 29)]


class TestExample:
    def test_the_example_file_shows_every_key_about_the_timeline(self) -> None:
        timeline = load(EXAMPLE)

        assert timeline.display_name == "Vietnam AI policy (test example)"
        assert timeline.url == "https://example.org/vntimeline/"
        assert timeline.categories == ("policy", "diplomacy", "target")
        assert timeline.category_label("policy") == "Policy and law"
        assert timeline.category_color("diplomacy") == "teal"
        assert timeline.category_info["target"] == Category()
