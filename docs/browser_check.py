"""Open the built docs in headless Chromium, check the front page as a reader sees it.

Usage: python docs/browser_check.py [BUILD_DIR] [--screenshot PNG] [--chromium PATH]

The script serves BUILD_DIR (default ``docs/_build/html``) on 127.0.0.1 with
the standard library's http.server, opens ``index.html`` in Chromium, and
checks that:

* the timeline chart image has loaded (``naturalWidth > 0``);
* the subscribe link became a ``webcal://`` link to this server, and the
  feed it points to downloads as an iCalendar file;
* the table of disputed dates has rows;
* the interactive timeline (``vntimeline-timeline``, a frame) drew its events;
* axe-core (WCAG 2.1 AA, from ``tests/js``; installed with ``npm ci`` if
  missing) finds no serious or critical violation of the project's own making
  on the front page, inside the timeline's frame, or on the page of every
  event (the events table). What the theme or Sphinx itself makes (their
  navigation, say) is reported, not failed: this project cannot fix it;
* no script error happened on the page.

It then writes a full-page screenshot (default ``docs/_build/screenshot.png``).

Chromium is driven through the DevTools protocol over a pipe
(``--remote-debugging-pipe``: JSON messages separated by NUL bytes on file
descriptors 3 and 4), which needs no dependency and no network port of its
own. Exit codes: 0 all checks passed, 1 a check failed, 2 the check could
not run (no Chromium, no build).
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import functools
import http.server
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
#: The npm project of the tests, which has axe-core.
JS = HERE.parent / "tests" / "js"
#: Pages checked with axe-core besides the front page: those the extension styles.
AXE_PAGES = ("reference/events.html",)
DEFAULT_BUILD = HERE / "_build" / "html"
DEFAULT_SCREENSHOT = HERE / "_build" / "screenshot.png"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
#: Flags that let Chromium run headless in a container, with no network of its own.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)
TIMEOUT = 60.0
VIEWPORT = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}
#: What the page reports about itself once loaded (evaluated in the page).
PAGE_FACTS = """
(async () => {
  const img = document.querySelector("img.vntimeline-chart");
  if (img && !img.complete) {
    await new Promise(done => { img.addEventListener("load", done);
                                img.addEventListener("error", done); });
  }
  const link = sel => { const a = document.querySelector(sel); return a ? a.href : null; };
  return {
    title: document.title,
    chart: img ? {src: img.currentSrc || img.src, naturalWidth: img.naturalWidth,
                  naturalHeight: img.naturalHeight, alt: img.alt} : null,
    webcal: link(".vntimeline-subscribe a.vntimeline-webcal"),
    https: link(".vntimeline-subscribe a.vntimeline-https"),
    httpsText: (document.querySelector(".vntimeline-subscribe a.vntimeline-https") || {})
               .textContent || null,
    conflictRows: document.querySelectorAll("table.vntimeline-conflicts tbody tr").length,
    timeline: (() => {
      const frame = document.querySelector("iframe.vntimeline-timeline-frame");
      const page = frame && frame.contentDocument;
      const root = page && page.getElementById("vt");
      return root ? {events: page.querySelectorAll("[data-event-id]").length,
                     state: root.dataset.state, renderMs: root.dataset.renderMs} : null;
    })(),
  };
})()
"""
#: Runs axe-core in the page and in its frames (where it was injected too); the serious
#: and critical violations, split into the project's own (in an element of the
#: extension, or in the timeline's frame) and the rest.
AXE_RUN = """
(async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  const ours = target => {
    if (target.length > 1) { return true; }  // inside a frame: the timeline's page
    const el = document.querySelector(target[0]);
    return !!(el && el.closest('[class*="vntimeline-"]'));
  };
  const found = {ours: [], theirs: []};
  for (const v of result.violations) {
    if (v.impact !== "serious" && v.impact !== "critical") { continue; }
    for (const node of v.nodes) {
      found[ours(node.target) ? "ours" : "theirs"].push(
        `${v.id} (${v.impact}) at ${JSON.stringify(node.target)}: ${v.help}`);
    }
  }
  return found;
})()
"""
#: Puts axe-core (window.__axeSource) into every same-origin frame of the page.
AXE_FRAMES = """
for (const frame of document.querySelectorAll("iframe")) {
  try { frame.contentWindow.eval(window.__axeSource); } catch (e) { /* another origin */ }
}
"""


class CheckError(Exception):
    """A check of the page failed; the message says which and what was seen."""


class SetupError(Exception):
    """The check cannot run here (no browser, no build)."""


class DevTools:
    """A minimal DevTools protocol client over Chromium's debugging pipe."""

    def __init__(self, to_browser: int, from_browser: int) -> None:
        self._out = to_browser
        self._in = from_browser
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise CheckError("Chromium did not answer in time")
            ready, _, _ = select.select([self._in], [], [], left)
            if ready:
                chunk = os.read(self._in, 1 << 20)
                if not chunk:
                    raise CheckError("Chromium closed the debugging pipe (did it crash?)")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its result, keeping events that arrive meanwhile."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") != self._next_id:
                self.events.append(reply)
                continue
            if "error" in reply:
                raise CheckError(f"{method} failed: {reply['error'].get('message')}")
            result: dict[str, Any] = reply.get("result", {})
            return result

    def wait_for(self, method: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        """Wait for the event *method* (or take it from those already received)."""
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            event = self._read_message(deadline)
            if event.get("method") == method:
                return event
            self.events.append(event)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    """Serve *folder* on 127.0.0.1 at a free port, in a daemon thread."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def launch(chromium: str, profile: Path, log: Path) -> tuple[subprocess.Popen[bytes], DevTools]:
    """Start Chromium with the debugging pipe on its file descriptors 3 and 4."""
    commands_read, commands_write = os.pipe()
    replies_read, replies_write = os.pipe()

    def wire_pipes() -> None:  # runs in the child, before exec
        # Copy both ends out of the way first: either may already be 3 or 4.
        commands, replies = os.dup(commands_read), os.dup(replies_write)
        os.dup2(commands, 3)
        os.dup2(replies, 4)

    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=stderr,
            stderr=stderr,
            pass_fds=(3, 4),
            preexec_fn=wire_pipes,
        )
    os.close(commands_read)
    os.close(replies_write)
    return process, DevTools(commands_write, replies_read)


def axe_source() -> str:
    """axe-core's browser script from tests/js (installed there with npm if missing)."""
    script = JS / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        npm = shutil.which("npm")
        if npm is None:
            raise SetupError("npm is needed to install axe-core (tests/js); install Node.js")
        try:
            subprocess.run(
                [npm, "ci", "--prefix", str(JS), "--no-audit", "--no-fund"],
                check=True,
                capture_output=True,
            )
        except subprocess.CalledProcessError as exc:
            message = exc.stderr.decode(errors="replace")
            raise SetupError(f"npm ci in {JS} failed: {message}") from None
    return script.read_text(encoding="utf-8")


def open_page(tools: DevTools, url: str) -> str:
    """Open *url* in a new tab and wait for it to load; return the tab's session."""
    target = tools.call("Target.createTarget", url="about:blank")["targetId"]
    session: str = tools.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    tools.call("Page.enable", session)
    tools.call("Runtime.enable", session)
    tools.call("Emulation.setDeviceMetricsOverride", session, **VIEWPORT)
    tools.call("Page.navigate", session, url=url)
    while tools.wait_for("Page.loadEventFired").get("sessionId") != session:
        pass  # another tab's
    return session


def run_axe(tools: DevTools, session: str, source: str) -> dict[str, list[str]]:
    """axe-core's serious and critical violations in the tab, the project's own and the rest."""
    tools.call(
        "Runtime.evaluate",
        session,
        expression=f"window.__axeSource = {json.dumps(source)}; eval(window.__axeSource);"
        + AXE_FRAMES,
    )
    result = tools.call(
        "Runtime.evaluate", session, expression=AXE_RUN, awaitPromise=True, returnByValue=True
    )
    if "exceptionDetails" in result:
        raise CheckError(f"axe-core failed: {result['exceptionDetails']}")
    found: dict[str, list[str]] = result["result"]["value"]
    return found


def check_page(tools: DevTools, url: str, screenshot: Path) -> dict[str, Any]:
    """Load *url*, check what it shows, write the screenshot; return the page's facts."""
    session = open_page(tools, url)
    result = tools.call(
        "Runtime.evaluate", session, expression=PAGE_FACTS, awaitPromise=True, returnByValue=True
    )
    if "exceptionDetails" in result:
        raise CheckError(f"the page check script failed: {result['exceptionDetails']}")
    facts: dict[str, Any] = result["result"]["value"]
    size = tools.call("Page.getLayoutMetrics", session)["cssContentSize"]
    clip = {
        "x": 0,
        "y": 0,
        "width": VIEWPORT["width"],
        "height": min(int(size["height"]), 8000),
        "scale": 1,
    }
    shot = tools.call(
        "Page.captureScreenshot", session, format="png", captureBeyondViewport=True, clip=clip
    )
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    screenshot.write_bytes(base64.b64decode(shot["data"]))
    errors = [e for e in tools.events if e.get("method") == "Runtime.exceptionThrown"]
    if errors:
        details = errors[0]["params"]["exceptionDetails"]
        raise CheckError(
            f"a script error happened on the page: {details.get('text')} "
            f"{details.get('exception', {}).get('description', '')}"
        )
    return facts


def verify(facts: dict[str, Any], base: str) -> list[str]:
    """Check the page's facts; return what passed, or raise CheckError."""
    chart = facts.get("chart")
    if chart is None:
        raise CheckError("the front page has no chart (img.vntimeline-chart)")
    if not chart["naturalWidth"] > 0:
        raise CheckError(f"the chart image did not load: {chart['src']}")
    passed = [
        f"chart loaded: {chart['src'].removeprefix(base)} "
        f"({chart['naturalWidth']}x{chart['naturalHeight']})"
    ]
    host = base.split("://", 1)[1]
    webcal = facts.get("webcal") or ""
    if not webcal.startswith(f"webcal://{host}"):
        raise CheckError(f"the subscribe link is not a webcal:// link to this server: {webcal!r}")
    passed.append(f"subscribe link: {webcal}")
    https = facts.get("https") or ""
    if facts.get("httpsText") != https:
        raise CheckError(
            f"the feed address shown ({facts.get('httpsText')!r}) is not the "
            f"link's address ({https!r})"
        )
    try:
        with urllib.request.urlopen(https, timeout=10) as response:
            body = response.read()
    except OSError as exc:
        raise CheckError(f"the feed at {https} cannot be downloaded: {exc}") from None
    if not body.startswith(b"BEGIN:VCALENDAR"):
        raise CheckError(f"the feed at {https} is not an iCalendar file")
    passed.append(f"feed downloads: {https} ({len(body)} bytes)")
    if not facts.get("conflictRows"):
        raise CheckError("the table of disputed dates is missing or empty")
    passed.append(f"disputed dates: {facts['conflictRows']} rows")
    timeline = facts.get("timeline")
    if timeline is None:
        raise CheckError("the front page has no interactive timeline (vntimeline-timeline)")
    if timeline["state"] != "ready" or not timeline["events"]:
        raise CheckError(f"the interactive timeline drew no events: {timeline}")
    passed.append(
        f"interactive timeline: {timeline['events']} events, first drawn in "
        f"{timeline['renderMs']} ms"
    )
    return passed


def check_accessibility(tools: DevTools, base: str) -> list[str]:
    """axe-core on the front page (and the timeline's frame) and :data:`AXE_PAGES`."""
    source = axe_source()
    passed = []
    for page in ("index.html", *AXE_PAGES):
        found = run_axe(tools, open_page(tools, base + page), source)
        if found["ours"]:
            raise CheckError(
                f"axe-core: serious or critical violations on {page}:\n  "
                + "\n  ".join(found["ours"])
            )
        passed.append(f"axe-core: nothing serious or critical of ours on {page}")
        passed.extend(f"  (not ours, left alone: {line})" for line in found["theirs"])
    return passed


def run(build: Path, screenshot: Path, chromium: str) -> list[str]:
    """Serve *build*, open its front page in *chromium*, check it; return what passed."""
    if not Path(chromium).is_file() or not os.access(chromium, os.X_OK):
        raise SetupError(
            f"Chromium not found at {chromium}; install it with "
            "'apt-get install -y chromium' (Debian) or pass --chromium PATH"
        )
    if not (build / "index.html").is_file():
        raise SetupError(f"no built docs at {build} (run 'make docs' first)")
    with tempfile.TemporaryDirectory(prefix="vntimeline-browser-") as scratch:
        log = Path(scratch) / "chromium.log"
        # Chromium first: its launch forks, which is only safe before threads exist.
        process, tools = launch(chromium, Path(scratch) / "profile", log)
        server = serve(build)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            facts = check_page(tools, base + "index.html", screenshot)
            accessible = check_accessibility(tools, base)
            with contextlib.suppress(CheckError):  # it may close the pipe before answering
                tools.call("Browser.close")
            return [*verify(facts, base), *accessible]
        except CheckError as exc:
            tail = log.read_text(errors="replace").strip().splitlines()[-5:]
            raise CheckError("\n  ".join([str(exc), *tail])) from None
        finally:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            server.shutdown()


def main(argv: list[str] | None = None) -> int:
    """Run the check; print what passed or the first failure."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "build",
        nargs="?",
        type=Path,
        default=DEFAULT_BUILD,
        help=f"the built HTML (default: {DEFAULT_BUILD.relative_to(HERE.parent)})",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        default=DEFAULT_SCREENSHOT,
        help="where to write the screenshot (PNG)",
    )
    parser.add_argument(
        "--chromium",
        default=os.environ.get("CHROMIUM", DEFAULT_CHROMIUM),
        help=f"the Chromium binary (default: $CHROMIUM or {DEFAULT_CHROMIUM})",
    )
    args = parser.parse_args(argv)
    try:
        passed = run(args.build.resolve(), args.screenshot.resolve(), args.chromium)
    except SetupError as exc:
        print(f"browser check: cannot run: {exc}", file=sys.stderr)
        return 2
    except CheckError as exc:
        print(f"browser check FAILED: {exc}", file=sys.stderr)
        return 1
    for line in passed:
        print(f"ok  {line}")
    print(f"browser check passed; screenshot: {args.screenshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
