"""The Wikidata generator: dumps and SPARQL results in, people.yaml entries out; merge; sync."""

from __future__ import annotations

import bz2
import gzip
import hashlib
import importlib.util
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

import hadath.lexicons.actors as actors_module
from hadath.errors import LexiconError, MalformedRecordError
from hadath.lexicons.actors import load_actor_kb
from hadath.lexicons.load import data_text, load_yaml
from hadath.normalize import load_normalizer
from hadath.tokenize import TextRules
from hadath.wikidata import (
    SPARQL_VARIABLES,
    Entry,
    Generated,
    KnownActors,
    check_sync,
    default_positions_path,
    generate,
    known_actors,
    load_positions,
    merge_people,
    read_provenance,
    render,
    render_entry,
    slug,
    sparql_query,
)

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "src" / "hadath" / "data" / "actors" / "generated"
SCRIPT = ROOT / "scripts" / "wikidata_actors.py"
GREGORIAN = "http://www.wikidata.org/entity/Q1985727"
ENTITY = "http://www.wikidata.org/entity/"
RUSSIA, EGYPT, USA = "Q159", "Q79", "Q30"  # state items as listed in states.yaml

POSITIONS = """\
- wikidata: Q990001
  label: defence minister of the test state
  office: Minister of Defence
  country: RUS
- wikidata: Q990002
  label: head of the test government
  office: Prime Minister
  country: RUS
- wikidata: Q990003
  label: foreign minister of the second test state
  office: Minister of Foreign Affairs
  country: EGY
- wikidata: Q990004
  label: chief diplomat of the third test state
  office: Minister of Foreign Affairs
  country: USA
  title: Secretary of State
- wikidata: Q990005
  label: head of the test world body
  office: Secretary-General of the United Nations
"""


@dataclass(frozen=True)
class Held:
    """A test P39 statement: dates are (YYYY-MM-DD, precision), 'unknown' is some value."""

    position: str
    start: tuple[str, int] | None = None
    end: tuple[str, int] | str | None = None
    rank: str = "normal"


@dataclass(frozen=True)
class Spec:
    """An invented person, written out both as a dump entity and as SPARQL rows."""

    qid: str
    en: str | None = None
    ar: str | None = None
    en_aliases: tuple[str, ...] = ()
    ar_aliases: tuple[str, ...] = ()
    enwiki: str | None = None
    citizenship: tuple[str, ...] = ()
    died: str | None = None
    held: tuple[Held, ...] = ()
    human: bool = True


PEOPLE = (
    Spec(
        "Q990101",
        en="Ivan Testov",
        ar="إيفان تيستوف",
        en_aliases=("I. P. Testov",),
        ar_aliases=("تيستوف", "Ivan Testov"),
        enwiki="Ivan Testov",
        citizenship=(RUSSIA,),
        held=(
            Held("Q990001", ("2012-11-06", 11), ("2020-05-12", 11)),
            Held("Q990002", ("2020-05-12", 11), ("2022-01-10", 11)),
            Held("Q990002", ("2022-01-11", 11)),
            Held("Q990005", ("2001-01-01", 11), rank="deprecated"),
        ),
    ),
    Spec(
        "Q990102",
        en="Karim Testawi",
        ar="كريم التستاوي",
        ar_aliases=("التستاوي",),
        citizenship=(EGYPT,),
        held=(
            Held("Q990003", ("2014-06-00", 10)),
            Held("Q990003", ("2019-03-01", 11), ("2021-07-15", 11)),
        ),
    ),
    Spec(
        "Q990103",
        en="Sara Example",
        ar="سارة إكزامبل",
        enwiki="Sara Example (politician)",
        citizenship=(USA,),
        held=(Held("Q990004", ("2021-01-26", 11), "unknown"), Held("Q777")),
    ),
    Spec(
        "Q990104",
        en="Omar Sample",
        ar="عمر سامبل",
        enwiki="Omar Sample",
        citizenship=(EGYPT,),
        died="2023-02-02",
        held=(Held("Q990005", ("2017-01-01", 11)),),
    ),
    Spec("Q990105", en="Nobody Listed", enwiki="Nobody Listed", held=(Held("Q777"),)),
    Spec(
        "Q990106", en="Test Ministry", enwiki="Test Ministry", held=(Held("Q990001"),), human=False
    ),
    Spec(
        "Q990107",
        en="Ivan Testov",
        ar="إيفان تيستوف الدبلوماسي",
        enwiki="Ivan Testov (diplomat)",
        held=(Held("Q990004", ("2010-01-01", 11), ("2011-01-01", 11)),),
    ),
)


# --- writing the test sources ------------------------------------------------------------------


def _time_snak(prop: str, value: tuple[str, int] | str) -> dict[str, Any]:
    if isinstance(value, str):
        return {"snaktype": "somevalue", "property": prop, "datatype": "time"}
    date, precision = value
    time = {"time": f"+{date}T00:00:00Z", "timezone": 0, "before": 0, "after": 0,
            "precision": precision, "calendarmodel": GREGORIAN}  # fmt: skip
    return {"snaktype": "value", "property": prop, "datavalue": {"value": time, "type": "time"}}


def _item_claim(prop: str, qid: str, rank: str = "normal") -> dict[str, Any]:
    value = {"entity-type": "item", "numeric-id": int(qid[1:]), "id": qid}
    snak = {"snaktype": "value", "property": prop,
            "datavalue": {"value": value, "type": "wikibase-entityid"}}  # fmt: skip
    return {"mainsnak": snak, "type": "statement", "rank": rank}


def _p39(held: Held) -> dict[str, Any]:
    claim = _item_claim("P39", held.position, held.rank)
    qualifiers = {}
    if held.start:
        qualifiers["P580"] = [_time_snak("P580", held.start)]
    if held.end:
        qualifiers["P582"] = [_time_snak("P582", held.end)]
    return {**claim, "qualifiers": qualifiers} if qualifiers else claim


def _words(language: str, values: tuple[str | None, ...]) -> list[dict[str, str]]:
    return [{"language": language, "value": v} for v in values if v]


def entity(spec: Spec) -> dict[str, Any]:
    """Return a test person as the Wikidata JSON dump writes an entity."""
    claims: dict[str, Any] = {"P31": [_item_claim("P31", "Q5" if spec.human else "Q43229")]}
    claims["P27"] = [_item_claim("P27", q) for q in spec.citizenship]
    claims["P39"] = [_p39(h) for h in spec.held]
    if spec.died:
        claims["P570"] = [{"mainsnak": _time_snak("P570", (spec.died, 11)), "rank": "normal"}]
    labels = {w["language"]: w for w in _words("en", (spec.en,)) + _words("ar", (spec.ar,))}
    aliases = {"en": _words("en", spec.en_aliases), "ar": _words("ar", spec.ar_aliases)}
    sitelinks = {"enwiki": {"site": "enwiki", "title": spec.enwiki}} if spec.enwiki else []
    return {"type": "item", "id": spec.qid, "labels": labels or [], "aliases": aliases,
            "sitelinks": sitelinks, "claims": claims}  # fmt: skip


def dump_text(specs: tuple[Spec, ...] = PEOPLE) -> bytes:
    """Return a dump in the latest-all.json layout: an array, one entity a line."""
    lines = [json.dumps(entity(s), ensure_ascii=False) for s in specs]
    lines.append(json.dumps({"type": "property", "id": "P39", "labels": [], "claims": []}))
    return ("[\n" + ",\n".join(lines) + "\n]\n").encode("utf-8")


def _uri(qid: str) -> dict[str, str]:
    return {"type": "uri", "value": ENTITY + qid}


def _literal(value: str, language: str | None = None) -> dict[str, str]:
    return {"type": "literal", "value": value, **({"xml:lang": language} if language else {})}


def _sparql_time(name: str, value: tuple[str, int]) -> dict[str, dict[str, str]]:
    date = value[0].replace("-00", "-01")  # the query service writes a month as its first day
    return {name: {"type": "literal", "value": f"{date}T00:00:00Z"},
            f"{name}Precision": {"type": "literal", "value": str(value[1])}}  # fmt: skip


def _statement_rows(spec: Spec, wanted: set[str]) -> Iterator[dict[str, Any]]:
    for n, held in enumerate(spec.held):
        if held.position not in wanted or held.rank == "deprecated":
            continue
        row: dict[str, Any] = {"person": _uri(spec.qid), "position": _uri(held.position)}
        row["statement"] = {"type": "uri", "value": f"{ENTITY}statement/{spec.qid}-{n}"}
        row |= _sparql_time("start", held.start) if held.start else {}
        if isinstance(held.end, str):
            row["endUnknown"] = {
                "type": "uri",
                "value": "http://www.wikidata.org/.well-known/genid/1",
            }
        elif held.end:
            row |= _sparql_time("end", held.end)
        yield row


def _name_rows(spec: Spec) -> Iterator[dict[str, Any]]:
    person = _uri(spec.qid)
    named = [("enLabel", spec.en, "en"), ("arLabel", spec.ar, "ar"), ("enwiki", spec.enwiki, "en")]
    named += [("enAlias", a, "en") for a in spec.en_aliases]
    named += [("arAlias", a, "ar") for a in spec.ar_aliases]
    for variable, value, language in named:
        if value:
            yield {"person": person, variable: _literal(value, language)}
    for state in spec.citizenship:
        yield {"person": person, "citizenship": _uri(state)}
    if spec.died:
        yield {"person": person, **_sparql_time("died", (spec.died, 11))}


def sparql_text(specs: tuple[Spec, ...] = PEOPLE) -> bytes:
    """Return what the query service answers to the generator's query for the test people."""
    wanted = {f"Q99000{n}" for n in range(1, 6)}
    rows = []
    for spec in specs:
        if spec.human and any(h.position in wanted for h in spec.held):
            rows += [*_statement_rows(spec, wanted), *_name_rows(spec)]
    result = {"head": {"vars": list(SPARQL_VARIABLES)}, "results": {"bindings": rows}}
    return json.dumps(result, ensure_ascii=False, indent=2).encode("utf-8")


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def known() -> KnownActors:
    """Offices, states and taken ids, read once for the module."""
    return known_actors()


@pytest.fixture
def positions(tmp_path: Path) -> Path:
    """A positions file of invented position items."""
    path = tmp_path / "positions.yaml"
    path.write_text(POSITIONS, encoding="utf-8")
    return path


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    """A small plain-text dump of the test people."""
    path = tmp_path / "dump.json"
    path.write_bytes(dump_text())
    return path


@pytest.fixture
def generated(dump: Path, positions: Path, tmp_path: Path, known: KnownActors) -> Generated:
    """The generator's run over the test dump."""
    return generate(dump, positions=positions, root=tmp_path, known=known)


@pytest.fixture(scope="module")
def normalise() -> Callable[[str], str]:
    """The project's normaliser, as the merge compares spellings with it."""
    return load_normalizer()


def by_id(result: Generated) -> dict[str, Entry]:
    """Entries of a run by id."""
    return {e.id: e for e in result.entries}


def body(text: str) -> str:
    """A generated file without its header."""
    return text.split("\n\n", 1)[1]


# --- extraction --------------------------------------------------------------------------------

IVAN = """\
- id: ivan-testov
  name: Ivan Testov
  country: RUS
  wikidata: Q990101
  aliases: [I. P. Testov]
  arabic: [إيفان تيستوف, تيستوف]
  roles:
    - {office: Minister of Defence, country: RUS, start: 2012-11-06, end: 2020-05-12}
    - {office: Prime Minister, country: RUS, start: 2020-05-12}
"""


def test_entry_is_written_in_the_people_schema(generated: Generated) -> None:
    text = render(generated)
    assert IVAN in text
    entries = yaml.safe_load(text)
    assert [e["id"] for e in entries] == sorted(e["id"] for e in entries)
    assert all(set(e) <= {"id", "name", "country", "wikidata", "aliases", "arabic", "roles"}
               for e in entries)  # fmt: skip


def test_header_names_the_source_and_its_sha256(generated: Generated, dump: Path) -> None:
    text = render(generated)
    assert "# source: dump.json\n" in text
    assert f"# source-sha256: {hashlib.sha256(dump.read_bytes()).hexdigest()}\n" in text
    assert read_provenance(text) == generated.provenance


def test_ended_and_ongoing_terms_and_next_day_terms_joined(generated: Generated) -> None:
    roles = by_id(generated)["ivan-testov"].roles
    assert [(r.office, r.start, r.end) for r in roles] == [
        ("Minister of Defence", "2012-11-06", "2020-05-12"),
        ("Prime Minister", "2020-05-12", None),
    ]


def test_deprecated_statement_is_ignored(generated: Generated) -> None:
    offices = {r.office for r in by_id(generated)["ivan-testov"].roles}
    assert "Secretary-General of the United Nations" not in offices


def test_month_precision_term_is_left_out_and_noted(generated: Generated) -> None:
    karim = by_id(generated)["karim-testawi"]
    assert [(r.start, r.end) for r in karim.roles] == [("2019-03-01", "2021-07-15")]
    assert any("start 2014-06 (known only to the month)" in n for n in karim.notes)
    assert "# Left out: Minister of Foreign Affairs (EGY), start 2014-06" in render(generated)


def test_person_without_enwiki_is_named_by_label_and_noted(generated: Generated) -> None:
    karim = by_id(generated)["karim-testawi"]
    assert (karim.name, karim.wikidata, karim.country) == ("Karim Testawi", "Q990102", "EGY")
    assert karim.notes[0].startswith("No English Wikipedia article")
    assert karim.arabic == ("كريم التستاوي", "التستاوي")


def test_unknown_end_is_left_out_and_disambiguator_dropped(generated: Generated) -> None:
    sara = by_id(generated)["sara-example"]
    assert sara.name == "Sara Example (politician)"
    assert sara.aliases == ("Sara Example",)
    assert sara.roles == ()
    assert any("unknown" in n or "does not know" in n for n in sara.notes)
    assert "  roles: []\n" in render_entry(sara)


def test_term_open_in_wikidata_ends_at_death(generated: Generated) -> None:
    omar = by_id(generated)["omar-sample"]
    role = omar.roles[0]
    assert (role.office, role.country, role.start, role.end) == (
        "Secretary-General of the United Nations", None, "2017-01-01", "2023-02-02",
    )  # fmt: skip
    assert omar.country == "EGY"
    assert "country:" not in render_entry(omar).split("roles:")[1]


def test_taken_slug_gets_the_wikidata_id(generated: Generated) -> None:
    other = by_id(generated)["ivan-testov-q990107"]
    assert other.name == "Ivan Testov (diplomat)"
    assert other.country == "USA"  # no citizenship: the country of the office held
    assert other.roles[0].title == "Secretary of State"
    assert "title: Secretary of State" in render_entry(other)


def test_non_humans_and_unlisted_positions_are_ignored(generated: Generated) -> None:
    qids = {e.wikidata for e in generated.entries}
    assert qids == {"Q990101", "Q990102", "Q990103", "Q990104", "Q990107"}


def test_latin_aliases_are_not_arabic(generated: Generated) -> None:
    assert "Ivan Testov" not in by_id(generated)["ivan-testov"].arabic


@pytest.mark.parametrize(
    ("suffix", "compress"), [(".json.gz", gzip.compress), (".json.bz2", bz2.compress)]
)
def test_compressed_dumps_give_the_same_entries(
    suffix: str, compress: Callable[[bytes], bytes], positions: Path, tmp_path: Path,
    generated: Generated, known: KnownActors) -> None:  # fmt: skip
    path = tmp_path / f"dump{suffix}"
    raw = compress(dump_text())
    path.write_bytes(raw)
    again = generate(path, positions=positions, root=tmp_path, known=known)
    assert body(render(again)) == body(render(generated))
    assert again.provenance.source_sha256 == hashlib.sha256(raw).hexdigest()


def test_sparql_result_gives_the_same_entries_as_the_dump(
    positions: Path, tmp_path: Path, generated: Generated, known: KnownActors
) -> None:
    path = tmp_path / "result.json"
    path.write_bytes(sparql_text())
    again = generate(path, positions=positions, root=tmp_path, known=known)
    assert again.provenance.format == "sparql"
    assert body(render(again)) == body(render(generated))


def test_order_of_the_dump_does_not_change_the_output(
    positions: Path, tmp_path: Path, generated: Generated, known: KnownActors
) -> None:
    shuffled = list(PEOPLE)
    random.Random(7).shuffle(shuffled)
    path = tmp_path / "shuffled.json"
    path.write_bytes(dump_text(tuple(shuffled)))
    again = generate(path, positions=positions, root=tmp_path, known=known)
    assert body(render(again)) == body(render(generated))


def test_query_asks_for_every_position_and_variable(positions: Path, known: KnownActors) -> None:
    query = sparql_query(load_positions(positions, known))
    assert all(f"wd:Q99000{n}" in query for n in range(1, 6))
    select = query.split("SELECT ", 1)[1].split(" WHERE", 1)[0].split()
    assert select == [f"?{v}" for v in SPARQL_VARIABLES]
    assert query.count("{") == query.count("}")


def test_truncated_dump_line_is_reported(
    positions: Path, tmp_path: Path, known: KnownActors
) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(dump_text()[:-200])
    with pytest.raises(MalformedRecordError, match="download it again"):
        generate(path, positions=positions, root=tmp_path, fmt="dump", known=known)


def test_generated_entries_load_into_the_actor_kb(
    monkeypatch: pytest.MonkeyPatch, text_rules: TextRules, generated: Generated
) -> None:
    real = load_yaml

    def fake(relative: str) -> object:
        data = real(relative)
        if relative == "actors/people/usa.yaml":
            data = [*data, *yaml.safe_load(render(generated))]
        return data

    monkeypatch.setattr(actors_module, "load_yaml", fake)
    kb = load_actor_kb(text_rules)
    holders = kb.holders("Prime Minister", "RUS", "2023-05-01")
    assert "ivan-testov" in [a.id for a in holders]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
        ("Fikri Işık", "fikri-isik"),
        ("John Brennan (CIA officer)", "john-brennan"),
        ("Lars Løkke Rasmussen", "lars-lokke-rasmussen"),
        ("Jean-Noël Barrot", "jean-noel-barrot"),
        ("JD Vance", "jd-vance"),
    ],
)
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


@pytest.mark.parametrize(
    "name",
    ["Yes", "O'Brien", "Name: with colon", "[Bracketed]", "#1 Person", "1984", "Smith, John"],
)
def test_names_survive_yaml(name: str) -> None:
    entry = Entry("x", name, "USA", None, aliases=(name,), arabic=("اسم مختلف",))
    loaded = yaml.safe_load(render_entry(entry))[0]
    assert (loaded["name"], loaded["aliases"]) == (name, [name])


def test_long_arabic_list_is_written_as_a_block() -> None:
    arabic = tuple(f"اسم طويل جدا رقم {n}" for n in range(8))
    text = render_entry(Entry("x", "X", "USA", None, arabic=arabic))
    assert "  arabic:\n    - " in text
    assert tuple(yaml.safe_load(text)[0]["arabic"]) == arabic


# --- the positions file ------------------------------------------------------------------------


def test_shipped_positions_load() -> None:
    mapping = load_positions()
    assert mapping["Q11696"].office == "President"
    assert mapping["Q11696"].country == "USA"
    assert mapping["Q81066"].country is None
    assert default_positions_path().is_file()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- {wikidata: Q1, office: Grand Vizier, country: USA}", "Grand Vizier"),
        ("- {wikidata: Q1, office: President, country: XXX}", "XXX"),
        ("- {wikidata: P39, office: President, country: USA}", "item id"),
        ("- {wikidata: Q1, office: President}\n- {wikidata: Q1, office: King}", "twice"),
        ("wikidata: Q1", "list"),
    ],
)
def test_bad_positions_file_is_refused(text: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_positions(path)


# --- merging -----------------------------------------------------------------------------------

HAND = """\
# People written by hand for a test.

# === Russia ===
- id: ivan-testov
  name: Ivan Testov
  country: RUS
  wikidata: Q990101
  arabic: [ايفان تيستوف]
  roles:
    - {office: Minister of Defence, country: RUS, start: 2012-11-06, end: 2020-05-10}

# Kept as written.
- id: karim-testawi
  name: Karim Testawi
  country: EGY
  arabic: [كريم التستاوي]
  roles: []

- id: untouched-person
  name: Untouched Person
  country: USA
  aliases: [U. Person]
  arabic: [شخص لم يمسه أحد]
  roles:
    - {office: President, country: USA, start: 2001-01-20, end: 2009-01-20}
"""

UNTOUCHED = HAND[HAND.index("- id: untouched-person") :]


@pytest.fixture
def merged(generated: Generated, normalise: Callable[[str], str]) -> Any:
    """The test dump's entries merged into the hand-written test file."""
    return merge_people(HAND, generated.entries, normalise, "hand.yaml")


def _loaded(text: str) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in yaml.safe_load(text)}


def test_merge_reports_different_dates_instead_of_overwriting(merged: Any) -> None:
    ivan = _loaded(merged.text)["ivan-testov"]
    kept = {"office": "Minister of Defence", "country": "RUS", "start": "2012-11-06"}
    assert ivan["roles"][0] == _dates({**kept, "end": "2020-05-10"})
    messages = [c.message for c in merged.conflicts if c.entry == "ivan-testov"]
    assert len(messages) == 1
    assert "2020-05-10" in messages[0] and "2020-05-12" in messages[0]


def _date(iso: str) -> Any:
    return yaml.safe_load(iso)


def _dates(role: dict[str, str]) -> dict[str, Any]:
    return {k: _date(v) if k in ("start", "end") else v for k, v in role.items()}


def test_merge_adds_roles_and_only_new_spellings(merged: Any) -> None:
    ivan = _loaded(merged.text)["ivan-testov"]
    assert [r["office"] for r in ivan["roles"]] == ["Minister of Defence", "Prime Minister"]
    # إيفان تيستوف normalises to the listed ايفان تيستوف, so only the surname is new
    assert ivan["arabic"] == ["ايفان تيستوف", "تيستوف"]
    assert ivan["aliases"] == ["I. P. Testov"]


def test_merge_matches_by_name_and_adds_the_wikidata_id(merged: Any) -> None:
    karim = _loaded(merged.text)["karim-testawi"]
    assert karim["wikidata"] == "Q990102"
    role = {"office": "Minister of Foreign Affairs", "country": "EGY", "start": "2019-03-01"}
    assert karim["roles"] == [_dates({**role, "end": "2021-07-15"})]
    assert karim["arabic"] == ["كريم التستاوي", "التستاوي"]
    assert set(merged.extended) == {"ivan-testov", "karim-testawi"}


def test_merge_keeps_untouched_text_and_comments(merged: Any) -> None:
    assert merged.text.startswith("# People written by hand for a test.\n\n# === Russia ===\n")
    assert "# Kept as written.\n- id: karim-testawi" in merged.text
    assert UNTOUCHED in merged.text


def test_merge_appends_new_people(merged: Any) -> None:
    assert merged.added == ("ivan-testov-q990107", "omar-sample", "sara-example")
    tail = merged.text.split("# === Added from Wikidata", 1)[1]
    assert "- id: omar-sample" in tail and "# Left out:" in tail


def test_merge_never_deletes_hand_written_data(merged: Any) -> None:
    before, after = _loaded(HAND), _loaded(merged.text)
    for ident, entry in before.items():
        for key, value in entry.items():
            new = after[ident][key]
            assert new == value or (isinstance(value, list) and new[: len(value)] == value)


def test_merging_twice_changes_nothing_more(
    merged: Any, generated: Generated, normalise: Callable[[str], str]
) -> None:
    again = merge_people(merged.text, generated.entries, normalise)
    assert again.text == merged.text
    assert (again.added, again.extended) == ((), ())
    assert [c.entry for c in again.conflicts] == ["ivan-testov"]


def test_merged_file_loads_into_the_actor_kb(
    monkeypatch: pytest.MonkeyPatch, text_rules: TextRules, generated: Generated,
    normalise: Callable[[str], str],
) -> None:  # fmt: skip
    real_text = data_text("actors/people/usa.yaml")
    result = merge_people(real_text, generated.entries, normalise)
    real = load_yaml

    def fake(relative: str) -> object:
        mine = relative == "actors/people/usa.yaml"
        return yaml.safe_load(result.text) if mine else real(relative)

    monkeypatch.setattr(actors_module, "load_yaml", fake)
    kb = load_actor_kb(text_rules)
    assert "omar-sample" in kb.actors
    assert "barack-obama" in kb.actors


def test_merging_nothing_into_people_yaml_changes_nothing(normalise: Callable[[str], str]) -> None:
    text = data_text("actors/people/usa.yaml")
    result = merge_people(text, [], normalise)
    assert result.text == text
    assert (result.added, result.extended, result.conflicts) == ((), (), ())


def test_merge_refuses_a_name_with_another_wikidata_id(normalise: Callable[[str], str]) -> None:
    hand = "- id: sara-example\n  name: Sara Example (politician)\n  country: USA\n  wikidata: Q1\n"
    new = Entry("sara-example", "Sara Example (politician)", "USA", "Q990103", arabic=("سارة",))
    result = merge_people(hand + "  arabic: []\n  roles: []\n", [new], normalise)
    assert "not merged" in result.conflicts[0].message
    assert result.added == () and result.extended == ()


def test_merge_leaves_entries_with_inner_comments_to_a_person(
    normalise: Callable[[str], str],
) -> None:
    hand = HAND.replace("  roles: []\n", "  roles: []  # none checked yet\n")
    new = Entry("karim-testawi", "Karim Testawi", "EGY", "Q990102", arabic=("التستاوي",))
    result = merge_people(hand, [new], normalise)
    assert result.text == hand
    assert "merge by hand" in result.conflicts[0].message


# --- the sync check ----------------------------------------------------------------------------


@pytest.fixture
def written(generated: Generated, tmp_path: Path) -> Path:
    """A generated file written next to its source."""
    path = tmp_path / "generated" / "people.yaml"
    path.parent.mkdir()
    path.write_text(render(generated), encoding="utf-8")
    return path


def test_sync_check_finds_a_fresh_file_in_sync(
    written: Path, tmp_path: Path, known: KnownActors
) -> None:
    assert check_sync(written, tmp_path, known).state == "in-sync"


def test_sync_check_finds_an_edited_file_stale(
    written: Path, tmp_path: Path, known: KnownActors
) -> None:
    written.write_text(written.read_text(encoding="utf-8").replace("2012-11-06", "2012-11-07"))
    result = check_sync(written, tmp_path, known)
    assert result.state == "stale"
    assert "2012-11-07" in result.detail


def test_sync_check_finds_a_changed_source(
    written: Path, dump: Path, tmp_path: Path, known: KnownActors
) -> None:
    dump.write_bytes(dump_text(PEOPLE[:2]))
    result = check_sync(written, tmp_path, known)
    assert result.state == "stale"
    assert "dump.json changed" in result.detail


def test_sync_check_without_the_source(
    written: Path, dump: Path, tmp_path: Path, known: KnownActors
) -> None:
    dump.unlink()
    assert check_sync(written, tmp_path, known).state == "source-missing"


def test_sync_check_of_a_hand_written_file(tmp_path: Path) -> None:
    path = tmp_path / "hand.yaml"
    path.write_text(HAND, encoding="utf-8")
    assert check_sync(path, tmp_path).state == "not-generated"


@pytest.mark.parametrize("path", sorted(GENERATED.glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_generated_files_are_in_sync(path: Path) -> None:
    result = check_sync(path, ROOT)
    if result.state == "source-missing":
        pytest.skip(result.detail)
    assert result.state == "in-sync", result.detail


# --- the script --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def script() -> ModuleType:
    """scripts/wikidata_actors.py, imported."""
    spec = importlib.util.spec_from_file_location("wikidata_actors", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_script_generates_checks_and_merges(
    script: ModuleType, dump: Path, positions: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    out = tmp_path / "out.yaml"
    common = ["--positions", str(positions), "--root", str(tmp_path)]
    assert script.main([str(dump), *common, "-o", str(out)]) == 0
    assert script.main(["--check", str(out), "--root", str(tmp_path)]) == 0
    hand = tmp_path / "hand.yaml"
    hand.write_text(HAND, encoding="utf-8")
    merge = [str(out), *common, "--merge", str(hand), "--fail-on-conflict"]
    assert script.main(merge) == 1
    assert "conflict: ivan-testov: Minister of Defence" in capsys.readouterr().err


def test_script_prints_the_query(script: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert script.main(["--print-query"]) == 0
    assert "wd:Q11696" in capsys.readouterr().out
