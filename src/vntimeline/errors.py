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
    """One problem, with the place it was found.

    A problem in a data file has a *path* (the file), a *line* and a *column*
    (from 1) and prints as ``FILE:LINE:COL: message``. A problem found in
    values given in code has no place in a file: its *path* names what is
    wrong (``Claim.start``, ``events[3] (launch).claims[0].source``), *line*
    and *column* are 0, and it prints as ``PATH: message``.

    The path and the message never hold a line break: each problem prints as
    exactly one line.
    """

    path: str = attrs.field(converter=_one_line)
    #: From 1; 0 when the problem has no place in a file.
    line: int
    #: From 1; 0 when the problem has no place in a file (or no column).
    column: int
    message: str = attrs.field(converter=_one_line)

    def __str__(self) -> str:
        if not self.line:
            return f"{self.path}: {self.message}"
        if not self.column:
            return f"{self.path}:{self.line}: {self.message}"
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class DataError(VntimelineError, ValueError):
    """Data broke one or more rules; ``problems`` lists every one.

    Raised by the loader for a data file (each problem at its
    ``FILE:LINE:COL``), by the model for a bad value given in code
    (``Claim.start: ...``), and by :func:`~vntimeline.resolve` for a
    timeline whose :meth:`~vntimeline.Timeline.problems` are not empty.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
