"""Real stores for the bundle screens: an interviewer, a legal team and a stranger.

Made once per test session (stores, contacts, testimonies and bundles), copied per
test, then unlocked through real ``Session`` objects, so every dialog talks to a
real SQLCipher store on the worker.
"""

from __future__ import annotations

import io
import shutil
import wave
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.samples import make_testimony

CONSENT = {"recorded": "2023-08-14", "legal": True, "advocacy": False, "publication": False,
           "withdrawn": None}


@dataclass
class Template:
    root: Path
    ids: dict[str, str]          # pseudonym → testimony id (field store)
    bundles: dict[str, Path]     # name → bundle file (outside the stores)


def _wav() -> bytes:
    """A tenth of a second of silence: real audio that mutagen can strip tags from."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(bytes(1600))
    return out.getvalue()


def _survivor(pseudonym: str, **more):
    return {"pseudonym": pseudonym, "sex": "female", "birth_year": 1985,
            "origin": "함경북도 회령시", **more}


@pytest.fixture(scope="session")
def template(tmp_path_factory) -> Template:
    from crypto.kdf import KdfPolicy
    from intake.bundle import ExportRequest, export_bundle
    from intake.cli.passphrase import from_text
    from intake.contacts import Contacts
    from intake.store import Store
    from tests.intake.bundle import craft
    from ui.pdf.statement import render_statement

    root = tmp_path_factory.mktemp("bundle-screens")
    policy = KdfPolicy.insecure_for_tests()
    stores = {name: Store.create(root / name, from_text(PASSPHRASE), label=label,
                                 policy=policy)[0]
              for name, label in (("field", "Field team A"), ("legal", "Legal team B"),
                                  ("stranger", "Stranger C"))}
    field, legal, stranger = stores["field"], stores["legal"], stores["stranger"]
    ids: dict[str, str] = {}
    bundles: dict[str, Path] = {}
    try:
        Contacts(field).add(legal.identity_card(), "Legal")
        Contacts(field).verify("Legal")
        Contacts(field).add(stranger.identity_card(), "Stranger")
        Contacts(legal).add(field.identity_card(), "Field A")
        Contacts(stranger).add(legal.identity_card(), "Legal")
        for pseudonym, consent, survivor in (
                ("S-0142", CONSENT, {}),
                ("S-0200", {**CONSENT, "advocacy": True}, {}),
                ("S-0300", {**CONSENT, "withdrawn": "2024-01-10"}, {}),
                ("S-0400", CONSENT, {"risk": ["family_in_north_korea"]})):
            t = field.add(make_testimony(survivor=_survivor(pseudonym, **survivor),
                                         consent=consent))
            ids[pseudonym] = t.id
        field.attach(ids["S-0200"], io.BytesIO(_wav()), name="interview-1.wav")
        t = stranger.add(make_testimony(survivor=_survivor("X-0001")))
        (root / "stranger-card.json").write_text(stranger.identity_card().to_json())

        def export(store, to, name, testimony_ids):
            path = root / name
            export_bundle(store, ExportRequest(recipients=(to,), purpose="legal",
                                               level="full", testimony_ids=testimony_ids,
                                               allow_unverified=True), path,
                          renderer=render_statement)
            bundles[name.split(".")[0]] = path

        export(field, "Legal", "genuine.tib.age", (ids["S-0142"], ids["S-0200"]))
        export(stranger, "Legal", "stranger.tib.age", (t.id,))
        export(field, "Stranger", "elsewhere.tib.age", (ids["S-0142"],))
        entries, mtime = craft.unpack(craft.decrypt(bundles["genuine"].read_bytes(), legal))
        i = next(i for i, (p, _) in enumerate(entries) if p.startswith("records/"))
        path, data = entries[i]
        entries[i] = (path, data.replace(b"S-0142", b"S-9999"))
        bundles["altered"] = root / "altered.tib.age"
        bundles["altered"].write_bytes(craft.encrypt(craft.pack(entries, mtime), legal))
        bundles["altered_member"] = Path(path)  # type: ignore[assignment]
    finally:
        for s in stores.values():
            s.close()
    _custody_documents(root, ids, bundles, policy)
    return Template(root, ids, bundles)


def _custody_documents(root: Path, ids: dict[str, str], bundles: dict[str, Path],
                       policy) -> None:
    """'legal-imported' (the legal store after importing the genuine bundle), a withdrawal
    notice for it, and its delivery receipt for the field store."""
    from intake.bundle import import_bundle
    from intake.cli.passphrase import from_text
    from intake.custody.receipts import write_receipt
    from intake.custody.withdraw import withdraw
    from intake.store import Store

    shutil.copytree(root / "legal", root / "legal-imported")
    shutil.copytree(root / "field", root / "field-withdrawing")
    with Store.open(root / "legal-imported", from_text(PASSPHRASE), policy=policy) as legal:
        result = import_bundle(legal, bundles["genuine"])
        bundles["receipt"] = root / "receipt.tir.age"
        write_receipt(legal, result.provenance.bundle_id, bundles["receipt"])
    notices = root / "notices"
    notices.mkdir()
    with Store.open(root / "field-withdrawing", from_text(PASSPHRASE), policy=policy) as field:
        written = withdraw(field, ids["S-0142"], notices, today=date(2024, 5, 1)).notices
        bundles["notice"] = next(n.path for n in written if n.recipient_label == "Legal")


def unlock_copy(qtbot, make_session, template: Template, name: str, tmp_path: Path):
    from crypto.passphrase import encode_passphrase

    shutil.copytree(template.root / name, tmp_path / name)
    session = make_session(name)
    done = []
    session.unlock(encode_passphrase(PASSPHRASE), success=lambda info: done.append(info),
                   failure=lambda exc: done.append(exc))
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert not isinstance(done[0], Exception), done[0]
    return session


@pytest.fixture
def field(qtbot, make_session, template, tmp_path):
    """The interviewer's store, unlocked: contacts Legal (verified), Stranger (not)."""
    return unlock_copy(qtbot, make_session, template, "field", tmp_path)


@pytest.fixture
def legal(qtbot, make_session, template, tmp_path):
    """The legal team's store, unlocked: knows 'Field A' (not verified)."""
    return unlock_copy(qtbot, make_session, template, "legal", tmp_path)


@pytest.fixture
def legal_imported(qtbot, make_session, template, tmp_path):
    """The legal team's store after importing the genuine bundle (S-0142 and S-0200)."""
    return unlock_copy(qtbot, make_session, template, "legal-imported", tmp_path)


@pytest.fixture
def bundle(template, tmp_path):
    """A private copy of one of the template's bundles, by name."""
    def copy(name: str) -> Path:
        suffix = "".join(template.bundles[name].suffixes[-2:])
        target = tmp_path / f"{name}{suffix}"
        shutil.copyfile(template.bundles[name], target)
        return target
    return copy


def idle(qtbot, session) -> None:
    qtbot.waitUntil(lambda: session.ops.idle, timeout=30_000)


def on_store(qtbot, session, fn):
    from tests.ui.conftest import run_on_store

    return run_on_store(qtbot, session, fn)


def state(store) -> dict[str, object]:
    """Row counts of every table and the blob files: enough to see any write."""
    conn = store.conn
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
        " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")]
    out: dict[str, object] = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                              for t in tables}
    out["blobs"] = sorted(p.name for p in store.paths.blobs.iterdir())
    return out
