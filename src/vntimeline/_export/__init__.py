"""Stage 3, EXPORT: the resolved timeline as a feed, a chart or a table.

Each exporter is a subpackage or module of its own (:mod:`.ical`, :mod:`.chart`,
:mod:`.table`) that imports only the model; this package imports none of them,
so asking for the table never imports matplotlib or icalendar.
"""
