"""Baseline for the cold start: a bare PySide6 script that shows an empty QMainWindow.

Like `dugnad gui --smoke-test --screenshot`, it saves a screenshot once the window is shown; the
benchmark takes that file's modification time as the moment the window was ready, in both.
"""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1200, 800)
window.show()
app.processEvents()
window.grab().save(sys.argv[1])
sys.exit(0)
