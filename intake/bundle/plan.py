"""Export, first pass: every member's bytes or source, its SHA-256 and size, and the manifest.

The manifest must be the first member of the tar (an importer checks it before
anything else, in one pass), yet it lists every member's hash. So the export runs
twice over its members: this pass builds the small members in memory (records,
statements, custody, metadata) and takes each attachment's hash and size from the
store, which verifies them again when the blob is streamed in the second pass.
Nothing decrypted is written anywhere.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from crypto.card import IdentityCard
from intake.bundle.format import (
    CUSTODY_PATH,
    METADATA_PATH,
    Manifest,
    Member,
    sha256_hex,
)
from intake.bundle.members import (
    MetadataRow,
    confidentiality,
    custody_bytes,
    metadata_bytes,
    record_bytes,
)
from intake.bundle.redact import (
    Detector,
    RedactionFailed,
    RedactionReport,
    redact_testimony,
)
from intake.bundle.redacted_media import MediaBudget, Withheld, redact_attachments
from intake.bundle.statement import StatementRenderer, render_checked
from intake.clock import utc_now
from intake.errors import Cancelled, StoreDamaged
from intake.model import Testimony
from intake.reidentify import generalise
from intake.store import Store


@dataclass(frozen=True)
class PlannedMember:
    member: Member
    content: bytes | None = None  # in memory, or
    blob: str | None = None       # streamed from this blob of the store


@dataclass(frozen=True)
class ExportPlan:
    manifest: Manifest
    manifest_bytes: bytes
    members: tuple[PlannedMember, ...]
    exported: tuple[Testimony, ...]           # the copies that went in (redacted or not)
    record_sha256: dict[str, str]
    redaction: dict[str, RedactionReport]
    withheld: tuple[Withheld, ...] = ()
    audio_included: dict[str, tuple[str, ...]] = field(default_factory=dict)  # testimony → ids

    @property
    def manifest_sha256(self) -> str:
        return sha256_hex(self.manifest_bytes)


def plan_export(store: Store, testimonies: list[Testimony], *, recipients: list[IdentityCard],
                purpose: str, level: str, renderer: StatementRenderer | None, lang: str,
                detector: Detector | None,
                cancelled: Callable[[], bool] | None = None,
                generalisations: Mapping[str, tuple[str, ...]] | None = None,
                include_media: bool = False) -> ExportPlan:
    """The members of a bundle. At the ``redacted`` level each testimony is redacted
    (:mod:`intake.bundle.redact`), then given its ``generalisations`` (steps of
    :mod:`intake.reidentify`, by testimony id), and its attachments are cleaned or
    withheld (:mod:`intake.bundle.redacted_media`): every member is built from that copy."""
    bundle_id = str(uuid.uuid4())
    created = utc_now().strftime("%Y-%m-%dT%H:%M:%SZ")
    short_id = bundle_id[:8]
    planned: list[PlannedMember] = []
    rows: list[MetadataRow] = []
    exported: list[Testimony] = []
    record_sha: dict[str, str] = {}
    reports: dict[str, RedactionReport] = {}
    withheld: list[Withheld] = []
    audio: dict[str, tuple[str, ...]] = {}
    budget = MediaBudget()
    for original in testimonies:
        if cancelled is not None and cancelled():
            raise Cancelled("export cancelled; nothing was written")
        t = original
        cleaned: dict[str, bytes] = {}
        if level == "redacted":
            assert detector is not None
            t, reports[t.id] = redact_testimony(original, detector)
            steps = (generalisations or {}).get(t.id)
            if steps:
                t = generalise(t, steps)
            media = redact_attachments(store, original, t, include_media=include_media,
                                       budget=budget)
            t, cleaned = media.testimony, media.contents
            withheld += media.withheld
            if media.audio_included:
                audio[t.id] = tuple(media.audio_included)
        exported.append(t)
        meta = _meta(t, level, purpose)
        record = record_bytes(t)
        record_sha[t.id] = sha256_hex(record)
        pdf = render_checked(renderer, t, bundle_id, lang)
        for path, data, title, kind in (
                (f"records/{t.id}.json", record, f"Testimony record {t.survivor.pseudonym}",
                 "record"),
                (f"statements/{t.id}.pdf", pdf, f"Witness statement {t.survivor.pseudonym}",
                 "statement")):
            member = Member(path, sha256_hex(data), len(data))
            planned.append(PlannedMember(member, content=data))
            rows.append(MetadataRow(path, title, kind, *meta[:3], member.sha256, member.size,
                                    meta[3]))
        for ref in t.attachments:
            if ref.id in cleaned:
                sha, size = ref.sha256, ref.size
                member = Member(f"attachments/{ref.id}", sha, size)
                planned.append(PlannedMember(member, content=cleaned[ref.id]))
                rows.append(MetadataRow(member.path, ref.name, f"attachment {ref.media_type}",
                                        *meta[:3], sha, size, meta[3]))
                continue
            if level == "redacted":  # fail closed: only cleaned copies leave at this level
                raise RedactionFailed(f"nothing was exported; attachment {ref.id} was not "
                                      "cleaned for the redacted level")
            blob, sha, size = _blob_of(store, ref.id)
            if (sha, size) != (ref.sha256, ref.size):
                raise StoreDamaged(f"attachment {ref.id} does not match its testimony's record")
            member = Member(f"attachments/{ref.id}", sha, size)
            planned.append(PlannedMember(member, blob=blob))
            rows.append(MetadataRow(member.path, ref.name, f"attachment {ref.media_type}",
                                    *meta[:3], sha, size, meta[3]))
    custody = custody_bytes(store.audit.entries([t.id for t in testimonies]),
                            redacted=level == "redacted")
    custody_member = Member(CUSTODY_PATH, sha256_hex(custody), len(custody))
    planned.append(PlannedMember(custody_member, content=custody))
    rows.append(MetadataRow(CUSTODY_PATH, "Chain of custody (audit entries)", "custody", "",
                            "", "", custody_member.sha256, custody_member.size,
                            "redacted" if level == "redacted" else "confidential, full"))
    metadata = metadata_bytes(short_id, rows)
    planned.append(PlannedMember(Member(METADATA_PATH, sha256_hex(metadata), len(metadata)),
                                 content=metadata))
    sender = store.identity_card()
    manifest = Manifest(bundle_id, created, sender, tuple(c.fingerprint for c in recipients),
                        purpose, level, tuple(p.member for p in planned))
    manifest_bytes = manifest.to_bytes()
    Manifest.from_bytes(manifest_bytes)  # what we write, we could read: limits and form
    return ExportPlan(manifest, manifest_bytes, tuple(planned), tuple(exported), record_sha,
                      reports, tuple(withheld), audio)


def _meta(t: Testimony, level: str, purpose: str) -> tuple[str, str, str, str]:
    language = t.interview.language or ""
    date = str(t.interview.date) if t.interview.date else ""
    return language, date, t.survivor.pseudonym, confidentiality(level, purpose, t)


def _blob_of(store: Store, attachment_id: str) -> tuple[str, str, int]:
    row = store.conn.execute("SELECT blob, sha256, size FROM attachments WHERE id = ?",
                             (attachment_id,)).fetchone()
    if row is None:
        raise StoreDamaged(f"attachment {attachment_id} is listed by a testimony but missing")
    return str(row[0]), str(row[1]), int(row[2])
