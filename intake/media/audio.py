"""Audio at the redacted level: tags dropped (titles, artists, comments, recording device).

A recorder writes the interviewer's device name, a title typed in the field (often
the survivor's name), dates and sometimes coordinates into the file's tags. The
sound itself is kept; only the tags go. Done on an in-memory copy.
"""

from __future__ import annotations

import io
import struct

import mutagen
import mutagen.apev2

from intake.errors import InvalidInput


def strip_tags(data: bytes) -> bytes:
    """The same audio with every tag removed; refuses files mutagen cannot parse."""
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return _wave_sound_only(data)
    if _after_id3v2(data)[:4] == b"fLaC":
        return _flac_sound_only(_after_id3v2(data))
    if data[4:8] == b"ftyp":
        return _mp4_metadata_blanked(data)
    buf = io.BytesIO(data)
    try:
        audio = mutagen.File(buf)
    except mutagen.MutagenError:
        audio = None
    if audio is None:
        raise InvalidInput("audio", "not an audio format whose tags can be removed")
    buf.seek(0)
    try:
        audio.delete(buf)
        buf.seek(0)
        mutagen.apev2.delete(buf)  # MP3s may carry an APEv2 tag too, which delete() keeps
    except mutagen.MutagenError as exc:
        raise InvalidInput("audio", f"its tags could not be removed ({type(exc).__name__})") \
            from None
    return buf.getvalue()


# mutagen removes a WAV file's ID3 chunk only; recorders also write LIST/INFO (title,
# artist, comment), bext (originator, description), iXML and others. So a WAV is rebuilt
# from the chunks that make the sound and nothing else.
_WAVE_SOUND_CHUNKS = (b"fmt ", b"fact", b"data")


def _wave_sound_only(data: bytes) -> bytes:
    chunks: dict[bytes, bytes] = {}
    at = 12
    while at + 8 <= len(data):
        cid, size = data[at:at + 4], struct.unpack_from("<I", data, at + 4)[0]
        if at + 8 + size > len(data):
            raise InvalidInput("audio", "a damaged WAV file (a chunk runs past its end)")
        if cid in _WAVE_SOUND_CHUNKS:
            if cid in chunks:
                raise InvalidInput("audio", "a WAV file with a repeated chunk")
            chunks[cid] = data[at + 8:at + 8 + size]
        at += 8 + size + (size & 1)
    if b"fmt " not in chunks or b"data" not in chunks:
        raise InvalidInput("audio", "a WAV file without its format or sound")
    body = b"".join(cid + struct.pack("<I", len(c)) + c + b"\0" * (len(c) & 1)
                    for cid in _WAVE_SOUND_CHUNKS if (c := chunks.get(cid)) is not None)
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WAVE" + body


# mutagen removes a FLAC file's Vorbis comment only; PICTURE blocks (a cover photo),
# APPLICATION and CUESHEET blocks stay. So a FLAC keeps STREAMINFO and SEEKTABLE alone.
_FLAC_STREAMINFO, _FLAC_SEEKTABLE = 0, 3


def _after_id3v2(data: bytes) -> bytes:
    """``data`` without a leading ID3v2 tag (some taggers put one before a FLAC stream)."""
    if data[:3] != b"ID3" or len(data) < 10 or any(b & 0x80 for b in data[6:10]):
        return data
    size = (data[6] << 21 | data[7] << 14 | data[8] << 7 | data[9]) + 10 \
        + (10 if data[5] & 0x10 else 0)
    return data[size:]


def _flac_sound_only(data: bytes) -> bytes:
    kept: list[tuple[int, bytes]] = []
    at, last = 4, False
    while not last:
        if at + 4 > len(data):
            raise InvalidInput("audio", "a damaged FLAC file (its metadata runs past its end)")
        header = data[at]
        last, kind = bool(header & 0x80), header & 0x7F
        size = int.from_bytes(data[at + 1:at + 4], "big")
        if at + 4 + size > len(data) or kind == 0x7F:
            raise InvalidInput("audio", "a damaged FLAC file (its metadata runs past its end)")
        if kind in (_FLAC_STREAMINFO, _FLAC_SEEKTABLE):
            kept.append((kind, data[at + 4:at + 4 + size]))
        at += 4 + size
    if not kept or kept[0][0] != _FLAC_STREAMINFO or len(kept[0][1]) != 34:
        raise InvalidInput("audio", "a FLAC file without its stream information first")
    blocks = [bytes([kind | (0x80 if i == len(kept) - 1 else 0)]) + len(body).to_bytes(3, "big")
              + body for i, (kind, body) in enumerate(kept)]
    return b"fLaC" + b"".join(blocks) + data[at:]


# mutagen rewrites an MP4's iTunes list (moov/udta/meta/ilst) only; phones and recorders
# also write a location (udta/©xyz, moov/meta keys), XMP (uuid) and per-track udta. Every
# such atom becomes a zero-filled "free" atom of the same size, so no sample offset moves.
_MP4_METADATA = {b"udta", b"meta", b"uuid"}
_MP4_CONTAINERS = {b"moov", b"trak"}


def _mp4_metadata_blanked(data: bytes) -> bytes:
    out = bytearray(data)
    _mp4_blank(out, 0, len(data), top=True)
    return bytes(out)


def _mp4_blank(out: bytearray, start: int, end: int, *, top: bool = False) -> None:
    at = start
    while at < end:
        if at + 8 > end:
            raise InvalidInput("audio", "a damaged MP4 file (an atom runs past its end)")
        size, kind, head = int.from_bytes(out[at:at + 4], "big"), bytes(out[at + 4:at + 8]), 8
        if size == 1 and at + 16 <= end:
            size, head = int.from_bytes(out[at + 8:at + 16], "big"), 16
        elif size == 0 and top:
            size = end - at
        if size < head or at + size > end:
            raise InvalidInput("audio", "a damaged MP4 file (an atom runs past its end)")
        if top and at == 0 and kind != b"ftyp":
            raise InvalidInput("audio", "not an MP4 file")
        if kind in _MP4_METADATA:
            out[at + 4:at + 8] = b"free"
            out[at + head:at + size] = bytes(size - head)
        elif kind in _MP4_CONTAINERS:
            _mp4_blank(out, at + head, at + size)
        at += size
