"""The ``vntimeline-timeline`` directive (vntimeline.sphinx.timeline) and unique ids (.ids).

The test project (``tests/sphinx/root``) gets a page of timelines and a page
of mistakes, and is built once as HTML, once as LaTeX and once as HTML with
the Furo theme (which copies a table's id onto the wrapper it adds).
"""

from __future__ import annotations

import io
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

import vntimeline
from conftest import SPHINX_ROOT, add_page, warnings_of
from helpers.html import page_data, srcdoc_of

PAGES = {
    "timelines": (
        ".. vntimeline-timeline::\n   :name: the-timeline\n\n"
        ".. vntimeline-timeline::\n   :categories: policy\n   :lang: vi\n   :height: 30em\n"
        "   :caption: Policy only.\n"
    ),
    "timeline-mistakes": (
        ".. vntimeline-timeline::\n   :categories: polcy\n\n"
        ".. vntimeline-timeline::\n   :height: tall\n\n"
        ".. vntimeline-timeline::\n   :lang: fr\n"
    ),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("timeline") / "project"
    shutil.copytree(SPHINX_ROOT, source, ignore=shutil.ignore_patterns("_build"))
    for name, text in PAGES.items():
        add_page(source, name, text)
    # In the toctree too, so that the LaTeX document has one (it leaves orphans out).
    with (source / "index.rst").open("a", encoding="utf-8") as index:
        index.write("\n.. vntimeline-timeline::\n   :caption: The printed timeline.\n")
    return source


def build(project: Path, builder: str, folder: str, **overrides: str) -> Iterator[SphinxTestApp]:
    app = SphinxTestApp(
        builder,
        srcdir=project,
        builddir=project / folder,
        confoverrides=overrides or None,
        status=io.StringIO(),
        warning=io.StringIO(),
    )
    app.build()
    yield app
    app.cleanup()


@pytest.fixture(scope="module")
def html(project: Path) -> Iterator[SphinxTestApp]:
    yield from build(project, "html", "_build")


@pytest.fixture(scope="module")
def latex(project: Path) -> Iterator[SphinxTestApp]:
    yield from build(project, "latex", "_build_latex")


def page(app: SphinxTestApp, name: str) -> str:
    return (app.outdir / f"{name}.html").read_text(encoding="utf-8")


class TestTimelineDirective:
    def test_the_page_is_embedded_whole_in_a_frame(self, html: SphinxTestApp) -> None:
        built = page(html, "timelines")
        frame = re.search(r'<iframe class="vntimeline-timeline-frame" title="([^"]+)"', built)
        assert frame is not None and frame.group(1).startswith("Timeline: ")
        embedded = srcdoc_of(built)
        assert embedded.startswith("<!DOCTYPE html>")
        resolved = vntimeline.resolve(vntimeline.load(html.srcdir / "events.yaml"))
        assert embedded == vntimeline.to_html(resolved)

    def test_the_name_is_the_wrappers_id(self, html: SphinxTestApp) -> None:
        assert '<div class="vntimeline-timeline" id="the-timeline">' in page(html, "timelines")

    def test_options_reach_the_page_and_the_frame(self, html: SphinxTestApp) -> None:
        built = page(html, "timelines")
        second = built.split("</iframe>", 1)[1]
        data = page_data(srcdoc_of(second))
        assert data["lang"] == "vi" and [lane["id"] for lane in data["lanes"]] == ["policy"]
        assert 'style="height: 30em"' in second

    def test_the_default_height_fits_the_lanes(self, html: SphinxTestApp) -> None:
        height = re.search(r'style="height: (\d+)px"', page(html, "timelines"))
        assert height is not None and 300 < int(height.group(1)) < 900

    def test_without_javascript_the_chart_replaces_the_frame(self, html: SphinxTestApp) -> None:
        built = page(html, "timelines")
        fallback = re.search(r"<noscript>(.*?)</noscript>", built, re.S)
        assert fallback is not None
        assert ".vntimeline-timeline-frame{display:none}" in fallback.group(1)
        image = re.search(r'<img [^>]*class="vntimeline-chart" src="([^"]+)"', fallback.group(1))
        assert image is not None and (html.outdir / image.group(1)).is_file()

    def test_a_caption_makes_the_fallback_a_figure(self, html: SphinxTestApp) -> None:
        second = page(html, "timelines").split("</iframe>", 2)[2]
        assert "Policy only." in second.split("</noscript>", 1)[0]

    def test_latex_shows_only_the_chart(self, latex: SphinxTestApp) -> None:
        tex = next(latex.outdir.glob("*.tex")).read_text(encoding="utf-8")
        assert "iframe" not in tex and "srcdoc" not in tex and "DOCTYPE" not in tex
        figure = tex.split("The printed timeline.", 1)[0].rsplit("\\begin{figure}", 1)[1]
        assert re.search(r"\\sphinxincludegraphics\{\{timeline-[0-9a-f]+\}\.png\}", figure)

    def test_pages_used_as_intended_build_without_a_warning(self, html: SphinxTestApp) -> None:
        assert "timelines.rst" not in warnings_of(html)

    @pytest.mark.parametrize(
        ("line", "message"),
        [
            (3, r"vntimeline-timeline: unknown category 'polcy' \(did you mean 'policy'\?\)"),
            (6, r"value: 'tall'\)\nexpected a height such as 480px, 30em or 70vh"),
            (9, r"value: 'fr'\)"),
        ],
    )
    def test_mistakes_are_errors_on_their_line(
        self, html: SphinxTestApp, line: int, message: str
    ) -> None:
        errors = re.sub(r"\x1b\[[0-9;]*m", "", warnings_of(html))  # without colours
        assert re.search(rf"timeline-mistakes\.rst:{line}: ERROR: [^\n]*\n?[^\n]*{message}", errors)


class TestUniqueIds:
    def test_a_theme_that_wraps_named_tables_leaves_each_id_once(self, project: Path) -> None:
        for app in build(project, "html", "_build_furo", html_theme="furo"):
            built = page(app, "index")
            ids = Counter(re.findall(r'\bid="([^"]+)"', built))
            assert ids["diplomacy-table"] == 1
            assert [i for i, n in ids.items() if n > 1] == []
            # The id stays on the outer element, which holds the table.
            assert re.search(r'<div class="table-wrapper[^"]*" id="diplomacy-table">', built)
