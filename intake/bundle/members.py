"""The small members of a bundle: records, the custody log and the metadata table.

Each is built as bytes (they are small; attachments are streamed elsewhere) so that
its SHA-256 can go into the manifest before the tar is written.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass

from intake.model import Testimony
from intake.store.audit import AuditEntry

# Audit details that hash a whole unredacted record. A redacted bundle withholds them:
# with the redacted text in hand, a guessed name could be confirmed against the hash.
# Likewise an original attachment's hash and exact size: whoever holds the recording or
# photo (withheld, or re-encoded in the bundle) could confirm it is this survivor's.
_BODY_HASH_KEYS = {"testimony.create": ("sha256",), "testimony.save": ("sha256",),
                   "import": ("sha256",), "export": ("record_sha256",),
                   "testimony.attach": ("sha256", "size")}
# Withheld at every level: the code printed on the survivor's consent receipt would tie
# that paper (carried across borders) to the record, and a legal team has no use for it.
_NEVER_SENT_KEYS = {"consent.receipt": ("code",)}
_CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
METADATA_COLUMNS = ("document_id", "path", "title", "kind", "language", "date", "pseudonym",
                    "sha256", "size", "confidentiality")


def record_bytes(t: Testimony) -> bytes:
    """``records/<id>.json``: the testimony/1 object, indented for people, UTF-8."""
    return (json.dumps(t.to_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def custody_bytes(entries: Iterable[AuditEntry], *, redacted: bool) -> bytes:
    """``custody.jsonl``: the audit entries about the exported records, one JSON per line.

    At the redacted level, a record-body hash is replaced by ``null`` and named in
    ``"withheld"``, as is a consent receipt code at every level; the entry's own ``hash`` is
    kept, so the sender can later prove it.
    """
    lines = []
    for entry in entries:
        doc = entry.to_dict()
        keys = _NEVER_SENT_KEYS.get(entry.action, ()) + (
            _BODY_HASH_KEYS.get(entry.action, ()) if redacted else ())
        withheld = [k for k in keys if k in doc["detail"]]
        if withheld:
            doc["detail"] = {k: (None if k in withheld else v) for k, v in doc["detail"].items()}
            doc["withheld"] = withheld
        lines.append(json.dumps(doc, ensure_ascii=False, sort_keys=True,
                                separators=(",", ":")) + "\n")
    return "".join(lines).encode("utf-8")


@dataclass(frozen=True)
class MetadataRow:
    path: str
    title: str
    kind: str
    language: str
    date: str
    pseudonym: str
    sha256: str
    size: int
    confidentiality: str


def metadata_bytes(short_id: str, rows: list[MetadataRow]) -> bytes:
    """``metadata.csv``: one row per member, numbered ``<bundle short id>-0001`` on."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(METADATA_COLUMNS)
    for n, row in enumerate(rows, start=1):
        writer.writerow([f"{short_id}-{n:04d}", row.path, _cell(row.title), row.kind,
                         _cell(row.language), _cell(row.date), _cell(row.pseudonym),
                         row.sha256, str(row.size), row.confidentiality])
    return buf.getvalue().encode("utf-8")


def _cell(text: str) -> str:
    """Defuse spreadsheet formulas (CSV injection): a leading ``=``, ``+``, … gets a quote."""
    return "'" + text if text.startswith(_CSV_FORMULA_START) else text


def confidentiality(level: str, purpose: str, t: Testimony) -> str:
    label = f"{'redacted' if level == 'redacted' else 'confidential, full'}; {purpose} use only"
    return label + ("; survivor at risk" if t.survivor.risk else "")
