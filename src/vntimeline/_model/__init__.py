"""The nouns of vntimeline, with no I/O: dates, events, and resolved events.

:mod:`.dates` holds :class:`~vntimeline.PartialDate` (EDTF text as intervals of
instants), :mod:`.events` the typed event model (its validators in
:mod:`.checks`, the rules across a timeline's objects in :mod:`.rules`),
:mod:`.categories` and :mod:`.colors` how categories are shown, and
:mod:`.resolved` what the resolver decides and its JSON. Nothing here reads a
file or draws anything; every other stage imports from here, and this package
imports from none of them.
"""
