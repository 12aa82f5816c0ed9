"""Builders for the tracking loop's tests: finds made by hand, the bundled data copied."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from vntimeline._extract.find import Find

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "events.yaml"
SEEDS = ROOT / "seeds"
VIR_SEED = "004_e2401dab50313443.txt"
THAIRATH_SEED = "003_53210e543760dc54.txt"


def seed_text(name: str) -> str:
    """A bundled seed, read as the extractor reads a file (newlines untouched)."""
    with (SEEDS / name).open(encoding="utf-8", newline="") as handle:
        return handle.read()


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around ``[start, end)``: from the last stop or line break to the next."""
    stops = [m.end() for m in re.finditer(r"[.!?](?=\s)|\n", text[:start])]
    first = stops[-1] if stops else 0
    after = re.search(r"[.!?](?=\s|$)|\n", text[end:])
    last = (
        end + after.end()
        if after and after.group() != "\n"
        else end + (after.start() if after else len(text) - end)
    )
    return text[first:last].strip()


def find_in(
    text: str,
    phrase: str,
    value: str,
    *,
    precision: str = "day",
    note: str = "as written",
    after: str = "",
) -> Find:
    """The find of *phrase* (the first after *after*) in *text*, with its sentence as quote."""
    start = text.index(phrase, text.index(after) if after else 0)
    end = start + len(phrase)
    qualifier = value[-1] if value[-1] in "?~%" else None
    return Find(
        start, end, phrase, value, precision, qualifier, sentence_of(text, start, end), note
    )


def copy_dataset(folder: Path) -> Path:
    """The bundled data file and its seeds copied into *folder*; the copy's path."""
    shutil.copytree(SEEDS, folder / "seeds")
    (folder / "data").mkdir()
    return Path(shutil.copy(DATA, folder / "data" / "events.yaml"))
