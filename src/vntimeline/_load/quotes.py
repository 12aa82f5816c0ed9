"""Check that a claim quotes its source's seed file verbatim.

A source with a ``seed`` names a text file (the article as archived, in a
``seeds`` folder); each claim citing that source must quote it. The seed is
read once, normalised to NFC and with every run of white space collapsed to
one space, and the quote, collapsed the same way, must occur in it. A quote
that is nearly right gets the closest passage as a hint. Without folders to
look in (:func:`~vntimeline.loads` given no ``seeds_dir``) nothing is checked.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Final

from .._model.events import Source
from .composer import Node
from .fields import Fields

__all__ = ["Seeds"]

_WHITESPACE: Final = re.compile(r"\s+")


class Seeds:
    """The seed files of one data file, each read once, and the quotes checked against them."""

    def __init__(self, fields: Fields, folders: list[Path] | None) -> None:
        self._fields = fields
        self._folders = folders
        self._texts: dict[str, str | None] = {}

    def read(self, name: str, node: Node, where: str) -> None:
        """Read a seed file once, remembering its collapsed text (or None if missing)."""
        if name in self._texts or self._folders is None:
            return
        for folder in self._folders:
            seed = folder / name
            if Path(name).name == name and seed.is_file():
                try:
                    raw = seed.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError) as exc:
                    self._fields.report(node, where, f"cannot read seed {seed}: {exc}")
                    break
                self._texts[name] = _collapse(unicodedata.normalize("NFC", raw))
                return
        else:
            looked = " or ".join(str(folder) for folder in self._folders)
            self._fields.report(node, where, f"seed file {name!r} not found in {looked}")
        self._texts[name] = None

    def check_quote(
        self, source: Source, quote: str | None, nodes: dict[str, Node], node: Node, where: str
    ) -> None:
        """A claim from a seeded source must quote that seed verbatim."""
        assert source.seed is not None
        if self._folders is None:
            return
        if quote is None:
            self._fields.report(
                node,
                where,
                f"missing key 'quote': source {source.id!r} has a seed "
                f"({source.seed}), so the claim must quote it",
            )
            return
        seed_text = self._texts.get(source.seed)
        if seed_text is None:  # the seed itself is missing; reported at the source
            return
        if _collapse(quote) not in seed_text:
            hint = _closest_line(quote, seed_text)
            self._fields.report(
                nodes["quote"],
                f"{where}.quote",
                f"the quote does not occur in seed {source.seed} (white space collapsed){hint}",
            )


def _collapse(text: str) -> str:
    """Collapse every run of white space to one space."""
    return _WHITESPACE.sub(" ", text).strip()


def _closest_line(quote: str, seed_text: str) -> str:
    """A '; closest passage: ...' hint for a quote that is nearly right."""
    wanted = _collapse(quote)
    size = len(wanted)
    if not size or size > 400:
        return ""
    import difflib  # only for a quote that does not match

    matcher = difflib.SequenceMatcher(None, seed_text, wanted, autojunk=False)
    block = matcher.find_longest_match(0, len(seed_text), 0, size)
    if block.size < max(8, size // 3):
        return ""
    start = max(0, block.a - block.b)
    return f"; closest passage: {seed_text[start : start + size]!r}"
