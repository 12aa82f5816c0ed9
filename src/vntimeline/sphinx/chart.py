"""The ``vntimeline-chart`` directive: a Gantt chart rendered from the data at build time.

The chart is drawn while the page is read, into a cache folder inside the
doctree folder, under a name derived from everything that shapes it (the
data file's bytes, the options, the package version and the chart code).
The directive then emits an ordinary ``image`` (or ``figure``) node pointing
at it, so Sphinx copies it into the output like any picture, and every
builder picks its best format: with ``:format: svg`` (the default) both an
SVG and a PNG are drawn and the URI ends in ``.*``, so HTML gets the SVG and
builders that cannot show SVG (LaTeX) fall back to the PNG.

Parallel reads are safe: a name is only ever written with the same bytes,
atomically, and an existing file is reused. Each file's modification time is
set to the data file's, so that a chart drawn by one page can never make
another page that shows it look out of date.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Final

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .. import __version__
from .._locale import label, plural
from .._model.dates import PartialDate
from ..errors import VntimelineError
from .data import check_known, data_path, lang_choice, page_lang, parse_list, resolved_timeline

if TYPE_CHECKING:
    from .._model.resolved import ResolvedTimeline

__all__ = ["CACHE_DIR", "ChartDirective", "chart_stem", "default_alt"]

#: Folder (inside the doctree folder) that holds the rendered charts.
CACHE_DIR: Final = "_vntimeline"
FORMATS: Final = ("svg", "png")
#: The drawing's width in inches. Theme content columns are 700-800 px wide;
#: drawn at 7.6 in (730 px at 96 dpi), the chart's text shows at its own size.
DEFAULT_INCHES: Final = 7.6


def _inches(argument: str) -> float:
    """A drawing width in inches, between 3 and 40."""
    try:
        value = float(argument)
    except (TypeError, ValueError):
        raise ValueError(f"expected a width in inches such as 7.6, got {argument!r}") from None
    if not 3 <= value <= 40:
        raise ValueError(f"the chart width must be between 3 and 40 inches, got {argument}")
    return value


def _format(argument: str) -> str:
    return str(directives.choice(argument, FORMATS))


def _align(argument: str) -> str:
    return str(directives.choice(argument, ("left", "center", "right")))


@functools.cache
def _engine_fingerprint() -> str:
    """The package version and the chart code's bytes: new drawing code, new file names.

    The chart's words (:mod:`vntimeline._locale`) are part of its code.
    """
    digest = hashlib.sha256(__version__.encode())
    root = Path(__file__).resolve().parent.parent
    for package in (root / "_export" / "chart", root / "_locale"):
        for module in sorted(package.glob("*.py")):
            digest.update(module.name.encode())
            digest.update(module.read_bytes())
    return digest.hexdigest()


def chart_stem(data: Path, settings: dict[str, Any]) -> str:
    """The file name (without extension) of the chart of *data* drawn with *settings*."""
    digest = hashlib.sha256(_engine_fingerprint().encode())
    digest.update(data.read_bytes())
    digest.update(json.dumps(settings, sort_keys=True).encode())
    return f"timeline-{digest.hexdigest()[:20]}"


def default_alt(resolved: ResolvedTimeline, categories: tuple[str, ...], lang: str = "en") -> str:
    """An alt text in *lang* that says what the chart shows when the page gives none."""
    lanes = categories or resolved.timeline.categories
    events = [r for r in resolved if r.category in lanes]
    years = sorted(
        {
            d.year
            for r in events
            for d in (r.start.earliest if r.start else None, r.end.latest if r.end else None)
            if d is not None
        }
    )
    span = ""
    if years:
        span = f", {years[0]}" if years[0] == years[-1] else f", {years[0]}\N{EN DASH}{years[-1]}"
    return label("chart.alt", lang).format(
        events=plural("count.events", len(events), lang),
        categories=plural("count.categories", len(lanes), lang),
        names=", ".join(lanes),
        span=span,
    )


class ChartDirective(SphinxDirective):
    """``.. vntimeline-chart::`` draws the timeline's Gantt chart into the page."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "data": directives.unchanged,
        "categories": directives.unchanged,
        "since": directives.unchanged,
        "until": directives.unchanged,
        "title": directives.unchanged,
        "today": directives.unchanged,
        "format": _format,
        "alt": directives.unchanged,
        "caption": directives.unchanged,
        "width": directives.length_or_percentage_or_unitless,
        "chart-width": _inches,
        "align": _align,
        "class": directives.class_option,
        "name": directives.unchanged,
        "lang": lang_choice,
    }

    def run(self) -> list[nodes.Node]:
        """Draw the chart (unless already drawn) and return the image or figure node."""
        try:
            lang = page_lang(self.env, self.options.get("lang"))
            resolved = resolved_timeline(self.env, self.options.get("data"))
            categories = parse_list(self.options.get("categories"))
            check_known("category", categories, resolved.timeline.categories)
            for option in ("since", "until", "today"):
                if self.options.get(option):
                    PartialDate.parse(self.options[option])
            uri = self._render(resolved, categories, lang)
        except (VntimelineError, ValueError, OSError) as exc:
            raise self.error(f"vntimeline-chart: {exc}") from None
        image = nodes.image(
            uri=uri,
            alt=self.options.get("alt") or default_alt(resolved, categories, lang),
            classes=["vntimeline-chart", *self.options.get("class", [])],
        )
        if "width" in self.options:
            image["width"] = self.options["width"]
        caption = self.options.get("caption")
        if not caption:
            if "align" in self.options:
                image["align"] = self.options["align"]
            self.add_name(image)
            return [image]
        figure = nodes.figure("", image, classes=["vntimeline-figure"])
        if "align" in self.options:
            figure["align"] = self.options["align"]
        text_nodes, messages = self.state.inline_text(caption, self.lineno)
        figure += nodes.caption(caption, "", *text_nodes)
        self.add_name(figure)
        return [figure, *messages]

    def _render(self, resolved: ResolvedTimeline, categories: tuple[str, ...], lang: str) -> str:
        """Draw the chart files if missing; return the image URI relative to the page."""
        from .._export.chart.figure import save_chart

        data = data_path(self.env, self.options.get("data"))
        fmt = self.options.get("format", "svg")
        since: str | None = self.options.get("since") or None
        until: str | None = self.options.get("until") or None
        title: str | None = self.options.get("title") or None
        today: str | None = self.options.get("today") or None
        inches: float = self.options.get("chart-width", DEFAULT_INCHES)
        settings = {
            "categories": list(categories),
            "since": since,
            "until": until,
            "title": title,
            "today": today,
            "inches": inches,
            "lang": lang,
        }
        folder = Path(self.env.doctreedir) / CACHE_DIR
        stem = folder / chart_stem(data, settings)
        stamp = data.stat().st_mtime_ns
        for ext in ("svg", "png") if fmt == "svg" else ("png",):
            target = stem.with_name(f"{stem.name}.{ext}")
            if not target.is_file():
                save_chart(
                    resolved,
                    target,
                    categories=list(categories) or None,
                    since=since,
                    until=until,
                    title=title,
                    today=today,
                    width=inches,
                    lang=lang,
                )
                os.utime(target, ns=(stamp, stamp))
        page_dir = Path(self.env.doc2path(self.env.docname)).parent
        relative = Path(os.path.relpath(stem, page_dir)).as_posix()
        return f"{relative}.*" if fmt == "svg" else f"{relative}.png"
