"""The version of align, in a module of its own: every room may read it without importing the API."""

__version__ = "0.1.0"
