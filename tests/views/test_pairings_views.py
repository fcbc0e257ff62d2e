"""The pairing board, the matching screen and the pairing page, driven like a coordinator would.

Data is built with the services (the builders of tests/test_pairings.py); every change made
through a screen is read back through the services.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from app.db import Database
from app.services.centre import add_staff
from app.services.matching import excluded_for_seeker, rank_for_seeker
from app.services.pairings import (
    FollowUpData,
    get_pairing,
    list_pairings,
    log_follow_up,
    log_meeting,
    overdue_follow_ups,
    pairing_counts,
    propose,
)
from app.services.programmes import find_programme
from app.services.volunteers import change_status
from app.views.pairings.action_dialogs import EndDialog, FollowUpDialog, MeetingDialog, StartDialog
from app.views.pairings.board_models import OverdueTableModel, PairingTableModel
from app.views.pairings.board_page import PairingBoardPage
from app.views.pairings.matching_dialog import MatchingDialog
from app.views.pairings.matching_models import (
    CandidateTableModel,
    ExcludedTableModel,
    RankedRow,
)
from app.views.pairings.pairing_dialog import PairingDialog
from app.views.pairings.timeline_models import FollowUpTableModel, MeetingTableModel
from app.views.pairings.waiting_list_dialog import WaitingListDialog
from tests.test_pairings import (
    TODAY,
    active_pairing,
    household,
    participant,
    volunteer,
    waiting,
)

LEFT = Qt.MouseButton.LeftButton
D = dt.date


@pytest.fixture
def world(db: Database) -> dict[str, str]:
    """One pairing in every state, and an obvious best volunteer for the waiting family."""
    mother = participant(db, "Amal Hassan", languages=["ar"])
    family = household(db, "Familien Hassan", people=[mother], children=[2016],
                       district="Frogner")  # fmt: skip
    best = volunteer(db, "Aisha Nabil", languages=["ar", "no"], district="frogner",
                     birth_year=1955)  # fmt: skip
    other = volunteer(db, "Bente Ball", district="Sagene", birth_year=1955)
    # Left out: paused.
    paused = volunteer(db, "Petter Pause", birth_year=1980, gender="male")
    change_status(db, paused, "paused", TODAY, "Studier")
    # A proposed, an active (with overdue follow-ups) and an ended pairing, with their own people.
    busy = [volunteer(db, f"Frivillig {n}", birth_year=1980) for n in range(3)]
    seekers = [participant(db, f"Deltaker {n}") for n in range(3)]
    proposed = waiting(db, seekers[0], kind="participant")
    propose(db, proposed, [busy[0]], D(2026, 3, 1), today=TODAY)
    active = active_pairing(db, seekers[1], [busy[1]], kind="participant")
    ended = active_pairing(db, seekers[2], [busy[2]], kind="participant", prog="Vennefamilie")
    from app.services.pairings import end_pairing

    end_pairing(db, ended, D(2026, 6, 1), "completed", ["still_in_contact"], today=TODAY)
    return {
        "family": family, "waiting": waiting(db, family), "best": best, "other": other,
        "paused": paused, "proposed": proposed, "active": active, "ended": ended,
    }  # fmt: skip


def board(qtbot, db: Database) -> PairingBoardPage:  # noqa: ANN001
    page = PairingBoardPage(db, today=TODAY)
    qtbot.addWidget(page)
    return page


def select(page: PairingBoardPage, code: str, pairing_id: str) -> None:
    page.set_tab(code)
    assert page.select_pairing(pairing_id), pairing_id


# -- the models ----------------------------------------------------------------------------------


def test_models(qtmodeltester, db: Database, world: dict[str, str]) -> None:
    rows = list_pairings(db, today=TODAY)
    for status in ("waiting", "proposed", "active", "ended"):
        model = PairingTableModel(status, today=TODAY)
        model.set_rows([r for r in rows if r.status == status])
        qtmodeltester.check(model)
    overdue = OverdueTableModel()
    overdue.set_rows(overdue_follow_ups(db, today=TODAY))
    qtmodeltester.check(overdue)
    candidates = CandidateTableModel()
    ranked = rank_for_seeker(db, pairing_id=world["waiting"], today=TODAY)
    candidates.set_rows([RankedRow(n + 1, m) for n, m in enumerate(ranked)])
    qtmodeltester.check(candidates)
    excluded = ExcludedTableModel()
    excluded.set_rows(excluded_for_seeker(db, pairing_id=world["waiting"], today=TODAY))
    qtmodeltester.check(excluded)
    log_meeting(db, world["active"], D(2026, 3, 1), 2.5, "Tur", today=TODAY)
    detail = get_pairing(db, world["active"], today=TODAY)
    timeline = FollowUpTableModel(today=TODAY)
    timeline.set_rows(detail.follow_ups)
    qtmodeltester.check(timeline)
    meetings = MeetingTableModel()
    meetings.set_rows(detail.meetings)
    qtmodeltester.check(meetings)
    assert meetings.index(0, 1).data() == "2,5 timer"


# -- the board -----------------------------------------------------------------------------------


def test_board_counts_per_tab_and_programme_filter(qtbot, db: Database, world) -> None:  # noqa: ANN001
    page = board(qtbot, db)
    overdue = len(overdue_follow_ups(db, today=TODAY))
    assert overdue > 0
    counts = {code: page.count(code) for code in ("waiting", "proposed", "active", "ended")}
    assert counts == {"waiting": 1, "proposed": 1, "active": 1, "ended": 1}
    assert page.count("overdue") == overdue
    texts = [page.tabs.tabText(n) for n in range(page.tabs.count())]
    assert texts[:4] == ["Venter (1)", "Foreslått (1)", "Aktive (1)", "Avsluttet (1)"]
    assert texts[4] == f"Oppfølging på etterskudd ({overdue})"
    # The waiting tab shows days waiting and the programme.
    model = page.models["waiting"]
    days = (TODAY - D(2026, 1, 5)).days
    assert [model.index(0, c).data() for c in range(4)] == [
        "Familien Hassan", f"{days} dager", "05.01.2026", "Flyktningguide"]  # fmt: skip
    # The active tab's next follow-up is red when its day has passed.
    active = page.models["active"]
    column = active.column("next")
    assert "på etterskudd" in active.index(0, column).data()
    assert active.index(0, column).data(Qt.ItemDataRole.ForegroundRole) is not None

    page.programme_combo.setCurrentIndex(page.programme_combo.findData("Vennefamilie"))
    assert [page.count(c) for c in ("waiting", "proposed", "active", "ended", "overdue")] == [
        0, 0, 0, 1, 0]  # fmt: skip
    assert page.tabs.tabText(3) == "Avsluttet (1)" and page.tabs.tabText(0) == "Venter (0)"
    assert page.empty_note.isVisibleTo(page)  # "Ingen venter på en kobling."


def test_reload_keeps_the_tab_and_the_selection(qtbot, db: Database, world) -> None:  # noqa: ANN001
    more = participant(db, "Zara Ventende")
    other_waiting = waiting(db, more, kind="participant", referred=D(2026, 5, 1))
    page = board(qtbot, db)
    select(page, "waiting", other_waiting)
    page.reload()
    assert page.current_tab() == "waiting"
    assert page.selected_pairing_id() == other_waiting
    assert page.find_button.isEnabled() and not page.follow_up_button.isEnabled()
    page.set_tab("overdue")
    page.tables["overdue"].selectRow(0)
    assert page.selected_pairing_id() == world["active"]
    assert page.follow_up_button.isEnabled() and not page.find_button.isEnabled()


# -- the waiting list ----------------------------------------------------------------------------


def test_waiting_list_dialog_adds_a_participant(qtbot, db: Database, world) -> None:  # noqa: ANN001
    newcomer = participant(db, "Yusuf Ødegård")
    page = board(qtbot, db)
    qtbot.mouseClick(page.waiting_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, WaitingListDialog)
    assert not dialog.save_button.isEnabled()  # nobody picked yet
    dialog.picker.participant_radio.setChecked(True)
    qtbot.keyClicks(dialog.picker.search, "øde")
    assert dialog.picker.chosen() is not None  # the only match is picked
    assert dialog.picker.chosen().id == newcomer
    dialog.wish_combo.setCurrentIndex(dialog.wish_combo.findData("female"))
    qtbot.keyClicks(dialog.notes_edit, "Henvist av flyktningtjenesten")
    dialog.referred_edit.setDate(QDate(2026, 11, 1))
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, LEFT)

    [row] = [r for r in list_pairings(db, status="waiting") if r.participant_id == newcomer]
    detail = get_pairing(db, row.id, today=TODAY)
    assert (row.referred_on, detail.gender_wish, detail.notes) == (
        D(2026, 11, 1), "female", "Henvist av flyktningtjenesten")  # fmt: skip
    assert page.count("waiting") == 2
    assert page.current_tab() == "waiting" and page.selected_pairing_id() == row.id


def test_waiting_list_dialog_refuses_a_second_open_pairing(qtbot, db: Database, world) -> None:  # noqa: ANN001
    page = board(qtbot, db)
    dialog = page.open_waiting_dialog()
    assert isinstance(dialog, WaitingListDialog)
    dialog.programme_combo.setCurrentIndex(
        dialog.programme_combo.findData(find_programme(db, "Flyktningguide").id)
    )
    assert dialog.picker.choose("household", world["family"])
    assert "venter på Flyktningguide" in dialog.picker.model.index(
        dialog.picker.table.selectionModel().selectedRows()[0].row(), 1).data()  # fmt: skip
    qtbot.keyClicks(dialog.notes_edit, "Ikke mist meg")
    assert not dialog.submit()
    message = dialog.errors["seeker"].text()
    assert message == "Familien Hassan står allerede på ventelisten til Flyktningguide."
    assert dialog.errors["seeker"].isVisibleTo(dialog)
    assert dialog.notes_edit.toPlainText() == "Ikke mist meg"  # nothing lost
    assert dialog.result() == 0
    assert page.count("waiting") == 1


# -- the matching screen -------------------------------------------------------------------------


def test_create_a_pairing_from_the_matching_screen(qtbot, db: Database, world) -> None:  # noqa: ANN001
    page = board(qtbot, db)
    select(page, "waiting", world["waiting"])
    qtbot.mouseClick(page.find_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, MatchingDialog)
    top = dialog.model.row_at(0).match
    assert top.candidate.name == "Aisha Nabil"
    assert dialog.model.index(0, 2).data() == "Snakker arabisk · Samme bydel"
    assert dialog.tabs.tabText(0) == "Forslag (3)"  # Frivillig 2 is free again
    # The paused volunteer is under "Hvorfor ikke de andre?", with the reason.
    left_out = {c.name: " · ".join(p) for c, p in dialog.left_out_model.rows()}
    assert "Frivilligen har pause" in left_out["Petter Pause"]
    assert not dialog.propose_button.isEnabled()

    dialog.table.selectRow(0)
    assert dialog.propose_button.text() == "Foreslå kobling med Aisha Nabil"
    assert "Snakker arabisk" in dialog.detail_label.text()
    qtbot.mouseClick(dialog.propose_button, LEFT)

    row = get_pairing(db, world["waiting"], today=TODAY).row
    assert row.status == "proposed" and row.volunteer_ids == (world["best"],)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert (page.count("waiting"), page.count("proposed")) == (0, 2)


def test_several_selected_make_a_team(qtbot, db: Database, world) -> None:  # noqa: ANN001
    dialog = MatchingDialog(db, world["waiting"], today=TODAY)
    qtbot.addWidget(dialog)
    dialog.select_volunteers([world["best"], world["other"]])
    assert dialog.propose_button.text() == "Foreslå team med 2 frivillige"
    assert dialog.propose_selected()
    row = get_pairing(db, world["waiting"], today=TODAY).row
    assert set(row.volunteer_ids) == {world["best"], world["other"]}


def test_a_refused_proposal_is_explained_and_nothing_is_lost(qtbot, db: Database, world) -> None:  # noqa: ANN001
    dialog = MatchingDialog(db, world["waiting"], today=TODAY)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    change_status(db, world["best"], "paused", TODAY, "Syk")  # meanwhile, in another window
    assert not dialog.propose_selected()
    assert dialog.error_label.isVisibleTo(dialog)
    assert dialog.error_label.text() == "Aisha Nabil: Frivilligen har pause."
    assert dialog.selected_ids() == [world["best"]]
    assert get_pairing(db, world["waiting"], today=TODAY).row.status == "waiting"


def test_show_more_suggestions(qtbot, db: Database) -> None:
    family = household(db, "Familien Mange", adults=[1985])
    for n in range(25):
        volunteer(db, f"Frivillig {n:02d}")
    dialog = MatchingDialog(db, waiting(db, family), today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 20 and dialog.more_button.isVisibleTo(dialog)
    assert dialog.counter.text() == "Viser 20 av 25 frivillige som kan kobles"
    qtbot.mouseClick(dialog.more_button, LEFT)
    assert dialog.model.rowCount() == 25 and not dialog.more_button.isVisibleTo(dialog)


# -- the pairing page ----------------------------------------------------------------------------


def test_log_a_follow_up_from_the_pairing_page(qtbot, db: Database, world) -> None:  # noqa: ANN001
    staff = add_staff(db, "Kari Koordinator", "daglig leder")
    page = board(qtbot, db)
    before = page.count("overdue")
    assert before == pairing_counts(db, TODAY).overdue
    select(page, "active", world["active"])
    qtbot.mouseClick(page.open_button, LEFT)
    pairing = page.dialog
    assert isinstance(pairing, PairingDialog)
    assert pairing.follow_up_button.isVisibleTo(pairing)
    assert "skulle vært gjort" in pairing.next_step.text()
    qtbot.mouseClick(pairing.follow_up_button, LEFT)
    dialog = pairing.dialog
    assert isinstance(dialog, FollowUpDialog)
    assert dialog.date_edit.date().toPython() == TODAY
    assert "planlagt" in dialog.which_label.text()
    [meeting] = [b for b in dialog.kind_group.buttons() if b.property("code") == "meeting"]
    meeting.setChecked(True)
    dialog.staff_combo.setCurrentIndex(dialog.staff_combo.findData(staff))
    [good] = [b for b in dialog.how_group.buttons() if b.property("code") == "good"]
    good.setChecked(True)
    qtbot.keyClicks(dialog.note_edit, "Trives godt sammen")
    qtbot.mouseClick(dialog.save_button, LEFT)

    # The timeline shows it, and the overdue count drops (on the page and on the board).
    notes = [pairing.timeline_model.index(n, 5).data()
             for n in range(pairing.timeline_model.rowCount())]  # fmt: skip
    assert "Trives godt sammen" in notes
    n = notes.index("Trives godt sammen")
    assert pairing.timeline_model.index(n, 2).data() == "Møte"
    assert pairing.timeline_model.index(n, 3).data() == "Bra"
    assert pairing.timeline_model.index(n, 4).data() == "Kari Koordinator"
    assert page.count("overdue") == before - 1
    assert pairing_counts(db, TODAY).overdue == before - 1
    [done] = [f for f in get_pairing(db, world["active"], today=TODAY).follow_ups
              if f.note == "Trives godt sammen"]  # fmt: skip
    assert (done.done_on, done.kind, done.how, done.staff_id) == (TODAY, "meeting", "good", staff)


def test_a_follow_up_before_the_start_is_refused(qtbot, db: Database, world) -> None:  # noqa: ANN001
    pairing = PairingDialog(db, world["active"], today=TODAY)
    qtbot.addWidget(pairing)
    dialog = pairing.open_follow_up_dialog()
    assert isinstance(dialog, FollowUpDialog)
    dialog.date_edit.setDate(QDate(2026, 1, 10))
    qtbot.keyClicks(dialog.note_edit, "For tidlig")
    assert not dialog.submit()
    assert dialog.errors["done_on"].text() == (
        "En oppfølging kan ikke være før koblingen startet (01.02.2026).")  # fmt: skip
    assert dialog.note_edit.text() == "For tidlig"


def test_start_log_a_meeting_and_end_from_the_pairing_page(qtbot, db: Database, world) -> None:  # noqa: ANN001
    changes: list[bool] = []
    pairing = PairingDialog(db, world["proposed"], today=TODAY)
    qtbot.addWidget(pairing)
    pairing.changed_in_database.connect(lambda: changes.append(True))
    assert pairing.start_button.isVisibleTo(pairing)
    assert not pairing.follow_up_button.isVisibleTo(pairing)
    assert not pairing.tabs.isVisibleTo(pairing)  # nothing planned before the start
    start = pairing.open_start_dialog()
    assert isinstance(start, StartDialog)
    start.start_edit.setDate(QDate(2026, 10, 1))
    start.agreement_edit.setDate(QDate(2026, 9, 28))
    assert start.submit()
    detail = get_pairing(db, world["proposed"], today=TODAY)
    assert (detail.row.status, detail.row.start, detail.agreement_date) == (
        "active", D(2026, 10, 1), D(2026, 9, 28))  # fmt: skip
    assert pairing.follow_up_button.isVisibleTo(pairing)
    assert pairing.timeline_model.rowCount() == len(detail.follow_ups) > 0
    assert "8 timer i måneden" in [
        pairing.left.itemAt(n).widget().text() for n in range(pairing.left.count())
        if pairing.left.itemAt(n).widget() is not None
    ]  # fmt: skip

    meeting = pairing.open_meeting_dialog()
    assert isinstance(meeting, MeetingDialog)
    meeting.hours_spin.setValue(1.5)
    assert meeting.submit()
    assert pairing.meeting_summary.text().startswith("Til sammen 1,5 timer på 1 møter")
    assert pairing.tabs.tabText(1) == "Møter (1)"

    end = pairing.open_end_dialog()
    assert isinstance(end, EndDialog)
    assert not end.save_button.isEnabled()  # no reason yet
    end.reason_combo.setCurrentIndex(end.reason_combo.findData("moved"))
    end.outcome_checks["child_activity"].setChecked(True)
    assert end.submit()
    detail = get_pairing(db, world["proposed"], today=TODAY)
    assert (detail.row.status, detail.end_reason, detail.outcomes) == (
        "ended", "moved", ("child_activity",))  # fmt: skip
    assert not pairing.end_button.isVisibleTo(pairing)
    assert pairing.next_step.text() == "Avsluttet 22.11.2026: flyttet."
    assert len(changes) == 3


def test_follow_up_logged_elsewhere_shows_in_the_timeline(qtbot, db: Database, world) -> None:  # noqa: ANN001
    log_follow_up(db, world["active"], FollowUpData(D(2026, 2, 14), "phone", note="Ringte"),
                  today=TODAY)  # fmt: skip
    pairing = PairingDialog(db, world["active"], today=TODAY)
    qtbot.addWidget(pairing)
    model = pairing.timeline_model
    states = [model.index(n, 1).data() for n in range(model.rowCount())]
    assert states[0] == "Gjort (planlagt 15.02.2026)"
    assert any(s.startswith("På etterskudd (") for s in states)
