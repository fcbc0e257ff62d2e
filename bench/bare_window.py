"""Baseline for the cold start: a bare PySide6 script that shows an empty QMainWindow and exits."""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1200, 800)
window.show()
app.processEvents()
sys.exit(0)
