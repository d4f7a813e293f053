"""Build ``tests/data/stores/v1/``: a store as schema version 1 wrote it.

Run once and commit the output; ``tests/intake/test_migrations.py`` opens a copy
with today's code and checks it is migrated forward with nothing lost. Written
with the low-level pieces (not ``Store.create``, which always makes the newest
schema) and plain SQL of version 1. Passphrase: ``fixture passphrase v1``; the
key slot uses the cheap test KDF, so open it with ``KdfPolicy.insecure_for_tests()``.
"""

from __future__ import annotations

import json
import shutil
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from crypto import keyslots  # noqa: E402
from crypto.identity import Identity  # noqa: E402
from crypto.kdf import KdfPolicy, calibrate  # noqa: E402
from crypto.passphrase import encode_passphrase  # noqa: E402
from crypto.recovery import RecoveryKey  # noqa: E402
from crypto.secret import SecretBytes  # noqa: E402
from crypto.subkeys import SQLCIPHER_KEY_LABEL, derive_subkey  # noqa: E402
from intake.store.audit import AuditLog  # noqa: E402
from intake.store.database import open_database, transaction  # noqa: E402
from intake.store.records import body_sha256  # noqa: E402
from intake.store.schema import migrate  # noqa: E402

OUT = Path(__file__).parent / "v1"
PASSPHRASE = "fixture passphrase v1"
BODIES = [
    {"schema": "testimony/1", "id": "5b0c8f7e-3a61-4c2e-9a55-0d1f2e3a4b5c", "revision": 1,
     "survivor": {"pseudonym": "S-V1-01", "sex": "female", "birth_year": 1980},
     "interview": {"date": "2021-05-02", "place": "Seoul", "language": "ko"},
     "consent": {"recorded": "2021-05-02", "legal": True, "advocacy": True,
                 "publication": False, "withdrawn": None},
     "events": [{"type": "detention", "start": "2018-11", "place": "Dandong"}],
     "narrative": "2018년 11월 단둥에서 공안에게 잡혔다."},
    {"schema": "testimony/1", "id": "9d2e4f60-7b8a-4c1d-8e9f-a0b1c2d3e4f5", "revision": 1,
     "survivor": {"pseudonym": "S-V1-02"},
     "interview": {"date": "2021-06", "place": "Seoul", "language": "en"},
     "consent": {"recorded": "2021-06-10", "legal": True, "advocacy": False,
                 "publication": False, "withdrawn": None},
     "events": [],
     "narrative": "Held at the Onsong holding centre for two weeks."},
]


def main() -> None:
    policy = KdfPolicy.insecure_for_tests()
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    dek = SecretBytes.random(32)
    store_id = str(uuid.uuid4())
    with encode_passphrase(PASSPHRASE) as pw:
        keyfile = keyslots.create_keyfile(store_id, dek, pw, RecoveryKey.generate(),
                                          calibrate(policy), policy=policy)
    with derive_subkey(dek, SQLCIPHER_KEY_LABEL) as key:
        conn = open_database(OUT / "store.db", key, create=True)
    migrate(conn, target=1)
    identity = Identity.generate()
    with transaction(conn):
        conn.execute("INSERT INTO meta (key, value) VALUES ('store_id', ?)", (store_id,))
        conn.execute("INSERT INTO identity (id, label, secret, created_at) VALUES"
                     " (1, 'v1 fixture', ?, '2021-05-01T00:00:00.000000Z')",
                     (identity.to_secret_json().bytes(),))
        audit = AuditLog(conn)
        audit.append("store.create", None, {"store_id": store_id})
        for body in BODIES:
            text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
            conn.execute("INSERT INTO testimonies (id, created_at) VALUES (?, ?)",
                         (body["id"], "2021-06-10T00:00:00.000000Z"))
            conn.execute("INSERT INTO revisions VALUES (?, 1, ?, ?, ?)",
                         (body["id"], "2021-06-10T00:00:00.000000Z", text, body_sha256(text)))
            conn.execute("INSERT INTO summaries VALUES (?, 1, ?, ?, ?, ?, ?, 0, ?)",
                         (body["id"], body["survivor"]["pseudonym"], body["interview"]["date"],
                          body["interview"]["place"], " ".join(e["type"] for e in body["events"]),
                          "legal", "2021-06-10T00:00:00.000000Z"))
            audit.append("testimony.create", body["id"], {"revision": 1})
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    (OUT / "blobs").mkdir()
    (OUT / "blobs" / ".keep").write_text("")
    keyslots.write_keyfile(OUT / "keys", keyfile)
    dek.wipe()


if __name__ == "__main__":
    main()
