"""Reading an article's text from a file, as DESIGN section 8 counts its offsets.

The text is the file decoded as UTF-8 with its newlines untouched (what
``open(f, encoding="utf-8", newline="").read()`` gives), so a find's
``start`` and ``end`` index the same characters for every reader. A file
that is not text says so, with the place of the first bad byte.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DataError, Problem

__all__ = ["read_article"]


def read_article(path: str | Path) -> str:
    """The text of *path*; :class:`~vntimeline.DataError` when it cannot be read as UTF-8 text."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DataError([Problem(name, 0, 0, f"cannot read the article: {exc.strerror}")]) from None
    if b"\x00" in data:
        raise DataError([Problem(name, 0, 0, "is a binary file, not a text article")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataError(
            [Problem(name, line, column, f"not UTF-8 text: byte 0x{data[exc.start]:02x}")]
        ) from None
