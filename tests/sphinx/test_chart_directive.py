"""The ``vntimeline-chart`` directive (vntimeline.sphinx.chart), on the shared test build.

The shared build (``sphinx_built`` in conftest.py) is the project in
``tests/sphinx/root`` with a page of filters, a calm page and a page of
mistakes; a test that edits the project builds its own copy.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from conftest import SphinxBuild, warnings_of


def warning_lines(app: SphinxTestApp, page: str) -> list[str]:
    """The warnings and errors reported for *page* (``index``, ``sub/nested``...)."""
    return [line for line in warnings_of(app).splitlines() if f"{page}.rst:" in line]


class TestChartDirective:
    def test_the_chart_is_drawn_into_the_html_output(self, sphinx_built: SphinxTestApp) -> None:
        html = (sphinx_built.outdir / "index.html").read_text(encoding="utf-8")
        found = re.search(r'<img alt="The test chart" class="vntimeline-chart" src="([^"]+)"', html)
        assert found is not None
        chart = sphinx_built.outdir / found.group(1)
        assert chart.suffix == ".svg"
        assert b"<svg" in chart.read_bytes()[:2000]

    def test_pages_used_as_intended_build_without_a_warning(
        self, sphinx_built: SphinxTestApp
    ) -> None:
        for page in ("index", "other", "sub/nested", "filters", "calm"):
            assert warning_lines(sphinx_built, page) == []

    def test_an_svg_chart_has_a_png_fallback_for_builders_without_svg(
        self, sphinx_built: SphinxTestApp
    ) -> None:
        image = next(sphinx_built.env.get_doctree("index").findall(nodes.image))
        assert set(image["candidates"]) == {"image/svg+xml", "image/png"}
        png = sphinx_built.srcdir / image["candidates"]["image/png"]
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    def test_the_png_format_gives_only_a_png(self, sphinx_built: SphinxTestApp) -> None:
        html = (sphinx_built.outdir / "sub" / "nested.html").read_text(encoding="utf-8")
        found = re.search(r'<img alt="[^"]*" class="vntimeline-chart" src="\.\./([^"]+)"', html)
        assert found is not None
        assert found.group(1).endswith(".png")
        assert (sphinx_built.outdir / found.group(1)).read_bytes()[:4] == b"\x89PNG"
        assert 'style="width: 50%;"' in html

    def test_caption_and_name_make_a_referable_figure(self, sphinx_built: SphinxTestApp) -> None:
        figure = next(sphinx_built.env.get_doctree("index").findall(nodes.figure))
        assert figure["ids"] == ["test-chart"]
        caption = figure.next_node(nodes.caption)
        assert caption is not None
        assert caption.astext() == "Every event of the test data."

    def test_without_alt_text_one_is_made_from_the_data(self, sphinx_built: SphinxTestApp) -> None:
        image = next(sphinx_built.env.get_doctree("sub/nested").findall(nodes.image))
        assert image["alt"] == "Timeline chart of 3 events in 1 category (policy), 2024"

    def test_an_unknown_category_is_an_error_naming_the_known_ones(
        self, sphinx_built: SphinxTestApp
    ) -> None:
        assert re.search(
            r"mistakes\.rst:3: ERROR: vntimeline-chart: unknown category 'diplomcy' "
            r"\(did you mean 'diplomacy'\?\); the data has: policy, diplomacy",
            warnings_of(sphinx_built),
        )

    def test_an_impossible_date_option_is_an_error(self, sphinx_built: SphinxTestApp) -> None:
        assert re.search(
            r"mistakes\.rst:6: ERROR: vntimeline-chart: '2024-13' is not a valid date",
            warnings_of(sphinx_built),
        )

    def test_a_broken_data_file_is_reported_with_its_line_and_column(
        self, sphinx_build: SphinxBuild, sphinx_project: Path
    ) -> None:
        data = sphinx_project / "events.yaml"
        data.write_text(
            data.read_text(encoding="utf-8").replace("2024-05-08", "2024-05-32"),
            encoding="utf-8",
        )
        app = sphinx_build()
        assert re.search(
            r"index\.rst:4: ERROR: vntimeline-chart: the data file .*events\.yaml has problems:\n"
            r".*events\.yaml:\d+:\d+: .*'2024-05-32' is not a valid date",
            warnings_of(app),
        )
