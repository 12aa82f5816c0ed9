"""Helpers shared by several test modules: builders, strategies, fixtures that need importing."""
