"""Store throughput against the same schema in plain sqlite3 and in raw SQLCipher.

Adds N testimonies (~3 KB narrative each) in transactions of 1,000, then reads
each back by id, three ways in one run:
  plain   — the same SQLite (SQLCipher's, given no key), schema and pragmas, unencrypted;
  cipher  — raw SQLCipher with the same pragmas (``cipher_memory_security`` on);
  store   — the real ``Store`` (SQLCipher + audit chain + summaries + search rows).
The same intake code writes all three (``records`` and ``AuditLog`` take any
DB-API connection), so the ratios isolate the cost of encryption. Also prints
unlock time with the KDF excluded (opened with a negligible test KDF and that
KDF's own time subtracted) and one production Argon2id derivation for scale.

Usage: python bench/store_bench.py [--n 10000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import sqlcipher3

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crypto.kdf import PRODUCTION, KdfPolicy, calibrate, derive_kek  # noqa: E402
from crypto.passphrase import encode_passphrase  # noqa: E402
from crypto.secret import SecretBytes  # noqa: E402
from intake.model import Testimony  # noqa: E402
from intake.store import (
    Store,  # noqa: E402
    records,  # noqa: E402
)
from intake.store.audit import AuditLog  # noqa: E402
from intake.store.database import open_database, transaction  # noqa: E402
from intake.store.schema import migrate  # noqa: E402

SYLLABLES = "가나다라마바사아자차카타파하단둥투먼회령온성무산혜산청진보위부구류장집결소"
BATCH = 1000


def narrative(rng: random.Random, size: int = 3000) -> str:
    words = []
    while sum(len(w) + 1 for w in words) < size // 3:  # ~3 bytes a syllable in UTF-8
        words.append("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5))))
    return " ".join(words)


def make_testimonies(n: int) -> list[Testimony]:
    rng = random.Random(7)
    return [Testimony.from_dict({
        "schema": "testimony/1",
        "survivor": {"pseudonym": f"S-{i:05d}", "sex": "female", "birth_year": 1970 + i % 30},
        "interview": {"date": "2023-08-14", "place": "Seoul", "language": "ko"},
        "consent": {"recorded": "2023-08-14", "legal": True, "advocacy": False,
                    "publication": False, "withdrawn": None},
        "events": [{"type": "forced_return", "start": "2019-04", "place": "Tumen"}],
        "narrative": narrative(rng)}, new=True) for i in range(n)]


def fill(conn, items: list[Testimony]) -> float:
    audit = AuditLog(conn)
    start = time.perf_counter()
    for i in range(0, len(items), BATCH):
        with transaction(conn):
            for t in items[i:i + BATCH]:
                records.insert_new(conn, t)
                audit.append("testimony.create", t.id, {"revision": 1})
    return time.perf_counter() - start


def read_all(read, ids: list[str]) -> float:
    start = time.perf_counter()
    for i in ids:
        read(i)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    n = parser.parse_args().n
    items = make_testimonies(n)
    ids = [t.id for t in items]
    test_policy = KdfPolicy.insecure_for_tests()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        # The same SQLite engine (3.53, bundled with SQLCipher) with no key: unencrypted.
        plain = sqlcipher3.connect(str(root / "plain.db"), isolation_level=None)
        for pragma in ("journal_mode = WAL", "synchronous = FULL", "temp_store = MEMORY",
                       "secure_delete = ON", "foreign_keys = ON", "cache_size = -65536"):
            plain.execute(f"PRAGMA {pragma}")
        migrate(plain)
        t_plain_add = fill(plain, items)
        t_plain_read = read_all(lambda i: records.load(plain, i), ids)

        cipher = open_database(root / "cipher.db", SecretBytes.random(32), create=True)
        migrate(cipher)
        t_cipher_add = fill(cipher, items)
        t_cipher_read = read_all(lambda i: records.load(cipher, i), ids)

        pw = encode_passphrase("benchmark passphrase")
        store, _ = Store.create(root / "store", pw, label="bench", policy=test_policy)
        start = time.perf_counter()
        for i in range(0, n, BATCH):
            store.add_many(items[i:i + BATCH])
        t_store_add = time.perf_counter() - start
        t_store_read = read_all(store.get, ids)
        store.close()
        size = sum(p.stat().st_size for p in (root / "store").rglob("*") if p.is_file())

        params = calibrate(test_policy)
        opens, kdfs = [], []
        for _ in range(20):
            start = time.perf_counter()
            Store.open(root / "store", pw, policy=test_policy).close()
            opens.append(time.perf_counter() - start)
            start = time.perf_counter()
            derive_kek(pw, b"\0" * 16, params).wipe()
            kdfs.append(time.perf_counter() - start)
        opens.sort()
        kdfs.sort()
        prod = calibrate(PRODUCTION)
        start = time.perf_counter()
        derive_kek(pw, b"\0" * 16, prod).wipe()
        t_prod_kdf = time.perf_counter() - start

    print(f"testimonies: {n} of ~3 KB narrative, transactions of {BATCH}")
    print(f"{'':8}{'add s':>9}{'read s':>9}{'add/s':>10}{'read/s':>10}")
    for name, a, r in (("plain", t_plain_add, t_plain_read), ("cipher", t_cipher_add,
                       t_cipher_read), ("store", t_store_add, t_store_read)):
        print(f"{name:8}{a:9.2f}{r:9.2f}{n / a:10.0f}{n / r:10.0f}")
    print(f"store / plain sqlite3:   add {t_store_add / t_plain_add:.2f}x   "
          f"read {t_store_read / t_plain_read:.2f}x   (issue goal <= 1.3x)")
    print(f"store / raw SQLCipher:   add {t_store_add / t_cipher_add:.2f}x   "
          f"read {t_store_read / t_cipher_read:.2f}x")
    print(f"cipher / plain sqlite3:  add {t_cipher_add / t_plain_add:.2f}x   "
          f"read {t_cipher_read / t_plain_read:.2f}x   (the price of encryption)")
    print(f"store size on disk: {size / 1e6:.1f} MB")
    print(f"unlock excluding KDF (median of 20): "
          f"{(opens[10] - kdfs[10]) * 1000:.1f} ms")
    print(f"one production Argon2id derivation ({prod.memory_kib // 1024} MiB, "
          f"{prod.iterations} passes): {t_prod_kdf:.2f} s")


if __name__ == "__main__":
    main()
