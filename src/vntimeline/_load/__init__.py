"""Stage 1, LOAD: ``events.yaml`` to the typed model, or every problem as FILE:LINE:COL."""

from .loader import check, default_data_path, load, load_default

__all__ = ["check", "default_data_path", "load", "load_default"]
