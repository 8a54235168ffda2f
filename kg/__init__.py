"""Service-trade knowledge graph: load → extract → resolve → map → store → export."""

__version__ = "0.1.0"
