"""Commands for handing testimony over: identity, contacts, export, verify, import."""

from __future__ import annotations

import argparse
import dataclasses
import json
import unicodedata
from pathlib import Path
from typing import Any

from crypto.atomicfile import atomic_writer
from crypto.card import MAX_CARD_BYTES, IdentityCard
from crypto.errors import CardInvalid
from intake.bundle import (
    ExportRequest,
    Provenance,
    export_bundle,
    unknown_sender_message,
)
from intake.cli import commands_custody
from intake.cli.commands_records import read_input_file, resolve_id
from intake.cli.context import Context
from intake.clock import utc_now_iso
from intake.contacts import Contacts
from intake.custody.dispatch import import_file, verify_file
from intake.errors import InvalidInput
from intake.model import PURPOSES
from intake.reidentify import DEFAULT_K

AGE_KEY_WARNING = ("warning: {file} holds this store's secret age key: anyone who gets it can "
                   "read every bundle sent to this store. Keep it off shared drives and delete "
                   "it when you no longer need it.")


def register(commands: Any) -> None:
    p = commands.add_parser("identity", help="this store's public identity card and age key")
    sub = p.add_subparsers(dest="identity_command", metavar="ACTION", required=True,
                           parser_class=type(p))
    q = sub.add_parser("export", help="write this store's public identity card (JSON)")
    q.add_argument("file", type=Path)
    q.set_defaults(run=run_identity_export)
    q = sub.add_parser("export-age-key", help="write this store's age secret key, to open "
                       "bundles with the standard age tool")
    q.add_argument("file", type=Path)
    q.set_defaults(run=run_export_age_key)

    p = commands.add_parser("contacts", help="recipients and trusted senders")
    sub = p.add_subparsers(dest="contacts_command", metavar="ACTION", required=True,
                           parser_class=type(p))
    q = sub.add_parser("add", help="add someone's identity card")
    q.add_argument("card", type=Path)
    q.add_argument("--label", help="the name to know them by (default: the card's label)")
    q.set_defaults(run=run_contacts_add)
    q = sub.add_parser("list", help="list contacts and their fingerprints")
    q.add_argument("--json", action="store_true")
    q.set_defaults(run=run_contacts_list)
    q = sub.add_parser("verify", help="mark a contact verified, after comparing the "
                       "fingerprint over the phone")
    q.add_argument("label")
    q.add_argument("--fingerprint", help="the digits as read out to you; must match")
    q.set_defaults(run=run_contacts_verify)

    p = commands.add_parser("export", help="write a signed, encrypted bundle for recipients")
    p.add_argument("--to", action="append", required=True, metavar="LABEL",
                   help="a contact to encrypt to (repeat for several)")
    p.add_argument("--ids", nargs="+", metavar="ID", help="testimonies (default: all)")
    p.add_argument("--purpose", required=True, choices=PURPOSES)
    p.add_argument("--level", required=True, choices=("full", "redacted"))
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.add_argument("--override-risk", action="store_true",
                   help="allow the full level for survivors flagged at risk (audited)")
    p.add_argument("--require-verified", action="store_true",
                   help="refuse recipients whose fingerprint was never verified (without it "
                        "they get a warning, and the audit log records it)")
    p.add_argument("--lang", choices=("en", "ko"), default="en",
                   help="language of the witness statements' headings")
    p.add_argument("--k", type=int, default=DEFAULT_K, metavar="N",
                   help="redacted level: flag a survivor whose birth year, sex, origin and "
                        "detentions fewer than N testimonies in this store share "
                        f"(default {DEFAULT_K})")
    p.add_argument("--generalise", action="store_true",
                   help="redacted level: export flagged survivors with the suggested "
                        "generalisations (birth year band, province, month); the store is "
                        "unchanged")
    p.add_argument("--accept-risk", action="store_true",
                   help="redacted level: export flagged survivors anyway (audited)")
    p.add_argument("--include-media", action="store_true",
                   help="redacted level: include audio recordings with their tags stripped "
                        "(audited); documents and video are always withheld at this level")
    p.set_defaults(run=run_export)

    p = commands.add_parser("verify", help="decrypt and check a bundle, notice or receipt; "
                            "store nothing")
    p.add_argument("file", type=Path)
    p.set_defaults(run=run_verify)

    p = commands.add_parser("import", help="verify, then import a bundle, a withdrawal "
                            "notice or a delivery receipt")
    p.add_argument("file", type=Path)
    p.add_argument("--trust-new-sender", action="store_true",
                   help="accept a sender who is not yet a contact (after comparing the "
                        "fingerprint), and add them")
    p.set_defaults(run=run_import)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _refuse_existing(path: Path) -> None:
    if path.exists() or path.is_symlink():
        raise InvalidInput("file", f"{path} already exists; choose another name")
    if not path.parent.is_dir():
        raise InvalidInput("file", f"{path.parent} is not a directory")


def run_identity_export(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.open_store() as store:
        card = store.identity_card()
    with atomic_writer(args.file, "w") as out:
        out.write(card.to_json())
    ctx.out(f"Wrote the identity card of {card.label!r} to {args.file}")
    ctx.out(f"Fingerprint: {card.fingerprint}")
    return 0


def run_export_age_key(ctx: Context, args: argparse.Namespace) -> int:
    _refuse_existing(args.file)
    with ctx.open_store() as store:
        ctx.warn(AGE_KEY_WARNING.format(file=args.file))
        identity = store.identity
        header = (f"# Testimony Intake store identity (age X25519). KEEP SECRET.\n"
                  f"# created: {utc_now_iso()}\n# public key: {identity.age_recipient}\n")
        key = identity.age_secret_key_string()
        with atomic_writer(args.file) as out:
            out.write(header.encode("ascii") + key.encode("ascii") + b"\n")
        del key
        with store.transaction():
            store.audit.append("identity.export_age_key", None, {
                "fingerprint": store.identity_card().fingerprint})
    ctx.out(f"Wrote the age secret key to {args.file} (readable by you only). "
            f"Open bundles with: age -d -i {args.file} BUNDLE")
    return 0


def run_contacts_add(ctx: Context, args: argparse.Namespace) -> int:
    data = read_input_file(args.card, MAX_CARD_BYTES)
    try:
        card = IdentityCard.from_json(data)
    except CardInvalid as error:
        raise InvalidInput(args.card.name, str(error)) from None
    with ctx.open_store() as store:
        contact = Contacts(store).add(card, args.label)
    ctx.out(f"Added contact {contact.label!r}, fingerprint {contact.fingerprint}")
    ctx.out("Not verified yet: read the fingerprint out with them over the phone, then run: "
            f"testimony-intake contacts verify {json.dumps(contact.label, ensure_ascii=False)}")
    return 0


def run_contacts_list(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.open_store() as store:
        contacts = Contacts(store).all()
    if args.json:
        ctx.out(json.dumps([{"label": c.label, "fingerprint": c.fingerprint,
                             "verified": c.verified, "added_at": c.added_at,
                             "age": c.card.age, "minisign": c.card.minisign_public_key}
                            for c in contacts], ensure_ascii=False, indent=2))
        return 0
    if not contacts:
        ctx.out("No contacts yet. Add one with: testimony-intake contacts add CARD.json")
        return 0
    width = max(len("LABEL"), *(_width(c.label) for c in contacts))
    ctx.out(f"{_pad('LABEL', width)}  {'FINGERPRINT':<35}  VERIFIED")
    for c in contacts:
        mark = "yes" if c.verified else "NO"
        ctx.out(f"{_pad(c.label, width)}  {c.fingerprint:<35}  {mark}")
    return 0


def run_contacts_verify(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.open_store() as store:
        contacts = Contacts(store)
        contact = contacts.by_label(args.label)
        if args.fingerprint is not None:
            heard = "".join(args.fingerprint.split())
            if heard != "".join(contact.fingerprint.split()):
                raise InvalidInput("fingerprint", f"does not match {contact.label!r}'s card: "
                                   "do not trust this card; ask for it again")
        contact = contacts.verify(contact.label)
    ctx.out(f"Verified {contact.label!r}: fingerprint {contact.fingerprint}")
    return 0


def run_export(ctx: Context, args: argparse.Namespace) -> int:
    redacted_only = [flag for flag, on in (("--generalise", args.generalise),
                                           ("--accept-risk", args.accept_risk),
                                           ("--include-media", args.include_media)) if on]
    if redacted_only and args.level != "redacted":
        from intake.cli.main import UsageError  # main imports this module
        raise UsageError(f"testimony-intake export: {', '.join(redacted_only)} only apply "
                         "to --level redacted")
    _refuse_existing(args.output)
    with ctx.open_store() as store:
        ids = tuple(resolve_id(store, i) for i in args.ids) if args.ids else None
        request = ExportRequest(recipients=tuple(args.to), purpose=args.purpose,
                                level=args.level, testimony_ids=ids,
                                override_risk=args.override_risk,
                                allow_unverified=not args.require_verified,
                                lang=args.lang, k=args.k, generalise=args.generalise,
                                accept_risk=args.accept_risk,
                                include_media=args.include_media)
        result = export_bundle(store, request, args.output, renderer=ctx.statement_renderer)
    for warning in result.warnings:
        ctx.warn(f"warning: {warning}")
    ctx.out(f"Bundle {result.bundle_id} written to {result.path}")
    ctx.out("To: " + "; ".join(f"{c.label} ({c.fingerprint})" for c in result.recipients))
    ctx.out(f"Holds {len(result.testimony_ids)} testimonies and {result.attachments} "
            f"attachments, for {args.purpose} use, {args.level} level")
    ctx.out(f"Manifest SHA-256: {result.manifest_sha256}")
    return 0


def _show(ctx: Context, p: Provenance) -> None:
    if p.sender_label is None:
        who = f"{p.sender.label!r} — NOT A CONTACT"
    else:
        who = f"{p.sender_label!r} ({'verified' if p.sender_verified else 'NOT verified'})"
    ctx.out(f"Bundle:      {p.bundle_id} (tib/1)")
    ctx.out(f"From:        {who}")
    ctx.out(f"Fingerprint: {p.sender.fingerprint}")
    ctx.out(f"Created:     {p.created}")
    ctx.out(f"Purpose:     {p.purpose}, {p.level} level")
    ctx.out(f"Holds:       {p.records} testimonies, {p.attachments} attachments, "
            f"{p.total_bytes:,} bytes")
    ctx.out(f"Manifest:    SHA-256 {p.manifest_sha256}")


def run_verify(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.open_store() as store:
        checked = verify_file(store, args.file)
    if checked.bundle is None:  # a withdrawal notice or a delivery receipt
        return commands_custody.show_verified(ctx, checked)
    p = checked.bundle
    _show(ctx, p)
    ctx.out("Checked: the age encryption, the sender's signature, and every member's "
            "SHA-256 and size.")
    if not p.known_sender:
        # The bundle is intact and signed by the key on its card; whose key that is, only
        # the fingerprint read over the phone can tell. Import insists on that decision.
        ctx.warn(f"warning: {unknown_sender_message(p)}")
    return 0


def run_import(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.open_store() as store:
        done = import_file(store, args.file, trust_new_sender=args.trust_new_sender)
    if done.bundle is None:  # a withdrawal notice or a delivery receipt
        return commands_custody.show_imported(ctx, done)
    result = done.bundle
    shown = result.provenance
    if result.new_contact:
        shown = dataclasses.replace(shown, sender_label=result.new_contact)
    _show(ctx, shown)
    if result.already_imported:
        ctx.out("Already imported: nothing changed.")
        return 0
    if result.new_contact:
        ctx.out(f"Added the sender as contact {result.new_contact!r} (not verified).")
    ctx.out(f"Imported: {len(result.created)} new, {len(result.revised)} revised, "
            f"{len(result.unchanged)} unchanged"
            + (f", {len(result.older)} older than what you have (kept yours)"
               if result.older else "")
            + f"; {result.attachments} attachments stored.")
    return 0
