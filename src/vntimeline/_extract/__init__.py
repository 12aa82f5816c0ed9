"""0. EXTRACT: article text to proposed date claims, in English, Vietnamese and Dutch.

:func:`extract` finds every date expression of a text and reads it into an
EDTF value, with the sentence that holds it and a note on how it was read
(:class:`Find`). The rules are data, one table per language
(:mod:`.rules_en`, :mod:`.rules_vi`, :mod:`.rules_nl`, and the shared
:mod:`.rules_common`); :mod:`.engine` runs them. The package imports only
``_model``; ``import vntimeline`` does not import it.
"""

from __future__ import annotations

from .engine import LANGUAGES, extract
from .find import Find

__all__ = ["LANGUAGES", "Find", "extract"]
