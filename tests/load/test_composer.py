"""The YAML composer: syntax errors; aliases, tags and deep nesting refused; dates kept as text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BASE, SEEDS, WriteYaml, at, cli_env, one
from vntimeline import DataError, PartialDate, check, load


class TestValidFile:
    def test_unquoted_dates_stay_edtf_and_are_not_read_as_yaml_timestamps(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(BASE, seeds=SEEDS)

        timeline = load(path)

        assert timeline.event("nanning-roundtable").claims[0].start == PartialDate.parse(
            "2025-09-18"
        )
        assert timeline.event("strategy").claims[0].start == PartialDate.parse("2021")


class TestRules:
    """One test per rule: where it is reported, and what the message says."""

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

    def test_a_control_character_is_reported_at_its_place_on_one_line(
        self, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml('# Việt Nam\nevents:\n  - id: a\n    title: "a\x01b"\n')

        problem = one(path)

        assert at(problem) == (4, 14)
        assert problem.message.startswith("character U+0001 is not allowed in YAML")

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
