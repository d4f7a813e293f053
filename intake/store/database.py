"""Opening the SQLCipher database, and only ever with a key.

SQLCipher accepts any key silently and, given none, would happily create a
*plaintext* database. So this module is the single place a connection is made:
it insists on a raw 32-byte key, keys the connection before anything else,
proves the key right by reading ``sqlite_master``, and refuses files that are
plaintext SQLite or were made by another SQLCipher major version.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3

from crypto.secret import SecretBytes
from intake.errors import StoreDamaged, StoreNotFound

Connection = sqlcipher3.Connection
DatabaseError = sqlcipher3.DatabaseError

EXPECTED_CIPHER_MAJOR = "4."
PLAINTEXT_SQLITE_HEADER = b"SQLite format 3\x00"

_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA secure_delete = ON",
    "PRAGMA foreign_keys = ON",
    # 64 MiB of decrypted pages kept in (protected) memory: each page read from
    # disk costs a decryption and an HMAC check, so a warm cache matters more here.
    "PRAGMA cache_size = -65536",
)


def open_database(path: Path, key: SecretBytes, *, create: bool = False) -> Connection:
    """Open (or with ``create``, make) the store's database, keyed with ``key``.

    ``key`` is the 32-byte SQLCipher subkey; it is handed to SQLCipher as a raw
    key literal (``x'…'``) so SQLCipher's own PBKDF2 is never used, and the
    literal is zeroed straight after.
    """
    if len(key) != 32:
        raise ValueError("the database key must be 32 bytes")
    exists = path.exists()
    if not exists and not create:
        raise StoreNotFound(f"no database at {path}")
    if exists and create:
        raise StoreDamaged(f"a database already exists at {path}")
    if exists:
        _refuse_plaintext(path)

    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute("PRAGMA cipher_log_level = NONE")
        literal = key.hex_literal()
        try:
            conn.set_key(literal)
        finally:
            for i in range(len(literal)):
                literal[i] = 0
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError as exc:
            raise StoreDamaged(
                "the database does not open with this store's key: it is damaged or "
                "was replaced"
            ) from exc
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not str(version[0]).startswith(EXPECTED_CIPHER_MAJOR):
            raise StoreDamaged("unexpected SQLCipher version; refusing to open the store")
        for pragma in _PRAGMAS:
            conn.execute(pragma)
    except BaseException:
        conn.close()
        raise
    return conn


def _refuse_plaintext(path: Path) -> None:
    with path.open("rb") as f:
        head = f.read(len(PLAINTEXT_SQLITE_HEADER))
    if head == PLAINTEXT_SQLITE_HEADER:
        raise StoreDamaged("store.db is an unencrypted SQLite file; refusing to open it")


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any exception.

    Immediate, so a writer learns at the start (not at commit) that another
    writer holds the database.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def integrity_problems(conn: Connection) -> list[str]:
    """Every page's HMAC (``cipher_integrity_check``) and SQLite's own structure check."""
    problems = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
    rows = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
    if rows != ["ok"]:
        problems.extend(rows)
    return problems
