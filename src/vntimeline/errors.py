"""The exceptions vntimeline raises.

Every error derives from :class:`VntimelineError`, and each subclass also
inherits the built-in exception a caller would naturally catch (``ValueError``
for bad values, ``OSError`` for output that could not be written), so code
that knows nothing of vntimeline still handles them sensibly.
"""

from __future__ import annotations

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


@attrs.frozen
class Problem:
    """One problem found in a data file, with the place it was found."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class DataError(VntimelineError, ValueError):
    """A data file broke one or more rules; ``problems`` lists every one."""

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
