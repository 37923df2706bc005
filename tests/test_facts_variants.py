"""House style is not a conflict; a name spelt differently is (issue 13)."""
from __future__ import annotations

import pytest

from desktop.engine.facts.people import _close
from desktop.engine.facts.quote_facts import relation as quote_relation
from desktop.engine.facts.quotes import normal_tokens
from desktop.engine.facts.variants import same_spelling


@pytest.mark.parametrize("a, b", [
    ("Place Vendome", "Place Vendôme"), ("Kodak Theatre", "Kodak Theater"), ("AMD’s", "AMD's"),
    ("Latter-day Saints", "Latter Day Saints"), ("MacBook", "Macbook"),
    ("Internationally Recognised Transit Corridor", "Internationally Recognized Transit Corridor"),
    ("Robert J. Pickell", "Robert Pickell"), ("neighbourhood", "neighborhood"),
    ("U. S. Geological Survey", "U.S. Geological Survey"), ("J. R. R. Tolkien", "J.R.R. Tolkien"),
    ("Robert J. K. Pickell", "Robert Pickell"),
    # ECB+ 30_ecbplus: a quote "worded differently" by "fibre" / "fiber" alone.
    ("a terrestrial fibre cut", "a terrestrial fiber cut"), ("100 metres", "100 meters"),
])
def test_style_variants_are_one_spelling(a, b):
    assert same_spelling(a, b)


@pytest.mark.parametrize("a, b", [
    ("Zohran", "Zahran"), ("Catherine", "Katherine"), ("Okafor", "Okafour"),
    ("Hefner", "Heffner"), ("Hurricane George", "Hurricane Georges"),
    ("Jean Fabre", "Jean Faber"), ("Petre", "Peter"),  # -re folds in lowercase words only
])
def test_misspelt_names_stay_apart(a, b):
    assert not same_spelling(a, b)
    assert _close(a.split()[-1], b.split()[-1])


def test_bettie_and_betty_are_two_spellings():
    assert not same_spelling("Bettie Page", "Betty Page")


def test_a_first_name_with_a_middle_initial_is_no_other_name():
    assert not _close("Robert J", "Robert")
    assert not _close("Theatre", "Theater")


def test_quotes_in_two_house_styles_are_the_same_quote():
    a = normal_tokens("Police locked down the neighbourhood and we realised this 11th hour rule")
    b = normal_tokens("Police locked down the neighborhood and we realized this eleventh-hour rule")
    assert quote_relation(a, b) == "same"
    assert quote_relation(normal_tokens("Everyone was making sure that people knew they were OK"),
                          normal_tokens("Everyone was making sure that people knew they were okay")) == "same"
    assert quote_relation(normal_tokens("Prices rose 5 per cent in a single year"),
                          normal_tokens("Prices rose 5 percent in a single year")) == "same"
    assert quote_relation(normal_tokens("how many kids will you kill today"),
                          normal_tokens("how many kids did you kill today")) != "same"


def test_an_agency_with_its_initials_spaced_out_is_no_conflict():
    # ECB+ topic 20: "U. S. Geological Survey" in three reports, "U.S. Geological Survey" in one.
    from desktop.engine.ingest import document_from_text
    from desktop.engine.model import FactStatus
    from desktop.engine.pipeline import compare

    texts = ["An earthquake shook the island on Sunday. The U. S. Geological Survey put its magnitude at 6.1.",
             "A strong quake hit the island on Sunday. The U.S. Geological Survey put its magnitude at 6.1."]
    comparison = compare([document_from_text(t, f"{n}.txt") for n, t in enumerate(texts)])
    conflicts = [f.note for f in comparison.facts if f.status == FactStatus.CONFLICT]
    assert not [n for n in conflicts if "Survey" in n], conflicts


def test_two_words_one_ending_apart_stay_two_words():
    assert not same_spelling("a rich timbre", "a rich timber")
    assert not same_spelling("entre", "enter")



def test_a_place_or_organisation_in_two_house_styles_is_named_alike():
    # ECB+ 24_ecbplus and 1_ecb: "Place Vendôme" / "Place Vendome", "Treatment Centre" / "Center".
    from desktop.engine.model import Document, FactKind, FactStatus
    from desktop.engine.pipeline import compare
    texts = ["Robbers raided a jeweller near Place Vendôme. Reid checked into Promises Treatment Centre.",
             "Robbers raided a jeweller near Place Vendome. Reid checked into Promises Treatment Center."]
    facts = compare([Document(source=f"{n}.txt", text=t) for n, t in enumerate(texts)]).facts
    named = {f.kind: f.note for f in facts if f.status == FactStatus.AGREE
             and f.kind in (FactKind.PLACE, FactKind.ORGANIZATION)}
    assert named.get(FactKind.PLACE, "").endswith("named in A, B"), named
    assert named.get(FactKind.ORGANIZATION, "").endswith("named in A, B"), named
