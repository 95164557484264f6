"""Promise Graph: who promised what in police accountability minutes, and what became of it."""

__version__ = "0.1.0"
