"""A line for comma-separated words (skills, interests) that completes the word being typed.

QLineEdit's own completer completes the whole line, so this one completes only the text after
the last comma, from the shared vocabulary of tags.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget


def split_words(text: str) -> list[str]:
    """`"fotball, , matlaging "` → `["fotball", "matlaging"]`."""
    return [word.strip() for word in text.split(",") if word.strip()]


class TagLineEdit(QLineEdit):
    """Comma-separated words with completion of the current word."""

    def __init__(self, vocabulary: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._completer = QCompleter(QStringListModel(vocabulary, self), self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._insert_completion)
        self.textEdited.connect(self._complete_current_word)

    def words(self) -> list[str]:
        return split_words(self.text())

    def set_words(self, words: list[str]) -> None:
        self.setText(", ".join(words))

    def _complete_current_word(self, text: str) -> None:
        current = text.rsplit(",", 1)[-1].strip()
        if len(current) < 1:
            self._completer.popup().hide()
            return
        self._completer.setCompletionPrefix(current)
        if self._completer.completionCount() > 0:
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def _insert_completion(self, word: str) -> None:
        head, sep, _tail = self.text().rpartition(",")
        self.setText(f"{head}{sep} {word}, " if sep else f"{word}, ")
        self.textEdited.emit(self.text())
