"""Fixtures for search tests: real stores holding small, readable testimonies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from intake.model import Testimony, parse_testimony_jsonl

DATA = Path(__file__).parents[2] / "data" / "testimonies"


def event(type: str, start: str | None = None, end: str | None = None, *,
          approx: bool = False, **fields: Any) -> dict[str, Any]:
    return {"type": type, "start": start, "end": end, "approx": approx, **fields}


def record(pseudonym: str, narrative: str = "", events: list[dict[str, Any]] | None = None,
              *, sex: str | None = None, birth_year: int | None = None,
              interview: str | None = "2023-08-14", consent: dict[str, Any] | None = None
              ) -> Testimony:
    return Testimony.from_dict({
        "schema": "testimony/1",
        "survivor": {"pseudonym": pseudonym, "sex": sex, "birth_year": birth_year},
        "interview": {"date": interview, "place": "Seoul"},
        "consent": consent or {"recorded": "2023-08-14", "legal": True},
        "events": events or [],
        "narrative": narrative,
    }, new=True)


def samples() -> list[Testimony]:
    """The shared sample files: four full testimonies and a screening batch."""
    out = [Testimony.from_dict(json.loads(p.read_text(encoding="utf-8")))
           for p in sorted(DATA.glob("*.json"))]
    return out + parse_testimony_jsonl((DATA / "screening_batch.jsonl").read_bytes())


@pytest.fixture
def sample_store(store):
    """A store holding the sample testimonies (S-0217, S-0305, S-0388, S-0412 withdrawn,
    S-0501..S-0503)."""
    store.add_many(samples())
    return store


def pseudonyms(results) -> list[str]:
    return [h.summary.pseudonym for h in results]
