"""Time expressions: our resolver and dateparser on the same phrase set, in the same run.

Each phrase of tests/data/time_phrases.yaml has a publication date and the value an analyst
gives it (a day, a month, a year, or none). A resolver is right when the first date it finds,
cut to the expected precision, is the expected value, or when it finds none where none is
expected. dateparser runs with languages=['ar'] and RELATIVE_BASE = the publication date
(`search_dates`, since the phrases are sentences); it always answers with a day, so cutting
its answer to the expected precision gives it the benefit of the doubt.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from hadath.dates import resolve
from hadath.resources import Resources
from hadath.timeexpr import find
from hadath.tokenize import tokenize

PHRASES = Path(__file__).resolve().parents[1] / "tests" / "data" / "time_phrases.yaml"
_CUT = {"day": 10, "month": 7, "year": 4}

Phrase = dict[str, Any]
Answer = tuple[str, str] | None  # (ISO value, precision)


def load_phrases(path: Path = PHRASES) -> list[Phrase]:
    """Read the phrase set."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [dict(p, published=dt.date.fromisoformat(str(p["published"]))) for p in data]


def ours(resources: Resources) -> Callable[[str, dt.date], Answer]:
    """Our resolver: the value of the phrase's first time expression."""

    def answer(text: str, published: dt.date) -> Answer:
        found = next(find(resources.time, tokenize(text, resources.text)), None)
        value = resolve(found, published) if found is not None else None
        return (value.value, value.precision) if value is not None else None

    return answer


def dateparser_answer(text: str, published: dt.date) -> Answer:
    """dateparser's first date in the phrase, as a day."""
    from dateparser.search import search_dates

    base = dt.datetime.combine(published, dt.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    found = search_dates(text, languages=["ar"], settings=settings)  # type: ignore[arg-type]
    return (found[0][1].date().isoformat(), "day") if found else None


def correct(answer: Answer, phrase: Phrase) -> bool:
    """Whether an answer is the expected value at the expected precision."""
    expected = phrase.get("value")
    if expected is None:
        return answer is None
    return answer is not None and answer[0][: _CUT[phrase["precision"]]] == str(expected)


def score(
    name: str, resolver: Callable[[str, dt.date], Answer], phrases: Sequence[Phrase]
) -> dict[str, Any]:
    """Accuracy and phrases per second of one resolver over the set."""
    start = time.perf_counter()
    answers = [resolver(p["text"], p["published"]) for p in phrases]
    seconds = time.perf_counter() - start
    right = sum(correct(a, p) for a, p in zip(answers, phrases, strict=True))
    return {
        "resolver": name,
        "phrases": len(phrases),
        "accuracy": round(right / len(phrases), 3),
        "phrases_per_second": round(len(phrases) / seconds, 1),
    }


def compare(resources: Resources, path: Path = PHRASES) -> list[dict[str, Any]]:
    """Both resolvers on the phrase set, ours first."""
    phrases = load_phrases(path)
    dateparser_answer("اليوم", dt.date(2024, 1, 1))  # load its language data outside the timing
    return [
        score("hadath", ours(resources), phrases),
        score("dateparser (reference)", dateparser_answer, phrases),
    ]
