"""Where the graph lives: an embedded Oxigraph store on disk, or a remote SPARQL 1.1 store."""

from __future__ import annotations

from kg.store.base import GraphStore, StoreError, open_store

__all__ = ["GraphStore", "StoreError", "open_store"]
