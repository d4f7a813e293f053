"""Commands that keep a store safe from loss: backup, verify-backup, restore, unlock-guard."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from crypto.recovery import RecoveryKey
from crypto.secret import SecretBytes
from intake.backup import create_backup, restore_backup, verify_backup
from intake.backup.restore import BackupSummary, check_restore_target
from intake.cli import passphrase
from intake.cli.context import Context
from intake.unlock_guard import MAX_WIPE_AFTER, MIN_WIPE_AFTER, UnlockGuard, delay_after


def register(commands: Any) -> None:
    p = commands.add_parser("backup", help="write an encrypted, verifiable copy of the store")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.set_defaults(run=run_backup)

    p = commands.add_parser("verify-backup",
                            help="check a backup completely (asks for its passphrase)")
    p.add_argument("file", type=Path)
    p.add_argument("--recovery-key-file", metavar="F",
                   help="open the backup with the recovery key from F (- for stdin)")
    p.set_defaults(run=run_verify)

    p = commands.add_parser("restore", help="bring a backup back into a new or empty --store")
    p.add_argument("file", type=Path)
    p.add_argument("--recovery-key-file", metavar="F",
                   help="open the backup with the recovery key from F (- for stdin)")
    p.add_argument("--dry-run", action="store_true",
                   help="check the backup and the target, restore nothing")
    p.set_defaults(run=run_restore)

    p = commands.add_parser("unlock-guard",
                            help="show failed unlocks; set the optional wipe after N of them")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--wipe-after", type=int, metavar="N",
                       help=f"crypto-erase the store after N failed unlocks in a row "
                            f"({MIN_WIPE_AFTER}-{MAX_WIPE_AFTER}); off by default")
    group.add_argument("--no-wipe", action="store_true", help="turn the wipe off")
    p.set_defaults(run=run_unlock_guard)


def run_backup(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.open_store() as store:
        info = create_backup(store, args.output)
    ctx.out(f"Backup written: {info.path} ({info.size} bytes, {info.members} files, "
            f"id {info.backup_id}).")
    ctx.out("It opens with the passphrase the store has now, or with the recovery key. "
            "Keep it away from this laptop.")
    for warning in info.warnings:
        ctx.warn(f"warning: {warning}")
    return 0


def _secret(ctx: Context, args: argparse.Namespace) -> SecretBytes | RecoveryKey:
    if args.recovery_key_file:
        return passphrase.recovery_key(args.recovery_key_file, ctx.stdin)
    return passphrase.existing(ctx.passphrase_file, ctx.stdin,
                               prompt="Passphrase of the backup: ")


def _describe(s: BackupSummary) -> str:
    return (f"store {s.store_id}, made {s.created}, {s.blobs} attachment file(s), "
            f"{s.size} bytes")


def run_verify(ctx: Context, args: argparse.Namespace) -> int:
    secret = _secret(ctx, args)
    try:
        summary = verify_backup(args.file, secret, policy=ctx.policy)
    finally:
        _wipe(secret)
    ctx.out(f"The backup is intact: {_describe(summary)}.")
    return 0


def run_restore(ctx: Context, args: argparse.Namespace) -> int:
    check_restore_target(ctx.store_dir)  # refuse before asking for anything
    secret = _secret(ctx, args)
    try:
        if args.dry_run:
            summary = verify_backup(args.file, secret, policy=ctx.policy)
        else:
            summary = restore_backup(args.file, ctx.store_dir, secret, policy=ctx.policy)
    finally:
        _wipe(secret)
    if args.dry_run:
        ctx.out(f"Dry run: the backup is intact ({_describe(summary)}) and {ctx.store_dir} "
                "can take it. Nothing was restored.")
        return 0
    if args.recovery_key_file:
        ctx.out("Opened with the recovery key: set a passphrase with 'testimony-intake "
                "recover'.")
    if summary.problems:
        for problem in summary.problems:
            ctx.out(f"DAMAGED  {problem}")
        ctx.warn(f"error: restored into {ctx.store_dir}, but the store in the backup was "
                 f"already damaged ({len(summary.problems)} problem(s))")
        return 1
    ctx.out(f"Restored into {ctx.store_dir}: {_describe(summary)}; every page, revision, "
            "audit entry and attachment checked.")
    return 0


def _wipe(secret: SecretBytes | RecoveryKey) -> None:
    if isinstance(secret, SecretBytes):
        secret.wipe()


def run_unlock_guard(ctx: Context, args: argparse.Namespace) -> int:
    guard = UnlockGuard(ctx.store_dir)
    if args.wipe_after is not None or args.no_wipe:
        with ctx.open_store():  # only the owner changes it
            guard.set_wipe_after(None if args.no_wipe else args.wipe_after)
    state = guard.state()
    wipe = (f"the store is erased after {state.wipe_after} failed unlocks in a row"
            if state.wipe_after else "off")
    ctx.out(f"Failed unlocks since the last success: {state.failures}")
    ctx.out(f"Wait before the next try: {int(guard.delay())} s "
            f"(after {state.failures + 1} failures: {int(delay_after(state.failures + 1))} s)")
    ctx.out(f"Wipe after failed unlocks: {wipe}")
    if state.wipe_after:
        ctx.out("Keep the recovery key and a backup: a damaged key file also fails every "
                "unlock, and would count toward the wipe.")
    return 0
