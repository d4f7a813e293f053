"""``scan FILE``: the identifiers the redaction detector finds in a text file, as JSON.

Needs no store and no passphrase: it reads one UTF-8 file and prints
``[{"start", "end", "kind", "text", "score"}, …]`` with code-point offsets.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from intake.cli.commands_records import read_input_file
from intake.cli.context import Context
from intake.errors import InvalidInput

MAX_SCAN_BYTES = 64 * 1024 * 1024


def register(commands: Any) -> None:
    p = commands.add_parser("scan", help="print the identifiers found in a UTF-8 text file")
    p.add_argument("file", type=Path)
    p.add_argument("--lang", choices=("auto", "ko", "en"), default="auto")
    p.set_defaults(run=run_scan)


def run_scan(ctx: Context, args: argparse.Namespace) -> int:
    data = read_input_file(args.file, MAX_SCAN_BYTES)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput("file", f"{args.file.name} is not UTF-8 text "
                           f"(invalid byte at offset {exc.start})") from None
    text = text.removeprefix("\ufeff")
    from intake.redaction import default_detector

    findings = default_detector().detect(text, lang=args.lang)
    ctx.out(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
    return 0
