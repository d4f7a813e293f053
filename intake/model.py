"""The testimony/1 record: frozen dataclasses, their rules, and their canonical JSON.

Reading is strict on purpose. A record may be signed, exported to a court and imported
elsewhere, so anything the model does not understand is refused instead of dropped:
unknown keys at any level, the wrong JSON type (``true`` where a number belongs, text
where a list belongs), oversize text, a schema other than ``testimony/1``. Every refusal
is an :class:`~intake.errors.InvalidInput` naming the field as a path
(``events[2].start``) and never quoting free text such as the narrative.

There is deliberately no field for a survivor's real name: the survivor is named only by
pseudonym, and a ``name`` key is refused with that reason. Names that must never leave the
store unredacted go in the testimony's own ``names`` list, which redaction uses.

``to_dict`` writes every key, in DESIGN §5's order, so ``from_dict(to_dict(t)) == t`` and
two equal testimonies serialise to the same bytes.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from intake import vocabulary
from intake.dates import (
    PartialDate,
    format_time_with_zone,
    parse_iso_date,
    parse_time_with_zone,
    shown,
)
from intake.errors import InvalidInput

SCHEMA = "testimony/1"

MAX_TEXT = 10_000
MAX_NARRATIVE = 1_000_000
MAX_DESCRIPTION = 100_000
MAX_PSEUDONYM = 64
MAX_NAME = 200
MAX_FILE_NAME = 255
MAX_EVENTS = 1_000
MAX_ATTACHMENTS = 10_000
MAX_REDACTIONS = 100_000
MAX_IMAGE_REDACTIONS = 10_000
MAX_IMAGE_SIDE = 1_000_000
MAX_NAMES = 1_000
MAX_SMALL_LIST = 100
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 50

SEXES = ("female", "male", "other", "unknown")
RISK_FLAGS = ("family_in_north_korea", "in_china")
MODES = ("in_person", "remote")
DEPTHS = ("screening", "full")
KNOWLEDGE = ("experienced", "witnessed", "heard")
PURPOSES = ("legal", "advocacy", "publication")

# Keys that would hold a real name. They are refused with a reason, not as merely unknown.
_NAME_KEYS = frozenset({
    "name", "real_name", "realname", "full_name", "fullname", "given_name", "family_name",
    "surname", "first_name", "last_name", "legal_name", "korean_name", "chinese_name",
    "birth_name", "이름", "성명", "실명",
})
_SURVIVOR_NAMED = "the survivor is named only by pseudonym; testimony/1 has no field for a name"
_PERSON_NAMED = "people present are recorded by role and organisation only, never by name"

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.ASCII)
_SHA256 = re.compile(r"[0-9a-f]{64}", re.ASCII)
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", re.ASCII)
_MEDIA_TYPE = re.compile(
    r"[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}", re.ASCII
)
_KIND = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,31}", re.ASCII)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SAFE_KEY = re.compile(r"[A-Za-z0-9_]{1,40}", re.ASCII)
_PATH_PART = re.compile(r"([a-z_]+)(?:\[(\d{1,6})\])?", re.ASCII)

# Fields that hold free text a redaction may cover; "[]" stands for any index.
REDACTABLE_FIELDS = (
    "narrative",
    "survivor.origin",
    "survivor.prior_statements[].organisation",
    "interview.place",
    "interview.interviewer",
    "interview.interpreter",
    "interview.restrictions",
    "interview.persons_present[].role",
    "interview.persons_present[].organisation",
    "consent.explained_by[]",
    "consent.withdrawal_note",
    "events[].place",
    "events[].facility",
    "events[].perpetrator_description",
    "events[].description",
    "attachments[].name",
)


# -- small checks shared by every record type -------------------------------------------


def _join(prefix: str, field_path: str) -> str:
    if not prefix:
        return field_path
    if not field_path:
        return prefix
    return prefix + field_path if field_path.startswith("[") else f"{prefix}.{field_path}"


@contextmanager
def _under(prefix: str) -> Iterator[None]:
    """Re-raise a nested record's InvalidInput with its field path below ``prefix``."""
    try:
        yield
    except InvalidInput as e:
        raise InvalidInput(_join(prefix, e.field), e.reason) from None


def _check_text(
    value: object,
    name: str,
    *,
    limit: int = MAX_TEXT,
    required: bool = False,
    line: bool = False,
) -> None:
    if not isinstance(value, str):
        raise InvalidInput(name, "must be text")
    if required and not value.strip():
        raise InvalidInput(name, "must not be empty")
    if len(value) > limit:
        raise InvalidInput(name, f"is longer than {limit:,} characters")
    if "\x00" in value:
        raise InvalidInput(name, "contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(name, "contains a lone surrogate, which is not valid Unicode") from None
    if line and _CONTROL.search(value):
        raise InvalidInput(name, "must be a single line without control characters")


def _check_optional_text(value: object, name: str, **kw: Any) -> None:
    if value is not None:
        _check_text(value, name, **kw)


def _check_choice(value: object, name: str, choices: tuple[str, ...]) -> None:
    if value is not None and value not in choices:
        raise InvalidInput(name, f"{shown(value)} is not one of {', '.join(choices)}")


def _check_bool(value: object, name: str, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if type(value) is not bool:
        raise InvalidInput(name, "must be true or false" + (" or null" if optional else ""))


def _check_uuid(value: object, name: str) -> None:
    if not isinstance(value, str) or not _UUID.fullmatch(value):
        raise InvalidInput(name, "must be a UUID in lower-case hex, like 0f8e…-…")


def _check_term(value: object, name: str, vocab: str) -> None:
    if value is not None and value not in vocabulary.load(vocab):
        raise InvalidInput(name, f"{shown(value)} is not a term of the {vocab} vocabulary")


def _check_count(items: tuple[Any, ...], name: str, limit: int) -> None:
    if not isinstance(items, tuple):
        raise InvalidInput(name, "must be a tuple")
    if len(items) > limit:
        raise InvalidInput(name, f"has more than {limit:,} items")


def _check_language(value: object, name: str) -> None:
    if value is not None and (not isinstance(value, str) or not _LANGUAGE.fullmatch(value)):
        raise InvalidInput(name, f"{shown(value)} is not a language code such as ko, en or zh")


# -- reading JSON objects strictly -------------------------------------------------------


class _Reader:
    """One JSON object being read: typed access by key, unknown keys refused up front."""

    def __init__(
        self, value: object, path: str, keys: tuple[str, ...], named: str | None = None
    ) -> None:
        if not isinstance(value, Mapping):
            raise InvalidInput(path or "testimony", "must be a JSON object")
        for key in value:
            if not isinstance(key, str):
                raise InvalidInput(path or "testimony", "has a key that is not text")
            if named and key.casefold().replace("-", "_").replace(" ", "_") in _NAME_KEYS:
                raise InvalidInput(_join(path, key), named)
        for key in value:
            if key not in keys:
                reason = "is not a testimony/1 field (unknown keys are refused, not dropped)"
                if _SAFE_KEY.fullmatch(key):
                    raise InvalidInput(_join(path, key), reason)
                raise InvalidInput(path or "testimony", "has a key that " + reason[3:])
        self.value = value
        self.path = path

    def at(self, key: str) -> str:
        return _join(self.path, key)

    def text(self, key: str, *, required: bool = False) -> str | None:
        v = self.value.get(key)
        if v is None:
            if required:
                raise InvalidInput(self.at(key), "is required")
            return None
        if not isinstance(v, str):
            raise InvalidInput(self.at(key), "must be text")
        return v

    def required_text(self, key: str) -> str:
        v = self.text(key, required=True)
        assert v is not None
        return v

    def flag(self, key: str, default: bool | None) -> bool | None:
        v = self.value.get(key, default)
        if v is None and default is None:
            return None
        if type(v) is not bool:
            raise InvalidInput(self.at(key), "must be true or false")
        return v

    def strict_flag(self, key: str) -> bool:
        v = self.flag(key, False)
        assert v is not None
        return v

    def integer(self, key: str, *, required: bool = False) -> int | None:
        v = self.value.get(key)
        if v is None:
            if required:
                raise InvalidInput(self.at(key), "is required")
            return None
        if type(v) is not int:
            raise InvalidInput(self.at(key), "must be a whole number")
        return v

    def required_integer(self, key: str) -> int:
        v = self.integer(key, required=True)
        assert v is not None
        return v

    def partial_date(self, key: str) -> PartialDate | None:
        v = self.value.get(key)
        return None if v is None else PartialDate.parse(v, self.at(key))

    def full_date(self, key: str) -> date | None:
        v = self.value.get(key)
        return None if v is None else parse_iso_date(v, self.at(key))

    def clock(self, key: str) -> time | None:
        v = self.value.get(key)
        return None if v is None else parse_time_with_zone(v, self.at(key))

    def items(self, key: str, limit: int) -> list[tuple[object, str]]:
        v = self.value.get(key, [])
        if not isinstance(v, list):
            raise InvalidInput(self.at(key), "must be a list")
        if len(v) > limit:
            raise InvalidInput(self.at(key), f"has more than {limit:,} items")
        return [(item, f"{self.at(key)}[{i}]") for i, item in enumerate(v)]

    def texts(self, key: str, limit: int) -> tuple[str, ...]:
        out = []
        for item, where in self.items(key, limit):
            if not isinstance(item, str):
                raise InvalidInput(where, "must be text")
            out.append(item)
        return tuple(out)

    def lowered(self, key: str) -> str:
        """Required text compared case-insensitively (hex digests, UUIDs, media types)."""
        return self.required_text(key).lower()


# -- the records -------------------------------------------------------------------------


@dataclass(frozen=True)
class PriorStatement:
    """A statement the survivor already gave elsewhere: legal teams avoid re-interviewing."""

    organisation: str
    date: PartialDate | None = None

    KEYS = ("organisation", "date")

    def __post_init__(self) -> None:
        _check_text(self.organisation, "organisation", required=True)

    @classmethod
    def from_dict(cls, d: object, path: str = "") -> PriorStatement:
        r = _Reader(d, path, cls.KEYS)
        organisation, when = r.required_text("organisation"), r.partial_date("date")
        with _under(path):
            return cls(organisation, when)

    def to_dict(self) -> dict[str, Any]:
        return {"organisation": self.organisation, "date": _str(self.date)}


@dataclass(frozen=True)
class Survivor:
    """Who gave the testimony, by pseudonym only."""

    pseudonym: str
    sex: str | None = None
    birth_year: int | None = None
    origin: str | None = None
    prior_statements: tuple[PriorStatement, ...] = ()
    risk: tuple[str, ...] = ()
    # "1980-1984": what a redacted export carries instead of birth_year when the exact
    # year would single the survivor out (intake.reidentify).
    birth_year_band: str | None = None

    KEYS = ("pseudonym", "sex", "birth_year", "origin", "prior_statements", "risk",
            "birth_year_band")

    def __post_init__(self) -> None:
        _check_text(self.pseudonym, "pseudonym", limit=MAX_PSEUDONYM, required=True, line=True)
        _check_choice(self.sex, "sex", SEXES)
        if self.birth_year is not None:
            if type(self.birth_year) is not int:
                raise InvalidInput("birth_year", "must be a whole number")
            this_year = date.today().year
            if not 1900 <= self.birth_year <= this_year:
                raise InvalidInput("birth_year", f"must be between 1900 and {this_year}")
        if self.birth_year_band is not None:
            _check_year_band(self.birth_year_band)
            if self.birth_year is not None:
                raise InvalidInput("birth_year_band", "give birth_year or a band, not both")
        _check_optional_text(self.origin, "origin")
        _check_count(self.prior_statements, "prior_statements", MAX_SMALL_LIST)
        _check_count(self.risk, "risk", MAX_SMALL_LIST)
        for i, flag in enumerate(self.risk):
            _check_choice(flag, f"risk[{i}]", RISK_FLAGS)
        if len(set(self.risk)) != len(self.risk):
            raise InvalidInput("risk", "lists a flag twice")

    @classmethod
    def from_dict(cls, d: object, path: str = "survivor") -> Survivor:
        r = _Reader(d, path, cls.KEYS, named=_SURVIVOR_NAMED)
        prior = tuple(
            PriorStatement.from_dict(item, where)
            for item, where in r.items("prior_statements", MAX_SMALL_LIST)
        )
        values = (r.required_text("pseudonym"), r.text("sex"), r.integer("birth_year"),
                  r.text("origin"), prior, r.texts("risk", MAX_SMALL_LIST),
                  r.text("birth_year_band"))
        with _under(path):
            return cls(*values)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pseudonym": self.pseudonym,
            "sex": self.sex,
            "birth_year": self.birth_year,
            "origin": self.origin,
            "prior_statements": [p.to_dict() for p in self.prior_statements],
            "risk": list(self.risk),
            "birth_year_band": self.birth_year_band,
        }


def _check_year_band(band: object) -> None:
    parts = band.split("-") if isinstance(band, str) else []
    if (len(parts) != 2 or not all(p.isascii() and p.isdigit() and len(p) == 4 for p in parts)
            or not 1900 <= int(parts[0]) <= int(parts[1]) <= date.today().year + 5):
        raise InvalidInput("birth_year_band", "must be two years like 1980-1984")


@dataclass(frozen=True)
class PersonPresent:
    """Someone in the room besides survivor, interviewer and interpreter: role only."""

    role: str
    organisation: str | None = None

    KEYS = ("role", "organisation")

    def __post_init__(self) -> None:
        _check_text(self.role, "role", required=True, line=True)
        _check_optional_text(self.organisation, "organisation", line=True)

    @classmethod
    def from_dict(cls, d: object, path: str = "") -> PersonPresent:
        r = _Reader(d, path, cls.KEYS, named=_PERSON_NAMED)
        values = (r.required_text("role"), r.text("organisation"))
        with _under(path):
            return cls(*values)

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "organisation": self.organisation}


@dataclass(frozen=True)
class Interview:
    """When, where and how the statement was taken (Istanbul Protocol, Murad Code)."""

    date: PartialDate | None = None
    place: str | None = None
    language: str | None = None
    interviewer: str | None = None
    interpreter: str | None = None
    start: time | None = None
    end: time | None = None
    persons_present: tuple[PersonPresent, ...] = ()
    mode: str | None = None
    recorded: bool | None = None
    depth: str | None = None
    restrictions: str | None = None

    KEYS = ("date", "place", "language", "interviewer", "interpreter", "start", "end",
            "persons_present", "mode", "recorded", "depth", "restrictions")

    def __post_init__(self) -> None:
        if self.date is not None and not isinstance(self.date, PartialDate):
            raise InvalidInput("date", "must be a PartialDate")
        for name in ("place", "interviewer", "interpreter", "restrictions"):
            _check_optional_text(getattr(self, name), name)
        _check_language(self.language, "language")
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, time) or value.utcoffset() is None):
                raise InvalidInput(name, "must be a time of day with its zone")
        _check_count(self.persons_present, "persons_present", MAX_SMALL_LIST)
        _check_choice(self.mode, "mode", MODES)
        _check_bool(self.recorded, "recorded", optional=True)
        _check_choice(self.depth, "depth", DEPTHS)

    @classmethod
    def from_dict(cls, d: object, path: str = "interview") -> Interview:
        r = _Reader(d, path, cls.KEYS)
        present = tuple(
            PersonPresent.from_dict(item, where)
            for item, where in r.items("persons_present", MAX_SMALL_LIST)
        )
        values = (r.partial_date("date"), r.text("place"), r.text("language"),
                  r.text("interviewer"), r.text("interpreter"), r.clock("start"),
                  r.clock("end"), present, r.text("mode"), r.flag("recorded", None),
                  r.text("depth"), r.text("restrictions"))
        with _under(path):
            return cls(*values)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": _str(self.date),
            "place": self.place,
            "language": self.language,
            "interviewer": self.interviewer,
            "interpreter": self.interpreter,
            "start": format_time_with_zone(self.start) if self.start else None,
            "end": format_time_with_zone(self.end) if self.end else None,
            "persons_present": [p.to_dict() for p in self.persons_present],
            "mode": self.mode,
            "recorded": self.recorded,
            "depth": self.depth,
            "restrictions": self.restrictions,
        }


@dataclass(frozen=True)
class Consent:
    """What the survivor agreed to. Nothing given means nothing may leave the store."""

    recorded: date | None = None
    legal: bool = False
    advocacy: bool = False
    publication: bool = False
    withdrawn: date | None = None
    form_version: str | None = None
    language: str | None = None
    explained_by: tuple[str, ...] = ()
    recontact: bool | None = None
    expires: date | None = None
    identity_to_court: bool | None = None
    withdrawal_note: str | None = None

    KEYS = ("recorded", "legal", "advocacy", "publication", "withdrawn", "form_version",
            "language", "explained_by", "recontact", "expires", "identity_to_court",
            "withdrawal_note")

    def __post_init__(self) -> None:
        for name in ("recorded", "withdrawn", "expires"):
            value = getattr(self, name)
            if value is not None and type(value) is not date:
                raise InvalidInput(name, "must be a date")
        for name in PURPOSES:
            _check_bool(getattr(self, name), name)
        for name in ("recontact", "identity_to_court"):
            _check_bool(getattr(self, name), name, optional=True)
        _check_optional_text(self.form_version, "form_version", line=True)
        _check_language(self.language, "language")
        _check_count(self.explained_by, "explained_by", MAX_SMALL_LIST)
        for i, who in enumerate(self.explained_by):
            _check_text(who, f"explained_by[{i}]", required=True, line=True)
        _check_optional_text(self.withdrawal_note, "withdrawal_note")
        if self.recorded and self.withdrawn and self.withdrawn < self.recorded:
            raise InvalidInput("withdrawn", "is before consent was recorded")
        if self.recorded and self.expires and self.expires <= self.recorded:
            raise InvalidInput("expires", "must be after the day consent was recorded")

    @property
    def scopes(self) -> tuple[str, ...]:
        """The purposes consent was given for (even if since withdrawn)."""
        return tuple(p for p in PURPOSES if getattr(self, p))

    def covers(self, purpose: str, on: date) -> tuple[bool, str]:
        """Whether consent allows ``purpose`` on day ``on``, and why not if it does not.

        A withdrawal, whatever its date, ends every purpose: it is never undone. ``expires``
        is the first day on which consent no longer holds.
        """
        if purpose not in PURPOSES:
            raise InvalidInput("purpose", f"{shown(purpose)} is not one of {', '.join(PURPOSES)}")
        if self.withdrawn is not None:
            return False, f"consent was withdrawn on {self.withdrawn.isoformat()}"
        if self.recorded is None:
            return False, "no consent has been recorded"
        if on < self.recorded:
            return False, f"consent was only recorded on {self.recorded.isoformat()}"
        if self.expires is not None and on >= self.expires:
            return False, f"consent expired on {self.expires.isoformat()}"
        if not getattr(self, purpose):
            return False, f"consent was not given for {purpose} use"
        return True, f"consent recorded on {self.recorded.isoformat()} covers {purpose} use"

    @classmethod
    def from_dict(cls, d: object, path: str = "consent") -> Consent:
        r = _Reader(d, path, cls.KEYS)
        values = (r.full_date("recorded"), r.strict_flag("legal"), r.strict_flag("advocacy"),
                  r.strict_flag("publication"), r.full_date("withdrawn"), r.text("form_version"),
                  r.text("language"), r.texts("explained_by", MAX_SMALL_LIST),
                  r.flag("recontact", None), r.full_date("expires"),
                  r.flag("identity_to_court", None), r.text("withdrawal_note"))
        with _under(path):
            return cls(*values)

    def to_dict(self) -> dict[str, Any]:
        return {
            "recorded": _iso(self.recorded),
            "legal": self.legal,
            "advocacy": self.advocacy,
            "publication": self.publication,
            "withdrawn": _iso(self.withdrawn),
            "form_version": self.form_version,
            "language": self.language,
            "explained_by": list(self.explained_by),
            "recontact": self.recontact,
            "expires": _iso(self.expires),
            "identity_to_court": self.identity_to_court,
            "withdrawal_note": self.withdrawal_note,
        }


@dataclass(frozen=True)
class Event:
    """One thing that happened, typed by the event_types vocabulary.

    ``end`` is None for something that happened within ``start`` (an arrest) or whose end
    the survivor does not know. ``agency`` is which institution ran the place; it is only
    ever what the survivor or a document said, never inferred from the facility kind.
    """

    type: str
    start: PartialDate | None = None
    end: PartialDate | None = None
    approx: bool = False
    place: str | None = None
    facility: str | None = None
    facility_kind: str | None = None
    perpetrator: str | None = None
    agency: str | None = None
    perpetrator_description: str | None = None
    knowledge: str | None = None
    description: str = ""
    sources: tuple[str, ...] = ()

    KEYS = ("type", "start", "end", "approx", "place", "facility", "facility_kind",
            "perpetrator", "agency", "perpetrator_description", "knowledge", "description",
            "sources")

    def __post_init__(self) -> None:
        if not isinstance(self.type, str) or self.type not in vocabulary.load("event_types"):
            raise InvalidInput("type", f"{shown(self.type)} is not a term of event_types")
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, PartialDate):
                raise InvalidInput(name, "must be a PartialDate")
        if self.start and self.end and self.end.latest() < self.start.earliest():
            raise InvalidInput("end", f"{self.end} is before the start, {self.start}")
        _check_bool(self.approx, "approx")
        for name in ("place", "facility", "perpetrator_description"):
            _check_optional_text(getattr(self, name), name)
        _check_term(self.facility_kind, "facility_kind", "facilities")
        _check_term(self.perpetrator, "perpetrator", "perpetrators")
        _check_term(self.agency, "agency", "perpetrators")
        if self.agency is not None and vocabulary.load("perpetrators")[self.agency].kind != "state":
            raise InvalidInput("agency", f"{shown(self.agency)} is not a state institution")
        _check_choice(self.knowledge, "knowledge", KNOWLEDGE)
        _check_text(self.description, "description", limit=MAX_DESCRIPTION)
        _check_count(self.sources, "sources", MAX_ATTACHMENTS)
        for i, source in enumerate(self.sources):
            _check_uuid(source, f"sources[{i}]")
        if len(set(self.sources)) != len(self.sources):
            raise InvalidInput("sources", "lists an attachment twice")

    @classmethod
    def from_dict(cls, d: object, path: str = "") -> Event:
        r = _Reader(d, path, cls.KEYS)
        values = (r.required_text("type"), r.partial_date("start"), r.partial_date("end"),
                  r.strict_flag("approx"), r.text("place"), r.text("facility"),
                  r.text("facility_kind"), r.text("perpetrator"), r.text("agency"),
                  r.text("perpetrator_description"), r.text("knowledge"),
                  r.text("description") or "",
                  tuple(s.lower() for s in r.texts("sources", MAX_ATTACHMENTS)))
        with _under(path):
            return cls(*values)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "start": _str(self.start),
            "end": _str(self.end),
            "approx": self.approx,
            "place": self.place,
            "facility": self.facility,
            "facility_kind": self.facility_kind,
            "perpetrator": self.perpetrator,
            "agency": self.agency,
            "perpetrator_description": self.perpetrator_description,
            "knowledge": self.knowledge,
            "description": self.description,
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class AttachmentRef:
    """An audio, photo or document file kept encrypted in the store's ``blobs/``."""

    id: str
    name: str
    media_type: str
    sha256: str
    size: int

    KEYS = ("id", "name", "media_type", "sha256", "size")

    def __post_init__(self) -> None:
        _check_uuid(self.id, "id")
        _check_text(self.name, "name", limit=MAX_FILE_NAME, required=True, line=True)
        if "/" in self.name or "\\" in self.name or self.name in {".", ".."}:
            raise InvalidInput("name", "must be a file name, not a path")
        if not isinstance(self.media_type, str) or not _MEDIA_TYPE.fullmatch(self.media_type):
            raise InvalidInput("media_type", "must be a lower-case media type like audio/mp4")
        if not isinstance(self.sha256, str) or not _SHA256.fullmatch(self.sha256):
            raise InvalidInput("sha256", "must be 64 lower-case hex digits")
        if type(self.size) is not int or self.size < 0:
            raise InvalidInput("size", "must be a whole number of bytes, 0 or more")

    @classmethod
    def from_dict(cls, d: object, path: str = "") -> AttachmentRef:
        r = _Reader(d, path, cls.KEYS)
        values = (r.lowered("id"), r.required_text("name"), r.lowered("media_type"),
                  r.lowered("sha256"), r.required_integer("size"))
        with _under(path):
            return cls(*values)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "media_type": self.media_type,
                "sha256": self.sha256, "size": self.size}


KEEP = "KEEP"


@dataclass(frozen=True)
class Redaction:
    """A span of one text field to replace in redacted exports; the record keeps the text.

    ``start`` and ``end`` count Unicode code points (Python ``str`` indices), end exclusive.
    A span of kind :data:`KEEP` (replacement ``""``) records the opposite decision: the
    interviewer rejected the detector's finding there, so exports leave that text as it
    is. Spans of both kinds move with their words when the text is edited; a finding
    that no longer matches a KEEP span exactly is redacted again (the safe side).
    """

    field: str
    start: int
    end: int
    kind: str
    replacement: str

    KEYS = ("field", "start", "end", "kind", "replacement")

    def __post_init__(self) -> None:
        if not isinstance(self.field, str) or _field_template(self.field) is None:
            raise InvalidInput("field", f"{shown(self.field, 60)} is not a redactable field")
        for name in ("start", "end"):
            if type(getattr(self, name)) is not int or getattr(self, name) < 0:
                raise InvalidInput(name, "must be a whole number, 0 or more")
        if self.end <= self.start:
            raise InvalidInput("end", "must be after start")
        if not isinstance(self.kind, str) or not _KIND.fullmatch(self.kind):
            raise InvalidInput("kind", f"{shown(self.kind)} is not a kind such as PERSON")
        _check_text(self.replacement, "replacement", line=True)

    @classmethod
    def from_dict(cls, d: object, path: str = "") -> Redaction:
        r = _Reader(d, path, cls.KEYS)
        values = (r.required_text("field"), r.required_integer("start"),
                  r.required_integer("end"), r.required_text("kind"),
                  r.required_text("replacement"))
        with _under(path):
            return cls(*values)

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "start": self.start, "end": self.end, "kind": self.kind,
                "replacement": self.replacement}


@dataclass(frozen=True)
class ImageRedaction:
    """A box to fill solid in one image attachment when an export redacts it.

    Coordinates are pixels of the upright image (EXIF orientation applied), as
    :class:`intake.media.images.Box` takes them. Like a text redaction it never changes
    what is stored: the original blob stays as it was; an export draws the box on a copy.
    """

    attachment: str
    x: int
    y: int
    width: int
    height: int

    KEYS = ("attachment", "x", "y", "width", "height")

    def __post_init__(self) -> None:
        _check_uuid(self.attachment, "attachment")
        for name in ("x", "y", "width", "height"):
            value = getattr(self, name)
            if type(value) is not int:
                raise InvalidInput(name, "must be a whole number of pixels")
            if value > MAX_IMAGE_SIDE:
                raise InvalidInput(name, f"is larger than {MAX_IMAGE_SIDE:,} pixels")
        for name in ("x", "y"):
            if getattr(self, name) < 0:
                raise InvalidInput(name, "must be 0 or more")
        for name in ("width", "height"):
            if getattr(self, name) < 1:
                raise InvalidInput(name, "must be 1 pixel or more")

    @classmethod
    def from_dict(cls, d: object, path: str = "") -> ImageRedaction:
        r = _Reader(d, path, cls.KEYS)
        values = (r.lowered("attachment"), r.required_integer("x"), r.required_integer("y"),
                  r.required_integer("width"), r.required_integer("height"))
        with _under(path):
            return cls(*values)

    def to_dict(self) -> dict[str, Any]:
        return {"attachment": self.attachment, "x": self.x, "y": self.y, "width": self.width,
                "height": self.height}


def _field_template(path: str) -> str | None:
    """``events[2].description`` → ``events[].description`` if redactable, else None."""
    parts = path.split(".")
    out = []
    for part in parts:
        m = _PATH_PART.fullmatch(part)
        if m is None:
            return None
        out.append(m.group(1) + ("[]" if m.group(2) is not None else ""))
    template = ".".join(out)
    return template if template in REDACTABLE_FIELDS else None


@dataclass(frozen=True)
class TestimonySummary:
    """What a list view shows of a testimony, without its text."""

    __test__ = False  # not a pytest test class, whatever its name

    id: str
    revision: int
    pseudonym: str
    interview_date: PartialDate | None
    place: str | None
    event_types: tuple[str, ...]
    consent_scopes: tuple[str, ...]
    withdrawn: bool

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "revision": self.revision, "pseudonym": self.pseudonym,
                "interview_date": _str(self.interview_date), "place": self.place,
                "event_types": list(self.event_types),
                "consent_scopes": list(self.consent_scopes), "withdrawn": self.withdrawn}


@dataclass(frozen=True)
class Testimony:
    """One survivor's testimony at one revision."""

    __test__ = False  # not a pytest test class, whatever its name

    id: str
    revision: int
    survivor: Survivor
    interview: Interview = field(default_factory=Interview)
    consent: Consent = field(default_factory=Consent)
    events: tuple[Event, ...] = ()
    narrative: str = ""
    attachments: tuple[AttachmentRef, ...] = ()
    redactions: tuple[Redaction, ...] = ()
    names: tuple[str, ...] = ()
    schema: str = SCHEMA
    # Boxes to fill in image attachments on a redacted export (the blobs stay untouched).
    image_redactions: tuple[ImageRedaction, ...] = ()

    KEYS = ("schema", "id", "revision", "survivor", "interview", "consent", "events",
            "narrative", "attachments", "redactions", "names", "image_redactions")

    def __post_init__(self) -> None:
        if self.schema != SCHEMA:
            raise InvalidInput("schema", f"{shown(self.schema)} is not {SCHEMA}")
        _check_uuid(self.id, "id")
        if type(self.revision) is not int or self.revision < 1:
            raise InvalidInput("revision", "must be a whole number, 1 or more")
        for name, kind in (("survivor", Survivor), ("interview", Interview),
                           ("consent", Consent)):
            if not isinstance(getattr(self, name), kind):
                raise InvalidInput(name, f"must be a {kind.__name__}")
        _check_count(self.events, "events", MAX_EVENTS)
        _check_text(self.narrative, "narrative", limit=MAX_NARRATIVE)
        _check_count(self.attachments, "attachments", MAX_ATTACHMENTS)
        _check_count(self.redactions, "redactions", MAX_REDACTIONS)
        _check_count(self.names, "names", MAX_NAMES)
        for i, name in enumerate(self.names):
            _check_text(name, f"names[{i}]", limit=MAX_NAME, required=True, line=True)
        attachment_ids = [a.id for a in self.attachments]
        if len(set(attachment_ids)) != len(attachment_ids):
            raise InvalidInput("attachments", "lists the same attachment id twice")
        known = set(attachment_ids)
        for i, event in enumerate(self.events):
            for j, source in enumerate(event.sources):
                if source not in known:
                    raise InvalidInput(f"events[{i}].sources[{j}]",
                                       "is not the id of one of this testimony's attachments")
        for i, r in enumerate(self.redactions):
            text = self.text_at(r.field, missing_ok=True)
            if text is None:
                raise InvalidInput(f"redactions[{i}].field", "names a field that is empty or "
                                   "does not exist in this testimony")
            if r.end > len(text):
                raise InvalidInput(f"redactions[{i}].end", f"lies beyond the end of the field "
                                   f"({len(text):,} characters)")
        _check_count(self.image_redactions, "image_redactions", MAX_IMAGE_REDACTIONS)
        for i, box in enumerate(self.image_redactions):
            if not isinstance(box, ImageRedaction):
                raise InvalidInput(f"image_redactions[{i}]", "must be an ImageRedaction")
            if box.attachment not in known:
                raise InvalidInput(f"image_redactions[{i}].attachment",
                                   "is not the id of one of this testimony's attachments")

    # -- reading and writing testimony/1 ------------------------------------------------

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], *, new: bool = False) -> Testimony:
        """Read a testimony/1 object, refusing anything it does not define.

        With ``new`` (a record entered for the first time, e.g. by ``add``), a missing id
        becomes a fresh UUID and a missing revision 1; otherwise both are required.
        """
        r = _Reader(d, "", cls.KEYS)
        schema = r.value.get("schema")
        if schema is None:
            raise InvalidInput("schema", f'is required and must be "{SCHEMA}"')
        if schema != SCHEMA:
            raise InvalidInput("schema", f"{shown(schema)} is not a schema this version reads "
                               f"(it reads {SCHEMA})")
        if new and r.value.get("id") is None:
            testimony_id = str(uuid.uuid4())
        else:
            testimony_id = r.lowered("id")
        revision = r.integer("revision", required=not new)
        survivor = r.value.get("survivor")
        if survivor is None:
            raise InvalidInput("survivor", "is required (at least a pseudonym)")
        return cls(
            schema=SCHEMA,
            id=testimony_id,
            revision=1 if revision is None else revision,
            survivor=Survivor.from_dict(survivor),
            interview=Interview.from_dict(_or_empty(r.value.get("interview"))),
            consent=Consent.from_dict(_or_empty(r.value.get("consent"))),
            events=tuple(Event.from_dict(item, where)
                         for item, where in r.items("events", MAX_EVENTS)),
            narrative=r.text("narrative") or "",
            attachments=tuple(AttachmentRef.from_dict(item, where)
                              for item, where in r.items("attachments", MAX_ATTACHMENTS)),
            redactions=tuple(Redaction.from_dict(item, where)
                             for item, where in r.items("redactions", MAX_REDACTIONS)),
            names=r.texts("names", MAX_NAMES),
            image_redactions=tuple(
                ImageRedaction.from_dict(item, where)
                for item, where in r.items("image_redactions", MAX_IMAGE_REDACTIONS)),
        )

    def to_dict(self) -> dict[str, Any]:
        """The canonical testimony/1 object: every key, in DESIGN §5's order (see
        :meth:`_image_redactions_dict` for the one key written only when it has content)."""
        return {
            "schema": self.schema,
            "id": self.id,
            "revision": self.revision,
            "survivor": self.survivor.to_dict(),
            "interview": self.interview.to_dict(),
            "consent": self.consent.to_dict(),
            "events": [e.to_dict() for e in self.events],
            "narrative": self.narrative,
            "attachments": [a.to_dict() for a in self.attachments],
            "redactions": [x.to_dict() for x in self.redactions],
            "names": list(self.names),
        } | self._image_redactions_dict()

    def _image_redactions_dict(self) -> dict[str, Any]:
        """``image_redactions`` last, and only when there are boxes: a record without any
        serialises to exactly the bytes it had before the field existed, so stored hashes,
        fixtures and readers that refuse unknown keys are unaffected."""
        if not self.image_redactions:
            return {}
        return {"image_redactions": [b.to_dict() for b in self.image_redactions]}

    def to_json(self, *, indent: int | None = None) -> str:
        """Canonical JSON text (UTF-8 when encoded, non-ASCII kept as is)."""
        separators = (",", ": ") if indent is not None else (",", ":")
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent,
                          separators=separators)

    # -- helpers for list views and redaction --------------------------------------------

    def summary(self) -> TestimonySummary:
        return TestimonySummary(
            id=self.id,
            revision=self.revision,
            pseudonym=self.survivor.pseudonym,
            interview_date=self.interview.date,
            place=self.interview.place,
            event_types=tuple(dict.fromkeys(e.type for e in self.events)),
            consent_scopes=self.consent.scopes,
            withdrawn=self.consent.withdrawn is not None,
        )

    def text_at(self, path: str, *, missing_ok: bool = False) -> str | None:
        """The text of a redactable field, e.g. ``events[2].description``.

        An empty optional field gives None. A path that is not a redactable field, or an
        index past the end of its list, raises InvalidInput unless ``missing_ok``.
        """
        if _field_template(path) is None:
            if missing_ok:
                return None
            raise InvalidInput("field", f"{shown(path, 60)} is not a redactable field")
        node: Any = self
        for part in path.split("."):
            m = _PATH_PART.fullmatch(part)
            assert m is not None
            node = getattr(node, m.group(1))
            if m.group(2) is not None:
                index = int(m.group(2))
                if index >= len(node):
                    if missing_ok:
                        return None
                    raise InvalidInput("field", f"{shown(path, 60)} does not exist")
                node = node[index]
        return node if isinstance(node, str) else None

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every non-empty redactable text as ``(field path, text)``: what a scan reads."""
        if self.narrative:
            yield "narrative", self.narrative
        s, iv, c = self.survivor, self.interview, self.consent
        pairs: list[tuple[str, str | None]] = [("survivor.origin", s.origin)]
        pairs += [(f"survivor.prior_statements[{i}].organisation", p.organisation)
                  for i, p in enumerate(s.prior_statements)]
        pairs += [(f"interview.{n}", getattr(iv, n))
                  for n in ("place", "interviewer", "interpreter", "restrictions")]
        for i, p in enumerate(iv.persons_present):
            pairs += [(f"interview.persons_present[{i}].role", p.role),
                      (f"interview.persons_present[{i}].organisation", p.organisation)]
        pairs += [(f"consent.explained_by[{i}]", who) for i, who in enumerate(c.explained_by)]
        pairs.append(("consent.withdrawal_note", c.withdrawal_note))
        for i, e in enumerate(self.events):
            pairs += [(f"events[{i}].{n}", getattr(e, n))
                      for n in ("place", "facility", "perpetrator_description", "description")]
        pairs += [(f"attachments[{i}].name", a.name) for i, a in enumerate(self.attachments)]
        for path, text in pairs:
            if text:
                yield path, text


def _or_empty(value: object) -> object:
    """An absent or null sub-object reads as an empty one; anything else is checked."""
    return {} if value is None else value


def _str(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


# -- JSON text in, testimonies out -----------------------------------------------------


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _depth_exceeds(value: object, limit: int) -> bool:
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def _decode(data: str | bytes) -> str:
    if isinstance(data, bytes | bytearray):
        if len(data) > MAX_DOCUMENT_BYTES:
            raise InvalidInput("", f"the input is larger than {MAX_DOCUMENT_BYTES:,} bytes")
        try:
            return bytes(data).decode("utf-8")
        except UnicodeDecodeError as e:
            line = bytes(data[: e.start]).count(b"\n") + 1
            raise InvalidInput("", f"the input is not valid UTF-8 (line {line}, byte "
                               f"{e.start})") from None
    if not isinstance(data, str):
        raise InvalidInput("", "the input must be text or bytes")
    return data


def _load_object(text: str) -> dict[str, Any]:
    """One JSON object from text, with a one-line reason for every way it can be wrong."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InvalidInput("", "the input is empty")
    if len(text) > MAX_DOCUMENT_BYTES:
        raise InvalidInput("", f"the input is larger than {MAX_DOCUMENT_BYTES:,} characters")
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates,
                           parse_constant=_refuse_constant)
    except json.JSONDecodeError as e:
        raise InvalidInput("", f"not valid JSON: {e.msg} at line {e.lineno}, column "
                           f"{e.colno}") from None
    except RecursionError:
        raise InvalidInput("", f"the JSON is nested more than {MAX_DEPTH} levels deep") from None
    except _DuplicateKey as e:
        raise InvalidInput("", f"a JSON object repeats the key {shown(e.key)}") from None
    except ValueError as e:  # NaN/Infinity, or an integer too long to convert
        reason = "a number has too many digits" if "digits" in str(e) else str(e)
        raise InvalidInput("", f"not valid JSON: {reason}") from None
    if not isinstance(value, dict):
        raise InvalidInput("", "the top level must be a JSON object (one testimony)")
    if _depth_exceeds(value, MAX_DEPTH):
        raise InvalidInput("", f"the JSON is nested more than {MAX_DEPTH} levels deep")
    return value


def parse_testimony_json(data: str | bytes, *, new: bool = False) -> Testimony:
    """One testimony from a ``.json`` file's content (``new`` as in ``from_dict``)."""
    return Testimony.from_dict(_load_object(_decode(data)), new=new)


def parse_testimony_jsonl(data: str | bytes, *, new: bool = False) -> list[Testimony]:
    """Every testimony of a ``.jsonl`` file, one per line; blank lines are skipped.

    All or nothing: the first bad line rejects the whole file, and the error names it
    (``line 3: events[0].type``). The same id on two lines is refused.
    """
    text = _decode(data).removeprefix("\ufeff")
    out: list[Testimony] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            t = Testimony.from_dict(_load_object(line.removesuffix("\r")), new=new)
        except InvalidInput as e:
            where = f"line {number}: {e.field}" if e.field else f"line {number}"
            raise InvalidInput(where, e.reason) from None
        if t.id in seen:
            raise InvalidInput(f"line {number}: id",
                               f"the same testimony id as line {seen[t.id]}")
        seen[t.id] = number
        out.append(t)
    if not out:
        raise InvalidInput("", "the input is empty")
    return out


def to_jsonl(testimonies: list[Testimony]) -> str:
    """Canonical JSON Lines: one testimony per line, each line ending in a newline."""
    return "".join(t.to_json() + "\n" for t in testimonies)
