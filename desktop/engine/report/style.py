"""The HTML report's stylesheet, inlined into every report (no outside fetches).

Screen: prose sections keep a readable measure; the aligned-passages table
takes the full width.  Print: portrait pages for prose, a landscape named
page for the side-by-side table, rows never split across pages, header row
repeated, and backgrounds kept so the colour marks print too (the
underline / strike-through carry the meaning without them).
"""

CSS = """
:root {
  --ink: #1c1d21; --muted: #5b5f6a; --rule: #d9dbe1; --paper: #ffffff; --tint: #f5f6f8;
  --ins-bg: #d8f1de; --ins-ink: #0d5a26; --del-bg: #fbe0e0; --del-ink: #8c1d1d;
  --hit-bg: #fff0a8; --flag: #a4361a;
  --serif: "Iowan Old Style", "Palatino Linotype", Palatino, "Source Serif Pro", Georgia,
           "DejaVu Serif", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans",
          sans-serif;
}
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body { margin: 0 auto; padding: 2.5rem 3rem 3rem; max-width: 110rem;
       font: 17px/1.55 var(--serif); font-kerning: normal;
       font-variant-numeric: lining-nums proportional-nums;
       text-rendering: optimizeLegibility; hyphens: auto; -webkit-hyphens: auto;
       overflow-wrap: break-word; }
h1, h2, h3, .kicker, .meta, .tag, .pid, .legend, dt, .fact-kind, .row-flag, .count, th,
footer, .none, .absent, .value, .speaker { font-family: var(--sans); }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .2rem 0 .6rem; max-width: 48rem;
     font-weight: 700; letter-spacing: -.01em; hyphens: manual; }
h2 { font-size: 1.3rem; margin: 2.6rem 0 .8rem; padding-bottom: .3rem;
     border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.02rem; margin: 1.4rem 0 .4rem; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .75rem;
          color: var(--muted); margin: 0; }
.meta { color: var(--muted); margin: 0; max-width: 48rem; font-size: .9rem; }
.prose { max-width: 48rem; }
p { margin: .5rem 0; }
ul, ol { padding-left: 1.3rem; }
li { margin: .3rem 0; }
q { quotes: "“" "”" "‘" "’"; }
a { color: inherit; }
.tag { display: inline-block; min-width: 1.6em; padding: 0 .35em; border: 1px solid var(--ink);
       border-radius: 3px; font-size: .78em; font-weight: 700; text-align: center;
       line-height: 1.45; vertical-align: .08em; }
.none, .count { color: var(--muted); font-style: italic; }

nav.contents { font-family: var(--sans); font-size: .85rem; margin: 1.2rem 0 0;
                color: var(--muted); }
nav.contents a { color: var(--ink); text-decoration-color: var(--rule); }
:target { scroll-margin-top: 3rem; }
tr:target > * { background: var(--hit-bg); }

/* articles */
ol.articles { list-style: none; padding: 0; display: grid; gap: .8rem 1.6rem;
              grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); }
.article-card { display: flex; gap: .7rem; margin: 0; padding: .7rem .9rem;
                border: 1px solid var(--rule); border-radius: 4px; break-inside: avoid; }
.article-card .tag { font-size: 1rem; height: fit-content; }
.article-title { margin: 0 0 .3rem; font-family: var(--serif); font-size: 1.05rem;
                 line-height: 1.3; font-weight: 600; }
dl { margin: 0; font-size: .85rem; display: grid; grid-template-columns: auto 1fr;
     gap: 0 .6rem; }
dl > div { display: contents; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
.unrelated { border-style: dashed; background: var(--tint); }
.row-weak { display: block; font-weight: 400; font-size: .75rem; margin-top: .2rem; color: var(--muted);
            font-style: italic; }
.flag { margin: .4rem 0 0; font-size: .85rem; color: var(--flag); font-family: var(--sans); }
.errors { font-size: .9rem; }

/* facts */
ol.facts { padding-left: 0; list-style: none; counter-reset: fact; }
.fact { margin: 0 0 1.4rem; padding-left: .9rem; border-left: 4px solid var(--flag); }
.note { font-weight: 600; font-size: 1.05rem; margin: 0; }
.fact-kind { color: var(--muted); font-size: .78rem; margin: .1rem 0 .4rem;
             letter-spacing: .02em; }
table.said-by { border-collapse: collapse; width: 100%; font-size: .95rem; }
.said-by th { text-align: left; vertical-align: top; font-weight: 600; font-size: .85rem;
              padding: .35rem .8rem .35rem 0; width: 11rem; }
.said-by td { padding: .35rem 0; border-top: 1px solid var(--rule); }
.said-by tr:first-child td { border-top: 0; }
.said { margin: 0; }
.said q { font-weight: 600; }
.value, .speaker { color: var(--muted); font-size: .85rem; }
blockquote { margin: .2rem 0 0; color: var(--muted); font-size: .92rem; }
mark { background: var(--hit-bg); color: var(--ink); font-weight: 600; padding: 0 .1em; }
ul.brief { font-size: .92rem; }
ul.brief .fact-kind { margin-right: .3rem; }

/* aligned passages */
.legend { color: var(--muted); font-size: .85rem; max-width: 60rem; }
table.aligned { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: .93rem;
                line-height: 1.5; }
.aligned col.gcol { width: 5.2rem; }
.sideways { overflow: auto; max-height: 92vh; border-bottom: 1px solid var(--rule);
            position: relative; }  /* holds the marks' spoken labels, or they widen the page */
.aligned thead th { position: sticky; top: 0; background: var(--paper); text-align: left;
                    font-size: .85rem; padding: .4rem .7rem; border-bottom: 2px solid var(--ink); }
.aligned tbody th { vertical-align: top; text-align: left; font-size: .8rem; font-weight: 600;
                    padding: .55rem .4rem .55rem 0; color: var(--muted); }
.aligned td { vertical-align: top; padding: .55rem .7rem; border-left: 1px solid var(--rule); }
.aligned tbody tr { border-bottom: 1px solid var(--rule); break-inside: avoid; }
.aligned tr.has-conflict th { color: var(--flag); }
.row-flag { display: block; font-weight: 400; font-size: .75rem; margin-top: .2rem; }
.pid { color: var(--muted); font-size: .72rem; font-weight: 600; margin-right: .2rem;
       font-variant-numeric: lining-nums; }
td.empty { background: var(--tint); }
td.also { color: var(--muted); }
td.loose { outline: 1px dashed var(--muted); outline-offset: -3px; }
.also-note { display: block; font-family: var(--sans); font-size: .75rem; font-style: italic; }
.absent { color: var(--muted); font-size: .8rem; font-style: italic; }
ins { text-decoration: underline; text-decoration-thickness: .09em; text-underline-offset: .15em;
      background: var(--ins-bg); color: var(--ins-ink); }
del { text-decoration: line-through; text-decoration-thickness: .08em;
      background: var(--del-bg); color: var(--del-ink); }

/* screen readers hear what the marks mean; nothing extra is seen or copied */
ins::before, ins::after, del::before, del::after {
  position: absolute; width: 1px; height: 1px; overflow: hidden; white-space: nowrap;
  clip-path: inset(100%); clip: rect(0 0 0 0); }
ins::before { content: " [added: "; }
del::before { content: " [left out: "; }
ins::after, del::after { content: "] "; }

/* single-article passages */
.unique-article { break-inside: auto; }
p.only { margin: .45rem 0; }
footer { margin-top: 3rem; padding-top: .6rem; border-top: 1px solid var(--rule);
         color: var(--muted); font-size: .8rem; }

@page { size: A4 portrait; margin: 16mm 15mm 18mm;
        @bottom-left { content: "Parallax comparison report"; font: 7.5pt var(--sans);
                       color: #5b5f6a; }
        @bottom-right { content: "page " counter(page) " of " counter(pages);
                        font: 7.5pt var(--sans); color: #5b5f6a; } }
@page wide { size: A4 landscape; margin: 12mm 12mm 14mm; }
@media print {
  html { font-size: 12px; }
  html, body { background: #fff; }
  body { padding: 0; max-width: none; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .wide { page: wide; break-before: page; page-break-before: always; }
  #only-one { break-before: page; page-break-before: always; }
  .aligned { font-size: 8.8pt; }
  .aligned thead { display: table-header-group; }
  .aligned thead th { position: static; }
  .sideways { overflow: visible; max-height: none; border-bottom: 0; }
  table.aligned { min-width: 0 !important; }
  .aligned tbody tr, .said-by tr, .article-card, p.only { break-inside: avoid;
                                                          page-break-inside: avoid; }
  .note, .fact-kind { break-after: avoid; page-break-after: avoid; }
  a { text-decoration: none; }
  nav.contents { display: none; }
  ol.articles { grid-template-columns: 1fr 1fr; }
}
@media (max-width: 50rem) {
  body { padding: 1.2rem; }
  table.aligned { table-layout: auto; }
}
"""
