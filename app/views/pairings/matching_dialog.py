"""The matching screen: who could be the volunteer for one waiting participant or household.

The suggestions come ranked from `matching.rank_for_seeker`, each with its score (0..100, a
number and a bar) and its reasons in plain sentences; the volunteers left out are listed under
"Hvorfor ikke de andre?" with every rule they break (`match_seeker`), so the coordinator
never has to guess why someone is missing. Selecting several volunteers proposes a team.
"Foreslå kobling" calls `pairings.propose`; a refusal is shown in the dialog, which stays open
with the selection kept.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.errors import DugnadError
from app.i18n import _, ngettext
from app.i18n.formatting import format_number
from app.services.languages import language_name
from app.services.matching import match_seeker
from app.services.matching_rules import Candidate, Match, Seeker
from app.services.pairings import PairingDetail, get_pairing, propose
from app.services.text import fold, matches, search_terms
from app.views.pairings.matching_models import (
    NAME,
    REASONS,
    SCORE,
    X_PROBLEMS,
    CandidateTableModel,
    ExcludedTableModel,
    RankedRow,
    ScoreDelegate,
)
from app.views.pairings.texts import (
    ERROR_STYLE,
    HINT_STYLE,
    days_text,
    gender_wish_text,
    names_text,
)
from app.views.widgets.list_table import make_list_table

PAGE_SIZE = 20


def _ages(ages: tuple[int, ...]) -> str:
    return ", ".join(format_number(a) for a in ages)


def _languages(codes: frozenset[str]) -> str:
    return ", ".join(sorted(language_name(c) for c in codes))


def seeker_facts(seeker: Seeker) -> str:
    """`Språk: arabisk, norsk · Bydel: Eiganes · Barn: 4, 9 år`."""
    parts = []
    if seeker.languages:
        parts.append(_("Språk: {list}").format(list=_languages(seeker.languages)))
    if seeker.area.district or seeker.area.postcode:
        parts.append(_("Bor: {place}").format(place=seeker.area.district or seeker.area.postcode))
    if seeker.children_ages:
        parts.append(_("Barn: {ages} år").format(ages=_ages(seeker.children_ages)))
    if seeker.interests:
        parts.append(_("Interesser: {list}").format(list=", ".join(sorted(seeker.interests))))
    return " · ".join(parts)


def candidate_facts(candidate: Candidate) -> str:
    """What the coordinator wants to know about a suggested volunteer, in one line."""
    parts = []
    if candidate.age is not None:
        parts.append(_("{age} år").format(age=format_number(candidate.age)))
    if candidate.languages:
        parts.append(_("Språk: {list}").format(list=_languages(candidate.languages)))
    if candidate.area.district or candidate.area.postcode:
        place = candidate.area.district or candidate.area.postcode
        parts.append(_("Bor: {place}").format(place=place))
    if candidate.children_ages:
        parts.append(_("Frivillig familie med barn {ages} år").format(
            ages=_ages(candidate.children_ages)))  # fmt: skip
    parts.append(
        _("Koblinger nå: {active} av {capacity}").format(
            active=format_number(candidate.active_pairings),
            capacity=format_number(candidate.capacity),
        )
    )
    return " · ".join(parts)


class MatchingDialog(QDialog):
    """Suggestions for one waiting (or proposed) pairing; accepts after a successful proposal."""

    changed_in_database = Signal()

    def __init__(
        self,
        db: Database,
        pairing_id: str,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.pairing_id = pairing_id
        self.today = today or dt.date.today()
        self.detail: PairingDetail = get_pairing(db, pairing_id, today=self.today)
        found = match_seeker(db, pairing_id=pairing_id, today=self.today)
        self.ranked: list[Match] = found.ranked
        self.left_out = found.left_out
        self.shown = min(PAGE_SIZE, len(self.ranked))
        row = self.detail.row
        self.setWindowTitle(_("Finn frivillig til {name}").format(name=row.seeker_name))

        title = QLabel(_("Finn frivillig til {name}").format(name=row.seeker_name))
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        about = [row.programme]
        if row.days_waiting is not None:
            about.append(_("har ventet i {days}").format(days=days_text(row.days_waiting)))
        about.append(gender_wish_text(self.detail.gender_wish))
        if row.status == "proposed":
            about.append(_("foreslått nå: {names}").format(names=names_text(row.volunteer_names)))
        self.about_label = QLabel(" · ".join(about))
        self.about_label.setWordWrap(True)
        facts = seeker_facts(found.seeker)
        self.facts_label = QLabel(facts)
        self.facts_label.setWordWrap(True)
        self.facts_label.setStyleSheet(HINT_STYLE)
        self.facts_label.setVisible(bool(facts))

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_suggestions(), "")
        self.tabs.addTab(self._build_left_out(), "")

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        buttons = QDialogButtonBox()
        self.propose_button = buttons.addButton(
            _("Foreslå kobling"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(_("Lukk"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.propose_selected)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.about_label)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(980, 680)
        self._fill_suggestions()
        self._fill_left_out()
        self._selection_changed()

    # -- building ---------------------------------------------------------------------------------
    def _build_suggestions(self) -> QWidget:
        page = QWidget()
        hint = QLabel(
            _("De beste forslagene står øverst. Poengene (0–100) teller felles språk mest, så "
              "felles interesser, avstand, familie og alder. Velg flere frivillige med Ctrl for "
              "å foreslå et team.")
        )  # fmt: skip
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.model = CandidateTableModel(parent=self)
        self.table = make_list_table(self.model, REASONS, self)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setItemDelegateForColumn(SCORE, ScoreDelegate(self.table))
        self.table.sortByColumn(SCORE, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SCORE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(SCORE, 150)
        header.resizeSection(NAME, 200)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setStyleSheet(
            "background: #f5f7fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 8px;"
        )
        self.detail_label.setMinimumHeight(90)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_label = QLabel(
            _("Ingen frivillige oppfyller kravene for denne koblingen akkurat nå. Se «Hvorfor "
              "ikke de andre?» for hva som mangler.")
        )  # fmt: skip
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(HINT_STYLE + " padding: 12px;")
        self.counter = QLabel()
        self.counter.setStyleSheet(HINT_STYLE)
        self.more_button = QPushButton(_("Vis flere"))
        self.more_button.clicked.connect(self.show_more)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counter)
        bottom.addStretch(1)
        bottom.addWidget(self.more_button)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(bottom)
        layout.addWidget(self.detail_label)
        return page

    def _build_left_out(self) -> QWidget:
        page = QWidget()
        hint = QLabel(
            _("Disse frivillige kan ikke kobles med {name}. Reglene brytes aldri av et forslag: "
              "status, plass til flere koblinger, oppstartssteg, politiattest, alder og ønsket "
              "kjønn.").format(name=self.detail.row.seeker_name)
        )  # fmt: skip
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.left_out_search = QLineEdit()
        self.left_out_search.setClearButtonEnabled(True)
        self.left_out_search.setPlaceholderText(_("Søk etter en frivillig"))
        self.left_out_search.textChanged.connect(self._filter_left_out)
        self.left_out_model = ExcludedTableModel(parent=self)
        self.left_out_table = make_list_table(self.left_out_model, X_PROBLEMS, self)
        self.left_out_table.horizontalHeader().resizeSection(0, 220)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(self.left_out_search)
        layout.addWidget(self.left_out_table, 1)
        return page

    # -- filling ----------------------------------------------------------------------------------
    def _fill_suggestions(self) -> None:
        chosen = set(self.selected_ids())
        self.model.set_rows([RankedRow(n + 1, m) for n, m in enumerate(self.ranked[: self.shown])])
        for n, row in enumerate(self.model.rows()):
            if row.match.candidate.volunteer_id in chosen:
                self.table.selectionModel().select(
                    self.model.index(n, 0),
                    self.table.selectionModel().SelectionFlag.Select
                    | self.table.selectionModel().SelectionFlag.Rows,
                )
        total = len(self.ranked)
        self.counter.setText(
            ngettext("Viser {shown} av {total} frivillig som kan kobles",
                     "Viser {shown} av {total} frivillige som kan kobles", total)
            .format(shown=format_number(self.shown), total=format_number(total))
        )  # fmt: skip
        self.more_button.setVisible(self.shown < total)
        self.empty_label.setVisible(total == 0)
        self.table.setVisible(total > 0)
        self.tabs.setTabText(0, _("Forslag ({n})").format(n=format_number(total)))

    def _fill_left_out(self) -> None:
        self.left_out_model.set_rows(self.left_out)
        self.tabs.setTabText(
            1, _("Hvorfor ikke de andre? ({n})").format(n=format_number(len(self.left_out)))
        )

    def _filter_left_out(self, text: str) -> None:
        terms = search_terms(text)
        self.left_out_model.set_filter(
            (lambda row: matches(fold(row[0].name), terms)) if terms else None
        )

    def show_more(self) -> None:
        self.shown = min(self.shown + PAGE_SIZE, len(self.ranked))
        self._fill_suggestions()

    # -- choosing and proposing -------------------------------------------------------------------
    def selected_rows(self) -> list[RankedRow]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.row_at(n) for n in rows]

    def selected_ids(self) -> list[str]:
        return [row.match.candidate.volunteer_id for row in self.selected_rows()]

    def select_volunteers(self, volunteer_ids: list[str]) -> None:
        """Select these suggestions (as clicks with Ctrl would)."""
        self.table.clearSelection()
        flags = self.table.selectionModel().SelectionFlag
        for n, row in enumerate(self.model.rows()):
            if row.match.candidate.volunteer_id in volunteer_ids:
                self.table.selectionModel().select(
                    self.model.index(n, 0), flags.Select | flags.Rows
                )

    def _selection_changed(self) -> None:
        rows = self.selected_rows()
        self.propose_button.setEnabled(bool(rows))
        if len(rows) > 1:
            self.propose_button.setText(
                _("Foreslå team med {n} frivillige").format(n=format_number(len(rows)))
            )
        elif rows:
            self.propose_button.setText(
                _("Foreslå kobling med {name}").format(name=rows[0].match.candidate.name)
            )
        else:
            self.propose_button.setText(_("Foreslå kobling"))
        if not rows:
            self.detail_label.setText(
                _("Velg en frivillig i listen for å se mer om hvorfor forslaget passer.")
            )
            return
        parts = []
        for row in rows[:4]:
            candidate = row.match.candidate
            reasons = "".join(f"<li>{_escape(r)}</li>" for r in row.match.reasons)
            parts.append(
                "<b>{name}</b> – {score}<br><span style='color:#57606a'>{facts}</span>{reasons}"
                .format(
                    name=_escape(candidate.name),
                    score=_escape(_("{score} av 100 poeng").format(
                        score=format_number(row.match.score))),
                    facts=_escape(candidate_facts(candidate)),
                    reasons=f"<ul style='margin:2px 0 0 0'>{reasons}</ul>" if reasons else "",
                )
            )  # fmt: skip
        if len(rows) > 4:
            parts.append(_escape(_("og {n} til").format(n=format_number(len(rows) - 4))))
        self.detail_label.setText("<br>".join(parts))

    def propose_selected(self) -> bool:
        """Propose the selected volunteer(s); on a refusal say why and keep everything."""
        ids = self.selected_ids()
        if not ids:
            return False
        self.error_label.hide()
        try:
            propose(self.db, self.pairing_id, ids, self.today, today=self.today)
        except DugnadError as exc:
            self.error_label.setText(exc.message)
            self.error_label.show()
            return False
        self.changed_in_database.emit()
        self.accept()
        return True


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
