"""Measure the interactive timeline (``vntimeline html``) at 1k and 10k events.

For each size it generates the synthetic data (``benchmarks/generate.py``,
the same files ``run.py`` uses), resolves it, and measures:

* ``to_html``: seconds to write the page (median of *repeat* runs), and the
  file's size in bytes (and gzipped, as a server would send it);
* in headless Chromium (Debian's, over the DevTools pipe of
  ``docs/browser_check.py``), per run in a fresh tab: the load event, and the
  first render as the page measures it itself (``performance.now()`` from
  the start of its script, JSON parsing included, to the end of its first
  drawing: the ``data-render-ms`` attribute); then the time one view change
  takes, averaged over 20 zoom steps with the whole timeline in view (at
  10k events: one path per lane and mark type) and 20 pans zoomed in to a
  month or so (one element per event);
  also the busiest view drawn element by element (zoomed in until at most
  the script's ``MAX_NODES`` events are in view);
* the mode the page drew in and how many event elements it made.

    python benchmarks/html_page.py                   # 1k and 10k, 3 runs each
    python benchmarks/html_page.py --sizes 500 --repeat 1 --out /tmp/h.json

Timings are not asserted anywhere: this measures, it does not judge CI.
(Not named ``html.py``: this folder is first on the path of the scripts run
from it, and a ``html.py`` there would hide the standard library's ``html``.)
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import gzip
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (a sibling script, not a package)

DEFAULT_SIZES = (1_000, 10_000)
CHROMIUM = "/usr/bin/chromium"
#: One view change, timed in the page: *steps* calls of a move and a render each.
INTERACTION = """
(() => {
  const time = (move, steps) => {
    const start = performance.now();
    // Reading a size after each render makes the browser lay the page out, as it
    // would before painting the frame: that cost is part of a view change.
    for (let i = 0; i < steps; i++) { move(i); vntimeline.render(); document.body.offsetWidth; }
    return (performance.now() - start) / steps;
  };
  const zoomStep = i => vntimeline.zoom(i % 2 ? 1 / 1.05 : 1.05);
  vntimeline.reset(); vntimeline.render();
  const far = vntimeline.view();
  const zoomMs = time(zoomStep, 20);
  // The busiest view drawn element by element: zoom in until events become elements.
  vntimeline.reset(); vntimeline.render();
  for (let i = 0; i < 60 && vntimeline.view().mode !== "nodes"; i++) {
    vntimeline.zoom(1.1); vntimeline.render();
  }
  const busiest = vntimeline.view();
  const busiestMs = time(zoomStep, 20);
  vntimeline.reset(); vntimeline.zoom(Math.max(1, (far.hi - far.lo) / 40)); vntimeline.render();
  const near = vntimeline.view();
  const panMs = time(i => vntimeline.pan(i % 2 ? -40 : 40), 20);
  return {farMode: far.mode, farNodes: far.nodes, zoomMs: zoomMs,
          busiestNodes: busiest.nodes, busiestMs: busiestMs,
          nearMode: near.mode, nearNodes: near.nodes, panMs: panMs};
})()
"""


def browser_check() -> ModuleType:
    """``docs/browser_check.py``, whose DevTools client and launcher this uses."""
    spec = importlib.util.spec_from_file_location(
        "browser_check", HERE.parent / "docs" / "browser_check.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_page(n: int, work: Path, seed: int, repeat: int) -> tuple[Path, list[float]]:
    """Generate, resolve and write the page of *n* events; the seconds ``to_html`` took."""
    import vntimeline
    from vntimeline._export.html import to_html

    data = work / f"events-{n}-s{seed}-g{generate.GENERATOR_VERSION}.yaml"
    if not data.exists():
        generate.write(data, n, seed)
    resolved = vntimeline.resolve(vntimeline.load(data))
    times, page = [], ""
    for _ in range(repeat):
        started = time.perf_counter()
        page = to_html(resolved)
        times.append(time.perf_counter() - started)
    out = work / f"timeline-{n}.html"
    out.write_text(page, encoding="utf-8")
    return out, times


def in_browser(check: ModuleType, page: Path, repeat: int, scratch: Path) -> list[dict[str, Any]]:
    """Open *page* *repeat* times, each in a fresh tab; what the page measured each time."""
    process, tools = check.launch(CHROMIUM, scratch / "profile", scratch / "chromium.log")
    runs = []
    try:
        for _ in range(repeat):
            target = tools.call("Target.createTarget", url="about:blank")["targetId"]
            session = tools.call("Target.attachToTarget", targetId=target, flatten=True)[
                "sessionId"
            ]
            tools.call("Page.enable", session)
            tools.call("Emulation.setDeviceMetricsOverride", session, **check.VIEWPORT)
            tools.call("Page.navigate", session, url=page.as_uri())
            while tools.wait_for("Page.loadEventFired").get("sessionId") != session:
                pass

            def value(expression: str, session: str = session) -> Any:
                result = tools.call(
                    "Runtime.evaluate", session, expression=expression, returnByValue=True
                )
                if "exceptionDetails" in result:
                    raise RuntimeError(result["exceptionDetails"])
                return result["result"]["value"]

            run = {
                "load_ms": value("performance.getEntriesByType('navigation')[0].loadEventEnd"),
                "first_render_ms": float(value("document.getElementById('vt').dataset.renderMs")),
                "elements": value("document.querySelectorAll('[data-event-id]').length"),
            }
            run.update(value(INTERACTION))
            runs.append(run)
            tools.call("Target.closeTarget", targetId=target)
    finally:
        with contextlib.suppress(Exception):  # it may close the pipe before answering
            tools.call("Browser.close")
        process.wait(timeout=10)
    return runs


def median(runs: list[dict[str, Any]], key: str) -> float:
    return round(statistics.median(float(r[key]) for r in runs), 2)


def measure(n: int, work: Path, seed: int, repeat: int, check: ModuleType) -> dict[str, Any]:
    page, times = write_page(n, work, seed, repeat)
    raw = page.read_bytes()
    with tempfile.TemporaryDirectory(prefix="vntimeline-bench-") as scratch:
        runs = in_browser(check, page, repeat, Path(scratch))
    return {
        "events": n,
        "to_html_s": round(statistics.median(times), 3),
        "bytes": len(raw),
        "gzip_bytes": len(gzip.compress(raw, 6)),
        "load_ms": median(runs, "load_ms"),
        "first_render_ms": median(runs, "first_render_ms"),
        "zoom_ms": median(runs, "zoomMs"),
        "pan_ms": median(runs, "panMs"),
        "busiest_ms": median(runs, "busiestMs"),
        "busiest_elements": runs[0]["busiestNodes"],
        "far": {"mode": runs[0]["farMode"], "elements": runs[0]["farNodes"]},
        "near": {"mode": runs[0]["nearMode"], "elements": runs[0]["nearNodes"]},
        "runs": runs,
    }


def table(results: list[dict[str, Any]]) -> str:
    head = (
        f"{'events':>7}  {'to_html':>8}  {'size':>9}  {'gzip':>8}  {'load':>8}  "
        f"{'1st render':>10}  {'zoom/step':>16}  {'pan/step':>16}  {'busiest':>16}"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        lines.append(
            f"{r['events']:>7}  {r['to_html_s']:>7.2f}s  {r['bytes'] / 1e6:>7.2f}MB  "
            f"{r['gzip_bytes'] / 1e6:>6.2f}MB  {r['load_ms']:>6.0f}ms  "
            f"{r['first_render_ms']:>8.0f}ms  "
            f"{r['zoom_ms']:>6.1f}ms {r['far']['mode']:>7}  "
            f"{r['pan_ms']:>6.1f}ms {r['near']['mode']:>7}  "
            f"{r['busiest_ms']:>6.1f}ms {r['busiest_elements']:>5}el"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--work", type=Path, default=HERE / "_work")
    parser.add_argument("--out", type=Path, default=HERE / "results-html.json")
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if not Path(CHROMIUM).is_file():
        print(f"html benchmark: no Chromium at {CHROMIUM}", file=sys.stderr)
        return 2
    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    check = browser_check()
    results = []
    for n in sizes:
        print(f"html: {n} events", file=sys.stderr, flush=True)
        results.append(measure(n, work, args.seed, args.repeat, check))
    print(table(results))
    document = {
        "created": _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat(),
        "chromium": CHROMIUM,
        "settings": {"sizes": sizes, "repeat": args.repeat, "seed": args.seed},
        "results": results,
    }
    args.out.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
