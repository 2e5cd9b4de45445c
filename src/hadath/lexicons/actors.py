"""The actor knowledge base (data/actors/): states, organisations, offices and people."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from hadath.errors import LexiconError
from hadath.lexicons.frozen import FrozenMap
from hadath.lexicons.load import (
    DATA_ID,
    ISO3,
    data_files,
    load_yaml,
    require_mapping,
    require_str_list,
)
from hadath.lexicons.phrases import PhraseIndex, build_index, first_words, phrase_key
from hadath.model import Actor, ActorKind, Role
from hadath.tokenize import TextRules

_REFERENCES = "actors/references.yaml"
_PARTIAL = re.compile(r"^\d{4}(-\d{2})?$")
PERSON_KEYS = frozenset({"id", "name", "country", "wikidata", "aliases", "arabic", "roles"})
# concurrent: true marks a holder who shared the office with a rival or co-holder (two
# governments claiming one country); the one-holder-at-a-time check lets it overlap.
ROLE_KEYS = frozenset({"office", "country", "title", "start", "end", "concurrent"})


@dataclass(frozen=True, slots=True)
class Office:
    """An office: a person office has holders (roles); an organisation office is an institution."""

    id: str
    label: str
    kind: str
    arabic: tuple[str, ...]
    name_template: str | None = None
    overrides: Mapping[str, str] = FrozenMap({})
    shared: bool = False
    names_body: bool = False


@dataclass(frozen=True, slots=True)
class Morphology:
    """How nisba adjectives inflect (data/actors/morphology.yaml)."""

    article: str
    feminine: str
    suffixes: tuple[str, ...]
    people: tuple[str, ...] = ()  # the suffixes that make a plural of people (روسيون)


@dataclass(frozen=True, slots=True)
class ActorKB:
    """Every known actor, and the phrase indexes that find them in text."""

    actors: Mapping[str, Actor]
    names: PhraseIndex[str]
    nisba: PhraseIndex[str]
    offices: PhraseIndex[Office]
    state_by_iso3: Mapping[str, str]
    article: str = ""
    counterparts: PhraseIndex[bool] | None = None
    patronymic: frozenset[str] = frozenset()
    given_name_prefix: frozenset[str] = frozenset()
    shared_offices: frozenset[str] = frozenset()
    body_offices: frozenset[str] = frozenset()
    first_words: frozenset[str] = frozenset()
    dual_titles: Mapping[tuple[str, ...], tuple[str, ...]] = FrozenMap({})
    subordinates: frozenset[str] = frozenset()
    posts: frozenset[str] = frozenset()  # "مبعوث الأمم المتحدة …": the body describes a person
    post_prepositions: frozenset[str] = frozenset()  # "مبعوث … إلى اليمن": where the post is
    generic_titles: frozenset[str] = frozenset()
    home: frozenset[str] = frozenset()  # "رئيس البلاد": the state the text has just named
    # "التحالف" after "التحالف العربي": each form of a head noun -> the head
    short_forms: Mapping[str, str] = FrozenMap({})
    definite: frozenset[str] = frozenset()  # proclitics that end with the article (ال، لل …)
    government: PhraseIndex[bool] | None = None  # "القوات الحكومية": the story's state
    this_state: PhraseIndex[bool] | None = None  # "هذا البلد": the state named last
    demonyms: frozenset[str] = frozenset()  # plural nisbas: people of a state ("روس")
    by_office: Mapping[tuple[str, str | None], tuple[tuple[Role, Actor], ...]] = FrozenMap({})

    def _terms(
        self, office: str, country: str | None, date: str | None
    ) -> list[tuple[Role, Actor]]:
        """The terms of an office of a country that were running on a date; an office whose
        title names its body is looked up in every country."""
        if country is None and office in self.body_offices:
            terms = [t for (o, _), ts in self.by_office.items() if o == office for t in ts]
        else:
            terms = list(self.by_office.get((office, country), ()))
        return [(r, a) for r, a in terms if role_active(r, date)]

    def holders(self, office: str, country: str | None, date: str | None) -> tuple[Actor, ...]:
        """Return the people who held an office of a country on an ISO date (prefix)."""
        return tuple(dict.fromkeys(a for _, a in self._terms(office, country, date)))

    def sole_holder(self, office: str | None, country: str | None, date: str | None) -> str | None:
        """The one person who held an office of a country on a date, else None. An office with
        several holders at once (an ambassador: to which state?) never names one by its title;
        of rival holders, the one not marked concurrent is the one the bare title names. With
        no date (an undated text) a title names no one: today's holder may not be the text's."""
        if office is None or office in self.shared_offices or date is None:
            return None
        if country is None and office not in self.body_offices:
            return None  # "وزير الخارجية" alone: of which state?
        terms = self._terms(office, country, date)
        holders = list(dict.fromkeys(a for _, a in terms))
        if len(holders) > 1:
            holders = list(dict.fromkeys(a for r, a in terms if not r.concurrent))
        return holders[0].id if len(holders) == 1 else None

    def named_holder(
        self, office: str | None, country: str | None, named: Sequence[str]
    ) -> str | None:
        """The person named last before a title who held that office of that country at some
        time: "الرئيس اليمني" after "الرئيس اليمني عبدربه منصور هادي" in an undated text."""
        if office is None or country is None:
            return None
        for actor_id in reversed(named):
            actor = self.actors.get(actor_id)
            roles = actor.roles if actor else ()
            if any(r.office == office and r.country == country for r in roles):
                return actor_id
        return None

    def role_on(self, actor_id: str | None, date: str | None) -> Role | None:
        """The office a known person held on a date, if any."""
        actor = self.actors.get(actor_id) if actor_id else None
        held = [r for r in actor.roles if role_active(r, date)] if actor else []
        return held[0] if held else None


def _by_office(
    actors: Mapping[str, Actor],
) -> FrozenMap[tuple[str, str | None], tuple[tuple[Role, Actor], ...]]:
    index: dict[tuple[str, str | None], list[tuple[Role, Actor]]] = {}
    for actor in actors.values():
        for role in actor.roles:
            index.setdefault((role.office, role.country), []).append((role, actor))
    return FrozenMap({key: tuple(value) for key, value in index.items()})


def role_active(role: Role, date: str | None) -> bool:
    """Say whether a role was held on an ISO date (day, month or year), or now when None."""
    if date is None:
        return role.end is None
    # Compare at the coarser of the two precisions: a role that ends in "2014-05" is still
    # active on 2014-05-20, and a query for "2014" finds everyone in office during 2014.
    start, end = role.start, role.end
    return (start is None or start[: len(date)] <= date[: len(start)]) and (
        end is None or date[: len(end)] <= end[: len(date)]
    )


def iso_date(value: Any, where: str) -> str | None:
    """Check a role date: YYYY-MM-DD, or YYYY-MM / YYYY where the day is not known."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    try:
        if _PARTIAL.match(text):
            dt.date.fromisoformat(f"{text}-01-01"[:10])
            return text
        return dt.date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise LexiconError(
            f"{where}: {value!r} is not an ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when the "
            "day is not known)"
        ) from exc


def _entry(raw: Any, where: str) -> dict[str, Any]:
    entry = require_mapping(raw, where)
    ident = entry.get("id")
    if not isinstance(ident, str) or not DATA_ID.match(ident):
        raise LexiconError(f"{where}: id {ident!r} must be a lowercase slug")
    if not isinstance(entry.get("name", entry.get("office")), str):
        raise LexiconError(f"{where}: {ident} needs a name")
    return entry


def _strs(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key)
    return tuple(require_str_list(value, f"{where}: {entry['id']}.{key}")) if value else ()


def _roles(entry: Mapping[str, Any], where: str) -> tuple[Role, ...]:
    roles = []
    for raw in entry.get("roles") or []:
        role = require_mapping(raw, f"{where}: {entry['id']}.roles")
        _known_keys(role, ROLE_KEYS, f"{where}: {entry['id']}.roles")
        if not isinstance(role.get("office"), str):
            raise LexiconError(f"{where}: {entry['id']} has a role without 'office'")
        start, end = iso_date(role.get("start"), where), iso_date(role.get("end"), where)
        if start and end and end[: len(start)] < start[: len(end)]:
            raise LexiconError(
                f"{where}: {entry['id']} role {role['office']} ends before it starts"
            )
        title = role.get("title")
        concurrent = bool(role.get("concurrent"))
        roles.append(Role(role["office"], role.get("country"), start, end, title, concurrent))
    return tuple(roles)


def _known_keys(entry: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise LexiconError(f"{where}: unknown key(s) {unknown}; allowed: {sorted(allowed)}")


def _actor(entry: Mapping[str, Any], kind: str, where: str) -> Actor:
    if kind == "person":
        _known_keys(entry, PERSON_KEYS, f"{where}: {entry['id']}")
    country = entry.get("iso3") if kind == "state" else entry.get("country")
    if country is not None and not (isinstance(country, str) and ISO3.match(country)):
        raise LexiconError(f"{where}: {entry['id']} country {country!r} is not ISO alpha-3")
    return Actor(
        id=entry["id"],
        name=entry["name"],
        kind=cast(ActorKind, kind),
        country=country,
        aliases=_strs(entry, "aliases", where),
        roles=_roles(entry, where),
        wikidata=entry.get("wikidata"),
        arabic=_strs(entry, "arabic", where),
    )


def _items(relative: str) -> Iterator[dict[str, Any]]:
    data = load_yaml(relative)
    if not isinstance(data, list):
        raise LexiconError(f"hadath/data/{relative}: expected a list of entries")
    for raw in data:
        yield _entry(raw, relative)


def _office(entry: Mapping[str, Any], where: str) -> Office:
    if entry.get("kind") not in ("person", "organisation"):
        raise LexiconError(f"{where}: office {entry['id']} kind must be person or organisation")
    overrides = require_mapping(entry.get("overrides") or {}, f"{where}: {entry['id']}.overrides")
    return Office(
        id=entry["id"],
        label=entry["office"],
        kind=entry["kind"],
        arabic=_strs(entry, "arabic", where),
        name_template=entry.get("name_template"),
        overrides=FrozenMap(dict(overrides)),
        shared=bool(entry.get("shared", False)),
        names_body=bool(entry.get("names_body", False)),
    )


def _morphology() -> Morphology:
    data = require_mapping(load_yaml("actors/morphology.yaml"), "actors/morphology.yaml")
    return Morphology(
        article=str(data["article"]),
        feminine=str(data["feminine"]),
        suffixes=tuple(require_str_list(data.get("suffixes"), "actors/morphology.yaml")),
        people=tuple(require_str_list(data.get("people"), "actors/morphology.yaml")),
    )


def nisba_forms(masculine: str, morph: Morphology) -> tuple[str, ...]:
    """Return a nisba adjective in all its inflected forms (without the article)."""
    return (masculine, *(masculine + suffix for suffix in morph.suffixes))


def _institutions(
    states: list[tuple[Actor, tuple[str, ...]]], offices: list[Office], morph: Morphology
) -> Iterator[Actor]:
    for office in offices:
        if office.kind != "organisation" or not office.name_template:
            continue
        for state, nisbas in states:
            assert state.country is not None
            name = office.overrides.get(state.country) or office.name_template.format(
                state=state.name
            )
            arabic = tuple(
                f"{ar} {morph.article}{n}{morph.feminine}" for ar in office.arabic for n in nisbas
            )
            yield Actor(
                f"{office.id}-{state.country.lower()}",
                name,
                "organisation",
                state.country,
                arabic=arabic,
            )


def load_actor_kb(rules: TextRules) -> ActorKB:
    """Load, check and index the actor knowledge base."""
    morph = _morphology()
    actors: dict[str, Actor] = {}
    name_pairs: list[tuple[str, str]] = []
    nisba_pairs: list[tuple[str, str]] = []
    demonyms: list[str] = []
    states: list[tuple[Actor, tuple[str, ...]]] = []
    for entry in _items("actors/states.yaml"):
        state = _actor(entry, "state", "actors/states.yaml")
        nisbas = _strs(entry, "nisba", "actors/states.yaml")
        states.append((state, nisbas))
        actors[state.id] = state
        places = _strs(entry, "capital", "actors/states.yaml") + _strs(
            entry, "metonyms", "actors/states.yaml"
        )
        name_pairs += [(p, state.id) for p in places]
        nisba_pairs += [(f, state.id) for n in nisbas for f in nisba_forms(n, morph)]
        # Broken plurals are not derived from the singular ("روس", "أتراك"): listed as written.
        broken = _strs(entry, "nisba_plural", "actors/states.yaml")
        nisba_pairs += [(p, state.id) for p in broken]
        demonyms += [*broken, *(n + suffix for n in nisbas for suffix in morph.people)]
    for entry in _items("actors/organisations.yaml"):
        kind = entry.get("kind", "organisation")
        if kind not in ("organisation", "group"):
            raise LexiconError(
                f"actors/organisations.yaml: {entry['id']} kind must be organisation or group"
            )
        actors[entry["id"]] = _actor(entry, kind, "actors/organisations.yaml")
        # A movement named by an adjective ("الهجمات الحوثية").
        own = _strs(entry, "nisba", "actors/organisations.yaml")
        nisba_pairs += [(f, entry["id"]) for n in own for f in nisba_forms(n, morph)]
    for relative in data_files("actors/people", ".yaml"):
        for entry in _items(relative):
            if entry["id"] in actors:
                raise LexiconError(f"hadath/data/{relative}: id {entry['id']} is listed twice")
            actors[entry["id"]] = _actor(entry, "person", relative)
    # Files made by scripts/wikidata_actors.py add people; a hand-written entry always wins.
    for relative in data_files("actors/generated", ".yaml"):
        for entry in _items(relative):
            actors.setdefault(entry["id"], _actor(entry, "person", relative))
    offices = [_office(e, "actors/offices.yaml") for e in _items("actors/offices.yaml")]
    by_name = {a.name: a.id for a in actors.values()}
    for actor in _institutions(states, offices, morph):
        known = by_name.get(actor.name)
        if known is None:
            actors.setdefault(actor.id, actor)
        else:  # a listed organisation: add the template's Arabic forms to it
            listed = actors[known]
            arabic = tuple(dict.fromkeys((*listed.arabic, *actor.arabic)))
            actors[known] = dataclasses.replace(listed, arabic=arabic)
    iso = {s.country: s.id for s, _ in states if s.country}
    _check_references(actors, iso, offices)
    name_pairs += [(ar, a.id) for a in actors.values() for ar in a.arabic]
    refs = require_mapping(load_yaml(_REFERENCES), _REFERENCES)
    names = build_index(name_pairs, rules)
    nisba = build_index(nisba_pairs, rules)
    titles = build_index(((ar, o) for o in offices if o.kind == "person" for ar in o.arabic), rules)
    counterparts = build_index(((w, True) for w in _listed(refs, "counterpart")), rules)
    return ActorKB(
        actors=FrozenMap(actors),
        names=names,
        nisba=nisba,
        offices=titles,
        state_by_iso3=FrozenMap(iso),
        article=morph.article,
        counterparts=counterparts,
        first_words=frozenset(
            w for index in (names, nisba, titles, counterparts) for w in index.root.children
        ),
        dual_titles=_dual_titles(refs, rules, {o.label for o in offices if o.kind == "person"}),
        # Subordinate words are compared with token stems, name words with normalised words.
        subordinates=first_words(_listed(refs, "subordinates"), rules),
        posts=first_words(_listed(refs, "posts"), rules),
        post_prepositions=first_words(_listed(refs, "post_prepositions"), rules, by_norm=True),
        generic_titles=first_words(_listed(refs, "generic_titles"), rules),
        home=first_words(_listed(refs, "home"), rules),
        short_forms=_short_forms(refs, rules),
        definite=frozenset(
            rules.normalizer(p.form) for p in rules.clitics.proclitics if p.with_article
        ),
        government=build_index(((w, True) for w in _listed(refs, "government")), rules),
        this_state=build_index(((w, True) for w in _listed(refs, "this_state")), rules),
        demonyms=frozenset(map(rules.normalizer, demonyms)),
        patronymic=frozenset(map(rules.normalizer, _listed(refs, "patronymic"))),
        given_name_prefix=frozenset(map(rules.normalizer, _listed(refs, "given_name_prefix"))),
        by_office=_by_office(actors),
        shared_offices=frozenset(o.label for o in offices if o.shared),
        body_offices=frozenset(o.label for o in offices if o.names_body),
    )


def _short_forms(refs: Mapping[str, Any], rules: TextRules) -> FrozenMap[str, str]:
    """Each form of a head noun, as a stem, mapped to its group's first form."""
    groups = refs.get("short_forms")
    if not isinstance(groups, list):
        raise LexiconError(f"{_REFERENCES}: short_forms must be a list of lists of head nouns")
    heads: dict[str, str] = {}
    for group in groups:
        forms = require_str_list(group, f"{_REFERENCES}: short_forms")
        stems = [key[0] for form in forms if (key := phrase_key(form, rules))]
        heads.update((stem, stems[0]) for stem in stems)
    return FrozenMap(heads)


def _dual_titles(
    refs: Mapping[str, Any], rules: TextRules, labels: set[str]
) -> FrozenMap[tuple[str, ...], tuple[str, ...]]:
    where = f"{_REFERENCES}: dual_titles"
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for raw in refs.get("dual_titles") or []:
        entry = require_mapping(raw, where)
        offices = tuple(require_str_list(entry.get("offices"), where))
        unknown = sorted(set(offices) - labels)
        if unknown:
            raise LexiconError(f"{where}: unknown offices {unknown}; use labels of offices.yaml")
        table.update(
            (tuple(rules.normalizer(w).split()), offices)
            for w in require_str_list(entry.get("words"), where)
        )
    return FrozenMap(table)


def _listed(refs: Mapping[str, Any], key: str) -> list[str]:
    return require_str_list(refs.get(key), f"{_REFERENCES}: {key}")


def _check_references(
    actors: Mapping[str, Actor], iso: Mapping[str, str], offices: list[Office]
) -> None:
    labels = {o.label for o in offices if o.kind == "person"}
    for actor in actors.values():
        if actor.country and actor.country not in iso:
            raise LexiconError(f"data/actors: {actor.id} names unknown country {actor.country}")
        for role in actor.roles:
            if role.office not in labels:
                raise LexiconError(f"data/actors: {actor.id} holds unknown office {role.office!r}")
