"""Random and mutated bytes into every reader and into segmentation.

The only outcomes allowed are a Document or an IngestError -- and never the
readers' last-resort "internal error", which would mean a bug was papered over.
"""
import random

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT
from desktop.engine.errors import IngestError
from desktop.engine.ingest import READERS, document_from_text
from desktop.engine.model import Document
from desktop.engine.segment import segment

FIXTURES = ROOT / "tests" / "fixtures" / "formats"
SAMPLES = {
    ".pdf": "print.pdf", ".docx": "article.docx", ".rtf": "memo.rtf", ".eml": "newsletter.eml",
    ".mhtml": "saved_page.mhtml", ".mht": "saved_page.mhtml", ".html": "news_page.html",
    ".htm": "blog_comments.html", ".xhtml": "jsonld_page.html",
}
TEXT_SAMPLE = ("Officials said on Tuesday that the bridge would close.\n\n"
               "“It is safe,” the mayor said — twice. Café owners disagreed.\n").encode("utf-8")
SETTINGS = settings(max_examples=120, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _sample(suffix: str) -> bytes:
    name = SAMPLES.get(suffix)
    return (FIXTURES / name).read_bytes() if name else TEXT_SAMPLE


def _outcome(reader, data: bytes, suffix: str) -> None:
    try:
        doc = reader(data, f"fuzz{suffix}")
    except IngestError as exc:
        assert exc.reason and "internal error" not in exc.reason, exc.reason
        return
    assert isinstance(doc, Document) and doc.text.strip()


@st.composite
def mutated(draw, base: bytes):
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "dup", "truncate"]))
        if not data:
            data.extend(draw(st.binary(min_size=1, max_size=64)))
            continue
        at = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at: at + draw(st.integers(1, 512))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif op == "dup":
            data[at:at] = data[at: at + draw(st.integers(1, 256))]
        else:
            del data[at:]
    return bytes(data)


SUFFIXES = sorted(READERS)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_random_bytes(suffix):
    reader = READERS[suffix]

    @SETTINGS
    @given(st.binary(max_size=4096))
    def run(data):
        _outcome(reader, data, suffix)

    run()


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_mutated_real_files(suffix):
    reader = READERS[suffix]
    base = _sample(suffix)

    @SETTINGS
    @given(mutated(base))
    def run(data):
        _outcome(reader, data, suffix)

    run()


@pytest.mark.parametrize("suffix", [".html", ".eml", ".rtf", ".txt"])
def test_random_text_structures(suffix):
    """Text made of the characters each format cares about."""
    alphabet = {".html": "<>/=\"' abcdiv p script article class nav &;#x\n",
                ".eml": "Content-Type: text/html; multipart boundary=\"b\"\n--b <p>Ab.\r\n",
                ".rtf": "{\\}rtf1 par u-12? 'e9 * fonttbl bin5 title\n ab.",
                ".txt": "Ab. cd, “”’—\n\n\u00a0\u200bÃ©â€™"}[suffix]
    reader = READERS[suffix]

    @SETTINGS
    @given(st.text(alphabet=alphabet, max_size=2000))
    def run(text):
        head = {".rtf": "{\\rtf1 ", ".eml": "Subject: x\n"}.get(suffix, "")
        _outcome(reader, (head + text).encode("utf-8"), suffix)

    run()


@SETTINGS
@given(st.text(max_size=3000))
def test_segmentation_never_crashes(text):
    passages = segment(text, "A")
    for p in passages:
        assert 0 <= p.start <= p.end <= len(text)


@SETTINGS
@given(st.text(max_size=3000))
def test_pasted_text_then_segmentation(text):
    try:
        doc = document_from_text(text)
    except IngestError:
        return
    for p in segment(doc.text, "A"):
        assert 0 <= p.start < p.end <= len(doc.text)


def test_docx_mutations_of_the_zip_directory():
    """Targeted: corrupt the central directory and local headers of the .docx."""
    base = _sample(".docx")
    rng = random.Random(6)
    for _ in range(150):
        data = bytearray(base)
        for _ in range(rng.randint(1, 4)):
            at = rng.choice([rng.randrange(len(data)), len(data) - rng.randint(1, 100),
                             rng.randint(0, 60)])
            data[at % len(data)] = rng.randrange(256)
        _outcome(READERS[".docx"], bytes(data), ".docx")
