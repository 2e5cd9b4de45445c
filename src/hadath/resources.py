"""Resources: every lexicon and model, loaded once, immutable and picklable."""

from __future__ import annotations

from dataclasses import dataclass

from hadath.lexicons.actors import ActorKB, load_actor_kb
from hadath.lexicons.events import EventLexicon, load_event_lexicon
from hadath.lexicons.places import PlaceLexicon, load_place_lexicon
from hadath.ner import NerModel, load_ner_model
from hadath.settings import DEFAULT_SETTINGS, Settings
from hadath.timewords import TimeLexicon, load_time_lexicon
from hadath.tokenize import TextRules, load_text_rules
from hadath.translit import Romaniser, load_romaniser


@dataclass(frozen=True, slots=True)
class Resources:
    """What the pipeline stages read: text rules, time words, actors, places, events, the name
    tagger."""

    text: TextRules
    time: TimeLexicon
    actors: ActorKB
    places: PlaceLexicon
    events: EventLexicon
    ner: NerModel
    romaniser: Romaniser
    settings: Settings


def load_resources(settings: Settings = DEFAULT_SETTINGS) -> Resources:
    """Load and check every shipped data file."""
    text = load_text_rules()
    return Resources(
        text=text,
        time=load_time_lexicon(text),
        actors=load_actor_kb(text),
        places=load_place_lexicon(text),
        events=load_event_lexicon(text),
        ner=load_ner_model(text),
        romaniser=load_romaniser(text.normalizer),
        settings=settings,
    )
