from __future__ import annotations

import re

import pytest

from crypto.recovery import RecoveryKey
from crypto.secret import SecretBytes

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_SHAPE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$")


def test_display_shape() -> None:
    text = RecoveryKey.generate().display()
    assert _SHAPE.match(text), text
    assert len(text.replace("-", "")) == 28


def test_round_trip_many() -> None:
    for _ in range(200):
        key = RecoveryKey.generate()
        assert RecoveryKey.parse(key.display()) == key


def test_known_value_is_stable() -> None:
    # Pin the encoding: a key written down today must parse in every later version.
    key = RecoveryKey(SecretBytes(bytes(range(16))))
    text = key.display()
    assert RecoveryKey.parse(text) == key
    assert text == "000G-40R4-0M30-E209-185G-R38E-1W0H"


def _swap_confusables(text: str) -> str:
    return text.replace("1", "l").replace("0", "O")


def test_parse_tolerates_case_spacing_dashes_and_confusions() -> None:
    key = RecoveryKey.generate()
    text = key.display()
    squashed = text.replace("-", "")
    variants = [
        text.lower(),
        squashed,
        " ".join(squashed[i : i + 5] for i in range(0, 28, 5)),
        f"  {text}  \n",
        text.replace("-", " - "),
        _swap_confusables(text),
        _swap_confusables(text).lower(),
        text.replace("1", "I"),
        f"Recovery key: {text}",
        text.replace("-", "\u2013"),  # an en dash, as word processors write it
        text.translate({ord(c): 0xFF00 + ord(c) - 0x20 for c in "0123456789ABCDEF"}),  # fullwidth
    ]
    for variant in variants:
        assert RecoveryKey.parse(variant) == key, variant


def test_every_single_character_change_is_caught_as_a_typo() -> None:
    key = RecoveryKey.generate()
    symbols = key.display().replace("-", "")
    for i, original in enumerate(symbols):
        for replacement in _ALPHABET:
            if replacement == original:
                continue
            typo = symbols[:i] + replacement + symbols[i + 1 :]
            with pytest.raises(ValueError, match="the recovery key has a typo"):
                RecoveryKey.parse(typo)


def test_every_neighbour_swap_is_caught() -> None:
    key = RecoveryKey.generate()
    symbols = key.display().replace("-", "")
    for i in range(len(symbols) - 1):
        if symbols[i] == symbols[i + 1]:
            continue
        swapped = symbols[:i] + symbols[i + 1] + symbols[i] + symbols[i + 2 :]
        with pytest.raises(ValueError, match="typo"):
            RecoveryKey.parse(swapped)


@pytest.mark.parametrize(
    "mutate", [lambda s: s[:-1], lambda s: s + "0", lambda s: s[:5] + "U" + s[6:]]
)
def test_wrong_length_or_foreign_character(mutate: object) -> None:
    text = RecoveryKey.generate().display()
    with pytest.raises(ValueError, match="the recovery key has a typo") as info:
        RecoveryKey.parse(mutate(text))  # type: ignore[operator]
    # The message names positions and counts, never the key's characters.
    assert text.replace("-", "")[:8] not in str(info.value)


def test_repr_hides_content() -> None:
    key = RecoveryKey.generate()
    text = key.display().replace("-", "")
    assert text[:6] not in repr(key) and "SecretBytes" not in repr(key)
    assert "hidden" in repr(key)


def test_wipe() -> None:
    key = RecoveryKey.generate()
    key.wipe()
    with pytest.raises(ValueError):
        key.display()


def test_rejects_wrong_size() -> None:
    with pytest.raises(ValueError):
        RecoveryKey(SecretBytes(bytes(15)))
