"""The blind-reading file of benchmarks/real_news.py: pairs read before, matched by their words."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import real_news as rn  # noqa: E402


def _write(tmp_path, rows):
    path = tmp_path / "read.tsv"
    lines = ["# seed, number, key A, key B, verdict"]
    lines += [f"40\t{n}\t{rn.text_key(a)}\t{rn.text_key(b)}\t{v}" for n, (a, b, v) in enumerate(rows, 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_read_pair_is_found_in_either_order_and_whatever_its_spacing(tmp_path, capsys):
    path = _write(tmp_path, [("Quake hits island.", "An earthquake struck the island.", "YES"),
                             ("Police made an arrest.", "A hearing was held.", "NO"),
                             ("The team lost.", "Fans left early.", "BORDERLINE")])
    readings = rn.load_readings(str(path))
    assert len(readings) == 3
    shown = [("An earthquake struck  the island.", "Quake hits\nisland.", True, False, 0.9),
             ("The team lost.", "Fans left early.", False, False, 0.6)]
    rn.print_readings(readings, shown)
    out = capsys.readouterr().out
    assert "YES 1/1, BORDERLINE 1/1, NO 0/1" in out
    assert "YES 0.500" in out


def test_the_keys_hold_no_text():
    key = rn.text_key("John Jenkin, 23, was arrested on Saturday.")
    assert len(key) == 16 and "Jenkin" not in key
    assert rn.text_key("a  b") == rn.text_key("a b") != rn.text_key("a c")


def test_the_shipped_reading_has_the_three_samples_of_forty():
    readings = rn.load_readings(str(Path(rn.ROOT) / "benchmarks" / "readings" / "blind-2026-12.tsv"))
    verdicts = sorted(readings.values())
    assert len(verdicts) == 120
    assert verdicts.count("YES") == 84 and verdicts.count("NO") == 25


def test_the_reading_is_split_by_the_marks_a_pair_carries(tmp_path, capsys):
    rows = [("One.", "Uno.", "YES"), ("Two.", "Dos.", "NO"), ("Three.", "Tres.", "YES"),
            ("Four.", "Cuatro.", "BORDERLINE")]
    readings = rn.load_readings(str(_write(tmp_path, rows)))
    # (a, b, chain gold, also-told, row confidence, linked directly, link probability)
    shown = [("One.", "Uno.", True, False, 0.9, True, 0.95),    # no mark
             ("Two.", "Dos.", False, False, 0.9, False, None),  # joined through others
             ("Three.", "Tres.", True, False, 0.9, True, 0.55),  # linked only weakly
             ("Four.", "Cuatro.", False, False, 0.6, True, 0.8)]  # in a weak row
    rn.print_readings(readings, shown)
    out = capsys.readouterr().out
    assert "linked directly: YES 2, BORDERLINE 1, NO 0" in out
    assert "joined through other members: YES 0, BORDERLINE 0, NO 1" in out
    assert "row not weak): YES 1, BORDERLINE 0, NO 0" in out
    assert "linked directly at 0.50-0.65: YES 1, BORDERLINE 0, NO 0" in out


def test_the_reading_of_the_strict_gold_itself_is_kept():
    readings = rn.load_readings(str(Path(rn.ROOT) / "benchmarks" / "readings" / "gold-strict-2026-12.tsv"))
    verdicts = sorted(readings.values())
    assert len(verdicts) == 80
    assert verdicts.count("YES") == 55 and verdicts.count("NO") == 7
    second = rn.load_readings(str(Path(rn.ROOT) / "benchmarks" / "readings" / "gold-strict-2026-12b.tsv"))
    assert len(second) == 80 and not set(second) & set(readings)  # a second sample, none read twice
