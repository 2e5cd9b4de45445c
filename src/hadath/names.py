"""Name folding and text normalisation for gold scoring (eval/FORMAT.md).

Names. `fold_name` folds case, accents, hyphens and the transliteration variants of
data/eval/names.yaml, and drops a trailing Wikipedia disambiguator in parentheses. Dropping it
outright would make "Ministry of Foreign Affairs (Russia)" and "... (Ukraine)" one name, so names
are compared with `names_match`: the folded names without disambiguator must be equal, and the
folded disambiguators must be equal too unless one of the two names has none. "Al-Watan (Syria)"
matches "Al-Watan"; the two ministries do not match.

Text. `normalize_text` puts quotation text in the form gold and system quotes are compared in:
NFKC, combining marks removed, the character rules of data/eval/text.yaml applied, whitespace
collapsed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hadath.errors import LexiconError
from hadath.lexicons.load import load_yaml, require_mapping, require_str_list

NAMES_FILE = "eval/names.yaml"
TEXT_FILE = "eval/text.yaml"

_DISAMBIGUATOR = re.compile(r"(.*?)\s*\(([^()]*)\)\s*", re.DOTALL)
_NON_WORD = re.compile(r"[\W_]+")
_MARKS = frozenset({"Mn", "Me"})
_NAME_SECTIONS = ("letters", "drop", "variants", "prefixes", "join_with_next")


# ---------------------------------------------------------------------------------------------
# Names


@dataclass(frozen=True, slots=True)
class NameRules:
    """The checked contents of data/eval/names.yaml, ready for folding."""

    table: Mapping[int, str | None]
    variants: Mapping[tuple[str, ...], tuple[str, ...]]
    longest: int
    prefixes: tuple[tuple[str, str], ...]
    join_with_next: frozenset[str]


@dataclass(frozen=True, slots=True)
class FoldedName:
    """A folded name split into its base and its folded Wikipedia disambiguator (or None)."""

    base: str
    qualifier: str | None

    def matches(self, other: FoldedName) -> bool:
        """Say whether two folded names name the same thing (see the module docstring)."""
        if not self.base or self.base != other.base:
            return False
        return (
            self.qualifier is None or other.qualifier is None or self.qualifier == other.qualifier
        )


def _without_marks(text: str) -> str:
    """Drop the combining marks: accents, harakat."""
    return "".join(ch for ch in text if unicodedata.category(ch) not in _MARKS)


def _plain(text: str) -> str:
    """Decompose, drop combining marks and case-fold."""
    return _without_marks(unicodedata.normalize("NFKD", text)).casefold()


def _spelling(value: Any, where: str) -> tuple[str, ...]:
    """Check one spelling of names.yaml and return its words."""
    if not isinstance(value, str) or not value:
        raise LexiconError(f"{where}: expected a non-empty string, found {value!r}")
    words = tuple(value.split(" "))
    if _plain(value) != value or not all(w and not _NON_WORD.search(w) for w in words):
        raise LexiconError(
            f"{where}: {value!r} must be lower case, without accents, letters and digits only, "
            "words separated by single spaces"
        )
    return words


def _one_word(value: Any, where: str) -> str:
    """Check a spelling that must be a single word and return it."""
    words = _spelling(value, where)
    if len(words) != 1:
        raise LexiconError(f"{where}: {value!r} must be a single word")
    return words[0]


def _name_table(data: Mapping[str, Any], where: str) -> dict[int, str | None]:
    letters = require_mapping(data.get("letters", {}), f"{where}, letters")
    table: dict[int, str | None] = {}
    for char, plain in letters.items():
        if len(char) != 1 or char != char.casefold() or not isinstance(plain, str):
            raise LexiconError(
                f"{where}, letters: {char!r} -> {plain!r}: map one lower-case character to "
                "plain letters"
            )
        table[ord(char)] = "".join(_spelling(plain, f"{where}, letters"))
    for char in require_str_list(data.get("drop", []), f"{where}, drop"):
        if len(char) != 1 or ord(char) in table:
            raise LexiconError(f"{where}, drop: {char!r} must be one character, not in letters")
        table[ord(char)] = None
    return table


def _name_variants(data: Mapping[str, Any], where: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    variants = require_mapping(data.get("variants", {}), f"{where}, variants")
    found: dict[tuple[str, ...], tuple[str, ...]] = {}
    canonicals = {_spelling(c, f"{where}, variants") for c in variants}
    for canonical, spellings in variants.items():
        target = _spelling(canonical, f"{where}, variants")
        for spelling in require_str_list(spellings, f"{where}, variants, {canonical}"):
            words = _spelling(spelling, f"{where}, variants, {canonical}")
            if words in found or words in canonicals:
                raise LexiconError(
                    f"{where}, variants: {spelling!r} is listed twice or is itself a canonical "
                    "spelling; keep it under one canonical spelling only"
                )
            found[words] = target
    return found


def _name_prefixes(data: Mapping[str, Any], where: str) -> tuple[tuple[str, str], ...]:
    prefixes = require_mapping(data.get("prefixes", {}), f"{where}, prefixes")
    pairs: list[tuple[str, str]] = []
    for canonical, spellings in prefixes.items():
        target = _one_word(canonical, f"{where}, prefixes")
        for spelling in require_str_list(spellings, f"{where}, prefixes, {canonical}"):
            word = _one_word(spelling, f"{where}, prefixes, {canonical}")
            if any(word == known for known, _ in pairs):
                raise LexiconError(f"{where}, prefixes: {spelling!r} is listed twice")
            pairs.append((word, target))
    # Longest first, so that a prefix never shadows a longer one it begins.
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def parse_name_rules(data: Any, where: str = f"hadath/data/{NAMES_FILE}") -> NameRules:
    """Check the loaded contents of names.yaml and build NameRules; LexiconError names the fault."""
    mapping = require_mapping(data, where)
    unknown = sorted(set(mapping) - set(_NAME_SECTIONS))
    if unknown:
        raise LexiconError(
            f"{where}: unknown section(s) {', '.join(unknown)}; use {', '.join(_NAME_SECTIONS)}"
        )
    variants = _name_variants(mapping, where)
    joins = frozenset(
        _one_word(w, f"{where}, join_with_next")
        for w in require_str_list(mapping.get("join_with_next", []), f"{where}, join_with_next")
    )
    return NameRules(
        table=_name_table(mapping, where),
        variants=variants,
        longest=max((len(words) for words in variants), default=1),
        prefixes=_name_prefixes(mapping, where),
        join_with_next=joins,
    )


def load_name_rules() -> NameRules:
    """Load and check data/eval/names.yaml."""
    return parse_name_rules(load_yaml(NAMES_FILE))


def _apply_variants(words: list[str], rules: NameRules) -> list[str]:
    """Replace the longest known variant at each position by its canonical spelling."""
    varied: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(rules.longest, len(words) - i), 0, -1):
            canonical = rules.variants.get(tuple(words[i : i + size]))
            if canonical is not None:
                varied.extend(canonical)
                i += size
                break
        else:
            varied.append(_fold_prefix(words[i], rules))
            i += 1
    return varied


def _fold_prefix(word: str, rules: NameRules) -> str:
    for prefix, canonical in rules.prefixes:
        if word.startswith(prefix):
            return canonical + word[len(prefix) :]
    return word


def _join_words(words: list[str], rules: NameRules) -> list[str]:
    """Glue each word of join_with_next to the word after it ("abdul rahman" -> "abdulrahman")."""
    joined: list[str] = []
    carry = ""
    for word in words:
        if word in rules.join_with_next:
            carry += word
        else:
            joined.append(carry + word)
            carry = ""
    if carry:
        joined.append(carry)
    return joined


def _fold_words(text: str, rules: NameRules) -> str:
    """Fold one name part: accents, case, separators, variants, prefixes, joined words."""
    words = [w for w in _NON_WORD.split(_plain(text).translate(rules.table)) if w]
    return " ".join(_join_words(_apply_variants(words, rules), rules))


def fold_parts(name: str, rules: NameRules | None = None) -> FoldedName:
    """Fold a name into its base and its Wikipedia disambiguator, both folded."""
    rules = rules if rules is not None else load_name_rules()
    found = _DISAMBIGUATOR.fullmatch(name)
    if found is None or not found.group(1).strip():
        return FoldedName(_fold_words(name, rules), None)
    qualifier = _fold_words(found.group(2), rules)
    return FoldedName(_fold_words(found.group(1), rules), qualifier or None)


def fold_name(name: str, rules: NameRules | None = None) -> str:
    """Fold a name for comparison: case, accents, variants; trailing disambiguator dropped."""
    return fold_parts(name, rules).base


def names_match(first: str, second: str, rules: NameRules | None = None) -> bool:
    """Say whether two names match (equal folded bases, compatible disambiguators)."""
    rules = rules if rules is not None else load_name_rules()
    return fold_parts(first, rules).matches(fold_parts(second, rules))


# ---------------------------------------------------------------------------------------------
# Text


@dataclass(frozen=True, slots=True)
class ComparisonTextRules:
    """The checked contents of data/eval/text.yaml: a str.translate table."""

    table: Mapping[int, str | None]


def _one_char(value: Any, where: str) -> str:
    if not isinstance(value, str) or len(value) != 1:
        raise LexiconError(f"{where}: {value!r} must be a single character")
    return value


def parse_text_rules(data: Any, where: str = f"hadath/data/{TEXT_FILE}") -> ComparisonTextRules:
    """Check the loaded contents of text.yaml and build the rules; LexiconError names the fault."""
    mapping = require_mapping(data, where)
    unknown = sorted(set(mapping) - {"remove", "replace"})
    if unknown:
        raise LexiconError(f"{where}: unknown section(s) {', '.join(unknown)}; use remove, replace")
    table: dict[int, str | None] = {}
    for char in require_str_list(mapping.get("remove", []), f"{where}, remove"):
        table[ord(_one_char(char, f"{where}, remove"))] = None
    replace = require_mapping(mapping.get("replace", {}), f"{where}, replace")
    for target, sources in replace.items():
        _one_char(target, f"{where}, replace")
        for source in require_str_list(sources, f"{where}, replace, {target}"):
            code = ord(_one_char(source, f"{where}, replace, {target}"))
            if code in table:
                raise LexiconError(f"{where}: {source!r} is listed twice; keep one rule for it")
            table[code] = target
    return ComparisonTextRules(table=table)


def load_text_rules() -> ComparisonTextRules:
    """Load and check data/eval/text.yaml."""
    return parse_text_rules(load_yaml(TEXT_FILE))


def normalize_text(text: str, rules: ComparisonTextRules | None = None) -> str:
    """Normalise text for quote comparison: NFKC, marks and tatweel gone, letter forms unified."""
    rules = rules if rules is not None else load_text_rules()
    bare = _without_marks(unicodedata.normalize("NFKC", text))
    return " ".join(bare.translate(rules.table).split())
