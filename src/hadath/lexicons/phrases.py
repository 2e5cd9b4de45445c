"""Phrase look-up over tokens: a word trie matched against every clitic reading of each token."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from hadath.lexicons.frozen import FrozenMap
from hadath.model import Token
from hadath.tokenize import TextRules, tokenize

T = TypeVar("T")


def phrase_key(phrase: str, rules: TextRules, by_norm: bool = False) -> tuple[str, ...]:
    """Return a phrase as its tokens' stems (or norms), for pattern lexicons matched on stems."""
    return tuple(t.norm if by_norm else t.stem for t in tokenize(phrase, rules))


def first_words(phrases: Iterable[str], rules: TextRules, by_norm: bool = False) -> frozenset[str]:
    """Return the stems (or norms) of one-word phrases, for word-set look-ups on tokens."""
    return frozenset(k[0] for p in phrases if (k := phrase_key(p, rules, by_norm)))


def entry_words(phrase: str, rules: TextRules, by_norm: bool = False) -> tuple[str, ...]:
    """Return the words a phrase is indexed under: each token's norm, without the article when
    the article is its only clitic (الكرملين -> كرملين, but ألماني stays الماني)."""
    article = rules.clitics.article
    words = []
    for token in tokenize(phrase, rules):
        strip = not by_norm and article and token.prefix == article and not token.suffix
        words.append(token.stem if strip else token.norm)
    return tuple(words)


@dataclass(frozen=True, slots=True)
class Node(Generic[T]):
    """A trie node: the values of the phrase ending here, and the words that continue it."""

    values: tuple[T, ...] = ()
    children: Mapping[str, Node[T]] = field(default_factory=FrozenMap)


def _readings(token: Token, by_norm: bool) -> Sequence[str]:
    if by_norm or not token.readings:
        return (token.norm,)
    return [form for form, _ in token.readings]


@dataclass(frozen=True, slots=True)
class PhraseIndex(Generic[T]):
    """Maps word sequences to the values they stand for; the longest match wins.

    A text token matches an indexed word when any of its clitic readings equals it (or, for a
    `by_norm` index, when its normalised form does)."""

    root: Node[T]
    max_len: int
    by_norm: bool = False
    article: str = ""

    def match(self, tokens: Sequence[Token], i: int) -> tuple[int, tuple[T, ...]] | None:
        """Return (number of tokens, values) of the longest entry starting at token i."""
        best: tuple[int, tuple[T, ...]] | None = None
        frontier = [self.root]
        j = i
        while frontier and j < len(tokens) and j - i < self.max_len:
            forms = _readings(tokens[j], self.by_norm)
            frontier = [c for node in frontier for f in forms if (c := node.children.get(f))]
            j += 1
            found = next((node.values for node in frontier if node.values), None)
            if found:
                best = (j - i, found)
        return best

    def scan(self, tokens: Sequence[Token]) -> Iterator[tuple[int, int, tuple[T, ...]]]:
        """Yield (first token, number of tokens, values) of each longest entry, left to right,
        none overlapping."""
        i = 0
        while i < len(tokens):
            found = self.match(tokens, i)
            if found is None:
                i += 1
                continue
            yield i, *found
            i += found[0]

    def values(self) -> Iterator[T]:
        """Every value the index holds, each once, in no particular order."""
        seen: list[T] = []
        stack = [self.root]
        while stack:
            node = stack.pop()
            seen += [v for v in node.values if v not in seen]
            stack += node.children.values()
        return iter(seen)

    def start_of(self, token: Token) -> int:
        """Where the first word of a match begins in a token: after a clitic, or at its start."""
        if self.by_norm:
            return token.span.start
        readings = dict(token.readings)
        for form, start in token.readings:
            if form in self.root.children:
                # Keep the article with the name it belongs to: "الكرملين", not "كرملين".
                return readings.get(self.article + form, start)
        return token.span.start


@dataclass(slots=True)
class _Draft(Generic[T]):
    """A trie node while the index is being built (frozen into Node afterwards)."""

    values: list[T] = field(default_factory=list)
    children: dict[str, _Draft[T]] = field(default_factory=dict)

    def freeze(self) -> Node[T]:
        return Node(
            tuple(self.values), FrozenMap({w: c.freeze() for w, c in self.children.items()})
        )


def build_index(
    pairs: Iterable[tuple[str, T]], rules: TextRules, by_norm: bool = False
) -> PhraseIndex[T]:
    """Build an index from (phrase, value) pairs; a phrase may carry several values."""
    root: _Draft[T] = _Draft()
    longest = 0
    for phrase, value in pairs:
        words = entry_words(phrase, rules, by_norm)
        if not words:
            continue
        longest = max(longest, len(words))
        node = root
        for word in words:
            node = node.children.setdefault(word, _Draft())
        if value not in node.values:
            node.values.append(value)
    return PhraseIndex(root.freeze(), longest, by_norm, rules.clitics.article)
