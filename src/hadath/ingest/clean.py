"""Turn raw article text (plain or Markdown) into clean article text plus its image URLs.

The cleaned text is what every offset in the system points into, so this module decides what
the article text *is*: layout debris lines go (rules in data/ingest/layout.yaml), Markdown markup
is reduced to its text, and whitespace is tidied. Sentences of content are never touched: layout
rules only match whole lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from hadath.errors import LexiconError
from hadath.lexicons.load import load_yaml, require_mapping, require_str_list

LAYOUT_FILE = "ingest/layout.yaml"

Action = Literal["drop", "image", "footer", "block"]
ACTIONS: tuple[Action, ...] = ("drop", "image", "footer", "block")
MAX_TITLE_CHARS = 200

_RULE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Invisible marks (bidi controls, zero-width characters, BOM) that widgets often carry; they are
# ignored when a line is compared against the layout rules but never removed from content.
_INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)

# Markdown syntax (language-independent).
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$")
_RULE_LINE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+)\s*$")
_BLOCKQUOTE = re.compile(r"^\s{0,3}>\s?")
_INLINE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_BLANK_RUN = re.compile(r"\n{3,}")


@dataclass(frozen=True, slots=True)
class LayoutRule:
    """One whole-line rule for layout debris."""

    id: str
    description: str
    pattern: re.Pattern[str]
    action: Action = "drop"
    max_tail_lines: int = 0
    max_tail_chars: int = 0
    items: re.Pattern[str] | None = None  # a block's item lines, removed with it


@dataclass(frozen=True, slots=True)
class LayoutRules:
    """All layout rules, plus the punctuation that ends a sentence (so a line is not a title)."""

    rules: tuple[LayoutRule, ...]
    sentence_end: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Cleaned article text, the image URLs found in it, and its title line if it has one."""

    text: str
    images: tuple[str, ...]
    title: str | None


def _positive_int(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise LexiconError(f"{where}: expected a positive integer, got {value!r}")
    return value


def _parse_rule(raw: Any, where: str) -> LayoutRule:
    entry = require_mapping(raw, where)
    unknown = set(entry) - {
        "id",
        "description",
        "pattern",
        "action",
        "max_tail_lines",
        "max_tail_chars",
        "items",
    }
    if unknown:
        raise LexiconError(f"{where}: unknown field(s) {sorted(unknown)}")
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not _RULE_ID.fullmatch(rule_id):
        raise LexiconError(f"{where}: `id` must be lower-case letters, digits and dashes")
    where = f"{where} ({rule_id})"
    description = entry.get("description")
    if not isinstance(description, str) or not description.strip():
        raise LexiconError(f"{where}: add a non-empty `description`")
    pattern = _compile(entry.get("pattern"), where, "pattern")
    action = entry.get("action", "drop")
    if action not in ACTIONS:
        raise LexiconError(f"{where}: `action` must be one of {', '.join(ACTIONS)}")
    if action == "image" and "url" not in pattern.groupindex:
        raise LexiconError(f"{where}: an image rule needs a named group (?P<url>...)")
    lines = chars = 0
    if action == "footer":
        lines = _positive_int(entry.get("max_tail_lines"), f"{where}: max_tail_lines")
        chars = _positive_int(entry.get("max_tail_chars"), f"{where}: max_tail_chars")
    items = _compile(entry.get("items"), where, "items") if action == "block" else None
    return LayoutRule(rule_id, description.strip(), pattern, action, lines, chars, items)


def _compile(source: Any, where: str, key: str) -> re.Pattern[str]:
    if not isinstance(source, str) or not source.strip():
        raise LexiconError(f"{where}: add a non-empty `{key}`")
    try:
        pattern = re.compile(source, re.IGNORECASE)
    except re.error as exc:
        raise LexiconError(f"{where}: `{key}` is not a valid regular expression: {exc}") from exc
    if pattern.fullmatch(""):
        raise LexiconError(f"{where}: `{key}` matches an empty line; make it require text")
    return pattern


def parse_layout_rules(raw: Any, where: str = f"hadath/data/{LAYOUT_FILE}") -> LayoutRules:
    """Check and compile the content of a layout rule file."""
    data = require_mapping(raw, where)
    sentence_end = tuple(require_str_list(data.get("sentence_end"), f"{where}: sentence_end"))
    entries = data.get("rules")
    if not isinstance(entries, list) or not entries:
        raise LexiconError(f"{where}: `rules` must be a non-empty list")
    rules = tuple(_parse_rule(entry, f"{where}: rules[{i}]") for i, entry in enumerate(entries))
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise LexiconError(f"{where}: rule id {rule.id!r} is used twice; make ids unique")
        seen.add(rule.id)
    return LayoutRules(rules, sentence_end)


def load_layout_rules() -> LayoutRules:
    """Load and check data/ingest/layout.yaml."""
    return parse_layout_rules(load_yaml(LAYOUT_FILE))


def _match(line: str, rules: LayoutRules) -> tuple[LayoutRule, re.Match[str]] | None:
    key = line.strip().strip(_INVISIBLE).strip()
    if not key:
        return None
    for rule in rules.rules:
        found = rule.pattern.fullmatch(key)
        if found:
            return rule, found
    return None


def _strip_markdown(line: str, images: list[str]) -> str | None:
    """Reduce one line of Markdown to its text; None when the line is pure markup."""
    if _RULE_LINE.match(line):
        return None
    heading = _HEADING.match(line)
    if heading:
        line = heading.group(1) or ""
    line = _BLOCKQUOTE.sub("", line)
    images.extend(found.group(1) for found in _INLINE_IMAGE.finditer(line))
    line = _INLINE_IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _STRONG.sub(r"\2", line)
    line = _EMPHASIS_STAR.sub(r"\1", line)
    return _EMPHASIS_UNDERSCORE.sub(r"\1", line)


def _is_footer(rule: LayoutRule, lines: list[str], index: int) -> bool:
    tail = [line.strip() for line in lines[index + 1 :] if line.strip()]
    return len(tail) <= rule.max_tail_lines and all(len(t) < rule.max_tail_chars for t in tail)


def _debris(
    line: str, rules: LayoutRules, lines: list[str], index: int
) -> tuple[LayoutRule, re.Match[str]] | None:
    """Return the rule that makes this line layout debris, if any."""
    found = _match(line, rules)
    if found and found[0].action == "footer" and not _is_footer(found[0], lines, index):
        return None
    return found


def _clean_lines(lines: list[str], rules: LayoutRules, images: list[str]) -> Iterator[str]:
    items: re.Pattern[str] | None = None  # the item lines of a block just removed
    for index, raw in enumerate(lines):
        if items is not None and items.fullmatch(raw.strip()):
            continue
        items = None
        found = _debris(raw, rules, lines, index)
        if found is None:
            text = _strip_markdown(raw, images)
            if text is None:
                continue
            found = _debris(text, rules, lines, index)
            if found is None:
                yield text.strip()
                continue
        rule, match = found
        if rule.action == "footer":
            return
        if rule.action == "image":
            images.append(match.group("url"))
        items = rule.items


def title_of(text: str, rules: LayoutRules) -> str | None:
    """Return the first non-empty line when it is short and not a sentence, else None."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            short = len(line) < MAX_TITLE_CHARS
            return line if short and not line.endswith(rules.sentence_end) else None
    return None


def clean(raw: str, rules: LayoutRules) -> Cleaned:
    """Clean raw article text: drop layout debris, reduce Markdown to text, tidy whitespace."""
    images: list[str] = []
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    text = "\n".join(_clean_lines(lines, rules, images))
    text = _BLANK_RUN.sub("\n\n", text).strip()
    unique = tuple(dict.fromkeys(images))
    return Cleaned(text=text, images=unique, title=title_of(text, rules))
