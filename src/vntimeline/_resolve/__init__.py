"""Stage 2, RESOLVE: one decided date per event, with how sure and why; pure, no I/O."""

from .policy import Policy, WeightPolicy
from .resolver import resolve

__all__ = ["Policy", "WeightPolicy", "resolve"]
