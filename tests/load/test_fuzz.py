"""The loader under fuzzing: mutated copies of the bundled data fail only with DataError.

Each example takes ``data/events.yaml`` and applies a few random edits:
bytes replaced, inserted or deleted; lines dropped, doubled, swapped or
re-indented; one key swapped for another the format knows; a YAML snippet
that has broken parsers before (aliases, tags, merge keys, deep nesting,
nulls, control characters) put on a line of its own. Whatever comes out,
:func:`vntimeline.load` returns a timeline or raises
:class:`~vntimeline.errors.DataError`, never anything else, and the command
line never shows a traceback. The run is bounded (a fixed number of
examples, no deadline), so it is cheap enough for every CI run.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Final

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vntimeline
from conftest import RunCli
from vntimeline._load.reader import CLAIM_KEYS, EVENT_KEYS, SOURCE_KEYS, TOP_KEYS
from vntimeline.errors import DataError

BUNDLED: Final = vntimeline.default_data_path()
ORIGINAL: Final = BUNDLED.read_bytes()
KEYS: Final = sorted({*TOP_KEYS, *SOURCE_KEYS, *EVENT_KEYS, *CLAIM_KEYS, "label", "color"})
SNIPPETS: Final = [
    "&a [*a, *a]",
    "x: &a {b: *a}",
    "<<: {title: T}",
    "!!python/object/apply:os.system ['true']",
    "!!binary aGVsbG8=",
    "? [a, b]\n: c",
    "[" * 200 + "]" * 200,
    "- " * 60 + "x",
    "start: ~",
    "end: ..",
    "start: '[..2026-03-08]'",
    "start: 2026-02-30",
    "start: 2026-03-08T25:00",
    "timezone: ../../etc/passwd",
    "seed: ../../../etc/passwd",
    "url: 'https://x\"><script>'",
    'quote: "\\u0000\\u202e"',
    "weight: .nan",
    "kind: span",
    "after: [after]",
    "- id: a\n  title: A\n  after: [a]",
    "\t- tab",
    "{",
    "}",
    "'unclosed",
    "--- \n...",
    "%YAML 1.1\n---",
    "\ufeff",
    "\x85",
]

#: Room for the bundled data and its seeds: a mutated copy is checked against the real seeds.
Workspace = tuple[Path, Path]


def with_seeds(root: Path) -> Path:
    """``root/data/events.yaml``'s path, with the bundled seeds beside it as in the checkout."""
    (root / "data").mkdir()
    for folder in (BUNDLED.parent / "seeds", BUNDLED.parent.parent / "seeds"):
        if folder.is_dir():
            shutil.copytree(folder, root / "seeds", dirs_exist_ok=True)
            break
    return root / "data" / "events.yaml"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """A folder with ``data/events.yaml`` and the bundled seeds beside it."""
    root = tmp_path_factory.mktemp("fuzz")
    return root, with_seeds(root)


# -- the mutations --------------------------------------------------------------------

Edit = tuple[str, int, int, bytes]

EDITS: Final = st.tuples(
    st.sampled_from(["replace", "insert", "delete", "drop-line", "double-line", "swap-lines",
                     "indent-line", "swap-key", "snippet"]),
    st.integers(min_value=0, max_value=2**31),
    st.integers(min_value=0, max_value=2**31),
    st.binary(min_size=1, max_size=8),
)  # fmt: skip


def mutate(data: bytes, edits: list[Edit]) -> bytes:
    """*data* with each of *edits* applied in turn."""
    for kind, at, other, payload in edits:
        data = _apply(data, kind, at, other, payload)
    return data


def _apply(data: bytes, kind: str, at: int, other: int, payload: bytes) -> bytes:
    lines = data.split(b"\n")
    i, j = at % len(lines), other % len(lines)
    if kind in ("replace", "insert", "delete"):
        k = at % (len(data) + 1)
        if kind == "replace":
            return data[:k] + payload + data[k + len(payload) :]
        if kind == "insert":
            return data[:k] + payload + data[k:]
        return data[:k] + data[k + other % 64 :]
    if kind == "drop-line":
        del lines[i]
    elif kind == "double-line":
        lines.insert(i, lines[i])
    elif kind == "swap-lines":
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "indent-line":
        lines[i] = b" " * (other % 7) + lines[i].lstrip(b" ")
    elif kind == "swap-key":
        lines = _swap_key(lines, i, other)
    else:
        indent = len(lines[i]) - len(lines[i].lstrip(b" "))
        snippet = SNIPPETS[other % len(SNIPPETS)].encode("utf-8")
        lines.insert(i, b" " * indent + snippet)
    return b"\n".join(lines)


def _swap_key(lines: list[bytes], i: int, other: int) -> list[bytes]:
    """The first ``key:`` line from line *i* on, its key replaced by another the format knows."""
    for n in range(i, i + len(lines)):
        line = lines[n % len(lines)]
        stripped = line.lstrip(b" -")
        key, colon, rest = stripped.partition(b":")
        if colon and key.decode("utf-8", "replace") in KEYS:
            new = KEYS[other % len(KEYS)].encode()
            lines[n % len(lines)] = line[: len(line) - len(stripped)] + new + b":" + rest
            break
    return lines


# -- the tests -------------------------------------------------------------------------


class TestLoaderFuzz:
    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.lists(EDITS, min_size=1, max_size=4))
    def test_a_mutated_data_file_loads_or_raises_data_error_only(
        self, workspace: Workspace, edits: list[Edit]
    ) -> None:
        _root, path = workspace
        path.write_bytes(mutate(ORIGINAL, edits))
        try:
            timeline = vntimeline.load(path)
        except DataError as exc:
            assert exc.problems, "a DataError must say what is wrong"
            for problem in exc.problems:
                assert problem.path == str(path)
                assert problem.line >= 1 and problem.column >= 1
        else:
            assert isinstance(timeline, vntimeline.Timeline)

    def test_the_unmutated_copy_loads(self, workspace: Workspace) -> None:
        _root, path = workspace
        path.write_bytes(ORIGINAL)
        assert len(vntimeline.load(path)) == len(vntimeline.load_default())

    def test_every_mutation_kind_changes_the_file(self) -> None:
        kinds = ["replace", "insert", "delete", "drop-line", "double-line", "swap-lines",
                 "indent-line", "swap-key", "snippet"]  # fmt: skip
        for kind in kinds:
            assert mutate(ORIGINAL, [(kind, 4000, 3, b"\xff")]) != ORIGINAL, kind


class TestValidateFuzz:
    @pytest.mark.parametrize("seed", range(4))
    def test_validate_of_a_mutated_file_never_shows_a_traceback(
        self, run_cli: RunCli, tmp_path: Path, seed: int
    ) -> None:
        rng = random.Random(seed)
        edits = [
            (rng.choice(["replace", "swap-key", "snippet", "indent-line"]), rng.randrange(2**31),
             rng.randrange(2**31), bytes([rng.randrange(256)]))
            for _ in range(3)
        ]  # fmt: skip
        path = with_seeds(tmp_path)
        path.write_bytes(mutate(ORIGINAL, edits))

        result = run_cli("validate", path)

        assert result.returncode in (0, 1), result.stderr
        assert "Traceback" not in result.stderr + result.stdout
        if result.returncode == 1:
            assert result.stdout.startswith(f"{path}:")
