"""`vntimeline extract FILE --published DATE`: JSON lines on the real command line; bad input."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import RunCli, vntimeline_cli

ARTICLE = (
    "Chiều ngày 10/12/2025, Quốc hội đã thông qua Luật Trí tuệ nhân tạo.\n"
    "Năm ngoái, chưa có luật.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    return path


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """One run of the command on ARTICLE (with CRLF line ends), shared by the tests that read it."""
    path = tmp_path_factory.mktemp("extract") / "article.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    return vntimeline_cli("extract", path, "--published", "2025-12-11", "--language", "vi")


class TestJsonLines:
    def test_prints_one_object_per_date_expression_in_text_order(
        self, jsonl: subprocess.CompletedProcess[str]
    ) -> None:
        assert jsonl.returncode == 0, jsonl.stderr
        rows = [json.loads(line) for line in jsonl.stdout.splitlines()]
        assert [(r["text"], r["value"]) for r in rows] == [
            ("ngày 10/12/2025", "2025-12-10"),
            ("Năm ngoái", "2024"),
        ]
        assert list(rows[0]) == ["start", "end", "text", "value", "precision", "quote", "note"]

    def test_offsets_count_the_text_with_its_newlines_untouched(
        self, jsonl: subprocess.CompletedProcess[str]
    ) -> None:
        text = ARTICLE.replace("\n", "\r\n")
        rows = [json.loads(line) for line in jsonl.stdout.splitlines()]

        assert rows[1]["start"] == text.index("Năm ngoái")
        assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)

    def test_writes_diacritics_as_they_are(self, jsonl: subprocess.CompletedProcess[str]) -> None:
        assert "Năm ngoái" in jsonl.stdout

    def test_the_yaml_format_prints_claims_to_review(self, run_cli: RunCli, article: Path) -> None:
        import yaml

        result = run_cli(
            "extract", article, "--published", "2025-12-11", "--language", "vi", "--format", "yaml"
        )
        assert result.returncode == 0, result.stderr
        assert "2025-12-10" in result.stdout
        assert yaml.safe_load(result.stdout)


class TestBadInput:
    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--published", "2025-13-01"], "--published: '2025-13-01' is not a valid date"),
            (["--published", "2025-12"], "--published: expected a day"),
            ([], "--published DATE is required"),
            (["--published", "2025-12-11", "--language", "fr"], "unknown language 'fr'"),
        ],
    )
    def test_bad_usage_exits_2_with_one_line(
        self, run_cli: RunCli, article: Path, args: list[str], message: str
    ) -> None:
        result = run_cli("extract", article, *args)

        assert result.returncode == 2
        assert message in result.stderr
        assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1

    def test_an_empty_article_exits_2(self, run_cli: RunCli, tmp_path: Path) -> None:
        (tmp_path / "empty.txt").write_text(" \n", encoding="utf-8")
        result = run_cli("extract", "empty.txt", "--published", "2025-12-11")
        assert (result.returncode, "is empty" in result.stderr) == (2, True)

    def test_text_that_is_not_utf8_exits_1_at_its_line_and_column(
        self, run_cli: RunCli, tmp_path: Path
    ) -> None:
        (tmp_path / "latin1.txt").write_bytes(
            "Hà Nội\nnăm ngoái \xe9t\xe9".encode("latin-1", "replace")
        )
        result = run_cli("extract", "latin1.txt", "--published", "2025-12-11")

        assert result.returncode == 1
        assert result.stderr.startswith("latin1.txt:1:2: not UTF-8 text: byte 0x")
        assert "Traceback" not in result.stderr

    def test_a_binary_file_exits_1(self, run_cli: RunCli, tmp_path: Path) -> None:
        (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        result = run_cli("extract", "image.png", "--published", "2025-12-11")
        assert (result.returncode, "binary file" in result.stderr) == (1, True)

    def test_a_missing_file_exits_1(self, run_cli: RunCli) -> None:
        result = run_cli("extract", "nowhere.txt", "--published", "2025-12-11")
        assert (result.returncode, "cannot read the article" in result.stderr) == (1, True)
