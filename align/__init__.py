"""align: UN document language versions to TMX translation memories and parallel corpora."""

__version__ = "0.1.0"
