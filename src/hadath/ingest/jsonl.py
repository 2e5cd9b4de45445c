"""Read JSON articles: .json (one object or a list of objects) and .jsonl (one object a line).

Record fields: `id`, `title`, `text`, `published`, `url`, `outlet`; other fields are ignored.
A bad record becomes a Failure naming the source and line, and reading goes on.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from hadath.errors import EncodingError, InputError, InputTooLargeError, MalformedRecordError
from hadath.ingest.decode import check_size, decode
from hadath.ingest.document import (
    IngestRules,
    document_from_text,
    failure_of,
    load_ingest_rules,
    read_whole_file,
)
from hadath.model import Document, Failure
from hadath.settings import Settings

JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
STRING_FIELDS = ("title", "url", "outlet")
_SKIP_CHUNK = 1 << 20


def _string_field(record: dict[str, Any], name: str, source: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    raise MalformedRecordError(
        f"{source}: `{name}` must be a string or null, not {type(value).__name__}; fix the record"
    )


def _record_id(record: dict[str, Any], source: str) -> str | None:
    value = record.get("id")
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise MalformedRecordError(
        f"{source}: `id` must be a string or an integer, not {type(value).__name__}; fix the record"
    )


def _published(record: dict[str, Any], source: str) -> str | None:
    value = record.get("published")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # a bare year, e.g. 2015
    if value is None or isinstance(value, str):
        return value
    raise MalformedRecordError(
        f'{source}: `published` must be an ISO date string such as "2015-08-01" or null, '
        f"not {type(value).__name__}; fix the record"
    )


def _text(record: dict[str, Any], source: str, settings: Settings) -> str:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = "has no `text`" if text is None else "has an empty `text`"
        if text is not None and not isinstance(text, str):
            problem = f"has a `text` that is {type(text).__name__}, not a string"
        raise MalformedRecordError(
            f"{source}: the record {problem}; add the article text or remove the record"
        )
    check_size(len(text.encode("utf-8", "surrogatepass")), source, settings)
    return text


def record_document(
    record: Any, source: str, settings: Settings, rules: IngestRules | None = None
) -> Document:
    """Build a Document from one parsed JSON record (raises an InputError when it is bad)."""
    if not isinstance(record, dict):
        raise MalformedRecordError(
            f"{source}: expected a JSON object with a `text` field, got "
            f"{type(record).__name__}; fix the record or remove it"
        )
    return document_from_text(
        _text(record, source, settings),
        source=source,
        settings=settings,
        id=_record_id(record, source),
        title=_string_field(record, "title", source),
        published=_published(record, source),
        url=_string_field(record, "url", source),
        outlet=_string_field(record, "outlet", source),
        rules=rules,
    )


def _known_id(record: Any) -> str | None:
    if isinstance(record, dict):
        value = record.get("id")
        if isinstance(value, str | int) and not isinstance(value, bool):
            return str(value)
    return None


def _one_record(
    record: Any, source: str, settings: Settings, rules: IngestRules
) -> Document | Failure:
    try:
        return record_document(record, source, settings, rules)
    except InputError as exc:
        return failure_of(source, exc, _known_id(record))


def _invalid_json(source: str, exc: json.JSONDecodeError, what: str) -> MalformedRecordError:
    return MalformedRecordError(
        f"{source}: invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno}); "
        f"fix {what} or remove it"
    )


def read_json_bytes(
    data: bytes, source: str, settings: Settings, rules: IngestRules | None = None
) -> Iterator[Document | Failure]:
    """Read a .json document: one object, or a list of objects (each a record)."""
    rules = rules or load_ingest_rules()
    try:
        value = json.loads(decode(data, source, settings))
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # one object per line in a file named .json
            yield from read_lines_bytes(data, source, settings, rules)
        else:
            yield failure_of(source, _invalid_json(source, exc, "the file"))
        return
    except InputError as exc:
        yield failure_of(source, exc)
        return
    if not isinstance(value, list):
        yield _one_record(value, source, settings, rules)
        return
    if not value:
        yield failure_of(
            source,
            MalformedRecordError(f"{source}: the JSON list is empty; add article objects to it"),
        )
    for index, record in enumerate(value):
        yield _one_record(record, f"{source}[{index}]", settings, rules)


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield (line number, line) pairs; None for a line longer than `limit`, skipped unread."""
    number = 0
    while line := stream.readline(limit + 2):
        number += 1
        if line.endswith(b"\n") or len(line) < limit + 2:
            yield number, (line if len(line.rstrip(b"\r\n")) <= limit else None)
            continue
        while line and not line.endswith(b"\n"):
            line = stream.readline(_SKIP_CHUNK)
        yield number, None


def _line_record(
    number: int, line: bytes | None, source: str, settings: Settings, rules: IngestRules
) -> Document | Failure | None:
    where = f"{source}:{number}"
    if line is None:
        limit = settings.max_document_bytes
        return failure_of(
            where,
            InputTooLargeError(
                f"{where}: the line is longer than {limit:,} bytes, the limit for one article; "
                "split the article or raise Settings.max_document_bytes"
            ),
        )
    if number == 1 and line.startswith(codecs.BOM_UTF8):
        line = line[len(codecs.BOM_UTF8) :]
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return failure_of(
            where,
            EncodingError(
                f"{where}: the line is not UTF-8 (bad byte at column {exc.start + 1}); JSON Lines "
                f"must be UTF-8: convert the file, e.g. `iconv -f ENCODING -t UTF-8 {source}`"
            ),
        )
    if not text.strip():
        return None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return failure_of(
            where,
            MalformedRecordError(
                f"{where}: invalid JSON ({exc.msg} at column {exc.colno}); "
                "fix the line or remove it"
            ),
        )
    return _one_record(record, where, settings, rules)


def _wide_encoding(head: bytes) -> str | None:
    """Name the encoding when a JSON Lines file is UTF-16/32, which cannot be split on newlines."""
    for bom, name in (
        (codecs.BOM_UTF32_LE, "UTF-32LE"),
        (codecs.BOM_UTF32_BE, "UTF-32BE"),
        (codecs.BOM_UTF16_LE, "UTF-16LE"),
        (codecs.BOM_UTF16_BE, "UTF-16BE"),
    ):
        if head.startswith(bom):
            return name
    if b"\x00" in head:
        return "UTF-16"
    return None


def _wide_failure(source: str, encoding: str) -> Failure:
    return failure_of(
        source,
        EncodingError(
            f"{source} is {encoding} text; JSON Lines must be UTF-8: convert it, e.g. "
            f"`iconv -f {encoding} -t UTF-8 {source} > fixed.jsonl`"
        ),
    )


def read_lines(
    stream: IO[bytes], source: str, settings: Settings, rules: IngestRules | None = None
) -> Iterator[Document | Failure]:
    """Read JSON Lines from a binary stream, one record a line, never holding the whole file."""
    rules = rules or load_ingest_rules()
    for number, line in _lines(stream, settings.max_document_bytes):
        wide = _wide_encoding(line[:64]) if number == 1 and line is not None else None
        if wide is not None:
            yield _wide_failure(source, wide)
            return
        result = _line_record(number, line, source, settings, rules)
        if result is not None:
            yield result


def read_lines_bytes(
    data: bytes, source: str, settings: Settings, rules: IngestRules | None = None
) -> Iterator[Document | Failure]:
    """Read JSON Lines held in memory (e.g. from stdin)."""
    yield from read_lines(io.BytesIO(data), source, settings, rules)


def read(
    path: Path, settings: Settings, rules: IngestRules | None = None
) -> Iterator[Document | Failure]:
    """Read a .json file (read whole) or a .jsonl/.ndjson file (streamed line by line)."""
    source = str(path)
    rules = rules or load_ingest_rules()
    if path.suffix.lower() not in JSON_LINES_SUFFIXES:
        yield from read_whole_file(path, settings, rules, read_json_bytes)
        return
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield failure_of(
            source,
            InputError(
                f"{source}: cannot be read ({exc.strerror}); check the path and its permissions"
            ),
        )
        return
    with stream:
        yield from read_lines(stream, source, settings, rules)
