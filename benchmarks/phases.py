"""One benchmark job, run in a fresh process by ``benchmarks/run.py``.

Each job prepares what it needs without timing it, times the operations it
is about, and prints one JSON object on its last line of output::

    {"times": {"load": 1.23, ...}, "rss_mib": {"load": 210.5, ...}, "info": {...}}

``rss_mib`` is the process's peak resident set size (``ru_maxrss``) at the
end of each timed operation: the high-water mark of this fresh process so
far, so it includes whatever the job held before (the pipeline keeps the
loaded timeline while it resolves and exports, as a user's program would).

Jobs (``python benchmarks/phases.py JOB FILE OUT``):

``pipeline``  load, resolve, feed export (``write_ical``), with ``--chart`` the
              chart (``save_chart`` to SVG); then the floors: the same VEVENTs
              written by a plain icalendar loop and by a minimal string-join
              writer, and with ``--chart`` one ``PolyCollection`` of the same
              bars saved as SVG. The floors run in the same process, with the
              resolved timeline in memory, as the phases they bound do (and
              as a user's own loop would), after them (so the peak RSS of a
              phase is the library's own).
``build``     ``vntimeline.build(FILE, OUT)``; run twice on the same OUT by
              the runner: cold (OUT empty), then warm (OUT holds the last build)
``parse``     the parse floor: ``yaml.load(text, Loader=yaml.CSafeLoader)``,
              in a process of its own like the load it bounds; and, for
              information, the same with the garbage collector paused
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import re
import resource
import sys
import time
import zoneinfo
from collections.abc import Callable
from pathlib import Path
from typing import Any

_MIB = 1024.0  # ru_maxrss is in KiB on Linux


def _rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if sys.platform == "darwin":  # bytes there
        return peak / (1024 * 1024)
    return peak / _MIB


class _Clock:
    """Times named operations and records the RSS high-water mark after each."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self.rss: dict[str, float] = {}
        self.info: dict[str, Any] = {}

    def run(self, name: str, operation: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        result = operation()
        self.times[name] = time.perf_counter() - start
        self.rss[name] = round(_rss_mib(), 1)
        return result

    def report(self) -> None:
        print(json.dumps({"times": self.times, "rss_mib": self.rss, "info": self.info}))


# -- the library's own phases ------------------------------------------------------


def pipeline(data: Path, out: Path, chart: bool) -> _Clock:
    # The libraries the phases and their floors use are imported untimed,
    # for both alike (the import of vntimeline itself is timed on its own).
    import icalendar  # noqa: F401
    import matplotlib.backends.backend_agg
    import matplotlib.collections
    import matplotlib.figure  # noqa: F401
    import yaml  # noqa: F401

    import vntimeline
    from vntimeline import write_ical

    clock = _Clock()
    timeline = clock.run("load", lambda: vntimeline.load(data))
    resolved = clock.run("resolve", lambda: vntimeline.resolve(timeline))
    out.mkdir(parents=True, exist_ok=True)
    feed = out / "vntimeline.ics"
    clock.run("feed", lambda: write_ical(resolved, feed))
    clock.info["events"] = len(timeline)
    clock.info["feed_bytes"] = feed.stat().st_size
    if chart:
        from vntimeline import save_chart

        svg = out / "timeline.svg"
        clock.run("chart", lambda: save_chart(resolved, svg))
        clock.info["chart_bytes"] = svg.stat().st_size
    # The floors last, so that the peak RSS of each phase is the library's own.
    ical_floors(feed.read_bytes(), out, clock)
    if chart:
        poly_floor(resolved, out, clock)
    return clock


def build(data: Path, out: Path) -> _Clock:
    import vntimeline  # noqa: F401  (imported untimed, as for every phase)
    from vntimeline._build import build as run_build

    clock = _Clock()
    written = clock.run("build", lambda: run_build(data, out))
    clock.info["outputs"] = len(written)
    return clock


# -- floors ---------------------------------------------------------------------------


def parse_floor(data: Path, nogc: bool) -> _Clock:
    import gc

    import yaml

    def parse() -> Any:
        return yaml.load(data.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader)

    clock = _Clock()
    document = clock.run("parse", parse)
    clock.info["events"] = len(document["events"])
    del document
    if nogc:
        gc.disable()
        clock.run("parse_nogc", parse)
        gc.enable()
    return clock


_UNFOLD = re.compile(r"\r\n[ \t]")
_HEAD = re.compile(r'(?:[^:"]|"[^"]*")+')
_TEXT_ESCAPES = re.compile(r"\\([\\;,nN])")
_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DATETIME = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)")
_DATETIME_PROPS = ("DTSTART", "DTEND", "DTSTAMP", "LAST-MODIFIED")

Prop = tuple[str, Any, dict[str, str]]


def _unescape(text: str) -> str:
    return _TEXT_ESCAPES.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def _split_params(head: str) -> tuple[str, dict[str, str]]:
    """``NAME;A=1;B="x;y"`` into the name and its parameters."""
    parts = re.findall(r'(?:[^;"]|"[^"]*")+', head)
    params = {}
    for part in parts[1:]:
        key, _, value = part.partition("=")
        params[key] = value[1:-1] if value.startswith('"') else value
    return parts[0], params


def _native(name: str, value: str, params: dict[str, str]) -> Any:
    """A property value as the Python value a person would pass to ``Component.add``."""
    if name in _DATETIME_PROPS:
        if params.get("VALUE") == "DATE":
            y, m, d = map(int, _DATE.fullmatch(value).groups())  # type: ignore[union-attr]
            return _dt.date(y, m, d)
        found = _DATETIME.fullmatch(value)
        assert found is not None, value
        y, m, d, hh, mm, ss = map(int, found.groups()[:6])
        zone: _dt.tzinfo | None = _dt.UTC if found.group(7) else None
        if "TZID" in params:
            zone = zoneinfo.ZoneInfo(params["TZID"])
        return _dt.datetime(y, m, d, hh, mm, ss, tzinfo=zone)
    if name == "SEQUENCE":
        return int(value)
    if name == "CATEGORIES":
        return [_unescape(part) for part in re.split(r"(?<!\\),", value)]
    if name in ("URL", "LINK"):
        return value
    return _unescape(value)


def read_vevents(ics: bytes) -> list[list[Prop]]:
    """Every VEVENT of a feed as (name, native value, parameters), in order."""
    text = _UNFOLD.sub("", ics.decode("utf-8"))
    events: list[list[Prop]] = []
    current: list[Prop] | None = None
    for line in text.split("\r\n"):
        if line == "BEGIN:VEVENT":
            current = []
        elif line == "END:VEVENT":
            assert current is not None
            events.append(current)
            current = None
        elif current is not None:
            if '"' in line:
                match = _HEAD.match(line)
                assert match is not None, line
                head, value = match.group(0), line[match.end() + 1 :]
                name, params = _split_params(head)
            else:
                head, _, value = line.partition(":")
                name, *rest = head.split(";")
                params = {key: item for key, _, item in (p.partition("=") for p in rest)}
            current.append((name, _native(name, value, params), params))
    return events


def loop_floor(events: list[list[Prop]]) -> bytes:
    """What a user would write by hand: an icalendar Event per event, then to_ical()."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("PRODID", "-//floor//EN")
    calendar.add("VERSION", "2.0")
    for props in events:
        event = Event()
        for name, value, params in props:
            keep = {
                k: v
                for k, v in params.items()
                if not (k == "TZID" or (k == "VALUE" and v == "DATE"))
            }
            if keep:
                event.add(name, value, parameters=keep)
            else:
                event.add(name, value)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    if len(line) < 19 or len(line.encode("utf-8")) <= 75:
        return line
    out, size, start = [], 0, 0
    for i, char in enumerate(line):
        width = len(char.encode("utf-8"))
        if size + width > 75:
            out.append(line[start:i])
            start, size = i, 1  # the leading space of the continuation
        size += width
    out.append(line[start:])
    return "\r\n ".join(out)


def join_floor(events: list[list[Prop]]) -> bytes:
    """A minimal writer: format, escape and fold each property, join with CRLF."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//floor//EN"]
    for props in events:
        lines.append("BEGIN:VEVENT")
        for name, value, params in props:
            head = name
            for key, item in params.items():
                head += f';{key}="{item}"' if any(c in item for c in ":;, ") else f";{key}={item}"
            if isinstance(value, _dt.datetime):
                if value.tzinfo is _dt.UTC:
                    text = value.strftime("%Y%m%dT%H%M%SZ")
                else:
                    text = value.strftime("%Y%m%dT%H%M%S")
            elif isinstance(value, _dt.date):
                text = value.strftime("%Y%m%d")
            elif isinstance(value, int):
                text = str(value)
            elif isinstance(value, list):
                text = ",".join(map(_escape, value))
            elif name in ("URL", "LINK"):
                text = value
            else:
                text = _escape(value)
            lines.append(_fold(f"{head}:{text}"))
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def ical_floors(feed: bytes, out: Path, clock: _Clock) -> None:
    """Time the feed floors on the VEVENTs of *feed* (read from it untimed)."""
    events = read_vevents(feed)
    clock.run("ical_loop", lambda: (out / "loop.ics").write_bytes(loop_floor(events)))
    clock.run("ical_join", lambda: (out / "join.ics").write_bytes(join_floor(events)))
    clock.info["vevents"] = len(events)


def poly_floor(resolved: Any, out: Path, clock: _Clock) -> None:
    """Time one PolyCollection of every dated event's bar, saved as SVG."""
    bars = []
    for i, item in enumerate(e for e in resolved if e.start is not None):
        last = item.end if item.end is not None and item.end.end is not None else item.start
        assert item.start is not None and last is not None
        lo = item.start.start if item.start.start is not None else last.end
        hi = last.end if last.end is not None else lo
        assert lo is not None and hi is not None
        x0, x1 = lo / 86400, max(hi / 86400, lo / 86400 + 0.5)
        y = i % 200
        bars.append([(x0, y), (x1, y), (x1, y + 0.6), (x0, y + 0.6)])
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import PolyCollection
    from matplotlib.figure import Figure

    def draw() -> None:
        figure = Figure(figsize=(10, 12), dpi=100)
        FigureCanvasAgg(figure)
        ax = figure.add_axes((0.1, 0.05, 0.85, 0.9))
        ax.add_collection(
            PolyCollection(bars, facecolors="#0072B2", edgecolors="#004a73", linewidths=0.5)
        )
        ax.set_xlim(min(b[0][0] for b in bars) - 20, max(b[1][0] for b in bars) + 20)
        ax.set_ylim(200, 0)
        figure.savefig(out / "poly.svg", format="svg", metadata={"Date": None})

    clock.run("polycollection", draw)
    clock.info["bars"] = len(bars)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("job", choices=("pipeline", "build", "parse"))
    parser.add_argument("data", type=Path)
    parser.add_argument("out", type=Path, nargs="?", default=None)
    parser.add_argument("--chart", action="store_true", help="pipeline: also draw the chart")
    parser.add_argument(
        "--no-gc-too",
        dest="nogc",
        action="store_false",
        help="parse: skip the second parse with the collector paused",
    )
    args = parser.parse_args(argv)
    out: Path = args.out or Path()
    if args.job == "pipeline":
        clock = pipeline(args.data, out, args.chart)
    elif args.job == "build":
        clock = build(args.data, out)
    else:
        clock = parse_floor(args.data, args.nogc)
    clock.report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
