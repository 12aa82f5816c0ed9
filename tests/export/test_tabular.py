"""Tests of the tables for notebooks and spreadsheets: to_dataframe, to_csv, --format csv."""

from __future__ import annotations

import csv
import importlib
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import vntimeline
from conftest import RunCli, WriteYaml, cli_env
from vntimeline import ResolvedTimeline, resolve

# pandas has no type information of its own; reached through importlib it is Any.
pd: Any = importlib.import_module("pandas")

ZONE = "Asia/Ho_Chi_Minh"
COLUMNS = [
    "id",
    "title",
    "category",
    "kind",
    "status",
    "value",
    "precision",
    "earliest",
    "latest",
    "end_value",
    "end_precision",
    "end_earliest",
    "end_latest",
    "sources",
    "explanation",
]
DATES = ["earliest", "latest", "end_earliest", "end_latest"]
TEXTS = [c for c in COLUMNS if c not in DATES]

#: A title with a comma and quotes, a span still going on, a start open above.
SMALL = """
timezone: Asia/Ho_Chi_Minh
sources:
  vna:
    title: Report
    publisher: Vietnam News Agency
events:
  - id: week
    title: 'Hanoi, "AI" week – Tuần lễ số'
    kind: span
    claims:
      - source: vna
        start: 2025-10-27
        end: ..
  - id: later
    title: Some time after September
    claims:
      - source: vna
        start: "[2025-09..]"
"""


def midnight(day: str, zone: str = ZONE) -> Any:
    return pd.Timestamp(day).tz_localize(zone)


def csv_bytes(path: Path | None = None) -> bytes:
    """``vntimeline resolve --format csv [PATH]`` run for real; its standard output, untouched."""
    args = [sys.executable, "-m", "vntimeline", "resolve", "--format", "csv"]
    done = subprocess.run(
        [*args, *([] if path is None else [str(path)])],
        env=cli_env(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert done.stderr == b""
    return done.stdout


def parse(data: bytes) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))
    assert reader.fieldnames == COLUMNS
    return list(reader)


def as_text(value: Any) -> str:
    """A DataFrame cell as the CSV writes it: ISO date, plain text, or empty."""
    if pd.isna(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return str(value.date().isoformat())
    return str(value)


@pytest.fixture(scope="module")
def bundled() -> ResolvedTimeline:
    return resolve(vntimeline.load_default())


@pytest.fixture(scope="module")
def frame(bundled: ResolvedTimeline) -> Any:
    return bundled.to_dataframe()


@pytest.fixture
def small(write_yaml: WriteYaml) -> Path:
    return write_yaml(SMALL)


class TestDataFrameOfTheBundledData:
    def test_has_one_row_per_event_in_the_resolved_order(
        self, bundled: ResolvedTimeline, frame: Any
    ) -> None:
        assert list(frame["id"]) == [r.id for r in bundled]
        assert len(frame) == len(bundled) > 20

    def test_has_the_documented_columns_in_order(self, frame: Any) -> None:
        assert list(frame.columns) == COLUMNS

    def test_date_columns_are_tz_aware_nanoseconds_in_the_timelines_zone(self, frame: Any) -> None:
        for column in DATES:
            assert str(frame[column].dtype) == f"datetime64[ns, {ZONE}]", column

    def test_text_columns_have_the_dtype_pandas_gives_text(self, frame: Any) -> None:
        for column in TEXTS:
            assert frame[column].dtype == pd.Series(["text"]).dtype, column

    def test_the_nanning_roundtable_is_the_start_of_18_september_in_hanoi(self, frame: Any) -> None:
        row = frame.set_index("id").loc["nanning-roundtable"]

        assert row["earliest"] == row["latest"] == midnight("2025-09-18")
        assert row["earliest"].isoformat() == "2025-09-18T00:00:00+07:00"
        assert (row["value"], row["precision"], row["status"]) == (
            "2025-09-18",
            "day",
            "single-source",
        )

    def test_a_year_runs_from_its_first_day_to_its_last(self, frame: Any) -> None:
        row = frame.set_index("id").loc["fpt-ai-city-binh-dinh"]

        assert (row["earliest"], row["latest"]) == (midnight("2024-01-01"), midnight("2024-12-31"))

    def test_a_span_fills_its_end_columns(self, frame: Any) -> None:
        row = frame.set_index("id").loc["digital-week-2025"]

        assert (row["kind"], row["end_value"], row["end_precision"]) == (
            "span",
            "2025-10-29",
            "day",
        )
        assert row["end_earliest"] == row["end_latest"] == midnight("2025-10-29")

    def test_a_milestone_leaves_its_end_columns_empty(self, frame: Any) -> None:
        row = frame.set_index("id").loc["ai-law"]

        assert pd.isna(row["end_value"]) and pd.isna(row["end_precision"])
        assert pd.isna(row["end_earliest"]) and pd.isna(row["end_latest"])

    def test_an_undated_event_has_no_value_and_no_dates(self, frame: Any) -> None:
        row = frame.set_index("id").loc["vna-interview-nguyen-duy-cu"]

        assert row["status"] == "undated"
        assert pd.isna(row["value"]) and pd.isna(row["earliest"]) and pd.isna(row["latest"])
        assert row["sources"] == ""

    def test_sources_are_joined_and_the_explanation_is_kept(
        self, bundled: ResolvedTimeline, frame: Any
    ) -> None:
        row = frame.set_index("id").loc["vinai-research-founded"]

        assert row["sources"] == "thairath-2025-12-03, vnexpress-2022-vinai"
        assert row["explanation"] == bundled["vinai-research-founded"].explanation

    def test_a_query_on_status_finds_the_conflicts(
        self, bundled: ResolvedTimeline, frame: Any
    ) -> None:
        found = bundled.to_dataframe().query("status == 'conflict'")

        assert (
            list(found["id"]) == [r.id for r in bundled.conflicts()] == ["vinai-research-founded"]
        )

    def test_dates_compare_and_sort_as_datetimes(
        self, bundled: ResolvedTimeline, frame: Any
    ) -> None:
        in_2025 = frame[frame["earliest"].dt.year == 2025]
        first = in_2025.sort_values("earliest").iloc[0]

        assert first["id"] == "ai-strategy-update"  # "2025?" starts on 1 January
        assert set(in_2025["id"]) == {
            r.id for r in bundled if r.start and r.start.earliest and r.start.earliest.year == 2025
        }


class TestDataFrameDates:
    def test_open_sides_are_nat(self, small: Path) -> None:
        frame = resolve(vntimeline.load(small)).to_dataframe().set_index("id")

        later = frame.loc["later"]
        assert (later["value"], later["earliest"]) == ("[2025-09..]", midnight("2025-09-01"))
        assert pd.isna(later["latest"])
        week = frame.loc["week"]
        assert week["end_value"] == ".."
        assert pd.isna(week["end_earliest"]) and pd.isna(week["end_latest"])

    def test_dates_are_in_the_timelines_own_zone(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(SMALL.replace("Asia/Ho_Chi_Minh", "America/New_York"))
        frame = resolve(vntimeline.load(path)).to_dataframe()

        assert str(frame["earliest"].dtype) == "datetime64[ns, America/New_York]"
        assert frame["earliest"].iloc[0].isoformat() == "2025-10-27T00:00:00-04:00"

    def test_a_day_whose_midnight_is_skipped_starts_at_its_first_instant(
        self, write_yaml: WriteYaml
    ) -> None:
        # Chile moved its clocks from 00:00 to 01:00 on 8 September 2024.
        path = write_yaml(
            SMALL.replace("Asia/Ho_Chi_Minh", "America/Santiago").replace(
                "2025-10-27", "2024-09-08"
            )
        )
        first = resolve(vntimeline.load(path)).to_dataframe()["earliest"].iloc[0]

        assert first.isoformat() == "2024-09-08T01:00:00-03:00"

    def test_dates_beyond_nanoseconds_fall_back_to_seconds(self, write_yaml: WriteYaml) -> None:
        path = write_yaml(SMALL.replace("2025-10-27", "2300-10-27"))
        frame = resolve(vntimeline.load(path)).to_dataframe()

        assert str(frame["earliest"].dtype) == f"datetime64[s, {ZONE}]"
        assert frame["earliest"].iloc[0] == pd.Timestamp("2300-10-27").tz_localize(ZONE)


class TestPandasIsOptional:
    def test_importing_vntimeline_and_writing_csv_never_import_pandas(self) -> None:
        code = (
            "import sys, vntimeline\n"
            "assert 'pandas' not in sys.modules\n"
            "text = vntimeline.resolve(vntimeline.load_default()).to_csv()\n"
            "assert text.startswith('id,title,'), text[:40]\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pandas'))\n"
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
        assert done.stdout == "[]\n"

    def test_without_pandas_the_error_says_what_to_install(
        self, bundled: ResolvedTimeline, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails

        with pytest.raises(ImportError, match=r'pip install "vntimeline\[dataframe\]"') as info:
            bundled.to_dataframe()
        assert info.value.name == "pandas"


class TestCsvFromTheCommandLine:
    def test_parses_back_to_the_values_of_the_dataframe(self, frame: Any) -> None:
        rows = parse(csv_bytes())

        expected = [{c: as_text(row[c]) for c in COLUMNS} for _, row in frame.iterrows()]
        assert rows == expected
        assert {r["id"]: r["earliest"] for r in rows}["nanning-roundtable"] == "2025-09-18"

    def test_is_what_to_csv_returns_encoded_as_utf8(self, bundled: ResolvedTimeline) -> None:
        data = csv_bytes()

        assert data == bundled.to_csv().encode("utf-8")
        assert "Nguyễn Duy Cừ".encode() in data
        assert not data.startswith(b"\xef\xbb\xbf")  # no byte order mark

    def test_every_record_ends_with_crlf(self, bundled: ResolvedTimeline) -> None:
        data = csv_bytes()

        assert data.endswith(b"\r\n")
        assert data.count(b"\n") == data.count(b"\r\n") == len(bundled) + 1
        assert data.split(b"\r\n")[0] == ",".join(COLUMNS).encode()

    def test_a_title_with_a_comma_and_quotes_is_quoted_with_quotes_doubled(
        self, small: Path
    ) -> None:
        data = csv_bytes(small)

        assert '\r\nweek,"Hanoi, ""AI"" week – Tuần lễ số",'.encode() in data
        assert parse(data)[0]["title"] == 'Hanoi, "AI" week – Tuần lễ số'

    def test_open_sides_are_empty_fields(self, small: Path) -> None:
        week, later = parse(csv_bytes(small))

        assert (week["value"], week["earliest"], week["latest"]) == (
            "2025-10-27",
            "2025-10-27",
            "2025-10-27",
        )
        assert (week["end_value"], week["end_earliest"], week["end_latest"]) == ("..", "", "")
        assert (later["earliest"], later["latest"], later["end_value"]) == ("2025-09-01", "", "")

    def test_an_unknown_format_is_a_usage_error(self, run_cli: RunCli) -> None:
        done = run_cli("resolve", "--format", "xlsx")

        assert done.returncode == 2
        assert "invalid choice: 'xlsx'" in done.stderr
        assert "Traceback" not in done.stderr
        assert done.stdout == ""


class TestCsvFromPython:
    def test_a_line_break_in_a_title_is_kept_inside_quotes(self) -> None:
        event = vntimeline.Event(id="e", title="two\nlines")
        text = resolve(vntimeline.Timeline(events=[event])).to_csv()

        assert '\r\ne,"two\nlines",' in text
        (row,) = csv.DictReader(io.StringIO(text, newline=""))
        assert row["title"] == "two\nlines"
        assert (row["status"], row["value"], row["earliest"]) == ("undated", "", "")
