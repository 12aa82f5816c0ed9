"""Serving the feeds over HTTP: the feed store and the HTTP front."""

from .server import FeedServer, serve

__all__ = ["FeedServer", "serve"]
