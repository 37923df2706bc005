"""The JSON contract: exact founding fields, round trip, additions only."""
import json

import pytest

from conftest import SEED_003, SEED_004
from desktop.engine import compare_files, contract

FOUNDING_ARTICLE_FIELDS = {"id", "source", "title", "outlet", "published", "text", "passages"}


@pytest.fixture(scope="module")
def comparison():
    return compare_files([str(SEED_003), str(SEED_004)])


def test_founding_fields_are_all_present(comparison):
    data = contract.to_dict(comparison)
    assert data["schema"] == "parallax.comparison/1"
    assert {"articles", "groups", "facts"} <= set(data)
    for article in data["articles"]:
        assert FOUNDING_ARTICLE_FIELDS <= set(article)
        for passage in article["passages"]:
            assert {"id", "start", "end", "paragraph"} <= set(passage)
    for fact in data["facts"]:
        assert {"id", "kind", "status", "group", "note", "mentions"} <= set(fact)
        for mention in fact["mentions"]:
            assert {"article", "passage", "start", "end", "text", "value", "speaker"} <= set(mention)
            text = next(a["text"] for a in data["articles"] if a["id"] == mention["article"])
            assert text[mention["start"]:mention["end"]] == mention["text"]


def test_round_trip_gives_the_same_document(comparison):
    text = contract.dumps(comparison)
    again = contract.dumps(contract.loads(text))
    assert json.loads(again) == json.loads(text)


def test_foreign_or_damaged_documents_are_refused():
    with pytest.raises(ValueError):
        contract.loads('{"schema": "something/else"}')
    with pytest.raises(ValueError):
        contract.loads('{"schema": "parallax.comparison/1", "articles": [{"id": "A"}], "groups": []}')


def test_reading_warnings_reach_the_contract(tmp_path):
    french = tmp_path / "francais.txt"
    french.write_text(
        "Le maire de la ville a rencontré le président jeudi dans le bureau ovale. "
        "Les deux hommes ont parlé du logement, des prix et de la sécurité pendant une heure. "
        "Selon les conseillers, la réunion s'est déroulée dans un climat cordial et détendu.\n",
        encoding="utf-8")
    comparison = compare_files([str(SEED_003), str(french)])
    warned = contract.to_dict(comparison)["articles"][1]["warnings"]
    assert warned and "English" in warned[0]
