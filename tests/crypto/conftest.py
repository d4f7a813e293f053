"""Shared fixtures: cheap KDF parameters, injected explicitly (never via globals)."""

from __future__ import annotations

import pytest

from crypto.kdf import Argon2Params, KdfPolicy
from crypto.recovery import RecoveryKey
from crypto.secret import SecretBytes


@pytest.fixture
def test_policy() -> KdfPolicy:
    return KdfPolicy.insecure_for_tests()


@pytest.fixture
def test_params(test_policy: KdfPolicy) -> Argon2Params:
    return Argon2Params(test_policy.min_memory_kib, test_policy.min_iterations, 4)


@pytest.fixture
def dek() -> SecretBytes:
    return SecretBytes.random(32)


@pytest.fixture
def recovery_key() -> RecoveryKey:
    return RecoveryKey.generate()
