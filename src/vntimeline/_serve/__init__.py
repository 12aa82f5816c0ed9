"""Serving the feeds over HTTP: the feed store, the application, and the server.

:mod:`.watch` says when the data file is worth reading again, :mod:`.store`
keeps the feeds of one data file in memory and rebuilds them when it
changes (no sockets), :mod:`.app` answers HTTP requests from the store (no
feed logic), and :mod:`.http` runs it on uvicorn. ``vntimeline serve``
calls :func:`serve`. See ``docs/explanation/serving.rst``.
"""

from .http import FeedServer, serve

__all__ = ["FeedServer", "serve"]
