"""Tokens with clitic-free stems, and sentence spans, over the original text."""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from hadath.errors import LexiconError
from hadath.lexicons.load import load_yaml, require_mapping, require_str_list
from hadath.model import Span, Token
from hadath.normalize import Normalizer, load_normalizer

# Unicode blocks of the Arabic script (syntax, not language data): clitics are split only here.
_ARABIC_BLOCKS = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)
_JOINERS = frozenset("\u200c\u200d")


@dataclass(frozen=True, slots=True)
class Proclitic:
    """A proclitic sequence (light form) and whether it ends with the article."""

    form: str
    with_article: bool


@dataclass(frozen=True, slots=True)
class CliticRules:
    """Clitic segmentation rules from data/normalize/clitics.yaml."""

    proclitics: tuple[Proclitic, ...]
    enclitics: tuple[str, ...]
    blockers: frozenset[str]
    not_proclitic: frozenset[str]
    min_stem: int
    min_stem_after_article: int
    article: str = ""


@dataclass(frozen=True, slots=True)
class SentenceRules:
    """Sentence splitting rules from data/normalize/sentences.yaml."""

    terminators: frozenset[str]
    closers: frozenset[str]
    quotes: tuple[tuple[str, str], ...]
    max_quote_chars: int
    abbreviations: frozenset[str]
    number_joiners: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class TextRules:
    """Everything the text layer needs: normalisation, clitics, sentence rules."""

    normalizer: Normalizer
    clitics: CliticRules
    sentences: SentenceRules


def is_arabic(ch: str) -> bool:
    """Say whether a character belongs to an Arabic-script Unicode block."""
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _ARABIC_BLOCKS)


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LNM" or ch in _JOINERS


def scan(text: str, joiners: frozenset[str] = frozenset()) -> Iterator[Span]:
    """Yield word and punctuation spans in order; digits linked by a joiner stay one token."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if not _is_word_char(ch):
            yield Span(i, i + 1)
            i += 1
            continue
        j = i + 1
        while j < n:
            c = text[j]
            if _is_word_char(c):
                j += 1
            elif c in joiners and text[j - 1].isdigit() and j + 1 < n and text[j + 1].isdigit():
                j += 2
            else:
                break
        yield Span(i, j)
        i = j


def _light(text: str, start: int, normalizer: Normalizer) -> list[tuple[str, int]]:
    return [(c, start + i) for i, ch in enumerate(text) for c in normalizer.light_char(ch)]


def _letters(chars: Sequence[tuple[str, int]]) -> str:
    return "".join(c for c, _ in chars)


def _prefix_length(light: str, norm: str, rules: CliticRules, fold: Normalizer) -> int:
    if norm in rules.not_proclitic:
        return 0
    valid = []
    for p in rules.proclitics:
        minimum = rules.min_stem_after_article if p.with_article else rules.min_stem
        if light.startswith(p.form) and len(light) - len(p.form) >= minimum:
            valid.append(p.form)
    if not valid:
        return 0
    protected = [f for f in valid if fold(light[len(f) :]) in rules.not_proclitic]
    return max(len(f) for f in (protected or valid))


def _suffix_length(stem: str, rules: CliticRules) -> int:
    for enclitic in rules.enclitics:
        rest = stem[: -len(enclitic)]
        if (
            stem.endswith(enclitic)
            and len(rest) >= rules.min_stem
            and rest[-1] not in rules.blockers
        ):
            return len(enclitic)
    return 0


def _cuts(light: str, rules: CliticRules) -> list[int]:
    """Lengths of the proclitic sequences that may be stripped from a word (0 first)."""
    cuts = [0]
    for p in rules.proclitics:
        minimum = rules.min_stem_after_article if p.with_article else rules.min_stem
        if light.startswith(p.form) and len(light) - len(p.form) >= minimum:
            cuts.append(len(p.form))
    return sorted(cuts)


def _readings(
    chars: Sequence[tuple[str, int]], light: str, rules: CliticRules, fold: Normalizer
) -> tuple[tuple[str, int], ...]:
    """Every clitic segmentation of a word: (normalised reading, where it starts)."""
    out: dict[str, int] = {}
    for cut in _cuts(light, rules):
        rest = light[cut:]
        out.setdefault(fold(rest), chars[cut][1])
        tail = _suffix_length(rest, rules)
        if tail:
            out.setdefault(fold(rest[:-tail]), chars[cut][1])
    return tuple(out.items())


def make_token(text: str, span: Span, rules: TextRules) -> Token:
    """Build one token: normalised form, and clitic-free stem with its own span."""
    surface = span.of(text)
    fold = rules.normalizer
    norm = fold(surface)
    if not surface or not is_arabic(surface[0]):
        return Token(span, norm, norm, span, readings=((norm, span.start),))
    chars = _light(surface, span.start, fold)
    light = _letters(chars)
    cut = _prefix_length(light, norm, rules.clitics, fold)
    tail = _suffix_length(light[cut:], rules.clitics) if cut < len(light) else 0
    stem_chars = chars[cut : len(chars) - tail]
    if not stem_chars:
        return Token(span, norm, norm, span, readings=((norm, span.start),))
    stem_end = chars[len(chars) - tail][1] if tail else span.end
    return Token(
        span=span,
        norm=norm,
        stem=fold(_letters(stem_chars)),
        stem_span=Span(stem_chars[0][1], stem_end),
        prefix=fold(light[:cut]),
        suffix=fold(light[len(light) - tail :]) if tail else "",
        readings=_readings(chars, light, rules.clitics, fold),
    )


def token_at(tokens: Sequence[Token], offset: int) -> int:
    """Return the index of the token that starts at or last before an offset (-1 if none)."""
    return bisect.bisect_right(tokens, offset, key=lambda t: t.span.start) - 1


def tokens_in(tokens: Sequence[Token], span: Span) -> Sequence[Token]:
    """Return the tokens inside a span (tokens are ordered, so this is two binary searches)."""
    lo = bisect.bisect_left(tokens, span.start, key=lambda t: t.span.start)
    hi = bisect.bisect_right(tokens, span.end, key=lambda t: t.span.end)
    return tokens[lo:hi]


def tokenize(text: str, rules: TextRules) -> tuple[Token, ...]:
    """Split text into tokens whose spans point into it."""
    return tuple(
        make_token(text, span, rules) for span in scan(text, rules.sentences.number_joiners)
    )


def _quote_end(text: str, i: int, line_end: int, rules: SentenceRules) -> int | None:
    for opener, closer in rules.quotes:
        if text[i] == opener:
            close = text.find(closer, i + 1, min(line_end, i + rules.max_quote_chars))
            return close if close != -1 else None
    return None


def _is_abbreviation(text: str, dot: int, line_start: int, rules: TextRules) -> bool:
    start = dot
    while start > line_start and not text[start - 1].isspace():
        start -= 1
    word = rules.normalizer(text[start:dot]).strip("(\"'")
    return word in rules.sentences.abbreviations


def _split_line(text: str, start: int, end: int, rules: TextRules) -> Iterator[Span]:
    sr = rules.sentences
    i, begin = start, start
    while i < end:
        ch = text[i]
        close = _quote_end(text, i, end, sr)
        if close is not None:
            i = close + 1
            continue
        if ch in sr.terminators and not (ch == "." and _is_abbreviation(text, i, begin, rules)):
            j = i + 1
            while j < end and (text[j] in sr.terminators or text[j] in sr.closers):
                j += 1
            if j >= end or text[j].isspace():
                yield Span(begin, j)
                begin = j
            i = j
            continue
        i += 1
    if begin < end:
        yield Span(begin, end)


def _trim(text: str, span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


def split_sentences(text: str, rules: TextRules) -> tuple[Span, ...]:
    """Split text into sentence spans: every line break ends one, and so do terminators."""
    out: list[Span] = []
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        for raw in _split_line(text, line_start, line_end, rules):
            span = _trim(text, raw)
            if span is not None:
                out.append(span)
        line_start = line_end + 1
    return tuple(out)


def _clitic_rules(data: Any, fold: Normalizer, where: str) -> CliticRules:
    data = require_mapping(data, where)
    article = data.get("article")
    if not isinstance(article, str) or not article:
        raise LexiconError(f"{where}: 'article' must name the definite article")
    procl = []
    for entry in data.get("proclitics", []):
        entry = require_mapping(entry, where)
        form, parts = entry.get("form"), require_str_list(entry.get("parts"), where)
        if not isinstance(form, str) or not form:
            raise LexiconError(f"{where}: proclitic {entry} needs a 'form'")
        procl.append(Proclitic(form, parts[-1] == article))
    return CliticRules(
        proclitics=tuple(procl),
        enclitics=tuple(
            sorted(require_str_list(data.get("enclitics"), where), key=len, reverse=True)
        ),
        blockers=frozenset(require_str_list(data.get("enclitic_blockers", []), where)),
        not_proclitic=frozenset(
            fold(w) for w in require_str_list(data.get("not_proclitic", []), where)
        ),
        min_stem=int(data.get("min_stem", 3)),
        min_stem_after_article=int(data.get("min_stem_after_article", 2)),
        article=article,
    )


def _sentence_rules(data: Any, fold: Normalizer, where: str) -> SentenceRules:
    data = require_mapping(data, where)
    quotes = []
    for entry in data.get("quotes", []):
        entry = require_mapping(entry, where)
        opener, closer = entry.get("open"), entry.get("close")
        if not (
            isinstance(opener, str) and isinstance(closer, str) and len(opener) == len(closer) == 1
        ):
            raise LexiconError(
                f"{where}: quote pair {entry} needs one-character 'open' and 'close'"
            )
        quotes.append((opener, closer))
    return SentenceRules(
        terminators=frozenset(require_str_list(data.get("terminators"), where)),
        closers=frozenset(require_str_list(data.get("closers", []), where)),
        quotes=tuple(quotes),
        max_quote_chars=int(data.get("max_quote_chars", 700)),
        abbreviations=frozenset(
            fold(a) for a in require_str_list(data.get("abbreviations", []), where)
        ),
        number_joiners=frozenset(require_str_list(data.get("number_joiners", []), where)),
    )


def load_text_rules() -> TextRules:
    """Load normalisation, clitic and sentence rules from the shipped data files."""
    fold = load_normalizer()
    return TextRules(
        normalizer=fold,
        clitics=_clitic_rules(load_yaml("normalize/clitics.yaml"), fold, "normalize/clitics.yaml"),
        sentences=_sentence_rules(
            load_yaml("normalize/sentences.yaml"), fold, "normalize/sentences.yaml"
        ),
    )
