"""Track milestones that sources date differently, resolve the dates openly, publish them.

>>> import vntimeline
>>> timeline = vntimeline.load_default()
>>> resolved = vntimeline.resolve(timeline)
>>> resolved["nanning-roundtable"].start.value
'2025-09-18'

The resolver and the exporters (the iCalendar feed, the matplotlib chart) are
imported on first use, so ``import vntimeline`` stays light: a program that
only validates never pays for them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._load.dump import dump
from ._load.loader import check, default_data_path, load, load_default, loads
from ._model.dates import DateRange, EventDate, PartialDate, Precision, Qualifier
from ._model.events import Authority, Category, Claim, Event, Kind, Source, Timeline
from .errors import (
    DataError,
    DateError,
    ExportError,
    OptionError,
    PolicyError,
    Problem,
    VntimelineError,
)

if TYPE_CHECKING:
    from ._export.chart.figure import plot, save_chart
    from ._export.html import to_html, write_html
    from ._export.ical import FeedOptions, to_ical, write_ical
    from ._extract import Find, extract
    from ._model.resolved import (
        Dissent,
        ResolvedDate,
        ResolvedEvent,
        ResolvedTimeline,
        Status,
        Violation,
    )
    from ._resolve.policy import Policy, WeightPolicy
    from ._resolve.resolver import resolve

__version__ = "0.1.0"

__all__ = [
    "Authority",
    "Category",
    "Claim",
    "DataError",
    "DateError",
    "DateRange",
    "Dissent",
    "Event",
    "EventDate",
    "ExportError",
    "FeedOptions",
    "Find",
    "Kind",
    "OptionError",
    "PartialDate",
    "Policy",
    "PolicyError",
    "Precision",
    "Problem",
    "Qualifier",
    "ResolvedDate",
    "ResolvedEvent",
    "ResolvedTimeline",
    "Source",
    "Status",
    "Timeline",
    "Violation",
    "VntimelineError",
    "WeightPolicy",
    "check",
    "default_data_path",
    "dump",
    "extract",
    "load",
    "load_default",
    "loads",
    "plot",
    "resolve",
    "save_chart",
    "to_html",
    "to_ical",
    "write_html",
    "write_ical",
]

# Names loaded on first access: the exporters import matplotlib or icalendar,
# and the resolver (with fractions) is a third of what importing costs.
_LAZY = {
    "Dissent": "._model.resolved",
    "ResolvedDate": "._model.resolved",
    "ResolvedEvent": "._model.resolved",
    "ResolvedTimeline": "._model.resolved",
    "Status": "._model.resolved",
    "Violation": "._model.resolved",
    "Policy": "._resolve.policy",
    "WeightPolicy": "._resolve.policy",
    "resolve": "._resolve.resolver",
    "plot": "._export.chart.figure",
    "save_chart": "._export.chart.figure",
    "to_html": "._export.html",
    "write_html": "._export.html",
    "FeedOptions": "._export.ical",
    "to_ical": "._export.ical",
    "write_ical": "._export.ical",
    "Find": "._extract",
    "extract": "._extract",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'vntimeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
