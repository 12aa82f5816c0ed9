"""The resolved timeline as a pandas DataFrame, for notebooks.

The columns are those of the CSV (:data:`.tabular.COLUMNS`). The text
columns have the dtype pandas gives text (``str`` from pandas 3, ``object``
before). The four date columns are time-zone-aware, in the timeline's zone:
each holds the start of a local day, the first (``earliest``) or the last
(``latest``) day the decided date allows, read as the resolved JSON reads
it; an open side, an undated event and a milestone's end are ``NaT``. Their
dtype is ``datetime64[ns, <zone>]``, or ``datetime64[s, <zone>]`` when a date
lies outside the years nanoseconds can hold (about 1677 to 2262).

pandas is optional (``pip install "vntimeline[dataframe]"``) and imported
here only, when a DataFrame is asked for.
"""

from __future__ import annotations

import datetime as _dt
import importlib
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pendulum

from .._model.zones import get_zone
from .tabular import COLUMNS, DATE_COLUMNS, Cell, rows

if TYPE_CHECKING:
    from .._model.resolved import ResolvedTimeline

__all__ = ["INSTALL_HINT", "to_dataframe"]

#: What to run when pandas is missing.
INSTALL_HINT: Final = 'pip install "vntimeline[dataframe]"'


def _pandas() -> ModuleType:
    """The pandas module, or an ImportError that says how to install it."""
    try:
        return importlib.import_module("pandas")
    except ImportError as exc:
        raise ImportError(
            f"a DataFrame needs pandas, which is not installed: {INSTALL_HINT}",
            name="pandas",
        ) from exc


def _day_start(cell: Cell, zone: _dt.tzinfo) -> int | None:
    """Epoch second at which the local day *cell* starts in *zone* (``None`` stays ``None``).

    Midnight in a gap (a zone that moves its clocks at midnight) is read
    with the offset before the change: the day's first instant.
    """
    if not isinstance(cell, pendulum.Date):
        return None
    return int(_dt.datetime(cell.year, cell.month, cell.day, tzinfo=zone).timestamp())


def _unit(pd: Any, instants: Sequence[int | None]) -> str:
    """``ns`` if every instant fits a nanosecond timestamp, else ``s``."""
    low, high = pd.Timestamp.min.timestamp(), pd.Timestamp.max.timestamp()
    fits = all(low <= i <= high for i in instants if i is not None)
    return "ns" if fits else "s"


def to_dataframe(resolved: ResolvedTimeline) -> Any:
    """A ``pandas.DataFrame`` of *resolved*: one row per event, the columns of the CSV."""
    pd = _pandas()
    table = rows(resolved)
    zone_name = resolved.timeline.timezone
    zone = get_zone(zone_name)
    instants = {
        name: [_day_start(row[COLUMNS.index(name)], zone) for row in table] for name in DATE_COLUMNS
    }
    unit = _unit(pd, [i for column in instants.values() for i in column])
    columns: dict[str, Any] = {}
    for index, name in enumerate(COLUMNS):
        if name in instants:
            seconds = np.array(
                ["NaT" if i is None else i for i in instants[name]], dtype="datetime64[s]"
            )
            moments = pd.Series(seconds).dt.tz_localize("UTC").dt.as_unit(unit)
            columns[name] = moments.dt.tz_convert(zone_name)
        else:
            columns[name] = pd.Series([row[index] for row in table], dtype="str")
    return pd.DataFrame(columns, columns=list(COLUMNS))
