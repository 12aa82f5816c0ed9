"""Stage 1, LOAD: ``events.yaml`` to the typed model, or every problem as FILE:LINE:COL.

:mod:`.loader` holds the entry points and the walk that ties the stage
together; :mod:`.composer` turns the YAML into nodes that know their place,
:mod:`.fields` reads single values from them, :mod:`.reader` builds the
sources, events and claims (:mod:`.header` the name, url and categories),
:mod:`.crosscheck` checks the rules across events and :mod:`.quotes` checks
quotes against their seed files. :mod:`.dump` goes the other way: a
Timeline back to YAML that loads as the same Timeline.
"""

from .dump import dump
from .loader import check, default_data_path, load, load_default, loads

__all__ = ["check", "default_data_path", "dump", "load", "load_default", "loads"]
