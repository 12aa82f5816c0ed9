"""The command line's frame and ``validate``: exit codes 0/1/2, FILE:LINE:COL problems, help."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import vntimeline
from conftest import RunCli, WriteYaml
from vntimeline._cli import main

COMMANDS = ("validate", "resolve", "ics", "chart", "build", "serve")

VALID = """\
sources:
  s: {title: T, publisher: P, seed: s.txt}
events:
  - id: a
    title: A
    claims: [{source: s, start: 2025-09-18, quote: held on September 18}]
  - id: b
    title: B
    kind: span
    after: [a]
    claims: [{source: s, start: 2025-09-18, end: 2025-09-19, quote: September 18}]
"""
SEEDS = {"s.txt": "The roundtable was held on September 18 in Nanning."}

#: Every kind of broken file: (name, text or bytes, line of the first problem, words in one).
BROKEN: list[tuple[str, str | bytes, int, str]] = [
    (
        "duplicate key",
        VALID.replace("    title: B\n", "    title: B\n    title: C\n"),
        9,
        "duplicate key 'title'",
    ),
    ("unknown key", VALID.replace("    kind: span", "    kinds: span"), 9, "did you mean 'kind'?"),
    ("impossible date", VALID.replace("2025-09-19", "2025-09-31"), 11, "day 31 does not exist"),
    (
        "unknown source",
        VALID.replace("{source: s, start: 2025-09-18, end", "{source: t, start: 2025-09-18, end"),
        11,
        "unknown source 't'",
    ),
    ("unknown event", VALID.replace("after: [a]", "after: [c]"), 10, "unknown event 'c'"),
    (
        "cycle",
        VALID.replace("    title: A\n", "    title: A\n    after: [b]\n"),
        4,
        "order constraints form a cycle: a -> b -> a",
    ),
    ("unknown time zone", "timezone: Asia/Hanoi\n" + VALID, 1, "unknown time zone"),
    (
        "end before start",
        VALID.replace("end: 2025-09-19", "end: 2025-09-17"),
        11,
        "the end 2025-09-17 is before the start 2025-09-18",
    ),
    ("duplicate id", VALID.replace("id: b", "id: a"), 7, "duplicate event id 'a'"),
    ("bad indentation", VALID.replace("    title: B", "   title: B"), 8, "YAML syntax error"),
    (
        "alias bomb",
        "a: &a [x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b]\nevents: *c\n",
        1,
        "aliases (*a) are not allowed",
    ),
    ("invalid UTF-8", VALID.encode().replace(b"title: B", b"title: \xff"), 8, "invalid UTF-8"),
    ("top-level list", "- id: a\n  title: A\n", 1, "found a list"),
    ("empty file", "", 1, "the file is empty"),
    ("YAML syntax error", "events: [{id: a, title: A\n", 2, "YAML syntax error"),
    (
        "quote missing from its seed",
        VALID.replace("quote: September 18", "quote: 18 September"),
        11,
        "the quote does not occur in seed s.txt",
    ),
    (
        "missing seed file",
        VALID.replace("seed: s.txt", "seed: gone.txt"),
        2,
        "seed file 'gone.txt' not found",
    ),
]


def problem_lines(out: str, path: Path) -> list[str]:
    """The lines of validate's standard output, checking each is one FILE:LINE:COL problem."""
    lines = out.splitlines()
    assert lines, "no problem printed"
    for line in lines:
        assert re.fullmatch(re.escape(str(path)) + r":\d+:\d+: \S.*", line), line
    return lines


class TestValidateInProcess:
    def test_a_valid_file_exits_0_and_says_ok(
        self, write_yaml: WriteYaml, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = write_yaml(VALID, seeds=SEEDS)

        code = main(["validate", str(path)])

        assert code == 0
        assert capsys.readouterr().out == f"{path}: OK (2 events, 1 source)\n"

    @pytest.mark.parametrize(
        ("content", "line", "words"),
        [case[1:] for case in BROKEN],
        ids=[case[0] for case in BROKEN],
    )
    def test_a_broken_file_exits_1_naming_the_file_and_line(
        self,
        write_yaml: WriteYaml,
        capsys: pytest.CaptureFixture[str],
        content: str | bytes,
        line: int,
        words: str,
    ) -> None:
        path = write_yaml(content, seeds=SEEDS)

        code = main(["validate", str(path)])

        out, err = capsys.readouterr()
        assert code == 1
        assert re.fullmatch(r"\d+ problems? found\n", err)  # the count; problems on stdout
        lines = problem_lines(out, path)
        assert lines[0].startswith(f"{path}:{line}:")
        assert any(words in problem for problem in lines), out

    def test_several_problems_are_all_reported_in_one_run(
        self, write_yaml: WriteYaml, capsys: pytest.CaptureFixture[str]
    ) -> None:
        text = (
            VALID.replace("after: [a]", "after: [c]")
            .replace("2025-09-19", "2025-09-31")
            .replace("title: A", "title: ''")
        )
        path = write_yaml(text, seeds=SEEDS)

        code = main(["validate", str(path)])

        lines = problem_lines(capsys.readouterr().out, path)
        assert code == 1
        assert [int(line.split(":")[1]) for line in lines] == [5, 10, 11]

    def test_the_summary_counts_the_problems_on_stderr_leaving_stdout_to_problems(
        self, write_yaml: WriteYaml, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = write_yaml("events: [{id: A, title: A}]\n")

        main(["validate", str(path)])

        captured = capsys.readouterr()
        assert captured.err.splitlines()[-1] == "1 problem found"
        assert all(line.startswith(f"{path}:") for line in captured.out.splitlines())


class TestCommandLine:
    """Through the real command, ``python -m vntimeline``."""

    def test_validate_exits_0_on_a_valid_file(self, run_cli: RunCli, write_yaml: WriteYaml) -> None:
        path = write_yaml(VALID, seeds=SEEDS)

        done = run_cli("validate", path)

        assert (done.returncode, done.stderr) == (0, "")
        assert done.stdout == f"{path}: OK (2 events, 1 source)\n"

    def test_validate_exits_1_with_problems_on_stdout_and_no_traceback(
        self, run_cli: RunCli, write_yaml: WriteYaml
    ) -> None:
        path = write_yaml(
            VALID.replace("after: [a]", "after: [aa]").replace("title: A", "title: ''"),
            seeds=SEEDS,
        )

        done = run_cli("validate", path)

        assert done.returncode == 1
        assert "Traceback" not in done.stderr + done.stdout
        assert problem_lines(done.stdout, path) == [
            f"{path}:5:12: events[0] (a).title: expected text, found an empty string",
            f"{path}:10:13: events[1] (b).after[0]: unknown event 'aa' (did you mean 'a'?)",
        ]

    def test_validate_without_a_path_checks_the_bundled_dataset(self, run_cli: RunCli) -> None:
        done = run_cli("validate")

        assert done.returncode == 0, done.stdout
        assert done.stdout.startswith(str(vntimeline.default_data_path()) + ": OK (")

    def test_validate_of_a_missing_file_exits_1_with_the_reason(
        self, run_cli: RunCli, tmp_path: Path
    ) -> None:
        done = run_cli("validate", tmp_path / "nothing.yaml")

        assert done.returncode == 1
        assert done.stdout.startswith(
            f"{tmp_path / 'nothing.yaml'}:1:1: cannot read the file: No such file or directory"
        )

    def test_help_lists_every_command_and_the_exit_codes(self, run_cli: RunCli) -> None:
        done = run_cli("--help")

        assert done.returncode == 0
        listed = re.findall(r"^ {4}(\w+) ", done.stdout, flags=re.MULTILINE)
        assert set(COMMANDS) <= set(listed)
        assert "0 success, 1 bad data, 2 bad usage" in " ".join(done.stdout.split())

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (("frobnicate",), "invalid choice: 'frobnicate'"),
            (("ics",), "the following arguments are required: -o/--output"),
        ],
    )
    def test_bad_usage_exits_2_with_a_usage_line(
        self, run_cli: RunCli, args: tuple[str, ...], message: str
    ) -> None:
        done = run_cli(*args)

        assert done.returncode == 2
        assert done.stdout == ""
        assert done.stderr.startswith("usage: vntimeline")
        assert message in done.stderr
        assert "Traceback" not in done.stderr

    def test_version_prints_the_package_version(self, run_cli: RunCli) -> None:
        done = run_cli("--version")

        assert (done.returncode, done.stdout) == (0, f"vntimeline {vntimeline.__version__}\n")


class TestUsageInProcess:
    @pytest.mark.parametrize(
        ("args", "message"),
        [
            ((), "the following arguments are required: COMMAND"),
            (("chart", "data.yaml"), "the following arguments are required: -o/--output"),
            (("validate", "--strict"), "unrecognized arguments: --strict"),
            (("validate", "a.yaml", "b.yaml"), "unrecognized arguments: b.yaml"),
            (("resolve", "--format", "xml"), "invalid choice: 'xml'"),
        ],
    )
    def test_bad_usage_exits_2_with_a_usage_line(
        self, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
    ) -> None:
        with pytest.raises(SystemExit) as info:
            main(list(args))

        out, err = capsys.readouterr()
        assert info.value.code == 2
        assert out == ""
        assert err.startswith("usage: vntimeline")
        assert message in err

    def test_validate_help_describes_the_path_argument(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        with pytest.raises(SystemExit) as info:
            main(["validate", "--help"])

        out = capsys.readouterr().out
        assert info.value.code == 0
        assert "PATH" in out
        assert "default: the bundled dataset" in out
