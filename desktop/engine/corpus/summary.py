"""What a corpus run says: per story and per outlet, as rows and an index page.

:func:`story_summary` reads one story's comparison and keeps what the
corpus tables need (a few kilobytes, stored beside the story's report, so
the tables can be rebuilt without comparing again); :func:`write_tables`
turns every story's summary into CSV tables (and Parquet, when ``pyarrow``
happens to be installed; it is never required) and ``index.html``.

A *point* is a group of passages told by two or more articles.  An article
*leaves out* a point when at least two other articles of its story tell it.
An outlet's *figures* are the facts other than people and quotes (numbers,
money, dates, ...) that it and another article both give; they *disagree*
when the comparison marks the fact a conflict.
"""
from __future__ import annotations

import csv
import html
import io
import os
from pathlib import Path
from typing import Iterable, Optional
from urllib.parse import urlsplit

from ..atomic import write_atomic
from ..model import Comparison

UNKNOWN_OUTLET = "(unknown)"
NOT_FIGURES = frozenset({"person", "quote"})
EXCERPT = 200


def outlet_of(outlet: Optional[str], source: str) -> str:
    """The outlet's name; a link's host when the article does not say; else "(unknown)"."""
    if outlet and outlet.strip():
        return outlet.strip()
    if source.lower().startswith(("http://", "https://")):
        host = urlsplit(source).hostname or ""
        return host[4:] if host.startswith("www.") else host or UNKNOWN_OUTLET
    return UNKNOWN_OUTLET


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[:EXCERPT - 1] + "…"


def story_summary(story_id: str, comparison: Comparison) -> dict:
    """The story's rows for the corpus tables (JSON-ready)."""
    articles = [a for a in comparison.articles if a.related] or list(comparison.articles)
    outlet = {a.id: outlet_of(a.outlet, a.source) for a in comparison.articles}
    points = [g for g in comparison.groups if len(g.articles()) >= 2]
    omissions = []
    for article in articles:
        for group in points:
            tellers = group.articles()
            # An article that tells the point in a passage of another group
            # (also told here) has not left it out.
            if article.id in group.told_by() or len(tellers) < 2:
                continue
            first_article, passage = comparison.passage(group.passages[0])
            omissions.append({"article": article.id, "point": group.id, "told_by": len(tellers),
                              "text": _excerpt(first_article.passage_text(passage))})
    conflicts, figures = [], {a.id: [0, 0] for a in comparison.articles}
    for fact in comparison.facts:
        involved = sorted({m.article for m in fact.mentions})
        if fact.kind not in NOT_FIGURES and len(involved) >= 2:
            for aid in involved:
                if aid in figures:
                    figures[aid][0] += 1
                    figures[aid][1] += fact.status == "conflict"
        if fact.status == "conflict":
            conflicts.append({"fact": fact.id, "kind": fact.kind, "note": fact.note,
                              "mentions": [{"article": m.article, "text": _excerpt(m.text)}
                                           for m in fact.mentions]})
    dates = sorted(a.published for a in articles if a.published)
    return {
        "story": story_id,
        "title": next((a.title for a in articles if a.title), None) or _excerpt(
            articles[0].passage_text(articles[0].passages[0]) if articles[0].passages else ""),
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "points": len(points),
        "articles": [{"article": a.id, "source": a.source, "outlet": outlet[a.id], "title": a.title,
                      "published": a.published, "related": a.related,
                      "figures": figures[a.id][0], "figures_disagreeing": figures[a.id][1]}
                     for a in comparison.articles],
        "omissions": omissions,
        "conflicts": conflicts,
    }


def singleton_summary(story_id: str, source: str, outlet: Optional[str], title: Optional[str],
                      published: Optional[str], text: str = "") -> dict:
    """The rows of a story only one article tells (nothing compared).

    With no title the story is named by the article's opening, as a compared story is by its
    first passage: a bare story id in the index tells a reader nothing."""
    lines = [line for line in text.splitlines() if line.strip()]
    # A dateline kept as a line of its own ("MOSCOW, Oct 3 (Reuters)") names no story.
    opening = next((line for line in lines if len(line.split()) >= 6), lines[0] if lines else "")
    return {"story": story_id, "title": title or (_excerpt(opening) if opening else None),
            "first_date": published, "last_date": published,
            "points": 0, "omissions": [], "conflicts": [],
            "articles": [{"article": "A", "source": source, "outlet": outlet_of(outlet, source),
                          "title": title, "published": published, "related": True,
                          "figures": 0, "figures_disagreeing": 0}]}


TABLES = {
    "stories": ("story", "articles", "outlets", "first_date", "last_date", "points", "conflicts",
                "omissions", "title", "report"),
    "coverage": ("story", "outlet", "source", "article", "related", "points_left_out"),
    "omissions": ("story", "outlet", "source", "article", "point", "told_by", "text"),
    "conflicts": ("story", "fact", "kind", "note", "outlet", "source", "article", "text"),
    "outlets": ("outlet", "articles", "stories", "stories_shared", "points_left_out",
                "figures_compared", "figures_disagreeing", "disagreement_rate"),
}


def table_rows(summaries: Iterable[dict], reports: dict[str, str]) -> dict[str, list[dict]]:
    """Every table's rows (see :data:`TABLES`) from the stories' summaries."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    per_outlet: dict[str, dict] = {}
    for s in summaries:
        by_id = {a["article"]: a for a in s["articles"]}
        left_out: dict[str, int] = {}
        for o in s["omissions"]:
            left_out[o["article"]] = left_out.get(o["article"], 0) + 1
            a = by_id[o["article"]]
            rows["omissions"].append({"story": s["story"], "outlet": a["outlet"], "source": a["source"],
                                      "article": o["article"], "point": o["point"],
                                      "told_by": o["told_by"], "text": o["text"]})
        for c in s["conflicts"]:
            for m in c["mentions"]:
                a = by_id.get(m["article"], {})
                rows["conflicts"].append({"story": s["story"], "fact": c["fact"], "kind": c["kind"],
                                          "note": c["note"], "outlet": a.get("outlet"),
                                          "source": a.get("source"), "article": m["article"],
                                          "text": m["text"]})
        outlets = sorted({a["outlet"] for a in s["articles"]})
        rows["stories"].append({"story": s["story"], "articles": len(s["articles"]),
                                "outlets": "; ".join(outlets), "first_date": s["first_date"],
                                "last_date": s["last_date"], "points": s["points"],
                                "conflicts": len(s["conflicts"]), "omissions": len(s["omissions"]),
                                "title": s["title"], "report": reports.get(s["story"], "")})
        for a in s["articles"]:
            rows["coverage"].append({"story": s["story"], "outlet": a["outlet"], "source": a["source"],
                                     "article": a["article"], "related": a["related"],
                                     "points_left_out": left_out.get(a["article"], 0)})
            o = per_outlet.setdefault(a["outlet"], {"outlet": a["outlet"], "articles": 0, "stories": set(),
                                                    "stories_shared": set(), "points_left_out": 0,
                                                    "figures_compared": 0, "figures_disagreeing": 0})
            o["articles"] += 1
            o["stories"].add(s["story"])
            if len(s["articles"]) > 1:
                o["stories_shared"].add(s["story"])
            o["points_left_out"] += left_out.get(a["article"], 0)
            o["figures_compared"] += a["figures"]
            o["figures_disagreeing"] += a["figures_disagreeing"]
    for o in sorted(per_outlet.values(), key=lambda o: (-o["articles"], o["outlet"])):
        compared = o["figures_compared"]
        rows["outlets"].append(dict(o, stories=len(o["stories"]), stories_shared=len(o["stories_shared"]),
                                    disagreement_rate=round(o["figures_disagreeing"] / compared, 4)
                                    if compared else None))
    return rows


def _csv(columns: tuple[str, ...], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return buffer.getvalue()


def write_tables(out: Path, summaries: Iterable[dict], reports: dict[str, str]) -> list[Path]:
    """Write ``out/tables/*.csv`` (and ``*.parquet`` with pyarrow) and ``out/index.html``."""
    rows = table_rows(summaries, reports)
    written = []
    tables = Path(out) / "tables"
    tables.mkdir(parents=True, exist_ok=True)
    for name, columns in TABLES.items():
        path = tables / f"{name}.csv"
        write_atomic(path, _csv(columns, rows[name]))
        written.append(path)
    written += _parquet(tables, rows)
    index = Path(out) / "index.html"
    write_atomic(index, index_page(rows))
    written.append(index)
    return written


def _parquet(folder: Path, rows: dict[str, list[dict]]) -> list[Path]:
    if os.environ.get("PARALLAX_NO_PARQUET"):
        return []
    try:
        import pyarrow as pa  # optional: only when the user has it
        import pyarrow.parquet as pq
    except ImportError:
        return []
    out = []
    for name, columns in TABLES.items():
        table = pa.table({c: [r.get(c) for r in rows[name]] for c in columns})
        path = folder / f"{name}.parquet"
        tmp = folder / f".{name}.parquet.p{os.getpid()}.tmp"
        pq.write_table(table, tmp)
        os.replace(tmp, path)
        out.append(path)
    return out


def index_page(rows: dict[str, list[dict]]) -> str:
    """The corpus's index: stories (largest first) linking their reports, then outlets."""
    e = html.escape
    stories = sorted(rows["stories"], key=lambda r: (-r["articles"], r["story"]))
    shared = [r for r in stories if r["articles"] > 1]
    lines = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             "<title>Parallax corpus</title>",
             "<style>body{font:15px/1.4 system-ui,sans-serif;margin:2em;max-width:70em}"
             "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;"
             "padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f4f4f4}"
             "td.n{text-align:right}.d{white-space:nowrap}</style></head><body>",
             f"<h1>Corpus: {len(stories)} stories, {sum(r['articles'] for r in stories)} articles</h1>",
             f"<p>{len(shared)} stories told by two or more articles, "
             f"{len(stories) - len(shared)} by one.  Tables: <a href=\"tables/stories.csv\">stories</a>, "
             "<a href=\"tables/outlets.csv\">outlets</a>, <a href=\"tables/coverage.csv\">coverage</a>, "
             "<a href=\"tables/omissions.csv\">points left out</a>, "
             "<a href=\"tables/conflicts.csv\">conflicts</a>.</p>",
             "<h2>Stories</h2><table><tr><th>Story</th><th>Articles</th><th>Outlets</th><th>Dates</th>"
             "<th>Points</th><th>Conflicts</th><th>Left out</th></tr>"]
    for r in stories:
        title = e(r["title"] or r["story"])
        link = f'<a href="{e(r["report"])}">{title}</a>' if r["report"] else title
        # A date never breaks inside ("2013-06-\n07"); a range may break at its dash.
        dates = " – ".join(f'<span class=d>{e(day)}</span>'
                           for day in dict.fromkeys(d for d in (r["first_date"], r["last_date"]) if d))
        lines.append(f"<tr><td>{link}</td><td class=n>{r['articles']}</td><td>{e(r['outlets'])}</td>"
                     f"<td>{dates}</td><td class=n>{r['points']}</td><td class=n>{r['conflicts']}</td>"
                     f"<td class=n>{r['omissions']}</td></tr>")
    lines.append("</table><h2>Outlets</h2><table><tr><th>Outlet</th><th>Articles</th><th>Stories shared "
                 "with others</th><th>Points left out</th><th>Figures compared</th><th>Disagreeing</th></tr>")
    for o in rows["outlets"]:
        rate = "" if o["disagreement_rate"] is None else f" ({o['disagreement_rate']:.0%})"
        lines.append(f"<tr><td>{e(o['outlet'])}</td><td class=n>{o['articles']}</td>"
                     f"<td class=n>{o['stories_shared']}</td><td class=n>{o['points_left_out']}</td>"
                     f"<td class=n>{o['figures_compared']}</td>"
                     f"<td class=n>{o['figures_disagreeing']}{rate}</td></tr>")
    lines.append("</table></body></html>")
    return "\n".join(lines) + "\n"
