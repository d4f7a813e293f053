"""The survivor, interview and consent parts of the testimony form.

There is no field for the survivor's name, on purpose: the model refuses one, and a form
that offered it would invite it. People present are recorded by role and organisation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from intake.model import MAX_PSEUDONYM, PURPOSES
from ui.editor.fields import (
    ChoiceCombo,
    DateEdit,
    TimeEdit,
    TriStateCombo,
    plain_text,
    text_value,
    with_today,
)
from ui.editor.place_edit import PlaceEdit
from ui.editor.rows import RowsEditor
from ui.editor.section import Section, Slot
from ui.records import labels


def _tr(text: str) -> str:
    return QCoreApplication.translate("EditorSections", text)


def _text(d: dict[str, Any], key: str) -> str:
    value = d.get(key)
    return "" if value is None else str(value)


def _small_text(parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def languages() -> list[tuple[str, str]]:
    return [(code, f"{labels.language_label(code)} ({code})")
            for code in ("ko", "en", "zh", "ja", "ru")]


class SurvivorSection(Section):
    """Pseudonym, sex, birth year, origin, risk flags, statements given elsewhere."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pseudonym = QLineEdit(self)
        self.pseudonym.setMaxLength(MAX_PSEUDONYM)
        self.pseudonym.setPlaceholderText(_tr("e.g. S-0142"))
        row = self.add("pseudonym", _tr("Pseudonym"), self.pseudonym)
        row.set_hint(_tr("Never a real name. Names to hide go in the redaction list."))
        self.sex = ChoiceCombo([(s, labels.sex_label(s))
                                for s in ("female", "male", "other", "unknown")], self)
        self.add("sex", _tr("Sex"), self.sex)
        self.birth_year = QLineEdit(self)
        self.birth_year.setPlaceholderText(_tr("e.g. 1985"))
        self.birth_year.setMaxLength(8)
        self.birth_year.setMaximumWidth(self.fontMetrics().horizontalAdvance("0" * 12))
        self.add("birth_year", _tr("Birth year"), self.birth_year)
        self.birth_band = QLineEdit(self)
        self.birth_band.setPlaceholderText(_tr("e.g. 1980-1984"))
        self.birth_band.setMaxLength(12)
        self.birth_band.setMaximumWidth(self.fontMetrics().horizontalAdvance("0" * 16))
        self.add("birth_year_band", _tr("Born between"), self.birth_band).set_hint(
            _tr("Instead of the year, when only a range is known (not both)."))
        self.origin = PlaceEdit(lang, self)
        self.origin_row = self.add("origin", _tr("Origin"), self.origin)
        self.origin.textChanged.connect(lambda: self.origin_row.set_hint(self.origin.hint()))
        self.family = QCheckBox(labels.risk_label("family_in_north_korea"), self)
        self.in_china = QCheckBox(labels.risk_label("in_china"), self)
        risk = QWidget(self)
        risk_layout = QVBoxLayout(risk)
        risk_layout.setContentsMargins(0, 0, 0, 0)
        risk_layout.addWidget(self.family)
        risk_layout.addWidget(self.in_china)
        self.add("risk", _tr("Risk"), risk, watch=(self.family, self.in_china)).set_hint(
            _tr("Exports of an at-risk survivor offer only the redacted level."))
        self.prior = RowsEditor([("organisation", _tr("Organisation")),
                                 ("date", _tr("Date (YYYY or YYYY-MM)"))], self,
                                add_label=_tr("Add statement"))
        self.add("prior_statements", _tr("Prior statements"), self.prior).set_hint(
            _tr("Statements already given elsewhere: legal teams avoid interviewing again."))
        self._other_risks: list[Any] = []

    def load(self, d: dict[str, Any]) -> None:
        self.pseudonym.setText(_text(d, "pseudonym"))
        self.sex.set_value(d.get("sex"))
        self.birth_year.setText(_text(d, "birth_year"))
        self.birth_band.setText(_text(d, "birth_year_band"))
        self.origin.setText(_text(d, "origin"))
        risk = d.get("risk") if isinstance(d.get("risk"), list) else []
        self.family.setChecked("family_in_north_korea" in risk)
        self.in_china.setChecked("in_china" in risk)
        self._other_risks = [r for r in risk if r not in ("family_in_north_korea", "in_china")]
        self.prior.set_value(d.get("prior_statements"))

    def to_dict(self) -> dict[str, Any]:
        year: object = self.birth_year.text().strip() or None
        if isinstance(year, str) and year.isdigit():
            year = int(year)
        risk = [flag for flag, box in (("family_in_north_korea", self.family),
                                       ("in_china", self.in_china)) if box.isChecked()]
        return {"pseudonym": self.pseudonym.text(), "sex": self.sex.value(),
                "birth_year": year, "origin": text_value(self.origin),
                "prior_statements": self.prior.value(), "risk": risk + self._other_risks,
                "birth_year_band": self.birth_band.text().strip() or None}

    def local_problems(self) -> dict[str, str]:
        out = super().local_problems()
        year = self.birth_year.text().strip()
        if year and not year.isdigit():
            out["birth_year"] = _tr("Type the year in digits, e.g. 1985")
        return out

    def slots(self) -> list[tuple[str, Slot, str]]:
        out: list[tuple[str, Slot, str]] = [("survivor.origin", ("survivor.origin",),
                                             self.origin.text())]
        for i, (uid, row) in enumerate(self.prior.rows()):
            out.append((f"survivor.prior_statements[{i}].organisation", ("prior", uid),
                        row.get("organisation") or ""))
        return out

    def clear(self) -> None:
        self.load({})
        self.prior.clear()


class InterviewSection(Section):
    """When, where and how the statement was taken (Istanbul Protocol, Murad Code)."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date = DateEdit(self)
        self.add("date", _tr("Date"), self.date)
        self.start, self.end = TimeEdit(self), TimeEdit(self)
        times = QWidget(self)
        times_layout = QHBoxLayout(times)
        times_layout.setContentsMargins(0, 0, 0, 0)
        times_layout.addWidget(self.start, 1)
        times_layout.addWidget(QLabel(_tr("to"), times))
        times_layout.addWidget(self.end, 1)
        self.add("time", _tr("Time"), times, keys=("start", "end"),
                 watch=(self.start, self.end))
        self.place = PlaceEdit(lang, self)
        self.place_row = self.add("place", _tr("Place"), self.place)
        self.place.textChanged.connect(lambda: self.place_row.set_hint(self.place.hint()))
        self.language = ChoiceCombo(languages(), self)
        self.add("language", _tr("Language"), self.language)
        self.interviewer = QLineEdit(self)
        self.add("interviewer", _tr("Interviewer"), self.interviewer)
        self.interpreter = QLineEdit(self)
        self.add("interpreter", _tr("Interpreter"), self.interpreter)
        self.mode = ChoiceCombo([(m, labels.mode_label(m)) for m in ("in_person", "remote")],
                                self)
        self.add("mode", _tr("Mode"), self.mode)
        self.recorded = TriStateCombo(self, yes=_tr("Yes, audio recorded"),
                                      no=_tr("No recording"))
        self.add("recorded", _tr("Recorded"), self.recorded)
        self.depth = ChoiceCombo([(x, labels.depth_label(x)) for x in ("screening", "full")],
                                 self)
        self.add("depth", _tr("Depth"), self.depth)
        self.restrictions = _small_text(self)
        self.restrictions.setPlaceholderText(
            _tr("Anything that limited the interview (time, place, people present, health)"))
        self.add("restrictions", _tr("Restrictions"), self.restrictions)
        self.present = RowsEditor([("role", _tr("Role")), ("organisation", _tr("Organisation"))],
                                  self, add_label=_tr("Add person"))
        self.add("persons_present", _tr("Also present"), self.present).set_hint(
            _tr("Role and organisation only, never a name."))

    def load(self, d: dict[str, Any]) -> None:
        self.date.set_value(d.get("date"))
        self.start.set_value(d.get("start"))
        self.end.set_value(d.get("end"))
        self.place.setText(_text(d, "place"))
        self.language.set_value(d.get("language"))
        self.interviewer.setText(_text(d, "interviewer"))
        self.interpreter.setText(_text(d, "interpreter"))
        self.mode.set_value(d.get("mode"))
        self.recorded.set_value(d.get("recorded"))
        self.depth.set_value(d.get("depth"))
        self.restrictions.setPlainText(_text(d, "restrictions"))
        self.present.set_value(d.get("persons_present"))

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.value(), "place": text_value(self.place),
                "language": self.language.value(), "interviewer": text_value(self.interviewer),
                "interpreter": text_value(self.interpreter), "start": self.start.value(),
                "end": self.end.value(), "persons_present": self.present.value(),
                "mode": self.mode.value(), "recorded": self.recorded.value(),
                "depth": self.depth.value(),
                "restrictions": plain_text(self.restrictions) or None}

    def slots(self) -> list[tuple[str, Slot, str]]:
        out: list[tuple[str, Slot, str]] = [
            (f"interview.{name}", (f"interview.{name}",), text)
            for name, text in (("place", self.place.text()),
                               ("interviewer", self.interviewer.text()),
                               ("interpreter", self.interpreter.text()),
                               ("restrictions", plain_text(self.restrictions)))]
        for i, (uid, row) in enumerate(self.present.rows()):
            for key in ("role", "organisation"):
                out.append((f"interview.persons_present[{i}].{key}", ("present", uid, key),
                            row.get(key) or ""))
        return out

    def clear(self) -> None:
        self.load({})
        self.present.clear()


class ConsentSection(Section):
    """What the survivor agreed to, and a withdrawal no one can overlook."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = QLabel(self)
        self.banner.setObjectName("consentBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(self.banner)
        self.scopes: dict[str, QCheckBox] = {}
        scopes = QWidget(self)
        scope_layout = QVBoxLayout(scopes)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        texts = {"legal": _tr("Legal: courts, prosecutors and accountability mechanisms"),
                 "advocacy": _tr("Advocacy: reports and briefings"),
                 "publication": _tr("Publication: quoting or publishing the testimony")}
        for scope in PURPOSES:
            box = QCheckBox(texts[scope], scopes)
            self.scopes[scope] = box
            scope_layout.addWidget(box)
        self.add("scopes", _tr("Consent given for"), scopes, keys=PURPOSES,
                 watch=tuple(self.scopes.values()))
        self.recorded = DateEdit(self, full=True)
        self.add("recorded", _tr("Recorded on"), with_today(self.recorded, self),
                 watch=(self.recorded,))
        self.expires = DateEdit(self, full=True)
        self.add("expires", _tr("Expires on"), self.expires).set_hint(
            _tr("The first day the consent no longer holds; leave empty if it does not expire."))
        self.identity = TriStateCombo(self)
        self.add("identity_to_court", _tr("Identity to a court"), self.identity).set_hint(
            _tr("May the survivor's identity be disclosed to a court under protective "
                "measures?"))
        self.recontact = TriStateCombo(self)
        self.add("recontact", _tr("May be contacted again"), self.recontact)
        self.explained_by = RowsEditor([("who", _tr("Role (e.g. interviewer, interpreter)"))],
                                       self, strings=True, add_label=_tr("Add"), visible_rows=2)
        self.add("explained_by", _tr("Explained by"), self.explained_by)
        self.form_version = QLineEdit(self)
        self.add("form_version", _tr("Form version"), self.form_version)
        self.language = ChoiceCombo(languages(), self)
        self.add("language", _tr("Form language"), self.language)
        self.withdrawn = DateEdit(self, full=True)
        self.add("withdrawn", _tr("Withdrawn on"), with_today(self.withdrawn, self),
                 watch=(self.withdrawn,)).set_hint(
            _tr("Only if the survivor withdrew consent. A withdrawal ends every use."))
        self.note = _small_text(self)
        self.add("withdrawal_note", _tr("Withdrawal note"), self.note)
        self.edited.connect(self._update_banner)
        self._update_banner()

    def load(self, d: dict[str, Any]) -> None:
        for scope, box in self.scopes.items():
            box.setChecked(d.get(scope) is True)
        self.recorded.set_value(d.get("recorded"))
        self.expires.set_value(d.get("expires"))
        self.identity.set_value(d.get("identity_to_court"))
        self.recontact.set_value(d.get("recontact"))
        self.explained_by.set_value(d.get("explained_by"))
        self.form_version.setText(_text(d, "form_version"))
        self.language.set_value(d.get("language"))
        self.withdrawn.set_value(d.get("withdrawn"))
        self.note.setPlainText(_text(d, "withdrawal_note"))
        self._update_banner()

    def to_dict(self) -> dict[str, Any]:
        return {"recorded": self.recorded.value(),
                **{scope: box.isChecked() for scope, box in self.scopes.items()},
                "withdrawn": self.withdrawn.value(),
                "form_version": text_value(self.form_version),
                "language": self.language.value(), "explained_by": self.explained_by.value(),
                "recontact": self.recontact.value(), "expires": self.expires.value(),
                "identity_to_court": self.identity.value(),
                "withdrawal_note": plain_text(self.note) or None}

    def slots(self) -> list[tuple[str, Slot, str]]:
        out: list[tuple[str, Slot, str]] = [
            ("consent.withdrawal_note", ("consent.withdrawal_note",), plain_text(self.note))]
        for i, (uid, who) in enumerate(self.explained_by.rows()):
            out.append((f"consent.explained_by[{i}]", ("explained", uid), who or ""))
        return out

    def clear(self) -> None:
        self.load({})
        self.explained_by.clear()

    def _update_banner(self) -> None:
        withdrawn = self.withdrawn.value()
        given = [labels.scope_label(s) for s, box in self.scopes.items() if box.isChecked()]
        if withdrawn:
            text, state = _tr("⚠ CONSENT WITHDRAWN on {0}: this testimony must not be "
                              "exported or shared.").format(withdrawn), "withdrawn"
        elif given:
            text, state = _tr("Consent given for: {0}").format(" · ".join(given)), "given"
        else:
            text, state = _tr("No consent recorded yet: nothing may leave the store."), "none"
        self.banner.setText(text)
        self.banner.setProperty("state", state)
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
