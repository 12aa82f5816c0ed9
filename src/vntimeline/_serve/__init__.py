"""Serving the feeds over HTTP: the feed store and the HTTP front.

:mod:`.store` keeps the feeds of one data file in memory and rebuilds them when
it changes; :mod:`.http` answers HTTP requests from the store, and nothing
else. ``vntimeline serve`` calls :func:`serve`.
"""

from .http import FeedServer, serve

__all__ = ["FeedServer", "serve"]
