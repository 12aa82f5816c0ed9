"""Sphinx configuration of the vntimeline docs: ``make docs`` builds them.

The build treats warnings as errors and checks every reference
(``sphinx-build -W --keep-going -n``), so a broken link, a stale API name or
a data file that no longer validates fails it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Document the checkout's own code, even where another vntimeline is installed.
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE / "_ext"))

import vntimeline  # noqa: E402

project = "vntimeline"
author = "vntimeline developers"
copyright = "2025–2026, the vntimeline developers"
version = release = vntimeline.__version__

extensions = [
    "sphinx.ext.autodoc",
    "myst_parser",
    "vntimeline.sphinx",
    "vntimeline_docs",
]

# The charts, tables and feeds are rendered from the bundled data at build time.
vntimeline_data = "../data/events.yaml"

exclude_patterns = ["_build", "_ext", "browser_check.py"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
language = "en"
today_fmt = "%Y-%m-%d"

# Where the docs are published, if known: makes the feed links absolute
# (https:// and webcal://) and gives the feeds their public URL.
html_baseurl = os.environ.get("VNTIMELINE_DOCS_URL", "")
html_theme = "furo"
html_title = f"vntimeline {release}"
html_static_path: list[str] = []
html_copy_source = False
html_show_sourcelink = False

# -- API reference -------------------------------------------------------------
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True}

# -- Reference checking (-n) -----------------------------------------------------
# The build must work offline, so there is no intersphinx: names from the
# standard library and third-party packages that appear in type hints cannot
# be linked and are listed here. Keep the list to what the warnings name.
nitpicky = True
nitpick_ignore_regex = [
    # Standard library types in signatures (no intersphinx offline).
    (r"py:class", r"(os|pathlib|datetime|fractions|collections\.abc|typing|types|zoneinfo)\..*"),
    # Third-party types in signatures: pendulum dates, attrs internals, matplotlib.
    (r"py:class", r"(pendulum|attr|attrs|matplotlib|icalendar)\..*"),
]
nitpick_ignore = [
    # plot() and save_chart() annotate with matplotlib's Figure, imported only
    # when drawing; autodoc cannot evaluate those hints and shows them as written.
    ("py:class", "Figure"),
    ("py:class", "Path"),
    # FeedOptions.state_file names a module constant of the private feed module.
    ("py:data", "STATE_FILENAME"),
    # FeedOptions documents how it derives a feed's identity with names of
    # the private feed package (derived_domain, FeedIdentity).
    ("py:func", "derived_domain"),
    ("py:class", "FeedIdentity"),
]

myst_heading_anchors = 3
