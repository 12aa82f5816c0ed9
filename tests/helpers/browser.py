"""A real Chromium for the tests: pages opened, scripts run and keys pressed over DevTools.

The client is the one ``docs/browser_check.py`` uses (the debugging pipe, no
dependency); this module adds what tests need: a page per test, its network
requests and script errors, keys and mouse moves, and axe-core (from
``tests/js``, installed with ``npm ci`` when missing, as the ical.js test does).
One :class:`Browser` serves a whole test module (a module-scoped fixture).
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
JS = ROOT / "tests" / "js"
CHROMIUM = "/usr/bin/chromium"
VIEWPORT = {"width": 1200, "height": 900, "deviceScaleFactor": 1, "mobile": False}
#: Windows virtual key codes of the keys the tests press (DevTools wants them for Tab).
KEY_CODES = {"Tab": 9, "Enter": 13, "Escape": 27, "ArrowLeft": 37, "ArrowRight": 39}


def browser_check() -> ModuleType:
    """``docs/browser_check.py`` as a module (its DevTools client and launcher)."""
    spec = importlib.util.spec_from_file_location(
        "vntimeline_browser_check", ROOT / "docs" / "browser_check.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def axe_source() -> str:
    """The text of axe-core's browser script (installs tests/js with npm if needed)."""
    script = JS / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        npm = shutil.which("npm")
        assert npm is not None, "npm is needed to install axe-core for this test"
        subprocess.run(
            [npm, "ci", "--prefix", str(JS), "--no-audit", "--no-fund"],
            check=True,
            capture_output=True,
        )
    return script.read_text(encoding="utf-8")


#: Runs axe-core on the page (and frames it was injected into); the serious and critical
#: violations, each with its rule, impact and where.
AXE_RUN = """
axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations
  .filter(v => v.impact === "serious" || v.impact === "critical")
  .map(v => ({id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => JSON.stringify(n.target))})))
"""


class Page:
    """One tab: evaluate scripts, press keys, move the mouse, read requests and errors."""

    def __init__(self, tools: Any, session: str, url: str) -> None:
        self.tools, self.session, self.url = tools, session, url

    def evaluate(self, expression: str) -> Any:
        """The value of *expression* (awaited if a promise); a script error fails the test."""
        result = self.tools.call(
            "Runtime.evaluate",
            self.session,
            expression=expression,
            awaitPromise=True,
            returnByValue=True,
        )
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def key(self, key: str, text: str | None = None) -> None:
        """Press and release *key* (``Tab``, ``Escape``, ``+``...) in the focused element."""
        code = KEY_CODES.get(key, 0)
        down = {"key": key, "code": key, "windowsVirtualKeyCode": code}
        if text is not None:
            down["text"] = text
        self.tools.call("Input.dispatchKeyEvent", self.session, type="keyDown", **down)
        self.tools.call("Input.dispatchKeyEvent", self.session, type="keyUp", key=key, code=key)

    def mouse_move(self, x: float, y: float) -> None:
        """Move the mouse to (*x*, *y*) in CSS pixels of the viewport."""
        self.tools.call("Input.dispatchMouseEvent", self.session, type="mouseMoved", x=x, y=y)

    def wheel(self, x: float, y: float, delta_y: float, *, ctrl: bool = False) -> None:
        """Turn the mouse wheel at (*x*, *y*), with Ctrl held if *ctrl*."""
        self.tools.call(
            "Input.dispatchMouseEvent",
            self.session,
            type="mouseWheel",
            x=x,
            y=y,
            deltaX=0,
            deltaY=delta_y,
            modifiers=2 if ctrl else 0,
        )

    def _events(self, method: str) -> list[dict[str, Any]]:
        return [
            e
            for e in self.tools.events
            if e.get("method") == method and e.get("sessionId") == self.session
        ]

    def requests(self) -> list[str]:
        """Every URL the page asked for since it was opened."""
        return [e["params"]["request"]["url"] for e in self._events("Network.requestWillBeSent")]

    def errors(self) -> list[str]:
        """Every script error the page threw."""
        return [
            json.dumps(e["params"]["exceptionDetails"])
            for e in self._events("Runtime.exceptionThrown")
        ]

    def axe(self, source: str) -> list[dict[str, Any]]:
        """axe-core's serious and critical violations on the page."""
        self.evaluate(source + "\n;true")
        violations: list[dict[str, Any]] = self.evaluate(AXE_RUN)
        return violations


class Browser:
    """Headless Chromium, launched once; :meth:`open` gives a fresh tab per test."""

    def __init__(self, chromium: str = CHROMIUM) -> None:
        check = browser_check()
        self._scratch = tempfile.TemporaryDirectory(prefix="vntimeline-tests-")
        scratch = Path(self._scratch.name)
        self.process, self.tools = check.launch(chromium, scratch / "profile", scratch / "log")

    def open(self, url: str) -> Page:
        """Open *url* in a new tab with network and runtime events recorded; wait for load."""
        target = self.tools.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.tools.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Network"):
            self.tools.call(f"{domain}.enable", session)
        self.tools.call("Emulation.setDeviceMetricsOverride", session, **VIEWPORT)
        self.tools.call("Page.navigate", session, url=url)
        while self.tools.wait_for("Page.loadEventFired").get("sessionId") != session:
            pass  # another tab's load
        return Page(self.tools, session, url)

    def close(self) -> None:
        """Close the browser and wait for it to exit."""
        with contextlib.suppress(Exception):  # it may close the pipe before answering
            self.tools.call("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._scratch.cleanup()
