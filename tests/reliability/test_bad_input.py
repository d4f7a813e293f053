"""Bad input everywhere: every command that reads a file, fed everything a file can be.

Empty, truncated, huge (a 300 MB sparse file, refused by its size and never read
into memory), wrongly typed, deeply nested, invalid UTF-8, a newer format, unsafe
names, a directory, a FIFO, a device, symlinks to all of those. Each must give
exit 1 with one line on stderr and no traceback, and leave every file of the
store byte for byte as it was. Special files run in a child with a timeout, so
a command that blocks on a FIFO or reads ``/dev/zero`` forever fails instead of
hanging the suite.

Commands registered later join by :data:`FILE_COMMANDS` (the bundle ``import``
and ``verify``, ``contacts add`` are listed already and run once they exist).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from intake.cli.main import build_parser
from tests.intake.test_cli import Cli
from tests.reliability.harness import REPO, child_env, digest_tree
from tests.samples import sample_dict

GOOD = json.dumps(sample_dict(), ensure_ascii=False)


def _tar(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as t:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


# name → (file suffix, content). Content None means: made specially in make_input.
CONTENTS: dict[str, tuple[str, bytes | None]] = {
    "empty": (".json", b""),
    "truncated": (".json", GOOD.encode()[: len(GOOD) // 2]),
    "invalid-utf8": (".json", b'{"schema": "testimony/1", "narrative": "\xff\xfe\xc3"}'),
    "utf16": (".json", GOOD.encode("utf-16")),
    "nul-bytes": (".json", b"\0" * 4096),
    "wrong-types": (".json", b'{"schema": "testimony/1", "survivor": 5, "events": "x"}'),
    "array": (".json", b"[" + GOOD.encode() + b"]"),
    "newer-format": (".json", GOOD.replace("testimony/1", "testimony/2").encode()),
    "nested-arrays": (".json", b"[" * 200_000 + b"]" * 200_000),
    "nested-objects": (".json", b'{"a":' * 100_000 + b"1" + b"}" * 100_000),
    "huge-number": (".json", b'{"schema": "testimony/1", "survivor": {"birth_year": 1'
                    + b"0" * 100_000 + b"}}"),
    "jsonl-bad-line": (".jsonl", (GOOD + "\n" + GOOD[:-1] + "\n").encode()),
    "random-binary": (".json", os.urandom(1 << 20)),
    "traversal-tar": (".json", _tar({"../../etc/passwd": b"x", "/abs": b"y"})),
    "backup-shaped-garbage": (".json", _tar({"manifest.json": b"{}", "manifest.hmac": b"0",
                                             "keys": b"{}"})),
    "directory": (".json", None),
    "dangling-symlink": (".json", None),
    "symlink-loop": (".json", None),
}
# Run in a child (a timeout instead of a hang; its peak memory measured).
SPECIAL = ["fifo", "symlink-to-fifo", "dev-zero", "symlink-to-dev-zero", "sparse-huge"]
HUGE = 300 * 1024 * 1024
HUGE_ATTACHMENT = 9 * 1024**3  # attachments may be up to 8 GiB


def make_input(tmp: Path, kind: str) -> Path:
    suffix, content = CONTENTS.get(kind, (".json", None))
    path = tmp / f"input-{kind}{suffix}"
    if content is not None:
        path.write_bytes(content)
    elif kind == "sparse-huge":
        with path.open("wb") as f:
            f.truncate(HUGE_ATTACHMENT if tmp.name.startswith("special-attach") else HUGE)
    elif kind == "directory":
        path.mkdir()
    elif kind == "dangling-symlink":
        path.symlink_to(tmp / "does-not-exist")
    elif kind == "symlink-loop":
        path.symlink_to(path)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink-to-fifo":
        os.mkfifo(tmp / "a-fifo")
        path.symlink_to(tmp / "a-fifo")
    elif kind in ("dev-zero", "symlink-to-dev-zero"):
        path.symlink_to("/dev/zero")
    return path


def registered() -> set[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return set(sub.choices)


# command → argv with FILE standing for the bad input and ID for a testimony id.
FILE_COMMANDS: dict[str, list[str]] = {
    "add": ["add", "FILE"],
    "attach": ["attach", "ID", "FILE"],
    "restore": ["--store", "RESTORE_TARGET", "restore", "FILE"],
    "verify-backup": ["verify-backup", "FILE"],
    "scan": ["scan", "FILE"],
    # Hooks: these run once the commands are registered (bundles, contacts).
    "import": ["import", "FILE"],
    "verify": ["verify", "FILE"],
    "contacts": ["contacts", "add", "FILE"],
}
# Inputs a command may legitimately accept (its job is to take any file).
# ``attach`` takes any regular file; ``scan`` any UTF-8 text.
ACCEPTS = {"attach": set(CONTENTS) - {"directory", "dangling-symlink", "symlink-loop"},
           "scan": {"empty", "truncated", "nul-bytes", "wrong-types", "array", "newer-format",
                    "nested-arrays", "nested-objects", "huge-number", "jsonl-bad-line",
                    "traversal-tar", "backup-shaped-garbage"}}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from crypto.kdf import KdfPolicy

    tmp = tmp_path_factory.mktemp("bad-input")
    cli = Cli(tmp, KdfPolicy.insecure_for_tests())
    assert cli("init").code == 0
    tid = cli("add", str(cli.write("good.json", GOOD))).out.strip()
    assert cli("attach", tid, str(cli.write("photo.jpg", b"\xff\xd8" * 1000))).code == 0
    cli.snapshot = tmp / "snapshot"
    shutil.copytree(cli.store, cli.snapshot)
    inputs = tmp / "inputs"
    inputs.mkdir()
    return cli, tid, inputs


def argv_for(command: str, path: Path, tid: str, tmp: Path) -> list[str]:
    return [str(path) if a == "FILE" else tid if a == "ID" else
            str(tmp / "restore-target") if a == "RESTORE_TARGET" else a
            for a in FILE_COMMANDS[command]]


def judge(world, command: str, kind: str, code: int, err: str, before: dict) -> None:
    cli, _tid, _inputs = world
    assert "Traceback" not in err, (command, kind, err)
    if code == 0 and kind in ACCEPTS.get(command, ()):
        return
    assert code == 1, (command, kind, code, err)
    assert 1 <= len(err.strip().splitlines()) <= 2, (command, kind, err)
    assert digest_tree(cli.store) == before, (command, kind)
    assert not (cli.tmp / "restore-target").exists(), (command, kind)


@pytest.mark.parametrize("kind", sorted(CONTENTS))
@pytest.mark.parametrize("command", sorted(FILE_COMMANDS))
def test_every_file_command_refuses_bad_files_in_one_line(world, command, kind):
    if command not in registered():
        pytest.skip(f"{command} is not registered yet (hook)")
    cli, tid, inputs = world
    d = inputs / f"{command}-{kind}"
    d.mkdir()
    path = make_input(d, kind)
    before = digest_tree(cli.store)
    r = cli(*argv_for(command, path, tid, cli.tmp))
    judge(world, command, kind, r.code, r.err, before)
    if r.code == 0 and command == "attach":  # accepted: put the store back for the next case
        shutil.rmtree(cli.store)
        shutil.copytree(cli.snapshot, cli.store)


@pytest.mark.parametrize("kind", sorted(SPECIAL))
@pytest.mark.parametrize("command", sorted(FILE_COMMANDS))
def test_special_files_are_refused_without_hanging(world, command, kind):
    if command not in registered():
        pytest.skip(f"{command} is not registered yet (hook)")
    cli, tid, inputs = world
    d = inputs / f"special-{command}-{kind}"
    d.mkdir()
    path = make_input(d, kind)
    store = d / "store"  # a copy of its own: a child killed for hanging leaves traces
    shutil.copytree(cli.snapshot, store)
    before = digest_tree(store)
    argv = argv_for(command, path, tid, d)
    code, err, rss = _run_child(store, cli.pw, argv, d / "maxrss")
    assert "Traceback" not in err, (command, kind, err)
    assert code == 1 and 1 <= len(err.strip().splitlines()) <= 2, (command, kind, code, err)
    assert digest_tree(store) == before and not (d / "restore-target").exists()
    if kind == "sparse-huge":  # refused by its size: never read into memory
        (d / "small.json").write_bytes(b"{}")
        _, _, baseline = _run_child(store, cli.pw, argv_for(command, d / "small.json", tid, d),
                                    d / "maxrss-baseline")
        assert rss - baseline < 64 * 1024, ("read into memory", rss, baseline)


def _run_child(store: Path, pw: Path, argv: list[str], rss_file: Path) -> tuple[int, str, int]:
    """Run in a child; its exit code, stderr and peak memory (KiB). A hang fails the test."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tests.reliability.run_cli", "--store", str(store),
             "--passphrase-file", str(pw), *argv],
            cwd=REPO, env=child_env(REPORT_MAXRSS_TO=str(rss_file)), capture_output=True,
            text=True, stdin=subprocess.DEVNULL, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(argv[:1])} hangs on this input (still running after 30 s)")
    rss = int(rss_file.read_text()) if rss_file.exists() else 0
    return done.returncode, done.stderr, rss


@pytest.mark.parametrize("kind", ["empty", "invalid-utf8", "directory", "huge", "missing",
                                  "only-newline", "dangling-symlink"])
def test_bad_passphrase_files_are_one_line(world, kind):
    cli, _tid, inputs = world
    d = inputs / f"pw-{kind}"
    d.mkdir()
    path = {"empty": lambda p: p.write_bytes(b""),
            "invalid-utf8": lambda p: p.write_bytes(b"\xff\xfe secret\n"),
            "directory": lambda p: p.mkdir(),
            "huge": lambda p: p.write_bytes(b"x" * 100_000),
            "missing": lambda p: None,
            "only-newline": lambda p: p.write_bytes(b"\n"),
            "dangling-symlink": lambda p: p.symlink_to(d / "nowhere")}
    target = d / "pw"
    path[kind](target)
    before = digest_tree(cli.store)
    for argv in (["list"], ["passwd", "--new-passphrase-file", str(target)],
                 ["verify-backup", str(target)],
                 ["recover", "--recovery-key-file", str(target),
                  "--new-passphrase-file", str(cli.pw)]):
        r = cli(*argv, passphrase=target if argv == ["list"] else None)
        judge(world, argv[0], kind, r.code, r.err, before)


@pytest.mark.parametrize("argv", [
    ["search", b"\xff\xfe\xed\xa0\x80"], ["show", b"\xed\xa0\x80" * 8],
    ["--store", "NEWSTORE", "init", "--label", b"\xff\xfe"], ["attach", b"\xff" * 8, "FILE"],
    ["restore", b"\xff.tibak"], ["backup", "-o", b"/proc/\xff/x"], ["scan", b"\xff.txt"],
    ["verify-backup", b"\xed\xa0\x80.tibak"],
])
def test_invalid_utf8_in_arguments(world, argv):
    """Arguments arrive as bytes; Python turns invalid UTF-8 into lone surrogates, which
    must not reach SQLite or a file name as a traceback (measured: search and init did)."""
    cli, tid, _inputs = world
    command = next(a for a in argv if isinstance(a, str) and not a.isupper()
                   and not a.startswith("-"))
    if command not in registered():
        pytest.skip(f"{command} is not registered yet")
    places = {"FILE": bytes(cli.tmp / "photo.jpg"), "NEWSTORE": bytes(cli.tmp / "new-store")}
    args = [a if isinstance(a, bytes) else places.get(a, a.encode()) for a in argv]
    before = digest_tree(cli.store)
    code, err = _run_bytes(cli, args)
    assert "Traceback" not in err, err
    if code == 0:  # a query or a name that matches nothing is an answer, not a failure
        assert command in ("search", "show"), err
    else:
        assert code in (1, 2) and 1 <= len(err.strip().splitlines()) <= 2, (code, err)
    assert digest_tree(cli.store) == before
    assert not (cli.tmp / "new-store").exists()


def _run_bytes(cli, args: list[bytes]) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable.encode(), b"-m", b"tests.reliability.run_cli", b"--store",
         bytes(cli.store), b"--passphrase-file", bytes(cli.pw), *args],
        cwd=REPO, env=child_env(), capture_output=True, stdin=subprocess.DEVNULL, timeout=30)
    return done.returncode, done.stderr.decode("utf-8", "replace")


def test_a_file_name_in_another_encoding_is_attached_readably(world):
    """A file from an old stick named in EUC-KR: the attach works, the name keeps what can
    be read and marks the rest, and nothing undecodable reaches the database."""
    cli, tid, inputs = world
    photo = bytes(inputs) + b"/\xbb\xe7\xc1\xf8-photo.jpg"  # 사진 in EUC-KR
    with open(photo, "wb") as f:
        f.write(b"\xff\xd8 jpeg")
    code, err = _run_bytes(cli, [b"attach", tid.encode(), photo])
    assert code == 0, err
    shown = json.loads(cli("show", tid, "--json").out)
    assert shown["attachments"][-1]["name"].endswith("-photo.jpg")
    assert "\ufffd" in shown["attachments"][-1]["name"]
    shutil.rmtree(cli.store)
    shutil.copytree(cli.snapshot, cli.store)
