"""A synthetic ``events.yaml`` of N events, deterministic for a given seed.

The mix follows issue 8: every event has three claims from three different
sources; 10% of events have a claim that disagrees with the other two; 5% are
spans; 2% have no dated claim and are placed only by chains of ``after`` /
``before`` constraints between dated neighbours; 200 sources; titles, quotes
and publishers in Vietnamese (with diacritics), with some Dutch, and Chinese in
quotes and publishers (titles stay in scripts the chart's font has).
Precisions, qualifiers, date-times with offsets and per-event time zones are
mixed in at realistic rates, so every branch of the loader and the resolver
is exercised. Sources have no ``seed``, so the file needs no seed texts.

Usage: ``python benchmarks/generate.py 10000 -o events.yaml [--seed 8]``
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import random
import re
import sys
from pathlib import Path

#: Bumped whenever the output for a given (n, seed) changes: the runner keys
#: its generated files on it.
GENERATOR_VERSION = 1

SOURCES = 200
DISAGREE = 0.10
SPANS = 0.05
UNDATED = 0.02

CATEGORIES = (
    "policy",
    "diplomacy",
    "industry",
    "research",
    "cooperation",
    "target",
    "education",
    "infrastructure",
)
AUTHORITIES = (("official", 15), ("agency", 25), ("press", 50), ("aggregator", 10))
LANGUAGES = ("vi", "en", "en", "vi", "nl", "fr", "zh")
ZONES = ("Asia/Shanghai", "Europe/Brussels", "Asia/Bangkok", "America/New_York")
PUBLISHERS = (
    "Báo Nhân Dân",
    "Vietnam News Agency",
    "Tuổi Trẻ",
    "Thanh Niên",
    "VnExpress",
    "Vietnam Investment Review",
    "Bộ Khoa học và Công nghệ",
    "Thủ tướng Chính phủ",
    "Báo Chính phủ",
    "Việt Nam News",
    "Hà Nội Mới",
    "Sài Gòn Giải Phóng",
    "Lao Động",
    "Dân Trí",
    "VietnamPlus",
    "Xinhua",
    "新华社",
    "人民日报",
    "De Standaard",
    "NRC",
    "Le Courrier du Vietnam",
    "The Diplomat",
    "Nikkei Asia",
    "Reuters",
    "Bộ Ngoại giao",
    "Bộ Thông tin và Truyền thông",
    "Quốc hội Việt Nam",
    "Ủy ban Châu Âu",
    "ASEAN Secretariat",
    "getaibrief.com",
    "Thairath Plus",
    "Bangkok Post",
    "Zing News",
    "Tạp chí Cộng sản",
    "Đài Tiếng nói Việt Nam",
    "VTV",
    "Người Lao Động",
    "Tiền Phong",
    "Kinh tế & Đô thị",
    "ICTnews",
)
TOPICS = (
    "trí tuệ nhân tạo",
    "chuyển đổi số",
    "bán dẫn",
    "dữ liệu lớn",
    "điện toán đám mây",
    "an ninh mạng",
    "đổi mới sáng tạo",
    "chính phủ số",
    "kinh tế số",
    "AI có trách nhiệm",
    "nhân lực công nghệ cao",
    "khởi nghiệp",
    "hạ tầng số",
    "5G",
    "quản trị AI",
)
FORMS = (
    "Hội nghị về {t}",
    "Diễn đàn quốc gia về {t}",
    "Nghị quyết về {t}",
    "Chiến lược {t}",
    "Hội thảo quốc tế: {t}",
    "Tuần lễ {t} Việt Nam",
    "Đối thoại Việt Nam–EU về {t}",
    "Ký kết hợp tác {t}",
    "Ra mắt trung tâm {t}",
    "Luật {t} được thông qua",
    "Roundtable on {t} (“{t}”)",
    "ASEAN–China forum: {t}",
    "Ministeriële top over {t}",
    "Nghị định số 13/2023/NĐ-CP: {t}",
)
PLACES = (
    "Hà Nội",
    "TP. Hồ Chí Minh",
    "Đà Nẵng",
    "Huế",
    "Nanning, China",
    "Brussels",
    "Den Haag",
    "Paris",
    "Singapore",
    "Bangkok",
    "Thượng Hải",
    "Cần Thơ",
    "Hải Phòng",
)
QUOTES = (
    "Sự kiện diễn ra ngày {d} tại {p}.",
    "Vào {d}, các bộ trưởng đã nhất trí thúc đẩy hợp tác về {t}.",
    "The meeting was held on {d} in {p}, officials said.",
    "Op {d} werd in {p} een akkoord over {t} gesloten.",
    "Theo kế hoạch, {t} sẽ được triển khai từ {d}.",
    "会议于{d}在{p}举行。",
)
NOTES = (
    "year taken from the publication date",
    "read from the article's dateline",
    "“early May” read as May",
    "day given in the headline only",
    "reported via the agency's wire",
)
_SLUG_CHUNK = re.compile(r"[^a-z0-9]+")
_PLAIN = re.compile(r"[A-Za-zÀ-ỹ0-9][^:#\"'{}\[\],&*!|>%@`\n]*")
_EPOCH = _dt.date(1995, 1, 1)
_YEARS = 35  # the synthetic timeline runs 1995..2030


def _text(value: str) -> str:
    """A YAML scalar for *value*: plain when that is safe, else double-quoted."""
    if (
        _PLAIN.fullmatch(value)
        and not value.endswith(" ")
        and value not in ("null", "true", "false", "yes", "no", "on", "off")
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def _slug(text: str) -> str:
    ascii_text = text.encode("ascii", "ignore").decode().lower()
    return _SLUG_CHUNK.sub("-", ascii_text).strip("-") or "x"


def _day(d: _dt.date) -> str:
    return d.isoformat()


def _pick_authority(rng: random.Random) -> str:
    total = sum(w for _, w in AUTHORITIES)
    x = rng.randrange(total)
    for name, weight in AUTHORITIES:
        if x < weight:
            return name
        x -= weight
    raise AssertionError


def _sources(rng: random.Random) -> list[tuple[str, list[str]]]:
    """The sources: (id, YAML lines of its mapping)."""
    out = []
    for i in range(SOURCES):
        publisher = PUBLISHERS[i % len(PUBLISHERS)]
        topic = rng.choice(TOPICS)
        source_id = f"s{i:03d}-{_slug(publisher)}"
        lines = [
            f"    title: {_text(rng.choice(FORMS).format(t=topic).capitalize())}",
            f"    publisher: {_text(publisher)}",
        ]
        if rng.random() < 0.8:
            lines.append(f"    url: https://news.example.org/{source_id}/{i * 7919 % 100000}.html")
        published = _EPOCH + _dt.timedelta(days=rng.randrange(_YEARS * 365))
        if rng.random() < 0.3:
            lines.append(
                f"    published: {_day(published)}T{rng.randrange(6, 20):02d}:"
                f"{rng.randrange(60):02d}+07:00"
            )
        elif rng.random() < 0.9:
            lines.append(f"    published: {_day(published)}")
        lines.append(f"    authority: {_pick_authority(rng)}")
        lines.append(f"    language: {rng.choice(LANGUAGES)}")
        if rng.random() < 0.03:
            lines.append(f"    weight: {rng.choice((1.5, 2.5, 3.5, 5))}")
        out.append((source_id, lines))
    return out


def _claim_date(rng: random.Random, day: _dt.date, style: float) -> str:
    """The date one source gives for *day*: mostly the day, sometimes coarser or qualified."""
    if style < 0.70:
        return _day(day)
    if style < 0.82:
        return day.strftime("%Y-%m")
    if style < 0.87:
        return f"{day.year:04d}"
    if style < 0.91:
        return _day(day) + rng.choice("?~%")
    if style < 0.95:
        # A time of day with an offset; 09:00-17:59 +07:00 stays on the same
        # local day in every zone the generator uses.
        return f"{_day(day)}T{rng.randrange(9, 18):02d}:{rng.randrange(60):02d}+07:00"
    if style < 0.98:
        return day.strftime("%Y-%m") + "~"
    return f"{day.year:04d}-XX"


def generate(n: int, seed: int = 8) -> str:
    """The YAML text of a synthetic timeline of *n* events."""
    rng = random.Random(f"vntimeline-bench-{seed}")
    sources = _sources(rng)
    source_ids = [s for s, _ in sources]
    out = [
        "# Synthetic vntimeline benchmark data (benchmarks/generate.py): "
        f"{n} events, seed {seed}, generator v{GENERATOR_VERSION}.",
        "timezone: Asia/Ho_Chi_Minh",
        "sources:",
    ]
    for source_id, lines in sources:
        out.append(f"  {source_id}:")
        out.extend(lines)
    out.append("events:")
    # Days advance steadily over the whole period, so chains of undated
    # events can be bounded by the dated events around them.
    step = _YEARS * 365 / max(n, 1)
    t = 0.0
    previous_dated: str | None = None
    chain: list[str] = []  # ids of the undated chain being built
    chain_left = 0
    for i in range(n):
        topic = rng.choice(TOPICS)
        title = rng.choice(FORMS).format(t=topic)
        event_id = f"{_slug(title)[:40].rstrip('-')}-{i:06d}"
        t += rng.expovariate(1 / step)
        day = _EPOCH + _dt.timedelta(days=int(t))
        undated = chain_left > 0 or (
            previous_dated is not None and i < n - 4 and rng.random() < UNDATED / 2
        )
        if undated and chain_left == 0:
            chain_left = rng.choice((1, 2, 3))  # mean 2: half the events start a chain
        out.append(f"  - id: {event_id}")
        out.append(f"    title: {_text(title)}")
        span = not undated and rng.random() < SPANS
        if span:
            out.append("    kind: span")
        out.append(f"    category: {CATEGORIES[rng.randrange(len(CATEGORIES))]}")
        if rng.random() < 0.5:
            out.append(f"    location: {_text(rng.choice(PLACES))}")
        zone = None
        if rng.random() < 0.05:
            zone = rng.choice(ZONES)
            out.append(f"    timezone: {zone}")
        if rng.random() < 0.3:
            out.append(f"    description: {_text(f'Một cột mốc về {topic} ({title}).')}")
        if rng.random() < 0.1:
            out.append(f"    aliases: [{_text(topic.capitalize())}]")
        if undated:
            # after: the previous link of the chain (or the dated event before it)
            out.append(f"    after: [{chain[-1] if chain else previous_dated}]")
            chain.append(event_id)
            chain_left -= 1
        elif chain:
            # The dated event that closes a chain comes after its last link;
            # it is a few days later, so the chain has room between the two.
            out.append(f"    after: [{chain[-1]}]")
            t += 3
            day = _EPOCH + _dt.timedelta(days=int(t))
            chain = []
        picked = rng.sample(source_ids, 3)
        disagree = not undated and rng.random() < DISAGREE
        out.append("    claims:")
        for j, source_id in enumerate(picked):
            out.append(f"      - source: {source_id}")
            if not undated:
                claim_day = day
                if disagree and j == 2:
                    claim_day = day + _dt.timedelta(days=rng.choice((-40, -9, -2, 1, 3, 12, 60)))
                style = rng.random() if j else rng.random() * 0.7  # the first gives the day
                if span:
                    out.append(f"        start: {_day(claim_day)}")
                    if j < 2 or rng.random() < 0.5:
                        end = claim_day + _dt.timedelta(days=rng.choice((2, 30, 180, 400)))
                        out.append(f"        end: {_day(end) if style < 0.8 else end.year}")
                else:
                    out.append(f"        start: {_claim_date(rng, claim_day, style)}")
            place = rng.choice(PLACES)
            quote = rng.choice(QUOTES).format(
                d=f"{day.day}/{day.month}/{day.year}", p=place, t=topic
            )
            out.append(f"        quote: {_text(quote)}")
            if rng.random() < 0.3:
                out.append(f"        note: {_text(rng.choice(NOTES))}")
        if not undated:
            previous_dated = event_id
    out.append("")
    return "\n".join(out)


def write(path: str | Path, n: int, seed: int = 8) -> Path:
    """Write the synthetic timeline of *n* events to *path*; return the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(generate(n, seed), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events", type=int, help="how many events")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help="the file to write (default: standard output)",
    )
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    if args.output is None:
        sys.stdout.write(generate(args.events, args.seed))
    else:
        write(args.output, args.events, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
