"""Audio tags removed, sound kept."""

from __future__ import annotations

import io
import wave

import pytest
from mutagen.id3 import COMM, TIT2, TPE1
from mutagen.wave import WAVE

from intake.errors import InvalidInput
from intake.media.audio import strip_tags


def tagged_wav(tmp_path) -> bytes:
    path = tmp_path / "interview.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(bytes(range(256)) * 64)
    audio = WAVE(str(path))
    audio.add_tags()
    audio.tags.add(TIT2(encoding=3, text="김영희 interview"))
    audio.tags.add(TPE1(encoding=3, text="Kim Young-hee"))
    audio.tags.add(COMM(encoding=3, lang="kor", desc="", text="Yanji, 2019"))
    audio.save()
    return path.read_bytes()


def test_tags_are_removed_and_the_sound_stays(tmp_path):
    data = tagged_wav(tmp_path)
    assert b"Kim Young-hee" in data
    clean = strip_tags(data)
    assert b"Kim Young-hee" not in clean and "김영희".encode() not in clean
    with wave.open(io.BytesIO(clean)) as w:
        assert w.readframes(w.getnframes()) == bytes(range(256)) * 64


@pytest.mark.parametrize("bad", [b"", b"RIFF", b"plain text, not audio"])
def test_unparseable_audio_is_refused(bad):
    with pytest.raises(InvalidInput):
        strip_tags(bad)
