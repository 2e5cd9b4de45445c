"""Places: gazetteer look-up, everyday words that are places only after a noun of place, and
the place of an event."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import Analyse
from hadath.errors import LexiconError
from hadath.lexicons import places as module
from hadath.lexicons.places import load_place_lexicon
from hadath.model import Event
from hadath.resources import Resources
from hadath.tokenize import TextRules


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("وصل الوفد إلى الرياض مساء أمس.", ["Riyadh"]),
        ("دارت اشتباكات عنيفة في حلب وإدلب.", ["Aleppo", "Idlib"]),
        ("وعقد الاجتماع بالقاهرة.", ["Cairo"]),
        # An everyday word is a place only after a noun of place.
        ("نشرت الصحيفة صور الدمار.", []),
        ("سقطت قذيفة على مدينة صور في لبنان.", ["Tyre, Lebanon", "Lebanon"]),
        # Bare "غزة" in the news is the Strip; the city is named as one.
        ("تواصلت الغارات على غزة ومدينة غزة.", ["Gaza Strip", "Gaza City"]),
        # A state named outright is a place; its nisba is not.
        ("عاد السفير الروسي إلى سوريا.", ["Syria"]),
    ],
)
def test_places_named_in_a_text(text: str, named: list[str], analyse: Analyse) -> None:
    assert [p.name for p in analyse(text, "2021-05-02").places] == named


def _only(events: tuple[Event, ...], kind: str) -> Event:
    found = [e for e in events if e.type == kind]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("التقى وزير الخارجية السعودي فيصل بن فرحان نظيره الإيراني أمس في الرياض.", "CONSULT",
         "Riyadh"),
        ("زار الرئيس التركي رجب طيب أردوغان موسكو أمس.", "CONSULT", "Moscow"),
        ("قصفت طائرات حربية مدينة دوما بريف دمشق أمس.", "ASSAULT", "Douma, Syria"),
        # Where the story was filed (the dateline) is not where the act happened.
        ("القاهرة - أدانت مصر أمس الهجوم على السفارة.", "ACCUSE", None),
        # A visit to a state went to its capital, unless the text names where in it.
        ("وصل وزير الخارجية الأمريكي إلى مصر أمس في زيارة رسمية.", "CONSULT", "Cairo"),
        ("زار الرئيس التركي روسيا أمس على رأس وفد كبير من الوزراء ورجال الأعمال. وكانت الأمطار "
         "غزيرة في مدينة سوتشي.", "CONSULT", "Sochi"),
        # Where a visitor came from is not where he met.
        ("التقى الرئيس الفرنسي إيمانويل ماكرون أمس الرئيس اللبناني القادم من بيروت.", "CONSULT",
         None),
    ],
)  # fmt: skip
def test_an_event_takes_the_place_its_clause_names(
    text: str, kind: str, place: str | None, analyse: Analyse
) -> None:
    assert _only(analyse(text, "2022-11-08").events, kind).place == place


def _with(monkeypatch: pytest.MonkeyPatch, entries: list[dict[str, Any]]) -> None:
    real = module.load_yaml
    monkeypatch.setattr(
        module, "load_yaml", lambda rel: entries if rel == module.PLACES else real(rel)
    )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"id": "x", "name": "X", "country": "Syria", "kind": "city", "arabic": ["س"]},
         "ISO3"),
        ({"id": "x", "name": "X", "country": "SYR", "kind": "town", "arabic": ["س"]}, "kind"),
        ({"id": "X", "name": "X", "country": "SYR", "kind": "city", "arabic": ["س"]}, "id"),
        ({"id": "x", "name": "X", "country": "SYR", "kind": "city", "arabic": []}, "arabic"),
        ({"id": "x", "name": "X", "country": "SYR", "kind": "city", "arabic": ["س"],
          "state": "SYR"}, "unknown keys"),
    ],
)  # fmt: skip
def test_the_gazetteer_loader_rejects_a_malformed_entry(
    entry: dict[str, Any], message: str, monkeypatch: pytest.MonkeyPatch, text_rules: TextRules
) -> None:
    _with(monkeypatch, [entry])
    with pytest.raises(LexiconError, match=message):
        load_place_lexicon(text_rules)


def test_the_gazetteer_loader_rejects_a_repeated_id(
    monkeypatch: pytest.MonkeyPatch, text_rules: TextRules
) -> None:
    entry = {"id": "x", "name": "X", "country": None, "kind": "region", "arabic": ["س"]}
    _with(monkeypatch, [entry, entry])
    with pytest.raises(LexiconError, match="twice"):
        load_place_lexicon(text_rules)


def test_the_gazetteer_loader_rejects_a_second_capital(
    monkeypatch: pytest.MonkeyPatch, text_rules: TextRules
) -> None:
    one = {"id": "x", "name": "X", "country": "SYR", "kind": "capital", "arabic": ["س"]}
    _with(monkeypatch, [one, {**one, "id": "y", "name": "Y", "arabic": ["ص"]}])
    with pytest.raises(LexiconError, match="second capital"):
        load_place_lexicon(text_rules)


def test_every_shipped_place_is_found_by_its_first_arabic_name(resources: Resources) -> None:
    # The index keeps every entry reachable: a name shadowed by a longer one still matches.
    from hadath.lexicons.load import load_yaml
    from hadath.tokenize import tokenize

    lex = resources.places
    for entry in load_yaml(module.PLACES):
        for arabic in entry["arabic"]:
            tokens = tokenize(arabic, resources.text)
            found = lex.index.match(tokens, 0)
            assert found is not None and found[0] == len(tokens), arabic
            assert entry["id"] in {p.id for p in found[1]}, arabic
