"""The JSON Schema shipped for editors, kept in step with the loader.

The same documents go through both: written to YAML, read by the loader
(``check``), and read the way an editor reads YAML 1.2 (the core schema: an
unquoted ``2025-09-18`` is a string, ``2021`` an integer, ``2.5`` a number)
for ``Draft202012Validator``. A rule the schema cannot express is listed
under ``LOADER_ONLY``; where the two knowingly differ, ``KNOWN_DIFFERENCES``
says why.
"""

from __future__ import annotations

import copy
import importlib.resources
import json
import math
import re
import zoneinfo
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import attrs
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import vntimeline
from conftest import EXAMPLE, WriteYaml
from helpers.strategies import edtf_values
from vntimeline import DateError, Event, PartialDate, Source, check
from vntimeline._load.reader import CLAIM_KEYS, EVENT_KEYS, SOURCE_KEYS, TOP_KEYS
from vntimeline._model.categories import CATEGORY_KEYS
from vntimeline._model.colors import CSS4_COLORS, HEX_COLOR, TABLEAU_COLORS
from vntimeline._model.events import (
    AUTHORITIES,
    DEFAULT_TIMEZONE,
    KINDS,
    LANGUAGE_TAG,
    PUBLIC_URL,
    SLUG,
    URL,
)

SCHEMA: Final[dict[str, Any]] = json.loads(
    (importlib.resources.files("vntimeline") / "events.schema.json").read_text(encoding="utf-8")
)
VALIDATOR: Final = Draft202012Validator(SCHEMA)
DEFS: Final[dict[str, Any]] = SCHEMA["$defs"]

# -- reading YAML as an editor does ------------------------------------------------

#: YAML 1.2 core schema: how a plain (unquoted) scalar is typed.
CORE_TYPES: Final[list[tuple[re.Pattern[str], Callable[[str], Any]]]] = [
    (re.compile(r"~|null|Null|NULL|"), lambda _: None),
    (re.compile(r"true|True|TRUE|false|False|FALSE"), lambda text: text.lower() == "true"),
    (re.compile(r"[-+]?[0-9]+"), int),
    (re.compile(r"0o[0-7]+"), lambda text: int(text[2:], 8)),
    (re.compile(r"0x[0-9a-fA-F]+"), lambda text: int(text[2:], 16)),
    (re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"), float),
    (re.compile(r"[-+]?\.(?:inf|Inf|INF)"), lambda text: float(text.replace(".", ""))),
    (re.compile(r"\.(?:nan|NaN|NAN)"), lambda _: math.nan),
]


def editor_view(text: str) -> Any:
    """The JSON value an editor's YAML 1.2 parser makes of *text*."""
    return _value(yaml.compose(text, Loader=yaml.SafeLoader))


def _value(node: yaml.Node | None) -> Any:
    if node is None:
        return None
    if isinstance(node, yaml.MappingNode):
        return {str(key.value): _value(value) for key, value in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_value(item) for item in node.value]
    assert isinstance(node, yaml.ScalarNode)
    if node.style:  # quoted, literal or folded: always a string
        return node.value
    for pattern, convert in CORE_TYPES:
        if pattern.fullmatch(node.value):
            return convert(node.value)
    return node.value


def schema_errors(path: Path) -> list[str]:
    """What the schema says about the file at *path*, one line per error."""
    view = editor_view(path.read_text(encoding="utf-8"))
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in VALIDATOR.iter_errors(view)
    ]


# -- the shared documents -------------------------------------------------------------

SEEDS: Final = {"vir.txt": "The roundtable was held on September 18 in Nanning, China."}
BASE: Final[dict[str, Any]] = {
    "name": "Vietnam AI policy timeline",
    "url": "https://example.org/vntimeline/",
    "timezone": "Asia/Ho_Chi_Minh",
    "categories": {
        "policy": {"label": "Policy", "color": "#1f77b4"},
        "diplomacy": {"label": "Diplomacy and cooperation", "color": "teal"},
        "target": {"color": "tab:green"},
    },
    "sources": {
        "vir-2025-09-19": {
            "title": "Vietnam attends roundtable",
            "publisher": "Vietnam Investment Review",
            "url": "https://vir.com.vn/a.html",
            "published": "2025-09-19T10:00+07:00",
            "authority": "press",
            "language": "en",
            "seed": "vir.txt",
            "weight": 2.5,
        },
        "decision-127": {
            "title": "Quyết định 127/QĐ-TTg",
            "publisher": "Thủ tướng Chính phủ",
            "authority": "official",
            "language": "vi",
        },
    },
    "events": [
        {
            "id": "nanning-roundtable",
            "title": "ASEAN–China roundtable on AI",
            "kind": "milestone",
            "category": "diplomacy",
            "location": "Nanning, China",
            "timezone": "Asia/Shanghai",
            "description": "Ministers met on AI.",
            "aliases": ["Nanning roundtable"],
            "before": ["strategy-review"],
            "claims": [
                {
                    "source": "vir-2025-09-19",
                    "start": "2025-09-18",
                    "quote": "held on September 18 in Nanning",
                    "note": "year from the publication date",
                }
            ],
        },
        {
            "id": "national-ai-strategy",
            "title": "National AI strategy",
            "kind": "span",
            "category": "policy",
            "claims": [{"source": "decision-127", "start": "2021-01-26", "end": 2030}],
        },
        {"id": "strategy-review", "title": "Review", "after": ["national-ai-strategy"]},
    ],
}
DELETE: Final = object()


def changed(*edits: tuple[str, Any]) -> dict[str, Any]:
    """BASE with each ``("dotted.path", value)`` set (or removed, for DELETE)."""
    document = copy.deepcopy(BASE)
    for dotted, value in edits:
        *parents, last = [int(part) if part.isdigit() else part for part in dotted.split(".")]
        target: Any = document
        for part in parents:
            target = target[part]
        if value is DELETE:
            del target[last]
        else:
            target[last] = value
    return document


MILESTONE_START = "events.0.claims.0.start"
SPAN_END = "events.1.claims.0.end"

VALID_DATES = [
    "2021",
    2021,
    "2024-04",
    "2024-XX",
    "2024-XX-XX",
    "2024-05-XX",
    "202X",
    "20XX",
    "001X",
    "2024-02-29",
    "2000-02-29",
    "2026-03-08T20:00Z",
    "2024-12-22T09:00+07:00",
    "2024-12-22T09:00:30-03:30",
    "2024-12-22T09:00+14:00",
    "2021?",
    "2021~",
    "2020%",
    "2024-04-XX?",
    "0002",
    "1000",
    "9997-12-31",
    9997,
    "1XXX",
    "2025-21",
    "2025-24",
    "2025-33",
    "2025-36",
    "2025-40",
    "2025-41?",
    "2024-12-22T09:00+07",
    "[..2026-03-08]",
    "[2025-09..]",
    "[2019..2021]",
    "[2025-09-18..2026]",
]
INVALID_DATES = [
    "2025-37",
    "2025-25",
    "2025-21-05",
    "0XXX",
    "9XXX",
    "[..]",
    "[2019, 2021]",
    "[..2026-03-08?]",
    "{2019, 2021}",
    "2021-13",
    "2021-00",
    "2021-01-32",
    "21",
    21,
    999,
    20210,
    2021.5,
    True,
    ["2021"],
    "2021-9-18",
    "2025/09/18",
    "2025-09-18 10:00",
    "2025-09-18T24:00",
    "2025-09-18T10:60",
    "2025-09-18T10:00:60",
    "2025-09-18T10:00+15:00",
    "2025-09-18T10:00+0700",
    "202X-05",
    "2024-XX-05",
    "2024-XX-XXT10:00",
    "2024-05-XXT10:00",
    "0000",
    "0001",
    "9998",
    9998,
    "9999",
    "000X",
    "00XX",
    "yesterday",
    "2021??",
    "2021?~",
    "",
    "2021-01-26T10",
    "2021-W05",
]

#: Documents the loader and the schema both accept.
VALID: Final[list[tuple[str, Any]]] = [
    ("the base document", BASE),
    ("only an empty list of events", {"events": []}),
    ("events left empty", {"events": None}),
    ("no sources when no event has claims", {"events": [{"id": "a", "title": "A"}]}),
    ("an empty mapping of sources", {"sources": {}, "events": []}),
    (
        "an event with only an undated claim",
        changed(("events.2.claims", [{"source": "decision-127"}])),
    ),
    (
        "optional values left empty",
        changed(
            *[
                (f"sources.decision-127.{key}", None)
                for key in ("url", "published", "authority", "language", "seed", "weight")
            ],
            *[
                (f"events.2.{key}", None)
                for key in (
                    "kind",
                    "category",
                    "location",
                    "timezone",
                    "description",
                    "aliases",
                    "before",
                    "claims",
                )
            ],
            ("events.0.claims.0.note", None),
        ),
    ),
    *[(f"the date {value!r}", changed((MILESTONE_START, value))) for value in VALID_DATES],
    (
        "a date-time with an offset as the publication date",
        changed(("sources.decision-127.published", "2021-01-26T14:30:00+07:00")),
    ),
    ("a span whose end falls within its start", changed((SPAN_END, "2021-01"))),
    (
        "texts written as numbers and booleans",
        changed(
            ("events.2.title", 1984),
            ("events.2.aliases", [2021, True, 1.5]),
            ("sources.decision-127.publisher", 3.5),
        ),
    ),
    (
        "ids written as numbers and booleans",
        {
            "events": [
                {"id": 2021, "title": "A", "category": True},
                {"id": "b", "title": "B", "after": [2021]},
            ]
        },
    ),
    *[(f"the weight {w!r}", changed(("sources.decision-127.weight", w))) for w in (3, 0.001)],
    *[
        (f"the language {tag!r}", changed(("sources.decision-127.language", tag)))
        for tag in ("nl", "fil", "zh-Hant-TW", "NL")
    ],
    *[
        (f"the time zone {zone!r}", changed(("timezone", zone)))
        for zone in ("UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+7", "Asia/Saigon")
    ],
    ("a URL with a query", changed(("sources.decision-127.url", "http://x.org/a?b=c&d=e"))),
    ("an event without claims", changed(("events.2.claims", []))),
    (
        "no name, url or categories",
        changed(*[(key, DELETE) for key in ("name", "url", "categories")]),
    ),
    ("name, url and categories left empty", changed(("name", None), ("url", None))),
    ("a name written as a number", changed(("name", 2025))),
    ("an empty mapping of categories", changed(("categories", {}))),
    ("a category declared with nothing", changed(("categories.target", None))),
    ("a category with only a label", changed(("categories.target", {"label": "Targets"}))),
    ("a label left empty", changed(("categories.policy.label", None))),
    ("a category no event uses", changed(("categories.sports", {"color": "red"}))),
    *[
        (f"the colour {color!r}", changed(("categories.policy.color", color)))
        for color in ("#abc", "#ABCDEF", "#1f77b480", "rebeccapurple", "tab:cyan", "grey")
    ],
    *[
        (f"the url {url!r}", changed(("url", url)))
        for url in ("http://x.org", "https://x.org:8080/feeds/?a=b&c=d#top")
    ],
]

#: Documents the loader and the schema both reject.
INVALID: Final[list[tuple[str, Any]]] = [
    ("a top-level list", []),
    ("top-level text", "events"),
    ("no events", {"timezone": "UTC"}),
    ("an unknown top-level key", changed(("timezones", "UTC"))),
    ("an unknown source key", changed(("sources.decision-127.athority", "official"))),
    ("an unknown event key", changed(("events.2.categroy", "policy"))),
    ("an unknown claim key", changed(("events.1.claims.0.qoute", "x"))),
    ("a source without a title", changed(("sources.decision-127.title", DELETE))),
    ("a source without a publisher", changed(("sources.decision-127.publisher", DELETE))),
    ("an event without an id", changed(("events.1.id", DELETE))),
    ("an event without a title", changed(("events.2.title", DELETE))),
    ("a claim without a source", changed(("events.1.claims.0.source", DELETE))),
    *[
        (f"the title {title!r}", changed(("events.2.title", title)))
        for title in ("", "   ", None, ["A"], {"en": "A"})
    ],
    ("a null publisher", changed(("sources.decision-127.publisher", None))),
    ("an empty quote", changed(("events.0.claims.0.quote", ""))),
    *[
        (f"the id {value!r}", {"events": [{"id": value, "title": "A"}]})
        for value in ("Nanning", "a_b", "-a", "a-", "a--b", "a b", "", None, -1, 1.5, ["a"])
    ],
    (
        "a source id that is not a slug",
        {"sources": {"Bad_Id": {"title": "T", "publisher": "P"}}, "events": []},
    ),
    ("a claim's source that is not a slug", changed(("events.1.claims.0.source", "Decision"))),
    ("a misspelt kind", changed(("events.2.kind", "spam"))),
    ("a misspelt authority", changed(("sources.decision-127.authority", "offical"))),
    ("an authority given as a weight", changed(("sources.decision-127.authority", 4))),
    ("a category that is not a slug", changed(("events.2.category", "AI Policy"))),
    *[
        (f"the URL {url!r}", changed(("sources.decision-127.url", url)))
        for url in (
            "ftp://x.org",
            "www.x.org",
            "https://",
            "https://a b",
            42,
            'https://x"><script>',
            "https://x.org/a<b",
            "https://x.org/it's",
            "https://x.org\\@evil.org/",
        )
    ],
    ("a null start", changed((MILESTONE_START, None))),
    ("a null end on a span", changed((SPAN_END, None))),
    ("a null end on a milestone", changed(("events.0.claims.0.end", None))),
    *[
        (f"the language {tag!r}", changed(("sources.decision-127.language", tag)))
        for tag in ("english", "e", "en_US", "en-", "en-toolongtag")
    ],
    *[
        (f"the weight {w!r}", changed(("sources.decision-127.weight", w)))
        for w in (0, -1, "abc", True, float("inf"), [2])
    ],
    ("no file time zone", changed(("timezone", None))),
    *[
        (f"the time zone {zone!r}", changed(("timezone", zone)))
        for zone in ("Asia/Ho Chi Minh", "../etc/passwd", "/etc/localtime", 7, "")
    ],
    *[(f"the date {value!r}", changed((MILESTONE_START, value))) for value in INVALID_DATES],
    (
        "an undated publication written as words",
        changed(("sources.decision-127.published", "n.d.")),
    ),
    ("an end on a milestone", changed(("events.0.claims.0.end", "2025-09-19"))),
    (
        "an end on an event of the default kind",
        changed(("events.2.claims", [{"source": "decision-127", "start": "2021", "end": "2022"}])),
    ),
    ("aliases as text", changed(("events.0.aliases", "Nanning roundtable"))),
    ("an empty alias", changed(("events.0.aliases", [""]))),
    ("a null alias", changed(("events.0.aliases", [None]))),
    ("after as text", changed(("events.2.after", "national-ai-strategy"))),
    ("after naming a non-slug", changed(("events.2.after", ["National"]))),
    ("claims as a mapping", changed(("events.2.claims", {}))),
    ("a null claim", changed(("events.2.claims", [None]))),
    ("a claim as text", changed(("events.2.claims", ["decision-127"]))),
    ("sources as a list", {"sources": ["decision-127"], "events": []}),
    ("sources left empty", {"sources": None, "events": []}),
    ("a source left empty", changed(("sources.decision-127", None))),
    ("a source as text", changed(("sources.decision-127", "Decision 127"))),
    ("events as a mapping", {"events": {}}),
    ("a null event", {"events": [None]}),
    ("an event as text", {"events": ["nanning-roundtable"]}),
    *[(f"the name {name!r}", changed(("name", name))) for name in ("", "  ", "two\nlines", ["A"])],
    *[
        (f"the url {url!r}", changed(("url", url)))
        for url in (
            "ftp://x.org",
            "https://",
            "https://x.org/a b",
            "https://x.org/<a>",
            'https://x.org/"',
            7,
        )
    ],
    ("categories as a list", changed(("categories", ["policy"]))),
    ("categories left empty", changed(("categories", None))),
    ("a category id that is not a slug", changed(("categories.AI Policy", {}))),
    ("an unknown category key", changed(("categories.policy.colour", "teal"))),
    ("a category as text", changed(("categories.policy", "Policy"))),
    ("an empty label", changed(("categories.policy.label", ""))),
    ("a label on two lines", changed(("categories.policy.label", "Policy\nand law"))),
    *[
        (f"the colour {color!r}", changed(("categories.policy.color", color)))
        for color in ("reddish", "Teal", "#abcd", "#1f77b", "1f77b4", "tab:bleu", None, 7, "")
    ],
]

#: Rules only the loader can check: references across the file, cycles,
#: calendars, zone names, quotes against seeds. (Duplicate keys and YAML
#: aliases are loader-only too; test_fields.py and test_composer.py cover
#: them, since a dict cannot hold them.)
LOADER_ONLY: Final[list[tuple[str, Any]]] = [
    ("30 February", changed((MILESTONE_START, "2025-02-30"))),
    ("29 February in a common year", changed((MILESTONE_START, "2023-02-29"))),
    ("31 April", changed(("sources.decision-127.published", "2021-04-31"))),
    ("an unknown source", changed(("events.1.claims.0.source", "decision-128"))),
    ("claims but no sources", {"events": [{"id": "a", "title": "A", "claims": [{"source": "s"}]}]}),
    ("an unknown event", changed(("events.2.after", ["national-strategy"]))),
    ("an event ordered against itself", changed(("events.2.before", ["strategy-review"]))),
    (
        "a cycle",
        changed(
            ("events.2.before", ["national-ai-strategy"]),
            ("events.1.before", ["nanning-roundtable"]),
        ),
    ),
    ("a duplicate id", changed(("events.2.id", "national-ai-strategy"))),
    (
        "a duplicate id among numbers",
        {"events": [{"id": 1, "title": "A"}, {"id": 1, "title": "B"}]},
    ),
    ("an unknown file time zone", changed(("timezone", "Mars/Olympus"))),
    ("an unknown event time zone", changed(("events.0.timezone", "Asia/Hanoi"))),
    ("an end before its start", changed((SPAN_END, "2020-12"))),
    ("a quote that is not in its seed", changed(("events.0.claims.0.quote", "held on 18 Sep"))),
    ("no quote from a seeded source", changed(("events.0.claims.0.quote", DELETE))),
    ("a missing seed file", changed(("sources.vir-2025-09-19.seed", "gone.txt"))),
]

#: Where the two knowingly differ: the loader reads a scalar's text, the
#: schema sees the type an editor gives it.
KNOWN_DIFFERENCES: Final[list[tuple[str, Any, str]]] = [
    # A quoted number is text to an editor; the loader reads the number in it.
    (
        "a weight written as quoted text",
        changed(("sources.decision-127.weight", "2")),
        "is not valid under any of the given schemas",
    ),
    # YAML 1.2 reads an unquoted 0999 as the integer 999, below the schema's
    # 1000; the loader reads the four digits. Quote years before 1000.
    (
        "a year before 1000 without quotes",
        changed((MILESTONE_START, "0999")),
        "is not valid under any of the given schemas",
    ),
]


def names(cases: list[tuple[Any, ...]]) -> list[str]:
    return [case[0] for case in cases]


class TestSchemaItself:
    def test_it_is_a_valid_draft_2020_12_schema(self) -> None:
        assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        Draft202012Validator.check_schema(SCHEMA)

    def test_it_is_shipped_inside_the_package(self) -> None:
        shipped = Path(vntimeline.__file__).parent / "events.schema.json"

        assert json.loads(shipped.read_text(encoding="utf-8")) == SCHEMA

    @pytest.mark.parametrize(
        ("where", "keys"),
        [
            (SCHEMA, TOP_KEYS),
            (DEFS["category"], CATEGORY_KEYS),
            (DEFS["source"], SOURCE_KEYS),
            (DEFS["event"], EVENT_KEYS),
            (DEFS["claim"], CLAIM_KEYS),
        ],
        ids=["top", "category", "source", "event", "claim"],
    )
    def test_it_allows_exactly_the_loaders_keys_in_the_same_order(
        self, where: dict[str, Any], keys: tuple[str, ...]
    ) -> None:
        assert tuple(where["properties"]) == keys
        assert where["additionalProperties"] is False

    def test_it_requires_what_design_section_2_requires(self) -> None:
        assert SCHEMA["required"] == ["events"]
        assert DEFS["source"]["required"] == ["title", "publisher"]
        assert DEFS["event"]["required"] == ["id", "title"]
        assert DEFS["claim"]["required"] == ["source"]

    def test_its_enums_are_the_models(self) -> None:
        assert DEFS["source"]["properties"]["authority"]["enum"] == [*AUTHORITIES, None]
        assert DEFS["event"]["properties"]["kind"]["enum"] == [*KINDS, None]

    def test_its_defaults_are_the_models(self) -> None:
        source, event = DEFS["source"]["properties"], DEFS["event"]["properties"]
        source_fields, event_fields = attrs.fields_dict(Source), attrs.fields_dict(Event)

        assert SCHEMA["properties"]["timezone"]["default"] == DEFAULT_TIMEZONE
        assert SCHEMA["properties"]["sources"]["default"] == {}
        assert SCHEMA["properties"]["categories"]["default"] == {}
        for key in ("authority", "language"):
            assert source[key]["default"] == source_fields[key].default
        for key in ("kind", "category"):
            assert event[key]["default"] == event_fields[key].default
        for key in ("aliases", "after", "before", "claims"):
            default = event_fields[key].default
            assert default is not None
            assert event[key]["default"] == list(default)

    @pytest.mark.parametrize(
        ("pattern", "regex"),
        [
            (SCHEMA["properties"]["sources"]["propertyNames"]["pattern"], SLUG),
            (SCHEMA["properties"]["categories"]["propertyNames"]["pattern"], SLUG),
            (DEFS["slug"]["anyOf"][0]["pattern"], SLUG),
            (DEFS["url"]["pattern"], URL),
            (DEFS["publicUrl"]["pattern"], PUBLIC_URL),
            (DEFS["color"]["anyOf"][0]["pattern"], HEX_COLOR),
            (DEFS["source"]["properties"]["language"]["anyOf"][0]["pattern"], LANGUAGE_TAG),
        ],
        ids=[
            "source ids",
            "category ids",
            "slugs",
            "urls",
            "public urls",
            "hex colours",
            "languages",
        ],
    )
    def test_its_patterns_are_the_loaders(self, pattern: str, regex: re.Pattern[str]) -> None:
        assert pattern == f"^{regex.pattern}$"

    def test_its_colour_names_are_the_models(self) -> None:
        assert DEFS["color"]["anyOf"][1]["enum"] == [*sorted(CSS4_COLORS), *TABLEAU_COLORS]

    def test_every_zone_this_python_knows_matches_the_zone_pattern(self) -> None:
        pattern = re.compile(DEFS["timezone"]["pattern"])

        assert [z for z in zoneinfo.available_timezones() if not pattern.search(z)] == []


class TestSameVerdicts:
    @pytest.mark.parametrize("document", [c[1] for c in VALID], ids=names(VALID))
    def test_a_valid_document_passes_the_loader_and_the_schema(
        self, write_yaml: WriteYaml, document: Any
    ) -> None:
        path = write_yaml(document, seeds=SEEDS)

        assert check(path) == []
        assert schema_errors(path) == []

    @pytest.mark.parametrize("document", [c[1] for c in INVALID], ids=names(INVALID))
    def test_an_invalid_document_fails_the_loader_and_the_schema(
        self, write_yaml: WriteYaml, document: Any
    ) -> None:
        path = write_yaml(document, seeds=SEEDS)

        assert check(path) != []
        assert schema_errors(path) != []

    @pytest.mark.parametrize("document", [c[1] for c in LOADER_ONLY], ids=names(LOADER_ONLY))
    def test_a_rule_across_the_file_is_the_loaders_alone(
        self, write_yaml: WriteYaml, document: Any
    ) -> None:
        path = write_yaml(document, seeds=SEEDS)

        assert check(path) != []
        assert schema_errors(path) == []

    @pytest.mark.parametrize(
        ("document", "error"), [c[1:] for c in KNOWN_DIFFERENCES], ids=names(KNOWN_DIFFERENCES)
    )
    def test_a_known_difference_is_still_a_difference(
        self, write_yaml: WriteYaml, document: Any, error: str
    ) -> None:
        path = write_yaml(document, seeds=SEEDS)

        assert check(path) == []
        assert [e for e in schema_errors(path) if error in e] != []


class TestEdtfPattern:
    PATTERN: Final = re.compile(DEFS["date"]["anyOf"][0]["pattern"])

    @settings(max_examples=200, deadline=None)
    @given(edtf_values())
    def test_every_value_the_parser_accepts_matches(self, value: tuple[str, str]) -> None:
        assert self.PATTERN.search(value[0])

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet="0123456789X-T:Z+?~%[].", max_size=26))
    def test_the_pattern_and_the_parser_agree_except_on_month_lengths_and_range_order(
        self, text: str
    ) -> None:
        matches = self.PATTERN.search(text) is not None
        try:
            PartialDate.parse(text)
        except DateError as exc:
            # A pattern cannot count a month's days or order a range's ends.
            assert not matches or "does not exist in" in str(exc) or "is reversed" in str(exc)
        else:
            assert matches


class TestFilesOnDisk:
    def test_the_bundled_dataset_follows_the_schema(self) -> None:
        assert schema_errors(vntimeline.default_data_path()) == []

    def test_the_test_example_follows_the_schema(self) -> None:
        assert schema_errors(EXAMPLE) == []

    def test_the_editor_view_types_scalars_as_yaml_1_2_does(self) -> None:
        view = editor_view(
            "a: 2025-09-18\nb: 2021\nc: 2.5\nd: no\ne: true\nf: '7'\ng:\nh: 0x1F\ni: .inf\n"
        )

        assert view == {
            "a": "2025-09-18",
            "b": 2021,
            "c": 2.5,
            "d": "no",
            "e": True,
            "f": "7",
            "g": None,
            "h": 31,
            "i": math.inf,
        }
