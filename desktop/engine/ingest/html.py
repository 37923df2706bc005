"""HTML pages to article text plus the metadata their head declares.

The article body comes from readability-lxml (a port of Mozilla's
Readability), chosen by measurement on the Scrapinghub article-extraction
benchmark (``benchmarks/extraction.py``): F1 0.963 on the half in
``../shared/data`` against 0.839 for the parser below, which stays as the
fallback and as the reader of the page's metadata.  The extractor's text is
final: it does not go through the plain-text debris clean-up
(:func:`.cleanup.clean_text`), which is meant for text that still carries
its page around it.  When the extractor finds too little (or is missing, or
fails), the body comes from this module's own parser (then through the
clean-up), or from the page's JSON-LD ``articleBody``, whichever says more.

Parallax's own parser: page furniture is dropped while parsing: whole elements by tag (nav, aside,
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

from .hygiene import clean_unicode
from .cleanup import _BYLINE, _POSTED, clean_text, is_debris, parse_date_line

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
        self.open_count: dict[str, int] = {}  # how many of each tag are on the stack

    # -- element stack -------------------------------------------------
    def _push(self, tag: str, skips: bool, region: list | None = None) -> None:
        self.stack.append((tag, skips, region))
        self.open_count[tag] = self.open_count.get(tag, 0) + 1
        if skips:
            self.skipping += 1

    def _pop_to(self, tag: str) -> bool:
        if not self.open_count.get(tag):
            return False  # a stray end tag: no scan of the stack (20k of them stay linear)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for name, skips, region in reversed(self.stack[i:]):
                    if skips:
                        self.skipping -= 1
                    if region is not None:
                        region[2] = len(self.lines)
                        self.regions.append(region)
                    self._closed(name)
                    self.open_count[name] -= 1
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


def own_html_to_lines(markup: str) -> tuple[str, dict[str, str | None]]:
    """Visible text (one block per line) and metadata, by Parallax's own parser.

    The body it finds is plain lines for :func:`.cleanup.clean_text`; it is the
    fallback when the article extractor finds no article.
    """
    markup = _defuse(markup)
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
    info["ld_body"] = _ld_paragraphs(ld.get("articleBody"))
    if _prose_chars(text.split("\n")) == 0 and info["ld_body"]:
        # Pages that render everything with script often still ship the
        # story in their JSON-LD.
        text = info["ld_body"]
    return text, info


def _ld_paragraphs(body: str | None) -> str | None:
    if not body:
        return None
    body = body.replace("\r\n", "\n")
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n|\n", body) if p.strip()) or None


# -- hostile markup ---------------------------------------------------------
# Markup removed before parsing, each with what closes it: comments and
# "<![" declarations (CDATA, conditional comments).
_DEFUSED = {"<!--": "-->", "<![": ">"}


def _defuse(markup: str) -> str:
    """Comments and ``<![...]>`` declarations removed in one linear pass.

    html.parser rescans from every unclosed ``<!--`` (40,000 of them took
    minutes) and raises on a bare ``<![``; neither carries article text.
    An unclosed ``<!--`` loses only itself, so a stray one cannot hide the
    rest of the page.
    """
    if "<!" not in markup:
        return markup
    out: list[str] = []
    pos = 0
    unclosed: set[str] = set()  # once a search for a closer fails, later ones would too
    while (i := markup.find("<!", pos)) >= 0:
        out.append(markup[pos:i])
        opener = next((o for o in _DEFUSED if markup.startswith(o, i)), None)
        if opener is None:  # <!doctype ...> and the like stay for the parser
            out.append("<!")
            pos = i + 2
            continue
        closer = _DEFUSED[opener]
        j = -1 if closer in unclosed else markup.find(closer, i + len(opener))
        if j < 0:
            unclosed.add(closer)
            pos = i + len(opener)
        else:
            pos = j + len(closer)
        out.append(" ")
    out.append(markup[pos:])
    return "".join(out)


# -- the article extractor (readability-lxml), behind a thin adapter ---------
_MIN_ARTICLE_WORDS = 40  # below this the extractor found a fragment, not the story
_TEXT_BLOCKS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3",
                "h4", "h5", "h6", "blockquote", "figcaption", "figure", "pre", "table", "tr",
                "dd", "dt", "dl", "address", "header", "footer", "aside", "nav", "hr", "center"}
_TEXT_SKIP = {"script", "style", "noscript", "template", "svg", "button", "select", "form",
              "iframe", "object", "canvas", "video", "audio", "math"}


def _element_text(root) -> str:
    """Text of an lxml element: one line per block, inline markup joined."""
    from lxml import etree

    parts: list[str] = []
    skipping = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if skipping or tag in _TEXT_SKIP:
                skipping += 1
                continue
            if tag in _TEXT_BLOCKS:
                parts.append("\n")
            elif tag == "br":
                parts.append("\n")
            elif tag in ("td", "th"):
                parts.append(" ")
            if el.text and isinstance(el.tag, str):
                parts.append(el.text)
        else:
            if skipping:
                skipping -= 1
                if skipping:
                    continue
            elif tag in _TEXT_BLOCKS:
                parts.append("\n")
            if el.tail:
                parts.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


def _page_tree(markup: str):
    import lxml.html

    # lxml refuses a str that declares its encoding; the text is decoded already.
    return lxml.html.document_fromstring(_XML_DECLARATION.sub("", markup, count=1))


def _prune(tree) -> int:
    """Drop the furniture the own rules recognise (share bars, related stories,
    newsletter pleas) from what the extractor kept; never an element holding
    most of the text (the story's own container may carry a class such as
    "promo-slot")."""
    doomed = []
    total = len(tree.text_content())
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in ("header", "footer") and any(a.tag in ("article", "main") for a in el.iterancestors()):
            continue  # an article's own header holds its headline and byline, dropped later
        attr = {k.lower(): v for k, v in el.attrib.items()}
        if (tag in _SKIP or _is_boilerplate(tag, attr)) and (
                tag in _SKIP or len(el.text_content()) * 2 <= total):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    return len(doomed)


def _readable(markup: str) -> str:
    from readability import Document as Readable
    import lxml.html

    summary = lxml.html.fromstring(Readable(_page_tree(markup)).summary(html_partial=True))
    _prune(summary)
    return _element_text(summary)


def extract_article(markup: str) -> str:
    """The article body by readability-lxml; "" if it is missing or fails.

    What the extractor keeps is then pruned of what the own rules know as
    furniture inside an article (share bars, related-story boxes, newsletter
    pleas), by tag, role and class.
    """
    try:
        import readability  # noqa: F401
    except ImportError:  # a build without it still reads pages, by the own parser
        return ""
    try:
        return _readable(markup)
    except Exception:  # noqa: BLE001 - any failure of the library means: use the fallback
        return ""


def page_date(markup: str) -> str | None:
    """The publication date by htmldate (fast mode: no dateparser, no network).

    On the benchmark pages whose URL carries a date it is right on 18 of 20,
    where the page's own meta and JSON-LD dates are right on 14 (they are in
    UTC, a day off for evening stories in America); the own rules (meta,
    JSON-LD, datelines above the story) fill in when it finds nothing.
    """
    try:
        from htmldate import find_date
    except ImportError:
        return None
    try:
        found = find_date(markup, original_date=True, extensive_search=False,
                          outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - no date is better than a failed read
        return None
    return found if isinstance(found, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", found) else None


def _strip_head_lines(text: str, info: dict) -> str:
    """What the extractor kept above the story, recognised for what it is:
    the headline or the outlet's name again, a byline, a dateline ("Posted on
    March 3, 2026 by Tom Ashby" gives both), or a known furniture line ("View
    this email in your browser").  Bylines and dates go to the metadata."""
    paragraphs = text.split("\n\n")
    known = {" ".join((info.get(key) or "").split()).lower() for key in ("title", "outlet")} - {""}
    drop = 0
    for para in paragraphs[:4]:
        if para.lower() in known or is_debris(para):
            pass
        elif info.get("title") and re.match(re.escape(para) + r"\s*[|–—:·-]\s*\S", info["title"]):
            info["title"] = para  # "<headline> | The Outlet" in <title>: the headline is this
        elif (m := _POSTED.match(para)) and (iso := parse_date_line(m["date"])):
            info["published"] = info.get("published") or iso
            info["byline"] = info.get("byline") or m["name"]
        elif m := _BYLINE.match(para):
            info["byline"] = info.get("byline") or m["name"]
        elif len(para) <= 60 and (iso := parse_date_line(para)):
            info["published"] = info.get("published") or iso
        else:
            break
        drop += 1
    return "\n\n".join(paragraphs[drop:])


_LETTER = re.compile(r"\w")


def _word_count(text: str | None) -> int:
    """Words, or for scripts written without spaces (Japanese, Chinese, Thai)
    a fifth of the letters: an English word is about five letters long."""
    if not text:
        return 0
    return max(len(text.split()), len(_LETTER.findall(text)) // 5)


def html_to_lines(markup: str) -> tuple[str, dict]:
    """Article text and metadata of an HTML page.

    ``info["extracted"]`` is True when the text is the extractor's, final
    as it is; False when it is the own parser's lines, which still need
    :func:`.cleanup.clean_text`.
    """
    markup = _defuse(markup)
    own_text, info = own_html_to_lines(markup)
    ld_body = info.pop("ld_body", None)
    # Today's metadata rules read the lines around the body (a "Posted on ...
    # by ..." line, a dateline): they fill what the page's head does not say.
    own = clean_text(clean_unicode(own_text))
    for key in ("title", "outlet", "byline", "published"):
        info[key] = info.get(key) or getattr(own, key)
    info["published"] = page_date(markup) or info["published"]
    body = _strip_head_lines(extract_article(markup), info)
    if _word_count(body) >= _MIN_ARTICLE_WORDS:
        info["extracted"] = True
        return body, info
    # Too little for an article: a short page (the extractor then returns the
    # whole page, menus and all) or one it could not read.  The own parser and
    # its clean-up, or the JSON-LD body if it says more; the extractor's few
    # words only when neither finds anything.
    own_words = _word_count(own.text)
    if ld_body and _word_count(ld_body) > own_words:
        info["extracted"] = True
        return ld_body, info
    if own_words == 0 and _word_count(body) >= 8:  # a sentence at least, not "Menu"
        info["extracted"] = True
        return body, info
    info["extracted"] = False
    return own_text, info


