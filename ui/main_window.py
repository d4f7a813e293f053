"""The main window. For now it names the store; the desktop issue fills it in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow


class MainWindow(QMainWindow):
    def __init__(self, store_dir: Path) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Testimony Intake"))
        label = QLabel(self.tr("Store: {0}").format(store_dir))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(label)
        self.resize(960, 640)
