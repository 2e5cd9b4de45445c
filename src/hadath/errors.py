"""The exception tree: every error hadath raises is a HadathError whose message says how to fix it.

HadathError
├── InputError            a source cannot be read as an article
│   ├── EmptyInputError       nothing but whitespace
│   ├── BinaryInputError      bytes that are not text
│   ├── EncodingError         text in an encoding we cannot identify
│   ├── InputTooLargeError    larger than Settings.max_document_bytes
│   ├── MalformedRecordError  a JSON / JSON Lines record that is invalid or lacks `text`
│   ├── InvalidDateError      a date that is not ISO YYYY-MM-DD, YYYY-MM or YYYY
│   └── NotArabicError        text that is not Arabic
├── LexiconError          a data file in hadath/data fails its schema check
├── StoreError            the SQLite store cannot be opened or written
├── ExportError           an export was asked in an unknown format or row kind
└── GoldFormatError       a gold file does not follow eval/FORMAT.md
"""

from __future__ import annotations


class HadathError(Exception):
    """Base of every error hadath raises on purpose."""


class InputError(HadathError):
    """A source cannot be read as an article."""


class EmptyInputError(InputError):
    """The source holds no text."""


class BinaryInputError(InputError):
    """The source holds binary data, not text."""


class EncodingError(InputError):
    """The source's text encoding cannot be identified."""


class InputTooLargeError(InputError):
    """The source is larger than the configured limit."""


class MalformedRecordError(InputError):
    """A JSON or JSON Lines record is invalid or lacks its text."""


class InvalidDateError(InputError):
    """A date value is not an ISO calendar date."""


class NotArabicError(InputError):
    """The text is not Arabic."""


class LexiconError(HadathError):
    """A language-data file fails its schema check."""


class StoreError(HadathError):
    """The store cannot be opened, migrated or written."""


class ExportError(HadathError):
    """An export cannot be written as asked (unknown format, unknown row kind)."""


class GoldFormatError(HadathError):
    """A gold annotation file does not follow the documented format."""
