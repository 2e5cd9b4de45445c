"""Bytes -> text: detect the encoding, refuse binary, empty and oversized input."""

from __future__ import annotations

import codecs
from pathlib import Path

from hadath.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
)
from hadath.settings import Settings

# Signatures of common binary formats, and what to do instead of feeding them in.
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF document", "extract its text first, e.g. `pdftotext FILE out.txt`"),
    (
        b"PK\x03\x04",
        "a ZIP archive (or .docx/.xlsx/.epub)",
        "unzip it, or save the document as plain text (.txt)",
    ),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "pass the article text, not an image"),
    (b"\xff\xd8\xff", "a JPEG image", "pass the article text, not an image"),
    (b"GIF87a", "a GIF image", "pass the article text, not an image"),
    (b"GIF89a", "a GIF image", "pass the article text, not an image"),
    (b"\x7fELF", "an ELF executable", "pass an article file instead"),
    (b"MZ\x90\x00", "a Windows executable", "pass an article file instead"),
    (b"\x1f\x8b", "a gzip archive", "decompress it first, e.g. `gunzip FILE`"),
    (b"BZh", "a bzip2 archive", "decompress it first, e.g. `bunzip2 FILE`"),
    (b"\xfd7zXZ\x00", "an xz archive", "decompress it first, e.g. `unxz FILE`"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "extract it first"),
    (b"Rar!\x1a\x07", "a RAR archive", "extract it first"),
    (b"SQLite format 3\x00", "an SQLite database", "export the articles to JSON Lines first"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "a legacy Microsoft Office file",
        "save it as plain text (.txt) first",
    ),
)

# Bytes below 0x20 that plain text legitimately holds: tab, newline, vertical tab, form feed,
# carriage return, and escape (terminal colour codes in pasted logs).
_TEXT_CONTROLS = b"\t\n\x0b\x0c\r\x1b"
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in _TEXT_CONTROLS) + b"\x7f"
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
MAX_CONTROL_SHARE = 0.02
# In UTF-16 text the high byte of each code unit is 0x00 for ASCII and 0x06 for Arabic letters;
# 0x20/0xFB/0xFE cover typographic punctuation and Arabic presentation forms.
_UTF16_HIGH_BYTES = b"\x00\x06\x20\xfb\xfe"
MIN_UTF16_PATTERN = 0.9
MAX_CP1256_ODD_SHARE = 0.05
# Characters besides Arabic-script letters, ASCII and whitespace that real windows-1256 Arabic
# text holds (Arabic comma, semicolon, question mark, quotes, dashes, ellipsis, bullet).
_CP1256_TEXT_EXTRAS = frozenset(
    "\u060c\u061b\u061f\u00ab\u00bb\u2013\u2014\u2018\u2019"
    "\u201c\u201d\u2026\u2022\u00a0\u00d7\u00f7\u200c\u200d\u200e\u200f"
)
_BLANK = " \t\n\r\x0b\x0c\u00a0\u200b\u200c\u200d\u200e\u200f\u2028\u2029\ufeff"
_CONVERT = "convert it to UTF-8, e.g. `iconv -f {enc} -t UTF-8 {source} > fixed.txt`"


def is_arabic_letter(char: str) -> bool:
    """Say whether a character is a letter of the Arabic script."""
    code = ord(char)
    in_block = (
        0x0600 <= code <= 0x06FF
        or 0x0750 <= code <= 0x077F
        or 0x08A0 <= code <= 0x08FF
        or 0xFB50 <= code <= 0xFDFF
        or 0xFE70 <= code <= 0xFEFF
    )
    return in_block and char.isalpha()


def check_size(size: int, source: str, settings: Settings) -> None:
    """Raise InputTooLargeError when a source is over Settings.max_document_bytes."""
    limit = settings.max_document_bytes
    if size > limit:
        raise InputTooLargeError(
            f"{source} is {size:,} bytes, over the limit of {limit:,} bytes for one article; "
            "split the file into one article per file (or one JSON object per line in a .jsonl "
            "file), or raise Settings.max_document_bytes"
        )


def read_file(path: Path, settings: Settings, source: str | None = None) -> bytes:
    """Read a file's bytes, checking its size on disk first so a huge file is never read."""
    name = source or str(path)
    try:
        check_size(path.stat().st_size, name, settings)
        with path.open("rb") as stream:
            data = stream.read(settings.max_document_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{name} is a directory; pass the files in it instead") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror}); check its permissions") from exc
    check_size(len(data), name, settings)  # the file grew after stat
    return data


def _check_magic(data: bytes, source: str) -> None:
    for magic, kind, advice in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"{source} looks like {kind}, not text; {advice}")


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 without a byte-order mark from where the high bytes sit."""
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding, high, low in (
        ("utf-16-le", data[1::2], data[0::2]),
        ("utf-16-be", data[0::2], data[1::2]),
    ):
        other = len(high.translate(None, _UTF16_HIGH_BYTES))
        if other <= (1 - MIN_UTF16_PATTERN) * len(high) and low.count(0) <= len(low) // 20:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _check_controls(data: bytes, source: str) -> None:
    if b"\x00" in data:
        raise BinaryInputError(
            f"{source} holds NUL bytes and is not UTF-16 text, so it looks like a binary file; "
            "pass a text file (UTF-8), or export the article text from the program that made it"
        )
    controls = len(data.translate(None, _NOT_CONTROL))
    if controls > MAX_CONTROL_SHARE * len(data):
        raise BinaryInputError(
            f"{source}: {controls:,} of its {len(data):,} bytes are control characters, so it "
            "looks like a binary file; pass a text file (UTF-8)"
        )


def _bom_decode(data: bytes, source: str) -> str | None:
    """Decode by byte-order mark; None when there is none."""
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32LE"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32BE"),
        (codecs.BOM_UTF8, "utf-8", "UTF-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE"),
    )
    for bom, encoding, label in boms:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"{source} starts with a {label} byte-order mark but is not valid {label} "
                    f"(bad bytes at offset {exc.start + len(bom)}); re-save it as UTF-8, or "
                    + _CONVERT.format(enc="ENCODING", source=source)
                ) from None
    return None


def _looks_like_cp1256_arabic(text: str) -> bool:
    letters = arabic = odd = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if is_arabic_letter(char):
                arabic += 1
                continue
        if char.isascii() or char.isspace() or char in _CP1256_TEXT_EXTRAS:
            continue
        odd += 1
    return arabic > 0 and arabic * 2 >= letters and odd <= MAX_CP1256_ODD_SHARE * len(text)


def _legacy_decode(data: bytes, source: str, error: UnicodeDecodeError) -> str:
    """Decode bytes that are not UTF-8: windows-1256 Arabic, or fail with advice."""
    where = f"byte 0x{data[error.start]:02x} at offset {error.start}"
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_like_cp1256_arabic(text):
        return text
    raise EncodingError(
        f"{source} is not UTF-8 ({where} is invalid), UTF-16 or windows-1256 Arabic; find its "
        "encoding (`file -i FILE`) and " + _CONVERT.format(enc="ENCODING", source=source)
    )


def _text_of(data: bytes, source: str) -> str:
    text = _bom_decode(data, source)
    if text is not None:
        return text
    _check_magic(data, source)
    text = _utf16_without_bom(data)
    if text is not None:
        return text
    _check_controls(data, source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _legacy_decode(data, source, exc)


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR line ends into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, source: str, settings: Settings) -> str:
    """Decode an article's bytes (UTF-8, UTF-16, windows-1256) to text with LF line ends."""
    check_size(len(data), source, settings)
    if not data:
        raise EmptyInputError(f"{source} is empty (0 bytes); pass a file that holds an article")
    text = _text_of(data, source)
    if not text.strip(_BLANK):
        raise EmptyInputError(
            f"{source} holds only whitespace; pass a file that holds an article's text"
        )
    return normalise_newlines(text)
