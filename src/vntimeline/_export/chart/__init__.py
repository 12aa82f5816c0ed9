"""The Gantt-style chart, drawn with matplotlib (imported only by this package)."""

from .figure import plot, save_chart, save_charts

__all__ = ["plot", "save_chart", "save_charts"]
