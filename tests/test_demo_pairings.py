"""Demo participants, households and pairings: the sizes the issue asks for, every state on the
board, overdue follow-ups, consent for everyone (a guardian's or a verge's for a child), and no
proposed or active pairing that breaks a hard rule of matching."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from app.db import Database, session_reader
from app.models import (
    Certificate,
    CertificateEvent,
    Consent,
    FollowUp,
    Household,
    HouseholdMember,
    OnboardingStep,
    Pairing,
    PairingMeeting,
    PairingOutcome,
    PairingVolunteer,
    Participant,
    Person,
    PersonLanguage,
    PersonTag,
    Programme,
    ProgrammeVolunteer,
    Tag,
    Volunteer,
)
from app.services.age_bands import age_at
from app.services.certificate_need import requiring_roles, valid_on
from app.services.certificate_rules import CertificatePolicy
from app.services.codes import (
    BACKGROUNDS,
    CHILD_CONSENT_GIVERS,
    FOLLOW_UP_HOW,
    FOLLOW_UP_KINDS,
    PAIRING_END_REASONS,
    PAIRING_OUTCOMES,
    REFERRERS,
)
from app.services.demo import fill_demo
from app.services.demo_names import (
    FOLLOW_UPS,
    HOUSEHOLDS,
    INTERESTS,
    PAIRINGS,
    PARTICIPANTS,
    VOLUNTEER_FAMILIES,
)
from app.services.demo_pairings import STEPS, Helper, Known, plan_pairings
from app.services.matching import pairing_situation, volunteer_problems
from app.services.volunteer_list import INTEREST
from app.services.volunteers import build_search_text

TODAY = dt.date(2026, 6, 1)
STATES = ("waiting", "proposed", "active", "ended")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = Database.open(tmp_path_factory.mktemp("pairings") / "demo.sqlite", create=True)
    fill_demo(db, size="small", seed=3, today=TODAY)
    yield db
    db.close()


def _count(session, model: type) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(func.count()).select_from(model))


def test_small_demo_has_the_sizes_the_issue_asks_for(demo: Database) -> None:
    with demo.read() as session:
        assert _count(session, Participant) == PARTICIPANTS["small"] == 300
        assert _count(session, Household) == HOUSEHOLDS["small"] == 60
        kinds = Counter(session.scalars(select(Household.kind)))
        statuses = Counter(session.scalars(select(Pairing.status)))
        programmes = {p.name: p for p in session.scalars(select(Programme))}
        assert _count(session, PairingMeeting) > 0
    assert kinds == {"participant": 55, "volunteer": VOLUNTEER_FAMILIES["small"]}
    assert statuses == dict.fromkeys(STATES, 25) == PAIRINGS["small"]
    assert set(programmes) == {"Flyktningguide", "Vennefamilie", "Mentor"}
    guide, family, mentor = (programmes[n] for n in ("Flyktningguide", "Vennefamilie", "Mentor"))
    for p in (guide, family):
        assert (p.months, p.hours_per_month, p.follow_up_plan, p.certificate) == (
            12, 8.0, "2w,1m,*2m", "children")  # fmt: skip
    assert (mentor.months, mentor.hours_per_month, mentor.follow_up_plan, mentor.certificate) == (
        6, 4.0, "1m,*1m", "never")  # fmt: skip
    assert all(
        p.required_steps == "interview,training,confidentiality" for p in programmes.values()
    )


def test_pairings_are_whole_for_their_state(demo: Database) -> None:
    with demo.read() as session:
        pairings = list(session.scalars(select(Pairing)))
        team = defaultdict(set)
        for pairing_id, person_id in session.execute(
            select(PairingVolunteer.pairing_id, PairingVolunteer.person_id)
        ):
            team[pairing_id].add(person_id)
        outcomes = set(session.scalars(select(PairingOutcome.outcome)))
        households = dict(session.execute(select(Household.id, Household.kind)).tuples().all())
    for p in pairings:
        assert (p.participant_id is None) != (p.household_id is None)
        if p.household_id is not None:
            assert households[p.household_id] == "participant"
        assert p.referred_on <= TODAY
        if p.status == "waiting":
            assert not team[p.id] and p.proposed_on is p.start_date is p.end_date is None
            continue
        assert team[p.id] and p.referred_on <= p.proposed_on <= TODAY
        if p.status == "proposed":
            assert p.start_date is None
            continue
        assert p.proposed_on <= p.start_date <= TODAY and p.agreement_date >= p.start_date
        if p.status == "active":
            assert p.end_date is None and p.end_reason is None
        else:
            assert p.start_date < p.end_date < TODAY and p.end_reason in PAIRING_END_REASONS
    assert outcomes <= set(PAIRING_OUTCOMES) and "became_volunteer" in outcomes
    assert any(len(t) > 1 for t in team.values())  # a team pairing


def test_the_waiting_list_and_overdue_follow_ups(demo: Database) -> None:
    with demo.read() as session:
        waiting = list(session.scalars(select(Pairing.referred_on).where(
            Pairing.status == "waiting")))  # fmt: skip
        rows = session.execute(
            select(FollowUp, Pairing.status, Pairing.start_date, Pairing.end_date).join(
                Pairing, Pairing.id == FollowUp.pairing_id
            )
        ).all()
    assert len(waiting) == 25 and max((TODAY - d).days for d in waiting) > 60
    overdue = [f for f, status, *_ in rows if f.done_on is None and f.due_on < TODAY]
    assert overdue
    assert {status for f, status, *_ in rows if f.done_on is None} == {"active"}
    assert any(f.due_on is None for f, *_ in rows)  # an unplanned follow-up logged
    assert any(f.due_on > TODAY for f, *_ in rows if f.due_on)  # planned ahead
    for f, status, start, end in rows:
        assert status in ("active", "ended")
        if f.due_on is not None:
            assert f.due_on > start
        if f.done_on is not None:
            assert start < f.done_on <= min(end or TODAY, TODAY)
            assert f.kind in FOLLOW_UP_KINDS and f.how in FOLLOW_UP_HOW and f.staff_id
        else:
            assert f.kind is f.how is f.note is None


def test_every_participant_has_consent_and_every_child_a_guardians_or_verges(
    demo: Database,
) -> None:
    with demo.read() as session:
        rows = session.execute(
            select(Person.birth_year, Participant, Consent, HouseholdMember.household_id)
            .join(Participant, Participant.person_id == Person.id)
            .outerjoin(Consent, Consent.person_id == Person.id)
            .outerjoin(HouseholdMember, HouseholdMember.person_id == Person.id)
        ).all()
    assert len(rows) == 300
    givers = Counter()
    for birth_year, participant, consent, household_id in rows:
        assert consent is not None and consent.withdrawn_on is None
        assert consent.given_on == participant.registered_on <= TODAY and consent.staff_id
        assert participant.background in (None, *BACKGROUNDS)
        assert participant.referred_by in (None, *REFERRERS)
        if (age_at(birth_year, participant.registered_on) or 0) < 18:
            assert consent.given_by in CHILD_CONSENT_GIVERS
            if consent.given_by == "verge":  # an unaccompanied minor: in no family
                assert household_id is None
        else:
            assert consent.given_by == "self"
        givers[consent.given_by] += 1
    assert givers["guardian"] and givers["verge"] and givers["self"]


def test_children_in_households_and_volunteer_families(demo: Database) -> None:
    with demo.read() as session:
        members = session.execute(
            select(Household.kind, HouseholdMember, Person.birth_year)
            .join(Household, Household.id == HouseholdMember.household_id)
            .outerjoin(Person, Person.id == HouseholdMember.person_id)
        ).all()
        volunteers = set(session.scalars(select(Volunteer.person_id)))
    unnamed_children = [m for kind, m, _b in members if m.person_id is None
                        and kind == "participant" and TODAY.year - m.birth_year < 18]  # fmt: skip
    assert len(unnamed_children) > 30
    families = [m for kind, m, _b in members if kind == "volunteer" and m.person_id]
    assert len(families) == 5 and all(m.person_id in volunteers for m in families)


def _has_child(session, pairing: Pairing) -> bool:  # type: ignore[no-untyped-def]
    if pairing.household_id is not None:
        years = session.scalars(
            select(func.coalesce(Person.birth_year, HouseholdMember.birth_year))
            .select_from(HouseholdMember)
            .outerjoin(Person, Person.id == HouseholdMember.person_id)
            .where(HouseholdMember.household_id == pairing.household_id)
        )
    else:
        years = session.scalars(select(Person.birth_year).where(
            Person.id == pairing.participant_id))  # fmt: skip
    return any(y is not None and TODAY.year - y < 18 for y in years)


def test_no_proposed_or_active_pairing_breaks_a_hard_rule(demo: Database) -> None:
    with demo.read() as session:
        going = list(session.scalars(select(Pairing).where(
            Pairing.status.in_(("proposed", "active")))))  # fmt: skip
        load: Counter[int] = Counter()
        for pairing in going:
            people = set(session.scalars(select(PairingVolunteer.person_id).where(
                PairingVolunteer.pairing_id == pairing.id)))  # fmt: skip
            needs_certificate = (pairing.programme_id != _mentor(session)
                                 and _has_child(session, pairing))  # fmt: skip
            for person_id in people:
                load[person_id] += 1
                volunteer, person = session.execute(
                    select(Volunteer, Person).join(Person).where(Person.id == person_id)
                ).one()
                assert volunteer.status == "active"
                assert volunteer.start_date <= pairing.proposed_on
                assert person.birth_year is not None and TODAY.year - person.birth_year >= 18
                if pairing.gender_wish:
                    assert person.gender == pairing.gender_wish
                steps = dict(
                    session.execute(
                        select(OnboardingStep.step, OnboardingStep.done_on).where(
                            OnboardingStep.person_id == person_id
                        )
                    ).all()
                )
                assert set(STEPS) <= set(steps) and max(steps[s] for s in STEPS) <= TODAY
                if needs_certificate:
                    cert = session.scalars(select(Certificate).where(
                        Certificate.person_id == person_id)).one()  # fmt: skip
                    assert valid_on(cert.status, cert.expires_on, TODAY)
                    assert cert.shown_on <= (pairing.start_date or TODAY)
        capacity = dict(session.execute(select(Volunteer.person_id, Volunteer.max_pairings)).all())
        children_pairings = sum(
            p.programme_id != _mentor(session) and _has_child(session, p) for p in going
        )
    assert children_pairings >= 10
    assert all(n <= capacity[person_id] for person_id, n in load.items())
    assert any(n > 1 for n in load.values())  # someone with more than one pairing


def test_the_matching_services_find_no_hard_rule_broken(demo: Database) -> None:
    """The same check through `app.services.matching`, as `propose` and `activate` make it."""
    with demo.read() as session:
        going = session.execute(select(Pairing.id, Pairing.status).where(
            Pairing.status.in_(("proposed", "active")))).all()  # fmt: skip
        checked = 0
        for pairing_id, _status in going:
            people = list(session.scalars(select(PairingVolunteer.person_id).where(
                PairingVolunteer.pairing_id == pairing_id)))  # fmt: skip
            situation = pairing_situation(session, pairing_id, TODAY)
            for candidate, problems in volunteer_problems(session, situation, people, TODAY):
                assert problems == [], (pairing_id, candidate.name, problems)
                checked += 1
    assert checked >= 50


def test_everyone_in_a_role_that_needs_a_certificate_has_a_record(demo: Database) -> None:
    with demo.read() as session:
        roles = requiring_roles(session_reader(session), TODAY)
        records = set(session.scalars(select(Certificate.person_id)))
        members = session.execute(select(ProgrammeVolunteer.person_id, ProgrammeVolunteer.to_date,
                                         Programme.name).join(Programme)).all()  # fmt: skip
    assert any("(kobling)" in r for held in roles.values() for r in held)
    assert any("programmet" in r for held in roles.values() for r in held)
    assert set(roles) <= records
    current = Counter(name for _p, to_date, name in members if to_date is None)
    assert set(current) == {"Flyktningguide", "Vennefamilie", "Mentor"}
    assert any(to_date is not None for _p, to_date, _n in members)


def _mentor(session) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(Programme.id).where(Programme.name == "Mentor"))


def test_added_certificates_have_a_history_the_services_would_write(demo: Database) -> None:
    with demo.read() as session:
        for cert in session.scalars(select(Certificate).where(Certificate.status == "cleared")):
            events = list(
                session.scalars(
                    select(CertificateEvent)
                    .where(CertificateEvent.certificate_id == cert.id)
                    .order_by(CertificateEvent.id)
                )
            )
            assert events[0].from_status is None and events[-1].to_status == "cleared"
            assert [e.on_date for e in events] == sorted(e.on_date for e in events)
            assert cert.requested_on <= cert.issued_on <= cert.shown_on <= TODAY < cert.expires_on


def test_participants_are_searchable_and_tagged_with_the_shared_interests(
    demo: Database,
) -> None:
    with demo.read() as session:
        interest = dict(session.execute(select(Tag.id, Tag.name)).all())
        people = session.execute(
            select(Person).join(Participant, Participant.person_id == Person.id)
            .where(Person.district.is_not(None))
        ).scalars().all()  # fmt: skip
        assert len(people) > 150
        for person in people:
            codes = list(
                session.scalars(
                    select(PersonLanguage.code)
                    .where(PersonLanguage.person_id == person.id)
                    .order_by(PersonLanguage.position)
                )
            )
            tags = [interest[t] for t in session.scalars(select(PersonTag.tag_id).where(
                PersonTag.person_id == person.id, PersonTag.kind == INTEREST))]  # fmt: skip
            assert set(tags) <= set(INTERESTS)
            if (
                person.email is None
                and session.scalar(select(func.count()).where(Volunteer.person_id == person.id))
                == 0
            ):
                expected = build_search_text(person.name, None, person.phone, codes, tags)
                assert sorted(person.search_text.split()) == sorted(expected.split())


# -- the large plan, without writing it -----------------------------------------------------------


def _large_known(participants: int = 4972) -> Known:
    """About what the large demo holds when the pairings are planned (2,000 volunteers)."""
    rng = random.Random(7)
    helpers, steps = [], {}
    for i in range(1, 2001):
        start = TODAY - dt.timedelta(days=rng.randint(0, 3650))
        status = rng.choices(["active", "paused", "ended"], [78, 8, 14])[0]
        status_date = start if status == "active" else start + dt.timedelta(
            days=rng.randint(0, (TODAY - start).days))  # fmt: skip
        pool = rng.choice(["no", "no", "ar", "uk", "so", "ti"])
        helpers.append(Helper(i, i, f"Frivillig {i} Hansen", start, status, status_date,
                              TODAY.year - rng.randint(17, 82), rng.choice(["female", "male"]),
                              rng.choice(["4306", "4313", "4020"]),
                              frozenset({"no", pool})))  # fmt: skip
        if start < TODAY - dt.timedelta(days=100):
            steps[i] = {s: start + dt.timedelta(days=5) for s in STEPS}
    return Known(
        helpers=helpers,
        staff_ids=[1, 2, 3],
        tag_ids={t: n for n, t in enumerate(INTERESTS, start=1)},
        participants=participants,
        steps=steps,
        certificates={},
        phones=set(),
        policy=CertificatePolicy(),
        next_ids={"people": 7000},
    )


def test_the_large_plan_has_the_sizes_the_issue_asks_for() -> None:
    planned = plan_pairings(_large_known(), size="large", seed=1, today=TODAY)
    assert planned.count(Participant) + 4972 == PARTICIPANTS["large"] == 10_000
    assert planned.count(Household) == HOUSEHOLDS["large"] == 3_000
    statuses = Counter(r["status"] for r in planned.rows[Pairing])
    assert statuses == PAIRINGS["large"] and sum(statuses.values()) == 1_500
    assert planned.count(FollowUp) == FOLLOW_UPS["large"] == 10_000
    assert planned.count(Consent) == planned.count(Participant)
    overdue = [r for r in planned.rows[FollowUp] if r["done_on"] is None and r["due_on"] < TODAY]
    assert overdue


def test_the_same_seed_plans_the_same_pairings() -> None:
    def fingerprint(seed: int) -> list[tuple[object, ...]]:
        planned = plan_pairings(_large_known(90), size="small", seed=seed, today=TODAY)
        return [(r["status"], r["referred_on"], r["start_date"], r["end_date"])
                for r in planned.rows[Pairing]]  # fmt: skip

    assert fingerprint(4) == fingerprint(4) != fingerprint(5)
