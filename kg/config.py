"""Settings, read once from the environment (prefix ``KG_``) and typed."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every setting of the CLI and the HTTP service; ``KG_STORE=/srv/kg`` overrides ``store``."""

    model_config = SettingsConfigDict(env_prefix="KG_", env_file=".env", extra="ignore")

    store: str = Field("data/store", description="Embedded store folder, or http(s) URL of a SPARQL 1.1 store")
    corpus: Path = Field(Path("data/corpus"), description="Folder of documents that `kg build` reads")
    instance_ns: str = Field("https://stkg.example.org/id/", description="Namespace of instance IRIs")
    ontology_ns: str = Field("https://stkg.example.org/ontology#", description="Namespace of the ontology")
    ontology_dir: Path = Field(PROJECT_ROOT / "ontology", description="Folder of the ontology and shapes")
    queries_dir: Path = Field(PROJECT_ROOT / "queries", description="Folder of named SPARQL queries")
    lexicon_dir: Path = Field(PROJECT_ROOT / "kg" / "extract" / "patterns", description="Folder of extraction patterns and lexicons")
    query_timeout: float = Field(10.0, description="Seconds a SPARQL query may run")
    max_rows: int = Field(10000, description="Most result rows a query returns over HTTP")
    max_request_bytes: int = Field(1_000_000, description="Largest request body accepted")
    update_token: str | None = Field(None, description="Bearer token that enables SPARQL Update; off when unset")
    allowed_hosts: list[str] = Field(default_factory=list, description="Hosts SERVICE/FROM/LOAD may reach")
    query_workers: int = Field(2, description="Worker processes that run SPARQL queries")
    host: str = "127.0.0.1"
    port: int = 8000


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (tests build their own ``Settings`` instead)."""
    return Settings()
