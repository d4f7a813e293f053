"""Load files for review platforms: a Concordance-style DAT and a CSV of the same rows.

Legal teams load productions into review platforms (Relativity, Nuix, Everlaw…)
through load files. The DAT convention: UTF-8 with a byte-order mark, CRLF
line ends, fields quoted with þ (U+00FE) and separated by ASCII 20 (DC4), a
header row of field names, and line breaks inside a field written as ® (U+00AE)
so one record stays on one line. A þ inside a value is doubled, as a quote is in CSV.

:func:`write_loadfile` (the ``loadfile`` command) verifies a bundle as import does,
then writes its members under names made from their document ids, with both load
files, into a new directory.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import mimetypes
import os
import re
import secrets
import shutil
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from crypto.atomicfile import fsync_dir
from intake.bundle import importer
from intake.bundle.contents import Contents, Provenance, check_contents
from intake.bundle.format import (
    MANIFEST_PATH,
    METADATA_PATH,
    SIGNATURE_PATH,
    Manifest,
    Member,
    sha256_hex,
    shown,
)
from intake.bundle.members import METADATA_COLUMNS
from intake.bundle.reader import AttachmentSink, Bundle, CancelCheck, Progress, read_bundle
from intake.bundle.tarformat import TarReader
from intake.errors import BundleRejected, InvalidInput
from intake.model import Testimony
from intake.store import Store

QUOTE = "\u00fe"       # þ
DELIMITER = "\x14"     # ASCII 20
NEWLINE_IN_FIELD = "\u00ae"  # ®
BOM = "\ufeff"

FIELDS: tuple[str, ...] = ("DOCID", "BEGBATES", "TITLE", "KIND", "LANGUAGE", "DATE",
                           "PSEUDONYM", "SHA256", "SIZE", "CONFIDENTIALITY", "NATIVEPATH",
                           "TEXTPATH", "BUNDLEID")
# Spreadsheets evaluate a cell starting with these; Excel in East Asian locales also the
# full-width forms (＝ ＋ － ＠), which a Korean input method types.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d",
                  "\uff20")
# Control characters other than line breaks have no place in a title or a pseudonym; in a
# DAT the delimiter (ASCII 20) would split a field for any loader that does not honour þ.
_DAT_CONTROLS = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]")


def _dat_field(value: object) -> str:
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", NEWLINE_IN_FIELD)
    text = _DAT_CONTROLS.sub(" ", text)
    return QUOTE + text.replace(QUOTE, QUOTE * 2) + QUOTE


def dat_text(rows: Iterable[Mapping[str, object]], fields: Sequence[str] = FIELDS) -> str:
    lines = [DELIMITER.join(_dat_field(f) for f in fields)]
    lines += [DELIMITER.join(_dat_field(row.get(f)) for f in fields) for row in rows]
    return BOM + "\r\n".join(lines) + "\r\n"


def dat_bytes(rows: Iterable[Mapping[str, object]], fields: Sequence[str] = FIELDS) -> bytes:
    return dat_text(rows, fields).encode("utf-8")


def parse_dat(text: str) -> list[dict[str, str]]:
    """Read a DAT back (used by the tests and by anyone checking a load file)."""
    text = text.removeprefix(BOM)
    records = [_split_record(line) for line in text.split("\r\n") if line]
    if not records:
        return []
    header, *body = records
    return [dict(zip(header, values, strict=True)) for values in body]


def _split_record(line: str) -> list[str]:
    values: list[str] = []
    i = 0
    while i < len(line):
        if line[i] != QUOTE:
            raise ValueError(f"DAT field does not start with þ at column {i}")
        i += 1
        out = []
        while True:
            j = line.index(QUOTE, i)
            out.append(line[i:j])
            if j + 1 < len(line) and line[j + 1] == QUOTE:
                out.append(QUOTE)
                i = j + 2
                continue
            i = j + 1
            break
        values.append("".join(out).replace(NEWLINE_IN_FIELD, "\n"))
        if i < len(line):
            if line[i] != DELIMITER:
                raise ValueError(f"expected the ASCII 20 delimiter at column {i}")
            i += 1
    return values


def _cell(value: object) -> object:
    """Defuse spreadsheet formulas (CSV injection): a leading ``=``, ``+``, … gets a quote.
    Numbers stay numbers; the DAT is left as is (review platforms do not evaluate it)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_bytes(rows: Iterable[Mapping[str, object]], fields: Sequence[str] = FIELDS) -> bytes:
    """The same rows as CSV, UTF-8 with a BOM so spreadsheet programs read Hangul right."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(fields), extrasaction="ignore",
                            lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({f: _cell(row.get(f)) for f in fields})
    return (BOM + buf.getvalue()).encode("utf-8")


# -- a bundle's production: the members, decrypted, with their load files ----------------
#
# This writes decrypted testimony to a directory the user chose. That is the point of
# the command (a legal team's review platform cannot read an age file), so it is said
# plainly in the command's help and the README, audited as ``loadfile.write``, and done
# only after the whole bundle checked out: nothing appears in ``out_dir`` unless every
# byte verified and every file was written (staging directory, then one rename).

DOCID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_SUFFIX = re.compile(r"\.[a-z0-9]{1,10}")
_FOLDERS = {"record": ("records", ".json"), "statement": ("statements", ".pdf"),
            "attachment": ("attachments", ""), "custody": ("custody", ".jsonl")}
DAT_NAME, CSV_NAME = "loadfile.dat", "loadfile.csv"
ORIGINALS = "bundle"  # manifest.json, manifest.sig, metadata.csv as the sender signed them


@dataclass(frozen=True)
class LoadfileResult:
    directory: Path
    provenance: Provenance
    documents: int
    total_bytes: int


def write_loadfile(store: Store, bundle_path: Path, out_dir: Path, *,
                   trust_new_sender: bool = False, progress: Progress | None = None,
                   cancelled: CancelCheck | None = None) -> LoadfileResult:
    """Verify ``bundle_path`` fully (as import does), then write its production to ``out_dir``."""
    check_output_dir(out_dir)
    staging = out_dir.parent / f".{out_dir.name}.{secrets.token_hex(6)}.partial"
    staging.mkdir(mode=0o700)
    try:
        incoming = staging / ".incoming"
        incoming.mkdir(mode=0o700)
        seen: dict[str, Provenance] = {}

        def on_manifest(manifest: Manifest) -> bool:
            p = importer.bundle_provenance(store, manifest, sha256_hex(manifest.to_bytes()))
            if not p.known_sender and not trust_new_sender:
                raise BundleRejected(importer.unknown_sender_message(p))
            seen["p"] = p
            return True

        with importer.open_age_file(bundle_path) as source:
            bundle = read_bundle(source, store.identity, store.identity_card().fingerprint,
                                 on_manifest=on_manifest, attachment_sink=_sink(incoming),
                                 progress=progress, cancelled=cancelled)
        assert bundle is not None
        contents = check_contents(bundle)
        rows = _production(bundle, contents, staging, incoming)
        incoming.rmdir()
        _write(staging / DAT_NAME, dat_bytes(rows))
        _write(staging / CSV_NAME, csv_bytes(rows))
        fsync_dir(staging)
        prov = seen["p"]
        with store.transaction():
            store.audit.append("loadfile.write", None, {
                "bundle_id": bundle.manifest.bundle_id, "sender": prov.sender.fingerprint,
                "manifest_sha256": bundle.manifest_sha256, "documents": len(rows)})
            _move_into_place(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return LoadfileResult(out_dir, prov, len(rows), sum(int(r["SIZE"]) for r in rows))


def interrupted_runs(out_dir: Path) -> list[Path]:
    """Staging directories an interrupted run into ``out_dir`` left behind (a crash or a
    kill mid-write): they hold decrypted files, so the command says where they are."""
    pattern = re.compile(rf"\.{re.escape(out_dir.name)}\.[0-9a-f]{{12}}\.partial")
    try:
        return sorted(p for p in out_dir.parent.iterdir()
                      if pattern.fullmatch(p.name) and p.is_dir() and not p.is_symlink())
    except OSError:
        return []


def check_output_dir(out_dir: Path) -> None:
    """``out_dir`` must be new, or an empty directory (never a symlink); refuse before work."""
    if out_dir.is_symlink():
        raise InvalidInput("output", f"{out_dir} is a symbolic link; give a new directory")
    if out_dir.exists():
        if not out_dir.is_dir():
            raise InvalidInput("output", f"{out_dir} exists and is not a directory")
        if any(out_dir.iterdir()):
            raise InvalidInput("output", f"{out_dir} is not empty; give a new or empty "
                                         "directory")
    elif not out_dir.parent.is_dir():
        raise InvalidInput("output", f"{out_dir.parent} is not a directory")


def _sink(incoming: Path) -> AttachmentSink:
    """Attachments go, hashed on the way, to ``.incoming/<attachment id>`` (a UUID)."""
    def sink(member: Member, data: TarReader) -> tuple[str | None, str, int]:
        digest, size = hashlib.sha256(), 0
        with _create(incoming / str(member.ref)) as out:
            while chunk := data.read():
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        return None, digest.hexdigest(), size
    return sink


def _production(bundle: Bundle, contents: Contents, staging: Path,
                incoming: Path) -> list[dict[str, object]]:
    m = bundle.manifest
    testimonies = {t.id: t for t in contents.testimonies}
    rows = []
    names: set[str] = set()
    for meta in _metadata_rows(bundle):
        member = meta["member"]
        assert isinstance(member, Member)
        kind, ref = member.kind, member.ref
        folder, suffix = _FOLDERS[kind]
        if kind == "attachment":
            suffix = _suffix(*_name_and_type(contents, str(ref)))
        native = f"{folder}/{meta['DOCID']}{suffix}"
        _claim(names, native)
        text = ""
        if kind == "attachment":
            os.replace(incoming / str(ref), _mkparent(staging / native))
        else:
            _write(_mkparent(staging / native), bundle.contents[member.path])
        if kind == "record":
            text = _claim(names, f"text/{meta['DOCID']}.txt")
            _write(_mkparent(staging / text), _text_of(testimonies[str(ref)]))
        elif kind == "custody":
            text = native
        rows.append({**{k: v for k, v in meta.items() if k != "member"},
                     "BEGBATES": meta["DOCID"], "NATIVEPATH": native, "TEXTPATH": text,
                     "BUNDLEID": m.bundle_id})
    originals = staging / ORIGINALS
    originals.mkdir(mode=0o700)
    _write(originals / MANIFEST_PATH, bundle.manifest_bytes)
    _write(originals / SIGNATURE_PATH, bundle.signature.encode("ascii"))
    _write(originals / METADATA_PATH, bundle.contents[METADATA_PATH])
    return rows


def _claim(names: set[str], native: str) -> str:
    """Refuse a second document under one file name: ``X`` + ``.m4a`` and ``X.m4a`` + no
    suffix would overwrite each other, and on a case-insensitive disk so would ``a``/``A``."""
    key = native.casefold()
    if key in names:
        raise BundleRejected(f"{METADATA_PATH}: two documents would be written as "
                             f"{shown(native)}")
    names.add(key)
    return native


def _metadata_rows(bundle: Bundle) -> list[dict[str, object]]:
    """``metadata.csv`` read strictly: its header, one row per document member, each row's
    path, hash and size as the signed manifest says, document ids safe and unique."""
    text = bundle.contents[METADATA_PATH].decode("utf-8").removeprefix(BOM)
    try:
        table = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        raise BundleRejected(f"{METADATA_PATH}: not a valid CSV file") from None
    if not table or tuple(table[0]) != METADATA_COLUMNS:
        raise BundleRejected(f"{METADATA_PATH}: the header is not the tib/1 one")
    listed = bundle.manifest.by_path()
    documents = {p for p, mem in listed.items() if mem.kind in _FOLDERS}
    rows, paths, ids = [], set(), set()
    for n, cells in enumerate(table[1:], start=2):
        if len(cells) != len(METADATA_COLUMNS):
            raise BundleRejected(f"{METADATA_PATH}: line {n} has {len(cells)} fields, not "
                                 f"{len(METADATA_COLUMNS)}")
        row = dict(zip(METADATA_COLUMNS, cells, strict=True))
        member = listed.get(row["path"])
        if member is None or row["path"] not in documents:
            raise BundleRejected(f"{METADATA_PATH}: line {n} names {shown(row['path'])}, "
                                 "which is not a document of this bundle")
        if row["path"] in paths:
            raise BundleRejected(f"{METADATA_PATH}: {shown(row['path'])} is listed twice")
        if not DOCID.fullmatch(row["document_id"]) or row["document_id"].casefold() in ids:
            raise BundleRejected(f"{METADATA_PATH}: line {n}: the document id is unsafe or "
                                 "repeated")
        if (row["sha256"], row["size"]) != (member.sha256, str(member.size)):
            raise BundleRejected(f"{METADATA_PATH}: line {n}: hash or size differs from the "
                                 "manifest")
        paths.add(row["path"])
        ids.add(row["document_id"].casefold())
        rows.append({"DOCID": row["document_id"], "TITLE": row["title"], "KIND": row["kind"],
                     "LANGUAGE": row["language"], "DATE": row["date"],
                     "PSEUDONYM": row["pseudonym"], "SHA256": member.sha256,
                     "SIZE": member.size, "CONFIDENTIALITY": row["confidentiality"],
                     "member": member})
    missing = sorted(documents - paths)
    if missing:
        raise BundleRejected(f"{METADATA_PATH}: {shown(missing[0])} has no row "
                             f"({len(missing)} missing)")
    return rows


def _name_and_type(contents: Contents, attachment_id: str) -> tuple[str, str]:
    ref = contents.attachments[attachment_id][1]
    return ref.name, ref.media_type


def _suffix(name: str, media_type: str) -> str:
    """A safe extension for a native file: the name's own, else one for its media type."""
    suffix = Path(name).suffix.lower()
    if _SUFFIX.fullmatch(suffix):
        return suffix
    guessed = mimetypes.guess_extension(media_type.split(";")[0].strip()) or ""
    return guessed if _SUFFIX.fullmatch(guessed) else ""


def _text_of(t: Testimony) -> bytes:
    """The record's searchable text, one field after another, for the platform's index."""
    parts = [f"{t.survivor.pseudonym}\n"]
    parts += [f"\n[{field}]\n{text}\n" for field, text in t.texts()]
    return (BOM + "".join(parts)).encode("utf-8")


def _mkparent(path: Path) -> Path:
    path.parent.mkdir(mode=0o700, exist_ok=True)
    return path


@contextlib.contextmanager
def _create(path: Path) -> Iterator[BinaryIO]:
    """A new private file (0600, never an existing one), fsynced when closed."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(fd, "wb") as out:
        yield out
        out.flush()
        os.fsync(out.fileno())


def _write(path: Path, data: bytes) -> None:
    with _create(path) as out:
        out.write(data)


def _move_into_place(staging: Path, out_dir: Path) -> None:
    """One rename: ``os.replace`` onto a new name or an empty directory (POSIX ``rename``)."""
    for sub in [p for p in staging.rglob("*") if p.is_dir()]:
        fsync_dir(sub)
    try:
        os.replace(staging, out_dir)
    except OSError as error:
        raise InvalidInput("output", f"{out_dir} could not be created ({error.strerror}); "
                                     "nothing was written") from None
    fsync_dir(out_dir.parent)
