"""Split cleaned article text into paragraphs and sentences with offsets.

Uses NLTK's Punkt with parameters shipped in ``resources/nltk`` (an
abbreviation list and sentence starters) so nothing is downloaded.
"""
from __future__ import annotations

import re
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .model import Passage
from .resources import word_list

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Closing quotes and brackets that Punkt leaves at the start of the next
# sentence when they follow the full stop (curly quotes are not in its rules).
_LEADING_CLOSERS = re.compile(r"^[”’\"')\]]+")
# "What else could it be?" Yanes said. -- Punkt ends the sentence at the question
# mark inside the quote and leaves the attribution alone as a sentence of its own.
_ATTRIBUTION = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|added|asked|wrote|explained|told\s+\w+)\.$")
_QUOTE_END = re.compile(r"[”’\"']\s*$")
# A name's initials ("general manager A.J. Smith said", "Duke's J.J. Redick"):
# Punkt knows single letters as initials but not a run of them, and ended the
# sentence there (20 of the 23 runs of initials before a capital in ECB+).
_INITIALS_END = re.compile(r"(?:^|[\s(])(?:[A-Z]\.){2,3}$")
# ... and the name going on after them: a capitalised word that is no common
# sentence opening, then a comma, a bracket, a lower-case word or the end
# ("Smith said", "Simons, 17", "Carlesimo (Oklahoma City)"); or "'s" (the D.A.'s
# office).  "U.S. They cheered", "Chapel Hill, N.C. The reigning" and "on I.R.
# New Orleans signed" stay two sentences.
_NAME_GOES_ON = re.compile(r"^(?:['’]s\b|([A-Z][a-z][\w'’-]*)(?=\s*[,(]|\s+[a-z]|\s*[.!?]?$))")
# A gun's calibre written with a space after its point ("a loaded. 38-caliber
# revolver", in four ECB+ reports of one shooting): no sentence starts there.
_CALIBRE = re.compile(r"^\d{2,3}(?:-|\s)?(?:caliber|calibre|cal\b|magnum\b)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(word_list("nltk", "abbreviations.txt"))
    # Single letters are initials ("Andrew M. Cuomo"), never sentence ends here.
    params.abbrev_types.update("abcdefghijklmnopqrstuvwxyz")
    params.sent_starters = set(word_list("nltk", "sentence_starters.txt"))
    return PunktSentenceTokenizer(params)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` as offsets into ``text``."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    spans = [[start + s, start + e] for s, e in _tokenizer().span_tokenize(chunk)]
    for i in range(1, len(spans)):
        closers = _LEADING_CLOSERS.match(text[spans[i][0]:spans[i][1]])
        if closers and closers.group()[0] in "\"'":
            # A straight quote closes only if the previous sentence left one open.
            previous = text[spans[i - 1][0]:spans[i - 1][1]]
            if previous.count(closers.group()[0]) % 2 == 0:
                closers = None
        if closers:
            spans[i - 1][1] = spans[i][0] + closers.end()
            spans[i][0] += closers.end()
            while spans[i][0] < spans[i][1] and text[spans[i][0]].isspace():
                spans[i][0] += 1
    # Punkt has no orthographic statistics here, so it splits after unknown
    # abbreviations ("D.S.A. member"); a sentence never starts in lower case.
    merged: list[list[int]] = []
    for span in spans:
        # Nor does one start with a dash: "— Zohran Mamdani" signs the quote before it.
        if merged and (text[span[0]:span[0] + 1].islower() or text[span[0]:span[0] + 1] in "—–"
                       or (_ATTRIBUTION.match(text[span[0]:span[1]].strip())
                           and _QUOTE_END.search(text[merged[-1][0]:merged[-1][1]]))
                       or _initials_go_on(text[merged[-1][0]:merged[-1][1]], text[span[0]:span[1]])
                       or _CALIBRE.match(text[span[0]:span[1]])):
            merged[-1][1] = span[1]
        else:
            merged.append(span)
    out = []
    for s, e in merged:
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _initials_go_on(before: str, after: str) -> bool:
    """Whether ``before`` ends in a name's initials that ``after`` goes on with."""
    if not _INITIALS_END.search(before.rstrip()):
        return False
    found = _NAME_GOES_ON.match(after.strip())
    return bool(found) and (found.group(1) or "").lower() not in word_list("nltk", "sentence_starters.txt")


def segment(text: str, article_id: str) -> tuple[Passage, ...]:
    """Sentences of the article as passages ``<article_id>1``, ``<article_id>2``..."""
    passages: list[Passage] = []
    for paragraph, (p_start, p_end) in enumerate(paragraph_spans(text)):
        for s, e in sentence_spans(text, p_start, p_end):
            passages.append(Passage(f"{article_id}{len(passages) + 1}", s, e, paragraph))
    return tuple(passages)
