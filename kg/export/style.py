"""How nodes look in Gephi: colour by class and size by degree, from ``palette.yaml``.

>>> colour_for("City", "Place") == colour_for("Place", "Place")
True
>>> size_for(0) < size_for(4)
True
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

PALETTE_FILE = Path(__file__).with_name("palette.yaml")

RGB = tuple[int, int, int]


@lru_cache(maxsize=1)
def palette() -> dict[str, Any]:
    """The palette file, read once."""
    with PALETTE_FILE.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


def hex_to_rgb(value: str) -> RGB:
    text = value.lstrip("#")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def colour_hex(cls: str, core: str) -> str:
    """The colour of a node: its own class's if listed, else its core class's, else the default."""
    classes: dict[str, str] = palette()["classes"]
    return classes.get(cls) or classes.get(core) or str(palette()["default"])


def colour_for(cls: str, core: str) -> RGB:
    return hex_to_rgb(colour_hex(cls, core))


def size_for(degree: int) -> float:
    """Node size: grows with the square root of degree, so hubs stand out but stay readable."""
    size = palette()["size"]
    return round(float(size["base"]) + float(size["per_sqrt_degree"]) * math.sqrt(max(degree, 0)), 2)
