"""The SPARQL route: the query to run at query.wikidata.org, and reading its JSON result."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, cast

from hadath.errors import MalformedRecordError
from hadath.wikidata.values import (
    QID,
    SCRIPT,
    UNKNOWN,
    Person,
    Statement,
    WikiTime,
    as_dict,
    first,
    parse_time,
    pick_time,
    qnumber,
)

ENTITY = "http://www.wikidata.org/entity/"
SPARQL_VARIABLES = (
    "person",
    "statement",
    "position",
    "start",
    "startPrecision",
    "end",
    "endPrecision",
    "endUnknown",
    "enLabel",
    "enAlias",
    "arLabel",
    "arAlias",
    "enwiki",
    "citizenship",
    "died",
    "diedPrecision",
)

_QUERY = """\
# People who held the positions of a positions file, with their names and terms, for
# {script}. Run it at https://query.wikidata.org/ and download the result
# as JSON, for example:
#   curl -G https://query.wikidata.org/sparql -H 'Accept: application/sparql-results+json' \\
#        --data-urlencode query@positions.rq -o positions.json
# Each row carries one kind of fact (a term, a name, a sitelink, ...) so rows do not multiply.
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX psv: <http://www.wikidata.org/prop/statement/value/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX pqv: <http://www.wikidata.org/prop/qualifier/value/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
SELECT {variables} WHERE {{
  {{ SELECT DISTINCT ?person WHERE {{
      VALUES ?wanted {{ {values} }}
      ?person p:P39/ps:P39 ?wanted ; wdt:P31 wd:Q5 .
  }} }}
  {{
    VALUES ?position {{ {values} }}
    ?person p:P39 ?statement .
    ?statement ps:P39 ?position .
    FILTER NOT EXISTS {{ ?statement wikibase:rank wikibase:DeprecatedRank }}
    OPTIONAL {{ ?statement pqv:P580 ?startNode .
               ?startNode wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision . }}
    OPTIONAL {{ ?statement pqv:P582 ?endNode .
               ?endNode wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision . }}
    OPTIONAL {{ ?statement pq:P582 ?endUnknown . FILTER(!isLiteral(?endUnknown)) }}
  }}
  UNION {{ ?person rdfs:label ?enLabel . FILTER(LANG(?enLabel) IN ("en", "mul")) }}
  UNION {{ ?person skos:altLabel ?enAlias . FILTER(LANG(?enAlias) = "en") }}
  UNION {{ ?person rdfs:label ?arLabel . FILTER(LANG(?arLabel) = "ar") }}
  UNION {{ ?person skos:altLabel ?arAlias . FILTER(LANG(?arAlias) = "ar") }}
  UNION {{ ?article schema:about ?person ; schema:isPartOf <https://en.wikipedia.org/> ;
                   schema:name ?enwiki . }}
  UNION {{ ?person wdt:P27 ?citizenship . }}
  UNION {{ ?person p:P570 ?death . ?death a wikibase:BestRank ; psv:P570 ?diedNode .
          ?diedNode wikibase:timeValue ?died ; wikibase:timePrecision ?diedPrecision . }}
}}
"""


def sparql_query(positions: Iterable[str]) -> str:
    """Return the SPARQL query whose JSON result `read_sparql` reads."""
    values = " ".join(f"wd:{q}" for q in sorted(positions, key=qnumber))
    variables = " ".join(f"?{v}" for v in SPARQL_VARIABLES)
    return _QUERY.format(script=SCRIPT, variables=variables, values=values)


def _value(row: Mapping[str, Any], name: str) -> str | None:
    value = as_dict(row.get(name)).get("value")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _row_qid(row: Mapping[str, Any], name: str) -> str | None:
    value = _value(row, name)
    if value is None or not value.startswith(ENTITY):
        return None
    qid = value[len(ENTITY) :]
    return qid if QID.match(qid) else None


def _row_time(row: Mapping[str, Any], name: str) -> WikiTime | None:
    value, precision = _value(row, name), _value(row, f"{name}Precision")
    if value is None:
        return None
    # the query service stores time values converted to the Gregorian calendar
    return parse_time(value, int(precision) if precision and precision.isdigit() else 0)


def _bindings(data: Any) -> list[dict[str, Any]]:
    rows = as_dict(as_dict(data).get("results")).get("bindings")
    if not isinstance(rows, list):
        raise MalformedRecordError(
            "not a SPARQL JSON result (no results.bindings): save the query result as JSON"
        )
    return [r for r in rows if isinstance(r, dict)]


def read_sparql(stream: io.BufferedIOBase) -> Iterator[Person]:
    """Yield the people of a SPARQL JSON result of `sparql_query`, in order of first row."""
    try:
        data = json.load(stream)
    except json.JSONDecodeError as exc:
        raise MalformedRecordError(f"the SPARQL result is not valid JSON ({exc.msg})") from exc
    by_person: dict[str, list[dict[str, Any]]] = {}
    for row in _bindings(data):
        qid = _row_qid(row, "person")
        if qid is not None:
            by_person.setdefault(qid, []).append(row)
    for qid, rows in by_person.items():
        yield _person_from_rows(qid, rows)


def _values(rows: Sequence[Mapping[str, Any]], name: str, language: str | None = None) -> list[str]:
    found = []
    for row in rows:
        value = _value(row, name)
        if value and (language is None or as_dict(row.get(name)).get("xml:lang") == language):
            found.append(value)
    return list(dict.fromkeys(found))


def _person_from_rows(qid: str, rows: Sequence[Mapping[str, Any]]) -> Person:
    return Person(
        wikidata=qid,
        enwiki=first(_values(rows, "enwiki")),
        label_en=first(_values(rows, "enLabel", "en") + _values(rows, "enLabel", "mul")),
        aliases_en=tuple(_values(rows, "enAlias")),
        label_ar=first(_values(rows, "arLabel")),
        aliases_ar=tuple(_values(rows, "arAlias")),
        citizenship=tuple(dict.fromkeys(q for r in rows if (q := _row_qid(r, "citizenship")))),
        died=pick_time((_row_time(r, "died") for r in rows), latest=False),
        statements=_row_statements(rows),
    )


def _row_statements(rows: Sequence[Mapping[str, Any]]) -> tuple[Statement, ...]:
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        key = _value(row, "statement")
        if key is not None and _row_qid(row, "position"):
            grouped.setdefault(key, []).append(row)
    out = []
    for group in grouped.values():
        ends = [
            _row_time(r, "end") or (UNKNOWN if _value(r, "endUnknown") else None) for r in group
        ]
        start = pick_time((_row_time(r, "start") for r in group), latest=False)
        position = cast(str, _row_qid(group[0], "position"))
        out.append(Statement(position, start, pick_time(ends, latest=True)))
    return tuple(out)
