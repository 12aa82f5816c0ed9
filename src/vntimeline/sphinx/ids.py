"""One element per id in the HTML output, whatever the theme wraps around our tables.

Some themes wrap each table in a container and copy the table's attributes
onto it, ids included (Furo's ``WrapTableAndMathInAContainerTransform``
calls ``update_all_atts``): a named table such as ``:name: all-events``
then gives two elements with ``id="all-events"``, which HTML forbids and
axe-core reports. This post-transform runs after such themes (a higher
priority number runs later) and keeps each id on its first, outermost
element only, so a link to it lands on the wrapper, which holds the table.
"""

from __future__ import annotations

from typing import Any, Final

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

__all__ = ["UniqueIds"]

#: After the themes' own post-transforms (Furo's runs at 500).
PRIORITY: Final = 900


class UniqueIds(SphinxPostTransform):
    """Drop an id from every element but the first (outermost) that has it."""

    default_priority = PRIORITY
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        """Walk the document in order (a parent before its children) and drop repeated ids."""
        seen: set[str] = set()
        for node in self.document.findall(nodes.Element):
            ids = node.get("ids")
            if not ids:
                continue
            kept = [i for i in ids if i not in seen]
            seen.update(ids)
            if len(kept) != len(ids):
                node["ids"] = kept
