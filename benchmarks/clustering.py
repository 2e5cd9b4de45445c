"""Clustering throughput on synthetic stored events, beside sorting the same events (reference).

Events fall on 500 pairs of actors over three years, a fifth of them undated or at month
precision, with about three reports of each act, so the groups are as uneven as in news.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from typing import Any

from hadath.clusters import cluster
from hadath.store import EventRecord

SIZES = (10_000, 100_000)
_TYPES = ("CONSULT", "ACCUSE", "ASSAULT", "SANCTION")
_PAIRS = 500
_START = dt.date(2022, 1, 1)


def synthetic(count: int, seed: int = 7) -> list[EventRecord]:
    """`count` stored events of invented acts, each act reported about three times."""
    rng = random.Random(seed)
    events = []
    for k in range(count):
        act = k // 3
        pair = act % _PAIRS
        day = _START + dt.timedelta(days=(act * 7919) % 1095 + rng.choice((0, 0, 1)))
        precision = rng.choice(("day", "day", "day", "month", None))
        date = None if precision is None else day.isoformat()[: 10 if precision == "day" else 7]
        kind = _TYPES[act % len(_TYPES)]
        recipients = () if kind == "CONSULT" else (f"b{pair}",)
        events.append(
            EventRecord(
                id=f"e{k}", document_id=f"d{k}", type=kind, mode=None, date=date,
                date_precision=precision, historical=False, negated=False,
                actors=(f"a{pair}",), recipients=recipients, evidence_text="", rule="",
                confidence=0.8, document_title=None, outlet=f"o{k % 40}", published=None,
                actor_ids=(f"a{pair}",), recipient_ids=recipients,
            )
        )  # fmt: skip
    rng.shuffle(events)
    return events


def _rate(count: int, seconds: float) -> float:
    return round(count / seconds, 1) if seconds else 0.0


def compare(sizes: tuple[int, ...] = SIZES) -> list[dict[str, Any]]:
    """Events per second of clustering and of the reference sort, at each size."""
    rows = []
    for size in sizes:
        events = synthetic(size)
        start = time.process_time()
        sorted(events, key=lambda e: (e.type, e.actor_ids, e.date or ""))
        reference = time.process_time() - start
        start = time.process_time()
        clusters = cluster(events, frozenset({"CONSULT"}))
        seconds = time.process_time() - start
        rows.append(
            {
                "events": size,
                "clusters": len(clusters),
                "cluster_events_per_second": _rate(size, seconds),
                "sort_events_per_second (reference)": _rate(size, reference),
            }
        )
    return rows
