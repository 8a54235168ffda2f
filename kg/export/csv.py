"""Node and edge tables for Gephi's spreadsheet import (Data Laboratory > Import Spreadsheet).

Gephi imports one table at a time, so the export is two files: ``nodes.csv`` (``Id``, ``Label``
and the attributes) and ``edges.csv`` (``Source``, ``Target``, ``Type``, ``Kind``, ``Id``,
``Label``, ``Weight`` and the attributes): the column names Gephi recognises. They come as a zip
(``export_bytes``, HTTP) or as two files in a folder (``kg export --format csv --out DIR``).
UTF-8 without a byte-order mark, which Gephi would read into the first column's name. Lists are
written ``["a", "b"]``, which Gephi parses when the column is given a list type.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from kg.export.gexf import list_value

MEDIA_TYPE = "application/zip"
NODES_FILE = "nodes.csv"
EDGES_FILE = "edges.csv"

NODE_COLUMNS = ("Id", "Label", "class", "class_zh", "class_en", "core_class", "aliases",
                "document_count", "documents", "figures", "figure_count", "degree", "in_degree",
                "out_degree", "pagerank", "community")
EDGE_COLUMNS = ("Source", "Target", "Type", "Kind", "Id", "Label", "Weight", "relation",
                "relation_en", "documents")
# A fixed timestamp in the zip so the same graph always gives the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def node_rows(graph: nx.MultiDiGraph) -> Iterable[list[str]]:
    for node, data in graph.nodes(data=True):
        values = {**data, "Id": node, "Label": data.get("label") or node}
        yield [_cell(values.get(column)) for column in NODE_COLUMNS]


def edge_rows(graph: nx.MultiDiGraph) -> Iterable[list[str]]:
    for source, target, key, data in graph.edges(keys=True, data=True):
        values = {**data, "Source": source, "Target": target, "Type": "Directed", "Kind": key,
                  "Id": data.get("id"), "Label": data.get("label") or key,
                  "Weight": max(int(data.get("weight", 1)), 1)}
        yield [_cell(values.get(column)) for column in EDGE_COLUMNS]


def tables(graph: nx.MultiDiGraph) -> dict[str, str]:
    """File name -> CSV text, for the node and the edge table."""
    return {NODES_FILE: _csv(NODE_COLUMNS, node_rows(graph)),
            EDGES_FILE: _csv(EDGE_COLUMNS, edge_rows(graph))}


def write_zip(graph: nx.MultiDiGraph) -> bytes:
    """Both tables in one zip, byte-identical for the same graph."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in tables(graph).items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def write_folder(graph: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """Write ``nodes.csv`` and ``edges.csv`` into a folder (made if needed); their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in tables(graph).items():
        path = folder / name
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def _csv(header: tuple[str, ...], rows: Iterable[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return list_value(value)
    return str(value)
