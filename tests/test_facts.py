"""The facts stage: extractors and normalisers, and a gold score on real cases.

Gold cases live in ``tests/gold/align/<case>/facts.json`` (written with the
alignment gold) and ``tests/gold/facts/<case>/facts.json`` (small cases made
for this stage).  A planted conflict counts as found when one conflict fact
has a mention overlapping every planted mention (offsets found through the
mention's context).  A conflict fact whose mentions overlap the mentions of
an agreement in two or more articles is a false conflict; one that matches
no planted conflict at all is counted apart as unplanned.  Run with ``-s``
to see the per-case table.
"""
from __future__ import annotations

import functools
import json
import time
from pathlib import Path

import pytest

from desktop.engine import compare_files
from desktop.engine.facts.dates import find_dates, find_times
from desktop.engine.facts.items import Taken
from desktop.engine.facts.names import find_names
from desktop.engine.facts.notes import distinct_texts, quantity_note, wording_difference
from desktop.engine.facts.numbers import find_numbers, words_to_number
from desktop.engine.facts.quote_facts import relation as quote_relation
from desktop.engine.facts.quotes import find_quotes, normal_tokens
from desktop.engine.facts.values import relation
from desktop.engine.ingest import document_from_text
from desktop.engine.model import Article, CompareConfig, FactStatus
from desktop.engine.pipeline import compare

from conftest import SEED_003, SEED_004

GOLD = Path(__file__).resolve().parent / "gold"


def _article(text: str, published: str | None = None, aid: str = "A") -> Article:
    return Article(aid, "test", text, (), published=published)


def _quantities(text: str, published: str | None = None):
    article = _article(text, published)
    taken = Taken()
    return find_times(article, taken) + find_dates(article, taken) + find_numbers(article, taken)


def _compared(*texts: str):
    """The whole pipeline on a few short texts (a.txt, b.txt, ...), facts included."""
    return compare([document_from_text(t, f"{chr(97 + n)}.txt") for n, t in enumerate(texts)])


def _notes(*texts: str, status=None, kind=None, starting: str = "") -> list[str]:
    """The notes of the facts :func:`_compared` finds, of one status or kind, opening with ``starting``."""
    return [f.note for f in _compared(*texts).facts
            if (status is None or f.status == status) and (kind is None or f.kind == kind)
            and f.note.startswith(starting)]


def _quotes(text: str) -> list:
    """The quotations the facts stage finds in ``text``, with their speakers."""
    article = _article(text)
    hits, people = find_names(article)
    return find_quotes(article, hits, people)


def _speakers(text: str) -> list:
    """The speaker the facts stage gives each quote of ``text``."""
    article = _article(text)
    hits, people = find_names(article)
    return [q.speaker for q in find_quotes(article, hits, people)]


def _one(text: str, kind: str, published: str | None = None):
    items = [i for i in _quantities(text, published) if i.kind == kind]
    assert len(items) == 1, [(i.kind, i.text) for i in items]
    item = items[0]
    assert text[item.start:item.end] == item.text
    return item


# -- numbers ----------------------------------------------------------------

@pytest.mark.parametrize("words, value", [
    ("five", 5), ("twenty-five", 25), ("two hundred and five", 205), ("a dozen", 12),
    ("twelve thousand", 12000), ("one million", 1_000_000), ("forty", 40),
])
def test_words_to_number(words, value):
    assert words_to_number(words) == value


def test_count_with_noun_and_event():
    item = _one("Five passengers were hurt when the bus hit the rail.", "number")
    assert item.value == 5 and item.key == "passenger|injured"
    assert item.text == "Five"
    assert item.label == "passengers hurt"


def test_count_noun_after_modifier():
    item = _one("Officials said 40 police officers responded.", "number")
    assert item.value == 40 and item.extra["head"] == "officer"


def test_digits_with_commas_and_hedges():
    item = _one("The fire burned about 2,500 acres.", "number")
    assert item.value == 2500 and item.approx and item.lo < 2500 < item.hi
    more = _one("More than 40 firefighters came.", "number")
    assert more.lo == 40 and more.hi == float("inf")
    nearly = _one("It stayed shut for nearly three days.", "number")
    assert nearly.value == 3 and nearly.hi == 3 and nearly.lo < 3


def test_labels_and_scores_are_not_counts():
    assert not [i for i in _quantities("Take Route 9 to the Flight 370 memorial; the vote was 5-2.")
                if i.kind == "number"]


def test_names_and_addresses_hold_no_counts():
    """"76ers" is a team, "911 calls" an emergency line, "1800 Pitkin Ave." an address (no
    year either); "5km" and "21 points" stay figures."""
    for text in ("The Philadelphia 76ers fired Maurice Cheeks.", "Police got 911 calls at dawn.",
                 "The fire at 1800 Pitkin Ave. spread.", "He lives at 221 Baker Street now."):
        assert _quantities(text) == [], text
    assert _one("It ran 5km in the rain.", "number").value == 5
    assert _one("He scored 21 points.", "number").label == "points"


def test_money_forms():
    for text in ("They released $1.5 million on Monday.", "They released 1.5 million dollars on Monday."):
        item = _one(text, "money")
        assert item.value == {"amount": 1_500_000, "currency": "USD"}
    euro = _one("The plan costs €3bn in total.", "money")
    assert euro.value == {"amount": 3_000_000_000, "currency": "EUR"}
    # Finance shorthand (ECB+ 10_ecbplus: "an eight-year, $200MM deal" had read as $200).
    assert _one("They offered Mark Teixeira an eight-year, $200MM deal.", "money").value == \
        {"amount": 200_000_000, "currency": "USD"}



def test_what_a_sum_is_about_is_no_owner():
    """An owner ("the world's") is never what a sum is about; the words right after the sum are."""
    heist = _one("He made off with jewellery worth 103 million euros in one of the world's "
                 "biggest ever heists.", "money")
    assert heist.extra["topic"] is None  # was "world'"
    assert _one("Oregon set aside $42 million for repairs.", "money").extra["topic"] == "repair"


def test_percent_forms():
    assert _one("About 45 percent of the bridges are poor.", "percent").value == 0.45
    assert _one("Only 27% approve.", "percent").value == 0.27
    fifths = _one("Two fifths of its spans are poor.", "percent")
    assert fifths.value == 0.4 and fifths.extra["topic"] == "span"


# -- dates and times ----------------------------------------------------------

def test_absolute_dates():
    assert _one("It opened on November 21, 2025 in Washington.", "date").value == "2025-11-21"
    assert _one("He arrived in 2019 from Uganda.", "date").value == "2019"
    assert _one("The work starts June 3.", "date", published="2025-05-20").value == "2025-06-03"
    early = _one("He won in early November 2025.", "date")
    assert early.value == "2025-11-01/2025-11-10" and early.approx


def test_relative_dates_resolve_against_publication():
    # Told ahead ("will", "begins"): the coming Thursday; told as past: the last one.
    assert _one("Crews will clear it Thursday.", "date", published="2025-11-22").value == "2025-11-27"
    assert _one("The team begins its postseason Thursday.", "date", published="2025-11-22").value == "2025-11-27"
    assert _one("Crews cleared it Thursday.", "date", published="2025-11-22").value == "2025-11-20"
    # A fixture to come: "advances to play Saturday", published on the Friday before.
    assert _one("Creighton advances to play Saturday in the semifinal.", "date",
                published="2013-03-08").value == "2013-03-09"
    assert _one("It was built last year.", "date", published="2025-11-22").value == "2024"
    unresolved = _one("Crews will clear it Thursday.", "date")
    assert unresolved.value == "Thursday" and unresolved.extra["weekday"] == 3


def test_weekday_agrees_with_its_date():
    friday = _one("The meeting on Friday went well.", "date")
    day = _one("They met on November 21, 2025.", "date")
    assert relation(friday, day) == "same"
    thursday = _one("They met Thursday.", "date")
    assert relation(thursday, friday) == "conflict"


def test_times():
    item = _one("It gave way at 6:40 a.m. on the dot.", "time")
    assert item.value == "06:40" and item.text == "6:40 a.m."
    spaced = _one("They struck at around 4:30 a. m. local time.", "time")
    assert spaced.value == "04:30" and distinct_texts([spaced]) == ["around 4:30 a. m."]
    vague = _one("It fell shortly after noon.", "time")
    assert vague.value == "12:00" and vague.approx and vague.lo == 720 < vague.hi


def test_a_time_told_as_a_deadline_bounds_it_from_one_side():
    # ECB+ 13_ecbplus: "By 6:40 a.m. the fire was under control" against the call that
    # "came in at 3:30 a.m.": a deadline says nothing of how much earlier it was done.
    by = _one("By 6:40 a.m. the fire was under control.", "time")
    assert relation(by, _one("The call came in at 3:30 a.m.", "time")) == "compatible"
    assert relation(by, _one("The fire was under control at 7:15 a.m.", "time")) == "conflict"
    after = _one("The first engines arrived after 10 p.m.", "time")
    assert relation(after, _one("They left at 4:00 a.m.", "time")) == "conflict"  # a time of day
    assert relation(after, _one("It was over at 11:50 p.m.", "time")) == "compatible"


def test_a_conflict_note_joins_one_value_written_two_ways():
    items = [_one(text, "number") for text in ("A total of 10 people were killed.",
                                                 "Three people were killed.", "Ten people were killed.")]
    note = quantity_note(items, FactStatus.CONFLICT, False)
    assert note.endswith(": 10 / ten vs three"), note
    assert distinct_texts([_one("THREE PEOPLE KILLED in the blast.", "number")]) == ["three"]  # not "tHREE"
    about = [_one("It lies about 25 miles away.", "number")] * 2
    assert quantity_note(about, FactStatus.AGREE, True) == "miles: about 25 (same)"


def test_ages_are_keyed_by_whose_they_are():
    def age(text):
        item = _one(text, "number")
        return item.value, item.key, item.label

    assert age("Sixty-year-old Sharron Diane Crawford Smith was charged.") == (60, "age|smith", "age")
    assert age("Chief Williams said 61-year-old Sharron Smith was arrested.") == (61, "age|smith", "age")
    assert age("A 61-year-old Akron man died.") == (61, "age|man", "age")
    assert age("Joe Smith, 61, of Akron was killed.") == (61, "age|smith", "age")
    assert age("He killed his mother, 60, at home.") == (60, "age|mother", "age")
    assert age("An arrest in a 41-year-old double murder case.")[1:] == (None, "")  # a case's age
    assert age("Boston, 3, beat Chicago.")[1] is None  # a score, not Boston's age


def test_two_reports_give_one_woman_two_ages():
    a = ("Sixty-year-old Sharron Smith is now accused of murdering two women at a Staunton ice cream "
         "store in 1967. She was arrested on Friday.")
    b = ("Police Chief Jim Williams announced 61-year-old Sharron Smith was arrested Friday and charged "
         "with murdering two women at a Staunton ice cream store in 1967.")
    assert _notes(a, b, status=FactStatus.CONFLICT, starting="age") == ["age: sixty vs 61"]


def test_a_family_named_by_one_surname_is_several_people():
    a = ("Police shot Kimani Gray, 16, in East Flatbush on Saturday night. His sister Mahnefah Gray said "
         "he was unarmed.")
    b = ("Kimani Gray was shot by two officers on Saturday night in Brooklyn. Mahnefah Gray, his sister, "
         "disputed the police account.")
    named = sorted(n for n in _notes(a, b) if n.endswith("named in A, B") and "Gray" in n)
    assert named == ["Kimani Gray named in A, B", "Mahnefah Gray named in A, B"]


def test_one_agreement_per_thing_agreed():
    """"Sunday" agreed in two points of the story is one agreement, not the same line twice."""
    a = ("Protesters clashed with police in Athens on Sunday. The riots began after a boy was shot. "
         "On Sunday, students marched to parliament. Shops were burned.")
    b = ("Youths fought police in Athens on Sunday. A teenage boy was shot dead by police. "
         "Thousands of students marched to parliament on Sunday. Dozens of shops were burned.")
    facts = _compared(a, b).facts
    sundays = [f for f in facts if f.note == "date: Sunday (same)"]
    assert len(sundays) == 1 and sundays[0].group is None
    assert [m.article for m in sundays[0].mentions] == ["A", "A", "B", "B"]


def test_one_weekday_of_two_happenings_is_no_agreement():
    """Outside a group, equal weekdays agree only where their sentences tell alike."""
    a = ("A teenager was shot dead by police in Exarchia on Saturday night. Officers said he threw a "
         "bottle. The city was calm by morning.")
    b = ("Thousands rioted across the capital on Saturday, a week after the boy died. Ministers met "
         "in emergency session. Schools stayed shut.")
    assert not _notes(a, b, starting="date: Saturday")
    c = "Police in Exarchia shot dead a teenager on Saturday night, officers said."
    assert _notes(a, c, starting="date: Saturday") == ["date: Saturday (same)"]


def test_a_value_only_in_one_article_joins_the_agreement_on_it():
    from desktop.engine.facts.draft import Draft, fold_repeats
    from desktop.engine.model import FactKind, Mention

    def at(article, start):
        return Mention(article, f"{article}1", start, start + 4, "1967")

    agreed = Draft(FactKind.DATE, FactStatus.AGREE, "date: 1967 (same)", [at("A", 5), at("B", 9)], "G2",
                   subject="date: 1967")
    alone = Draft(FactKind.DATE, FactStatus.SINGLE, "date: 1967 (only in H)", [at("H", 40)], "G7",
                  subject="date: 1967")
    other = Draft(FactKind.DATE, FactStatus.SINGLE, "date: 1968 (only in H)", [at("H", 80)], "G7",
                  subject="date: 1968")
    folded = fold_repeats([agreed, alone, other])
    assert folded == [agreed, other]
    assert [m.article for m in agreed.mentions] == ["A", "B", "H"] and agreed.group is None
    # An agreement a conflict already holds every mention of goes: beside it, it contradicts it.
    weeks = Draft(FactKind.NUMBER, FactStatus.CONFLICT, "weeks: two vs three", [at("G", 1), at("H", 1), at("I", 1)])
    two = Draft(FactKind.NUMBER, FactStatus.AGREE, "weeks: two (same)", [at("G", 1), at("I", 1)],
                subject="weeks: two")
    other_two = Draft(FactKind.NUMBER, FactStatus.AGREE, "weeks: two (same)", [at("G", 90), at("I", 90)],
                      subject="weeks: two")
    assert fold_repeats([weeks, two]) == [weeks]
    assert fold_repeats([weeks, other_two]) == [weeks, other_two]


def test_a_few_hundred_is_as_vague_as_hundreds():
    few = _one("A few hundred youths attacked the police station overnight.", "number")
    assert few.text == "A few hundred" and few.approx and few.value == {"min": 200, "max": 999}
    several = _one("Several dozen officers arrived.", "number")
    assert several.value == {"min": 24, "max": 99}
    assert relation(_one("About 100 youths gathered.", "number"), few) != "agree"


def test_an_ordinal_is_no_count_and_a_sum_is_about_no_number():
    assert not [i for i in _quantities("She hosts the 81st Academy Awards, his 3rd arrest.") if i.kind == "number"]
    offer = _one("The Angels offered $160 million over eight years.", "money")
    assert offer.extra.get("topic") is None  # not 'amount (eight)'
    poll = _one("Some 68 percent believe the government mishandled it.", "percent")
    assert poll.extra.get("topic") is None  # not 'share (believe)'
    assert _one("Her 27% approval fell.", "percent").extra.get("topic") == "approval"


def test_a_share_of_a_place_is_named_as_written():
    # ECB+ 30_ecb: "52 percent in Egypt" was listed as "share (egypt)".
    assert _one("Outages reached 52 percent in Egypt.", "percent").extra["topic"] == "Egypt"
    assert _one("Some 40 percent of the Philippines was dark.", "percent").extra["topic"] == "Philippines"
    notes = _notes("Service was cut for 55 percent of voice traffic in Saudi Arabia and 52 percent in Egypt.",
                   "Service was cut for 55 percent of voice traffic in Saudi Arabia and 57 percent in EGYPT.",
                   kind="percent")
    # Topics compare without case: Egypt's two shares are one fact, and they differ.
    assert sorted(notes) == ["share (Egypt): 52 percent vs 57 percent", "share (voice): 55 percent (same)"]


def test_figures_that_name_or_clock_rather_than_count():
    rifles = [i.text for i in _quantities("They seized six AK 47 rifles and 12 magazines.") if i.kind == "number"]
    assert rifles == ["six", "12"]  # "AK 47" names a rifle, it counts none
    assert _one("McDermott now has 2,129 points-13 more than Buford.", "number").key == "point|"
    assert _one("He improved to 53-3 with 47 KO's.", "number").key == _one("(52-3, 46 KOs)", "number").key
    assert [i.text for i in _quantities("The fire was reported at 2045 GMT on Friday.")] == ["Friday"]
    assert [i.text for i in _quantities("In 2008 he retired.")] == ["2008"]


def test_a_birth_date_is_no_day_of_a_death():
    a = ("Bettie Page, the Southern gal-turned-pin-up-queen-turned born again Christian, died Thursday "
         "at age 85.\n\nHer agent said she had suffered a heart attack.")
    b = "Pin-up queen Bettie Page has died in Los Angeles.\n\nPage was born on April 22, 1923, in Nashville, Tenn."
    assert not _notes(a, b, status=FactStatus.CONFLICT, kind="date")


def test_hedged_figures_far_apart_are_two_things_not_one():
    def rel(a, b):
        return relation(_one(a, "number"), _one(b, "number"))

    assert rel("As many as 20 people were inside.", "As many as 20,000 people marched.") is None
    assert rel("It took more than three years.", "He got 485 years.") is None
    assert rel("At least 7 people were killed.", "At least 10 people were killed.") == "compatible"


def test_value_relations():
    about = _one("About 50 workers came.", "number")
    more = _one("More than 40 workers came.", "number")
    assert relation(about, more) == "compatible"
    four = _one("Four people were hurt.", "number")
    five = _one("Five people were hurt.", "number")
    assert relation(four, five) == "conflict"
    pct = _one("About 45 percent of spans.", "percent")
    frac = _one("Two fifths of spans.", "percent")
    assert relation(pct, frac) == "conflict"


# -- names and quotes -----------------------------------------------------------

def test_names_with_titles():
    text = ("Fire Chief Ray Ocampo said the injured were stable. Dana Kowalski, the state bridge "
            "engineer, arrived later. White House press secretary Carolyn Leavitt spoke. "
            "Ocampo said more.")
    hits, people = find_names(_article(text))
    assert people["ocampo"].roles.keys() == {"fire chief"}
    assert "Dana Kowalski" in people["kowalski"].full_names
    assert "press secretary" in people["leavitt"].roles
    assert len(people["ocampo"].hits) == 2
    assert any(h.kind == "place" and h.text == "White House" for h in hits)


def test_a_name_s_initials_stay_with_it():
    text = ('"We are disappointed," general manager A.J. Smith said in a statement. '
            "The record belongs to Duke's J.J. Redick. George H.W. Bush was president.")
    article = _article(text)
    hits, people = find_names(article)
    assert "A.J. Smith" in people["smith"].full_names
    assert "J.J. Redick" in people["redick"].full_names
    assert "George H.W. Bush" in people["bush"].full_names
    assert "Duke's J.J. Redick" not in people["redick"].full_names  # the name starts after the owner
    assert [q.speaker for q in find_quotes(article, hits, people)] == ["A.J. Smith"]
    spaced = _article('"We are disappointed," general manager A. J. Smith said.')
    assert "A. J. Smith" in find_names(spaced)[1]["smith"].full_names  # "A." is an initial, not "a"


def test_an_office_alone_names_no_one():
    text = ("The City Attorney's office said the case was not yet filed. The Surgeon General and an "
            "Assistant General Manager spoke. Tishana King and Alma Judge testified.")
    persons = [h.text for h in find_names(_article(text))[0] if h.kind == "person"]
    assert persons == ["Tishana King", "Alma Judge"]


def test_a_body_s_kind_alone_is_no_name():
    """"Police are searching" is no organisation named; "Congress voted" and "Marrenford Police" are."""
    text = ("Police are searching for the men. Congress voted on Tuesday. "
            "A spokesman for Marrenford Police said the store was closed at 0700 Coordinated Universal Time.")
    hits, _ = find_names(_article(text))
    orgs = [h.text for h in hits if h.kind == "organization"]
    assert orgs == ["Congress", "Marrenford Police"]
    assert not any("Time" in h.text for h in hits)  # a clock names no one



@pytest.mark.parametrize("name, kind", [
    ("Saudi Arabia", "place"), ("Middle East", "place"), ("Mediterranean Sea", "place"),
    ("Wasilla Bible Church", "organization"), ("Kraft Foods", "organization"),
    ("Boston Celtics", "organization"), ("Paris Kyriakides", "person"), ("Paris France", "place"),
    ("Kimani Gray", "person"), ("New Orleans", "place"), ("Bandar Abbas", "place"),
    ("New York Yankees", "organization"), ("North Carolina Tar Heels", "organization"),
    ("Southern California", "place"), ("Lower Manhattan", "place"), ("MacArthur Fellowship", "organization"),
    ("Persian Gulf", "place"), ("Leon Washington", "person"), ("Charlotte Rampling", "person"),
    # ECB+ 22 and 12: a place no list holds, opened by a point of the compass; a navy's command.
    ("Northeast Philly", "place"), ("East Flatbush", "place"), ("Little Richard", "person"),
    ("Western Naval Command", "organization"), ("West Coast Bank", "organization")])
def test_what_a_name_names(name, kind):
    from desktop.engine.facts.names import name_kind

    assert name_kind(name.split()) == kind


def test_a_place_name_alone_speaking_is_the_person_the_article_named_by_it():
    text = ('Singer Whitney Houston arrived on Friday. "It was a long day," Houston said. '
            "Fans in Houston cheered.")
    hits, _ = find_names(_article(text))
    alone = [(h.text, h.kind) for h in hits if h.text == "Houston"]
    assert alone == [("Houston", "person"), ("Houston", "place")]


_ARREST = "Police arrested {}, 38, on the interstate after the office shooting on Monday."
_FIRM = "{}, a consulting firm, said the cable was cut near Alexandria on Friday."


@pytest.mark.parametrize("a, b, notes", [
    # A surname without its particle is spelt otherwise; a space alone is style.
    (_ARREST.format("Anthony LaCalamita"), _ARREST.format("Anthony Calamita"),
     ["name: Anthony LaCalamita vs Anthony Calamita"]),
    (_ARREST.format("Judge Vincent DelGiudice"), _ARREST.format("Judge Vincent Del Giudice"), []),
    # An organisation's name spelt two ways; two teams of one city are two names.
    (_FIRM.format("Gordon Advisers"), _FIRM.format("Gordon Advisors"), ["name: Gordon Advisers vs Gordon Advisors"]),
    ("Chicago Cubs fans and Chicago Bulls fans met.", "Chicago Bulls fans and Chicago Cubs fans met.", []),
])
def test_a_name_spelt_two_ways(a, b, notes):
    assert _notes(a, b, status=FactStatus.CONFLICT) == notes


def test_a_first_name_spelt_two_ways_shows_each_spelling_and_not_the_family():
    # ECB+ 4_ecb: "her brother Jack Page" was listed in the Bettie / Betty Page conflict.
    a = ("Pin-up model Bettie Page died on Thursday in Los Angeles, aged 85. She is survived by "
         "her brother Jack Page of Nashville.")
    b = "Pin-up model Betty Page died on Thursday in Los Angeles, aged 85, her agent said."
    conflict, = [f for f in _compared(a, b).facts
                 if f.status == FactStatus.CONFLICT and f.kind.value == "person"]
    assert conflict.note == "name: Bettie Page vs Betty Page"
    assert sorted(m.text for m in conflict.mentions) == ["Bettie Page", "Betty Page"]
    from desktop.engine.facts.people import _spelling_of
    assert _spelling_of("B. Page", ("Bettie", "Betty")) and _spelling_of("Page", ("Bettie", "Betty"))
    assert _spelling_of("Kathryn Gomes", ("Catherine", "Katherine"))
    assert not _spelling_of("Gary Gomes", ("Catherine", "Katherine"))
    assert not _spelling_of("J. Page", ("Bettie", "Betty"))


def test_one_person_spelt_three_ways_is_one_conflict_giving_every_spelling():
    # ECB+ 20_ecbplus: "Heidar Alishvandi", "Heydar Alishvandi" and "Heydar Alishbandi" made two
    # conflicts, one per letter, the first naming two spellings while its articles showed three.
    texts = ("Provincial governor Heidar Alishvandi said ten people were killed in the quake.",
             "Provincial governor Heydar Alishvandi said ten people died in the quake.",
             "Provincial governor Heydar Alishbandi said the quake killed ten people.")
    conflicts = [f for f in _compared(*texts).facts
                 if f.status == FactStatus.CONFLICT and f.kind.value == "person"]
    assert [f.note for f in conflicts] == [
        "governor's name: Heidar Alishvandi vs Heydar Alishvandi vs Heydar Alishbandi"]
    assert sorted(m.text for m in conflicts[0].mentions) == [
        "Heidar Alishvandi", "Heydar Alishbandi", "Heydar Alishvandi"]


def test_words_before_a_name_that_are_no_part_of_it():
    """Headline verbs, an age or a kinship opening the run, and titles a report spells out,
    stay out of the name; a surname that is also a title ("King") stays in."""
    text = ("Named Maurice Cheeks coach in 2005. Twenty-year-old Andrew Lopez was shot. "
            "Half-brother Jonathan Carrasquillo testified. Senior Trooper William Hakim arrived. "
            "Tishana King saw it.")
    hits, _ = find_names(_article(text))
    assert [(h.text, h.role) for h in hits if h.kind == "person"] == [
        ("Maurice Cheeks", None), ("Andrew Lopez", None), ("Jonathan Carrasquillo", None),
        ("William Hakim", "trooper"), ("Tishana King", None)]


def test_a_place_word_may_open_a_place():
    text = "Thieves struck near Place Vendome. He died on Mount Sefton. Rio Ferdinand scored."
    hits, _ = find_names(_article(text))
    assert [(h.text, h.kind) for h in hits] == [("Place Vendome", "place"), ("Mount Sefton", "place"),
                                                ("Rio Ferdinand", "person")]


def test_no_stray_word_or_street_speaks():
    """"said a" and "said Nostrand Ave" name nobody; a description and a titled name do."""
    def speaker(text):
        return _speakers(text + " The end.")

    assert speaker('"We ran for our lives," said a.') == [None]
    assert speaker('"Stay inside," said Nostrand Ave.') == [None]
    assert speaker('"It was awful," said a local barber.') == ["a local barber"]
    assert speaker('"We will rebuild," said Mayor Jo Park.') == ["Mayor Jo Park"]


def test_a_speaker_named_in_full_is_not_a_namesake():
    """Two Grahams in one article: the father speaks, not his dead son; "Gray said" after
    "his sister Mahnefah Gray" is the sister."""
    speakers = _speakers
    assert speakers('Ramarley Graham was killed in 2012. "It never seems to end," said Frank Graham, '
                    "Ramarley's father.") == ["Frank Graham"]
    assert speakers('Kimani Gray was shot. His sister Mahnefah Gray spoke. "He was unarmed," Gray said.') \
        == ["Mahnefah Gray"]


def test_she_said_is_not_the_man_named_last():
    """A pronoun's speaker is the last person named that the article does not call the other
    way: the man shot ("He was 16.") cannot be "she", nor the woman praised "he"."""
    speakers = _speakers
    assert speakers('Tishana Jones watched from a window as officers shot Kimani Gray. He was 16. '
                    '"His hands were down," she said.') == ["Tishana Jones"]
    assert speakers("Msgr. Michael Farmer praised Dr. Regina Benjamin. She has run a clinic for years. "
                    '"I would hope her position is in line with the Church," he told CNA.') == ["Michael Farmer"]
    assert speakers('Mayor Jane Ortiz spoke to reporters. "A historic day," she said.') == ["Jane Ortiz"]


def test_a_speaker_given_by_a_description():
    """"…," a local barber told the Times: the barber, not the last person named; "the mayor
    said": the article's one mayor; a participle goes on from the verb before it."""
    assert _speakers('Kimani Gray was shot. "They have a hard time with us," a local barber told '
                     "The New York Times.") == ["a local barber"]
    assert _speakers('Mayor Jane Ortiz spoke. "A historic day," the mayor said.') == ["Jane Ortiz"]
    assert _speakers("Anthony LaCalamita said nothing after officers surrounded him, Sheriff Robert "
                     'Pickell said, describing the suspect as "subdued." It ended.') == ["Robert Pickell"]
    assert _speakers('"All links are back up," the company was quoted as saying.') == [None]


def test_a_single_quote_whose_close_is_misplaced_runs_into_no_other_paragraph():
    # ECB+ 19_8ecbplus: "‘common sense ’to" (the close's space on the wrong side) swallowed the next
    # paragraph as one quotation, which then "agreed" with another report's "Stay down".
    text = ("She added that her brother had too much ‘common sense ’to point a loaded gun at an officer.\n\n"
            "A neighbour said Gray called out: ‘Please don’t let me die! ’and the officers yelled back: "
            "‘Stay down, or we’ll shoot you again.’")
    assert [q.text for q in _quotes(text)] == ["Please don’t let me die!", "Stay down, or we’ll shoot you again."]


def test_quotes_and_speakers():
    text = ("“It is a miracle,” Mayor Linda Haverford said. ‘Donald Trump, since I know you’re "
            "watching, I have four words for you,’ Mamdani declared. \"It sounded like thunder,\" said "
            "Tomas Reyna. Gail Pruitt told reporters: “We ran.” She added, “Then it stopped.”")
    quotes = _quotes(text)
    got = [(q.text, q.speaker) for q in quotes]
    assert got == [("It is a miracle,", "Linda Haverford"),
                   ("Donald Trump, since I know you’re watching, I have four words for you,", "Mamdani"),
                   ("It sounded like thunder,", "Tomas Reyna"),
                   ("We ran.", "Gail Pruitt"),
                   ("Then it stopped.", "Gail Pruitt")]
    for q in quotes:
        assert text[q.start:q.end] == q.text


def test_quote_relations():
    a = normal_tokens("It’s a miracle nobody died today in this town")
    assert quote_relation(a, normal_tokens("It's a miracle nobody died today in this town")) == "same"
    assert quote_relation(a, normal_tokens("a miracle nobody died")) == "part"
    # Two or three words are a phrase many quotes hold ("like wildfire"), not a partial quote.
    assert quote_relation(a, normal_tokens("nobody died")) is None
    assert quote_relation(a, normal_tokens("It's a miracle nobody was hurt today in this town")) == "variant"
    assert quote_relation(a, normal_tokens("We will rebuild the bridge")) is None


# -- gold -------------------------------------------------------------------------

def _cases() -> list[Path]:
    return sorted(p.parent for p in GOLD.glob("*/*/facts.json"))


def _locate(case: Path, article_text: str, mention: list[str]) -> tuple[int, int]:
    text, context = mention[1], mention[2]
    at = article_text.find(context)
    assert at >= 0, f"{case.name}: context not found: {context!r}"
    inner = article_text.find(text, at, at + len(context))
    if inner < 0:
        inner = article_text.lower().find(text.lower(), at, at + len(context))
    assert inner >= 0, f"{case.name}: {text!r} not inside {context!r}"
    return inner, inner + len(text)


def score_case(case: Path, verbose: bool = True) -> dict:
    gold = json.loads((case / "facts.json").read_text(encoding="utf-8"))
    order_file = case / "gold.json"
    files = None
    if order_file.exists():
        files = json.loads(order_file.read_text(encoding="utf-8")).get("articles")
    if not files:
        files = sorted(p.name for p in case.glob("*.txt"))
    paths = [str((case / f).resolve()) for f in files]
    started = time.perf_counter()
    comparison = compare_files(paths, CompareConfig(find_facts=True))
    elapsed = time.perf_counter() - started
    by_file = {}
    for f, path in zip(files, paths):
        by_file[f] = next(a for a in comparison.articles if a.source == path or a.source.endswith(Path(f).name))

    def spans(entry):
        result = []
        for m in entry["mentions"]:
            article = by_file[m[0]]
            result.append((article.id, *_locate(case, article.text, m)))
        return result

    def hit(fact, span):
        aid, s, e = span
        return any(m.article == aid and m.start < e and s < m.end for m in fact.mentions)

    planted = [(c, spans(c)) for c in gold.get("conflicts", [])]
    agreements = [(a, spans(a)) for a in gold.get("agreements", [])]
    conflicts = [f for f in comparison.facts if f.status == "conflict"]
    found, missed = 0, []
    for entry, sp in planted:
        if any(all(hit(f, s) for s in sp) for f in conflicts):
            found += 1
        else:
            missed.append(entry["note"])
    agreed = sum(1 for _, sp in agreements
                 if any(f.status == "agree" and all(hit(f, s) for s in sp) for f in comparison.facts))
    against, unplanned, matched = [], [], 0
    for f in conflicts:
        for entry, sp in agreements:
            touched = {s[0] for s in sp if hit(f, s)}
            if len(touched) >= 2:
                against.append((f, entry["note"]))
                break
        if any(any(hit(f, s) for s in sp) for _, sp in planted):
            matched += 1
        else:
            unplanned.append(f)
    recall = found / len(planted) if planted else 1.0
    precision = matched / len(conflicts) if conflicts else 1.0
    if verbose:
        print(f"\n[{case.parent.name}/{case.name}] planted {len(planted)} found {found} "
              f"recall {recall:.2f} | conflicts {len(conflicts)} precision {precision:.2f} "
              f"against-agreement {len(against)} unplanned {len(unplanned)} | "
              f"agreements {len(agreements)} agreed {agreed} | "
              f"facts {len(comparison.facts)} | {elapsed * 1000:.0f} ms")
        for note in missed:
            print(f"   missed: {note}")
        for f, note in against:
            print(f"   FALSE (contradicts agreement '{note}'): {f.note}")
        for f in unplanned:
            print(f"   unplanned: {f.note}  [{'; '.join(m.article + ': ' + m.text for m in f.mentions)}]")
    return {"recall": recall, "precision": precision, "against": len(against),
            "unplanned": len(unplanned), "planted": len(planted), "found": found,
            "agreements": len(agreements), "agreed": agreed,
            "missed": missed, "false": [f.note for f, _ in against],
            "unplanned_notes": [f.note for f in unplanned]}


# Floors: planted conflicts each case must find.  Measured with the learned
# aligner (December 2026; the facts stage compares what alignment groups, so
# these move with it): bridge 9/9, school board 9/9, wildfire 8/9, council vote
# 5/5, factory fire 5/5, storm traps 0/0, seeds 003/004 3/3 (Zohran/Zahran,
# "Mayor-elect" vs "President" Mamdani, and the election: "victory celebration
# on November 2, 2024" / "earlier in early November had won", both undated,
# November 2025 read from 003's caption: facts.dates.told_when).  The hand-tuned aligner before it found
# 35 of 37 on these cases, which it was tuned on; on real news it put
# different things side by side (see benchmarks/real_news.py).
FOUND_FLOOR = {
    # 9 of 9 while the aligner read "rehabilitation" as a repair and "debris" as
    # "wreckage"; that cost it 0.04 of its strict recall on real news (rehab
    # clinics), so those words are the facts' synonyms only
    # (resources/facts/same_meaning.txt) and the bridge's rehabilitation cost and
    # debris-removal day are no longer side by side with their retellings.  The
    # day is found again across the unaligned sentences (facts.quantities.date_facts),
    # the cost by what it is for (purpose_facts: "rehabilitation" / "to overhaul").
    "align/bridge_collapse": 9,
    "align/school_board_budget": 9,
    "align/wildfire_evacuation": 8,
    "align/seeds_003_004": 3,
    "facts/council_vote": 5,
    "facts/factory_fire": 5,
    "facts/storm_traps": 0,
}
# storm_traps plants no conflict, only traps that must stay agreements; so that
# it cannot pass with the stage doing nothing, its agreements must be found
# (measured 10 of 12; no README figure).
AGREED_FLOOR = {"facts/storm_traps": 9}
OWN_FOUND_FLOOR = 36  # of 37 planted on the own cases (measured 36; see the bridge above)
# False conflicts allowed per case: none (measured none).
FALSE_ALLOWED: dict[str, int] = {}


def _case_id(case: Path) -> str:
    return f"{case.parent.name}/{case.name}"


@functools.cache
def _scored(case: Path) -> dict:
    return score_case(case)


@pytest.mark.parametrize("case", _cases(), ids=_case_id)
def test_gold_case(case):
    name = _case_id(case)
    assert name in FOUND_FLOOR, f"{name}: a new gold case needs its floor in FOUND_FLOOR"
    result = _scored(case)
    assert result["found"] >= FOUND_FLOOR[name], (
        f"{name}: found {result['found']} of {result['planted']} planted conflicts, "
        f"floor {FOUND_FLOOR[name]}; missed: {result['missed']}")
    if name in AGREED_FLOOR:
        assert result["agreed"] >= AGREED_FLOOR[name], (
            f"{name}: {result['agreed']} of {result['agreements']} planted agreements found "
            f"as agreeing facts, floor {AGREED_FLOOR[name]}")
    # "No false conflicts on any case": none may contradict a planted agreement ...
    allowed = FALSE_ALLOWED.get(name, 0)
    assert result["against"] <= allowed, f"{name}: conflicts against an agreement: {result['false']}"
    # ... and every conflict shown must be one that was planted (a genuine one the
    # gold missed belongs in its facts.json).
    assert result["unplanned"] <= allowed, f"{name}: unplanned conflicts: {result['unplanned_notes']}"


def test_own_gold_cases_together_keep_their_recall():
    own = [_scored(c) for c in _cases() if _case_id(c) != "align/seeds_003_004"]
    planted = sum(r["planted"] for r in own)
    found = sum(r["found"] for r in own)
    print(f"\nown cases: {found} of {planted} planted conflicts found")
    assert planted == 37, "the planted count changed: restate the README figure and the floor"
    assert found >= OWN_FOUND_FLOOR, f"found {found} of {planted}, floor {OWN_FOUND_FLOOR}"


def test_own_gold_cases_exist():
    assert len(list((GOLD / "facts").glob("*/facts.json"))) >= 2


# -- speed and plumbing --------------------------------------------------------------

def test_seed_pair_facts_are_well_formed():
    # Speed is measured by benchmarks/engine_speed.py, not asserted here.
    comparison = compare_files([str(SEED_003), str(SEED_004)])
    statuses = {f.status for f in comparison.facts}
    # Measured: 2 conflicts, 7 agreements, 39 single; the checks below need facts to check.
    assert {"conflict", "agree", "single"} <= statuses, \
        f"the seed pair should yield facts of every status; got {len(comparison.facts)}: {statuses}"
    for fact in comparison.facts:
        articles = {m.article for m in fact.mentions}
        assert len(articles) == (1 if fact.status == "single" else 2), (fact.id, fact.status, articles)
    ids = [f.id for f in comparison.facts]
    assert ids == [f"F{n}" for n in range(1, len(ids) + 1)]
    statuses = [f.status for f in comparison.facts]
    assert statuses == sorted(statuses, key=["conflict", "agree", "single"].index)
    for fact in comparison.facts:
        for m in fact.mentions:
            assert comparison.article(m.article).text[m.start:m.end] == m.text
    json.dumps([[m.value for m in f.mentions] for f in comparison.facts])


def test_former_titles_are_not_offices_now():
    text = "Former Mayor Eric Adams spoke. Then former president Barack Obama called. Mayor Zohran Mamdani said so."
    _, people = find_names(_article(text))
    assert not people["adams"].roles and not people["obama"].roles
    assert set(people["mamdani"].roles) == {"mayor"}


def test_facts_survive_the_json_contract():
    from desktop.engine.contract import from_dict, to_dict
    comparison = compare_files([str(p) for p in sorted((GOLD / "facts" / "council_vote").glob("*.txt"))])
    assert any(f.status == "conflict" for f in comparison.facts)
    data = json.loads(json.dumps(to_dict(comparison)))
    back = from_dict(data)
    assert [(f.id, f.kind, f.status, f.note) for f in back.facts] == \
        [(f.id, f.kind, f.status, f.note) for f in comparison.facts]


def test_cancel_stops_the_facts_stage():
    from desktop.engine.errors import Cancelled
    from desktop.engine.facts import find_facts
    comparison = compare_files([str(p) for p in sorted((GOLD / "facts" / "factory_fire").glob("*.txt"))],
                               CompareConfig(find_facts=False))
    with pytest.raises(Cancelled):
        find_facts(comparison, should_cancel=lambda: True)
    assert find_facts(comparison, should_cancel=lambda: False)


def test_a_worded_differently_note_cuts_at_words_with_one_ellipsis():
    a = ("I never thought it was shameful. I felt normal. It was better than pounding a typewriter "
         "eight hours a day, which gets monotonous.")
    b = ("I never thought it was shameful. I felt normal. It's just that it was much better than "
         "pounding a typewriter eight hours a day.")
    c, d = "We completed some passes, but were down 14-0. Then it was over.", "We completed some passes but we were down 14-0"
    for (x, y) in ((a, b), (c, d)):
        for side, source in zip(wording_difference(x, y), (x, y)):
            assert "……" not in side and ".…" not in side, side
            words = side.strip("…").split()
            assert " ".join(words) in source, side  # whole words of the quote, none cut short


def test_an_article_giving_two_clock_times_in_a_group_sits_out_and_the_rest_still_meet():
    """ECB+ 13_ecbplus: nine reports of one fire call in one group; the one that gives two
    times (the call and a later one) used to keep the other eight from being compared, and
    "3:33 a.m." against "3:30 a.m." (a real disagreement) went unflagged."""
    from dataclasses import replace

    from desktop.engine.facts.quantities import _clusters_for

    def of(kind, **texts):
        return {aid: [replace(i, article=aid) for i in _quantities(text) if i.kind == kind]
                for aid, text in texts.items()}

    times = of("time", A="A 911 caller reported the fire at 3:33 a.m.", B="The fire was reported at 3:30 a.m.",
               C="The call came at 3:30 a.m. and the chief arrived at 3:32 a.m.",
               D="The call reporting the fire came in at 3:30 a.m. (3:30 a.m. sharp).")
    assert [len(v) for v in times.values()] == [1, 1, 2, 2]
    # D repeats one time: it gives one value and stays in.
    assert [sorted(i.article for i in c) for c in _clusters_for("time", times)] == [["A", "B", "D"]]
    # Two reports, each with one of the two moments a third gives both of: no disagreement read.
    moments = of("time", A="Crews were called at 3:30 a.m.", B="Crews reached it at 3:42 a.m.",
                 C="Crews were called at 3:30 a.m. and reached it at 3:42 a.m.")
    assert _clusters_for("time", moments) == []
    # ... but three or more, split between the two, still disagree (13_ecbplus: eight reports).
    moments["E"] = of("time", E="The call came at 3:42 a.m.")["E"]
    assert len(_clusters_for("time", moments)) == 1
    # Dates keep the strict rule: two dates in one report are mostly two happenings.
    dates = of("date", A="It opened in 1997.", B="It opened in 1998.", C="Built in 1959, it closed in 2005.")
    assert [len(v) for v in dates.values()] == [1, 1, 2]
    assert _clusters_for("date", dates) == []


def test_a_past_toll_an_article_recalls_is_no_disagreement_with_the_toll_it_agrees_on():
    # ECB+ 20_ecbplus (nine reports): a report's lead says "killing 10 people" and further on it
    # recalls February's quake ("It killed 612 people ..."); that sentence paired with another
    # report's "Ten people were killed ..." and was flagged "people killed: ten vs 612".
    lead = ("An earthquake shook a sparsely populated island off southern Iran on Sunday, flattening "
            "seven villages and killing 10 people, officials said.\n\n"
            "Rescue teams reached the worst-hit villages by nightfall.\n\n"
            "The last major quake to hit southern Iran was in February, when a temblor rocked Zarand "
            "in Kerman province.\n\n"
            "It killed 612 people and injured more than 1,400, leveling several villages and leaving "
            "thousands homeless.")
    other = ("Ten people are killed and about 50 hurt.\n\n"
             "Ten people were killed and at least 50 injured when an earthquake razed mud-brick villages "
             "on the island of Qeshm on Sunday, officials and state media said.\n\n"
             "Rescue teams reached the worst-hit villages by nightfall, state media said.")
    third = ("A strong earthquake shook southern Iran on Sunday, flattening villages and killing ten "
             "people, officials said.\n\nRescue teams reached the villages worst hit by nightfall.")
    notes = _notes(lead, other, third, kind="number")
    assert "people killed: 10 / ten (same)" in notes
    assert not [n for n in notes if "612" in n and " vs " in n]
    # Set aside, the recalled toll leaves the others' own disagreement standing.
    recalls = ("An earthquake shook a remote island off southern Iran on Sunday, killing 10 people, "
               "officials said.\n\nRescue teams reached the island by nightfall.\n\nIn February another "
               "quake killed 612 people and injured 1,400 when it razed mud-brick villages in Kerman province.")
    says = ("An earthquake shook a remote island off southern Iran on Sunday, officials said.\n\n"
            "The quake killed {} people and injured 50 when it razed mud-brick villages on the island.")
    killed = [n for n in _notes(recalls, says.format("ten"), says.format("twelve"), kind="number")
              if n.startswith("people killed")]
    assert killed == ["people killed: ten vs twelve"]
    # A report that gives only the other figure still disagrees.
    assert "people killed: 12 vs ten" in _notes(
        "An earthquake shook southern Iran on Sunday, killing 12 people, officials said.",
        "A strong earthquake shook southern Iran on Sunday, killing ten people, officials said.",
        kind="number")


def test_two_weekdays_no_date_places_are_shown_as_two_values():
    # ECB+ 28_ecb: "died on Friday" / "died Thursday" in undated reports read "date: Friday /
    # Thursday", the way one value in two wordings is shown, not "Friday vs Thursday".
    notes = _notes("Mark Felt, the FBI official known as Deep Throat, died on Friday. He was 95.",
                   "Mark Felt, the FBI official known as Deep Throat, died Thursday at the age of 95.",
                   status=FactStatus.CONFLICT, kind="date")
    assert notes == ["date: Friday vs Thursday"]
    # One unplaced date in two wordings stays one value beside a second.
    assert _notes("The council met on November 3 to vote on the budget.",
                  "The council met on Nov. 3 to vote on the budget.",
                  "The council met on Nov. 4 to vote on the budget.", kind="date") == [
        "date: November 3 / Nov. 3 vs Nov. 4"]


def test_a_third_spelling_of_a_first_name_is_named_and_a_middle_name_is_none():
    # ECB+ 32_ecb: "Catherine Gomes vs Katherine Gomes" while a third report wrote "Kathryn".
    texts = ("Catherine Gomes, 18, and Robyn Mendes, 20, were found dead in the home on Tuesday.",
             "Katherine Gomes, 18, and Robyn Norma Mendes, 20, were found dead in the home on Tuesday.",
             "Kathryn Gomes, 18, and Robin Mendes, 20, were found dead in the home on Tuesday.")
    notes = sorted(_notes(*texts, status=FactStatus.CONFLICT, kind="person"))
    assert notes == ["name: Catherine Gomes vs Katherine Gomes vs Kathryn Gomes",
                     "name: Robyn Mendes vs Robin Mendes"]


def test_the_spellings_a_name_conflict_lists():
    from desktop.engine.facts.people import _spellings
    # ECB+ 4_ecb, 2_ecb, 32_ecb: like with like, a surname alone is no spelling, two forms that
    # share their first and last word but differ inside are two spellings.
    assert _spellings(["Bettie Page", "Bettie Mae Page", "Betty Mae Page"]) == "Bettie Mae Page vs Betty Mae Page"
    assert _spellings(["Hugh Hefner", "Hugh Heffner", "Heffner"]) == "Hugh Hefner vs Hugh Heffner"
    assert _spellings(["Robyn Mendes", "Robyn Norma Mendes", "Robin Mendes"]) == "Robyn Mendes vs Robin Mendes"
    assert _spellings(["Motion Pictures Arts", "Motion Picture Arts"]) == "Motion Pictures Arts vs Motion Picture Arts"
    # A surname alone first, an initial, a house style: none is a spelling of its own.
    assert _spellings(["Page", "Bettie Page", "Betty Page"]) == "Bettie Page vs Betty Page"
    assert _spellings(["Bettie Page", "Betty Page", "B. Page"]) == "Bettie Page vs Betty Page"
    assert _spellings(["José Alishvandi", "Jose Alishvandi", "Jose Alishbandi"]) == \
        "José Alishvandi vs Jose Alishbandi"
    assert _spellings(["Alishvandi", "Alishbandi"]) == "Alishvandi vs Alishbandi"
    # ECB+ 18_ecbplus (four reports): the surname alone is the only other spelling there is.
    assert _spellings(["Wolfe", "Ilene Wolff"]) == "Wolfe vs Ilene Wolff"
