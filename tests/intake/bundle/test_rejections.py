"""Every way a bundle can be wrong gets a one-line reason naming the member, and stores nothing.

Crafted bundles are real: unpacked from a genuine export, altered, re-signed with the
sender's key where the case needs a valid signature, and encrypted to the recipient.
"""

from __future__ import annotations

import hashlib
import json
import os
import tarfile

import pytest

from intake.bundle import import_bundle, verify_bundle
from intake.bundle.format import MAX_MEMBERS
from intake.bundle.tarformat import ustar_header
from intake.contacts import Contacts
from intake.errors import BundleRejected
from tests.intake.bundle import craft
from tests.intake.bundle.conftest import snapshot


@pytest.fixture
def genuine(pair):
    t = pair.testimony()
    pair.attach(t, os.urandom(3000), "a.m4a")
    bundle = pair.export()
    entries, mtime = craft.unpack(pair.plain_tar(bundle))
    return pair, entries, mtime


def rejected(pair, data: bytes, match: str) -> str:
    """Both verify and import refuse ``data`` with ``match`` in a one-line reason."""
    path = pair.tmp / "crafted.tib.age"
    path.write_bytes(data)
    before = snapshot(pair.legal)
    with pytest.raises(BundleRejected, match=match) as verified:
        verify_bundle(pair.legal, path)
    with pytest.raises(BundleRejected, match=match):
        import_bundle(pair.legal, path, trust_new_sender=True)
    assert snapshot(pair.legal) == before
    message = str(verified.value)
    assert "\n" not in message
    return message


def sealed(pair, entries, mtime, **kw) -> bytes:
    return craft.encrypt(craft.pack(entries, mtime, **kw), pair.legal)


def test_the_genuine_bundle_passes(genuine):
    pair, entries, mtime = genuine
    path = pair.tmp / "again.tib.age"
    path.write_bytes(sealed(pair, entries, mtime))
    assert verify_bundle(pair.legal, path).records == 1


# -- the age layer ---------------------------------------------------------------------


def test_wrong_recipient(pair, new_store):
    pair.testimony()
    other, _ = new_store("other", label="Someone else")
    Contacts(pair.field).add(other.identity_card(), "Other")
    Contacts(pair.field).verify("Other")
    bundle = pair.export(to=("Other",))
    rejected(pair, bundle.read_bytes(), "not encrypted to this store")


@pytest.mark.parametrize("cut", [1, 100, 5000])
def test_truncated_ciphertext(genuine, cut):
    pair, entries, mtime = genuine
    data = sealed(pair, entries, mtime)
    rejected(pair, data[:-cut], "damaged, truncated")


def test_trailing_garbage_after_the_age_file(genuine):
    pair, entries, mtime = genuine
    rejected(pair, sealed(pair, entries, mtime) + b"garbage", "damaged, truncated")


@pytest.mark.parametrize("data", [b"", b"not an age file at all", os.urandom(2000)])
def test_not_an_age_file(pair, data):
    rejected(pair, data, "damaged, truncated|not an age")


# -- the tar layer ---------------------------------------------------------------------


def test_truncated_tar(genuine):
    pair, entries, mtime = genuine
    tar = craft.pack(entries, mtime)
    for cut in (1024, 1500, len(tar) - 600):
        rejected(pair, craft.encrypt(tar[:-cut], pair.legal), "truncated")


def test_trailing_data_after_the_archive(genuine):
    pair, entries, mtime = genuine
    rejected(pair, sealed(pair, entries, mtime, end=bytes(1024) + b"x"), "trailing data")
    rejected(pair, sealed(pair, entries, mtime, end=bytes(2048)), "trailing data")


def test_empty_tar(pair):
    rejected(pair, craft.encrypt(bytes(1024), pair.legal), "no manifest.json")


def test_manifest_must_come_first_and_signature_second(genuine):
    pair, entries, mtime = genuine
    swapped = [entries[1], entries[0], *entries[2:]]
    rejected(pair, sealed(pair, swapped, mtime), "first member must be manifest.json")
    later = [entries[0], entries[2], entries[1], *entries[3:]]
    rejected(pair, sealed(pair, later, mtime), "second member must be manifest.sig")


@pytest.mark.parametrize(("path", "reason"), [
    ("/etc/passwd", "absolute path"),
    ("../evil", "climbs out"),
    ("records/../../evil.json", "climbs out"),
    ("records\\x.json", "unsafe characters"),
    ("notes.txt", "not a member a tib/1 bundle may hold"),
])
def test_unsafe_or_unknown_paths(genuine, path, reason):
    pair, entries, mtime = genuine
    message = rejected(pair, sealed(pair, [*entries[:3], (path, b"x"), *entries[3:]], mtime),
                       reason)
    assert path.replace("\\", "\\\\") in message


@pytest.mark.parametrize(("kind", "what"), [
    (tarfile.SYMTYPE, "symbolic link"), (tarfile.LNKTYPE, "hard link"),
    (tarfile.CHRTYPE, "character device"), (tarfile.BLKTYPE, "block device"),
    (tarfile.DIRTYPE, "directory"), (tarfile.FIFOTYPE, "FIFO"),
])
def test_links_devices_and_directories(genuine, kind, what):
    pair, entries, mtime = genuine
    info = tarfile.TarInfo("records/link.json")
    info.type, info.linkname, info.mtime = kind, "/etc/shadow", mtime
    tar = craft.pack(entries[:3], mtime)[:-1024] + info.tobuf(tarfile.USTAR_FORMAT)
    tar += craft.pack(entries[3:], mtime)
    message = rejected(pair, craft.encrypt(tar, pair.legal), what)
    assert "records/link.json" in message


def test_pax_and_gnu_extension_headers_are_refused(genuine):
    pair, entries, mtime = genuine
    info = tarfile.TarInfo("records/" + "é" * 20 + ".json")
    info.mtime = mtime
    pax = info.tobuf(tarfile.PAX_FORMAT, "utf-8")
    tar = craft.pack(entries[:3], mtime)[:-1024] + pax + craft.pack(entries[3:], mtime)
    rejected(pair, craft.encrypt(tar, pair.legal), "pax extended header")


def test_non_canonical_header_and_padding(genuine):
    pair, entries, mtime = genuine
    tar = bytearray(craft.pack(entries, mtime))
    record_at = 512 + 512 * ((len(entries[0][1]) + 511) // 512)
    record_at += 512 + 512 * ((len(entries[1][1]) + 511) // 512)
    changed = bytearray(tar)
    changed[record_at + 100:record_at + 108] = b"0000755\0"  # mode, checksum fixed below
    changed[record_at + 148:record_at + 156] = b" " * 8
    changed[record_at + 148:record_at + 156] = b"%06o\0 " % sum(changed[record_at:record_at + 512])
    rejected(pair, craft.encrypt(bytes(changed), pair.legal), "not in the canonical")
    broken = bytearray(tar)
    broken[record_at + 5] ^= 1
    rejected(pair, craft.encrypt(bytes(broken), pair.legal), "checksum is wrong")
    padded = bytearray(tar)
    padded[512 + len(entries[0][1])] = 1  # the manifest's padding
    rejected(pair, craft.encrypt(bytes(padded), pair.legal), "padding")


def test_header_time_must_match_the_manifest(genuine):
    pair, entries, mtime = genuine
    rejected(pair, sealed(pair, entries, mtime + 1), "time differs")


# -- the manifest and the signature ------------------------------------------------------


def test_unknown_format_version(genuine):
    pair, entries, mtime = genuine
    doc = craft.manifest_of(entries)
    doc["format"] = "tib/2"
    rejected(pair, sealed(pair, craft.rebuild(entries, pair.field, doc), mtime),
             "unknown bundle format 'tib/2'")


def test_manifest_altered_without_the_senders_key(genuine):
    pair, entries, mtime = genuine
    doc = craft.manifest_of(entries)
    doc["purpose"] = "publication"
    altered = [(entries[0][0], craft.manifest_bytes(doc)), *entries[1:]]
    rejected(pair, sealed(pair, altered, mtime), r"manifest.sig: .*does not match")


def test_signature_by_someone_else(genuine, new_store):
    pair, entries, mtime = genuine
    mallory, _ = new_store("mallory", label="Mallory")
    rejected(pair, sealed(pair, craft.rebuild(entries, mallory), mtime),
             "different key|does not match")


def test_signature_with_a_different_trusted_comment_or_untrusted_line(genuine):
    pair, entries, mtime = genuine
    manifest = entries[0][1]
    sig = pair.field.identity.sign_minisign(manifest, "something else").encode()
    rejected(pair, sealed(pair, [entries[0], ("manifest.sig", sig), *entries[2:]], mtime),
             "canonical form")
    lines = entries[1][1].split(b"\n")
    lines[0] = b"untrusted comment: hello"
    edited = b"\n".join(lines)
    rejected(pair, sealed(pair, [entries[0], ("manifest.sig", edited), *entries[2:]], mtime),
             "canonical form")


def test_re_encoded_manifest_is_refused(genuine):
    pair, entries, mtime = genuine
    doc = craft.manifest_of(entries)
    compact = json.dumps(doc, ensure_ascii=False).encode()
    sig = craft.sign(pair.field, compact, doc)
    rejected(pair, sealed(pair, [("manifest.json", compact), ("manifest.sig", sig),
                                 *entries[2:]], mtime), "canonical form")


def test_forwarded_to_someone_not_named_in_the_manifest(genuine, new_store):
    pair, entries, mtime = genuine
    doc = craft.manifest_of(entries)
    doc["recipients"] = ["11111 22222 33333 44444 55555 66666"]
    rejected(pair, sealed(pair, craft.rebuild(entries, pair.field, doc), mtime),
             "not among the bundle's signed recipients")


def test_unknown_sender_is_refused_unless_trusted(pair, new_store):
    stranger, _ = new_store("stranger", label="Unknown interviewer")
    Contacts(stranger).add(pair.legal.identity_card(), "Legal")
    Contacts(stranger).verify("Legal")
    from tests.intake.bundle.conftest import Pair
    other = Pair(stranger, pair.legal, pair.tmp)
    other.testimony()
    bundle = other.export("stranger.tib.age")
    before = snapshot(pair.legal)
    fingerprint = stranger.identity_card().fingerprint
    with pytest.raises(BundleRejected, match="not among your contacts") as refused:
        import_bundle(pair.legal, bundle)
    assert fingerprint in str(refused.value)
    assert snapshot(pair.legal) == before
    assert not verify_bundle(pair.legal, bundle).known_sender
    result = import_bundle(pair.legal, bundle, trust_new_sender=True)
    assert result.new_contact == "Unknown interviewer" and len(result.created) == 1
    added = Contacts(pair.legal).by_fingerprint(fingerprint)
    assert added is not None and not added.verified
    trust = [e for e in pair.legal.audit.entries() if e.action == "contact.add"]
    assert trust[-1].detail["source"] == "bundle"
    assert trust[-1].detail["fingerprint"] == fingerprint


# -- members -----------------------------------------------------------------------------


def test_altered_member_is_named(genuine):
    pair, entries, mtime = genuine
    i = next(i for i, (p, _) in enumerate(entries) if p.startswith("records/"))
    path, data = entries[i]
    altered = [*entries[:i], (path, data.replace(b"S-0142", b"S-9999")), *entries[i + 1:]]
    message = rejected(pair, sealed(pair, altered, mtime), "SHA-256 does not match")
    assert path in message


def test_size_differs_from_the_manifest(genuine):
    pair, entries, mtime = genuine
    doc = craft.manifest_of(entries)
    doc["members"][0]["size"] += 1
    rejected(pair, sealed(pair, craft.rebuild(entries, pair.field, doc, rehash_members=False),
                          mtime), "but the manifest says")


def test_duplicate_unlisted_and_missing_members(genuine):
    pair, entries, mtime = genuine
    record = entries[2]
    rejected(pair, sealed(pair, [*entries, record], mtime), "appears twice")
    rejected(pair, sealed(pair, [*entries, entries[0]], mtime), "appears twice")
    extra = (f"attachments/{'0' * 8}-0000-4000-8000-{'0' * 12}", b"extra")
    rejected(pair, sealed(pair, [*entries, extra], mtime), "not listed in the manifest")
    rejected(pair, sealed(pair, [e for e in entries if e is not record], mtime),
             f"{record[0]}' is listed in the manifest but missing")


def test_blobs_written_before_a_late_failure_are_removed(genuine):
    pair, entries, mtime = genuine
    assert [p for p, _ in entries][4].startswith("attachments/")
    last = entries[-1]
    altered = [*entries[:-1], (last[0], last[1] + b"x")]
    # metadata.csv is checked after the attachment was streamed into a new blob
    rejected(pair, sealed(pair, altered, mtime), "metadata.csv")


def test_too_many_members_and_oversize_declarations(genuine):
    pair, entries, mtime = genuine
    doc = craft.manifest_of(entries)
    many = dict(doc)
    many["members"] = [{"path": f"attachments/{i:08x}-0000-4000-8000-000000000000",
                        "sha256": "0" * 64, "size": 1} for i in range(MAX_MEMBERS + 1)]
    rejected(pair, sealed(pair, craft.rebuild(entries, pair.field, many,
                                              rehash_members=False), mtime),
             "more than the limit")
    for kind, size in (("attachments/", 8 * 1024**3), ("records/", 64 * 1024**2 + 1)):
        big = json.loads(json.dumps(doc))
        member = next(m for m in big["members"] if m["path"].startswith(kind))
        member["size"] = size
        rejected(pair, sealed(pair, craft.rebuild(entries, pair.field, big,
                                                  rehash_members=False), mtime),
                 "over the limit")
    total = json.loads(json.dumps(doc))
    total["members"] += [{"path": f"attachments/{i:08x}-0000-4000-8000-000000000000",
                          "sha256": "0" * 64, "size": 8 * 1024**3 - 1} for i in range(9)]
    rejected(pair, sealed(pair, craft.rebuild(entries, pair.field, total,
                                              rehash_members=False), mtime), "add up to")


# -- what the records say --------------------------------------------------------------


def _with_record(pair, entries, mtime, change) -> bytes:
    i = next(i for i, (p, _) in enumerate(entries) if p.startswith("records/"))
    path, data = entries[i]
    doc = json.loads(data)
    new_path = change(doc) or path
    changed = [*entries[:i], (new_path, json.dumps(doc).encode()), *entries[i + 1:]]
    return sealed(pair, craft.rebuild(changed, pair.field), mtime)


def test_record_contents_are_checked(genuine):
    pair, entries, mtime = genuine
    rejected(pair, _with_record(pair, entries, mtime, lambda d: d.update(unknown=1)),
             "not a valid testimony/1 record")

    def other_id(d):
        d["id"] = "00000000-0000-4000-8000-000000000000"
    rejected(pair, _with_record(pair, entries, mtime, other_id), "not the one its name says")

    def not_covered(d):
        d["consent"]["legal"] = False
    rejected(pair, _with_record(pair, entries, mtime, not_covered),
             "consent was not given for legal")

    def drop_attachment(d):
        d["attachments"] = []
    rejected(pair, _with_record(pair, entries, mtime, drop_attachment), "belongs to no record")

    def wrong_hash(d):
        d["attachments"][0]["sha256"] = hashlib.sha256(b"other").hexdigest()
    rejected(pair, _with_record(pair, entries, mtime, wrong_hash), "differs from the bundle")


def test_redacted_bundle_with_names_is_refused(genuine):
    pair, entries, mtime = genuine
    doc = craft.manifest_of(entries)
    doc["level"] = "redacted"
    i = next(i for i, (p, _) in enumerate(entries) if p.startswith("records/"))
    record = json.loads(entries[i][1])
    record["names"] = ["김철수"]
    changed = [*entries[:i], (entries[i][0], json.dumps(record).encode()), *entries[i + 1:]]
    rejected(pair, sealed(pair, craft.rebuild(changed, pair.field, doc), mtime),
             "carries names or redactions")


def test_same_bundle_id_with_other_content(genuine):
    pair, entries, mtime = genuine
    first = pair.tmp / "first.tib.age"
    first.write_bytes(sealed(pair, entries, mtime))
    import_bundle(pair.legal, first)
    i = next(i for i, (p, _) in enumerate(entries) if p == "custody.jsonl")
    changed = [*entries[:i], (entries[i][0], entries[i][1] + b"\n"), *entries[i + 1:]]
    path = pair.tmp / "second.tib.age"
    path.write_bytes(sealed(pair, craft.rebuild(changed, pair.field), mtime))
    with pytest.raises(BundleRejected, match="a different bundle with the id"):
        import_bundle(pair.legal, path)


def test_reader_needs_the_exact_header_it_would_write():
    assert ustar_header("custody.jsonl", 10, 5) == _tarfile_header("custody.jsonl", 10, 5)


def _tarfile_header(path: str, size: int, mtime: int) -> bytes:
    info = tarfile.TarInfo(path)
    info.size, info.mtime = size, mtime
    return info.tobuf(tarfile.PAX_FORMAT, "utf-8")


def test_a_blob_sealed_by_the_helper_is_removed_when_its_hash_fails(genuine, monkeypatch):
    from intake.bundle import writer
    monkeypatch.setattr(writer, "HELPER_THRESHOLD", 0)
    pair, entries, mtime = genuine
    i = next(i for i, (p, _) in enumerate(entries) if p.startswith("attachments/"))
    path, data = entries[i]
    altered = [*entries[:i], (path, bytes([data[0] ^ 1]) + data[1:]), *entries[i + 1:]]
    assert path in rejected(pair, sealed(pair, altered, mtime), "SHA-256 does not match")
