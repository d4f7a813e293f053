"""Sample testimony/1 dicts for tests (fictional)."""

from __future__ import annotations

import copy
from typing import Any

BASE: dict[str, Any] = {
    "schema": "testimony/1",
    "survivor": {"pseudonym": "S-0142", "sex": "female", "birth_year": 1985,
                 "origin": "함경북도 회령시"},
    "interview": {"date": "2023-08-14", "place": "Seoul", "language": "ko",
                  "interviewer": "Field team A"},
    "consent": {"recorded": "2023-08-14", "legal": True, "advocacy": False,
                "publication": False, "withdrawn": None},
    "events": [{"type": "forced_return", "start": "2019-04", "end": None, "approx": True,
                "place": "Tumen", "facility": "border detention centre",
                "perpetrator": "cn_border_police", "description": "버스 두 대로 송환되었다"}],
    "narrative": "2019년 4월 단둥에서 체포되었다. 투먼 변방대 구류장에서 한 달을 보냈다.",
}


def sample_dict(**overrides: Any) -> dict[str, Any]:
    d = copy.deepcopy(BASE)
    for key, value in overrides.items():
        d[key] = value
    return d


def make_testimony(**overrides: Any):
    from intake.model import Testimony

    return Testimony.from_dict(sample_dict(**overrides), new=True)
