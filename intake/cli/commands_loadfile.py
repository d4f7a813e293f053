"""``loadfile BUNDLE -o DIR`` (legal side): a bundle's members with load files for review
platforms (Relativity, Nuix, Everlaw…), as ``intake.loadfile.write_loadfile`` makes them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from intake.cli.context import Context
from intake.loadfile import (
    CSV_NAME,
    DAT_NAME,
    check_output_dir,
    interrupted_runs,
    write_loadfile,
)

WARNING = ("warning: {dir} holds DECRYPTED testimony and attachments, readable by anyone who "
           "can read that directory. Keep it on an encrypted disk, share it only with the "
           "review platform, and delete it when the review is done.")


def register(commands: Any) -> None:
    p = commands.add_parser(
        "loadfile",
        help="(legal side) write a bundle's members DECRYPTED, with a Concordance DAT and a "
             "CSV, for a review platform",
        description="Verify a bundle as import does (signature, every hash, this store a "
                    "recipient, a known or explicitly trusted sender), then write its "
                    "records, statements, attachments and custody log into DIR, decrypted, "
                    f"with {DAT_NAME} (Concordance: þ quotes, ASCII 20 delimiters, UTF-8 "
                    f"with BOM) and {CSV_NAME}. This puts testimony in clear on disk, by "
                    "design: a review platform cannot read the encrypted bundle. DIR must "
                    "be new or empty; nothing is written unless everything checks out.")
    p.add_argument("bundle", type=Path, metavar="BUNDLE")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="DIR",
                   help="a new or empty directory")
    p.add_argument("--trust-new-sender", action="store_true",
                   help="accept a sender who is not yet a contact (after comparing the "
                        "fingerprint); unlike import, this does not add them")
    p.set_defaults(run=run_loadfile)


def run_loadfile(ctx: Context, args: argparse.Namespace) -> int:
    check_output_dir(args.output)  # before asking for the passphrase
    for left in interrupted_runs(args.output):
        ctx.warn(f"warning: {left} was left by an interrupted loadfile and holds DECRYPTED "
                 "files; delete it")
    with ctx.open_store() as store:
        result = write_loadfile(store, args.bundle, args.output,
                                trust_new_sender=args.trust_new_sender)
    p = result.provenance
    if not p.known_sender:
        ctx.warn(f"warning: the sender {p.sender.label!r} (fingerprint {p.sender.fingerprint}) "
                 "is not among your contacts; you accepted them with --trust-new-sender")
    ctx.warn(WARNING.format(dir=result.directory))
    ctx.out(f"Bundle {p.bundle_id} verified: from {p.sender_label or p.sender.label!r} "
            f"({p.sender.fingerprint}), {p.purpose} use, {p.level} level.")
    ctx.out(f"Wrote {result.documents} documents ({result.total_bytes:,} bytes) to "
            f"{result.directory}, with {DAT_NAME} and {CSV_NAME}.")
    return 0
