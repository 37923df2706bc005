"""HTML pages to plain lines plus the metadata their head declares.

Page furniture is dropped while parsing: whole elements by tag (nav, aside,
footer, forms, scripts...), by ARIA role, and by class or id words that
sites use for boilerplate (cookie banners, share bars, related stories,
comments, newsletter pleas, ads).  When the page marks its story with
``<article>`` or ``<main>``, only that part is kept as text (the largest such
element, so teaser cards marked ``<article>`` lose to the story).  If the
filtering leaves no prose at all, the page is read again without it.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer",
         "aside", "form", "button", "iframe", "select", "menu", "dialog", "object",
         "canvas", "video", "audio", "map"}
_BLOCK = {"p", "div", "section", "article", "main", "br", "li", "h1", "h2", "h3", "h4",
          "h5", "h6", "blockquote", "figcaption", "tr", "td", "th", "dd", "dt", "pre", "hr",
          "ul", "ol", "table", "figure", "address", "header", "footer", "aside", "nav"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col",
         "embed", "param", "track", "keygen"}
# Elements closed implicitly by a following sibling of the same kind.
_SELF_CLOSING_SIBLINGS = {"p", "li", "dt", "dd", "tr", "td", "th", "option"}

# Words in class/id that mark boilerplate.  Matched as whole words after
# splitting on - _ space and camelCase ("shareBar" -> share, bar).
_BOILERPLATE_WORDS = {
    "nav", "navbar", "navigation", "menu", "cookie", "cookies", "consent", "gdpr", "share",
    "sharing", "social", "related", "comment", "comments", "newsletter", "subscribe",
    "subscription", "signup", "promo", "promoted", "ad", "ads", "advert", "advertisement",
    "sponsored", "sidebar", "footer", "breadcrumb", "breadcrumbs", "paywall", "banner",
    "popup", "modal", "outbrain", "taboola", "recommended", "trending", "disqus", "masthead",
    "toolbar", "skiplink", "skip",
}
# Words glued to others in class names ("relatedposts", "sharedaddy").
_BOILERPLATE_PREFIXES = ("related", "share", "sharing", "social", "cookie", "newsletter",
                         "subscri", "promo", "sidebar", "breadcrumb", "comment", "advert")
_NOT_BOILERPLATE = {"commentary", "commentator", "commentators", "shared", "socialist"}
_BOILERPLATE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search",
                      "dialog", "alertdialog", "menu", "menubar"}
# Containers whose class lists often carry page-wide words ("comments-open",
# "has-sidebar"): never skipped for their class alone.
_NEVER_SKIP_BY_CLASS = {"html", "body", "main", "article"}
_INVISIBLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _class_words(value: str) -> set[str]:
    return {w for w in _WORD_SPLIT.split(_CAMEL.sub("-", value).lower()) if w}


def _is_boilerplate(tag: str, attr: dict[str, str]) -> bool:
    if ("hidden" in attr or attr.get("aria-hidden") == "true"
            or _INVISIBLE.search(attr.get("style", ""))):
        return tag not in _NEVER_SKIP_BY_CLASS
    if attr.get("role", "").lower() in _BOILERPLATE_ROLES:
        return True
    if tag in _NEVER_SKIP_BY_CLASS:
        return False
    words = _class_words(attr.get("class", "") + " " + attr.get("id", "")) - _NOT_BOILERPLATE
    return bool(words & _BOILERPLATE_WORDS) or any(
        w.startswith(_BOILERPLATE_PREFIXES) for w in words)


class _PageParser(HTMLParser):
    def __init__(self, filter_boilerplate: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.filter = filter_boilerplate
        self.lines: list[str] = [""]
        self.stack: list[tuple[str, bool, list | None]] = []  # (tag, skips, region)
        self.skipping = 0
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.in_title = False
        self.in_jsonld = False
        self.jsonld: list[str] = []
        self.h1: str | None = None
        self.in_h1 = False
        self.h1_parts: list[str] = []
        self.time: str | None = None
        # [tag, first line, last line] of each <article>/<main> element
        self.regions: list[list] = []

    # -- element stack -------------------------------------------------
    def _push(self, tag: str, skips: bool, region: list | None = None) -> None:
        self.stack.append((tag, skips, region))
        if skips:
            self.skipping += 1

    def _pop_to(self, tag: str) -> bool:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for name, skips, region in reversed(self.stack[i:]):
                    if skips:
                        self.skipping -= 1
                    if region is not None:
                        region[2] = len(self.lines)
                        self.regions.append(region)
                    self._closed(name)
                del self.stack[i:]
                return True
        return False

    def _closed(self, tag: str) -> None:
        if tag == "h1" and self.in_h1:
            self.in_h1 = False
            self.h1 = self.h1 or " ".join("".join(self.h1_parts).split()) or None
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_jsonld = False
        if tag in _BLOCK and not self.skipping:
            self.lines.append("")

    # -- parser callbacks ------------------------------------------------
    def handle_starttag(self, tag, attrs):
        attr = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").lower()
            if key and attr.get("content"):
                self.meta.setdefault(key, attr["content"].strip())
            return
        if tag == "time" and self.time is None and attr.get("datetime"):
            self.time = attr["datetime"]
        if tag in _VOID:
            if tag in ("br", "hr") and not self.skipping:
                self.lines.append("")
            return
        if tag in _SELF_CLOSING_SIBLINGS and self.stack and self.stack[-1][0] == tag:
            self._pop_to(tag)
        if tag == "script" and "ld+json" in attr.get("type", ""):
            self.in_jsonld = True
        if tag == "title":
            self.in_title = True
        skips = tag in _SKIP or (self.filter and _is_boilerplate(tag, attr))
        region = None
        if not self.skipping and not skips and tag in ("article", "main"):
            region = [tag, len(self.lines) + 1, None]
        self._push(tag, skips, region)
        if self.skipping:
            return
        if tag == "h1":
            self.in_h1 = True
            self.h1_parts = []
        if tag in _BLOCK:
            self.lines.append("")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if not self._pop_to(tag) and tag in ("p", "br"):
            self.lines.append("")

    def handle_data(self, data):
        if self.in_jsonld:
            self.jsonld.append(data)
            return
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skipping:
            return
        if self.in_h1:
            self.h1_parts.append(data)
        self.lines[-1] += data

    def close(self):
        super().close()
        while self.stack:
            self._pop_to(self.stack[-1][0])


def _name_of(value) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"].strip() or None
    if isinstance(value, list):
        names = [n for n in (_name_of(v) for v in value[:5]) if n]
        return " and ".join(names) if names else None
    return None


def _jsonld_fields(chunks: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}

    def visit(node, depth=0):
        if depth > 30:
            return
        if isinstance(node, list):
            for item in node[:200]:
                visit(item, depth + 1)
        elif isinstance(node, dict):
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            is_article = any(isinstance(k, str) and ("Article" in k or k in
                             ("BlogPosting", "Report", "LiveBlogPosting")) for k in kinds)
            keys = ("headline", "datePublished", "articleBody") if is_article else ("headline", "datePublished")
            for key in keys:
                if isinstance(node.get(key), str):
                    found.setdefault(key, node[key])
            if (author := _name_of(node.get("author"))) and (is_article or "author" not in found):
                found.setdefault("author", author)
            publisher = node.get("publisher")
            if (name := _name_of(publisher)) and not isinstance(publisher, str):
                found.setdefault("publisher", name)
            for value in node.values():
                if isinstance(value, (dict, list)):
                    visit(value, depth + 1)

    for chunk in chunks:
        try:
            visit(json.loads(chunk.strip().rstrip(";")))
        except (ValueError, RecursionError):
            continue
    return found


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    year, month, day = map(int, match.groups())
    if 1 <= month <= 12 and 1 <= day <= 31 and 1800 < year < 2200:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _prose_chars(lines: list[str]) -> int:
    return sum(len(l) for l in lines if len(l.split()) >= 8)


def _parse(markup: str, filter_boilerplate: bool) -> _PageParser:
    parser = _PageParser(filter_boilerplate)
    parser.feed(markup)
    parser.close()
    return parser


def html_to_lines(markup: str) -> tuple[str, dict[str, str | None]]:
    """Visible text (one block per line) and metadata of an HTML page."""
    parser = _parse(markup, True)
    lines = [line.strip() for line in parser.lines]
    # The story's own element, if the page marks one: the <article>/<main>
    # with the most prose (teaser cards are <article>s too, but small).
    best = None
    for tag, start, end in parser.regions:
        chars = _prose_chars(lines[start:end])
        if chars >= 200 and (best is None or chars > best[0]):
            best = (chars, start, end)
    if best is not None:
        lines = lines[best[1]:best[2]]
    if _prose_chars(lines) == 0:
        unfiltered = _parse(markup, False)
        if _prose_chars([l.strip() for l in unfiltered.lines]):
            lines = [line.strip() for line in unfiltered.lines]
    ld = _jsonld_fields(parser.jsonld)
    meta = parser.meta
    page_title = " ".join("".join(parser.title_parts).split()) or None
    title = (meta.get("og:title") or meta.get("twitter:title") or ld.get("headline") or parser.h1
             or page_title)
    # "<headline> | The Outlet" in <title> names the site when nothing else does.
    title_outlet = None
    if page_title and title and page_title != title and page_title.startswith(title):
        rest = page_title[len(title):]
        match = re.match(r"\s*[|–—:·-]\s*(.{2,60})$", rest)
        title_outlet = match.group(1).strip() if match else None
    published = (_iso_date(meta.get("article:published_time")) or _iso_date(ld.get("datePublished"))
                 or _iso_date(meta.get("date")) or _iso_date(meta.get("dc.date"))
                 or _iso_date(meta.get("dcterms.date")) or _iso_date(meta.get("parsely-pub-date"))
                 or _iso_date(meta.get("sailthru.date")) or _iso_date(meta.get("pubdate"))
                 or _iso_date(parser.time))
    author = meta.get("author") or meta.get("article:author") or meta.get("byl") or ld.get("author")
    if author and (author.startswith("http") or "/" in author):
        author = ld.get("author")
    if author:
        author = re.sub(r"^by\s+", "", author, flags=re.IGNORECASE).strip() or None
    info = {
        "title": title,
        "outlet": (meta.get("og:site_name") or ld.get("publisher") or meta.get("application-name")
                   or title_outlet),
        "byline": author or None,
        "published": published,
    }
    # One blank line between blocks: nested markup must not look like the
    # long gaps that separate an article from what follows it in plain text.
    collapsed: list[str] = []
    for line in lines:
        if line or (collapsed and collapsed[-1]):
            collapsed.append(line)
    text = "\n".join(collapsed)
    if _prose_chars(text.split("\n")) == 0 and ld.get("articleBody"):
        # Pages that render everything with script often still ship the
        # story in their JSON-LD.
        text = ld["articleBody"].replace("\r\n", "\n")
        text = "\n\n".join(p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip())
    return text, info
