"""Export: the graph as RDF, and its entity subgraph for Gephi (GEXF 1.3, GraphML, CSV).

The one entry point for the CLI and the HTTP service::

    from kg.export import ExportFilter, export_bytes
    data, media_type = export_bytes(store, "gexf", ExportFilter(ego=entity_iri, depth=2))

Modules: ``graph`` reads the entity subgraph by SPARQL and dispatches on the format;
``filters`` the shared filters; ``analysis`` degree, PageRank, communities, layout; ``gexf``,
``graphml``, ``csv``, ``rdf`` the writers; ``style`` the colours and sizes of ``palette.yaml``.
"""

from __future__ import annotations

from kg.export.filters import AmbiguousEntity, ExportError, ExportFilter, UnknownEntity, resolve_entity
from kg.export.graph import FORMATS, GRAPH_FORMATS, build_graph, export_bytes, read_entity_graph

__all__ = [
    "AmbiguousEntity", "ExportError", "ExportFilter", "FORMATS", "GRAPH_FORMATS", "UnknownEntity",
    "build_graph", "export_bytes", "read_entity_graph", "resolve_entity",
]
