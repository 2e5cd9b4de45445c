"""The one tuple of stages, and process(): Document -> Analysis."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from hadath import actors, dates, events, mentions, quotes
from hadath.model import Analysis, Document
from hadath.resources import Resources
from hadath.tokenize import split_sentences, tokenize

Stage = Callable[[Analysis, Resources], Analysis]


def text_layer(analysis: Analysis, resources: Resources) -> Analysis:
    """Tokens and sentences of the document text."""
    text = analysis.document.text
    return dataclasses.replace(
        analysis,
        tokens=tokenize(text, resources.text),
        sentences=split_sentences(text, resources.text),
    )


STAGES: tuple[Stage, ...] = (
    text_layer,
    dates.run,
    mentions.run,
    quotes.run,
    events.run,
    actors.run,
)


def process(document: Document, resources: Resources) -> Analysis:
    """Run every stage over a document and return its Analysis."""
    analysis = Analysis(document=document)
    for stage in STAGES:
        analysis = stage(analysis, resources)
    return analysis
