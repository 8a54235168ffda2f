"""Extraction speed on the seed corpus: seconds, characters per second, peak memory.

Run: ``make bench`` (or ``python bench/extraction.py [CORPUS]``). Pins itself to one core where
the OS allows, warms the pipeline up (jieba's dictionary and the lexicons load once), then times
extraction of every document, best of three runs. Results go in docs/BENCHMARKS.md by hand.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

from kg.extract import extract_document
from kg.extract.nlp import build_pipeline
from kg.load import load_corpus


def main(corpus: Path) -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    started = time.perf_counter()
    build_pipeline()
    warmup = time.perf_counter() - started
    documents, _ = load_corpus(corpus)
    chars = sum(len(d.text) for d in documents)
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        found = [extract_document(d) for d in documents]
        runs.append(time.perf_counter() - t0)
    best = min(runs)
    mentions = sum(len(x.mentions) for x in found)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents          {len(documents)}")
    print(f"characters         {chars}")
    print(f"pipeline load      {warmup:.2f} s (once per process)")
    print(f"extraction         {best:.2f} s (best of {len(runs)}: {', '.join(f'{r:.2f}' for r in runs)})")
    print(f"throughput         {chars / best:,.0f} characters/s")
    print(f"mentions           {mentions}")
    print(f"peak memory        {peak_mb:.0f} MB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data/corpus"))
