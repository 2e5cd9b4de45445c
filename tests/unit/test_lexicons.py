"""Schema checks of every shipped data file, and the loaders' refusals of bad entries."""

from __future__ import annotations

import pickle

import pytest

from hadath.errors import LexiconError
from hadath.lexicons.actors import load_actor_kb, nisba_forms
from hadath.lexicons.events import MODES
from hadath.lexicons.load import data_files, load_yaml
from hadath.model import EVENT_TYPES
from hadath.normalize import load_normalizer
from hadath.resources import Resources
from hadath.tokenize import TextRules


def test_resources_load_and_pickle(resources: Resources) -> None:
    clone = pickle.loads(pickle.dumps(resources))
    assert clone.actors.actors.keys() == resources.actors.actors.keys()
    assert clone.events.triggers == resources.events.triggers


def test_actor_ids_unique_and_names_present(resources: Resources) -> None:
    actors = resources.actors.actors
    assert len(actors) > 500
    for actor in actors.values():
        assert actor.name and actor.kind in ("person", "organisation", "state", "place", "group")
    files = ("actors/states.yaml", "actors/organisations.yaml", "actors/offices.yaml")
    files += tuple(data_files("actors/people", ".yaml"))
    ids = [e["id"] for f in files for e in load_yaml(f)]
    assert len(ids) == len(set(ids))


def test_every_alias_normalises_to_something(resources: Resources) -> None:
    fold = load_normalizer()
    for actor in resources.actors.actors.values():
        for alias in actor.arabic:
            assert fold(alias).strip(), actor.id


def test_roles_have_ordered_iso_dates(resources: Resources) -> None:
    for actor in resources.actors.actors.values():
        for role in actor.roles:
            if role.start and role.end:  # compared at the coarser precision (2005-04-07, 2005)
                n = min(len(role.start), len(role.end))
                assert role.start[:n] <= role.end[:n], actor.id


def test_every_trigger_has_a_known_type_and_mode(resources: Resources) -> None:
    for trigger in resources.events.triggers:
        assert trigger.type in EVENT_TYPES
        assert trigger.mode is None or trigger.mode in MODES[trigger.type]
        assert trigger.patterns


@pytest.mark.parametrize(
    ("masculine", "forms"),
    [("روسي", {"روسي", "روسية", "روسيون", "روسيين", "روسيان", "روسيتان", "روسيات"})],
)
def test_nisba_forms(masculine: str, forms: set[str], resources: Resources) -> None:
    from hadath.lexicons.actors import _morphology

    assert forms <= set(nisba_forms(masculine, _morphology()))


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وزير الدفاع الروسي", None),
        ("سيرغي شويغو", "sergei-shoigu"),
        ("شويجو", "sergei-shoigu"),
        ("حلف شمال الأطلسي", "nato"),
        ("الولايات المتحدة", "usa"),
        ("الكرملين", "kremlin"),
        ("وزارة الخارجية الروسية", "ministry-of-foreign-affairs-rus"),
    ],
)
def test_gazetteer_knows_common_names(text: str, actor: str | None, resources: Resources,
                                      text_rules: TextRules) -> None:  # fmt: skip
    from hadath.tokenize import tokenize

    tokens = tokenize(text, text_rules)
    hit = resources.actors.names.match(tokens, 0)
    if actor is None:
        assert hit is None or hit[0] < len(tokens)
    else:
        assert hit is not None and actor in hit[1] and hit[0] == len(tokens)


def test_institutions_are_generated_from_templates(resources: Resources) -> None:
    names = {a.name for a in resources.actors.actors.values()}
    assert "Ministry of Foreign Affairs (Russia)" in names


def test_kb_loader_rejects_unknown_office(
    monkeypatch: pytest.MonkeyPatch, text_rules: TextRules
) -> None:
    import hadath.lexicons.actors as module

    real = module.load_yaml

    def fake(relative: str) -> object:
        data = real(relative)
        if relative == "actors/people/usa.yaml":
            data = [*data, {"id": "x-y", "name": "X Y", "country": "USA", "arabic": ["س ص"],
                            "roles": [{"office": "Grand Vizier", "country": "USA",
                                       "start": "2020-01-01"}]}]  # fmt: skip
        return data

    monkeypatch.setattr(module, "load_yaml", fake)
    with pytest.raises(LexiconError, match="Grand Vizier"):
        load_actor_kb(text_rules)


def test_generated_people_add_to_the_hand_written_ones(
    monkeypatch: pytest.MonkeyPatch, text_rules: TextRules
) -> None:
    import hadath.lexicons.actors as module

    real = module.load_yaml
    role = {"office": "Minister of Defence", "country": "RUS", "start": "1990-01-01"}
    generated = [
        {
            "id": "testa-testova",
            "name": "Testa Testova",
            "country": "RUS",
            "arabic": ["تيستا تيستوفا"],
            "roles": [{**role, "end": "1990-12-31"}],
        },
        {"id": "sergei-shoigu", "name": "Not Shoigu", "country": "RUS", "arabic": ["ليس هو"]},
    ]
    real_files = module.data_files
    monkeypatch.setattr(
        module,
        "data_files",
        lambda folder, suffix: (
            ["actors/generated/x.yaml"] if "generated" in folder else real_files(folder, suffix)
        ),
    )
    monkeypatch.setattr(
        module, "load_yaml", lambda rel: generated if "generated" in rel else real(rel)
    )
    kb = load_actor_kb(text_rules)
    assert kb.actors["testa-testova"].roles[0].start == "1990-01-01"
    assert kb.actors["sergei-shoigu"].name == "Sergei Shoigu"
    assert [a.id for a in kb.holders("Minister of Defence", "RUS", "1990-06")] == ["testa-testova"]


def test_argument_words_reject_an_unknown_event_type(
    monkeypatch: pytest.MonkeyPatch, text_rules: TextRules
) -> None:
    import hadath.lexicons.arguments as module

    real = module.load_yaml
    monkeypatch.setattr(module, "load_yaml", lambda rel: {**real(rel), "domestic": ["RIOT"]})
    with pytest.raises(LexiconError, match="RIOT"):
        module.load_argument_words(text_rules)
