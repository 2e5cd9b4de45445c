"""Arabic normalisation, defined in data/normalize/rules.yaml and applied character by character."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal, cast

from hadath.errors import LexiconError
from hadath.lexicons.frozen import FrozenMap
from hadath.lexicons.load import load_yaml, require_mapping

UnicodeForm = Literal["NFC", "NFKC", "NFD", "NFKD"]
RULES_FILE = "normalize/rules.yaml"
# Unicode blocks whose normalised forms are computed once when the rules load: Basic Latin to
# Arabic Supplement, general punctuation, and the Arabic presentation forms.
_CACHED_BLOCKS = ((0x0000, 0x077F), (0x2000, 0x206F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


@dataclass(frozen=True, slots=True)
class Normalizer:
    """Normalisation rules: a per-character function so every output character has a source."""

    form: UnicodeForm
    removed: frozenset[str]
    fold: Mapping[str, str]
    lowercase: bool
    table: Mapping[str, str] = FrozenMap()
    light_table: Mapping[str, str] = FrozenMap()

    def char(self, ch: str) -> str:
        """Return the normalised form of one source character (possibly empty or longer)."""
        cached = self.table.get(ch)
        return cached if cached is not None else self.compute(ch)

    def compute(self, ch: str) -> str:
        """Normalise one character from the rules (what `table` caches for common scripts)."""
        out = []
        for piece in unicodedata.normalize(self.form, ch):
            if piece in self.removed:
                continue
            piece = self.fold.get(piece, piece)
            out.append(piece.lower() if self.lowercase else piece)
        return "".join(out)

    def light_char(self, ch: str) -> str:
        """Return one character with only removals applied (letters keep their identity)."""
        return "".join(p for p in unicodedata.normalize(self.form, ch) if p not in self.removed)

    def traced(self, text: str, offset: int = 0) -> Iterator[tuple[str, int]]:
        """Yield (normalised character, source index) pairs for `text`."""
        for i, ch in enumerate(text):
            for out in self.char(ch):
                yield out, offset + i

    def __call__(self, text: str) -> str:
        """Return the normalised form of `text`."""
        table = self.table
        return "".join(table[ch] if ch in table else self.compute(ch) for ch in text)


def _ranges(entries: Any, where: str) -> frozenset[str]:
    chars: set[str] = set()
    if not isinstance(entries, list):
        raise LexiconError(f"{where}: 'remove' must be a list of {{from, to, why}} ranges")
    for entry in entries:
        entry = require_mapping(entry, where)
        lo, hi = entry.get("from"), entry.get("to")
        if not (isinstance(lo, str) and isinstance(hi, str) and len(lo) == len(hi) == 1):
            raise LexiconError(f"{where}: range {entry} needs single characters 'from' and 'to'")
        if not entry.get("why"):
            raise LexiconError(f"{where}: range {entry} needs a 'why'")
        chars.update(chr(c) for c in range(ord(lo), ord(hi) + 1))
    return frozenset(chars)


def _fold(entries: Any, removed: frozenset[str], where: str) -> Mapping[str, str]:
    fold = require_mapping(entries, f"{where}: fold")
    for source, target in fold.items():
        if len(source) != 1 or not isinstance(target, str) or source == target:
            raise LexiconError(f"{where}: fold {source!r} -> {target!r} must map one character")
        if any(t in fold or t in removed for t in target):
            raise LexiconError(
                f"{where}: fold target {target!r} is itself changed (not idempotent)"
            )
    return FrozenMap(dict(fold))


def build_normalizer(data: Any, where: str = RULES_FILE) -> Normalizer:
    """Check and compile normalisation rules loaded from a data file."""
    data = require_mapping(data, where)
    form = data.get("unicode_form", "NFKC")
    if form not in ("NFC", "NFKC", "NFD", "NFKD"):
        raise LexiconError(f"{where}: unicode_form must be NFC, NFKC, NFD or NFKD, not {form!r}")
    removed = _ranges(data.get("remove", []), where)
    fold = _fold(data.get("fold", {}), removed, where)
    rules = Normalizer(cast(UnicodeForm, form), removed, fold, bool(data.get("lowercase", True)))
    chars = [chr(c) for lo, hi in _CACHED_BLOCKS for c in range(lo, hi + 1)]
    return Normalizer(
        rules.form,
        removed,
        fold,
        rules.lowercase,
        table=FrozenMap({ch: rules.compute(ch) for ch in chars}),
        light_table=FrozenMap({ch: rules.light_char(ch) for ch in chars}),
    )


def load_normalizer() -> Normalizer:
    """Load the shipped normalisation rules."""
    return build_normalizer(load_yaml(RULES_FILE))
