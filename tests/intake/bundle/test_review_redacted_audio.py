"""Review finding: mutagen removes a WAV's ID3 chunk only, so a recorder's LIST/INFO
(title, artist), bext (originator, description) and iXML chunks went out with
``--include-media``; likewise an MP3's APEv2 tag and a FLAC's pictures. A WAV is now
rebuilt from its sound chunks, a FLAC from its stream information, and APEv2 removed."""

from __future__ import annotations

import io
import struct
import wave

import pytest

from intake.bundle.redact import RedactionFailed
from intake.errors import InvalidInput
from intake.media.audio import strip_tags
from tests.intake.bundle import craft
from tests.intake.bundle.conftest import snapshot

SOUND = bytes(range(256)) * 32
SECRETS = (b"Kim Young-hee", b"Yanji", b"ZOOM H5 serial 4411", "김영희".encode())


def _chunk(cid: bytes, payload: bytes) -> bytes:
    return cid + struct.pack("<I", len(payload)) + payload + b"\0" * (len(payload) & 1)


def _wav(*extra: bytes, sound: bytes = SOUND) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(8000)
        w.writeframes(sound)
    fmt_and_data = buf.getvalue()[12:]
    body = b"".join(extra[:1]) + fmt_and_data + b"".join(extra[1:])
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WAVE" + body


def recorder_wav() -> bytes:
    """What a field recorder writes: metadata chunks before and after the sound."""
    info = b"INFO" + _chunk(b"INAM", b"Kim Young-hee interview\0") + _chunk(
        b"ICMT", "김영희, Yanji\0".encode())
    return _wav(_chunk(b"bext", b"ZOOM H5 serial 4411".ljust(602, b"\0")),
                _chunk(b"LIST", info), _chunk(b"iXML", b"<BWFXML>Yanji</BWFXML>"))


def frames(data: bytes) -> bytes:
    with wave.open(io.BytesIO(data)) as w:
        return w.readframes(w.getnframes())


def test_every_metadata_chunk_of_a_wav_is_dropped_and_the_sound_kept():
    data = recorder_wav()
    assert all(s in data for s in SECRETS)
    clean = strip_tags(data)
    assert not any(s in clean for s in SECRETS)
    assert frames(clean) == SOUND
    assert strip_tags(clean) == clean
    odd = _wav(sound=SOUND + b"\x01")            # an odd-sized data chunk keeps its pad byte
    assert frames(strip_tags(odd)) == SOUND + b"\x01"


@pytest.mark.parametrize("data, match", [
    (b"RIFF\x04\x00\x00\x00WAVE", "without its format or sound"),
    (b"RIFF\x10\x00\x00\x00WAVEdata\xff\xff\xff\x7f", "runs past its end"),
    (_wav(_chunk(b"fmt ", b"\x01\x00" * 8)), "repeated chunk"),
    (b"RIFF\x0c\x00\x00\x00WAVE" + _chunk(b"LIST", b"INFOxxxx"), "without its format"),
])
def test_a_crafted_wav_is_refused(data, match):
    with pytest.raises(InvalidInput, match=match):
        strip_tags(data)


def test_include_media_sends_only_the_sound_of_a_recorder_wav(pair):
    t = pair.testimony()
    pair.attach(t, recorder_wav(), "voice.wav")
    bundle = pair.export(level="redacted", accept_risk=True, include_media=True)
    tar = pair.plain_tar(bundle)
    assert not any(s in tar for s in SECRETS)
    entries = dict(craft.unpack(tar)[0])
    (sent,) = [d for p, d in entries.items() if p.startswith("attachments/")]
    assert frames(sent) == SOUND


def test_a_damaged_wav_fails_the_export_with_one_line(pair):
    t = pair.testimony()
    pair.attach(t, b"RIFF\x10\x00\x00\x00WAVEdata\xff\xff\xff\x7f", "voice.wav")
    before = snapshot(pair.field)
    with pytest.raises(RedactionFailed, match="nothing was exported") as failed:
        pair.export(level="redacted", accept_risk=True, include_media=True)
    assert "\n" not in str(failed.value)
    assert snapshot(pair.field) == before and not (pair.tmp / "b.tib.age").exists()


def test_an_mp3_loses_its_id3v2_apev2_and_id3v1_tags():
    from mutagen.apev2 import APEv2
    from mutagen.id3 import ID3, TIT2

    sound = (b"\xff\xfb\x90\x64" + b"\x00" * 413) * 20     # 20 silent MPEG-1 layer III frames
    id3 = ID3()
    id3.add(TIT2(encoding=3, text="Kim Young-hee"))
    buf = io.BytesIO()
    id3.save(buf)
    buf = io.BytesIO(buf.getvalue() + sound)
    ape = APEv2()
    ape["Title"] = "Yanji, 2019"
    ape.save(buf)
    data = buf.getvalue() + b"TAG" + b"ZOOM H5 serial 4411".ljust(30, b"\0") + bytes(94)
    assert all(s in data for s in SECRETS[:3])
    assert strip_tags(data) == sound


def _flac_block(kind: int, body: bytes, last: bool = False) -> bytes:
    return bytes([kind | (0x80 if last else 0)]) + len(body).to_bytes(3, "big") + body


STREAMINFO = _flac_block(0, bytes(range(34)))
FRAMES = b"\xff\xf8" + bytes(range(200))           # the audio frames, kept byte for byte


def test_a_flac_keeps_its_stream_information_and_frames_only():
    from mutagen.id3 import ID3, TIT2

    picture = _flac_block(6, b"\x00\x00\x00\x03" + b"Kim Young-hee's photo")
    comment = _flac_block(4, b"Yanji, 2019")
    app = _flac_block(2, b"ZOOM H5 serial 4411")
    seektable = _flac_block(3, bytes(18), True)
    data = b"fLaC" + STREAMINFO + picture + comment + app + seektable + FRAMES
    clean = strip_tags(data)
    assert clean == b"fLaC" + STREAMINFO + seektable + FRAMES
    assert not any(s in clean for s in SECRETS[:3])
    id3 = ID3()
    id3.add(TIT2(encoding=3, text="Kim Young-hee"))
    buf = io.BytesIO()
    id3.save(buf)                                   # a tag some taggers put before "fLaC"
    assert strip_tags(buf.getvalue() + data) == clean


@pytest.mark.parametrize("data, match", [
    (b"fLaC", "runs past its end"),
    (b"fLaC" + _flac_block(0, bytes(34))[:20], "runs past its end"),
    (b"fLaC" + _flac_block(6, b"pic", True) + FRAMES, "stream information first"),
    (b"fLaC" + _flac_block(0, bytes(10), True) + FRAMES, "stream information first"),
    (b"fLaC" + _flac_block(0x7F, bytes(4), True), "runs past its end"),
])
def test_a_crafted_flac_is_refused(data, match):
    with pytest.raises(InvalidInput, match=match):
        strip_tags(data)


def _atom(kind: bytes, *children: bytes) -> bytes:
    body = b"".join(children)
    return (8 + len(body)).to_bytes(4, "big") + kind + body


def recorder_m4a() -> tuple[bytes, bytes]:
    """A phone's recording: iTunes title, a location in udta, XMP, a track's udta."""
    sound = bytes(range(256)) * 4
    ilst = _atom(b"ilst", _atom(b"\xa9nam", _atom(b"data", b"\x00\x00\x00\x01\x00\x00\x00\x00"
                                                  b"Kim Young-hee")))
    moov = _atom(b"moov", _atom(b"mvhd", bytes(100)),
                 _atom(b"trak", _atom(b"tkhd", bytes(84)),
                       _atom(b"udta", _atom(b"name", b"ZOOM H5 serial 4411"))),
                 _atom(b"udta", _atom(b"meta", bytes(4), ilst),
                       _atom(b"\xa9xyz", b"+42.9+129.5/ Yanji")))
    data = (_atom(b"ftyp", b"M4A \x00\x00\x00\x00M4A isom") + moov
            + _atom(b"uuid", bytes(16) + "<xmp>김영희</xmp>".encode()) + _atom(b"mdat", sound))
    return data, sound


def test_an_m4a_keeps_every_byte_of_sound_at_its_offset_and_no_metadata():
    data, sound = recorder_m4a()
    assert all(s in data for s in SECRETS)
    clean = strip_tags(data)
    assert not any(s in clean for s in SECRETS)
    assert len(clean) == len(data) and clean.index(sound) == data.index(sound)
    assert clean.count(b"free") == 3 and b"mvhd" in clean and b"tkhd" in clean


@pytest.mark.parametrize("data, match", [
    (b"\x00\x00\x00\x10ftypM4A \x00\x00\x00\x00" + b"\x00\x00\x01\x00moov", "runs past"),
    (b"\x00\x00\x00\x04ftyp", "runs past"),
    (b"\x00\x00\x00\x10ftypM4A \x00\x00\x00\x00" + _atom(b"moov", b"\x00\x00\x00\x01trak"),
     "runs past"),
])
def test_a_crafted_mp4_is_refused(data, match):
    with pytest.raises(InvalidInput, match=match):
        strip_tags(data)
