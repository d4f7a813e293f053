"""Opening the SQLCipher database, and only ever with a key.

SQLCipher accepts any key silently and, given none, would happily create a
*plaintext* database. So this module is the single place a connection is made:
it insists on a raw 32-byte key, keys the connection before anything else,
proves the key right by reading ``sqlite_master``, and refuses files that are
plaintext SQLite or were made by another SQLCipher major version.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3

from crypto.atomicfile import atomic_writer
from crypto.secret import SecretBytes
from intake.clock import utc_now_iso
from intake.errors import StoreDamaged, StoreNotFound
from intake.store import wal

Connection = sqlcipher3.Connection
DatabaseError = sqlcipher3.DatabaseError

EXPECTED_CIPHER_MAJOR = "4."
PLAINTEXT_SQLITE_HEADER = b"SQLite format 3\x00"
PAGE_SIZE = 4096  # SQLCipher 4's default, which the store keeps

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
        _keep_damaged_wal(path)

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
            raise StoreDamaged(describe_damage(conn, path)) from exc
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not str(version[0]).startswith(EXPECTED_CIPHER_MAJOR):
            raise StoreDamaged("unexpected SQLCipher version; refusing to open the store")
        for pragma in _PRAGMAS:
            conn.execute(pragma)
    except BaseException:
        conn.close()
        raise
    return conn


def _keep_damaged_wal(path: Path) -> None:
    """Copy a damaged write-ahead log aside before SQLite drops the transactions beyond the
    damage (see :mod:`intake.store.wal`); ``check`` then reports the copy."""
    log = Path(f"{path}-wal")
    if not log.exists() or log.stat().st_size == 0:
        return
    first = wal.inspect(log)
    # Another process (the desktop app) may be appending to a live log as we read it: a
    # frame half-written then, followed by a commit written since, looks like damage once.
    # Damage is what is still there when read again.
    if first is None:
        return
    time.sleep(0.05)
    if wal.inspect(log) != first:
        return
    stamp = utc_now_iso().replace(":", "").replace("-", "").replace(".", "")
    with log.open("rb") as src, atomic_writer(f"{log}{wal.DAMAGED_SUFFIX}{stamp}") as dst:
        shutil.copyfileobj(src, dst)


def _refuse_plaintext(path: Path) -> None:
    with path.open("rb") as f:
        head = f.read(len(PLAINTEXT_SQLITE_HEADER))
    if head == PLAINTEXT_SQLITE_HEADER:
        raise StoreDamaged("store.db is an unencrypted SQLite file; refusing to open it")


def describe_damage(conn: Connection, path: Path) -> str:
    """One line naming what is wrong with a keyed database that failed to read.

    ``cipher_integrity_check`` needs no schema, so it works even when page 1
    (which holds the schema) is damaged. If *every* page fails, the key does not
    fit the file: page 1's salt was damaged, or the file was replaced.
    """
    try:
        failed = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
    except DatabaseError:
        failed = []
    try:
        pages = path.stat().st_size // PAGE_SIZE
    except OSError:
        pages = 0
    if failed and len(failed) >= pages > 0:
        return ("store.db does not open with this store's key: its header (page 1) is "
                "damaged, or the file was replaced")
    if failed:
        more = f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""
        return f"store.db is damaged: {failed[0]}{more}"
    return "store.db is damaged or was replaced: it does not read with this store's key"


def _disk_error(exc: DatabaseError) -> OSError | None:
    """SQLite's "disk is full" and I/O errors, as the OSError they are (the CLI shows one line)."""
    text = str(exc).lower()
    if "disk is full" in text:
        return OSError(errno.ENOSPC, "the disk is full; nothing was saved")
    if "disk i/o error" in text:
        return OSError(errno.EIO, "the disk reported an error; nothing was saved")
    return None


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any exception.

    Immediate, so a writer learns at the start (not at commit) that another
    writer holds the database. A failed ``COMMIT`` (a full disk) is rolled back
    too, so the connection is never left inside a half-done transaction, and the
    original error is raised rather than one from ``ROLLBACK`` (SQLite may
    already have rolled back by itself, and then ``ROLLBACK`` fails).
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            with contextlib.suppress(DatabaseError):
                conn.execute("ROLLBACK")
        disk = _disk_error(exc) if isinstance(exc, DatabaseError) else None
        if disk is not None:
            raise disk from None
        raise


def integrity_problems(conn: Connection) -> list[str]:
    """Every page's HMAC (``cipher_integrity_check``) and SQLite's own structure check."""
    problems = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
    try:
        rows = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
    except DatabaseError as exc:
        # A page that fails its HMAC makes integrity_check stop with an error; keep the
        # pages cipher_integrity_check named rather than losing them to that error.
        rows = [f"the structure check could not finish ({exc})"]
    if rows != ["ok"]:
        problems.extend(rows)
    return problems
