"""Sentence segmentation with shipped Punkt parameters."""
from desktop.engine.segment import segment


def sentences(text):
    return [text[p.start:p.end] for p in segment(text, "A")]


def test_abbreviations_do_not_end_sentences():
    text = ("Gov. Kathy Hochul met Sen. Chuck Schumer and Rep. Hakeem Jeffries at 9 a.m. on Jan. 5 "
            "in Washington, D.C. with former Gov. Andrew M. Cuomo. The U.S. Senate then met.")
    got = sentences(text)
    assert got == ["Gov. Kathy Hochul met Sen. Chuck Schumer and Rep. Hakeem Jeffries at 9 a.m. on "
                   "Jan. 5 in Washington, D.C. with former Gov. Andrew M. Cuomo.",
                   "The U.S. Senate then met."]


def test_closing_quotes_stay_with_their_sentence():
    text = ("“We agreed a lot more than I thought.” Trump smiled. He said: \"It went well.\" "
            "Then he left. ‘It is a strange partnership.’ The analyst paused.")
    got = sentences(text)
    assert got[0] == "“We agreed a lot more than I thought.”"
    assert "He said: \"It went well.\"" in got
    assert "‘It is a strange partnership.’" in got


def test_offsets_point_into_the_text_and_paragraphs_are_counted():
    text = "First one. Second one.\n\nThird paragraph here."
    passages = segment(text, "B")
    assert [p.id for p in passages] == ["B1", "B2", "B3"]
    assert [p.paragraph for p in passages] == [0, 0, 1]
    assert text[passages[2].start:passages[2].end] == "Third paragraph here."


def test_lowercase_after_unknown_abbreviation_is_not_a_new_sentence():
    got = sentences("Cea Weaver, a tenant organizer and D.S.A. member, said she laughed.")
    assert len(got) == 1


def test_straight_opening_quote_starts_the_next_sentence():
    got = sentences('The chief said it was safe. "A poor rating is not a failing one," she said.')
    assert got == ["The chief said it was safe.", '"A poor rating is not a failing one," she said.']


def test_ranks_before_a_name_do_not_end_sentences():
    # ECB+ 18_6ecb: "Const." ended the sentence and left "Fanning said." alone.
    text = "The others escaped without injury, Const. Tim Fanning said. Pte. Lee and Cllr. Jones agreed."
    assert sentences(text) == ["The others escaped without injury, Const. Tim Fanning said.",
                               "Pte. Lee and Cllr. Jones agreed."]


def test_an_attribution_after_a_quote_stays_with_the_quote():
    text = ('"What else could it be?" Yanes said. The boy was found. '
            '“Hide, she’s got a gun!” Lt. Frank Vanore said. Officers ran in.')
    assert sentences(text) == ['"What else could it be?" Yanes said.', "The boy was found.",
                               "“Hide, she’s got a gun!” Lt. Frank Vanore said.", "Officers ran in."]


def test_a_short_sentence_that_is_no_attribution_stands_alone():
    assert sentences("He left. Enough said. Then he came back.") == \
        ["He left.", "Enough said.", "Then he came back."]
    assert sentences("The ship sank. Smith said. That was all.") == \
        ["The ship sank.", "Smith said.", "That was all."]


def test_a_name_s_initials_do_not_end_the_sentence():
    text = ('"We are disappointed," general manager A.J. Smith said in a statement. '
            "The record belongs to Duke's J.J. Redick, who set it in 2006. "
            "The D.A.'s office declined to comment. Running back J.J. Arrington could miss the game.")
    assert sentences(text) == [
        '"We are disappointed," general manager A.J. Smith said in a statement.',
        "The record belongs to Duke's J.J. Redick, who set it in 2006.",
        "The D.A.'s office declined to comment.",
        "Running back J.J. Arrington could miss the game."]


def test_initials_at_a_sentence_end_still_end_it():
    text = ("Shale drilling spread across the western U.S. They cheered the ruling. "
            "The game was played in Chapel Hill, N.C. The crowd stayed late. "
            "The Saints put Bush on I.R. New Orleans signed a cornerback.")
    assert len(sentences(text)) == 6


def test_a_prosecutor_s_ranks_and_a_spaced_calibre_do_not_end_sentences():
    # ECB+ 16_*ecbplus: "Dep." and "Dist." stood alone; 19_*ecbplus writes "a loaded. 38-caliber
    # revolver" (a space after the point) and "A loaded." stood alone in four reports.
    text = ("The case went to Dep. Dist. Atty. Steve Cooley. Gray had a loaded. 38-caliber revolver. "
            "38 people died.")
    assert sentences(text) == ["The case went to Dep. Dist. Atty. Steve Cooley.",
                               "Gray had a loaded. 38-caliber revolver.", "38 people died."]
