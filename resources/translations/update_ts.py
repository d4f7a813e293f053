"""Refresh ``testimony_intake_ko.ts`` from ``ui/`` and compile the ``.qm``.

Run: ``.venv/bin/python resources/translations/update_ts.py`` (then translate the
``unfinished`` entries, e.g. in ``pyside6-linguist``, and run it again).

Why a script: ``pyside6-lupdate`` finds ``self.tr(...)`` and
``QCoreApplication.translate("Context", ...)``, but not the modules' small
``_tr(text)`` helpers that wrap ``QCoreApplication.translate("Context", text)``.
This script runs lupdate, then adds every ``_tr("literal")`` under the context its
module's helper uses, so nothing reaches the screen untranslated. Existing
translations are kept; entries no longer in the code are marked obsolete by lupdate
and dropped here.
"""

from __future__ import annotations

import ast
import fcntl
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "testimony_intake_ko.ts"
INBOX = HERE / "ko"  # {context: {source: translation}} JSON files, merged into the .ts
BIN = Path(sys.executable).parent


def helper_contexts(tree: ast.Module) -> dict[str, str]:
    """``{"_tr": "Context"}`` for module-level helpers returning translate("Context", arg)."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and len(node.body) == 1:
            ret = node.body[0]
            if (isinstance(ret, ast.Return) and isinstance(ret.value, ast.Call)
                    and isinstance(ret.value.func, ast.Attribute)
                    and ret.value.func.attr == "translate" and ret.value.args
                    and isinstance(ret.value.args[0], ast.Constant)):
                found[node.name] = ret.value.args[0].value
    return found


def helper_messages() -> list[tuple[str, str, str, int]]:
    out = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = helper_contexts(tree)
        if not helpers:
            continue
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in helpers and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                out.append((helpers[node.func.id], node.args[0].value,
                            str(path.relative_to(HERE.parent.parent)), node.lineno))
    return out


def add_helper_messages(root: ET.Element) -> int:
    contexts = {c.findtext("name"): c for c in root.findall("context")}
    added = 0
    for ctx_name, source, filename, line in helper_messages():
        ctx = contexts.get(ctx_name)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = ctx_name
            contexts[ctx_name] = ctx
        if any(m.findtext("source") == source for m in ctx.findall("message")):
            for m in ctx.findall("message"):
                if m.findtext("source") == source:
                    tr = m.find("translation")
                    if tr is not None and tr.get("type") in ("obsolete", "vanished"):
                        if tr.text:
                            del tr.attrib["type"]  # still used, by a helper lupdate missed
                        else:
                            tr.set("type", "unfinished")
            continue
        msg = ET.SubElement(ctx, "message")
        ET.SubElement(msg, "location", filename="../../" + filename, line=str(line))
        ET.SubElement(msg, "source").text = source
        ET.SubElement(msg, "translation", type="unfinished")
        added += 1
    return added


def merge_inbox(root: ET.Element) -> int:
    """Fill unfinished entries from ``ko/*.json`` (translations written beside new code).

    Why an inbox: several people add screens at once; each writes the Korean for its
    own strings into a file of its own instead of editing the one ``.ts`` together.
    """
    pending: dict[tuple[str, str], str] = {}
    for path in sorted(INBOX.glob("*.json")):
        for context, messages in json.loads(path.read_text(encoding="utf-8")).items():
            for source, translation in messages.items():
                pending[(context, source)] = translation
    filled = 0
    for ctx in root.findall("context"):
        name = ctx.findtext("name")
        for msg in ctx.findall("message"):
            tr = msg.find("translation")
            key = (name, msg.findtext("source"))
            if tr is None or key not in pending:
                continue
            if tr.get("type") == "unfinished" or tr.text != pending[key]:
                tr.text = pending[key]  # the inbox also carries corrections of older entries
                tr.attrib.pop("type", None)
                filled += 1
    return filled


def drop_obsolete(root: ET.Element) -> None:
    for ctx in root.findall("context"):
        for msg in ctx.findall("message"):
            tr = msg.find("translation")
            if tr is not None and tr.get("type") in ("obsolete", "vanished"):
                ctx.remove(msg)
        if not ctx.findall("message"):
            root.remove(ctx)


def main() -> None:
    with open(HERE / ".update.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two people running this at once would mix outputs
        update()


def update() -> None:
    sources = [str(p) for p in sorted((ROOT / "ui").rglob("*.py"))]
    subprocess.run([str(BIN / "pyside6-lupdate"), "-locations", "none",
                    *sources, "-ts", str(TS)], check=True, cwd=ROOT)
    tree = ET.parse(TS)
    root = tree.getroot()
    root.set("language", "ko_KR")
    added = add_helper_messages(root)
    filled = merge_inbox(root)
    drop_obsolete(root)
    for msg in root.iter("message"):
        for loc in msg.findall("location"):
            msg.remove(loc)
    ET.indent(tree, "    ")
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    print(f"added {added} helper strings, filled {filled} from {INBOX.name}/")
    unfinished = sum(1 for t in root.iter("translation") if t.get("type") == "unfinished")
    if unfinished:
        print(f"{unfinished} entries still unfinished")
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm",
                    str(TS.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    main()
