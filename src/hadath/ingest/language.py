"""Check that cleaned text is Arabic: not another language, nor Persian or Urdu in Arabic script."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hadath.errors import EmptyInputError, LexiconError, NotArabicError
from hadath.ingest.decode import is_arabic_letter
from hadath.lexicons.load import load_yaml, require_mapping, require_str_list
from hadath.settings import Settings

LANGUAGE_FILE = "ingest/language.yaml"
LANGID_CHARS = 2000


@dataclass(frozen=True, slots=True)
class LanguageRules:
    """Letters and language codes used to tell Arabic from other Arabic-script languages."""

    persian_letters: frozenset[str]
    min_persian_share: float
    script_languages: frozenset[str]
    names: tuple[tuple[str, str], ...]

    def name(self, code: str) -> str:
        """Return the English name of a langid language code (the code when unknown)."""
        return dict(self.names).get(code, code)


def parse_language_rules(raw: Any, where: str = f"hadath/data/{LANGUAGE_FILE}") -> LanguageRules:
    """Check the content of the language data file."""
    data = require_mapping(raw, where)
    letters = data.get("persian_letters")
    if not isinstance(letters, str) or not letters or not all(map(is_arabic_letter, letters)):
        raise LexiconError(f"{where}: `persian_letters` must be a string of Arabic-script letters")
    share = data.get("min_persian_share")
    if not isinstance(share, float) or not 0 < share < 1:
        raise LexiconError(f"{where}: `min_persian_share` must be a number between 0 and 1")
    codes = require_str_list(data.get("script_languages"), f"{where}: script_languages")
    names = require_mapping(data.get("language_names"), f"{where}: language_names")
    if not all(isinstance(v, str) and v for v in names.values()):
        raise LexiconError(f"{where}: every entry of `language_names` must be a non-empty name")
    return LanguageRules(frozenset(letters), share, frozenset(codes), tuple(sorted(names.items())))


def load_language_rules() -> LanguageRules:
    """Load and check data/ingest/language.yaml."""
    return parse_language_rules(load_yaml(LANGUAGE_FILE))


def guess_language(text: str) -> str:
    """Return langid's ISO 639-1 guess for a text (only its first 2,000 characters are used)."""
    import langid  # imported here: its model takes a second to load and pure Arabic never needs it

    code, _score = langid.classify(text[:LANGID_CHARS])
    return str(code)


def check_arabic(text: str, source: str, settings: Settings, rules: LanguageRules) -> None:
    """Raise EmptyInputError for too little text and NotArabicError for text that is not Arabic."""
    chars = sum(1 for char in text if not char.isspace())
    if chars < settings.min_text_chars:
        raise EmptyInputError(
            f"{source} has only {chars} characters of article text after cleaning (at least "
            f"{settings.min_text_chars} are needed); pass the full article text"
        )
    letters = [char for char in text if char.isalpha()]
    arabic = [char for char in letters if is_arabic_letter(char)]
    share = len(arabic) / len(letters) if letters else 0.0
    if share < settings.min_arabic_share:
        code = guess_language(text)
        kind = "mixed-language" if code == "ar" else rules.name(code)
        raise NotArabicError(
            f"{source} looks like {kind} text, not Arabic (only {share:.0%} of its letters are "
            "Arabic script); hadath codes Arabic news only: remove it from the batch"
        )
    persian = [char for char in arabic if char in rules.persian_letters]
    if arabic and len(persian) / len(arabic) >= rules.min_persian_share:
        code = guess_language(text)
        if code in rules.script_languages:
            sample = " ".join(sorted(set(persian))[:6])
            raise NotArabicError(
                f"{source} looks like {rules.name(code)} text, not Arabic ({len(persian)} of its "
                f"letters are ones Arabic does not use, such as {sample}); hadath codes Arabic "
                "news only: remove it from the batch"
            )
