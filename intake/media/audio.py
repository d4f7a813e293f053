"""Audio at the redacted level: tags dropped (titles, artists, comments, recording device).

A recorder writes the interviewer's device name, a title typed in the field (often
the survivor's name), dates and sometimes coordinates into the file's tags. The
sound itself is kept; only the tags go. Done on an in-memory copy.
"""

from __future__ import annotations

import io

import mutagen

from intake.errors import InvalidInput


def strip_tags(data: bytes) -> bytes:
    """The same audio with every tag removed; refuses files mutagen cannot parse."""
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
    except mutagen.MutagenError as exc:
        raise InvalidInput("audio", f"its tags could not be removed ({type(exc).__name__})") \
            from None
    return buf.getvalue()
