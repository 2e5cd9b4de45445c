"""Invariants of the text layer for any text: idempotent normalisation, exact offsets."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.normalize import load_normalizer
from hadath.tokenize import load_text_rules, split_sentences, tokenize

RULES = load_text_rules()
FOLD = load_normalizer()
ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
MIXED = st.text(
    alphabet=st.one_of(ARABIC, st.sampled_from(' \n.،؟!«»"():/-0123456789abcXYZ\u0640\ufefb')),
    max_size=300,
)


@given(st.text(max_size=200))
def test_normalisation_is_idempotent_on_any_text(text: str) -> None:
    once = FOLD(text)
    assert FOLD(once) == once


@given(MIXED)
def test_normalisation_is_idempotent_on_arabic(text: str) -> None:
    assert FOLD(FOLD(text)) == FOLD(text)


@settings(max_examples=300)
@given(st.one_of(MIXED, st.text(max_size=200)))
def test_tokens_are_ordered_disjoint_and_round_trip(text: str) -> None:
    tokens = tokenize(text, RULES)
    previous_end = 0
    for token in tokens:
        assert previous_end <= token.span.start < token.span.end <= len(text)
        assert token.span.contains(token.stem_span)
        assert token.norm == FOLD(token.span.of(text))
        assert not token.span.of(text).isspace()
        previous_end = token.span.end


@settings(max_examples=300)
@given(MIXED)
def test_sentences_are_ordered_trimmed_and_cover_every_token(text: str) -> None:
    sentences = split_sentences(text, RULES)
    for a, b in itertools.pairwise(sentences):
        assert a.end <= b.start
    for s in sentences:
        piece = s.of(text)
        assert piece and piece == piece.strip()
    for token in tokenize(text, RULES):
        assert any(s.contains(token.span) for s in sentences)
