"""Claims appended to a data file: only the added lines change, validated before writing."""

from __future__ import annotations

import difflib
import json
import re
import textwrap
from pathlib import Path

import attrs
import pytest
import yaml

import vntimeline
from conftest import RunCli
from helpers.finds import THAIRATH_SEED, VIR_SEED, copy_dataset, find_in, seed_text
from vntimeline._extract.find import Find
from vntimeline._extract.into import append_claims, insert_claims

CLAIM = {"source": "s", "start": "2025-09-18", "quote": "held: on 18", "note": "as written"}


def inserted(before: str, after: str) -> list[str]:
    """The lines *after* adds to *before*, failing if it changes or removes any line."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    added = []
    for tag, _i1, _i2, j1, j2 in difflib.SequenceMatcher(
        None, old, new, autojunk=False
    ).get_opcodes():
        assert tag in ("equal", "insert"), (tag, old[_i1:_i2], new[j1:j2])
        if tag == "insert":
            added += new[j1:j2]
    return added


def dedent(text: str) -> str:
    return textwrap.dedent(text).removeprefix("\n")


class TestInsertClaims:
    def test_a_claim_goes_after_the_last_claim_before_the_comments_that_follow(self) -> None:
        before = dedent("""
            events:
              - id: a
                title: A
                claims:
                  - source: s
                    start: 2021
                    note: >-
                      a folded
                      note

              # -- the next section --
              - id: b
                title: B
            """)
        after = insert_claims(before, {"a": [CLAIM]})
        assert inserted(before, after) == [
            "      - source: s\n",
            "        start: 2025-09-18\n",
            "        quote: 'held: on 18'\n",
            "        note: as written\n",
        ]
        assert after.index("quote: 'held") < after.index("# -- the next section")
        assert yaml.safe_load(after)["events"][0]["claims"][1]["quote"] == "held: on 18"

    def test_an_event_without_claims_gets_a_claims_key(self) -> None:
        before = dedent("""
            events:
                -   id: a
                    title: A
                    claims:
                        -   source: s
                -   id: b
                    title: B   # a comment
            # the end
            """)
        after = insert_claims(before, {"b": [CLAIM]})
        added = inserted(before, after)
        assert added[:2] == ["        claims:\n", "            -   source: s\n"]
        assert yaml.safe_load(after)["events"][1]["claims"] == [
            {**CLAIM, "start": after and yaml.safe_load("d: 2025-09-18")["d"]}
        ]

    def test_flow_claims_get_flow_claims(self) -> None:
        before = "events:\n  - id: a\n    title: A\n    claims: [{source: s, start: 2021}]\n"
        after = insert_claims(before, {"a": [CLAIM]})
        assert after.splitlines()[-1] == (
            '    claims: [{source: s, start: 2021}, {source: "s", start: 2025-09-18, '
            'quote: "held: on 18", note: "as written"}]'
        )

    def test_an_empty_flow_list_is_filled(self) -> None:
        before = "events:\n  - {id: a, title: A, claims: []}\n"
        after = insert_claims(before, {"a": [CLAIM]})
        assert yaml.safe_load(after)["events"][0]["claims"][0]["quote"] == "held: on 18"

    def test_a_flow_event_gets_a_flow_claims_key(self) -> None:
        before = "events:\n  - {id: a, title: A}\n"
        after = insert_claims(before, {"a": [CLAIM]})
        assert after.startswith("events:\n  - {id: a, title: A, claims: [{source:")

    def test_claims_written_as_flow_items_get_flow_items(self) -> None:
        before = "events:\n  - id: a\n    title: A\n    claims:\n      - {source: s}\n"
        after = insert_claims(before, {"a": [CLAIM]})
        assert inserted(before, after)[0].startswith('      - {source: "s", start: 2025-09-18')

    def test_line_ends_and_the_byte_order_mark_are_kept(self) -> None:
        before = "\ufeffevents:\r\n  - id: a\r\n    title: A\r\n"
        after = insert_claims(before, {"a": [CLAIM]})
        assert after.startswith("\ufeffevents:\r\n")
        assert after.count("\n") == after.count("\r\n") == 8

    def test_a_file_without_a_final_line_end_gets_one_before_the_claims(self) -> None:
        before = "events:\n  - id: a\n    title: A"
        after = insert_claims(before, {"a": [CLAIM]})
        assert after.startswith(before + "\n    claims:\n      - source: s\n")

    def test_an_unknown_event_is_a_key_error(self) -> None:
        with pytest.raises(KeyError):
            insert_claims("events:\n  - id: a\n    title: A\n", {"b": [CLAIM]})


def matched(find: Find, event: str) -> Find:
    return attrs.evolve(find, event=event)


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    return copy_dataset(tmp_path)


def thairath_finds() -> list[Find]:
    """Three finds for events that have no such claim yet (whatever the events), one for none."""
    text = seed_text(THAIRATH_SEED)
    return [
        matched(find_in(text, "in 2018", "2018", precision="year"), "nvidia-rd-centre"),
        matched(
            find_in(text, "within five years", "2029", precision="year", note="five years on"),
            "fpt-second-ai-factory",
        ),
        matched(find_in(text, "2017–2018", "2017/2018", precision="year"), "digital-week-2025"),
        find_in(text, "in 2010", "2010", precision="year"),
    ]


class TestAppendToTheBundledData:
    def test_only_the_claims_are_added_and_every_other_byte_stays(self, dataset: Path) -> None:
        before = dataset.read_text(encoding="utf-8")
        timeline = vntimeline.load(dataset)
        result = append_claims(
            dataset, thairath_finds(), timeline, "thairath-2025-12-03", vntimeline.check
        )
        after = dataset.read_text(encoding="utf-8")
        added = inserted(before, after)
        assert len(added) == 4 + 4 + 5
        assert [line for line in added if "- source:" in line] == [
            "      - source: thairath-2025-12-03\n"
        ] * 3
        assert (result.unmatched, result.duplicates, len(result.added)) == (1, 0, 3)
        # the section comment still follows the last claim of its section
        tail = after.split("note: five years on\n", 1)[1]
        assert tail.startswith("\n  # ===")

    def test_existing_claims_are_never_modified(self, dataset: Path) -> None:
        old = vntimeline.load(dataset)
        append_claims(dataset, thairath_finds(), old, "thairath-2025-12-03", vntimeline.check)
        new = vntimeline.load(dataset)
        for event in old.events:
            claims = new.event(event.id).claims
            assert claims[: len(event.claims)] == event.claims
        assert new.event("digital-week-2025").claims[-1].end is not None

    def test_the_diff_shows_exactly_the_added_lines(self, dataset: Path) -> None:
        before = dataset.read_text(encoding="utf-8")
        timeline = vntimeline.load(dataset)
        result = append_claims(
            dataset, thairath_finds(), timeline, "thairath-2025-12-03", vntimeline.check
        )
        lines = result.diff.splitlines(keepends=True)
        assert lines[0] == f"--- {dataset}\n"
        plus = [line[1:] for line in lines[2:] if line.startswith("+")]
        assert plus == inserted(before, dataset.read_text(encoding="utf-8"))
        assert not [line for line in lines[2:] if line.startswith("-")]

    def test_a_claim_already_there_is_not_added_again(self, dataset: Path) -> None:
        before = dataset.read_bytes()
        text = seed_text(THAIRATH_SEED)
        find = matched(
            find_in(text, "June 2025", "2025-06", precision="month"), "qualcomm-ai-research-centre"
        )
        timeline = vntimeline.load(dataset)
        result = append_claims(dataset, [find], timeline, "thairath-2025-12-03", vntimeline.check)
        assert (result.duplicates, result.added, result.diff) == (1, (), "")
        assert dataset.read_bytes() == before

    def test_appending_twice_adds_nothing_the_second_time(self, dataset: Path) -> None:
        finds = thairath_finds()
        append_claims(
            dataset, finds, vntimeline.load(dataset), "thairath-2025-12-03", vntimeline.check
        )
        once = dataset.read_bytes()
        again = append_claims(
            dataset, finds, vntimeline.load(dataset), "thairath-2025-12-03", vntimeline.check
        )
        assert again.duplicates == 3
        assert dataset.read_bytes() == once

    def test_an_unknown_source_is_refused_with_a_suggestion(self, dataset: Path) -> None:
        with pytest.raises(vntimeline.OptionError, match=r"did you mean 'thairath-2025-12-03'"):
            append_claims(
                dataset,
                thairath_finds(),
                vntimeline.load(dataset),
                "thairath-2025-12-30",
                vntimeline.check,
            )

    def test_a_result_that_does_not_load_leaves_the_file_as_it_was(self, dataset: Path) -> None:
        before = dataset.read_bytes()
        text = seed_text(VIR_SEED)  # quoted as Thairath's: not in Thairath's seed
        find = matched(find_in(text, "September 18", "2025-09-18"), "nanning-roundtable")
        with pytest.raises(vntimeline.DataError) as raised:
            append_claims(
                dataset, [find], vntimeline.load(dataset), "thairath-2025-12-03", vntimeline.check
            )
        problem = raised.value.problems[0]
        assert problem.path == str(dataset)
        assert "with the new claims: " in problem.message
        assert "does not occur in seed 003" in problem.message
        assert dataset.read_bytes() == before
        assert sorted(p.name for p in dataset.parent.iterdir()) == ["events.yaml"]

    def test_a_value_no_claim_can_hold_is_reported_not_added(self, dataset: Path) -> None:
        find = attrs.evolve(thairath_finds()[0], value="2018-13")
        result = append_claims(
            dataset, [find], vntimeline.load(dataset), "thairath-2025-12-03", vntimeline.check
        )
        assert result.added == ()
        assert result.refused[0].startswith("'in 2018': '2018-13' is not a valid date")


class TestCommandLine:
    """``vntimeline extract`` with ``--events``, ``--format yaml``, ``--into`` and ``--source``."""

    def vir(self, dataset: Path) -> Path:
        return dataset.parent.parent / "seeds" / VIR_SEED

    def thairath(self, dataset: Path) -> Path:
        return dataset.parent.parent / "seeds" / THAIRATH_SEED

    def test_events_adds_the_event_to_the_json_lines(self, dataset: Path, run_cli: RunCli) -> None:
        done = run_cli(
            "extract", self.vir(dataset), "--published", "2025-09-19", "--events", dataset
        )
        assert done.returncode == 0, done.stderr
        rows = [json.loads(line) for line in done.stdout.splitlines()]
        by_text = {row["text"]: row for row in rows}
        assert by_text["September 18"]["event"] == "nanning-roundtable"
        assert "event" not in by_text["between 2023 and 2024"]
        assert {key for row in rows for key in row} <= {
            "start",
            "end",
            "text",
            "value",
            "precision",
            "quote",
            "note",
            "event",
        }

    def test_yaml_groups_the_claims_by_event(self, dataset: Path, run_cli: RunCli) -> None:
        done = run_cli(
            "extract",
            self.vir(dataset),
            "--published",
            "2025-09-19",
            "--events",
            dataset,
            "--source",
            "vir-2025-09-19",
            "--format",
            "yaml",
        )
        assert done.returncode == 0, done.stderr
        document = yaml.load(done.stdout, Loader=yaml.BaseLoader)
        assert document[0]["id"] == "nanning-roundtable"
        assert document[0]["claims"][0]["source"] == "vir-2025-09-19"
        assert "# -- new events?" in done.stdout

    def test_into_appends_the_claims_and_prints_the_diff(
        self, dataset: Path, run_cli: RunCli
    ) -> None:
        before = dataset.read_text(encoding="utf-8")
        args = ("extract", self.thairath(dataset), "--published", "2025-12-03")
        done = run_cli(*args, "--into", dataset, "--source", "thairath-2025-12-03")
        assert done.returncode == 0, done.stderr
        after = dataset.read_text(encoding="utf-8")
        added = inserted(before, after)
        assert added
        assert done.stdout.startswith(f"--- {dataset}\n+++ {dataset}\n@@ ")
        assert [line[1:] for line in done.stdout.splitlines(True) if line[:2] == "+ "] == added
        assert re.search(
            r": added \d+ claims of thairath-2025-12-03 \(\d+ already there", done.stderr
        )
        assert vntimeline.check(dataset) == []

        again = run_cli(*args, "--into", dataset, "--source", "thairath-2025-12-03")
        assert (again.returncode, again.stdout) == (0, "")
        assert "nothing to add" in again.stderr
        assert dataset.read_text(encoding="utf-8") == after

    def test_into_without_a_source_is_bad_usage(self, dataset: Path, run_cli: RunCli) -> None:
        done = run_cli("extract", self.vir(dataset), "--published", "2025-09-19", "--into", dataset)
        assert done.returncode == 2
        assert "--into needs --source ID" in done.stderr

    def test_an_unknown_source_is_bad_usage_with_a_suggestion(
        self, dataset: Path, run_cli: RunCli
    ) -> None:
        before = dataset.read_bytes()
        done = run_cli(
            "extract",
            self.vir(dataset),
            "--published",
            "2025-09-19",
            "--into",
            dataset,
            "--source",
            "vir-2025-09-91",
        )
        assert done.returncode == 2
        assert "did you mean 'vir-2025-09-19'?" in done.stderr
        assert "Traceback" not in done.stderr
        assert dataset.read_bytes() == before

    def test_an_unreadable_data_file_is_bad_data(self, dataset: Path, run_cli: RunCli) -> None:
        missing = dataset.parent / "missing.yaml"
        done = run_cli(
            "extract", self.vir(dataset), "--published", "2025-09-19", "--events", missing
        )
        assert done.returncode == 1
        assert done.stderr.startswith(f"{missing}:1:1: cannot read the file")

    def test_a_broken_data_file_is_refused_with_its_problems(
        self, dataset: Path, run_cli: RunCli
    ) -> None:
        dataset.write_text(
            dataset.read_text(encoding="utf-8").replace("    kind: span\n", "    kind: spam\n", 1),
            encoding="utf-8",
        )
        before = dataset.read_bytes()
        done = run_cli(
            "extract",
            self.vir(dataset),
            "--published",
            "2025-09-19",
            "--into",
            dataset,
            "--source",
            "vir-2025-09-19",
        )
        assert done.returncode == 1
        assert re.match(rf"{re.escape(str(dataset))}:\d+:\d+: .*kind", done.stderr)
        assert dataset.read_bytes() == before

    def test_claims_that_would_not_load_are_not_written(
        self, dataset: Path, run_cli: RunCli
    ) -> None:
        before = dataset.read_bytes()
        done = run_cli(  # VIR's sentences quoted as Thairath's: not in Thairath's seed
            "extract",
            self.vir(dataset),
            "--published",
            "2025-09-19",
            "--into",
            dataset,
            "--source",
            "thairath-2025-12-03",
        )
        assert done.returncode == 1
        assert "with the new claims: " in done.stderr
        assert done.stdout == ""
        assert dataset.read_bytes() == before
        assert sorted(p.name for p in dataset.parent.iterdir()) == ["events.yaml"]
