"""Fixtures shared by the test modules.

The seed corpus is built once per session (``seed_store_path``, about 5 s); tests that only read
use ``seed_store`` or pass ``--store`` to the CLI, tests that change a store take ``seed_copy``, a
fresh copy of the built folder. ``kg`` runs the real command line in-process.

Other areas may add their fixtures below; keep each one documented and its name specific.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner, Result

from kg.build import BuildReport, build
from kg.cli import app
from kg.config import PROJECT_ROOT
from kg.store import open_store
from kg.store.embedded import EmbeddedStore

SEED_CORPUS = PROJECT_ROOT / "data" / "corpus"
TEST_DATA = Path(__file__).parent / "data"
OTHER_CITY_CORPUS = TEST_DATA / "other_city"

Kg = Callable[..., Result]


# ---------------------------------------------------------------- the command line
@pytest.fixture(scope="session")
def kg() -> Kg:
    """``kg(*args)``: run the ``kg`` command in-process; the Result has exit_code, stdout, stderr."""
    runner = CliRunner()

    def invoke(*args: str | Path) -> Result:
        return runner.invoke(app, [str(a) for a in args])

    return invoke


def assert_ok(result: Result) -> Result:
    """The command succeeded (shows its output and error when it did not)."""
    assert result.exit_code == 0, f"exit {result.exit_code}\nstdout: {result.stdout}\nstderr: {result.stderr}\n" \
                                  f"exception: {result.exception!r}"
    return result


def assert_clean_failure(result: Result, *fragments: str) -> Result:
    """The command failed with a message for a user on stderr, not with a traceback."""
    assert result.exit_code != 0, f"expected a failure, got exit 0\nstdout: {result.stdout}"
    assert isinstance(result.exception, SystemExit), f"uncaught {result.exception!r}"
    assert result.stderr.strip(), "no message on stderr"
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.stderr, f"{fragment!r} not in {result.stderr!r}"
    return result


# ---------------------------------------------------------------- built stores
@dataclass(frozen=True)
class SeedBuild:
    path: Path
    report: BuildReport


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> SeedBuild:
    """The seed corpus built once, with ``kg.build.build``, into a session folder (closed again)."""
    path = tmp_path_factory.mktemp("seed") / "store"
    store = open_store(path)
    report = build(SEED_CORPUS, store)
    store.close()
    return SeedBuild(path, report)


@pytest.fixture(scope="session")
def seed_store_path(seed_build: SeedBuild) -> Path:
    """Folder of the built seed store: pass it as ``--store``; never write to it."""
    return seed_build.path


@pytest.fixture(scope="session")
def seed_store(seed_store_path: Path) -> Iterator[EmbeddedStore]:
    """The built seed store, opened read-only."""
    store = EmbeddedStore(seed_store_path, read_only=True)
    yield store
    store.close()


@pytest.fixture
def seed_copy(seed_store_path: Path, tmp_path: Path) -> Path:
    """A private, writable copy of the built seed store (for add, remove, put_graph …)."""
    target = tmp_path / "seed-copy"
    shutil.copytree(seed_store_path, target, symlinks=True)
    return target


@pytest.fixture(scope="session")
def other_city_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``tests/data/other_city`` (成都 and 杭州 news, .txt/.md/.html) built once, read-only use."""
    path = tmp_path_factory.mktemp("other-city") / "store"
    store = open_store(path)
    build(OTHER_CITY_CORPUS, store)
    store.close()
    return path


# ---------------------------------------------------------------- the API on the small fixture graph
@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
async def client(tmp_path_factory: pytest.TempPathFactory,
                         request: pytest.FixtureRequest) -> AsyncIterator[httpx.AsyncClient]:
    """The app, in-process, over a store holding api_helpers' small graph of the production shape."""
    from api_helpers import app_client, build_store, settings_for

    store = build_store(tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1]) / "store")
    async with app_client(settings_for(store)) as c:
        yield c
