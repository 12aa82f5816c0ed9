"""The exceptions vntimeline raises.

Every error derives from :class:`VntimelineError`, and each subclass also
inherits the built-in exception a caller would naturally catch (``ValueError``
for bad values, ``OSError`` for output that could not be written), so code
that knows nothing of vntimeline still handles them sensibly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

__all__ = [
    "DataError",
    "DateError",
    "ExportError",
    "OptionError",
    "PolicyError",
    "Problem",
    "VntimelineError",
]


class VntimelineError(Exception):
    """Base class of every error raised by vntimeline."""


class DateError(VntimelineError, ValueError):
    """A value is not a date of the EDTF subset vntimeline understands."""


class PolicyError(VntimelineError, ValueError):
    """A resolver policy was given an option it cannot use."""


class OptionError(VntimelineError, ValueError):
    """An exporter (feed, chart) was given an option value it cannot use."""


class ExportError(VntimelineError, OSError):
    """A feed, chart or report could not be written."""


# Line breaks and other control characters, which could split one problem
# into lines that look like more problems (a key may hold any of them).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    r"""*text* with control characters written as escapes (``\n``), so it stays one line."""
    return _CONTROL.sub(lambda match: repr(match.group())[1:-1], text)


@attrs.frozen
class Problem:
    """One problem found in a data file, with the place it was found.

    The path and the message never hold a line break: each problem prints as
    exactly one ``FILE:LINE:COL: message`` line.
    """

    path: str = attrs.field(converter=_one_line)
    line: int
    column: int
    message: str = attrs.field(converter=_one_line)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class DataError(VntimelineError, ValueError):
    """A data file broke one or more rules; ``problems`` lists every one."""

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
