"""Failed unlocks: a growing wait (kept across process restarts) and the optional wipe."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest

from intake.errors import StoreNotFound
from intake.store import Store
from intake.unlock_guard import (
    MAX_DELAY,
    GuardState,
    UnlockGuard,
    delay_after,
)
from tests.conftest import PASSPHRASE
from tests.intake.test_cli import Cli, one_line_failure
from tests.reliability.faults import fail_writes_after
from tests.reliability.test_write_failures import run_cli_child


@pytest.fixture
def cli(tmp_path, policy):
    cli = Cli(tmp_path, policy)
    assert cli("init").code == 0
    cli.wrong = cli.write("wrong.txt", "not the passphrase\n")
    return cli


def age_failures(store: Path, seconds: float) -> None:
    """Pretend the last failure was ``seconds`` earlier (instead of sleeping)."""
    guard = store / "unlock-guard"
    doc = json.loads(guard.read_text())
    doc["last_failure"] -= seconds
    guard.write_text(json.dumps(doc))


def test_the_schedule_doubles_after_three_free_tries_and_is_capped():
    assert [delay_after(n) for n in range(8)] == [0, 0, 0, 1, 2, 4, 8, 16]
    assert delay_after(50) == MAX_DELAY == 300


def test_the_cli_makes_you_wait_then_lets_the_owner_in(cli):
    for _ in range(3):  # three typos are free
        r = cli("list", passphrase=cli.wrong)
        one_line_failure(r)
        assert "wrong passphrase" in r.err
    r = cli("list")
    one_line_failure(r)  # then even the right passphrase has to wait
    assert re.search(r"^error: too many failed unlocks: wait 1 s before trying again$", r.err)
    age_failures(cli.store, 1.5)
    r = cli("list", passphrase=cli.wrong)
    assert "wrong passphrase" in r.err
    assert "wait 2 s" in cli("list").err  # and each failure doubles the wait
    age_failures(cli.store, 2.5)
    assert cli("list").code == 0
    assert not (cli.store / "unlock-guard").exists()  # a success leaves no file behind


def test_the_count_survives_process_restarts(tmp_path, cli):
    """Each attempt in its own process: the count lives in the store directory."""
    for i in range(4):
        if i:
            age_failures(cli.store, 1000)
        result = run_cli_child({"store": str(cli.store), "argv": [
            "--passphrase-file", str(cli.wrong), "list"]})
        assert result["code"] == 1 and "wrong passphrase" in result["err"]
    result = run_cli_child({"store": str(cli.store), "argv": [
        "--passphrase-file", str(cli.pw), "list"]})
    assert result["code"] == 1 and re.search(r"wait [12] s", result["err"])
    assert UnlockGuard(cli.store).state().failures == 4


def test_an_attempt_is_counted_before_it_is_tried(tmp_path, store):
    """A process killed after a wrong guess (before it could record the failure) still
    leaves the attempt counted: the count goes up first and down only on success."""
    guard = UnlockGuard(store.paths.root)
    for _ in range(5):
        if guard.before_attempt() == 0:
            pass  # ...and the process dies here
        age_failures(store.paths.root, 1000)
    assert guard.state().failures == 5
    guard.record_success()
    assert guard.state().failures == 0


def test_the_wipe_is_off_by_default(cli):
    for i in range(12):
        if i:
            age_failures(cli.store, 1000)
        assert "wrong passphrase" in cli("list", passphrase=cli.wrong).err
    age_failures(cli.store, 1000)
    assert cli("list").code == 0


def test_the_wipe_after_n_failures_erases_the_store(cli, tmp_path, policy, passphrase):
    r = cli("unlock-guard", "--wipe-after", "3")
    assert r.code == 0 and "erased after 3" in r.out
    one_line_failure(cli("list", passphrase=cli.wrong))
    one_line_failure(cli("list", passphrase=cli.wrong))
    assert cli.store.exists()
    r = cli("list", passphrase=cli.wrong)
    one_line_failure(r)
    assert "has been erased" in r.err
    assert not cli.store.exists()
    with pytest.raises(StoreNotFound):
        Store.open(cli.store, passphrase(PASSPHRASE), policy=policy)


def test_a_success_resets_the_run_towards_the_wipe(cli):
    assert cli("unlock-guard", "--wipe-after", "3").code == 0
    for _ in range(5):
        assert cli("list", passphrase=cli.wrong).code == 1
        assert cli("list", passphrase=cli.wrong).code == 1
        assert cli("list").code == 0  # two wrong, one right: never three in a row
    assert cli.store.exists()
    assert UnlockGuard(cli.store).state() == GuardState(wipe_after=3)


def test_only_the_owner_changes_the_setting_and_only_to_sane_values(cli):
    one_line_failure(cli("unlock-guard", "--wipe-after", "5", passphrase=cli.wrong))
    assert UnlockGuard(cli.store).state().wipe_after is None
    one_line_failure(cli("unlock-guard", "--wipe-after", "1"))
    assert cli("unlock-guard", "--wipe-after", "5", "--no-wipe").code == 2
    assert cli("unlock-guard", "--wipe-after", "10").code == 0
    assert cli("unlock-guard", "--no-wipe").code == 0
    assert UnlockGuard(cli.store).state().wipe_after is None


def test_the_file_holds_counts_only(cli):
    assert cli("unlock-guard", "--wipe-after", "7").code == 0
    cli("list", passphrase=cli.wrong)
    text = (cli.store / "unlock-guard").read_text()
    assert set(json.loads(text)) == {"format", "failures", "last_failure", "wipe_after"}
    assert "passphrase" not in text and PASSPHRASE not in text


@pytest.mark.parametrize("content", [b"", b"{", b"\xff" * 10, b'{"format":"tig/9"}',
                                     b"[" * 100_000, b'{"format":"tig/1","failures":-1,'
                                     b'"last_failure":0,"wipe_after":null}', b"x" * 10_000])
def test_a_damaged_file_resets_instead_of_locking_the_owner_out(cli, content):
    (cli.store / "unlock-guard").write_bytes(content)
    state = UnlockGuard(cli.store).state()
    assert state.damaged and state.failures == 0
    assert cli("list").code == 0


def test_a_damaged_key_file_or_database_is_not_counted_as_a_wrong_passphrase(cli):
    keys = cli.store / "keys"
    good = keys.read_bytes()
    keys.write_bytes(good[:-5])
    for _ in range(5):
        r = cli("list")
        one_line_failure(r)
        assert "key file is damaged" in r.err
    assert UnlockGuard(cli.store).state().failures == 0
    keys.write_bytes(good)


def test_the_clock_going_back_means_the_full_wait(tmp_path, store):
    now = [1_000_000.0]
    guard = UnlockGuard(store.paths.root, clock=lambda: now[0])
    for _ in range(5):
        guard.before_attempt()
        now[0] += 100
    assert guard.state().failures == 5
    now[0] -= 10_000  # someone sets the clock back a few hours
    assert guard.delay() == delay_after(5)


def test_concurrent_attempts_lose_no_count(store, monkeypatch):
    monkeypatch.setattr("intake.unlock_guard.delay_after", lambda n: 0.0)

    def attempts():
        guard = UnlockGuard(store.paths.root)
        for _ in range(25):
            assert guard.before_attempt() == 0

    threads = [threading.Thread(target=attempts) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert UnlockGuard(store.paths.root).state().failures == 150


def test_a_full_disk_does_not_lock_the_owner_out(cli):
    with fail_writes_after(0):
        assert cli("list").code == 0


def test_no_guard_file_appears_where_there_is_no_store(tmp_path):
    guard = UnlockGuard(tmp_path / "nothing")
    assert guard.before_attempt() == 0
    guard.record_success()
    assert not (tmp_path / "nothing").exists()
