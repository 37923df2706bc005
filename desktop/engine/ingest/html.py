"""HTML pages to plain lines plus the metadata their head declares."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer",
         "aside", "form", "button", "iframe", "select", "menu"}
_BLOCK = {"p", "div", "section", "article", "main", "br", "li", "h1", "h2", "h3", "h4",
          "h5", "h6", "blockquote", "figcaption", "tr", "td", "th", "dd", "dt", "pre", "hr",
          "ul", "ol", "table", "figure", "address"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col"}


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.skip_depth = 0
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.in_title = False
        self.in_jsonld = False
        self.jsonld: list[str] = []
        self.h1: str | None = None
        self.in_h1 = False
        self.h1_parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attr = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").lower()
            if key and attr.get("content"):
                self.meta.setdefault(key, attr["content"].strip())
            return
        if tag == "script" and "ld+json" in attr.get("type", ""):
            self.in_jsonld = True
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth += 1
            return
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag in _BLOCK:
            self.lines.append("")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            self.in_jsonld = False
            return
        if tag == "title":
            self.in_title = False
        if tag == "h1" and self.in_h1:
            self.in_h1 = False
            self.h1 = self.h1 or " ".join("".join(self.h1_parts).split())
        if tag in _BLOCK:
            self.lines.append("")

    def handle_data(self, data):
        if self.in_jsonld:
            self.jsonld.append(data)
            return
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip_depth:
            return
        if self.in_h1:
            self.h1_parts.append(data)
        self.lines[-1] += data


def _jsonld_fields(chunks: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}

    def visit(node):
        if isinstance(node, list):
            for item in node:
                visit(item)
        elif isinstance(node, dict):
            for key in ("headline", "datePublished"):
                if isinstance(node.get(key), str):
                    found.setdefault(key, node[key])
            author = node.get("author")
            if isinstance(author, dict) and isinstance(author.get("name"), str):
                found.setdefault("author", author["name"])
            elif isinstance(author, list) and author and isinstance(author[0], dict):
                found.setdefault("author", str(author[0].get("name", "")))
            publisher = node.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                found.setdefault("publisher", publisher["name"])
            for value in node.values():
                if isinstance(value, (dict, list)):
                    visit(value)

    for chunk in chunks:
        try:
            visit(json.loads(chunk))
        except (ValueError, RecursionError):
            continue
    return found


def html_to_lines(markup: str) -> tuple[str, dict[str, str | None]]:
    """Visible text (one block per line) and metadata of an HTML page."""
    parser = _PageParser()
    parser.feed(markup)
    parser.close()
    ld = _jsonld_fields(parser.jsonld)
    meta = parser.meta
    title = (meta.get("og:title") or ld.get("headline") or parser.h1
             or " ".join("".join(parser.title_parts).split()) or None)
    published = meta.get("article:published_time") or ld.get("datePublished") or meta.get("date")
    if published:
        match = re.match(r"\d{4}-\d{2}-\d{2}", published)
        published = match.group(0) if match else None
    info = {
        "title": title,
        "outlet": meta.get("og:site_name") or ld.get("publisher"),
        "byline": meta.get("author") or ld.get("author") or None,
        "published": published,
    }
    text = "\n".join(line.strip() for line in parser.lines)
    return text, info
