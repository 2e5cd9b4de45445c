"""Phrase look-up over tokens: lexicon entries keyed by the clitic-free stems of their words."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from hadath.lexicons.frozen import FrozenMap
from hadath.model import Token
from hadath.tokenize import TextRules, tokenize

T = TypeVar("T")


def _form(token: Token, by_norm: bool) -> str:
    return token.norm if by_norm else token.stem


def phrase_key(phrase: str, rules: TextRules, by_norm: bool = False) -> tuple[str, ...]:
    """Return the look-up key of a phrase as people write it: its token stems (or norms)."""
    return tuple(_form(token, by_norm) for token in tokenize(phrase, rules))


@dataclass(frozen=True, slots=True)
class PhraseIndex(Generic[T]):
    """Maps word sequences (as stems, or norms) to the values they stand for; longest match wins."""

    entries: Mapping[tuple[str, ...], tuple[T, ...]]
    first_words: frozenset[str]
    max_len: int
    by_norm: bool = False
    first_norms: frozenset[str] = frozenset()

    def match(self, tokens: Sequence[Token], i: int) -> tuple[int, tuple[T, ...]] | None:
        """Return (number of tokens, values) of the longest entry starting at token i."""
        if i >= len(tokens) or _form(tokens[i], self.by_norm) not in self.first_words:
            return None
        for length in range(min(self.max_len, len(tokens) - i), 0, -1):
            key = tuple(_form(token, self.by_norm) for token in tokens[i : i + length])
            values = self.entries.get(key)
            if values:
                return length, values
        return None

    def get(self, token: Token) -> tuple[T, ...]:
        """Return the values of the one-word entry this token matches."""
        return self.entries.get((_form(token, self.by_norm),), ())


def build_index(
    pairs: Iterable[tuple[str, T]], rules: TextRules, by_norm: bool = False
) -> PhraseIndex[T]:
    """Build an index from (phrase, value) pairs; a phrase may carry several values."""
    grouped: dict[tuple[str, ...], list[T]] = {}
    first_norms: set[str] = set()
    for phrase, value in pairs:
        tokens = tokenize(phrase, rules)
        key = tuple(_form(token, by_norm) for token in tokens)
        if key and value not in grouped.setdefault(key, []):
            grouped[key].append(value)
            first_norms.add(tokens[0].norm)
    entries = {key: tuple(values) for key, values in grouped.items()}
    return PhraseIndex(
        entries=FrozenMap(entries),
        first_words=frozenset(key[0] for key in entries),
        max_len=max((len(k) for k in entries), default=0),
        by_norm=by_norm,
        first_norms=frozenset(first_norms),
    )
