"""Pairings: the waiting list, the states, every refusal, follow-ups, meetings, the overdue list.

The builders at the top write volunteers, participants and households straight into the tables
(the household and participant register services are not needed), and are shared with
tests/test_matching_db.py and tests/test_cli_pairings.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from sqlalchemy import select, update

from app.db import Database, session_reader
from app.errors import NotFound, ValidationFailed
from app.models import (
    Certificate,
    FollowUp,
    Household,
    HouseholdMember,
    OnboardingStep,
    Participant,
    Person,
    PersonLanguage,
    PersonTag,
    Volunteer,
)
from app.services.certificate_need import requiring_roles
from app.services.certificates import list_certificates
from app.services.pairings import (
    FollowUpData,
    activate,
    add_to_waiting_list,
    end_pairing,
    get_pairing,
    list_pairings,
    log_follow_up,
    log_meeting,
    meeting_hours,
    overdue_follow_ups,
    pairing_counts,
    propose,
    set_volunteers,
    waiting_list,
)
from app.services.participants import ConsentInput, ParticipantInput, create_participant
from app.services.programmes import ProgrammeData, find_programme, save_programme
from app.services.tags import get_or_create_tags
from app.services.volunteers import VolunteerInput, change_status, create_volunteer

D = dt.date
TODAY = D(2026, 11, 22)
STEPS = ("interview", "training", "confidentiality")


# -- builders ------------------------------------------------------------------------------------


def _person_pk(session, uuid: str) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(Person.id).where(Person.uuid == uuid))


def _add_tags(session, pk: int, languages: Sequence[str], interests: Sequence[str]) -> None:  # type: ignore[no-untyped-def]
    existing = set(
        session.scalars(select(PersonLanguage.code).where(PersonLanguage.person_id == pk))
    )
    for i, code in enumerate(languages):
        if code not in existing:
            session.add(PersonLanguage(person_id=pk, code=code, position=i))
    tags = get_or_create_tags(session, list(interests))
    session.flush()
    for tag in tags:
        session.add(PersonTag(person_id=pk, tag_id=tag.id, kind="interest"))


def volunteer(
    db: Database,
    name: str = "Kari Ødegård",
    *,
    birth_year: int | None = 1985,
    gender: str = "female",
    languages: Sequence[str] = ("no",),
    interests: Sequence[str] = (),
    postcode: str = "",
    district: str | None = None,
    steps: Sequence[str] = STEPS,
    certificate: bool = True,
    max_pairings: int = 1,
) -> str:
    """An active, onboarded volunteer (with a valid police certificate unless told otherwise)."""
    uuid = create_volunteer(
        db,
        VolunteerInput(name=name, birth_year=birth_year, gender=gender, postcode=postcode,
                       start_date=D(2025, 1, 1)),
        today=TODAY,
    )  # fmt: skip
    with db.write() as session:
        pk = _person_pk(session, uuid)
        session.execute(update(Person).where(Person.id == pk).values(district=district))
        session.execute(
            update(Volunteer).where(Volunteer.person_id == pk).values(max_pairings=max_pairings)
        )
        _add_tags(session, pk, languages, interests)
        for step in steps:
            session.add(OnboardingStep(person_id=pk, step=step, done_on=D(2025, 2, 1)))
        if certificate:
            session.add(
                Certificate(person_id=pk, status="cleared", needed_since=D(2025, 1, 1),
                            shown_on=D(2025, 3, 1), issued_on=D(2025, 2, 20),
                            expires_on=D(2028, 2, 20))
            )  # fmt: skip
    return uuid


def participant(
    db: Database,
    name: str = "Amal Hassan",
    *,
    birth_year: int = 1988,
    gender: str = "female",
    languages: Sequence[str] = (),
    interests: Sequence[str] = (),
    postcode: str = "",
    district: str | None = None,
) -> str:
    given_by = "guardian" if TODAY.year - birth_year < 18 else "self"
    uuid = create_participant(
        db,
        ParticipantInput(name=name, birth_year=birth_year, gender=gender),
        ConsentInput(method="oral", given_by=given_by, given_on=TODAY),
        today=TODAY,
    )
    with db.write() as session:
        pk = _person_pk(session, uuid)
        session.execute(
            update(Person)
            .where(Person.id == pk)
            .values(district=district, postcode=postcode or None)
        )
        _add_tags(session, pk, languages, interests)
    return uuid


def household(
    db: Database,
    name: str = "Familien Hassan",
    *,
    people: Sequence[str] = (),
    children: Sequence[int] = (),
    adults: Sequence[int] = (),
    kind: str = "participant",
    postcode: str | None = None,
    district: str | None = None,
) -> str:
    """A household of registered people (UUIDs) and unregistered members by birth year."""
    with db.write() as session:
        h = Household(name=name, kind=kind, postcode=postcode, district=district)
        session.add(h)
        session.flush()
        for uuid in people:
            session.add(HouseholdMember(household_id=h.id, person_id=_person_pk(session, uuid)))
        for i, year in enumerate([*adults, *children]):
            session.add(HouseholdMember(household_id=h.id, first_name=f"M{i}", birth_year=year))
        return h.uuid


def make_participant_of(db: Database, person_uuid: str) -> None:
    """Register an existing person (e.g. a volunteer) as a participant too."""
    with db.write() as session:
        session.add(Participant(person_id=_person_pk(session, person_uuid), registered_on=TODAY))


def programme(
    db: Database, name: str = "Flyktningguide", *, certificate: str = "children", **changes
) -> str:  # type: ignore[no-untyped-def]
    row = find_programme(db, name)
    data = row.data
    return save_programme(
        db,
        ProgrammeData(
            **{**data.__dict__, "certificate": certificate, **changes},
        ),
        row.id,
    )


REFERRED = D(2026, 1, 5)
START = D(2026, 2, 1)


def waiting(db: Database, seeker: str, *, kind: str = "household", prog: str = "Flyktningguide",
            referred: D = REFERRED, wish: str | None = None) -> str:  # fmt: skip
    key = "household_id" if kind == "household" else "participant_id"
    return add_to_waiting_list(
        db, find_programme(db, prog).id, referred_on=referred, gender_wish=wish, today=TODAY,
        **{key: seeker},
    )  # fmt: skip


def active_pairing(
    db: Database, seeker: str, volunteers: Sequence[str], start: D = START, **kw
) -> str:  # type: ignore[no-untyped-def]
    pairing = waiting(db, seeker, **kw)
    propose(db, pairing, list(volunteers), start - dt.timedelta(days=7), today=TODAY)
    activate(db, pairing, start, today=TODAY)
    return pairing


def refusal(call, *args, **kwargs) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationFailed) as failure:
        call(*args, **kwargs)
    return failure.value.errors


# -- the waiting list ----------------------------------------------------------------------------


def test_waiting_list_oldest_first_with_days_waiting(db: Database) -> None:
    a = household(db, "Familien Ali", adults=[1980])
    b = participant(db, "Beshir Omar")
    first = waiting(db, a, referred=D(2026, 3, 1))
    second = waiting(db, b, kind="participant", referred=D(2026, 1, 1))
    rows = waiting_list(db, today=TODAY)
    assert [r.id for r in rows] == [second, first]
    assert rows[0].days_waiting == (TODAY - D(2026, 1, 1)).days
    assert (rows[0].participant_id, rows[0].household_id, rows[0].seeker_name) == (
        b, None, "Beshir Omar")  # fmt: skip
    assert (rows[1].participant_id, rows[1].household_id) == (None, a)
    assert rows[1].status == "waiting" and rows[1].volunteer_ids == ()
    assert pairing_counts(db, TODAY).waiting == 2


def test_waiting_list_refusals(db: Database) -> None:
    h = household(db, adults=[1980])
    p = participant(db)
    prog = find_programme(db, "Flyktningguide").id
    both = refusal(add_to_waiting_list, db, prog, participant_id=p, household_id=h,
                   referred_on=TODAY, today=TODAY)  # fmt: skip
    neither = refusal(add_to_waiting_list, db, prog, referred_on=TODAY, today=TODAY)
    assert "seeker" in both and "seeker" in neither
    tomorrow = TODAY + dt.timedelta(days=1)
    assert "referred_on" in refusal(add_to_waiting_list, db, prog, household_id=h,
                                    referred_on=tomorrow, today=TODAY)  # fmt: skip
    assert "gender_wish" in refusal(add_to_waiting_list, db, prog, household_id=h,
                                    referred_on=TODAY, gender_wish="x", today=TODAY)  # fmt: skip
    waiting(db, h)
    twice = refusal(waiting, db, h)
    assert "står allerede på ventelisten" in twice["seeker"]
    waiting(db, h, prog="Vennefamilie")  # another programme is another list
    with pytest.raises(NotFound) as unknown:
        add_to_waiting_list(db, "Mentor", household_id=h, referred_on=TODAY, today=TODAY)
    assert "Flyktningguide" in unknown.value.message and "Vennefamilie" in unknown.value.message
    with pytest.raises(NotFound):
        add_to_waiting_list(db, prog, participant_id="nobody", referred_on=TODAY, today=TODAY)
    family = household(db, "Frivillig familie", kind="volunteer", adults=[1980])
    assert "frivillig familie" in refusal(waiting, db, family)["seeker"]


def test_a_seeker_can_wait_again_once_the_pairing_ended(db: Database) -> None:
    h = household(db, adults=[1980])
    first = waiting(db, h)
    end_pairing(db, first, D(2026, 2, 1), "moved", today=TODAY)
    assert waiting(db, h) != first


# -- states ----------------------------------------------------------------------------------------


def test_waiting_to_proposed_to_active_to_ended(db: Database) -> None:
    v = volunteer(db)
    h = household(db, adults=[1980])
    pairing = waiting(db, h)
    propose(db, pairing, [v], D(2026, 1, 20), today=TODAY)
    [row] = list_pairings(db, status="proposed", today=TODAY)
    assert row.volunteer_ids == (v,) and row.volunteer_names == ("Kari Ødegård",)
    activate(db, pairing, D(2026, 2, 1), agreement_date=D(2026, 1, 30), today=TODAY)
    detail = get_pairing(db, pairing, today=TODAY)
    assert detail.row.status == "active" and detail.row.start == D(2026, 2, 1)
    assert detail.agreement_date == D(2026, 1, 30) and detail.proposed_on == D(2026, 1, 20)
    assert detail.planned_end == D(2027, 2, 1)
    end_pairing(db, pairing, D(2026, 11, 1), "completed", ["still_in_contact",
                "child_activity"], today=TODAY)  # fmt: skip
    detail = get_pairing(db, pairing, today=TODAY)
    assert (detail.row.status, detail.row.end, detail.end_reason) == (
        "ended", D(2026, 11, 1), "completed")  # fmt: skip
    assert detail.outcomes == ("child_activity", "still_in_contact")
    # Planned follow-ups after the end are dropped; the list never calls them overdue.
    assert all(f.due_on is None or f.due_on <= D(2026, 11, 1) for f in detail.follow_ups)
    assert not detail.row.overdue and detail.row.next_follow_up is None
    assert [r.id for r in list_pairings(db, status="ended", today=TODAY)] == [pairing]


def test_state_refusals(db: Database) -> None:
    v = volunteer(db)
    h = household(db, adults=[1980])
    pairing = waiting(db, h, referred=D(2026, 1, 5))
    assert "status" in refusal(activate, db, pairing, D(2026, 2, 1), today=TODAY)
    assert "proposed_on" in refusal(propose, db, pairing, [v], D(2026, 1, 1), today=TODAY)
    assert "proposed_on" in refusal(propose, db, pairing, [v], TODAY + dt.timedelta(1), today=TODAY)
    assert "volunteers" in refusal(propose, db, pairing, [], D(2026, 1, 10), today=TODAY)
    with pytest.raises(NotFound):
        propose(db, pairing, ["nobody"], D(2026, 1, 10), today=TODAY)
    propose(db, pairing, [v], D(2026, 1, 10), today=TODAY)
    assert "start" in refusal(activate, db, pairing, D(2026, 1, 9), today=TODAY)
    activate(db, pairing, D(2026, 2, 1), today=TODAY)
    assert "status" in refusal(activate, db, pairing, D(2026, 2, 1), today=TODAY)
    assert "status" in refusal(propose, db, pairing, [v], D(2026, 2, 2), today=TODAY)
    # Ending before starting.
    errors = refusal(end_pairing, db, pairing, D(2026, 1, 31), "completed", today=TODAY)
    assert "før den startet" in errors["end"]
    assert "reason" in refusal(end_pairing, db, pairing, D(2026, 5, 1), "bored", today=TODAY)
    assert "outcomes" in refusal(end_pairing, db, pairing, D(2026, 5, 1), "completed", ["rich"],
                                 today=TODAY)  # fmt: skip
    assert "end" in refusal(end_pairing, db, pairing, TODAY + dt.timedelta(1), "completed",
                            today=TODAY)  # fmt: skip
    end_pairing(db, pairing, D(2026, 5, 1), "completed", today=TODAY)
    assert "status" in refusal(end_pairing, db, pairing, D(2026, 5, 2), "completed", today=TODAY)
    with pytest.raises(NotFound):
        get_pairing(db, "nobody")


def test_a_proposal_can_be_changed_and_load_excludes_the_pairing_itself(db: Database) -> None:
    kari, ola = volunteer(db), volunteer(db, "Ola Nordmann", gender="male")
    pairing = waiting(db, household(db, adults=[1980]))
    propose(db, pairing, [kari], D(2026, 1, 10), today=TODAY)
    propose(db, pairing, [kari], D(2026, 1, 11), today=TODAY)  # max 1 pairing: still fine
    propose(db, pairing, [ola], D(2026, 1, 12), today=TODAY)
    assert get_pairing(db, pairing, today=TODAY).row.volunteer_ids == (ola,)


# -- the hard rules on propose and activate ------------------------------------------------------


def test_pairing_a_volunteer_with_themselves_or_their_own_household(db: Database) -> None:
    kari = volunteer(db)
    make_participant_of(db, kari)
    alone = waiting(db, kari, kind="participant")
    assert "seg selv" in refusal(propose, db, alone, [kari], D(2026, 1, 10), today=TODAY)[
        "volunteers"]  # fmt: skip
    ola = volunteer(db, "Ola Nordmann", gender="male")
    amal = participant(db)
    family = household(db, people=[ola, amal], children=[2018])
    for pairing in (waiting(db, family), waiting(db, amal, kind="participant")):
        message = refusal(propose, db, pairing, [ola], D(2026, 1, 10), today=TODAY)["volunteers"]
        assert "Ola Nordmann" in message
        assert "seg selv" in message or "egen husstand" in message


def test_a_second_active_pairing_of_the_same_pair_is_refused(db: Database) -> None:
    kari = volunteer(db, max_pairings=3)
    h = household(db, adults=[1980])
    active_pairing(db, h, [kari])
    again = waiting(db, h, prog="Vennefamilie")
    message = refusal(propose, db, again, [kari], D(2026, 3, 1), today=TODAY)["volunteers"]
    assert "har allerede en kobling med Familien Hassan" in message


def test_every_hard_rule_refuses_with_a_plain_message(db: Database) -> None:
    programme(db, "Flyktningguide", certificate="children", min_age=20)
    kids = household(db, "Familien Barn", adults=[1985], children=[2016])
    cases = {
        "Har ikke plass": volunteer(db, "Full Fiona"),
        "Mangler: Opplæring, Taushetserklæring": volunteer(db, "Ny Nina", steps=("interview",)),
        "Mangler gyldig politiattest": volunteer(db, "Uten Ulla", certificate=False),
        "Er under 20 år": volunteer(db, "Ung Una", birth_year=2007),
        "Alderen er ukjent": volunteer(db, "Ukjent Ulf", birth_year=None, gender="male"),
        "Ønsker en kvinnelig frivillig": volunteer(db, "Mann Mats", gender="male"),
    }
    active_pairing(db, household(db, "Familien Opptatt", adults=[1970]), [cases["Har ikke plass"]])
    paused = volunteer(db, "Pause Pia")
    change_status(db, paused, "paused", D(2026, 6, 1), "ferie")
    pairing = waiting(db, kids, wish="female")
    cases["Frivilligen har pause"] = paused
    for expected, who in cases.items():
        message = refusal(propose, db, pairing, [who], D(2026, 7, 1), today=TODAY)["volunteers"]
        assert expected in message, (expected, message)
    assert get_pairing(db, pairing, today=TODAY).row.status == "waiting"  # nothing changed


def test_activate_checks_the_rules_again_on_the_start_date(db: Database) -> None:
    kari = volunteer(db)
    pairing = waiting(db, household(db, adults=[1980], children=[2015]), prog="Vennefamilie")
    propose(db, pairing, [kari], D(2026, 1, 10), today=TODAY)
    with db.write() as session:  # the certificate ran out before the start
        session.execute(update(Certificate).values(expires_on=D(2026, 1, 31)))
    message = refusal(activate, db, pairing, D(2026, 2, 1), today=TODAY)["volunteers"]
    assert "politiattest" in message
    assert get_pairing(db, pairing, today=TODAY).row.status == "proposed"


def test_the_certificate_is_needed_only_where_the_programme_says(db: Database) -> None:
    kari = volunteer(db, "Kari Ødegård", certificate=False, max_pairings=5)
    adults_only = household(db, "Familien Voksen", adults=[1980])
    with_child = household(db, "Familien Barn", adults=[1980], children=[2015])
    young = participant(db, "Ung Yusuf", birth_year=2010, gender="male")
    # children: a family of adults needs none, a family with a child or a child participant does.
    propose(db, waiting(db, adults_only), [kari], D(2026, 2, 1), today=TODAY)
    for seeker, kind in ((with_child, "household"), (young, "participant")):
        pairing = waiting(db, seeker, kind=kind)
        message = refusal(propose, db, pairing, [kari], D(2026, 2, 1), today=TODAY)["volunteers"]
        assert "politiattest" in message
    # never: a family with children needs none; always: even a family of adults does.
    programme(db, "Vennefamilie", certificate="never")
    propose(db, waiting(db, with_child, prog="Vennefamilie"), [kari], D(2026, 2, 1), today=TODAY)
    programme(db, "Vennefamilie", certificate="always")
    pairing = waiting(db, adults_only, prog="Vennefamilie")
    assert "politiattest" in refusal(propose, db, pairing, [kari], D(2026, 2, 1), today=TODAY)[
        "volunteers"]  # fmt: skip


def test_a_pairing_with_children_is_a_role_that_needs_a_certificate(db: Database) -> None:
    kari = volunteer(db, "Kari Ødegård", max_pairings=2)
    ola = volunteer(db, "Ola Nordmann", gender="male")
    with db.read() as session:
        before = requiring_roles(session_reader(session), TODAY)
    assert before == {}
    pairing = waiting(db, household(db, adults=[1980], children=[2015]), prog="Vennefamilie")
    propose(db, pairing, [kari], D(2026, 2, 1), today=TODAY)
    active_pairing(db, household(db, "Familien Voksen", adults=[1980]), [ola])
    with db.read() as session:
        roles = requiring_roles(session_reader(session), TODAY)
        kari_pk = _person_pk(session, kari)
    assert roles == {kari_pk: ["Vennefamilie (kobling)"]}  # the adults-only family needs none
    rows = {r.name: r.role for r in list_certificates(db, today=TODAY)}
    assert rows["Kari Ødegård"] == "Vennefamilie (kobling)"
    end_pairing(db, pairing, D(2026, 3, 1), "moved", today=TODAY)
    with db.read() as session:
        assert requiring_roles(session_reader(session), TODAY) == {}


def test_a_team_pairing(db: Database) -> None:
    kari, ola = volunteer(db), volunteer(db, "Ola Nordmann", gender="male")
    nina = volunteer(db, "Nina Ny", steps=())
    pairing = active_pairing(db, household(db, adults=[1980]), [kari])
    set_volunteers(db, pairing, [kari, ola], today=TODAY)
    assert get_pairing(db, pairing, today=TODAY).row.volunteer_names == (
        "Kari Ødegård", "Ola Nordmann")  # fmt: skip
    assert "Mangler" in refusal(set_volunteers, db, pairing, [kari, ola, nina], today=TODAY)[
        "volunteers"]  # fmt: skip
    set_volunteers(db, pairing, [ola], today=TODAY)
    assert get_pairing(db, pairing, today=TODAY).row.volunteer_ids == (ola,)
    assert "volunteers" in refusal(set_volunteers, db, pairing, [], today=TODAY)


# -- follow-ups ----------------------------------------------------------------------------------


def test_follow_ups_are_planned_from_the_programme(db: Database) -> None:
    kari = volunteer(db)
    pairing = active_pairing(db, household(db, adults=[1980]), [kari], start=D(2026, 1, 15))
    planned = [f.due_on for f in get_pairing(db, pairing, today=TODAY).follow_ups]
    assert planned == [D(2026, 1, 29), D(2026, 2, 15), D(2026, 4, 15), D(2026, 6, 15),
                       D(2026, 8, 15), D(2026, 10, 15), D(2026, 12, 15)]  # fmt: skip
    # Another programme's plan and length.
    programme(db, "Vennefamilie", follow_up_plan="1m,*3m", months=6)
    other = active_pairing(db, household(db, "Familien To", adults=[1980]),
                           [volunteer(db, "Ola Nordmann")], start=D(2026, 1, 31),
                           prog="Vennefamilie")  # fmt: skip
    planned = [f.due_on for f in get_pairing(db, other, today=TODAY).follow_ups]
    assert planned == [D(2026, 2, 28), D(2026, 5, 31)]


def test_logging_a_follow_up(db: Database) -> None:
    kari = volunteer(db)
    h = household(db, adults=[1980])
    pairing = waiting(db, h)
    data = FollowUpData(done_on=D(2026, 2, 10), kind="phone", how="good", note="Fint")
    # Not started yet: refused.
    assert "done_on" in refusal(log_follow_up, db, pairing, data, today=TODAY)
    propose(db, pairing, [kari], D(2026, 1, 20), today=TODAY)
    activate(db, pairing, D(2026, 2, 1), today=TODAY)
    # Before the start: refused with the start date.
    early = FollowUpData(done_on=D(2026, 1, 31), kind="phone")
    assert "01.02.2026" in refusal(log_follow_up, db, pairing, early, today=TODAY)["done_on"]
    assert "kind" in refusal(log_follow_up, db, pairing,
                             FollowUpData(D(2026, 2, 10), "letter"), today=TODAY)  # fmt: skip
    meh = FollowUpData(D(2026, 2, 10), "phone", how="meh")
    assert "how" in refusal(log_follow_up, db, pairing, meh, today=TODAY)
    future = FollowUpData(TODAY + dt.timedelta(1), "phone")
    assert "done_on" in refusal(log_follow_up, db, pairing, future, today=TODAY)
    with pytest.raises(NotFound):
        log_follow_up(db, pairing, FollowUpData(D(2026, 2, 10), "phone", staff_id="x"),
                      today=TODAY)  # fmt: skip
    # Four days before the 2-week follow-up (15.02): it counts as that one.
    log_follow_up(db, pairing, data, today=TODAY)
    detail = get_pairing(db, pairing, today=TODAY)
    first = detail.follow_ups[0]
    assert (first.due_on, first.done_on, first.kind, first.how, first.note) == (
        D(2026, 2, 15), D(2026, 2, 10), "phone", "good", "Fint")  # fmt: skip
    assert detail.row.next_follow_up == D(2026, 3, 1)
    # Late for the one-month follow-up (01.03) and long before 01.05: completes 01.03 only.
    log_follow_up(db, pairing, FollowUpData(D(2026, 3, 20), "meeting", how="some_concern"),
                  today=TODAY)  # fmt: skip
    assert get_pairing(db, pairing, today=TODAY).row.next_follow_up == D(2026, 5, 1)
    # Nothing planned near: an extra, unplanned follow-up.
    log_follow_up(db, pairing, FollowUpData(D(2026, 3, 25), "message"), today=TODAY)
    timeline = get_pairing(db, pairing, today=TODAY).follow_ups
    extra = [f for f in timeline if f.due_on is None]
    assert [f.done_on for f in extra] == [D(2026, 3, 25)]
    days = [f.done_on or f.due_on for f in timeline]  # done ones by the day done
    assert days == sorted(days) and days[:3] == [D(2026, 2, 10), D(2026, 3, 20), D(2026, 3, 25)]


def test_overdue_follow_ups_across_pairings_oldest_first(db: Database) -> None:
    kari = volunteer(db, max_pairings=2)
    ola = volunteer(db, "Ola Nordmann", gender="male")
    early = active_pairing(db, household(db, "Familien Tidlig", adults=[1980]), [kari],
                           start=D(2026, 6, 1))  # fmt: skip
    late = active_pairing(db, household(db, "Familien Sen", adults=[1980]), [ola, kari],
                          start=D(2026, 9, 1))  # fmt: skip
    # A third, ended pairing's open follow-ups are never overdue.
    gone = active_pairing(db, household(db, "Familien Borte", adults=[1980]),
                          [volunteer(db, "Per Borte")], start=D(2026, 3, 1))  # fmt: skip
    end_pairing(db, gone, D(2026, 9, 1), "moved", today=TODAY)
    rows = overdue_follow_ups(db, today=TODAY)
    # Flyktningguide: 2 weeks, 1 month, then every 2 months.
    assert [(r.seeker_name, r.due_on) for r in rows] == [
        ("Familien Tidlig", D(2026, 6, 15)),
        ("Familien Tidlig", D(2026, 7, 1)),
        ("Familien Tidlig", D(2026, 9, 1)),
        ("Familien Sen", D(2026, 9, 15)),
        ("Familien Sen", D(2026, 10, 1)),
        ("Familien Tidlig", D(2026, 11, 1)),
    ]
    assert rows[0].days_overdue == (TODAY - D(2026, 6, 15)).days
    assert rows[0].pairing_id == early and rows[3].pairing_id == late
    assert rows[3].volunteer_names == ("Kari Ødegård", "Ola Nordmann")
    assert rows[3].programme == "Flyktningguide"
    counts = pairing_counts(db, TODAY)
    assert (counts.overdue, counts.overdue_pairings, counts.active) == (6, 2, 2)
    row = {r.id: r for r in list_pairings(db, status="active", today=TODAY)}[early]
    assert row.next_follow_up == D(2026, 6, 15) and row.overdue
    # Due today is not overdue yet.
    assert D(2026, 11, 1) not in [r.due_on for r in overdue_follow_ups(db, today=D(2026, 11, 1))]


def test_meetings_count_as_volunteer_hours(db: Database) -> None:
    kari, ola = volunteer(db), volunteer(db, "Ola Nordmann", gender="male")
    pairing = active_pairing(db, household(db, adults=[1980]), [kari, ola], start=D(2026, 2, 1))
    log_meeting(db, pairing, D(2026, 2, 8), 2.5, "Tur i skogen", today=TODAY)
    log_meeting(db, pairing, D(2026, 3, 8), 1.5, today=TODAY)
    assert meeting_hours(db, kari) == 4.0 and meeting_hours(db, ola) == 4.0
    assert meeting_hours(db, kari, start=D(2026, 3, 1)) == 1.5
    from app.services.hours import hours_summary

    assert hours_summary(db, kari, today=TODAY).this_year == 4.0  # the volunteer's own total
    detail = get_pairing(db, pairing, today=TODAY)
    assert [m.met_on for m in detail.meetings] == [D(2026, 3, 8), D(2026, 2, 8)]
    assert detail.meeting_hours == 4.0
    assert "met_on" in refusal(log_meeting, db, pairing, D(2026, 1, 31), 1, today=TODAY)
    assert "hours" in refusal(log_meeting, db, pairing, D(2026, 2, 9), 0, today=TODAY)
    assert "hours" in refusal(log_meeting, db, pairing, D(2026, 2, 9), 25, today=TODAY)
    end_pairing(db, pairing, D(2026, 4, 1), "completed", today=TODAY)
    assert "met_on" in refusal(log_meeting, db, pairing, D(2026, 4, 2), 1, today=TODAY)


def test_list_filters_by_status_and_programme(db: Database) -> None:
    kari = volunteer(db)
    guide = waiting(db, household(db, "Familien A", adults=[1980]))
    family = active_pairing(db, household(db, "Familien B", adults=[1980]), [kari],
                            prog="Vennefamilie")  # fmt: skip
    assert {r.id for r in list_pairings(db, today=TODAY)} == {guide, family}
    assert [r.id for r in list_pairings(db, programme="vennefamilie", today=TODAY)] == [family]
    assert [r.id for r in list_pairings(db, status="waiting", today=TODAY)] == [guide]
    with pytest.raises(NotFound):
        list_pairings(db, programme="Mentor")
    assert "status" in refusal(list_pairings, db, status="paused")
    # Waiting first, then by state.
    assert [r.status for r in list_pairings(db, today=TODAY)] == ["waiting", "active"]


def test_several_unplanned_follow_ups_on_one_pairing(db: Database) -> None:
    """Unplanned follow-ups have no due date; several may share a pairing."""
    pairing = active_pairing(db, household(db, adults=[1980]), [volunteer(db)],
                             start=D(2026, 11, 10))  # fmt: skip
    for day in (D(2026, 11, 11), D(2026, 11, 12), D(2026, 11, 13)):
        log_follow_up(db, pairing, FollowUpData(day, "phone"), today=TODAY)
    timeline = get_pairing(db, pairing, today=TODAY).follow_ups
    assert [(f.due_on, f.done_on) for f in timeline[:3]] == [
        (D(2026, 11, 24), D(2026, 11, 11)),  # within 14 days of the planned 24.11
        (None, D(2026, 11, 12)),
        (None, D(2026, 11, 13)),
    ]
    with db.read() as session:
        unplanned = session.scalars(select(FollowUp).where(FollowUp.due_on.is_(None))).all()
    assert len(unplanned) == 2
