"""Shared fixtures: loaded resources once per session, and the third-party data folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from hadath.model import Analysis, Document
from hadath.pipeline import process
from hadath.resources import Resources, load_resources
from hadath.tokenize import TextRules, load_text_rules

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def text_rules() -> TextRules:
    """The shipped normalisation, clitic and sentence rules."""
    return load_text_rules()


@pytest.fixture(scope="session")
def resources() -> Resources:
    """Every shipped lexicon, loaded once."""
    return load_resources()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The folder of third-party evaluation data beside the checkout (skip when absent)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


Analyse = Callable[..., Analysis]


@pytest.fixture(scope="session")
def analyse(resources: Resources) -> Analyse:
    """Run the whole pipeline over a text published on a given day (default 2023-03-15)."""

    def run(text: str, published: str = "2023-03-15") -> Analysis:
        doc = Document("t", text, published=published, published_precision="day")
        return process(doc, resources)

    return run
