"""The extension's script and stylesheet (``static/``), copied into HTML output."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from sphinx.util.fileutil import copy_asset_file

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["STATIC_DIR", "copy_static_files"]

#: The folder of the files copied into ``_static``.
STATIC_DIR: Final = Path(__file__).parent / "static"


def copy_static_files(app: Sphinx) -> None:
    """Give HTML output the script and stylesheet (``builder-inited``)."""
    if app.builder.format == "html":
        # Copied here rather than added to html_static_path: changing a
        # setting would make every build report a changed configuration.
        static = Path(app.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)
        for asset in sorted(STATIC_DIR.iterdir()):
            copy_asset_file(asset, static / asset.name, force=True)
