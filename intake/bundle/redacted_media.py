"""Which attachments a redacted bundle carries, and in what form.

The detector reads text fields only; an attachment can name or show anyone in ways it
cannot check. So at the ``redacted`` level:

* **images** are re-encoded from their pixels with their boxes filled solid and every
  byte of metadata gone (:mod:`intake.media.images`); one that cannot be decoded fails
  the export, because the interviewer may have drawn boxes on it;
* **audio** is withheld: a voice identifies the survivor. With ``include_media`` (an
  explicit, audited choice) it goes in with every tag stripped (titles, artists,
  comments, device names: :func:`intake.media.audio.strip_tags`). That happens in
  memory, since no plaintext may touch the disk, so a recording larger than
  :data:`MAX_AUDIO_BYTES`, or more than :data:`MAX_AUDIO_TOTAL` across one export, is
  refused rather than written anywhere; so is audio whose tags cannot be removed;
* **everything else** (PDF and Office documents, video, images Pillow cannot re-encode,
  unknown types) is withheld, with or without ``include_media``: their text and
  metadata (authors, tracked changes, embedded files) cannot be checked or stripped.

A withheld attachment leaves the exported record's attachment list and every event's
``sources``; the export reports each one (:class:`Withheld`). Every attachment that goes
in is named ``<id>.<ext>`` (:func:`anonymous_name`).
"""

from __future__ import annotations

import io
import mimetypes
from dataclasses import dataclass, field, replace

from intake.bundle.format import sha256_hex
from intake.bundle.redact import RedactionFailed, anonymous_name
from intake.errors import InvalidInput
from intake.media.audio import strip_tags
from intake.media.images import REDACTABLE_MEDIA_TYPES, Box, redact_image
from intake.model import AttachmentRef, Testimony
from intake.store import Store

MAX_AUDIO_BYTES = 256 * 1024 * 1024   # one recording, held twice in memory while stripped
MAX_AUDIO_TOTAL = 512 * 1024 * 1024   # every recording of one export, held until it is written
# An image is re-encoded in memory: one larger than this (no camera makes one) is withheld
# like a document rather than read whole, unless it has boxes, which fails the export.
MAX_IMAGE_BYTES = 256 * 1024 * 1024

# Why an attachment was withheld (stable codes a dialog can translate).
AUDIO = "audio"          # a voice identifies the survivor; opt in with include_media
DOCUMENT = "document"    # documents, video, other files: content and metadata unchecked
_REASONS = {AUDIO: "a voice identifies the survivor (include it with --include-media)",
            DOCUMENT: "its content and metadata cannot be checked or stripped"}


@dataclass(frozen=True)
class Withheld:
    testimony_id: str
    attachment_id: str
    media_type: str
    reason: str                  # AUDIO or DOCUMENT

    def line(self) -> str:
        return (f"attachment {self.attachment_id} ({self.media_type}) of testimony "
                f"{self.testimony_id[:8]} was withheld: {_REASONS[self.reason]}")


@dataclass
class MediaBudget:
    """How much audio this export already holds in memory."""

    audio_bytes: int = 0


@dataclass
class RedactedMedia:
    testimony: Testimony                       # the record with the attachments that go in
    contents: dict[str, bytes] = field(default_factory=dict)  # id → cleaned bytes
    withheld: list[Withheld] = field(default_factory=list)
    audio_included: list[str] = field(default_factory=list)


def redact_attachments(store: Store, original: Testimony, t: Testimony, *,
                       include_media: bool, budget: MediaBudget) -> RedactedMedia:
    """The attachments of ``t`` (the redacted copy of ``original``) as a redacted bundle
    carries them: cleaned copies in memory, and the record updated to list only those."""
    out = RedactedMedia(t)
    refs: list[AttachmentRef] = []
    for ref in t.attachments:
        boxes = [Box(b.x, b.y, b.width, b.height) for b in original.image_redactions
                 if b.attachment == ref.id]
        if ref.media_type in REDACTABLE_MEDIA_TYPES and ref.size > MAX_IMAGE_BYTES:
            if boxes:
                raise RedactionFailed(f"nothing was exported; image attachment {ref.id} has "
                                      f"redaction boxes but is {ref.size:,} bytes, more than "
                                      f"the {MAX_IMAGE_BYTES:,} that can be redacted in memory")
            out.withheld.append(Withheld(t.id, ref.id, ref.media_type, DOCUMENT))
            continue
        if ref.media_type in REDACTABLE_MEDIA_TYPES:
            red = redact_image(_read(store, ref), boxes)
            out.contents[ref.id] = red.data
            refs.append(_cleaned(ref, red.data, red.media_type))
            continue
        if boxes:
            raise RedactionFailed(f"nothing was exported; attachment {ref.id} has redaction "
                                  f"boxes but {ref.media_type} images cannot be redacted")
        if ref.media_type.startswith("audio/") and include_media:
            data = _stripped_audio(store, ref, budget)
            out.contents[ref.id] = data
            out.audio_included.append(ref.id)
            refs.append(_cleaned(ref, data, _known_type(ref.media_type)))
            continue
        reason = AUDIO if ref.media_type.startswith("audio/") else DOCUMENT
        out.withheld.append(Withheld(t.id, ref.id, ref.media_type, reason))
    kept = {r.id for r in refs}
    events = tuple(replace(e, sources=tuple(s for s in e.sources if s in kept))
                   for e in t.events)
    out.testimony = replace(t, attachments=tuple(refs), events=events)
    return out


def _stripped_audio(store: Store, ref: AttachmentRef, budget: MediaBudget) -> bytes:
    if ref.size > MAX_AUDIO_BYTES:
        raise RedactionFailed(f"nothing was exported; audio attachment {ref.id} is "
                              f"{ref.size:,} bytes, more than the {MAX_AUDIO_BYTES:,} whose "
                              "tags can be stripped in memory; export without "
                              "--include-media to withhold it")
    if budget.audio_bytes + ref.size > MAX_AUDIO_TOTAL:
        raise RedactionFailed(f"nothing was exported; with attachment {ref.id} the audio of "
                              f"this export exceeds {MAX_AUDIO_TOTAL:,} bytes, more than is "
                              "held in memory at once; export fewer testimonies at a time")
    try:
        data = strip_tags(_read(store, ref))
    except InvalidInput as error:
        raise RedactionFailed(f"nothing was exported; audio attachment {ref.id}: "
                              f"{error}") from None
    budget.audio_bytes += len(data)
    return data


def _read(store: Store, ref: AttachmentRef) -> bytes:
    buf = io.BytesIO()
    store.read_attachment(ref.id, buf)
    return buf.getvalue()


def _cleaned(ref: AttachmentRef, data: bytes, media_type: str) -> AttachmentRef:
    cleaned = replace(ref, sha256=sha256_hex(data), size=len(data), media_type=media_type)
    return replace(cleaned, name=anonymous_name(cleaned))


def _known_type(media_type: str) -> str:
    """A registered media type as it is; anything else (it could carry text) made generic."""
    return media_type if mimetypes.guess_all_extensions(media_type) else \
        "application/octet-stream"
