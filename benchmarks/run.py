"""Measure how vntimeline scales, against floors set by its own inputs (issue 8).

For each size N it generates a synthetic timeline (``benchmarks/generate.py``),
then runs every job of ``benchmarks/phases.py`` in a fresh process, *repeat*
times, and keeps the median time of each phase and floor and the largest peak
RSS. It prints a table and writes ``results.json``: the machine, the sizes,
per phase the median seconds and peak RSS, the floors, and the ratios with
their targets.

    python benchmarks/run.py                       # 1k, 10k and 100k, 3 runs each
    python benchmarks/run.py --sizes 200 --repeat 1 --out /tmp/r.json

Timings are not asserted anywhere: this measures, it does not judge CI.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import importlib.metadata
import itertools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (a sibling script, not a package)

SCHEMA = 1
DEFAULT_SIZES = (1_000, 10_000, 100_000)
#: The chart phase and its floor run at these sizes and below (issue 8).
CHART_MAX = 10_000
PHASES = ("load", "resolve", "feed", "chart", "build", "warm_build")
FLOORS = ("parse", "parse_nogc", "ical_loop", "ical_join", "polycollection")
GIB = 1024.0  # MiB
RSS_LIMIT_MIB = 1.5 * GIB
#: (name, numerator, denominator, target, size the issue binds it to; None: every size)
RATIOS: tuple[tuple[str, str, str, float, int | None], ...] = (
    ("load / parse floor", "load", "parse", 1.5, 100_000),
    ("resolve / parse floor", "resolve", "parse", 0.25, 100_000),
    ("feed / icalendar loop", "feed", "ical_loop", 1.0, None),
    ("chart / PolyCollection", "chart", "polycollection", 5.0, 10_000),
    ("warm build / cold build", "warm_build", "build", 0.2, None),
)
IMPORT_TARGET = 1.3
#: Time at 10N may be at most this many times the time at N.
GROWTH_TARGET = 12.0


def child_env(work: Path) -> dict[str, str]:
    """The children's environment: this checkout's package, byte code cached.

    Byte code is written (to a cache under *work*, not into the source tree)
    so that imports are timed as an installed package runs them, for
    vntimeline and for the floor's packages alike.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env["MPLBACKEND"] = "Agg"
    env.pop("SOURCE_DATE_EPOCH", None)
    src = _package_parent()
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    return env


def _package_parent() -> str | None:
    import importlib.util

    spec = importlib.util.find_spec("vntimeline")
    if spec is None or spec.origin is None:
        return None
    return str(Path(spec.origin).resolve().parent.parent)


def run_job(
    job: str, data: Path, out: Path | None, env: dict[str, str], *extra: str
) -> dict[str, Any]:
    """Run one job of phases.py in a fresh process; its JSON report."""
    command = [sys.executable, str(HERE / "phases.py"), job, str(data)]
    if out is not None:
        command.append(str(out))
    command.extend(extra)
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, encoding="utf-8", check=False
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"benchmark job {job} on {data.name} failed "
            f"(exit {done.returncode}):\n{done.stderr[-4000:]}"
        )
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def time_command(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of ``python -c CODE`` in a fresh process."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], env=env)
    _pid, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"python -c {code!r} failed (exit {child.returncode})")
    return wall, usage.ru_utime + usage.ru_stime


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    versions: dict[str, str | None] = {}
    for name in ("vntimeline", "PyYAML", "attrs", "pendulum", "icalendar", "matplotlib"):
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    memory = None
    try:
        with Path("/proc/meminfo").open(encoding="ascii") as meminfo:
            kib = int(meminfo.readline().split()[1])
            memory = round(kib / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    processor = platform.processor() or None
    try:
        with Path("/proc/cpuinfo").open(encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    processor = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "processor": processor,
        "cpus": os.cpu_count(),
        "memory_gib": memory,
        "libyaml": _libyaml(),
        "versions": versions,
    }


def _libyaml() -> bool:
    import yaml

    return bool(getattr(yaml, "__with_libyaml__", False))


def _summary(runs: list[float], rss: list[float] | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "median_s": round(statistics.median(runs), 4),
        "runs_s": [round(r, 4) for r in runs],
    }
    if rss:
        entry["rss_mib"] = max(rss)
    return entry


def measure_imports(repeat: int, env: dict[str, str]) -> dict[str, Any]:
    """``import vntimeline`` against ``import attrs, pendulum``, alternating.

    Each is a whole fresh interpreter, started, importing, exiting. The ratio
    is of the median CPU times (user + system): a start-up of 0.1 s is at the
    mercy of the scheduler on a shared machine, and CPU time is what the
    import costs on an idle one. Wall-clock medians are reported beside.
    """
    ours, floor = "import vntimeline", "import attrs, pendulum"
    # Once each untimed: byte code is compiled and cached, the disk cache warm.
    time_command(ours, env)
    time_command(floor, env)
    wall: dict[str, list[float]] = {"vntimeline": [], "floor": []}
    cpu: dict[str, list[float]] = {"vntimeline": [], "floor": []}
    for _ in range(max(11, 3 * repeat)):
        for name, code in (("vntimeline", ours), ("floor", floor)):
            seconds, used = time_command(code, env)
            wall[name].append(seconds)
            cpu[name].append(used)
    result: dict[str, Any] = {}
    for name in wall:
        result[name] = {
            **_summary(cpu[name]),
            "wall_median_s": round(statistics.median(wall[name]), 4),
        }
    ratio = result["vntimeline"]["median_s"] / result["floor"]["median_s"]
    result["ratio"] = round(ratio, 3)
    result["target"] = IMPORT_TARGET
    result["met"] = ratio <= IMPORT_TARGET
    return result


def _generate(path: Path, n: int, seed: int) -> None:
    """Write the synthetic data of *n* events to *path*, in a child process.

    Not in this process: a child's peak RSS starts from its parent's RSS at
    fork, so generating 100k events here (over 300 MiB) would show up as the
    peak RSS of every job started afterwards. Written to a temporary name
    first, so an interrupted run never leaves a truncated file to reuse.
    """
    partial = path.with_name(path.name + ".partial")
    command = [sys.executable, str(HERE / "generate.py"), str(n), "--seed", str(seed)]
    subprocess.run([*command, "-o", str(partial)], check=True)
    partial.replace(path)


class _Size:
    """The runs of every job at one size, as they come in."""

    def __init__(self, n: int, work: Path, seed: int) -> None:
        self.n = n
        self.data = work / f"events-{n}-s{seed}-g{generate.GENERATOR_VERSION}.yaml"
        if not self.data.exists():
            _generate(self.data, n, seed)
        self.out = work / f"out-{n}"
        self.times: dict[str, list[float]] = {}
        self.rss: dict[str, list[float]] = {}
        self.info: dict[str, Any] = {}

    def keep(self, report: dict[str, Any], rename: dict[str, str] | None = None) -> None:
        for name, seconds in report["times"].items():
            label = (rename or {}).get(name, name)
            self.times.setdefault(label, []).append(seconds)
            self.rss.setdefault(label, []).append(report["rss_mib"][name])
        self.info.update(report.get("info", {}))

    def run_once(self, first: bool, env: dict[str, str]) -> None:
        """One run of every job at this size, each in a fresh process."""
        data, out = self.data, self.out
        shutil.rmtree(out, ignore_errors=True)
        # The parse floor with the collector paused is for information: once.
        self.keep(run_job("parse", data, None, env, *([] if first else ["--no-gc-too"])))
        chart = ["--chart"] if self.n <= CHART_MAX else []
        self.keep(run_job("pipeline", data, out / "pipeline", env, *chart))
        self.keep(run_job("build", data, out / "build", env))
        self.keep(run_job("build", data, out / "build", env), {"build": "warm_build"})
        shutil.rmtree(out, ignore_errors=True)

    def summary(self) -> dict[str, Any]:
        times, rss = self.times, self.rss
        return {
            "events": self.n,
            "file_mib": round(self.data.stat().st_size / (1024 * 1024), 2),
            "phases": {p: _summary(times[p], rss[p]) for p in PHASES if p in times},
            "floors": {f: _summary(times[f], rss[f]) for f in FLOORS if f in times},
            "info": self.info,
        }


def measure_sizes(
    sizes: Sequence[int], repeat: int, work: Path, env: dict[str, str], seed: int, log: Any
) -> dict[int, dict[str, Any]]:
    """Every phase and floor at every size, *repeat* times.

    The runs go round the sizes (1k, 10k, 100k, 1k, 10k, ...) rather than
    finishing one size first: on a shared machine a slow spell then slows
    every size alike, instead of skewing how time grows from one to the next.
    """
    measured = {n: _Size(n, work, seed) for n in sizes}
    for i in range(repeat):
        for n in sizes:
            log(f"  run {i + 1}/{repeat}: N={n}")
            measured[n].run_once(i == 0, env)
    return {n: size.summary() for n, size in measured.items()}


def ratios(
    sizes: dict[int, dict[str, Any]],
    imports: dict[str, Any] | None,
) -> list[dict[str, Any]]:
    """Every ratio the issue sets a target for, at every size measured."""
    found: list[dict[str, Any]] = []
    if imports is not None:
        found.append(
            {
                "name": "import / import floor",
                "size": None,
                "value": imports["ratio"],
                "target": IMPORT_TARGET,
                "binding": True,
                "met": imports["met"],
            }
        )

    def median(n: int, name: str) -> float | None:
        entry = sizes[n]["phases"].get(name) or sizes[n]["floors"].get(name)
        return None if entry is None else float(entry["median_s"])

    for n in sorted(sizes):
        for name, top, bottom, target, bound in RATIOS:
            a, b = median(n, top), median(n, bottom)
            if a is None or b is None or b <= 0:
                continue
            value = a / b
            found.append(
                {
                    "name": name,
                    "size": n,
                    "value": round(value, 3),
                    "target": target,
                    "binding": bound is None or bound == n,
                    "met": value <= target,
                }
            )
        peak = max(entry["rss_mib"] for entry in sizes[n]["phases"].values())
        found.append(
            {
                "name": "peak RSS (MiB)",
                "size": n,
                "value": peak,
                "target": RSS_LIMIT_MIB,
                "binding": n == 100_000,
                "met": peak <= RSS_LIMIT_MIB,
            }
        )
    ordered = sorted(sizes)
    for small, large in itertools.pairwise(ordered):
        scale = large / small
        for phase in PHASES:
            a, b = median(small, phase), median(large, phase)
            if a is None or b is None or a <= 0:
                continue
            value = b / a
            target = GROWTH_TARGET * scale / 10
            found.append(
                {
                    "name": f"growth of {phase} (x{scale:g} events)",
                    "size": large,
                    "value": round(value, 3),
                    "target": round(target, 3),
                    "binding": (small, large) == (10_000, 100_000),
                    "met": value <= target,
                }
            )
    return found


def table(result: dict[str, Any]) -> str:
    """The results as plain-text tables: phases and floors, then ratios."""
    lines = []
    imports = result.get("import")
    if imports:
        lines.append(
            f"import vntimeline {imports['vntimeline']['median_s']:.3f} s, "
            f"import attrs, pendulum {imports['floor']['median_s']:.3f} s "
            f"(x{imports['ratio']:.2f}, target <= x{IMPORT_TARGET})"
        )
        lines.append("")
    header = f"{'N':>8}  {'phase':<16}{'median s':>10}{'peak RSS MiB':>14}"
    lines.append(header)
    lines.append("-" * len(header))
    for key, size in result["sizes"].items():
        for group in ("phases", "floors"):
            for name, entry in size[group].items():
                label = name if group == "phases" else f"floor:{name}"
                lines.append(
                    f"{int(key):>8}  {label:<16}{entry['median_s']:>10.3f}"
                    f"{entry.get('rss_mib', 0):>14.1f}"
                )
    lines.append("")
    header = f"{'ratio':<34}{'N':>8}{'value':>10}{'target':>10}  status"
    lines.append(header)
    lines.append("-" * len(header))
    for item in result["ratios"]:
        size = "" if item["size"] is None else str(item["size"])
        status = "ok" if item["met"] else "MISSED"
        if not item["binding"]:
            status += " (info)"
        lines.append(
            f"{item['name']:<34}{size:>8}{item['value']:>10.3f}{item['target']:>10.3f}  {status}"
        )
    return "\n".join(lines)


def markdown(result: dict[str, Any]) -> str:
    """The results as Markdown tables (for BENCHMARKS.md)."""
    bound = {top: (bottom, name, target) for name, top, bottom, target, _n in RATIOS}
    by_name = {(r["name"], r["size"]): r for r in result["ratios"]}
    lines = [
        "| N | phase | median s | peak RSS MiB | floor | floor s | ratio | target |",
        "|---:|---|---:|---:|---|---:|---:|---|",
    ]
    for key, size in result["sizes"].items():
        n = int(key)
        for name, entry in size["phases"].items():
            row = [f"{n:,}", name, f"{entry['median_s']:.3f}", f"{entry['rss_mib']:.0f}"]
            if name in bound:
                bottom, ratio_name, target = bound[name]
                floor = size["floors"].get(bottom) or size["phases"].get(bottom)
                ratio = by_name.get((ratio_name, n))
                if floor is not None and ratio is not None:
                    mark = "" if ratio["binding"] else " (info)"
                    status = "met" if ratio["met"] else "**missed**"
                    row += [
                        bottom,
                        f"{floor['median_s']:.3f}",
                        f"{ratio['value']:.3f}",
                        f"<= {target:g}: {status}{mark}",
                    ]
            lines.append("| " + " | ".join(row + [""] * (8 - len(row))) + " |")
    extra = [r for r in result["ratios"] if r["name"].startswith(("growth", "peak", "import"))]
    if extra:
        lines += ["", "| check | N | value | target | status |", "|---|---:|---:|---:|---|"]
        for r in extra:
            size = "" if r["size"] is None else f"{r['size']:,}"
            status = ("met" if r["met"] else "**missed**") + ("" if r["binding"] else " (info)")
            lines.append(
                f"| {r['name']} | {size} | {r['value']:.3f} | {r['target']:g} | {status} |"
            )
    floors = [
        (int(k), name, e)
        for k, size in result["sizes"].items()
        for name, e in size["floors"].items()
    ]
    if floors:
        lines += ["", "| N | floor | median s | runs |", "|---:|---|---:|---|"]
        for n, name, e in floors:
            runs = ", ".join(f"{r:.3f}" for r in e["runs_s"])
            lines.append(f"| {n:,} | {name} | {e['median_s']:.3f} | {runs} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="comma-separated numbers of events (default: %(default)s)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs per phase; the median is kept (default: %(default)s)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=HERE / "results.json",
        help="the JSON file to write (default: benchmarks/results.json)",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=HERE / "_work",
        help="folder for generated data and outputs (default: benchmarks/_work)",
    )
    parser.add_argument("--seed", type=int, default=8, help="the generator's seed")
    parser.add_argument("--no-import", action="store_true", help="skip the import timing")
    parser.add_argument(
        "--markdown",
        type=Path,
        metavar="JSON",
        help="print the results in JSON as Markdown tables, and measure nothing",
    )
    args = parser.parse_args(argv)
    if args.markdown is not None:
        print(markdown(json.loads(args.markdown.read_text(encoding="utf-8"))))
        return 0
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error(f"--sizes must be numbers separated by commas, got {args.sizes!r}")
    if not sizes or min(sizes) < 10 or args.repeat < 1:
        parser.error("--sizes must name sizes of at least 10 events, --repeat at least 1")
    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    env = child_env(work)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    result: dict[str, Any] = {
        "schema": SCHEMA,
        "created": _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat(),
        "machine": machine(),
        "settings": {
            "sizes": sizes,
            "repeat": args.repeat,
            "seed": args.seed,
            "generator": generate.GENERATOR_VERSION,
        },
    }
    imports = None
    if not args.no_import:
        log("import time")
        imports = measure_imports(args.repeat, env)
        result["import"] = imports
    measured = measure_sizes(sizes, args.repeat, work, env, args.seed, log)
    result["sizes"] = {str(n): measured[n] for n in sizes}
    result["ratios"] = ratios(measured, imports)
    result["targets_met"] = all(r["met"] for r in result["ratios"] if r["binding"])
    result["elapsed_s"] = round(time.perf_counter() - started, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(result))
    print(f"\nwritten to {args.out} in {result['elapsed_s']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
