"""Draw the entity graph as a PNG: the picture in docs/GEPHI.md.

    kg build                                   # the seed corpus into data/store
    python docs/render_seed_graph.py           # -> docs/img/seed-graph.png

Same layout, colours and sizes as the GEXF export (kg.export.analysis, palette.yaml), so the
picture is what Gephi shows on opening the file. Entities without any edge are left out unless
``--all`` (on the seed corpus they are most of the nodes and would only form a ring).
Needs matplotlib and a CJK font (Debian: ``apt-get install fonts-noto-cjk``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from kg.config import get_settings  # noqa: E402
from kg.export import ExportFilter, build_graph  # noqa: E402
from kg.export.style import colour_hex, size_for  # noqa: E402
from kg.store import open_store  # noqa: E402

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "SimHei")
LABELLED = 80  # label at most this many entities, the highest degree first: more would overlap


def use_cjk_font() -> str:
    """Register and select the first installed CJK font; fail loudly rather than draw boxes."""
    for path in font_manager.findSystemFonts():
        if "CJK" in path or "WenQuanYi" in path or "wqy" in path:
            font_manager.fontManager.addfont(path)
    names = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in names:
            # networkx draws labels in "sans-serif": put the CJK font first in that family too.
            plt.rcParams["font.family"] = "sans-serif"
            plt.rcParams["font.sans-serif"] = [name, *plt.rcParams["font.sans-serif"]]
            return name
    raise SystemExit("no CJK font found: install fonts-noto-cjk (Debian) or another CJK font")


def render(graph: nx.MultiDiGraph, out: Path, title: str) -> None:
    use_cjk_font()
    pos = {n: (d["x"], d["y"]) for n, d in graph.nodes(data=True)}
    colours = [colour_hex(d["class"], d["core_class"]) for _, d in graph.nodes(data=True)]
    sizes = [size_for(d["degree"]) ** 2 * 2 for _, d in graph.nodes(data=True)]
    fig, ax = plt.subplots(figsize=(20, 15), dpi=100)
    nx.draw_networkx_edges(graph, pos, ax=ax, edge_color="#999999", width=0.8, arrowsize=8,
                           node_size=sizes, connectionstyle="arc3,rad=0.08")
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_color=colours, node_size=sizes,
                           edgecolors="white", linewidths=0.6)
    top = sorted(graph, key=lambda n: (-graph.nodes[n]["degree"], n))[:LABELLED]
    nx.draw_networkx_labels(graph, pos, labels={n: graph.nodes[n]["label"] for n in top}, ax=ax, font_size=8)
    ax.legend(handles=_legend(graph), loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9, frameon=False)
    ax.set_title(title, fontsize=13)
    ax.axis("off")
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)
    plt.close(fig)


def _legend(graph: nx.MultiDiGraph) -> list[Line2D]:
    classes = sorted({(d["core_class"], d["class"]) for _, d in graph.nodes(data=True)})
    seen: dict[str, str] = {}
    for core, cls in classes:
        seen.setdefault(core, colour_hex(cls, core))
    return [Line2D([], [], marker="o", linestyle="", color=c, label=core, markersize=8) for core, c in seen.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", default=get_settings().store, help="store folder or SPARQL URL")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "img" / "seed-graph.png")
    parser.add_argument("--all", action="store_true", help="draw entities without edges too")
    args = parser.parse_args()
    store = open_store(args.store, read_only=True)
    whole = build_graph(store, ExportFilter())
    graph = whole if args.all else whole.subgraph([n for n in whole if whole.degree(n) > 0]).copy()
    title = (f"服务贸易知识图谱 seed graph: {graph.number_of_nodes()} of {whole.number_of_nodes()} entities, "
             f"{graph.number_of_edges()} relations")
    render(graph, args.out, title)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
