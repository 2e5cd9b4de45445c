"""Tests of the SQLite store: schema, migrations, saving, replacing, searching, querying."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

import hadath.store.write as write_module
from hadath.errors import InvalidDateError, StoreError
from hadath.model import (
    Actor,
    Analysis,
    Document,
    Event,
    Failure,
    Mention,
    Quote,
    Role,
    Span,
    TimeValue,
    Token,
)
from hadath.output import event_id
from hadath.store import MIGRATIONS, SearchHit, Store, event_ids, match_expression

_TOKEN = re.compile(r"\w+|[^\w\s]")

SHOUKRY = Actor(
    id="sameh-shoukry",
    name="Sameh Shoukry",
    kind="person",
    country="EGY",
    aliases=("Sameh Hassan Shoukry",),
    roles=(Role("Minister of Foreign Affairs", "EGY", "2014-06-17", "2024-07-03"),),
    wikidata="Q370916",
    arabic=("سامح شكري",),
)
SAFADI = Actor(
    id="ayman-safadi",
    name="Ayman Safadi",
    kind="person",
    country="JOR",
    arabic=("أيمن الصفدي",),
)


def tokens(text: str, stems: Mapping[str, str] | None = None) -> tuple[Token, ...]:
    """Tokenise by hand: words and punctuation, with the stems the test gives."""
    found = []
    for match in _TOKEN.finditer(text):
        surface = match.group()
        stem = (stems or {}).get(surface, surface)
        offset = max(surface.find(stem), 0)
        stem_span = Span(match.start() + offset, match.start() + offset + len(stem))
        found.append(Token(Span(match.start(), match.end()), surface, stem, stem_span))
    return tuple(found)


def span_of(text: str, part: str) -> Span:
    """Return the span of the first occurrence of `part` in `text`."""
    start = text.index(part)
    return Span(start, start + len(part))


def consult_analysis(document_id: str = "doc-call") -> Analysis:
    """A phone call between two foreign ministers, with a quote."""
    text = (
        "أجرى سامح شكري اتصالا هاتفيا بأيمن الصفدي يوم الثلاثاء لبحث التهدئة. "
        "وقال شكري: «نريد تهدئة شاملة في المنطقة»."
    )
    document = Document(
        id=document_id,
        text=text,
        title="اتصال بين وزيري الخارجية",
        url="https://example.org/news/call",
        outlet="example.org",
        published="2023-05-17",
        published_precision="day",
        published_source="metadata",
        language="ar",
        source="call.txt",
        images=("https://example.org/img/1.jpg",),
    )
    event = Event(
        type="CONSULT",
        mode="phone",
        actors=("sameh-shoukry",),
        recipients=("ayman-safadi",),
        evidence=span_of(text, "أجرى سامح شكري اتصالا هاتفيا بأيمن الصفدي يوم الثلاثاء"),
        trigger=span_of(text, "اتصالا"),
        rule="consult.phone.call",
        confidence=0.9,
        date=TimeValue("2023-05-16", "day"),
        date_source="weekday",
    )
    quote_text = "نريد تهدئة شاملة في المنطقة"
    return Analysis(
        document=document,
        tokens=tokens(text, {"بأيمن": "أيمن", "التهدئة": "تهدئة", "المنطقة": "منطقة"}),
        sentences=(Span(0, text.index(".") + 1),),
        mentions=(
            Mention(span_of(text, "سامح شكري"), "person", "sameh-shoukry", 1.0, "gazetteer"),
            Mention(span_of(text, "أيمن الصفدي"), "person", "ayman-safadi", 0.95, "gazetteer"),
        ),
        quotes=(
            Quote(span_of(text, quote_text), "sameh-shoukry", span_of(text, "وقال"), quote_text),
        ),
        events=(event,),
        actors=(SHOUKRY, SAFADI),
    )


def attack_analysis() -> Analysis:
    """A condemned attack in March 2022: the surface form 'بالهجوم' has the stem 'هجوم'."""
    text = "ندد الجيش بالهجوم الذي استهدف قافلة قرب الحدود الشمالية في مارس 2022، وقتل ثلاثة جنود."
    event = Event(
        type="ASSAULT",
        mode=None,
        actors=("unknown-gunmen",),
        recipients=("national-army",),
        evidence=span_of(text, "بالهجوم الذي استهدف قافلة"),
        trigger=span_of(text, "بالهجوم"),
        rule="assault.attack",
        confidence=0.7,
        date=TimeValue("2022-03", "month"),
        dead=3,
        historical=True,
    )
    return Analysis(
        document=Document(
            id="doc-convoy", text=text, title="هجوم على قافلة", published="2022-03-20"
        ),
        tokens=tokens(text, {"بالهجوم": "هجوم", "الجيش": "جيش", "الحدود": "حدود"}),
        events=(event,),
    )


def police_analysis() -> Analysis:
    """An attack on a police station in 2021 and an undated protest against it."""
    text = "شن مسلحون هجوما على مركز للشرطة عام 2021. وخرج السكان في مظاهرة تندد بالهجوم."
    attack = Event(
        type="ASSAULT",
        mode=None,
        actors=(),
        recipients=("police",),
        evidence=span_of(text, "شن مسلحون هجوما على مركز للشرطة عام 2021"),
        trigger=span_of(text, "هجوما"),
        rule="assault.attack",
        confidence=0.8,
        date=TimeValue("2021", "year"),
    )
    protest = Event(
        type="PROTEST",
        mode="demonstrate",
        actors=("residents",),
        recipients=(),
        evidence=span_of(text, "وخرج السكان في مظاهرة"),
        trigger=span_of(text, "مظاهرة"),
        rule="protest.demonstration",
        confidence=0.6,
    )
    return Analysis(
        document=Document(id="doc-police", text=text, title="هجوم على مركز"),
        tokens=tokens(text, {"هجوما": "هجوم", "بالهجوم": "هجوم", "للشرطة": "شرطة"}),
        events=(attack, protest),
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A fresh database path."""
    return tmp_path / "hadath.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """An open store, closed after the test."""
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    """A store holding the three example documents."""
    for analysis in (consult_analysis(), attack_analysis(), police_analysis()):
        assert store.save(analysis)
    return store


# -- opening and migrating -----------------------------------------------------------------


def test_wal_mode_and_foreign_keys(store: Store) -> None:
    assert store.journal_mode() == "wal"
    assert store.counts() == dict.fromkeys(
        ("documents", "events", "actors", "mentions", "quotes", "failures", "runs"), 0
    )


def test_migrations_recorded_and_reopening_is_idempotent(db_path: Path) -> None:
    names = tuple(name for name, _ in MIGRATIONS)
    with Store.open(db_path) as first:
        assert first.applied_migrations() == names
        first.save(attack_analysis())
    with Store.open(db_path) as second:
        assert second.applied_migrations() == names
        assert second.counts()["documents"] == 1
        rows = second.query("SELECT count(*) AS n FROM schema_migrations")
        assert rows == [{"n": len(names)}]


def test_old_database_is_upgraded(db_path: Path) -> None:
    with Store.open(db_path, migrations=MIGRATIONS[:1]) as old:
        assert old.applied_migrations() == (MIGRATIONS[0][0],)
        old.save(consult_analysis())
        with pytest.raises(StoreError):
            old.query("SELECT * FROM event_view")
    with Store.open(db_path) as upgraded:
        assert upgraded.applied_migrations() == tuple(name for name, _ in MIGRATIONS)
        assert len(upgraded.query("SELECT * FROM event_view")) == 1
        indexes = upgraded.query("SELECT name FROM sqlite_master WHERE type = 'index'")
        assert {"events_date", "event_actors_actor"} <= {row["name"] for row in indexes}


def test_failing_migration_rolls_back(db_path: Path) -> None:
    def broken(connection: Any) -> None:
        connection.execute("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("simulated failure")

    with pytest.raises(StoreError, match="9999_broken"):
        Store.open(db_path, migrations=(*MIGRATIONS, ("9999_broken", broken)))
    with Store.open(db_path) as reopened:
        assert "9999_broken" not in reopened.applied_migrations()
        tables = reopened.query("SELECT name FROM sqlite_master WHERE name = 'half_done'")
        assert tables == []


def test_database_from_newer_version_is_refused(db_path: Path) -> None:
    def future(connection: Any) -> None:
        connection.execute("CREATE TABLE future_things (x INTEGER)")

    Store.open(db_path, migrations=(*MIGRATIONS, ("9999_future", future))).close()
    with pytest.raises(StoreError, match="newer hadath"):
        Store.open(db_path)


def test_non_database_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not an sqlite file at all, just some words " * 20)
    with pytest.raises(StoreError, match="cannot be opened as a hadath store"):
        Store.open(path)


def test_closed_store_refuses_work(db_path: Path) -> None:
    opened = Store.open(db_path)
    opened.close()
    opened.close()
    with pytest.raises(StoreError, match="closed"):
        opened.save(attack_analysis())


# -- saving --------------------------------------------------------------------------------


def test_save_stores_everything(store: Store) -> None:
    analysis = consult_analysis()
    assert store.save(analysis) is True
    assert store.counts() == {
        "documents": 1,
        "events": 1,
        "actors": 2,
        "mentions": 2,
        "quotes": 1,
        "failures": 0,
        "runs": 0,
    }
    assert store.document("doc-call") == analysis.document
    assert store.document("missing") is None
    mention = store.query('SELECT text, "start", "end", rule FROM mentions ORDER BY "start"')[0]
    assert mention == {"text": "سامح شكري", "start": 5, "end": 14, "rule": "gazetteer"}
    quote = store.query("SELECT speaker, text FROM quote_view")[0]
    assert quote == {"speaker": "Sameh Shoukry", "text": "نريد تهدئة شاملة في المنطقة"}
    actor = store.query("SELECT aliases, arabic, roles FROM actors WHERE id = 'sameh-shoukry'")[0]
    assert actor["arabic"] == '["سامح شكري"]'
    assert '"office": "Minister of Foreign Affairs"' in actor["roles"]


def test_actors_read_back_as_saved_without_role_titles(store: Store) -> None:
    analysis = consult_analysis()
    store.save(analysis)
    found = store.actors(["sameh-shoukry", "nobody-stored"])
    saved = next(a for a in analysis.actors if a.id == "sameh-shoukry")
    plain = tuple(dataclasses.replace(r, title=None, concurrent=False) for r in saved.roles)
    assert found == {"sameh-shoukry": dataclasses.replace(saved, roles=plain)}


def test_resaving_same_document_is_a_no_op(store: Store) -> None:
    assert store.save(consult_analysis())
    before = store.counts()
    stamp = store.query("SELECT ingested_at FROM documents")
    assert store.save(consult_analysis()) is False
    assert store.counts() == before
    assert store.query("SELECT ingested_at FROM documents") == stamp


def test_same_id_with_new_text_replaces_the_old_version(store: Store) -> None:
    assert store.save(consult_analysis("doc-x"))
    replacement = dataclasses.replace(
        attack_analysis(), document=dataclasses.replace(attack_analysis().document, id="doc-x")
    )
    assert store.save(replacement) is True
    assert store.document("doc-x") == replacement.document
    counts = store.counts()
    assert (counts["documents"], counts["events"], counts["mentions"], counts["quotes"]) == (
        1,
        1,
        0,
        0,
    )
    assert [record.type for record in store.events()] == ["ASSAULT"]
    assert store.search(["تهدئة"]) == []
    assert [hit.document_id for hit in store.search(["هجوم"])] == ["doc-x"]
    links = store.query("SELECT actor_id FROM event_actors ORDER BY role")
    assert [row["actor_id"] for row in links] == ["unknown-gunmen", "national-army"]
    # Actors are shared by documents and outlive the version that introduced them.
    assert counts["actors"] == 2


def test_failing_save_rolls_back_and_keeps_earlier_documents(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert store.save(attack_analysis())
    assert store.save(consult_analysis())
    before = store.counts()

    def explode(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(write_module, "_insert_quotes", explode)
    with pytest.raises(StoreError, match="disk on fire"):
        store.save(police_analysis())
    changed = dataclasses.replace(
        consult_analysis(),
        document=dataclasses.replace(consult_analysis().document, text="x" * 200),
    )
    with pytest.raises(StoreError, match="rolled back"):
        store.save(changed)
    assert store.counts() == before
    assert store.document("doc-police") is None
    assert store.document("doc-call") == consult_analysis().document
    assert [hit.document_id for hit in store.search(["هجوم"])] == ["doc-convoy"]


def test_offsets_outside_the_text_are_refused(store: Store) -> None:
    analysis = attack_analysis()
    bad = dataclasses.replace(analysis, mentions=(Mention(Span(5, 5000), "group", None, 0.5),))
    with pytest.raises(StoreError, match="outside"):
        store.save(bad)
    assert store.counts()["documents"] == 0


def test_malformed_event_date_is_refused(store: Store) -> None:
    analysis = attack_analysis()
    event = dataclasses.replace(analysis.events[0], date=TimeValue("March 2022", "month"))
    with pytest.raises(StoreError, match="YYYY"):
        store.save(dataclasses.replace(analysis, events=(event,)))


def test_event_ids_follow_the_output_contract(filled: Store) -> None:
    analysis = consult_analysis()
    [record] = filled.events(type="CONSULT")
    assert record.id == event_id(analysis.document.id, analysis.events[0])


def test_clashing_event_ids_are_suffixed_and_duplicates_dropped() -> None:
    analysis = consult_analysis()
    first = analysis.events[0]
    second = dataclasses.replace(first, recipients=("someone-else",))
    paired = event_ids("doc-call", (first, first, second))
    base = event_id("doc-call", first)
    assert [identifier for identifier, _ in paired] == [base, f"{base}-2"]


def test_clashing_events_are_both_stored(store: Store) -> None:
    analysis = consult_analysis()
    second = dataclasses.replace(analysis.events[0], recipients=("someone-else",))
    store.save(dataclasses.replace(analysis, events=(*analysis.events, second)))
    assert store.counts()["events"] == 2


# -- runs and failures ---------------------------------------------------------------------


def test_runs_and_failures(store: Store) -> None:
    first = store.start_run("hadath ingest news/")
    second = store.start_run("hadath ingest more/")
    broken = Failure("news/empty.txt", "empty", "EmptyInputError: nothing but whitespace")
    latin = Failure("more/en.txt", "not-arabic", "NotArabicError: text is English", "doc-en")
    store.record_failure(first, broken)
    store.record_failure(second, latin)
    store.record_failure(None, broken)
    assert store.save(attack_analysis(), run_id=first)
    store.finish_run(first, documents=1, events=1, failures=1, skipped=0)
    assert store.failures(first) == [broken]
    assert store.failures(second) == [latin]
    assert store.failures() == [broken, latin, broken]
    runs = store.runs()
    assert [(r.id, r.command, r.documents, r.failures) for r in runs] == [
        (first, "hadath ingest news/", 1, 1),
        (second, "hadath ingest more/", None, None),
    ]
    assert runs[0].finished_at is not None and runs[1].finished_at is None
    assert store.query("SELECT run_id FROM documents") == [{"run_id": first}]


def test_unknown_run_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="start_run"):
        store.finish_run(41, 0, 0, 0, 0)
    with pytest.raises(StoreError, match="run 41 does not exist"):
        store.record_failure(41, Failure("a.txt", "empty", "nothing"))
    with pytest.raises(StoreError, match="run 41"):
        store.save(attack_analysis(), run_id=41)
    assert store.counts()["documents"] == 0


# -- querying events -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "actor",
    [
        "Sameh Shoukry",
        "sameh  shoukry",
        "SAMEH HASSAN SHOUKRY",
        "sameh-shoukry",
        "سامح شكري",
        "Ayman Safadi",
        "ayman-safadi",
        "أيمن الصفدي",
    ],
)
def test_events_by_actor_name_alias_or_id_as_actor_or_recipient(filled: Store, actor: str) -> None:
    [record] = filled.events(actor=actor)
    assert record.type == "CONSULT"
    assert record.actors == ("Sameh Shoukry",)
    assert record.recipients == ("Ayman Safadi",)
    assert record.actor_ids == ("sameh-shoukry",)
    assert record.document_title == "اتصال بين وزيري الخارجية"
    assert record.outlet == "example.org"
    assert record.published == "2023-05-17"


def test_events_by_actor_missing_from_actor_table(filled: Store) -> None:
    [record] = filled.events(actor="national-army")
    assert record.recipients == ("national-army",)
    assert record.actors == ("unknown-gunmen",)
    assert record.dead == 3
    assert filled.events(actor="nobody") == []


@pytest.mark.parametrize(
    ("event_type", "documents"),
    [
        ("CONSULT", ["doc-call"]),
        ("assault", ["doc-police", "doc-convoy"]),
        ("Protest", ["doc-police"]),
        ("SANCTION", []),
    ],
)
def test_events_by_type(filled: Store, event_type: str, documents: list[str]) -> None:
    assert [r.document_id for r in filled.events(type=event_type)] == documents


@pytest.mark.parametrize(
    ("date_from", "date_to", "dates"),
    [
        (None, None, ["2021", "2022-03", "2023-05-16", None]),
        ("2022", None, ["2022-03", "2023-05-16"]),
        (None, "2022-12-31", ["2021", "2022-03"]),
        ("2022-03", "2022-03", ["2022-03"]),
        ("2022-03-10", "2022-12", []),
        ("2021", "2021", ["2021"]),
        ("2023-05-16", "2023-05-16", ["2023-05-16"]),
        ("2024", None, []),
    ],
)
def test_events_by_date_range(
    filled: Store, date_from: str | None, date_to: str | None, dates: list[str | None]
) -> None:
    records = filled.events(date_from=date_from, date_to=date_to)
    assert [r.date for r in records] == dates


@pytest.mark.parametrize("bad", ["2022/03", "March 2022", "22-03", "2022-3"])
def test_events_rejects_non_iso_dates(filled: Store, bad: str) -> None:
    with pytest.raises(InvalidDateError, match="YYYY-MM-DD"):
        filled.events(date_from=bad)


def test_events_combined_filters_and_limit(filled: Store) -> None:
    records = filled.events(type="ASSAULT", date_from="2022", actor="unknown-gunmen")
    assert [r.document_id for r in records] == ["doc-convoy"]
    assert len(filled.events(limit=2)) == 2
    assert filled.events(limit=0) == []
    with pytest.raises(ValueError, match="limit"):
        filled.events(limit=-1)


def test_event_record_fields(filled: Store) -> None:
    [record] = filled.events(type="CONSULT")
    assert record.mode == "phone"
    assert record.date_precision == "day"
    assert record.date_source == "weekday"
    assert record.historical is False and record.negated is False
    assert record.evidence_text.startswith("أجرى سامح شكري")
    assert record.trigger_text == "اتصالا"
    assert record.rule == "consult.phone.call"
    assert record.confidence == pytest.approx(0.9)


def test_event_view(filled: Store) -> None:
    rows = filled.query("SELECT * FROM event_view WHERE type = ?", ["CONSULT"])
    assert len(rows) == 1
    row = rows[0]
    assert row["actors"] == "Sameh Shoukry"
    assert row["recipients"] == "Ayman Safadi"
    assert row["document_title"] == "اتصال بين وزيري الخارجية"
    assert row["published"] == "2023-05-17"
    assert len(filled.query("SELECT * FROM event_view")) == 4


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM documents",
        "DROP TABLE events",
        "PRAGMA journal_mode = DELETE",
        "ATTACH DATABASE ':memory:' AS other",
        "SELECT 1; DELETE FROM documents",
        "PRAGMA user_version = 7",
        "PRAGMA wal_checkpoint",
        "VACUUM",
        "BEGIN",
        "UPDATE sqlite_master SET sql = ''",
        "PRAGMA writable_schema = ON",
    ],
)
def test_query_is_read_only(filled: Store, sql: str) -> None:
    before = filled.counts()
    with pytest.raises(StoreError):
        filled.query(sql)
    assert filled.counts() == before
    assert filled.journal_mode() == "wal"


# -- search --------------------------------------------------------------------------------


def test_stem_finds_every_surface_form(filled: Store) -> None:
    hits = filled.search(["هجوم"])
    assert {hit.document_id for hit in hits} == {"doc-convoy", "doc-police"}
    convoy = next(hit for hit in hits if hit.document_id == "doc-convoy")
    assert isinstance(convoy, SearchHit)
    assert convoy.title == "هجوم على قافلة"
    assert convoy.published == "2022-03-20"
    assert "[بالهجوم]" in convoy.marked()
    assert "بالهجوم" in convoy.snippet


def test_search_requires_every_term(filled: Store) -> None:
    hits = filled.search(["هجوم", "شرطة"])
    assert [hit.document_id for hit in hits] == ["doc-police"]
    assert filled.search(["هجوم", "تهدئة"]) == []


def test_search_ranks_and_limits(filled: Store) -> None:
    hits = filled.search(["هجوم"], limit=1)
    assert len(hits) == 1
    ranks = [hit.rank for hit in filled.search(["هجوم"])]
    assert ranks == sorted(ranks)


def test_search_accepts_one_string(filled: Store) -> None:
    assert [hit.document_id for hit in filled.search("تهدئة")] == ["doc-call"]


@pytest.mark.parametrize(
    "term",
    [
        '"',
        '""',
        "AND",
        "OR",
        "NOT",
        "*",
        "هجوم*",
        "هجوم OR",
        "NEAR(هجوم",
        "body:هجوم",
        "^هجوم",
        "-",
        "(",
        ")",
        "\x00",
        "",
        "   ",
        'هجوم\x00"',
        "{title body}: هجوم",
    ],
)
def test_search_terms_cannot_inject_fts_syntax(filled: Store, term: str) -> None:
    hits = filled.search([term])
    assert all(isinstance(hit, SearchHit) for hit in hits)
    assert isinstance(filled.search(["هجوم", term]), list)


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        (["هجوم"], '"هجوم"'),
        (['قال "نعم"'], '"قال ""نعم"""'),
        (["a", "", " b "], '"a" "b"'),
        ([], ""),
        (["\x00"], ""),
    ],
)
def test_match_expression_quotes_terms(terms: list[str], expected: str) -> None:
    assert match_expression(terms) == expected


def test_search_snippet_falls_back_without_tokens(store: Store) -> None:
    analysis = dataclasses.replace(attack_analysis(), tokens=())
    store.save(analysis)
    [hit] = store.search(["هجوم"])
    assert hit.document_id == "doc-convoy"
    assert hit.snippet.startswith("ندد الجيش")


# -- sharing the file ----------------------------------------------------------------------


def test_second_connection_reads_committed_writes(db_path: Path) -> None:
    with Store.open(db_path) as writer, Store.open(db_path) as reader:
        writer.save(attack_analysis())
        assert reader.counts()["documents"] == 1
        assert reader.events(type="ASSAULT")[0].document_id == "doc-convoy"


def test_query_reads_search_index_and_reporting_pragmas(filled: Store) -> None:
    rows = filled.query(
        "SELECT document_id FROM documents_fts WHERE documents_fts MATCH ? ORDER BY document_id",
        ['"هجوم"'],
    )
    assert [row["document_id"] for row in rows] == ["doc-convoy", "doc-police"]
    columns = filled.query("SELECT name FROM pragma_table_info('events')")
    assert "evidence_text" in {row["name"] for row in columns}
    assert filled.query("SELECT count(*) AS n FROM json_each(?)", ["[1, 2, 3]"]) == [{"n": 3}]
    assert filled.query("PRAGMA journal_mode") == [{"journal_mode": "wal"}]


def test_event_records_carry_their_documents_url(filled: Store) -> None:
    urls = {record.document_id: record.url for record in filled.events()}
    assert urls == {
        "doc-call": "https://example.org/news/call",
        "doc-convoy": None,
        "doc-police": None,
    }
