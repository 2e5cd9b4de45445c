"""Text fingerprints that find re-published copies of an article: syndicated or re-posted news.

Two texts are compared as their sequences of normalised words (hadath.normalize: diacritics,
tatweel, letter variants and digits folded; whitespace and punctuation dropped):

- `exact`: a hash of that word sequence. Equal hashes mean the same article whatever its spacing,
  vowel marks, punctuation or letter variants.
- near-identical: at least NEAR_WORDS words each, at least NEAR_SIMILARITY of the words the
  same and in the same order (`similarity`), and the numbers of one text all found in the other,
  as often (`numbers_agree`): a later report re-using a template with new figures or dates stays
  a report of its own. Shorter texts (wire briefs) match only exactly: there one word is often
  the whole news.

Near-identical candidates are found without comparing every pair: MinHash over word pairs, cut
into BANDS bands of ROWS values, each band hashed to one `bucket`; texts sharing any bucket are
compared. A pair differing in a tenth of its words, scattered, shares about two thirds of its
word pairs, and such a pair shares a bucket with probability 1 - (1 - 0.67**4)**16 ≈ 0.97;
contiguous differences (a byline, a trailing line) leave far more pairs shared (≈ 0.9: > 0.999).
Unrelated texts (a twentieth of their pairs shared) share one with probability < 0.001.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise

from hadath.normalize import Normalizer

NEAR_WORDS = 30
NEAR_SIMILARITY = 0.9
BANDS = 16
ROWS = 4
_VALUES = BANDS * ROWS
_UNPACK = struct.Struct(f"<{_VALUES}I")
_BAND = struct.Struct(f"<B{ROWS}I")
# A word of normalised text: letters and digits (vowel marks and tatweel are already gone).
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What finding copies of one text needs: its normalised words, exact key and LSH buckets."""

    words: tuple[str, ...]
    exact: str
    buckets: tuple[int, ...]

    @property
    def near(self) -> bool:
        """Say whether the text is long enough to match near-identical texts, not only exact."""
        return len(self.words) >= NEAR_WORDS


def words(text: str, normalizer: Normalizer) -> tuple[str, ...]:
    """Return the normalised words of a text, punctuation and vowel marks left out."""
    return tuple(_WORD.findall(normalizer(text)))


def fingerprint(text: str, normalizer: Normalizer, *, lookup: bool = True) -> Fingerprint:
    """Fingerprint a text: its words, their exact key, and (lookup, long enough) its buckets."""
    found = words(text, normalizer)
    exact = hashlib.sha256(" ".join(found).encode("utf-8")).hexdigest()
    buckets = _buckets(_minhash(found)) if lookup and len(found) >= NEAR_WORDS else ()
    return Fingerprint(found, exact, buckets)


def similarity(first: Sequence[str], second: Sequence[str]) -> float:
    """Return the share of words two texts have in common, in the same order (0 to 1)."""
    if not first and not second:
        return 1.0
    return SequenceMatcher(None, first, second, autojunk=False).ratio()


def numbers_agree(first: Sequence[str], second: Sequence[str]) -> bool:
    """Say whether the numbers of one text, each as often, are all in the other (so a dateline
    may come and go, but no figure or date may change)."""
    ours, theirs = _numbers(first), _numbers(second)
    return ours <= theirs or theirs <= ours


def near_identical(first: Fingerprint, second: Fingerprint) -> float | None:
    """Return the similarity of two texts if they are copies of one article, else None."""
    if first.exact == second.exact and first.words:
        return 1.0
    if not (first.near and second.near and numbers_agree(first.words, second.words)):
        return None
    score = similarity(first.words, second.words)
    return score if score >= NEAR_SIMILARITY else None


def _numbers(found: Sequence[str]) -> Counter[str]:
    return Counter(word for word in found if any(ch.isdigit() for ch in word))


def _minhash(found: Sequence[str]) -> tuple[int, ...]:
    """Return the MinHash signature of a text's set of word pairs."""
    shingles = {f"{a} {b}" for a, b in pairwise(found)}
    rows = [_UNPACK.unpack(_hash(shingle)) for shingle in shingles]
    return tuple(map(min, zip(*rows, strict=True)))


def _hash(shingle: str) -> bytes:
    """Return BANDS * ROWS independent 32-bit hash values of a shingle, as bytes."""
    return hashlib.shake_128(shingle.encode("utf-8")).digest(_UNPACK.size)


def _buckets(signature: Sequence[int]) -> tuple[int, ...]:
    """Hash each band of a signature, with its band number, to one signed 64-bit bucket."""
    found = []
    for band in range(BANDS):
        packed = _BAND.pack(band, *signature[band * ROWS : (band + 1) * ROWS])
        digest = hashlib.blake2b(packed, digest_size=8).digest()
        found.append(int.from_bytes(digest, "little", signed=True))
    return tuple(found)
