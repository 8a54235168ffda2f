"""Map: an extraction and the resolved entities become the RDF of the document's named graph."""

from __future__ import annotations

from kg.map.rdf import document_graph

__all__ = ["document_graph"]
