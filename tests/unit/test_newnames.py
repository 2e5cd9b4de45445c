"""People the knowledge base does not know get an actor of their own from the name tagger."""

from __future__ import annotations

from collections.abc import Callable

from hadath.model import Analysis

Analyse = Callable[..., Analysis]


def test_unknown_spokesman_becomes_a_person_with_the_titles_country(analyse: Analyse) -> None:
    text = "وقال المتحدث باسم وزارة الخارجية الأميركية جيمس هارتويل للصحافيين إن الاتصالات مستمرة."
    analysis = analyse(text, "2024-06-26")
    new = [a for a in analysis.actors if a.id.startswith("new-")]
    assert len(new) == 1
    person = new[0]
    assert person.kind == "person" and person.country == "USA"
    assert person.arabic == ("جيمس هارتويل",) and person.name == "Jims Hartuyl"
    assert person.roles and person.roles[0].country == "USA"
    spans = [m.span.of(text) for m in analysis.mentions if m.actor_id == person.id]
    assert spans == ["جيمس هارتويل"]


def test_known_people_are_not_duplicated(analyse: Analyse) -> None:
    analysis = analyse("وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو ترفض ذلك.", "2023-03-15")
    assert not [a for a in analysis.actors if a.id.startswith("new-")]
    assert "sergey-lavrov" in {a.id for a in analysis.actors}


def test_sentences_without_titles_or_speech_are_not_tagged(analyse: Analyse) -> None:
    analysis = analyse("وصل جيمس هارتويل إلى المدينة صباحا.", "2024-06-26")
    assert not [a for a in analysis.actors if a.id.startswith("new-")]


def test_a_new_person_after_a_deputys_title_takes_its_country_not_its_office(
    analyse: Analyse,
) -> None:
    text = "قال نائب وزير الخارجية الروسي سيرغي ريابكوف إن الحوار مستمر مع واشنطن."
    (person,) = [a for a in analyse(text, "2023-03-15").actors if a.id.startswith("new-")]
    assert person.arabic == ("سيرغي ريابكوف",)
    assert (person.country, person.roles) == ("RUS", ())
