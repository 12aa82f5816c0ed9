r"""The page itself: one HTML document with its style, script and data inline.

Nothing in the page asks the network for anything: the script and the style
are inline, the fonts are the reader's own, and a Content-Security-Policy
says so to the browser (``default-src 'none'``), allowing only this script
and this style by their SHA-256 hashes. Source links are plain ``<a href>``
that the reader may follow.

The page is a pure function of its input, so the same timeline gives the
same bytes: no time stamp, no random id, and "today" is found by the script
from the reader's clock.

Escaping
    Text and attribute values go through :func:`html.escape` (``&``, ``<``,
    ``>``, both quotes). The data sits in ``<script type="application/json">``
    as JSON in which ``<``, ``>`` and ``&`` are written as ``\u003c``-style
    escapes, so no quote or title can close the script element or open a
    comment, and U+2028/U+2029 are escaped for old parsers. The script puts
    every text into the page with ``textContent`` and ``setAttribute``, never
    as markup, and makes a link only of an ``http(s)`` address.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from html import escape
from pathlib import Path
from typing import Any, Final

__all__ = ["EXTRA_WORDS", "natural_height", "render_page", "script_json"]

STATIC: Final = Path(__file__).parent / "static"
#: The program's parts, in order (see the top of ``static/setup.js``).
SCRIPTS: Final = ("setup.js", "draw.js", "panel.js", "controls.js")

#: Words the page needs that the shared catalogs do not have, by language.
EXTRA_WORDS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "zoom_hint": "{count} events in view: zoom in to reach each one.",
        "wheel_hint": "Hold Ctrl (or ⌘) and turn the wheel to zoom.",
        "noscript": "This timeline needs JavaScript to draw its events.",
        "controls": "Zoom and pan (also +, −, arrow keys and 0)",
        "legend": "Legend",
    },
    "vi": {
        "zoom_hint": "{count} sự kiện trong khung nhìn: phóng to để chọn từng sự kiện.",
        "wheel_hint": "Giữ Ctrl (hoặc ⌘) và lăn chuột để phóng to, thu nhỏ.",
        "noscript": "Dòng thời gian này cần JavaScript để vẽ các sự kiện.",
        "controls": "Phóng to, thu nhỏ và di chuyển (cũng bằng +, −, phím mũi tên và 0)",
        "legend": "Chú giải",
    },
    "nl": {
        "zoom_hint": "{count} gebeurtenissen in beeld: zoom in om ze één voor één te bereiken.",
        "wheel_hint": "Houd Ctrl (of ⌘) ingedrukt en draai aan het wieltje om te zoomen.",
        "noscript": "Deze tijdlijn heeft JavaScript nodig om de gebeurtenissen te tekenen.",
        "controls": "In- en uitzoomen en verschuiven (ook met +, −, pijltjestoetsen en 0)",
        "legend": "Legenda",
    },
}

#: The legend: each entry's word (a catalog key) and its small drawing (SVG, 22x14).
_LEGEND: Final = (
    ("milestone", '<path class="vt-dia" d="M11,1l6,6l-6,6l-6,-6z"/>'),
    ("span", '<rect class="vt-bar" x="1" y="3" width="20" height="8"/>'),
    (
        "uncertain",
        '<rect class="vt-band" x="1" y="1" width="20" height="12"/>'
        '<path class="vt-dia-h" d="M11,2l5,5l-5,5l-5,-5z"/>',
    ),
    (
        "conflict",
        '<rect class="vt-band-c" x="1" y="1" width="20" height="12"/>'
        '<rect class="vt-band-h" x="1" y="1" width="20" height="12"/>'
        '<circle class="vt-ring" cx="11" cy="7" r="5.5"/>',
    ),
    ("bounded", '<rect class="vt-band-b" x="1.5" y="1.5" width="19" height="11"/>'),
    (
        "open",
        '<path class="vt-arrow" d="M1,7l7,-5v10z"/>'
        '<rect class="vt-band" x="8" y="1" width="13" height="12"/>',
    ),
    ("today", '<g class="vt-today"><line x1="11" x2="11" y1="0" y2="14"/></g>'),
)


@functools.cache
def _asset(name: str) -> str:
    """A file of ``static/``, checked to be safe inside its inline element."""
    text = (STATIC / name).read_text(encoding="utf-8")
    # Inline, "</script" or "</style" would end the element early.
    assert "</" not in text.replace("<\\/", ""), f"static/{name} contains '</'"
    return text


def _script() -> str:
    """The page's program: the parts in ``static/``, as the one function they are parts of."""
    parts = "\n".join(_asset(name) for name in SCRIPTS)
    return f'(function () {{\n"use strict";\n{parts}}})();\n'


def _hash(text: str) -> str:
    """The CSP source expression that allows exactly *text* inline."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def script_json(data: Any) -> str:
    """*data* as JSON that is safe inside ``<script type="application/json">``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _legend(words: dict[str, str], title: str) -> str:
    items = "".join(
        f'<li><svg width="22" height="14" viewBox="0 0 22 14" aria-hidden="true" '
        f'focusable="false">{drawing}</svg>{escape(words[key])}</li>'
        for key, drawing in _LEGEND
    )
    return f'<ul class="vt-legend" aria-label="{escape(title)}">{items}</ul>'


def _toolbar(words: dict[str, str]) -> str:
    buttons = (
        ("in", "+", "zoom_in"),
        ("out", "\N{MINUS SIGN}", "zoom_out"),
        ("reset", "\N{ANTICLOCKWISE OPEN CIRCLE ARROW}", "reset"),
    )
    return (
        f'<div class="vt-toolbar" role="toolbar" aria-label="{escape(words["controls"])}">'
        + "".join(
            f'<button type="button" data-action="{action}" aria-label="{escape(words[key])}" '
            f'title="{escape(words[key])}">{escape(face)}</button>'
            for action, face, key in buttons
        )
        + "</div>"
    )


def render_page(data: dict[str, Any]) -> str:
    """The whole HTML document for the page data of :func:`.data.payload`."""
    lang: str = data["lang"]
    extra = EXTRA_WORDS[lang]
    data = {**data, "words": {**data["words"], **extra}}
    words: dict[str, str] = data["words"]
    script, style = _script(), _asset("timeline.css")
    policy = (
        f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(style)}; "
        "img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
    )
    title = escape(data["title"])
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">\n'
        '<meta name="generator" content="vntimeline">\n'
        f"<title>{title}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        f'<main class="vt" id="vt" data-state="loading">\n'
        f'<h1 class="vt-title" dir="auto">{title}</h1>\n'
        f'<div class="vt-head">{_legend(words, extra["legend"])}{_toolbar(words)}</div>\n'
        '<div class="vt-chart"><div class="vt-lanes" aria-hidden="true"></div>'
        '<div class="vt-view"></div></div>\n'
        '<p class="vt-status" role="status"></p>\n'
        '<section class="vt-undated" aria-labelledby="vt-undated-title" hidden></section>\n'
        '<div class="vt-panel" id="vt-panel" role="dialog" aria-labelledby="vt-panel-title" '
        'tabindex="-1" hidden></div>\n'
        f"<noscript><p>{escape(extra['noscript'])}</p></noscript>\n</main>\n"
        f'<script type="application/json" id="vt-data">{script_json(data)}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


#: Pixels the script gives a row, a lane's padding (twice) and the axis (see static/setup.js).
ROW_PX, LANE_PAD_PX, AXIS_PX = 24, 16, 30
#: Pixels around the chart: heading, legend and buttons above; status line and margins below.
ABOVE_PX, BELOW_PX, UNDATED_PX = 110, 50, 90


def natural_height(data: dict[str, Any]) -> int:
    """The page's height in CSS pixels at a usual width, from its lanes' rows."""
    lanes = data["lanes"]
    chart = AXIS_PX + sum(int(lane["rows"]) * ROW_PX + LANE_PAD_PX for lane in lanes) + 4
    undated = UNDATED_PX if any("a" not in e for e in data["events"]) else 0
    return ABOVE_PX + chart + BELOW_PX + undated
