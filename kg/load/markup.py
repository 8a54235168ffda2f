"""Markup to plain text: HTML tags and Markdown syntax go, the words stay."""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
              "article", "table", "ul", "ol", "blockquote", "title", "header", "footer"}
SKIP_TAGS = {"script", "style", "noscript", "template"}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self._skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS and self._skipping:
            self._skipping -= 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one block per line."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (line.strip() for line in "".join(collector.parts).splitlines())
    return "\n\n".join(line for line in lines if line)


MD_RULES = [
    (re.compile(r"^\s{0,3}#{1,6}\s*", re.M), ""),          # headings
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),          # images: keep alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),           # links: keep text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),                # bold
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),                 # quotes
    (re.compile(r"^\s{0,3}[-*+]\s+", re.M), ""),             # bullets
    (re.compile(r"^\s*([-*_]\s*){3,}$", re.M), ""),          # rules
    (re.compile(r"`([^`]*)`"), r"\1"),                       # code
]


def markdown_to_text(markdown: str) -> str:
    """Markdown with its syntax removed."""
    text = markdown
    for pattern, replacement in MD_RULES:
        text = pattern.sub(replacement, text)
    return text
