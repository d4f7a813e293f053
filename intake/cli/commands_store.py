"""Commands about the store itself: init, passwd, recover, check, erase."""

from __future__ import annotations

import argparse
from typing import Any

from intake.cli import passphrase
from intake.cli.context import Context
from intake.errors import InvalidInput
from intake.store import Store, erase_store


def register(commands: Any) -> None:
    p = commands.add_parser("init", help="create a store")
    p.add_argument("--label", default="Testimony Intake",
                   help="a name for this store's identity, shown to recipients of its exports")
    p.set_defaults(run=run_init)

    p = commands.add_parser("passwd", help="change the passphrase")
    p.add_argument("--new-passphrase-file", metavar="F")
    p.set_defaults(run=run_passwd)

    p = commands.add_parser("recover",
                            help="unlock with the recovery key and set a new passphrase")
    p.add_argument("--recovery-key-file", metavar="F")
    p.add_argument("--new-passphrase-file", metavar="F")
    p.set_defaults(run=run_recover)

    p = commands.add_parser("check", help="verify every page, revision, audit entry and blob")
    p.set_defaults(run=run_check)

    p = commands.add_parser("erase", help="crypto-erase the store: nothing opens it afterwards")
    p.add_argument("--yes", action="store_true", help="confirm; required")
    p.set_defaults(run=run_erase)


def run_init(ctx: Context, args: argparse.Namespace) -> int:
    with passphrase.new(ctx.passphrase_file, ctx.stdin) as secret:
        warning = passphrase.weakness_warning(secret)
        if warning:
            ctx.warn(warning)
        store, recovery = Store.create(ctx.store_dir, secret, label=args.label,
                                       policy=ctx.policy)
    with store:
        card = store.identity_card()
        ctx.out(f"Created a store in {ctx.store_dir}")
        ctx.out(f"Identity: {card.label}")
        ctx.out(f"Fingerprint: {card.fingerprint}")
        ctx.out("Write the recovery key down and keep it away from this laptop; "
                "it is shown only this once.")
        ctx.out(f"Recovery key: {recovery.display()}")
    return 0


def run_passwd(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.open_store() as store, \
            passphrase.new(args.new_passphrase_file, ctx.stdin) as secret:
        warning = passphrase.weakness_warning(secret)
        if warning:
            ctx.warn(warning)
        store.change_passphrase(secret)
    ctx.out("Passphrase changed.")
    return 0


def run_recover(ctx: Context, args: argparse.Namespace) -> int:
    key = passphrase.recovery_key(args.recovery_key_file, ctx.stdin)
    new_source = args.new_passphrase_file or ctx.passphrase_file
    with Store.open_with_recovery(ctx.store_dir, key, policy=ctx.policy) as store, \
            passphrase.new(new_source, ctx.stdin) as secret:
        store.change_passphrase(secret, action="passphrase.recover")
    ctx.out("Store recovered; the new passphrase is set. The recovery key still works.")
    return 0


def run_check(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.open_store() as store:
        report = store.check()
    for note in report.notes:
        ctx.warn(f"note: {note}")
    if not report.ok:
        for problem in report.problems:
            ctx.out(f"DAMAGED  {problem}")
        ctx.warn(f"error: the store is damaged ({len(report.problems)} problem(s))")
        return 1
    c = report.counts
    ctx.out(f"The store is intact: {c['revisions']} revisions, {c['attachments']} attachments "
            f"and {c['audit_entries']} audit entries checked, every page verified.")
    return 0


def run_erase(ctx: Context, args: argparse.Namespace) -> int:
    if not args.yes:
        from intake.cli.main import UsageError
        raise UsageError("testimony-intake erase: refusing without --yes "
                         "(this destroys the store for good)")
    if not ctx.store_dir.exists():
        raise InvalidInput("store", f"no store at {ctx.store_dir}")
    erase_store(ctx.store_dir)
    ctx.out(f"Erased: the store at {ctx.store_dir} can no longer be opened by anyone.")
    return 0
