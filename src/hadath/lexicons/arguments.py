"""Words that mark a mention's part in an event's clause (data/events/arguments.yaml)."""

from __future__ import annotations

from dataclasses import dataclass

from hadath.errors import LexiconError
from hadath.lexicons.load import load_yaml, require_mapping, require_str_list
from hadath.lexicons.phrases import first_words, phrase_key
from hadath.model import EVENT_TYPES
from hadath.tokenize import TextRules

WHERE = "events/arguments.yaml"


@dataclass(frozen=True, slots=True)
class ArgumentWords:
    """Prepositions before a mention: topic or place (not a participant), or oblique."""

    topic: frozenset[str]
    instruments: frozenset[str]
    oblique: frozenset[str]
    oblique_clitics: frozenset[str]
    conjunctions: frozenset[str]
    openers: frozenset[str]
    pairs: frozenset[str]
    relatives: frozenset[str]
    article: str
    inflicted: frozenset[str] = frozenset()  # event types done to a victim
    fights: frozenset[str] = frozenset()  # event types whose target is the other side
    spoken: frozenset[str] = frozenset()  # event types done in words, in a quotation too
    aimed: frozenset[str] = frozenset()  # "على مدينة X": X is what an attack hit
    domestic: frozenset[str] = frozenset()  # event types an actor may do to its own state
    pair_types: frozenset[str] = frozenset()  # event types whose parties "الجانبان" means
    resumptive: frozenset[str] = frozenset()  # "لكنه": the verb after it has the same subject
    within: frozenset[str] = frozenset()  # "أعرب فيه": the verb is said in the call just told
    sources: frozenset[str] = frozenset()  # "تلقى اتصالا من Y": Y made the call
    duals: frozenset[str] = frozenset()  # "لقائهما": the two named before
    twos: frozenset[str] = frozenset()  # "اتصالين": two calls, one with each party named
    partners: frozenset[str] = frozenset()  # "مع": names a call's or meeting's other party
    both_sides: frozenset[str] = frozenset()  # "دعا الجانبين": the two sides of the fight
    explains: frozenset[str] = frozenset()  # "فقد": the sentence explains the one before
    subject_endings: tuple[str, ...] = ()  # "اتهموا": the verb carries its subject
    first_person: frozenset[str] = frozenset()  # "دعوتنا": the speaker's own act
    purpose: frozenset[str] = frozenset()  # "لتهنئته": ل of purpose on a noun of an act
    suffered: frozenset[str] = frozenset()  # "قتل … في غارة": the kill was suffered
    clause_openers: frozenset[str] = frozenset()  # "لكن X استنكر": X opens a clause of its own
    describing: frozenset[str] = frozenset()  # "الموقعة عام 2001": the time is a noun's
    first: frozenset[str] = frozenset()  # "الأولى منذ مارس": an earlier act then
    since: frozenset[str] = frozenset()
    referents: frozenset[str] = frozenset()  # "المحادثة التي كانت الأولى": the call told
    hosted: frozenset[str] = frozenset()  # modes whose place names the host ("زيارة إلى مسقط")
    partitive: frozenset[str] = frozenset()  # "مئات من المتظاهرين": من after a quantity
    agents: tuple[tuple[str, ...], ...] = ()  # "على أيدي X": X did the act told in the passive
    done_before: tuple[tuple[str, ...], ...] = ()  # "وهو ما أيدته": the act just told
    genitive_clitics: frozenset[str] = frozenset()  # "غارة للتحالف": ل names the doer


def _types(data: dict[str, object], key: str) -> frozenset[str]:
    """A list of PLOVER event types."""
    found = frozenset(require_str_list(data.get(key), f"{WHERE}: {key}"))
    if unknown := found - set(EVENT_TYPES):
        raise LexiconError(f"{WHERE}: {key} names unknown event types {sorted(unknown)}")
    return found


def load_argument_words(rules: TextRules) -> ArgumentWords:
    """Load and check the argument-marking words."""
    data = require_mapping(load_yaml(WHERE), WHERE)
    fold = rules.normalizer

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in require_str_list(data.get(key), f"{WHERE}: {key}"))

    return ArgumentWords(
        topic=words("topic"),
        instruments=words("instruments"),
        oblique=words("oblique"),
        oblique_clitics=words("oblique_clitics"),
        conjunctions=words("conjunctions"),
        openers=words("openers"),
        relatives=words("relatives"),
        pairs=first_words(require_str_list(data.get("pairs"), f"{WHERE}: pairs"), rules),
        article=fold(rules.clitics.article),
        inflicted=_types(data, "inflicted"),
        fights=_types(data, "fights"),
        spoken=_types(data, "spoken"),
        aimed=words("aimed"),
        domestic=_types(data, "domestic"),
        pair_types=_types(data, "pair_types"),
        resumptive=words("resumptive"),
        within=words("within"),
        sources=words("sources"),
        duals=words("duals"),
        twos=words("twos"),
        partners=words("partners"),
        both_sides=first_words(
            require_str_list(data.get("both_sides"), f"{WHERE}: both_sides"), rules
        ),
        explains=words("explains"),
        subject_endings=tuple(words("subject_endings")),
        first_person=words("first_person"),
        purpose=words("purpose"),
        suffered=words("suffered"),
        clause_openers=words("clause_openers"),
        describing=words("describing"),
        first=words("first"),
        since=words("since"),
        referents=words("referents"),
        hosted=frozenset(require_str_list(data.get("hosted"), f"{WHERE}: hosted")),
        agents=tuple(
            phrase_key(w, rules, by_norm=True)
            for w in require_str_list(data.get("agents"), f"{WHERE}: agents")
        ),
        done_before=tuple(
            phrase_key(w, rules, by_norm=True)
            for w in require_str_list(data.get("done_before"), f"{WHERE}: done_before")
        ),
        genitive_clitics=words("genitive_clitics"),
        partitive=first_words(
            require_str_list(data.get("partitive"), f"{WHERE}: partitive"), rules
        ),
    )
