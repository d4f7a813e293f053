"""A short, bounded fuzz of every parser of outside bytes, with Hypothesis.

Inputs are real seeds (a testimony, a key file, an identity card, a whole backup)
mutated — bytes flipped, cut, inserted, spliced with JSON and tar oddities — and
raw random bytes. Each target must return or raise only its expected errors
(:mod:`tests.fuzz.targets`). ``bench/fuzz_long.py`` runs the same targets for
hours under atheris; this run is seconds, so the suite stays fast.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.targets import TARGETS, check_one

TOKENS = [b'"', b"{", b"}", b"[", b"]", b",", b":", b"\\", b"\x00", b"\xff", b"\xc3",
          b"-1", b"1e999", b"NaN", b"null", b"true", b"99999999999999999999", b"\\ud800",
          b'"format":"tibak/2"', b"../", b"/", b"ustar\x00", b"\x80" + b"\xff" * 11,
          b"0" * 512, b"age-encryption.org/v1\n", b"A" * 100]


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "delete", "token", "splice"]))
        at = draw(st.integers(0, max(0, len(data) - 1))) if data else 0
        if op == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del data[at:]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 600))]
        elif op == "token":
            token = draw(st.sampled_from(TOKENS))
            data[at:at + draw(st.integers(0, len(token)))] = token
        elif op == "splice" and data:
            other = draw(st.sampled_from(seeds))
            data[at:] = other[draw(st.integers(0, max(0, len(other) - 1))):]
    return bytes(data)


def inputs(name: str) -> st.SearchStrategy[bytes]:
    seeds = TARGETS[name].seeds()
    return st.one_of(mutated(seeds), st.binary(max_size=2048))


EXAMPLES = {"backup": 120, "bundle_verify": 60}


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_fuzz_target(name):
    target = TARGETS[name]
    if not target.available():
        pytest.skip(f"{name}: the code is not there yet (hook)")

    @settings(max_examples=EXAMPLES.get(name, 250), deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(data=inputs(name))
    def fuzz(data: bytes) -> None:
        check_one(target, data)

    fuzz()


def test_the_seeds_themselves_are_accepted():
    """A mutation fuzzer is only as deep as its seeds: each must pass its parser whole."""
    for name in ("testimony_json", "keyfile", "identity_card", "backup", "backup_manifest"):
        target = TARGETS[name]
        target.run(target.seeds()[0])
