"""Two real stores (an interviewer's and a legal team's) that know each other, and helpers."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from intake.bundle import ExportRequest, export_bundle
from intake.contacts import Contacts
from intake.model import Testimony
from intake.store import Store
from tests.conftest import PASSPHRASE
from tests.intake.bundle import craft
from tests.samples import make_testimony

NAMES = ("김철수", "Pak Yong-ho")
PHONE = "010-1234-5678"
KOREAN_NARRATIVE = ("2019년 4월 단둥에서 체포되었다. 김철수가 전화했다 (010-1234-5678). "
                    "April 2019: Pak Yong-ho was held in Tumen.")


def fake_renderer(t: Testimony, bundle_id: str, lang: str) -> bytes:
    """A stand-in PDF that carries the testimony's text in clear, so leaks would show."""
    texts = "\n".join(text for _path, text in t.texts())
    return (b"%PDF-1.4\n% statement " + bundle_id.encode() + b" " + lang.encode() + b"\n"
            + texts.encode("utf-8") + b"\n%%EOF\n")


class FakeDetector:
    """Finds the testimony's own names and Korean mobile numbers: enough to test plumbing."""

    def detect(self, text: str, *, lang: str = "auto", names=()) -> list:
        found = []
        for name in names:
            for m in re.finditer(re.escape(name), text):
                found.append(_F(m.start(), m.end(), "PERSON", m.group(), 1.0))
        for m in re.finditer(r"01\d-\d{3,4}-\d{4}", text):
            found.append(_F(m.start(), m.end(), "PHONE", m.group(), 0.9))
        return found


@dataclass(frozen=True)
class _F:
    start: int
    end: int
    kind: str
    text: str
    score: float


@dataclass
class Pair:
    field: Store
    legal: Store
    tmp: Path

    def testimony(self, **overrides) -> Testimony:
        overrides.setdefault("narrative", KOREAN_NARRATIVE)
        return self.field.add(make_testimony(**overrides))

    def attach(self, t: Testimony, data: bytes, name: str = "interview-1.m4a") -> None:
        self.field.attach(t.id, io.BytesIO(data), name=name)

    def export(self, name: str = "b.tib.age", **kw) -> Path:
        out = self.tmp / name
        request = ExportRequest(recipients=kw.pop("to", ("Legal",)),
                                purpose=kw.pop("purpose", "legal"),
                                level=kw.pop("level", "full"),
                                testimony_ids=kw.pop("ids", None),
                                override_risk=kw.pop("override_risk", False),
                                **{f: kw.pop(f) for f in ("k", "generalise", "accept_risk",
                                                          "include_media") if f in kw})
        kw.setdefault("renderer", fake_renderer)
        if request.level == "redacted":
            kw.setdefault("detector", FakeDetector())
        export_bundle(self.field, request, out, **kw)
        return out

    def plain_tar(self, bundle: Path) -> bytes:
        return craft.decrypt(bundle.read_bytes(), self.legal)


@pytest.fixture(scope="session")
def pair_template(tmp_path_factory) -> Path:
    """An interviewer's and a legal team's store that know each other, made once; each test
    gets its own copy (making stores is most of what these tests would otherwise cost)."""
    from crypto.kdf import KdfPolicy
    from intake.cli.passphrase import from_text

    root = tmp_path_factory.mktemp("pair-template")
    policy = KdfPolicy.insecure_for_tests()
    field, _ = Store.create(root / "field", from_text(PASSPHRASE), label="Field team A",
                            policy=policy)
    legal, _ = Store.create(root / "legal", from_text(PASSPHRASE), label="Legal team B",
                            policy=policy)
    with field, legal:
        Contacts(field).add(legal.identity_card(), "Legal")
        Contacts(field).verify("Legal")
        Contacts(legal).add(field.identity_card(), "Field A")
    return root


@pytest.fixture
def pair(pair_template, tmp_path, policy, passphrase) -> Iterator[Pair]:
    opened = []
    for name in ("field", "legal"):
        shutil.copytree(pair_template / name, tmp_path / name)
        opened.append(Store.open(tmp_path / name, passphrase(), policy=policy))
    yield Pair(opened[0], opened[1], tmp_path)
    for store in opened:
        store.close()


def snapshot(store: Store) -> dict[str, object]:
    """Every table's row count and the content of the tables that matter, plus blob files."""
    conn = store.conn
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
        " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")]
    state: dict[str, object] = {}
    for name in tables:
        state[f"count:{name}"] = conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
    for name in ("testimonies", "revisions", "attachments", "audit", "contacts",
                 "imported_bundles", "imported_records", "imported_documents", "transfers"):
        rows = conn.execute(f'SELECT * FROM "{name}" ORDER BY 1, 2').fetchall()
        state[f"rows:{name}"] = hashlib.sha256(json.dumps(
            [[c.hex() if isinstance(c, bytes) else c for c in r] for r in rows],
            ensure_ascii=False).encode()).hexdigest()
    state["blobs"] = sorted(p.name for p in store.paths.blobs.iterdir())
    return state


Snapshot = Callable[[Store], dict[str, object]]
