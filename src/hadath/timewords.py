"""The time lexicon (data/time/): month names, weekdays, relative-day words, era markers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hadath.errors import LexiconError
from hadath.lexicons.load import load_yaml, require_mapping, require_str_list
from hadath.lexicons.phrases import PhraseIndex, build_index, phrase_key
from hadath.tokenize import TextRules

Month = tuple[str, int]  # (calendar, month number)
Unit = tuple[str, str]  # (unit: day|week|month|year, form: one|dual|plural)
UNITS = ("day", "week", "month", "year")
UNIT_FORMS = ("one", "dual", "plural")


@dataclass(frozen=True, slots=True)
class TimeLexicon:
    """Compiled time words; every look-up goes through token stems."""

    months: PhraseIndex[Month]
    weekdays: PhraseIndex[int]
    days: PhraseIndex[int]
    day_word: frozenset[str]
    same_words: frozenset[str]
    next_words: frozenset[str]
    previous_words: frozenset[str]
    month_modifiers: frozenset[str]
    year_words: frozenset[str]
    month_words: frozenset[str]
    year_joiners: frozenset[str]
    year_prepositions: frozenset[str]
    hijri_era: frozenset[str]
    gregorian_era: frozenset[str]
    equivalence: PhraseIndex[bool]
    this_words: frozenset[str]
    units: PhraseIndex[Unit]
    ago: frozenset[str]
    since: frozenset[str]
    anchor: frozenset[str]
    approximately: PhraseIndex[bool]
    numbers: PhraseIndex[int]
    period_parts: frozenset[str]
    ordinal_days: PhraseIndex[int]
    day_joiners: frozenset[str]
    seasons: PhraseIndex[tuple[int, int]]
    day_parts: frozenset[str]


def _stems(words: Any, rules: TextRules, where: str) -> frozenset[str]:
    return frozenset(k for w in require_str_list(words, where) for k in phrase_key(w, rules)[:1])


def _months(data: Any, rules: TextRules, where: str) -> PhraseIndex[Month]:
    pairs: list[tuple[str, Month]] = []
    for calendar in ("gregorian", "hijri"):
        table = require_mapping(
            {str(k): v for k, v in require_mapping_any(data, calendar, where)}, where
        )
        if sorted(int(k) for k in table) != list(range(1, 13)):
            raise LexiconError(f"{where}: {calendar} must list months 1 to 12")
        for number, names in table.items():
            pairs += [(name, (calendar, int(number))) for name in require_str_list(names, where)]
    return build_index(pairs, rules)


def require_mapping_any(data: Any, key: str, where: str) -> list[tuple[Any, Any]]:
    """Return the items of a mapping-valued key (keys may be numbers)."""
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, dict):
        raise LexiconError(f"{where}: '{key}' must be a mapping")
    return list(value.items())


def _weekdays(data: Any, rules: TextRules, where: str) -> PhraseIndex[int]:
    if not isinstance(data, dict) or sorted(data) != list(range(1, 8)):
        raise LexiconError(f"{where}: weekdays must be numbered 1 (Monday) to 7")
    return build_index(
        ((name, int(k)) for k, names in data.items() for name in require_str_list(names, where)),
        rules,
        by_norm=True,
    )


def _days(entries: Any, rules: TextRules, where: str) -> PhraseIndex[int]:
    pairs: list[tuple[str, int]] = []
    for entry in entries if isinstance(entries, list) else []:
        entry = require_mapping(entry, where)
        offset = entry.get("offset")
        if not isinstance(offset, int):
            raise LexiconError(f"{where}: {entry} needs an integer 'offset'")
        pairs += [(w, offset) for w in require_str_list(entry.get("words"), where)]
    if not pairs:
        raise LexiconError(f"{where}: 'days' must list relative-day words")
    return build_index(pairs, rules, by_norm=True)


def _units(data: Any, rules: TextRules, where: str) -> PhraseIndex[Unit]:
    table = require_mapping(data, f"{where}: units")
    if sorted(table) != sorted(UNITS):
        raise LexiconError(f"{where}: units must list exactly {list(UNITS)}")
    pairs: list[tuple[str, Unit]] = []
    for unit, forms in table.items():
        forms = require_mapping(forms, f"{where}: units.{unit}")
        if sorted(forms) != sorted(UNIT_FORMS):
            raise LexiconError(f"{where}: units.{unit} must list the forms {list(UNIT_FORMS)}")
        pairs += [
            (w, (unit, f)) for f, words in forms.items() for w in require_str_list(words, where)
        ]
    return build_index(pairs, rules)


def _numbers(data: Any, rules: TextRules, where: str) -> PhraseIndex[int]:
    table = require_mapping(
        {str(k): v for k, v in require_mapping_any({"n": data}, "n", where)}, where
    )
    return build_index(
        ((w, int(k)) for k, words in table.items() for w in require_str_list(words, where)), rules
    )


def _seasons(data: Any, rules: TextRules, where: str) -> PhraseIndex[tuple[int, int]]:
    pairs: list[tuple[str, tuple[int, int]]] = []
    for name, entry in require_mapping(data, f"{where}: seasons").items():
        entry = require_mapping(entry, f"{where}: seasons.{name}")
        months = entry.get("months")
        if not (
            isinstance(months, list) and len(months) == 2 and all(1 <= m <= 12 for m in months)
        ):
            raise LexiconError(f"{where}: seasons.{name}.months must be [first, last] month")
        pairs += [(w, (months[0], months[1])) for w in require_str_list(entry.get("words"), where)]
    return build_index(pairs, rules)


def load_time_lexicon(rules: TextRules) -> TimeLexicon:
    """Load and check data/time/*.yaml."""
    months = require_mapping(load_yaml("time/months.yaml"), "time/months.yaml")
    rel = require_mapping(load_yaml("time/relative.yaml"), "time/relative.yaml")
    era = require_mapping(months.get("era"), "time/months.yaml: era")
    where = "time/relative.yaml"

    def words(key: str) -> frozenset[str]:
        return _stems(rel.get(key), rules, where)

    return TimeLexicon(
        months=_months(months, rules, "time/months.yaml"),
        weekdays=_weekdays(load_yaml("time/weekdays.yaml"), rules, "time/weekdays.yaml"),
        days=_days(rel.get("days"), rules, where),
        day_word=words("day_word"),
        same_words=words("same"),
        next_words=words("next"),
        previous_words=words("previous"),
        month_modifiers=words("month_modifiers"),
        year_words=words("year_words"),
        month_words=words("month_words"),
        year_joiners=words("year_joiners"),
        year_prepositions=words("year_prepositions"),
        hijri_era=_stems(era.get("hijri"), rules, "time/months.yaml"),
        gregorian_era=_stems(era.get("gregorian"), rules, "time/months.yaml"),
        equivalence=build_index(
            ((w, True) for w in require_str_list(months.get("equivalence"), "time/months.yaml")),
            rules,
        ),
        this_words=words("this"),
        units=_units(rel.get("units"), rules, where),
        ago=words("ago"),
        since=words("since"),
        anchor=words("anchor"),
        approximately=build_index(
            ((w, True) for w in require_str_list(rel.get("approximately"), where)), rules
        ),
        numbers=_numbers(rel.get("numbers"), rules, where),
        period_parts=words("period_parts"),
        ordinal_days=_numbers(rel.get("ordinal_days"), rules, where),
        day_joiners=words("day_joiners"),
        seasons=_seasons(rel.get("seasons"), rules, where),
        day_parts=words("day_parts"),
    )
