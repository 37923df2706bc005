"""Sessions: round trip, recomputation, atomic writes, clear errors, autosave."""
from __future__ import annotations

import json
import os

import pytest

from conftest import SEED_003, SEED_004
from desktop.engine import compare, contract, read_documents
from desktop.engine.errors import ParallaxError
from desktop.engine.model import Document
from desktop.engine.session import (FORMAT, Session, SessionError, autosave_path, clear_autosave,
                                    load_session, read_autosave, save_session, write_autosave)


@pytest.fixture
def seed_session():
    documents, errors = read_documents([str(SEED_003), str(SEED_004)])
    assert not errors
    return Session(tuple(documents), (True, True), (0, 1), {"view": "side-by-side", "zoom": 1.25})


def _comparable(comparison):
    data = contract.to_dict(comparison)
    data.pop("generator")
    return data


def test_round_trip_keeps_everything(tmp_path, seed_session):
    path = tmp_path / "story.parallax"
    save_session(path, seed_session)
    loaded = load_session(path)
    assert loaded == seed_session
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT and data["version"] == 1
    assert set(data["documents"][0]) >= {"source", "text", "title", "outlet", "byline", "published"}
    assert data["included"] == [True, True] and data["pair"] == [0, 1]
    assert "saved" in data


def test_reopened_session_recomputes_the_same_comparison(tmp_path, seed_session):
    before = compare(seed_session.included_documents())
    path = tmp_path / "story.parallax"
    save_session(path, seed_session)
    after = compare(load_session(path).included_documents())
    assert _comparable(after) == _comparable(before)


def test_session_opens_after_original_files_are_gone(tmp_path):
    source = tmp_path / "gone.txt"
    source.write_text("Some text that was here.", encoding="utf-8")
    session = Session((Document(str(source), "Some text that was here.", title="T"),
                       Document("other.txt", "Other text.")))
    save_session(tmp_path / "s.parallax", session)
    source.unlink()
    loaded = load_session(tmp_path / "s.parallax")
    assert loaded.documents[0].text == "Some text that was here."
    assert loaded.included == (True, True) and loaded.pair is None


def test_unicode_and_odd_text_survive(tmp_path):
    text = "Zohran ‘Mamdani’ — “quotes”, émigré, 中文, emoji 🗽, NUL-free \\ backslash\n\n\"x\""
    session = Session((Document("a", text, outlet="Ü"), Document("b", "")), (True, False))
    save_session(tmp_path / "u.parallax", session)
    assert load_session(tmp_path / "u.parallax") == session


def test_failed_write_leaves_old_file_intact(tmp_path, seed_session, monkeypatch):
    path = tmp_path / "story.parallax"
    save_session(path, seed_session)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    changed = Session(seed_session.documents, (True, False))
    with pytest.raises(OSError):
        save_session(path, changed)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["story.parallax"]  # no temp file left


def test_unserialisable_settings_write_nothing(tmp_path):
    path = tmp_path / "s.parallax"
    with pytest.raises(TypeError):
        save_session(path, Session((Document("a", "x"),), settings={"bad": object()}))
    assert not path.exists()


def _write(tmp_path, content, name="s.parallax"):
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def _good():
    return {"format": FORMAT, "version": 1, "documents": [{"source": "a", "text": "x"}],
            "included": [True], "pair": None, "settings": {}, "saved": "2026-11-22T10:00:00"}


def _error(path):
    with pytest.raises(SessionError) as info:
        load_session(path)
    assert str(path) in str(info.value)
    assert isinstance(info.value, ParallaxError)
    return info.value.reason


def test_newer_version_is_refused_with_a_clear_reason(tmp_path):
    data = _good() | {"version": 7}
    reason = _error(_write(tmp_path, data))
    assert reason == "made by a newer Parallax (format version 7); this one reads up to 1"


def test_damaged_json(tmp_path):
    text = json.dumps(_good())
    reason = _error(_write(tmp_path, text[: len(text) // 2]))
    assert "damaged" in reason and "line" in reason


def test_missing_fields(tmp_path):
    data = _good()
    del data["documents"]
    assert "documents" in _error(_write(tmp_path, data))
    data = _good()
    del data["documents"][0]["text"]
    assert "'text'" in _error(_write(tmp_path, data, "t.parallax"))
    data = _good() | {"included": [True, False]}
    assert "included" in _error(_write(tmp_path, data, "i.parallax"))
    data = _good() | {"pair": [0, 5]}
    assert "pair" in _error(_write(tmp_path, data, "p.parallax"))


def test_not_a_session_file(tmp_path):
    assert _error(_write(tmp_path, "Hello, plain text")) == "not a Parallax session file"
    other = {"schema": "parallax.comparison/1", "articles": []}
    assert _error(_write(tmp_path, other, "c.parallax")) == "not a Parallax session file"
    binary = tmp_path / "b.parallax"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    assert "not a Parallax session file" in _error(binary)
    assert _error(tmp_path / "missing.parallax") == "no such file"


def test_autosave_cycle(tmp_path, monkeypatch, seed_session):
    folder = tmp_path / "data"
    # The engine is told where the autosave goes; it does not look anywhere else.
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path / "elsewhere"))
    assert autosave_path(folder) == folder / "autosave.parallax"
    assert read_autosave(folder) is None
    written = write_autosave(seed_session, folder)
    assert written == autosave_path(folder) and written.exists()
    assert read_autosave(folder) == seed_session
    assert not (tmp_path / "elsewhere").exists()
    clear_autosave(folder)
    assert read_autosave(folder) is None
    clear_autosave(folder)  # clearing twice is fine


def test_unreadable_autosave_is_not_offered_and_not_deleted(tmp_path):
    path = _write(tmp_path, _good() | {"version": 2}, "autosave.parallax")
    assert read_autosave(tmp_path) is None
    assert path.exists()


def test_session_validates_its_fields():
    docs = (Document("a", "x"), Document("b", "y"))
    assert Session(docs).included == (True, True)
    with pytest.raises(ValueError):
        Session(docs, (True,))
    with pytest.raises(ValueError):
        Session(docs, pair=(0, 0))
    assert Session(docs, (False, True)).included_documents() == (docs[1],)


def test_stories_and_reasons_round_trip_and_old_files_read_as_none(tmp_path, seed_session):
    """Each article keeps its own story: a later comparison may have told article 0 alone
    while article 1 still remembers the two together."""
    told = Session(seed_session.documents, (True, False), None, {}, ((1, "Reports another event: …"),),
                   ((0, (0,)), (1, (0, 1))))
    path = tmp_path / "two.parallax"
    save_session(path, told)
    assert load_session(path) == told
    assert load_session(_write(tmp_path, _good(), "old.parallax")).stories == ()


def test_one_story_round_trips_and_old_files_read_as_judged(tmp_path, seed_session):
    told = Session(seed_session.documents, (True, True), one_story=True)
    path = tmp_path / "one.parallax"
    save_session(path, told)
    assert load_session(path).one_story is True
    assert load_session(_write(tmp_path, _good(), "old.parallax")).one_story is False
    reason = _error(_write(tmp_path, _good() | {"one_story": "yes"}))
    assert reason.startswith("damaged session file") and "one_story" in reason


@pytest.mark.parametrize("field, value", [
    ("set_apart", [[0]]), ("set_apart", [[5, "why"]]), ("set_apart", [[True, "why"]]), ("set_apart", "x"),
    ("stories", [[0, "a"]]), ("stories", [[0, [3]]]), ("stories", [[0, 1]]), ("stories", {"a": 1}),
    ("stories", [[True, [0]]]),
])
def test_damaged_stories_or_reasons_are_refused_plainly(tmp_path, field, value):
    reason = _error(_write(tmp_path, _good() | {field: value}))
    assert reason.startswith("damaged session file") and (field in reason or "article number" in reason)
