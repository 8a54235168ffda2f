"""Resolve: mentions become entities with one canonical name, all aliases and a deterministic IRI."""

from __future__ import annotations

from kg.resolve.names import normalise
from kg.resolve.resolver import Resolution, resolve

__all__ = ["Resolution", "normalise", "resolve"]
