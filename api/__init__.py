"""The HTTP service over the graph: SPARQL 1.1 Protocol, entity lookups, named queries, exports.

Build it with :func:`api.main.create_app`; ``kg serve`` runs it with uvicorn.
"""
