from __future__ import annotations

import base64
import copy
import json
import pickle
import shutil
import subprocess
from pathlib import Path

import pyrage
import pytest

from crypto import minisign
from crypto.card import fingerprint
from crypto.errors import CardInvalid, KeyFileInvalid, SignatureInvalid
from crypto.identity import Identity, IdentityCard
from crypto.secret import SecretBytes

RFC8032_SEED = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
RFC8032_PUBLIC = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")


@pytest.fixture(scope="module")
def identity() -> Identity:
    return Identity.generate()


@pytest.fixture(scope="module")
def card(identity: Identity) -> IdentityCard:
    return identity.public("Seoul legal team 서울")


def _secret_json(seed: bytes, age_key: str) -> SecretBytes:
    doc = {"age": age_key, "ed25519": base64.b64encode(seed).decode(), "format": "tid/1"}
    return SecretBytes(json.dumps(doc, separators=(",", ":"), sort_keys=True).encode())


def test_secret_json_round_trip(identity: Identity) -> None:
    secret = identity.to_secret_json()
    restored = Identity.from_secret_json(secret)
    assert not secret.wiped  # the caller owns it
    assert restored.ed25519_public == identity.ed25519_public
    assert restored.age_recipient == identity.age_recipient
    assert restored.age_secret_key_string() == identity.age_secret_key_string()
    assert json.loads(secret.bytes())["format"] == "tid/1"


def test_rfc8032_key_through_identity(identity: Identity) -> None:
    age_key = identity.age_secret_key_string()
    rfc = Identity.from_secret_json(_secret_json(RFC8032_SEED, age_key))
    assert rfc.ed25519_public == RFC8032_PUBLIC
    text = rfc.sign_minisign(b"", "rfc 8032 test 1")
    key_id = minisign.derive_key_id(RFC8032_PUBLIC)
    assert minisign.verify(RFC8032_PUBLIC, key_id, text, b"") == "rfc 8032 test 1"


@pytest.mark.parametrize(
    "doc",
    [
        b"",
        b"{}",
        b'{"format":"tid/2"}',
        b"not json",
    ],
)
def test_from_secret_json_rejects_garbage(doc: bytes) -> None:
    with pytest.raises(KeyFileInvalid):
        Identity.from_secret_json(SecretBytes(doc))


def test_from_secret_json_rejects_bad_fields(identity: Identity) -> None:
    age_key = identity.age_secret_key_string()
    for bad in (
        _secret_json(RFC8032_SEED[:31], age_key),
        _secret_json(RFC8032_SEED, "AGE-SECRET-KEY-1XYZ"),
        _secret_json(RFC8032_SEED, identity.age_recipient),
    ):
        with pytest.raises(KeyFileInvalid):
            Identity.from_secret_json(bad)


def test_identity_hides_and_refuses_pickling(identity: Identity) -> None:
    assert "AGE-SECRET" not in repr(identity) and "hidden" in repr(identity)
    with pytest.raises(TypeError):
        pickle.dumps(identity)
    with pytest.raises(TypeError):
        copy.deepcopy(identity)


def test_age_secret_key_string(identity: Identity) -> None:
    text = identity.age_secret_key_string()
    assert text.startswith("AGE-SECRET-KEY-1")
    assert str(pyrage.x25519.Identity.from_str(text).to_public()) == identity.age_recipient


def test_card_fields(identity: Identity, card: IdentityCard) -> None:
    assert card.ed25519 == identity.ed25519_public
    assert card.age == identity.age_recipient and card.age.startswith("age1")
    assert card.minisign_public_key == minisign.public_key_string(card.ed25519, identity.key_id)
    groups = card.fingerprint.split(" ")
    assert len(groups) == 6 and all(len(g) == 5 and g.isdigit() for g in groups)


def test_card_json_shape_and_round_trip(card: IdentityCard) -> None:
    text = card.to_json()
    doc = json.loads(text)
    assert list(doc) == ["format", "label", "ed25519", "minisign", "age", "fingerprint"]
    assert doc["format"] == "tic/1"
    assert base64.b64decode(doc["ed25519"]) == card.ed25519
    assert "서울" in text  # readable, not \\u-escaped
    assert IdentityCard.from_json(text) == card
    assert IdentityCard.from_json(text.encode()) == card


def test_card_is_pure_function_of_keys(identity: Identity) -> None:
    assert identity.public("a").to_json() == identity.public("a").to_json()
    assert identity.public("a").fingerprint == identity.public("b").fingerprint
    assert identity.public("a").same_keys(identity.public("b"))


def test_fingerprints_differ_for_different_keys(identity: Identity, card: IdentityCard) -> None:
    other = Identity.generate().public("Seoul legal team 서울")
    assert other.fingerprint != card.fingerprint
    # Each key alone changes it: same Ed25519 with another age key, and vice versa.
    mixed_age = IdentityCard(card.label, card.ed25519, other.age)
    mixed_ed = IdentityCard(card.label, other.ed25519, card.age)
    assert len({card.fingerprint, mixed_age.fingerprint, mixed_ed.fingerprint}) == 3
    assert fingerprint(card.ed25519, card.age) == card.fingerprint


def test_card_verifies_signatures_of_its_identity(identity: Identity, card: IdentityCard) -> None:
    text = identity.sign_minisign(b"manifest bytes", "bundle")
    assert card.verify_minisign(b"manifest bytes", text) == "bundle"
    stranger = Identity.generate().public("x")
    with pytest.raises(SignatureInvalid):
        stranger.verify_minisign(b"manifest bytes", text)


def _tampered_docs(card: IdentityCard) -> list[dict[str, object]]:
    doc = json.loads(card.to_json())
    other = Identity.generate().public(card.label)
    fp = doc["fingerprint"]
    flipped_fp = ("1" if fp[0] != "1" else "2") + fp[1:]
    ed_raw = base64.b64decode(doc["ed25519"])
    return [
        {**doc, "format": "tic/2"},
        {**doc, "format": None},
        {**doc, "ed25519": json.loads(other.to_json())["ed25519"]},
        {**doc, "ed25519": base64.b64encode(ed_raw[:31]).decode()},
        {**doc, "ed25519": doc["ed25519"][:-2] + "=="},
        {**doc, "ed25519": "not base64!"},
        {**doc, "minisign": other.minisign_public_key},
        {**doc, "minisign": doc["minisign"][:-1]},
        {**doc, "age": other.age},
        {**doc, "age": "age1notarecipient"},
        {**doc, "age": doc["age"].upper()},  # valid, but not canonical
        {**doc, "age": "ssh-ed25519 AAAA"},
        {**doc, "fingerprint": flipped_fp},
        {**doc, "fingerprint": fp.replace(" ", "")},
        {**doc, "fingerprint": 12345},
        {**doc, "label": ""},
        {**doc, "label": "x" * 201},
        {**doc, "label": "line\nbreak"},
        {**doc, "label": "tab\there"},
        {**doc, "label": "bidi \u202egnissim"},
        {**doc, "label": "zero\u200bwidth"},
        {**doc, "label": " padded"},
        {**doc, "label": None},
        {**doc, "extra": "field"},
        {k: v for k, v in doc.items() if k != "fingerprint"},
    ]


def test_every_tampered_field_is_rejected(card: IdentityCard) -> None:
    for doc in _tampered_docs(card):
        with pytest.raises(CardInvalid):
            IdentityCard.from_json(json.dumps(doc, ensure_ascii=False))


def test_every_character_change_in_card_text_is_rejected_or_label_only(card: IdentityCard) -> None:
    text = card.to_json()
    label_span = (text.index(card.label), text.index(card.label) + len(card.label))
    for i in range(len(text)):
        for replacement in {"0", "A", "a", "=", '"', " "} - {text[i]}:
            mutated = text[:i] + replacement + text[i + 1 :]
            try:
                parsed = IdentityCard.from_json(mutated)
            except CardInvalid:
                continue
            # Only whitespace between tokens or the free-text label may change.
            assert parsed.same_keys(card)
            assert parsed.label == card.label or label_span[0] <= i < label_span[1]


def test_malformed_card_texts() -> None:
    for text in ("", "[]", "{", '{"format": "tic/1"}', "x" * 20_000, '{"a": 1, "a": 2}'):
        with pytest.raises(CardInvalid):
            IdentityCard.from_json(text)


def test_label_boundaries(identity: Identity) -> None:
    assert identity.public("가" * 200).label == "가" * 200
    assert identity.public("Kim Y. (interviewer)").label == "Kim Y. (interviewer)"
    with pytest.raises(CardInvalid):
        identity.public("가" * 201)


@pytest.mark.skipif(shutil.which("minisign") is None, reason="minisign binary not installed")
def test_card_minisign_key_works_with_minisign_binary(
    tmp_path: Path, identity: Identity, card: IdentityCard
) -> None:
    message = tmp_path / "manifest.json"
    message.write_bytes(b'{"format":"tib/1"}')
    sig = tmp_path / "manifest.sig"
    sig.write_text(identity.sign_minisign(message.read_bytes(), "bundle x"))
    pk = card.minisign_public_key
    result = subprocess.run(
        ["minisign", "-V", "-H", "-P", pk, "-m", str(message), "-x", str(sig)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
