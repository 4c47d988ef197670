"""The lexicons (zicht.extract.lexicon): number words agree with num2words, classes are folded and unique."""

from __future__ import annotations

import pytest

from zicht.extract.lexicon import CODES, _fold, alternation, lexicons, mapping, words


@pytest.mark.parametrize("code", [c for c in CODES if c != "bg"])  # num2words has no Bulgarian
def test_number_words_agree_with_num2words(code: str) -> None:
    num2words = pytest.importorskip("num2words").num2words
    lexicon = next(lx for lx in lexicons() if lx.code == code)
    folded = {_fold(word): value for word, value in lexicon.numbers.items()}
    assert {i: folded.get(_fold(num2words(i, lang=code))) for i in range(100)} == {i: i for i in range(100)}


def test_bulgarian_numbers() -> None:
    bg = next(lx for lx in lexicons() if lx.code == "bg")
    assert (
        bg.numbers["двадесет и пет"] == 25
        and bg.numbers["нула"] == 0
        and len(set(bg.numbers.values())) == 100
    )


def test_no_number_word_has_two_values() -> None:
    seen: dict[str, int] = {}
    for lexicon in lexicons():
        for word, value in lexicon.numbers.items():
            assert seen.setdefault(_fold(word), value) == value, word


def test_classes_are_folded_and_joined() -> None:
    assert "jsem" in words("first_person") and "ik ben" in words("first_person")
    assert mapping("numbers")["eenenveertig"] == 41 and mapping("numbers")["dwadziescia piec"] == 25
    assert mapping("nationality")["ceska"] == "CZ"
    assert alternation(["twenty-one"]) == r"(?:twenty[\s-]+one)"
