"""A corpus folder: documents (.txt, .md, .html) with optional ``NAME.meta.yaml`` metadata."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from kg.load.decode import decode
from kg.load.markup import html_to_text, markdown_to_text
from kg.model import Document, DocumentMeta

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                 ".html": "html", ".htm": "html"}
META_SUFFIX = ".meta.yaml"


@dataclass(frozen=True)
class LoadProblem:
    """A file that was skipped, and why (reported by name; the build goes on)."""

    path: Path
    reason: str


def is_document(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in TEXT_SUFFIXES and not path.name.startswith(".")


def document_files(folder: Path) -> list[Path]:
    """Document files of a folder (recursively), in a stable order."""
    return sorted(p for p in folder.rglob("*") if is_document(p))


def read_text(path: Path) -> str:
    kind = TEXT_SUFFIXES[path.suffix.lower()]
    text = decode(path.read_bytes()).replace("\r\n", "\n").replace("\r", "\n")
    if kind == "html":
        return html_to_text(text)
    if kind == "markdown":
        return markdown_to_text(text)
    return text


def read_meta(path: Path, text: str) -> DocumentMeta:
    """Metadata from the sidecar file, else a title from the first non-empty line."""
    sidecar = path.with_name(path.stem + META_SUFFIX)
    data: dict[str, object] = {}
    if sidecar.exists():
        loaded = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
        if not isinstance(loaded, dict):
            raise ValueError(f"{sidecar.name} is not a mapping of fields")
        data = loaded
    first_line = next((line.strip("# \t") for line in text.splitlines() if line.strip()), path.stem)
    fields = {k: (str(v) if v is not None else None) for k, v in data.items() if k in DocumentMeta.__dataclass_fields__}
    fields.setdefault("title", first_line[:200])
    return DocumentMeta(**fields)  # type: ignore[arg-type]


def load_document(path: Path) -> Document:
    """One document; raises ValueError with a user-facing reason when it cannot be used."""
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise ValueError(f"unsupported file type {path.suffix!r} (use .txt, .md or .html)")
    try:
        text = read_text(path)
    except UnicodeDecodeError:
        raise ValueError("not readable as UTF-8, UTF-16 or GB18030/GBK text") from None
    except OSError as exc:
        raise ValueError(f"cannot read: {exc.strerror}") from None
    if not text.strip():
        raise ValueError("empty document")
    try:
        meta = read_meta(path, text)
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise ValueError(f"bad metadata: {exc}") from None
    return Document(doc_id=path.stem, path=path, text=text, meta=meta)


def load_corpus(folder: Path) -> tuple[list[Document], list[LoadProblem]]:
    """Every readable document of a folder, and the files skipped with their reasons."""
    if not folder.is_dir():
        raise FileNotFoundError(f"corpus folder {folder} does not exist")
    documents: list[Document] = []
    problems: list[LoadProblem] = []
    for path in document_files(folder):
        try:
            documents.append(load_document(path))
        except ValueError as exc:
            problems.append(LoadProblem(path, str(exc)))
    return documents, problems
