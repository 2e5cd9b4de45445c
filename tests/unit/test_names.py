"""Tests for hadath.names: name folding and matching, quotation text normalisation, data checks."""

from __future__ import annotations

from typing import Any

import pytest

from hadath.errors import LexiconError
from hadath.names import (
    fold_name,
    fold_parts,
    load_name_rules,
    load_text_rules,
    names_match,
    normalize_text,
    parse_name_rules,
    parse_text_rules,
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Sergey Lavrov", "Sergei Lavrov"),
        ("SERGEI LAVROV", "sergey lavrov"),
        ("Andrey Belousov", "Andrei Belousov"),
        ("Dmitry Peskov", "Dmitri Peskov"),
        ("Yevgeny Prigozhin", "Evgeny Prigozhin"),
        ("Aleksandr Lukashenko", "Alexander Lukashenko"),
        ("Oleksii Reznikov", "Oleksiy Reznikov"),
        ("Yury Ushakov", "Yuri Ushakov"),
        ("Mohammed bin Salman", "Muhammad bin Salman"),
        ("Mohamed bin Zayed", "Mohammad ibn Zayed"),
        ("Abdel Fattah el-Sisi", "Abd al-Fattah al-Sisi"),
        ("Abdul Fattah al Sisi", "Abdel Fattah El-Sisi"),
        ("Abdelaziz Bouteflika", "Abdul Aziz Bouteflika"),
        ("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"),
        ("Binali Yıldırım", "Binali Yildirim"),
        ("'Asir Province", "Asir Province"),
        ("Donetsk People's Republic", "Donetsk People’s Republic"),
        ("Al-Watan (Syria)", "Al-Watan"),
        ("Ministry of Foreign Affairs (Russia)", "Ministry of Foreign Affairs (Russia)"),
        ("Ministry of Foreign Affairs (Russia)", "ministry of foreign affairs"),
    ],
)
def test_names_match(first: str, second: str) -> None:
    assert names_match(first, second)
    assert names_match(second, first)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Ministry of Foreign Affairs (Russia)", "Ministry of Foreign Affairs (Ukraine)"),
        ("Sergei Lavrov", "Sergei Shoigu"),
        ("Mohammed bin Salman", "Mohammed bin Zayed"),
        ("Abdullah II of Jordan", "Abdullah of Saudi Arabia"),
        ("Russia", "Belarus"),
    ],
)
def test_names_do_not_match(first: str, second: str) -> None:
    assert not names_match(first, second)


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Ministry of Foreign Affairs (Russia)", "ministry of foreign affairs"),
        ("Sergey Lavrov", "sergei lavrov"),
        ("Abd al-Rahman", "abdulrahman"),
        ("  United   States ", "united states"),
        ("(Russia)", "russia"),
    ],
)
def test_fold_name(name: str, folded: str) -> None:
    assert fold_name(name) == folded
    assert fold_name(folded) == folded  # idempotent


def test_fold_parts_keeps_the_disambiguator() -> None:
    parts = fold_parts("Ministry of Defence (Russia)")
    assert (parts.base, parts.qualifier) == ("ministry of defence", "russia")
    assert fold_parts("Vladimir Putin").qualifier is None


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("إِنَّ الأُمَّةَ", "ان الامه"),  # harakat, hamza below and above, ta marbuta
        ("آمن بالله", "امن بالله"),  # alef madda
        ("ٱلقدس", "القدس"),  # alef wasla
        ("مصطفــــى", "مصطفي"),  # tatweel, alef maqsura
        ("  قال\u00a0\n  الوزير\t", "قال الوزير"),  # whitespace collapsed, no-break space too
        ("ﻻ", "لا"),  # presentation form, undone by NFKC
        ("صفّاً واحداً", "صفا واحدا"),  # shadda and tanwin
    ],
)
def test_normalize_text(text: str, normalised: str) -> None:
    assert normalize_text(text) == normalised


def test_shipped_data_files_pass_their_schema_check() -> None:
    rules = load_name_rules()
    assert ("sergey",) in rules.variants
    assert load_text_rules().table[ord("ى")] == "ي"


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ([], "expected a mapping"),
        ({"variantz": {}}, "unknown section(s) variantz"),
        ({"variants": {"sergei": ["Sergey"]}}, "must be lower case"),
        ({"variants": {"sergei": ["sergey"], "serge": ["sergey"]}}, "listed twice"),
        ({"variants": {"al": ["el"], "el": ["il"]}}, "itself a canonical"),
        ({"letters": {"ıı": "i"}}, "map one lower-case character"),
        ({"letters": {"Ø": "o"}}, "map one lower-case character"),
        ({"letters": {"ø": "O"}}, "must be lower case"),
        ({"drop": ["''"]}, "must be one character"),
        ({"prefixes": {"abdul": ["abd al"]}}, "single word"),
        ({"join_with_next": "abdul"}, "list of non-empty strings"),
    ],
)
def test_bad_name_rules(data: Any, fragment: str) -> None:
    with pytest.raises(LexiconError) as caught:
        parse_name_rules(data, "names.yaml")
    assert "names.yaml" in str(caught.value) and fragment in str(caught.value)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"remove": ["ــ"]}, "single character"),
        ({"replace": {"ا": ["أ"], "ي": ["أ"]}}, "listed twice"),
        ({"strip": []}, "unknown section(s) strip"),
    ],
)
def test_bad_text_rules(data: Any, fragment: str) -> None:
    with pytest.raises(LexiconError, match=r"text\.yaml") as caught:
        parse_text_rules(data, "text.yaml")
    assert fragment in str(caught.value)
