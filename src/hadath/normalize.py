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


@dataclass(frozen=True, slots=True)
class Normalizer:
    """Normalisation rules: a per-character function so every output character has a source."""

    form: UnicodeForm
    removed: frozenset[str]
    fold: Mapping[str, str]
    lowercase: bool

    def char(self, ch: str) -> str:
        """Return the normalised form of one source character (possibly empty or longer)."""
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
        return "".join(self.char(ch) for ch in text)


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
    return Normalizer(cast(UnicodeForm, form), removed, fold, bool(data.get("lowercase", True)))


def load_normalizer() -> Normalizer:
    """Load the shipped normalisation rules."""
    return build_normalizer(load_yaml(RULES_FILE))
