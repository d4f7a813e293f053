"""What a checked bundle says: its records, read strictly, and how they hang together.

The bytes are already proven to be the sender's (signature, hashes). This checks
that what the sender signed is coherent before any of it is stored: every record
parses as ``testimony/1`` and sits at its own id's path; a redacted bundle carries
no ``names`` or ``redactions``; every attachment a record lists is a member with
the same hash and size, and every attachment member belongs to one record; consent
covers the bundle's purpose on the day it was made.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from crypto.card import IdentityCard
from intake.bundle.format import CUSTODY_PATH, METADATA_PATH, Manifest, shown
from intake.bundle.reader import Bundle
from intake.errors import BundleRejected, InvalidInput
from intake.model import AttachmentRef, Testimony, parse_testimony_json


@dataclass(frozen=True)
class Provenance:
    """Who sent a bundle, when, for what, and what it holds: what ``verify`` prints."""

    bundle_id: str
    created: str
    sender: IdentityCard
    sender_label: str | None      # the contact's label here; None if not a contact
    sender_verified: bool
    purpose: str
    level: str
    recipients: tuple[str, ...]
    records: int
    attachments: int
    total_bytes: int
    manifest_sha256: str

    @property
    def known_sender(self) -> bool:
        return self.sender_label is not None


@dataclass(frozen=True)
class Contents:
    testimonies: tuple[Testimony, ...]
    attachments: dict[str, tuple[str, AttachmentRef]]  # attachment id → (testimony id, ref)


def check_contents(bundle: Bundle) -> Contents:
    m = bundle.manifest
    by_path = m.by_path()
    testimonies: list[Testimony] = []
    attachments: dict[str, tuple[str, AttachmentRef]] = {}
    created = date.fromisoformat(m.created[:10])
    for member in m.of_kind("record"):
        t = _record(member.path, bundle.contents[member.path], member.ref)
        if m.level == "redacted" and (t.names or t.redactions
                                      or getattr(t, "image_redactions", ())):
            raise BundleRejected(f"{member.path}: a redacted bundle carries names or "
                                 "redactions")
        ok, why = t.consent.covers(m.purpose, created)
        if not ok:
            raise BundleRejected(f"{member.path}: the sender exported it for {m.purpose} use, "
                                 f"but {why}")
        for ref in t.attachments:
            path = f"attachments/{ref.id}"
            listed = by_path.get(path)
            if listed is None:
                raise BundleRejected(f"{member.path}: lists attachment {ref.id}, which the "
                                     "bundle does not hold")
            if (listed.sha256, listed.size) != (ref.sha256, ref.size):
                raise BundleRejected(f"{member.path}: attachment {ref.id} differs from the "
                                     "bundle's member of that name")
            if ref.id in attachments:
                raise BundleRejected(f"attachment {ref.id} is listed by two records")
            attachments[ref.id] = (t.id, ref)
        testimonies.append(t)
    for member in m.of_kind("attachment"):
        if member.ref not in attachments:
            raise BundleRejected(f"member {shown(member.path)} belongs to no record")
    for member in m.of_kind("statement"):
        if not bundle.contents[member.path].startswith(b"%PDF-"):
            raise BundleRejected(f"{member.path}: not a PDF")
    _check_custody(bundle.contents[CUSTODY_PATH])
    _utf8(bundle.contents[METADATA_PATH], METADATA_PATH)
    return Contents(tuple(testimonies), attachments)


def _record(path: str, data: bytes, ref: str | None) -> Testimony:
    try:
        t = parse_testimony_json(data)
    except InvalidInput as error:
        raise BundleRejected(f"{path}: not a valid testimony/1 record ({error})") from None
    if t.id != ref:
        raise BundleRejected(f"{path}: holds testimony {t.id}, not the one its name says")
    return t


def _utf8(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleRejected(f"{path}: not UTF-8 text") from None


def _check_custody(data: bytes) -> None:
    for n, line in enumerate(_utf8(data, CUSTODY_PATH).splitlines(), start=1):
        try:
            entry = json.loads(line)
        except ValueError:
            entry = None
        if not isinstance(entry, dict) or not {"seq", "action", "hash"} <= set(entry):
            raise BundleRejected(f"{CUSTODY_PATH}: line {n} is not an audit entry")


def provenance(manifest: Manifest, manifest_sha256: str, sender_label: str | None,
               sender_verified: bool) -> Provenance:
    m = manifest
    return Provenance(m.bundle_id, m.created, m.sender, sender_label, sender_verified,
                      m.purpose, m.level, m.recipients, len(m.of_kind("record")),
                      len(m.of_kind("attachment")), m.total_size, manifest_sha256)
