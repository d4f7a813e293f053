"""Take the screenshots of the search panel and the statistics dashboard.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_search_screenshots.py en
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_search_screenshots.py ko

A throwaway store with the cheap test KDF, the fictional sample testimonies of
tests/data/testimonies and a generated crowd of fictional screening records (so the
dashboard has counts above the threshold); nothing real is ever shown.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.append(str(ROOT))  # after any tree already on the path

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

import ui  # noqa: E402,F401

OUT = Path(__file__).resolve().parent
QUERY = {"en": "Dandong", "ko": "단둥"}
TYPES = ("arrest", "detention", "interrogation", "forced_return", "forced_labour",
         "torture", "ill_treatment", "border_crossing")
PLACES = ("Dandong", "Tumen", "Onsong", "Hyesan", "Sinuiju", "Chongjin", "Yanji")
NARRATIVE = {
    "Dandong": "단둥에서 식당 일을 하다가 공안에게 잡혔습니다.",
    "Tumen": "I was held at the Tumen border detention centre for a month.",
    "Onsong": "온성 보위부 구류장에서 매일 심문을 받았습니다.",
    "Hyesan": "We crossed the Yalu near Hyesan at night.",
    "Sinuiju": "신의주 근처에서 압록강을 건넜습니다.",
    "Chongjin": "청진 집결소에서 두 달 동안 농장 일을 했습니다.",
    "Yanji": "A broker in Yanji promised work in a restaurant.",
}


def pump(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(cond, limit_ms: int = 30_000) -> None:
    waited = 0
    while not cond() and waited < limit_ms:
        pump(25)
        waited += 25
    if not cond():
        raise SystemExit("timed out")


def shot(widget: QWidget, name: str, lang: str) -> None:
    pump(300)
    widget.grab().save(str(OUT / f"{name}-{lang}.png"))


def crowd(n: int = 80) -> list:
    """Fictional screening records, the same every run."""
    from tests.intake.search.conftest import event, record

    rng = random.Random(6)
    out = []
    for i in range(n):
        place = rng.choice(PLACES)
        kinds = rng.sample(TYPES, rng.randint(1, 3))
        year = rng.choice(("2016", "2017", "2018", "2019", "2019", "2020"))
        out.append(record(f"S-{1000 + i}", NARRATIVE[place],
                          [event(k, f"{year}-{rng.randint(1, 12):02d}", place=place)
                           for k in kinds],
                          sex=rng.choice(("female", "female", "male")),
                          birth_year=rng.randint(1960, 2000)))
    return out


def main(lang: str) -> None:
    from crypto.kdf import KdfPolicy
    from crypto.passphrase import encode_passphrase
    from tests.intake.search.conftest import samples
    from ui import i18n
    from ui.fonts import install_fonts
    from ui.messages import MessageBox
    from ui.search.search_panel import SearchPanel
    from ui.session import Session
    from ui.stats.dashboard import StatsDashboard

    app = QApplication(["testimony-intake"])
    i18n.install(app, lang)
    install_fonts(app)
    MessageBox.start_recording()
    tmp = Path(tempfile.mkdtemp())
    session = Session(tmp / "store", policy=KdfPolicy.insecure_for_tests())
    session.create(encode_passphrase("correct horse battery staple"), "Field team A",
                   success=lambda _k: None)
    wait_for(lambda: session.is_unlocked and session.ops.idle)
    session.run(lambda s, _h: s.add_many(samples() + crowd()))
    wait_for(lambda: session.ops.idle)

    panel = SearchPanel(session)
    panel.resize(520, 860)
    panel.show()
    wait_for(lambda: session.ops.idle)
    panel.filters_button.setChecked(True)
    panel.filters.date_from.setText("2018")
    shown: list[int] = []
    panel.resultsShown.connect(shown.append)
    panel.field.setText(QUERY[lang])
    panel.search_now()
    wait_for(lambda: bool(shown) and session.ops.idle)
    panel.saved_button.setChecked(True)
    panel.saved.save("단둥 2018~" if lang == "ko" else "Dandong since 2018")
    wait_for(lambda: session.ops.idle and bool(panel.saved.names()))
    panel.saved.status.clear()
    shot(panel, "search", lang)

    dashboard = StatsDashboard(session)
    dashboard.resize(1040, 640)
    dashboard.show()
    dashboard.refresh()
    wait_for(lambda: dashboard.model.table is not None and session.ops.idle)
    shot(dashboard, "stats", lang)

    dashboard.close()
    session.shutdown()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
