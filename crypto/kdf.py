"""Passphrase → key-encryption key, with Argon2id (RFC 9106).

The parameters are stored with each key slot. :class:`KdfPolicy` says which
parameters are acceptable: :data:`PRODUCTION` never goes below RFC 9106's
second recommendation (64 MiB, 3 passes, 4 lanes) and refuses absurdly large
values, so a crafted key file can neither make a passphrase cheap to guess nor
hang the machine. Tests inject :meth:`KdfPolicy.insecure_for_tests` explicitly;
nothing ever weakens the production floor.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from crypto.errors import KdfParamsRejected
from crypto.secret import SecretBytes

KEK_LENGTH = 32
SALT_LENGTH = 16
_MIB = 1024  # KiB per MiB
_MAX_CALIBRATION_TRIALS = 6


def _strict_int(value: object, name: str) -> int:
    # bool is a subclass of int; JSON true must not become 1 pass.
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{name} must be an integer")
    return value


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost parameters, as stored in a passphrase key slot."""

    memory_kib: int
    iterations: int
    lanes: int = 4

    def __post_init__(self) -> None:
        _strict_int(self.memory_kib, "memory_kib")
        _strict_int(self.iterations, "iterations")
        _strict_int(self.lanes, "lanes")
        if self.iterations < 1 or self.lanes < 1 or self.memory_kib < 8 * self.lanes:
            raise ValueError("Argon2 needs iterations ≥ 1, lanes ≥ 1, memory ≥ 8 KiB per lane")

    def to_dict(self) -> dict[str, int]:
        return {"memory_kib": self.memory_kib, "iterations": self.iterations, "lanes": self.lanes}

    @classmethod
    def from_dict(cls, data: object) -> Argon2Params:
        """Strict: exactly the three keys, each an int (not a bool, float or string)."""
        if not isinstance(data, Mapping):
            raise ValueError("kdf parameters must be an object")
        expected = {"memory_kib", "iterations", "lanes"}
        if set(data) != expected:
            raise ValueError("kdf parameters must have exactly memory_kib, iterations, lanes")
        return cls(
            memory_kib=_strict_int(data["memory_kib"], "memory_kib"),
            iterations=_strict_int(data["iterations"], "iterations"),
            lanes=_strict_int(data["lanes"], "lanes"),
        )


@dataclass(frozen=True)
class KdfPolicy:
    """Which Argon2id parameters are acceptable, and what calibration aims for."""

    min_memory_kib: int
    min_iterations: int
    max_memory_kib: int
    max_iterations: int
    max_lanes: int
    target_seconds: float
    preferred_memory_kib: int

    def __post_init__(self) -> None:
        if not (
            8 <= self.min_memory_kib <= self.preferred_memory_kib <= self.max_memory_kib
            and 1 <= self.min_iterations <= self.max_iterations
            and self.max_lanes >= 1
            and self.target_seconds >= 0
        ):
            raise ValueError("inconsistent KDF policy")

    @classmethod
    def insecure_for_tests(cls) -> KdfPolicy:
        """A policy cheap enough for unit tests. Never use it for a real store.

        :data:`PRODUCTION` refuses slots made with it, so a test key file can
        never be opened by the application by accident.
        """
        return cls(
            min_memory_kib=64,
            min_iterations=1,
            max_memory_kib=4 * _MIB,
            max_iterations=4,
            max_lanes=4,
            target_seconds=0.0,
            preferred_memory_kib=64,
        )


def _physical_memory_bytes() -> int | None:
    try:
        return int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_PHYS_PAGES"))
    except (AttributeError, ValueError, OSError):
        return None


def _preferred_memory_kib() -> int:
    """256 MiB where the machine has 4 GB of RAM or more, else the 64 MiB floor (DESIGN §3).

    The threshold is 3.5 GiB, not 4: a laptop sold with 4 GB reports about
    3.7 GiB here (firmware and kernel keep the rest), and should still get 256 MiB.
    """
    physical = _physical_memory_bytes()
    if physical is not None and physical >= 3584 * 1024**2:
        return 256 * _MIB
    return 64 * _MIB


PRODUCTION = KdfPolicy(
    min_memory_kib=64 * _MIB,  # RFC 9106 §4, second recommended option
    min_iterations=3,
    max_memory_kib=4 * 1024 * _MIB,  # 4 GiB: beyond this a slot is hostile, not careful
    max_iterations=100,
    max_lanes=16,
    target_seconds=1.0,
    preferred_memory_kib=_preferred_memory_kib(),
)


def check_params(params: Argon2Params, policy: KdfPolicy = PRODUCTION) -> None:
    """Raise :class:`KdfParamsRejected` unless ``params`` lie within ``policy``."""
    if not isinstance(params, Argon2Params):
        raise KdfParamsRejected("key slot has no Argon2id parameters")
    if params.memory_kib < policy.min_memory_kib or params.iterations < policy.min_iterations:
        raise KdfParamsRejected(
            "key slot's key-derivation parameters are below the security floor "
            f"({params.memory_kib} KiB × {params.iterations} passes)"
        )
    if (
        params.memory_kib > policy.max_memory_kib
        or params.iterations > policy.max_iterations
        or params.lanes > policy.max_lanes
    ):
        raise KdfParamsRejected(
            "key slot's key-derivation parameters are implausibly large "
            f"({params.memory_kib} KiB × {params.iterations} passes, {params.lanes} lanes)"
        )


def _as_view(secret: bytes | bytearray | SecretBytes) -> bytes | bytearray | memoryview:
    return secret.view() if isinstance(secret, SecretBytes) else secret


def argon2id(
    password: bytes | bytearray | SecretBytes,
    salt: bytes,
    params: Argon2Params,
    *,
    length: int = KEK_LENGTH,
    secret: bytes | None = None,
    ad: bytes | None = None,
) -> SecretBytes:
    """Raw Argon2id into a wipeable buffer. ``secret``/``ad`` exist for RFC 9106 vectors."""
    out = bytearray(length)
    kdf = Argon2id(
        salt=salt,
        length=length,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
        secret=secret,
        ad=ad,
    )
    # The stubs say ``bytes``; at run time any buffer works, which avoids a copy.
    kdf.derive_into(_as_view(password), out)  # type: ignore[arg-type]
    return SecretBytes._adopt(out)


def derive_kek(
    passphrase: bytes | bytearray | SecretBytes, salt: bytes, params: Argon2Params
) -> SecretBytes:
    """The 32-byte key-encryption key of a passphrase slot.

    Does not check ``params`` against a policy: callers opening a key file must
    call :func:`check_params` first (``keyslots`` does).
    """
    if len(salt) < SALT_LENGTH:
        raise ValueError("salt must be at least 16 bytes")
    return argon2id(passphrase, salt, params)


def _time_one(params: Argon2Params) -> float:
    with SecretBytes.random(32) as probe:
        start = time.perf_counter()
        argon2id(probe, os.urandom(SALT_LENGTH), params).wipe()
        return time.perf_counter() - start


@dataclass(frozen=True)
class Calibration:
    """Calibrated parameters and the measured time of one derivation with them."""

    params: Argon2Params
    seconds: float


def calibrate(
    policy: KdfPolicy = PRODUCTION, progress: Callable[[float], None] | None = None
) -> Argon2Params:
    """Parameters for a new slot: preferred memory, passes raised until one run ≥ target.

    Each trial's time is extrapolated linearly in the number of passes (with
    the fixed cost of allocating memory separated out once two trials exist),
    so two or three derivations usually suffice. The result is never below
    the policy's floor and never above its ceiling; if even the ceiling is
    faster than the target, the ceiling is returned. ``progress`` receives
    fractions from 0.0 to 1.0, never decreasing. Run it off the UI thread.
    """
    return calibrate_measured(policy, progress).params


def calibrate_measured(
    policy: KdfPolicy = PRODUCTION, progress: Callable[[float], None] | None = None
) -> Calibration:
    """:func:`calibrate`, also returning how long the final trial took."""
    shown = 0.0

    def report(fraction: float) -> None:
        nonlocal shown
        shown = max(shown, fraction)  # never move the bar backwards
        if progress is not None:
            progress(shown)

    report(0.0)
    memory = policy.preferred_memory_kib
    lanes = min(4, policy.max_lanes)
    passes = policy.min_iterations
    trials: list[tuple[int, float]] = []
    for _ in range(_MAX_CALIBRATION_TRIALS):
        elapsed = _time_one(Argon2Params(memory, passes, lanes))
        trials.append((passes, elapsed))
        if elapsed >= policy.target_seconds or passes >= policy.max_iterations:
            break
        report(min(0.95, elapsed / policy.target_seconds))
        passes = min(policy.max_iterations, _next_passes(trials, policy.target_seconds))
    else:
        # Out of trials (a very noisy machine): take the untried, larger prediction.
        report(1.0)
        return Calibration(Argon2Params(memory, passes, lanes), trials[-1][1])
    report(1.0)
    return Calibration(Argon2Params(memory, trials[-1][0], lanes), trials[-1][1])


def _next_passes(trials: list[tuple[int, float]], target: float) -> int:
    """Predict the passes that reach ``target`` seconds; always more than tried so far.

    Aims 10 % above the target so timing noise rarely costs another trial.
    With two trials the fixed cost (allocating memory) is separated from the
    per-pass cost; if noise makes that slope meaningless (the first run of a
    process is often slower), fall back to a proportional estimate.
    """
    aim = target * 1.1
    last_passes, last_time = trials[-1]
    if len(trials) >= 2:
        prev_passes, prev_time = trials[-2]
        per_pass = (last_time - prev_time) / (last_passes - prev_passes)
        if per_pass > 0:
            return max(last_passes + 1, last_passes + math.ceil((aim - last_time) / per_pass))
    per_pass = max(last_time / last_passes, 1e-6)
    return max(last_passes + 1, math.ceil(aim / per_pass))
