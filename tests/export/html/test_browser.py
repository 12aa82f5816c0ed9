"""The interactive timeline in the real browser (Debian's Chromium, headless, over DevTools).

One browser serves the module; each test opens its page from a file, as a
reader opens a downloaded file: events are elements a keyboard reaches,
focus and hover show the sources and their words, nothing is fetched,
axe-core finds nothing serious, and the Vietnamese page speaks Vietnamese.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import vntimeline
from helpers.browser import Browser, Page, axe_source
from helpers.html import around, hostile, many, marks
from vntimeline._locale import month_name

pytestmark = pytest.mark.skipif(
    not Path("/usr/bin/chromium").is_file(), reason="Debian's chromium is not installed"
)

#: The event elements the page drew, each with what a screen reader is told.
EVENTS = """[...document.querySelectorAll("[data-event-id]")].map(el => ({
  id: el.getAttribute("data-event-id"), tabindex: el.getAttribute("tabindex"),
  role: el.getAttribute("role") || el.localName, label: el.getAttribute("aria-label")}))"""
PANEL = """(() => { const p = document.querySelector(".vt-panel");
  return {hidden: p.hidden, text: p.innerText,
          links: [...p.querySelectorAll("a")].map(a => a.getAttribute("href"))}; })()"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    chrome = Browser()
    yield chrome
    chrome.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pages the tests open, written once."""
    folder = tmp_path_factory.mktemp("pages")
    bundled = vntimeline.resolve(vntimeline.load_default())
    vntimeline.write_html(bundled, folder / "en.html")
    vntimeline.write_html(bundled, folder / "vi.html", lang="vi")
    vntimeline.write_html(hostile(), folder / "hostile.html")
    vntimeline.write_html(marks(), folder / "marks.html")
    vntimeline.write_html(around(dt.date.today()), folder / "today.html")
    vntimeline.write_html(around(dt.date(1990, 6, 1)), folder / "past.html")
    vntimeline.write_html(many(1600), folder / "many.html")
    framed = html.escape(vntimeline.to_html(marks()))
    (folder / "framed.html").write_text(
        '<!DOCTYPE html><html lang="en"><title>Framed</title><body style="margin:0">'
        f'<iframe title="Timeline" style="width:1000px;height:600px;border:0" srcdoc="{framed}">'
        '</iframe><div style="height:3000px"></div></body></html>',
        encoding="utf-8",
    )
    return folder


def open_page(browser: Browser, pages: Path, name: str) -> Page:
    page = browser.open((pages / name).as_uri())
    assert page.evaluate('document.getElementById("vt").dataset.state') == "ready"
    return page


def focus(page: Page, event_id: str) -> dict[str, Any]:
    """Focus the event's element as Tab would, and return what the panel shows."""
    page.evaluate(f"document.querySelector('[data-event-id=\"{event_id}\"]').focus()")
    panel: dict[str, Any] = page.evaluate(PANEL)
    return panel


class TestEvents:
    def test_every_resolved_event_is_an_element_with_its_id(
        self, browser: Browser, pages: Path
    ) -> None:
        page = open_page(browser, pages, "en.html")
        bundled = vntimeline.resolve(vntimeline.load_default())
        seen = page.evaluate(EVENTS)
        assert sorted(e["id"] for e in seen) == sorted(r.id for r in bundled)

    def test_each_event_is_a_tab_stop_with_a_role_and_a_name_with_title_and_date(
        self, browser: Browser, pages: Path
    ) -> None:
        page = open_page(browser, pages, "en.html")
        seen = {e["id"]: e for e in page.evaluate(EVENTS)}
        assert {e["tabindex"] for e in seen.values()} == {"0"}
        assert {e["role"] for e in seen.values()} == {"button"}
        assert seen["nanning-roundtable"]["label"] == (
            "ASEAN–China ministerial roundtable on AI, 18 September 2025, single-source"
        )

    def test_the_tab_key_reaches_the_events_after_the_zoom_buttons(
        self, browser: Browser, pages: Path
    ) -> None:
        page = open_page(browser, pages, "en.html")
        reached = []
        for _ in range(5):
            page.key("Tab")
            reached.append(page.evaluate("document.activeElement.getAttribute('data-event-id')"))
        assert reached[:3] == [None, None, None]  # zoom in, zoom out, reset
        assert reached[3] is not None and reached[4] is not None
        assert page.evaluate(PANEL)["hidden"] is False

    def test_the_page_throws_no_script_error(self, browser: Browser, pages: Path) -> None:
        page = open_page(browser, pages, "marks.html")
        page.evaluate("vntimeline.zoom(40); vntimeline.render(); vntimeline.reset()")
        assert page.errors() == []


class TestPanel:
    def test_focus_shows_date_status_explanation_source_and_quote(
        self, browser: Browser, pages: Path
    ) -> None:
        page = open_page(browser, pages, "en.html")
        panel = focus(page, "nanning-roundtable")
        assert panel["hidden"] is False
        assert "held on September 18 in Nanning" in panel["text"]
        assert "18 September 2025" in panel["text"] and "single-source" in panel["text"]
        assert "Vietnam Investment Review" in panel["text"]
        assert any(link.startswith("https://vir.com.vn/") for link in panel["links"])

    def test_escape_closes_the_panel_and_keeps_the_focus(
        self, browser: Browser, pages: Path
    ) -> None:
        page = open_page(browser, pages, "en.html")
        focus(page, "nanning-roundtable")
        page.key("Escape")
        assert page.evaluate(PANEL)["hidden"] is True
        assert page.evaluate("document.activeElement.getAttribute('data-event-id')") == (
            "nanning-roundtable"
        )

    def test_enter_moves_the_focus_into_the_panel_to_reach_its_links(
        self, browser: Browser, pages: Path
    ) -> None:
        page = open_page(browser, pages, "en.html")
        focus(page, "nanning-roundtable")
        page.key("Enter")
        assert page.evaluate("document.activeElement.id") == "vt-panel"
        page.key("Escape")
        assert page.evaluate("document.activeElement.getAttribute('data-event-id')") == (
            "nanning-roundtable"
        )

    def test_hovering_an_event_shows_its_panel(self, browser: Browser, pages: Path) -> None:
        page = open_page(browser, pages, "en.html")
        box = page.evaluate(
            """(() => { const r = document.querySelector('[data-event-id="ai-law"] .vt-dia')
              .getBoundingClientRect();
              return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()"""
        )
        page.mouse_move(box["x"], box["y"])
        panel = page.evaluate(PANEL)
        assert panel["hidden"] is False
        assert "Law on Artificial Intelligence" in panel["text"]

    def test_an_undated_event_is_a_button_below_the_chart(
        self, browser: Browser, pages: Path
    ) -> None:
        page = open_page(browser, pages, "marks.html")
        panel = focus(page, "nothing")
        assert page.evaluate("document.activeElement.localName") == "button"
        assert "not dated" in panel["text"]


class TestHostileText:
    def test_no_text_runs_as_script_and_the_events_are_all_there(
        self, browser: Browser, pages: Path
    ) -> None:
        page = open_page(browser, pages, "hostile.html")
        assert page.evaluate("window.__pwned === undefined") is True
        assert len(page.evaluate(EVENTS)) == 2
        assert page.errors() == []

    def test_a_javascript_source_address_is_shown_as_text_not_a_link(
        self, browser: Browser, pages: Path
    ) -> None:
        page = open_page(browser, pages, "hostile.html")
        panel = focus(page, "evil")
        assert panel["links"] == []
        assert "He said </script><!-- &" in panel["text"]
        assert "<b>Bad</b>" in panel["text"]


class TestOffline:
    def test_no_request_leaves_the_page(self, browser: Browser, pages: Path) -> None:
        page = open_page(browser, pages, "en.html")
        focus(page, "nanning-roundtable")
        page.evaluate("vntimeline.zoom(30); vntimeline.render()")
        page.key("Escape")
        requested = page.requests()
        assert requested and all(url == page.url or url.startswith("data:") for url in requested)


class TestView:
    def test_keys_zoom_in_and_pan(self, browser: Browser, pages: Path) -> None:
        page = open_page(browser, pages, "marks.html")
        before = page.evaluate("vntimeline.view()")
        focus(page, "day")
        page.key("+", text="+")
        page.key("ArrowRight")
        page.evaluate("vntimeline.render()")
        after = page.evaluate("vntimeline.view()")
        assert after["hi"] - after["lo"] < before["hi"] - before["lo"]
        assert page.evaluate("document.activeElement.getAttribute('data-event-id')") == "day"

    def test_the_wheel_zooms_a_page_of_its_own(self, browser: Browser, pages: Path) -> None:
        page = open_page(browser, pages, "marks.html")
        before = page.evaluate("vntimeline.view()")
        page.wheel(600, 300, -300)
        page.evaluate("vntimeline.render()")
        after = page.evaluate("vntimeline.view()")
        assert after["hi"] - after["lo"] < before["hi"] - before["lo"]

    def test_embedded_in_a_frame_the_wheel_zooms_only_with_ctrl(
        self, browser: Browser, pages: Path
    ) -> None:
        page = browser.open((pages / "framed.html").as_uri())
        frame = "document.querySelector('iframe').contentWindow"
        span = f"(v => v.hi - v.lo)({frame}.vntimeline.view())"
        before = page.evaluate(span)
        page.wheel(600, 300, -300)
        page.evaluate(f"{frame}.vntimeline.render()")
        assert page.evaluate(span) == before
        page.wheel(600, 300, -300, ctrl=True)
        page.evaluate(f"{frame}.vntimeline.render()")
        assert page.evaluate(span) < before

    def test_today_is_marked_when_the_window_holds_it(self, browser: Browser, pages: Path) -> None:
        today = open_page(browser, pages, "today.html")
        past = open_page(browser, pages, "past.html")
        assert today.evaluate("document.querySelectorAll('.vt-svg .vt-today line').length") == 1
        assert past.evaluate("document.querySelectorAll('.vt-svg .vt-today line').length") == 0

    def test_thousands_of_events_in_view_are_drawn_as_paths_until_zoomed_in(
        self, browser: Browser, pages: Path
    ) -> None:
        page = open_page(browser, pages, "many.html")
        far = page.evaluate("vntimeline.view()")
        assert far["mode"] == "paths"
        assert page.evaluate(EVENTS) == []
        assert "1600" in page.evaluate("document.querySelector('.vt-status').textContent")
        page.evaluate("vntimeline.zoom(20); vntimeline.render()")
        near = page.evaluate("vntimeline.view()")
        assert near["mode"] == "nodes" and 0 < near["nodes"] < 1600


class TestLanguage:
    def test_the_vietnamese_page_shows_vietnamese_month_names(
        self, browser: Browser, pages: Path
    ) -> None:
        page = open_page(browser, pages, "vi.html")
        assert page.evaluate("document.documentElement.lang") == "vi"
        panel = focus(page, "nanning-roundtable")
        assert month_name(9, "vi") in panel["text"]  # "tháng 9"
        page.evaluate("vntimeline.zoom(6); vntimeline.render()")
        axis = page.evaluate("document.querySelector('.vt-grid').textContent")
        assert month_name(1, "vi", short=True) in axis or month_name(7, "vi", short=True) in axis


class TestAccessibility:
    @pytest.mark.parametrize("name", ["en.html", "vi.html", "marks.html"])
    def test_axe_core_finds_no_serious_or_critical_violation(
        self, browser: Browser, pages: Path, name: str
    ) -> None:
        page = open_page(browser, pages, name)
        assert page.axe(axe_source()) == []

    def test_axe_core_finds_none_with_the_panel_open(self, browser: Browser, pages: Path) -> None:
        page = open_page(browser, pages, "en.html")
        focus(page, "national-ai-strategy")
        page.key("Enter")
        assert page.axe(axe_source()) == []
