"""Search latency at scale: a store of N testimonies, a mix of queries, p50/p95.

Builds a store of N synthetic (fictional) testimonies of ~3 KB narrative, three quarters
Korean and a quarter English, with 2-7 structured events each (partial and approximate
dates, places in every spelling the gazetteer knows, facilities, perpetrators) and a
few senders. Common words follow a Zipf-like law, so some terms are in most testimonies
and most terms in a few, as in a real collection. Records go in through the real store
code (``records.insert_new`` and the audit chain, in transactions of 5,000) with the
cheap test KDF, so building is quick.

Then it times ``intake.search.search`` (first page of 20, with snippets, and the total)
for a mix of queries, and ``store.get`` of single records in the same run, and prints
p50/p95 per kind, their ratio to a single-record read, and the store's size on disk.

Usage: python bench/search_bench.py [--n 50000] [--store DIR] [--reps 5]
  --store DIR keeps the store in DIR and reuses it if it already exists there.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crypto.kdf import KdfPolicy  # noqa: E402
from crypto.passphrase import encode_passphrase  # noqa: E402
from intake import vocabulary  # noqa: E402
from intake.dates import PartialDate  # noqa: E402
from intake.model import Testimony  # noqa: E402
from intake.search import Filters, Query, search  # noqa: E402
from intake.store import Store, records  # noqa: E402

BATCH = 5000
PASSPHRASE = "search benchmark passphrase"

KO_COMMON = (
    "그때 저는 그곳에서 사람들이 많이 있었습니다 매일 아침 저녁 밥을 조금 주었고 "
    "우리는 아무 말도 못 했습니다 어머니 아버지 동생 언니 오빠 남편 아이 가족 친구 "
    "돈을 벌려고 일을 찾아 떠났습니다 무서웠습니다 배가 고팠습니다 방 안에 열 명이 넘게 "
    "앉아 있어야 했고 움직이면 맞았습니다 밤에 잠을 잘 수 없었습니다 조사를 받았습니다 "
    "누구를 만났는지 물었습니다 한국 사람 교회 선교사 전화 중국 돈 물건 옷 신발 "
    "겨울이라 추웠습니다 여름에는 더웠습니다 병이 났지만 약이 없었습니다 계호원 "
    "담당 지도원 보안원 보위원 사상 비판 총화 노동 농장 벌목 건설 돌 흙 나무 "
    "기차를 타고 트럭에 실려 버스로 걸어서 다리를 건너 강을 건너 산을 넘어 "
    "며칠 몇 달 일 년 쯤 뒤에 전에 다시 또 결국 처음 마지막"
).split()
EN_COMMON = (
    "then we there were many people every morning evening they gave us little food "
    "nobody could speak mother father brother sister husband child family friend "
    "money work left afraid hungry room more than ten sit still moved beaten night "
    "sleep questioned asked whom met South Korean church missionary phone Chinese "
    "clothes shoes winter cold summer hot sick medicine guard officer agent "
    "self-criticism session labour farm logging construction stones soil wood train "
    "truck bus walked bridge river mountain days months year later before again "
    "finally first last"
).split()
KO_TEMPLATES = (
    "{year}년 {month}월 {place}에서 {perp}에게 잡혔습니다.",
    "{place} {facility}에 {n}주 동안 있었습니다.",
    "{facility}에서 {perp} 사람이 매일 심문했습니다.",
    "{place}에서 {place2}(으)로 넘겨졌습니다.",
    "{year}년에 {place}의 {facility}(으)로 보내졌습니다.",
)
EN_TEMPLATES = (
    "In {month_en} {year} I was caught by the {perp} in {place}.",
    "I spent {n} weeks in the {facility} at {place}.",
    "At the {facility} the {perp} questioned me every day.",
    "From {place} we were handed over at {place2}.",
    "In {year} I was sent to the {facility} in {place}.",
)
MONTHS_EN = ("January February March April May June July August September October "
             "November December").split()
EVENT_WEIGHTS = {
    "arrest": 10, "detention": 14, "interrogation": 10, "forced_return": 9,
    "border_crossing": 8, "torture": 5, "ill_treatment": 6, "forced_labour": 6,
    "imprisonment": 3, "invasive_body_search": 3, "trafficking": 2, "forced_marriage": 2,
    "sexual_violence": 2, "forced_abortion": 1, "public_execution": 1, "family_punishment": 1,
    "extortion": 2, "disappearance": 1, "denial_of_medical_care": 2, "starvation": 2,
}
HOT_PLACES = ("cn_dandong", "cn_tumen", "cn_shenyang", "cn_yanji", "kp_onsong", "kp_hyesan",
              "kp_sinuiju", "kp_chongjin", "kp_hoeryong", "kp_musan", "cn_changbai",
              "cn_helong", "cn_longjing", "cn_hunchun", "kp_kanggye", "kp_manpo")


class Corpus:
    """Deterministic generator of testimony/1 dicts; ``make(i)`` is the i-th record."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        places = vocabulary.load("places")
        self.place_terms = [t for t in places if t.kind in ("city", "county")]
        self.hot = [places[p] for p in HOT_PLACES]
        self.facilities = list(vocabulary.load("facilities"))
        self.perps = list(vocabulary.load("perpetrators"))
        self.types = list(EVENT_WEIGHTS)
        self.type_weights = list(EVENT_WEIGHTS.values())
        # Zipf-like weights for the common words: the k-th word has weight 1/k.
        self.ko_weights = [1 / (k + 1) for k in range(len(KO_COMMON))]
        self.en_weights = [1 / (k + 1) for k in range(len(EN_COMMON))]
        self.senders = ("local",) * 6 + ("sender-a", "sender-b", "sender-c")

    def _place(self) -> vocabulary.Term:
        rng = self.rng
        return rng.choice(self.hot) if rng.random() < 0.5 else rng.choice(self.place_terms)

    def _spelling(self, term: vocabulary.Term, korean: bool) -> str:
        forms = [f for f in term.spellings() if f != term.id]
        hangul = [f for f in forms if any("\uac00" <= c <= "\ud7a3" for c in f)]
        latin = [f for f in forms if f.isascii()]
        pool = (hangul or forms) if korean else (latin or forms)
        if self.rng.random() < 0.15:
            pool = forms
        return self.rng.choice(pool)

    def _date(self) -> tuple[str | None, str | None, bool]:
        rng = self.rng
        year = rng.randint(2000, 2023)
        roll = rng.random()
        if roll < 0.05:
            return None, None, False
        if roll < 0.3:
            start = f"{year}"
        elif roll < 0.85:
            start = f"{year}-{rng.randint(1, 12):02d}"
        else:
            start = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        end = None
        if rng.random() < 0.4:
            end = f"{min(year + rng.randint(0, 2), 2024)}"
        return start, end, rng.random() < 0.5

    def _sentence(self, korean: bool, events: list[dict[str, Any]]) -> str:
        rng = self.rng
        if events and rng.random() < 0.06:
            e = rng.choice(events)
            place = self._place()
            fac = rng.choice(self.facilities)
            perp = rng.choice(self.perps)
            values = {
                "year": (e["start"] or "2019")[:4], "month": rng.randint(1, 12),
                "month_en": rng.choice(MONTHS_EN), "n": rng.randint(1, 12),
                "place": self._spelling(place, korean),
                "place2": self._spelling(self._place(), korean),
                "facility": fac.ko if korean else fac.en.lower(),
                "perp": perp.ko if korean else perp.en,
            }
            return rng.choice(KO_TEMPLATES if korean else EN_TEMPLATES).format(**values)
        words, weights = (KO_COMMON, self.ko_weights) if korean else (EN_COMMON,
                                                                        self.en_weights)
        text = " ".join(rng.choices(words, weights, k=rng.randint(6, 14)))
        return text[0].upper() + text[1:] + "." if not korean else text + "."

    def narrative(self, korean: bool, events: list[dict[str, Any]], size: int = 3000) -> str:
        out: list[str] = []
        total = 0
        while total < size:
            s = self._sentence(korean, events)
            out.append(s)
            total += len(s.encode("utf-8")) + 1
        return " ".join(out)

    def make(self, i: int) -> dict[str, Any]:
        rng = self.rng
        korean = rng.random() < 0.75
        events = []
        for _ in range(rng.randint(2, 7)):
            start, end, approx = self._date()
            if start and end and end[:4] < start[:4]:
                end = None
            if start and end and end[:4] == start[:4]:
                end = None
            place = self._place()
            fac = rng.choice(self.facilities) if rng.random() < 0.6 else None
            perp = rng.choice(self.perps) if rng.random() < 0.8 else None
            events.append({
                "type": rng.choices(self.types, self.type_weights)[0], "start": start,
                "end": end, "approx": approx, "place": self._spelling(place, korean),
                "facility": (f"{place.ko} {fac.ko}" if korean else f"{fac.en} at {place.en}")
                if fac else None,
                "facility_kind": fac.id if fac else None,
                "perpetrator": perp.id if perp else None,
                "perpetrator_description": rng.choice(["담당 보위원 김", "Officer Pak",
                                                       "계호원", None, None, None]),
                "description": "" if rng.random() < 0.5 else self._sentence(korean, []),
            })
        withdrawn = rng.random() < 0.03
        return {
            "schema": "testimony/1", "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "revision": 1,
            "survivor": {"pseudonym": f"S-{i:05d}", "sex": rng.choice(
                ["female"] * 7 + ["male"] * 3 + [None]), "birth_year": rng.choice(
                    [None, *range(1950, 2006)])},
            "interview": {"date": f"{rng.randint(2010, 2024)}-{rng.randint(1, 12):02d}",
                          "place": "Seoul", "language": "ko" if korean else "en"},
            "consent": {"recorded": "2023-08-14", "legal": True,
                        "advocacy": rng.random() < 0.5, "publication": rng.random() < 0.2,
                        "withdrawn": "2024-01-02" if withdrawn else None},
            "events": events,
            "narrative": self.narrative(korean, events),
        }

    def sender(self) -> str:
        return self.rng.choice(self.senders)


def _year(y: int) -> PartialDate:
    return PartialDate(y)


# (kind, text, filters): each kind has several queries so that p95 is not one query's time.
QUERIES: tuple[tuple[str, str, Filters], ...] = (
    *(("korean 3+ chars", q, Filters()) for q in
      ("보위부", "구류장", "집결소", "노동단련대", "교화소", "계호원", "심문했습니다")),
    *(("korean 2 chars", q, Filters()) for q in ("단둥", "혜산", "온성", "투먼", "무산", "청진")),
    *(("english word", q, Filters()) for q in
      ("beaten", "questioned", "Dandong", "bridge", "missionary", "Hoeryong")),
    *(("phrase", q, Filters()) for q in
      ('"한국 사람"', '"border detention centre"', '"다리를 건너"', '"every day"',
       '"강을 건너"')),
    ("query + filter", "보위부", Filters(places=("온성",), date_from=_year(2019),
                                      date_to=_year(2019))),
    ("query + filter", "beaten", Filters(types=("torture",))),
    ("query + filter", "단둥", Filters(types=("forced_return",), date_from=_year(2015),
                                     date_to=_year(2018))),
    ("query + filter", "계호원", Filters(consent="advocacy")),
    ("query + filter", "bridge", Filters(senders=("sender-a",))),
    ("filter alone", "", Filters(types=("detention",), places=("함경북도",),
                                 date_from=_year(2019), date_to=_year(2019))),
    ("filter alone", "", Filters(facilities=("집결소",), date_from=_year(2010),
                                 date_to=_year(2012))),
    ("filter alone", "", Filters(perpetrators=("bowibu",), places=("Hyesan",))),
    ("filter alone", "", Filters(types=("forced_return",), places=("Tumen",))),
    ("filter alone", "", Filters(places=("Jilin",), date_from=PartialDate(2019, 3),
                                 date_to=PartialDate(2019, 4))),
)


def build(root: Path, n: int) -> Store:
    corpus = Corpus()
    policy = KdfPolicy.insecure_for_tests()
    store, _ = Store.create(root, encode_passphrase(PASSPHRASE), label="bench",
                            policy=policy)
    start = time.perf_counter()
    for i in range(0, n, BATCH):
        batch = [(Testimony.from_dict(corpus.make(j)), corpus.sender())
                 for j in range(i, min(n, i + BATCH))]
        with store.transaction() as conn:
            for t, sender in batch:
                records.insert_new(conn, t, origin=sender)
                store.audit.append("testimony.create", t.id, {"revision": 1})
        done = min(n, i + BATCH)
        print(f"  {done:>6} stored, {time.perf_counter() - start:6.0f} s", flush=True)
    return store


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.store or Path(tmp) / "store"
        if not (root / "keys").exists():
            print(f"building a store of {args.n} testimonies in {root}")
            build(root, args.n).close()
        store = Store.open(root, encode_passphrase(PASSPHRASE),
                           policy=KdfPolicy.insecure_for_tests())
        with store:
            n = store.count()
            ids = random.Random(1).sample(store.ids(), min(1000, n))
            for i in ids[:100]:
                store.get(i)  # warm the cache as the queries are warmed below
            reads = []
            for i in ids:
                start = time.perf_counter()
                store.get(i)
                reads.append(time.perf_counter() - start)
            read = statistics.median(reads)
            times: dict[str, list[float]] = {}
            totals: dict[str, list[int]] = {}
            for kind, text, filters in QUERIES:
                query = Query(text, filters)
                search(store, query)  # first run: cache warm-up, not counted
                for _ in range(args.reps):
                    start = time.perf_counter()
                    results = search(store, query)
                    times.setdefault(kind, []).append(time.perf_counter() - start)
                totals.setdefault(kind, []).append(results.total)
        size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    print(f"\n{n} testimonies; store on disk {size / 1e6:.0f} MB;"
          f" store.get median {read * 1000:.2f} ms")
    print(f"{'query kind':18}{'p50 ms':>8}{'p95 ms':>8}{'p50/get':>9}{'p95/get':>9}"
          f"   matches (per query)")
    every: list[float] = []
    for kind, values in times.items():
        every += values
        p50, p95 = percentile(values, 50), percentile(values, 95)
        print(f"{kind:18}{p50 * 1000:8.1f}{p95 * 1000:8.1f}{p50 / read:9.0f}{p95 / read:9.0f}"
              f"   {', '.join(str(t) for t in totals[kind])}")
    p50, p95 = percentile(every, 50), percentile(every, 95)
    print(f"{'all':18}{p50 * 1000:8.1f}{p95 * 1000:8.1f}{p50 / read:9.0f}{p95 / read:9.0f}"
          "   (goal: p95 <= 50 ms)")


if __name__ == "__main__":
    main()
