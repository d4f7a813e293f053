"""Commands that read and write testimonies: add, list, show, attach."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from intake.cli.context import Context
from intake.cli.render import render_summaries, render_testimony, summary_dict
from intake.errors import InvalidInput, NotFound
from intake.model import parse_testimony_json, parse_testimony_jsonl
from intake.store import Store

MAX_INPUT_BYTES = 256 * 1024 * 1024


def register(commands: Any) -> None:
    p = commands.add_parser("add", help="add testimonies from a .json (one) or .jsonl (many)")
    p.add_argument("file", type=Path)
    p.set_defaults(run=run_add)

    p = commands.add_parser("list", help="list testimonies")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_list)

    p = commands.add_parser("show", help="show one testimony")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.add_argument("--revision", type=int, help="an earlier revision")
    p.set_defaults(run=run_show)

    p = commands.add_parser("attach", help="add a file (audio, photo, document) to a testimony")
    p.add_argument("id")
    p.add_argument("file", type=Path)
    p.set_defaults(run=run_attach)


def read_input_file(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    if not path.is_file():
        raise InvalidInput("file", f"{path} does not exist or is not a file")
    size = path.stat().st_size
    if size > limit:
        raise InvalidInput("file", f"{path} is {size} bytes, over the limit of {limit}")
    return path.read_bytes()


def run_add(ctx: Context, args: argparse.Namespace) -> int:
    data = read_input_file(args.file)
    suffix = args.file.suffix.lower()
    if suffix == ".jsonl":
        testimonies = parse_testimony_jsonl(data, new=True)
    elif suffix == ".json":
        testimonies = [parse_testimony_json(data, new=True)]
    else:
        raise InvalidInput("file", f"{args.file.name}: expected a .json or .jsonl file")
    with ctx.open_store() as store:
        stored = store.add_many(testimonies)
    for t in stored:
        ctx.out(t.id)
    return 0


def resolve_id(store: Store, given: str) -> str:
    """A full id, or a unique prefix of at least 8 characters of one."""
    given = given.strip().lower()
    if len(given) < 8:
        raise InvalidInput("id", "give the testimony id, or at least its first 8 characters")
    matches = [i for i in store.ids() if i.startswith(given)]
    if not matches:
        raise NotFound(f"no testimony with id {given}")
    if len(matches) > 1:
        raise InvalidInput("id", f"{given} matches {len(matches)} testimonies; give more of it")
    return matches[0]


def run_list(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.open_store() as store:
        rows = store.summaries()
    if args.json:
        ctx.out(json.dumps([summary_dict(s) for s in rows], ensure_ascii=False, indent=2))
    else:
        ctx.out(render_summaries(rows))
    return 0


def run_show(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.open_store() as store:
        t = store.get(resolve_id(store, args.id), args.revision)
    if args.json:
        ctx.out(json.dumps(t.to_dict(), ensure_ascii=False, indent=2))
    else:
        ctx.out(render_testimony(t))
    return 0


def run_attach(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.open_store() as store:
        ref = store.attach(resolve_id(store, args.id), args.file)
    ctx.out(f"{ref.id}  {ref.size} bytes  sha256 {ref.sha256}  {ref.media_type}")
    return 0
