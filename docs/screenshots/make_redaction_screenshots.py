"""Take the README's screenshots of the redaction review and the image redaction dialog.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_redaction_screenshots.py en
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_redaction_screenshots.py ko

A throwaway store with the cheap test KDF, a fictional testimony in the UI's language and
the public-domain test portrait from tests/data/images; nothing real is ever shown.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.append(str(ROOT))  # after any tree already on the path

from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

import ui  # noqa: E402,F401

OUT = Path(__file__).resolve().parent
PORTRAIT = ROOT / "tests" / "data" / "images" / "grace_hopper.jpg"

CONTENT = {
    "en": {
        "narrative": (
            "In April 2019 I was arrested in Dandong with my sister Kim Young-hee. Young-hee "
            "called me on 010-2345-6789 and wrote to kyh85@gmail.com.\n\n"
            "We were held in the Tumen border detention centre for a month. The guard, "
            "Officer Ri Chol-su, beat us when we asked for water. Hyang-mi cried every night "
            "there. My WeChat ID is hana_s85. I was born on 14 March 1985.\n\n"
            "After the forced return we were taken to the Onsong holding centre. My aunt "
            "still lives in the third house past the mill."),
        "description": "Kim Young-hee was returned across the Tumen bridge with me.",
        "name": "Park Hyang-mi",
        "manual": "the third house past the mill",
        "keep": "Ri Chol-su",
    },
    "ko": {
        "narrative": (
            "2019년 4월 단둥에서 언니 김영희와 함께 체포되었다. 영희 언니는 010-2345-6789로 "
            "연락했고 kyh85@naver.com 으로 편지를 보냈다.\n\n"
            "투먼 변방대 구류장에서 한 달을 보냈다. 경비원 리철수는 물을 달라고 하면 "
            "우리를 때렸다. 그곳에서 향미는 매일 밤 울었다. 위챗 아이디는 hana_s85였다. "
            "나는 1985년 3월 14일생이다.\n\n"
            "강제송환 후 온성 보위부 구류장으로 끌려갔다. 이모는 아직 방앗간 뒤 세 번째 "
            "집에 산다."),
        "description": "김영희 언니도 나와 함께 투먼 다리를 건너 넘겨졌다.",
        "name": "박향미",
        "manual": "방앗간 뒤 세 번째 집",
        "keep": "리철수",
    },
}


def pump(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(cond, limit_ms: int = 20_000) -> None:
    waited = 0
    while not cond() and waited < limit_ms:
        pump(25)
        waited += 25
    if not cond():
        raise SystemExit("timed out")


def shot(widget: QWidget, name: str, lang: str) -> None:
    pump(300)
    widget.grab().save(str(OUT / f"{name}-{lang}.png"))


def main(lang: str) -> None:
    from crypto.kdf import KdfPolicy
    from crypto.passphrase import encode_passphrase
    from intake.review import Status
    from tests.samples import make_testimony
    from ui import i18n
    from ui.fonts import install_fonts
    from ui.main_window import MainWindow
    from ui.messages import MessageBox
    from ui.session import Session
    from ui.settings import AppSettings

    app = QApplication(["testimony-intake"])
    i18n.install(app, lang)
    install_fonts(app)
    MessageBox.start_recording()
    tmp = Path(tempfile.mkdtemp())
    session = Session(tmp / "store", policy=KdfPolicy.insecure_for_tests())
    window = MainWindow(session, AppSettings(tmp / "settings.ini"))
    window.show()
    session.create(encode_passphrase("correct horse battery staple"), "Field team A",
                   success=lambda _k: None)
    wait_for(lambda: session.is_unlocked and session.ops.idle)

    text = CONTENT[lang]
    base = make_testimony(narrative=text["narrative"])
    base = replace(base, events=(replace(base.events[0], description=text["description"]),))
    box: dict = {}
    session.run(lambda s, _h: s.add(base), success=lambda t: box.setdefault("t", t))
    wait_for(lambda: "t" in box)
    session.run(lambda s, _h: s.attach(box["t"].id, PORTRAIT), success=lambda r: None)
    wait_for(lambda: session.ops.idle)
    ws = window.workspace
    ws.load()
    ws.select(box["t"].id)
    wait_for(lambda: ws.current is not None and window.review_action.isEnabled())

    window.review_action.trigger()
    wait_for(lambda: ws.redaction is not None and ws.redaction.dialog.history is not None
             and session.ops.idle)
    d = ws.redaction.dialog
    d.resize(1280, 800)
    items = d.state.items
    d.go_to(items[0].key)
    d.accept_current()
    d.accept_current()  # the second person mention
    keep = next(i for i in d.state.items if i.text == text["keep"])
    d.go_to(keep.key)
    d.reject_current()
    d.add_name(text["name"])
    wait_for(lambda: not d.busy and session.ops.idle)
    manual = text["narrative"].index(text["manual"])
    d.text_view.select_span("narrative", manual, manual + len(text["manual"]))
    d.redact_selection("ADDRESS")
    email = next(i for i in d.state.items if i.kind == "EMAIL")
    d.go_to(email.key)
    assert any(i.status is Status.UNDECIDED for i in d.state.items)
    d.text_view.verticalScrollBar().setValue(0)
    shot(d, "redaction-review", lang)

    d.panel.image_button.click()
    wait_for(lambda: ws.redaction.image_dialog is not None and session.ops.idle)
    image = ws.redaction.image_dialog
    image.resize(1100, 720)
    pump(100)
    image.suggest_faces()
    wait_for(lambda: any(b.suggested for b in image.canvas.boxes))
    image.accept_all()
    canvas = image.canvas
    start, end = canvas.to_widget(QPoint(68, 474)), canvas.to_widget(QPoint(184, 524))
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)  # the name tag
    QTest.mouseMove(canvas, end)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    wait_for(lambda: image.preview_boxes is not None and len(image.preview_boxes) == 2)
    shot(image, "image-redaction", lang)

    image.discard()
    d.discard()
    session.shutdown()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
