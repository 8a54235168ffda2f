"""``kg export``: formats, filters, files and folders, errors a user can act on."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from typer.testing import CliRunner, Result

import export_fixture as fx
from kg.cli import app


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("export-cli") / "store"
    fx.make_store(folder).close()
    return str(folder)


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def test_gexf_to_stdout(store_dir: str) -> None:
    result = run("export", "--format", "gexf", "--store", store_dir)
    assert result.exit_code == 0, result.output
    fx.assert_valid_gexf(result.stdout_bytes)
    back = nx.read_gexf(io.BytesIO(result.stdout_bytes), version="1.3")
    assert (back.number_of_nodes(), back.number_of_edges()) == fx.expected_counts()


def test_filters_and_out_file(store_dir: str, tmp_path: Path) -> None:
    out = tmp_path / "ego.graphml"
    result = run("export", "-f", "graphml", "--ego", "青岛", "--depth", "1", "--class", "Place",
                 "--class", "Zone", "--out", str(out), "--store", store_dir)
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(out)
    assert set(back) == {str(fx.QD), str(fx.ZONE)} and back.number_of_edges() == 2


def test_csv_to_a_folder_and_to_a_zip(store_dir: str, tmp_path: Path) -> None:
    result = run("export", "-f", "csv", "--relation", "locatedIn", "--min-degree", "1",
                 "--out", str(tmp_path / "tables"), "--store", store_dir)
    assert result.exit_code == 0, result.output
    edges = (tmp_path / "tables" / "edges.csv").read_text(encoding="utf-8").splitlines()
    assert len(edges) == 1 + 2 and all(",locatedIn," in line for line in edges[1:])
    result = run("export", "-f", "csv", "--out", str(tmp_path / "all.zip"), "--store", store_dir)
    assert result.exit_code == 0 and (tmp_path / "all.zip").read_bytes().startswith(b"PK")


def test_turtle_is_the_default(store_dir: str) -> None:
    result = run("export", "--store", store_dir)
    assert result.exit_code == 0, result.output
    assert len(list(ox.parse(result.stdout_bytes, format=ox.RdfFormat.TURTLE))) > 100


@pytest.mark.parametrize("args,message", [
    (("--class", "Company"), "unknown name 'Company'"),
    (("--ego", "北京市"), "no entity is named"),
    (("--ego", "服务贸易"), "fits 3 entities"),
])
def test_errors_say_what_to_do(store_dir: str, args: tuple[str, ...], message: str) -> None:
    result = run("export", "-f", "gexf", *args, "--store", store_dir)
    assert result.exit_code == 1 and message in result.stderr


def test_missing_store(tmp_path: Path) -> None:
    result = run("export", "-f", "gexf", "--store", str(tmp_path / "nothing"))
    assert result.exit_code == 1 and "kg build" in result.stderr
