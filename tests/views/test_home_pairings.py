"""The home screen's pairing cards: overdue follow-ups and the waiting list, counts only."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from app.db import Database
from app.views.home.home_page import HomePage
from tests.test_pairings import active_pairing, household, participant, volunteer, waiting


def test_cards_count_overdue_follow_ups_and_the_waiting_list(qtbot, db: Database) -> None:
    kari = volunteer(db)
    # Started long ago: its first planned follow-ups are overdue by now.
    active_pairing(db, household(db, adults=[1980]), [kari], start=dt.date(2026, 2, 1))
    waiting(db, participant(db, "Amal Hassan"), kind="participant",
            referred=dt.date.today() - dt.timedelta(days=30))  # fmt: skip
    home = HomePage(db)
    qtbot.addWidget(home)
    assert int(home.follow_up_card.value_label.text()) > 0
    assert "1 kobling" in home.follow_up_card.hint_label.text()
    assert home.waiting_card.value_label.text() == "1"
    assert "30 dager" in home.waiting_card.hint_label.text()
    with qtbot.waitSignal(home.open_pairings):
        qtbot.mouseClick(home.waiting_card, Qt.MouseButton.LeftButton)
