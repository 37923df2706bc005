#!/usr/bin/env python3
"""Fit the learned decisions on the real news in ../shared/data and write them to resources/models/.

    .venv/bin/pip install -e .[train]     # numpy, for fitting only
    .venv/bin/python scripts/train_models.py
    .venv/bin/python scripts/train_models.py --events-only   # keep the shipped sentence scorer

Writes ``sentence_pair.json`` (the "lexical" sentence scorer: which two
sentences tell the same thing) and ``same_event.json`` (which two articles
report one event).  Both are fitted on every ECB+ topic here (1-35) and the
MSRP training pairs; ``benchmarks/real_news.py`` reports how they do on
topics they were not fitted on, by refitting per fold.
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import realdata as rd  # noqa: E402
import training as tr  # noqa: E402
from desktop.engine.events import EVENT_FEATURES, SENTENCE_FEATURES  # noqa: E402


def main(argv=None) -> int:
    events_only = "--events-only" in (argv if argv is not None else sys.argv[1:])
    if not rd.available():
        print(f"no data at {rd.data_root()}", file=sys.stderr)
        return 1
    out = ROOT / "resources" / "models"
    out.mkdir(parents=True, exist_ok=True)
    if events_only:
        # A change to the event features alone: the shipped scorer's links feed the refit.
        from desktop.engine.scoring import get_scorer

        scorer = get_scorer("lexical")
    else:
        ecb = tr.ecb_sentence_examples()
        msrp = tr.msrp_sentence_examples()
        gold = tr.gold_case_examples()
        scorer = tr.fit_scorer(ecb, msrp, "lexical", gold=gold)
        about = {"fitted_on": "ECB+ topics 1-35 (strict chain pairs; other-event pairs as negatives), "
                              "MSRP training pairs laid out as two articles",
                 "examples": {"ecb": len(ecb.rows), "msrp": len(msrp.rows), "own tuned cases": len(gold.rows)}}
        (out / "sentence_pair.json").write_text(
            tr.scorer_json(scorer.weights, scorer.link_threshold, scorer.strong_threshold, about) + "\n",
            encoding="utf-8")
    events = tr.event_examples(scorer, rd.topics())
    model = tr.fit_event_model(events)
    import json
    (out / "same_event.json").write_text(json.dumps({
        "features": list(EVENT_FEATURES), "weights": [round(w, 6) for w in model.weights],
        "threshold": model.threshold,
        "sentence_features": list(SENTENCE_FEATURES),
        "sentence_weights": [round(w, 6) for w in model.sentence_weights],
        "about": {"fitted_on": "article pairs of ECB+ mixed sets (3 articles of one event, 0-2 of "
                               "the other event of the topic), topics 1-35, and the tuned own cases; "
                               "the sentence model on the ECB+ sets' candidate sentence pairs",
                  "examples": events.pairs}}, indent=1) + "\n", encoding="utf-8")
    print(("" if events_only else f"wrote {out}/sentence_pair.json; ")
          + f"wrote {out}/same_event.json ({events.pairs} article pairs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
