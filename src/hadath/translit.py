"""Readable romanisation of Arabic names the knowledge base does not know."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hadath.errors import LexiconError
from hadath.lexicons.frozen import FrozenMap
from hadath.lexicons.load import load_yaml, require_mapping
from hadath.normalize import Normalizer

TRANSLIT_FILE = "actors/transliteration.yaml"


@dataclass(frozen=True, slots=True)
class Romaniser:
    """Letter tables for romanising a normalised Arabic name."""

    consonants: Mapping[str, str]
    vowels: Mapping[str, tuple[str, str]]
    article: str
    article_latin: str
    initial: Mapping[str, str] = FrozenMap()

    def letter(self, word: str, i: int) -> str:
        """Romanise the letter at i: a long-vowel letter after a consonant is a vowel."""
        ch = word[i]
        if i == 0 and ch in self.initial:
            return self.initial[ch]
        if ch in self.vowels:
            vowel, consonant = self.vowels[ch]
            after_consonant = i > 0 and word[i - 1] not in self.vowels
            return vowel if after_consonant or ch == word[0] == "ا" else consonant
        return self.consonants.get(ch, ch if ch.isascii() else "")

    def word(self, word: str) -> str:
        """Romanise one normalised word, with the article as a hyphenated prefix."""
        prefix = ""
        if word.startswith(self.article) and len(word) > len(self.article) + 1:
            prefix, word = self.article_latin, word[len(self.article) :]
        latin = "".join(self.letter(word, i) for i in range(len(word)))
        return prefix + latin[:1].upper() + latin[1:]

    def name(self, arabic: str, fold: Normalizer) -> str:
        """Romanise a name, each word capitalised after any article ("السيسي" -> "al-Sisi")."""
        words = [self.word(w) for w in fold(arabic).split()]
        named = " ".join(w for w in words if w)
        return named[:1].upper() + named[1:]


def _vowels(data: Any, where: str) -> Mapping[str, tuple[str, str]]:
    table = {}
    for letter, forms in require_mapping(data, where).items():
        forms = require_mapping(forms, f"{where}: {letter}")
        if not isinstance(forms.get("vowel"), str) or not isinstance(forms.get("consonant"), str):
            raise LexiconError(f"{where}: {letter} needs 'vowel' and 'consonant' strings")
        table[letter] = (forms["vowel"], forms["consonant"])
    return FrozenMap(table)


def load_romaniser(fold: Normalizer) -> Romaniser:
    """Load and check the romanisation tables (keys are normalised like the text)."""
    data = require_mapping(load_yaml(TRANSLIT_FILE), TRANSLIT_FILE)
    consonants = require_mapping(data.get("consonants"), f"{TRANSLIT_FILE}: consonants")
    article = require_mapping(data.get("article"), f"{TRANSLIT_FILE}: article")
    if not all(isinstance(v, str) for v in consonants.values()):
        raise LexiconError(f"{TRANSLIT_FILE}: every consonant needs a Latin string (may be empty)")
    return Romaniser(
        consonants=FrozenMap({fold(k): v for k, v in consonants.items()}),
        vowels=_vowels(data.get("long_vowels"), f"{TRANSLIT_FILE}: long_vowels"),
        article=fold(str(article.get("arabic", ""))),
        article_latin=str(article.get("latin", "")),
        initial=FrozenMap(
            {
                fold(k): str(v)
                for k, v in require_mapping(data.get("initial") or {}, TRANSLIT_FILE).items()
            }
        ),
    )
