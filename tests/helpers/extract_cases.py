"""Shared helpers of the extraction tests: read one sentence, compare (text, value) pairs."""

from __future__ import annotations

import vntimeline

#: (sentence, [(text of the find, value), ...]) read with one publication date.
Case = tuple[str, list[tuple[str, str]]]


def read(sentence: str, published: str, language: str) -> list[tuple[str, str]]:
    """The (text, value) of every find of *sentence*."""
    finds = vntimeline.extract(sentence, published=published, language=language)
    return [(f.text, f.value) for f in finds]
