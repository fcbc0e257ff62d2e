"""Matching from the database: the obvious best match wins, and no suggestion breaks a hard rule.

The pure rules are tested in tests/test_matching_rules.py; here the volunteers and seekers are
loaded from tables, and every suggestion is checked against the pairing service itself.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import event

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.services import matching
from app.services.matching import excluded_for_seeker, rank_for_seeker, rank_for_volunteer
from app.services.matching_rules import Candidate
from app.services.pairings import propose
from app.services.volunteer_list import list_volunteers
from app.services.volunteers import change_status
from tests.test_pairings import (
    TODAY,
    active_pairing,
    household,
    participant,
    programme,
    volunteer,
    waiting,
)

D = dt.date


def names(matches: list) -> list[str]:  # type: ignore[type-arg]
    return [m.candidate.name for m in matches]


def test_shared_arabic_and_same_district_beats_a_shared_interest_alone(db: Database) -> None:
    mother = participant(db, "Amal Hassan", languages=["ar"], interests=["matlaging"])
    father = participant(db, "Omar Hassan", gender="male", languages=["ar", "en"],
                         interests=["fotball"])  # fmt: skip
    family = household(db, people=[mother, father], children=[2016], district="Frogner")
    # All much older than the parents, so age gives nobody points.
    volunteer(db, "Bente Ball", interests=["fotball"], district="Sagene", birth_year=1955)
    volunteer(db, "Aisha Nabil", languages=["ar", "no"], district="frogner", birth_year=1955)
    volunteer(db, "Cecilie Ingen", district="Grorud", birth_year=1955)
    ranked = rank_for_seeker(db, household_id=family, programme="Flyktningguide", today=TODAY)
    assert names(ranked) == ["Aisha Nabil", "Bente Ball", "Cecilie Ingen"]
    best = ranked[0]
    assert best.reasons == ("Snakker arabisk", "Samme bydel")
    assert best.score == 45
    assert ranked[1].reasons == ("Begge er interessert i fotball",)
    assert ranked[2].score == 0 and ranked[2].reasons == ()


def test_family_with_children_meets_a_volunteer_family(db: Database) -> None:
    seeker = household(db, "Familien Tesfay", adults=[1986], children=[2017, 2019])
    volunteer(db, "Siri Singel", birth_year=1986)
    parent = volunteer(db, "Per Forelder", birth_year=1970, gender="male")
    household(db, "Familien Forelder", people=[parent], children=[2018], kind="volunteer")
    ranked = rank_for_seeker(db, household_id=seeker, programme="Vennefamilie", today=TODAY)
    assert names(ranked) == ["Per Forelder", "Siri Singel"]
    assert ranked[0].reasons == ("Familie med barn på samme alder",)
    assert ranked[1].reasons == ("Omtrent like gamle",)
    assert ranked[0].candidate.children_ages == (8,)
    assert ranked[0].candidate.household_id is not None


def test_equal_scores_order_by_fewer_pairings_then_name(db: Database) -> None:
    busy = volunteer(db, "Anne Opptatt", max_pairings=3)
    volunteer(db, "Cato Ledig", gender="male")
    volunteer(db, "Berit Ledig")
    active_pairing(db, household(db, "Familien Før", adults=[1980]), [busy])
    seeker = household(db, "Familien Ny", adults=[1980])
    waiting(db, seeker, prog="Vennefamilie")
    ranked = rank_for_seeker(db, household_id=seeker, today=TODAY)
    # Anne's load costs her 10 points; the two free ones tie and go by name.
    assert names(ranked) == ["Berit Ledig", "Cato Ledig", "Anne Opptatt"]
    assert ranked[2].reasons[-1] == "Har allerede 1 pågående kobling"
    assert rank_for_seeker(db, household_id=seeker, limit=1, today=TODAY)[0].candidate.name == (
        "Berit Ledig")  # fmt: skip


def test_the_gender_wish_of_the_waiting_pairing_is_a_hard_rule(db: Database) -> None:
    volunteer(db, "Kari Kvinne", gender="female")
    volunteer(db, "Ola Mann", gender="male", languages=["no", "ar"])
    volunteer(db, "Kim Ukjent", gender="unknown", languages=["no", "ar"])
    seeker = participant(db, "Fatima Ali", languages=["ar"])
    pairing = waiting(db, seeker, kind="participant", wish="female")
    assert names(rank_for_seeker(db, participant_id=seeker, today=TODAY)) == ["Kari Kvinne"]
    assert names(rank_for_seeker(db, pairing_id=pairing, today=TODAY)) == ["Kari Kvinne"]
    left_out = {c.name: problems for c, problems in
                excluded_for_seeker(db, pairing_id=pairing, today=TODAY)}  # fmt: skip
    assert left_out == {"Kim Ukjent": ["Ønsker en kvinnelig frivillig"],
                        "Ola Mann": ["Ønsker en kvinnelig frivillig"]}  # fmt: skip


def test_which_programme_and_bad_ids(db: Database) -> None:
    family = household(db, adults=[1980])
    volunteer(db)
    with pytest.raises(ValidationFailed) as failure:
        rank_for_seeker(db, household_id=family, today=TODAY)  # not waiting, two programmes
    assert "Flyktningguide, Vennefamilie" in failure.value.errors["programme"]
    waiting(db, family)
    assert len(rank_for_seeker(db, household_id=family, today=TODAY)) == 1
    waiting(db, family, prog="Vennefamilie")
    with pytest.raises(ValidationFailed) as failure:
        rank_for_seeker(db, household_id=family, today=TODAY)
    assert "flere programmer" in failure.value.errors["programme"]
    assert len(rank_for_seeker(db, household_id=family, programme="vennefamilie", today=TODAY))
    for kwargs in ({"household_id": "x"}, {"participant_id": "x"}, {"pairing_id": "x"}):
        with pytest.raises(NotFound):
            rank_for_seeker(db, **kwargs, programme="Flyktningguide", today=TODAY)
    with pytest.raises(NotFound):
        rank_for_seeker(db, household_id=family, programme="Mentor", today=TODAY)
    with pytest.raises(ValidationFailed):
        rank_for_seeker(db, today=TODAY)
    with pytest.raises(NotFound):  # a volunteer is not a participant
        rank_for_seeker(db, participant_id=volunteer(db, "Ola"), programme="Vennefamilie")


def test_a_volunteer_sees_the_waiting_list_by_their_programmes_steps(db: Database) -> None:
    programme(db, "Vennefamilie", required_steps=("interview",))
    nina = volunteer(db, "Nina Ny", steps=("interview",), languages=["no", "so"])
    somali = household(db, "Familien Warsame", adults=[1984], people=[
        participant(db, "Hodan Warsame", languages=["so"])])  # fmt: skip
    other = household(db, "Familien Berg", adults=[1984])
    guide = waiting(db, somali, prog="Flyktningguide", referred=D(2026, 1, 1))
    family_somali = waiting(db, somali, prog="Vennefamilie", referred=D(2026, 3, 1))
    family_other = waiting(db, other, prog="Vennefamilie", referred=D(2026, 2, 1))
    seen = rank_for_volunteer(db, nina, today=TODAY)
    assert [s.pairing_id for s in seen] == [family_somali, family_other]
    assert guide not in [s.pairing_id for s in seen]  # Flyktningguide needs training too
    assert seen[0].programme == "Vennefamilie" and seen[0].match.reasons[0] == "Snakker somali"
    assert rank_for_volunteer(db, nina, limit=1, today=TODAY)[0].pairing_id == family_somali
    with pytest.raises(NotFound):
        rank_for_volunteer(db, "nobody")


def test_ranking_makes_a_handful_of_queries_whatever_the_number_of_volunteers(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(30):
        volunteer(db, f"Frivillig {i:02}", languages=["no", "ar"][: 1 + i % 2],
                  interests=["fotball"] if i % 3 else [])  # fmt: skip
    seeker = household(db, adults=[1980], children=[2015])
    waiting(db, seeker)
    statements: list[str] = []

    def count(*args: object) -> None:  # statements through SQLAlchemy
        statements.append(str(args[2]))

    plain = matching.session_reader

    def counting_reader(session):  # type: ignore[no-untyped-def]  # and on the driver's cursor
        read = plain(session)

        def counted(sql: str, params=()):  # type: ignore[no-untyped-def]
            statements.append(sql)
            return read(sql, params)

        return counted

    monkeypatch.setattr(matching, "session_reader", counting_reader)
    event.listen(db.engine, "before_cursor_execute", count)
    try:
        ranked = rank_for_seeker(db, household_id=seeker, today=TODAY)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(ranked) == 30
    assert 10 <= len(statements) <= 25, statements


def random_world(db: Database, seed: int) -> tuple[list[str], list[str]]:
    """Volunteers with every kind of flaw, and seekers of every kind, at random."""
    rng = random.Random(seed)
    languages = ["no", "ar", "so", "uk", "en"]
    tags = ["fotball", "matlaging", "strikking", "tur"]
    districts = ["Frogner", "Sagene", "Grorud", None]
    volunteers, housed = [], set()
    for i in range(24):
        uuid = volunteer(
            db, f"Frivillig {i:02} {rng.choice('ABCDE')}",
            birth_year=rng.choice([None, 1950, 1980, 1999, 2008, 2009]),
            gender=rng.choice(["female", "male", "other", "unknown"]),
            languages=rng.sample(languages, rng.randint(0, 3)),
            interests=rng.sample(tags, rng.randint(0, 2)),
            postcode=rng.choice(["", "0350", "0355", "0460"]),
            district=rng.choice(districts),
            steps=rng.choice([(), ("interview",), ("interview", "training", "confidentiality")]),
            certificate=rng.random() < 0.6, max_pairings=rng.choice([0, 1, 2]),
        )  # fmt: skip
        status = rng.choice(["active", "active", "active", "paused", "ended"])
        if status != "active":
            change_status(db, uuid, status, D(2026, 6, 1), "Flyttet")
        volunteers.append(uuid)
        if rng.random() < 0.2:  # a volunteer family, sometimes with children
            housed.add(uuid)
            household(db, f"Familie {i}", people=[uuid], kind="volunteer",
                      children=rng.sample([2012, 2016, 2020], rng.randint(0, 2)))  # fmt: skip
    pairings = []
    for j in range(6):
        members = [participant(db, f"Deltaker {j}", languages=rng.sample(languages, 2),
                               interests=rng.sample(tags, 1))]  # fmt: skip
        free = sorted(set(volunteers) - housed)
        if rng.random() < 0.4 and free:  # one of the volunteers lives in the family
            members.append(rng.choice(free))
            housed.add(members[-1])
        family = household(db, f"Husstand {j}", people=members, district=rng.choice(districts),
                           children=rng.sample([2010, 2015, 2021], rng.randint(0, 2)))  # fmt: skip
        wish = rng.choice([None, None, "female", "male"])
        if rng.random() < 0.5:
            pairings.append(waiting(db, family, wish=wish, prog=rng.choice(
                ["Flyktningguide", "Vennefamilie"])))  # fmt: skip
        else:
            pairings.append(waiting(db, members[0], kind="participant", wish=wish))
    return volunteers, pairings


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_suggestion_from_the_database_breaks_a_hard_rule(db: Database, seed: int) -> None:
    programme(db, "Vennefamilie", certificate="always", min_age=20)
    volunteers, pairings = random_world(db, seed)
    for pairing in pairings:
        ranked = rank_for_seeker(db, pairing_id=pairing, today=TODAY)
        left_out = excluded_for_seeker(db, pairing_id=pairing, today=TODAY)
        suggested = {m.candidate.volunteer_id for m in ranked}
        refused = {c.volunteer_id for c, _problems in left_out}
        assert not suggested & refused
        assert all(problems for _c, problems in left_out)
        assert all(0 <= m.score <= 100 for m in ranked)
        # Sorted by score, then fewer pairings, then name: the documented order.
        keys = [(-m.score, m.candidate.active_pairings) for m in ranked]
        assert keys == sorted(keys)
        # The pairing service agrees with every suggestion and with every exclusion.
        for volunteer_id in sorted(suggested):
            propose(db, pairing, [volunteer_id], TODAY, today=TODAY)
        for volunteer_id in sorted(refused):
            with pytest.raises(ValidationFailed):
                propose(db, pairing, [volunteer_id], TODAY, today=TODAY)
        # Ended volunteers are never even listed.
        ended_or_listed = suggested | refused
        assert ended_or_listed <= set(volunteers)


def test_candidates_carry_what_the_rules_need(db: Database) -> None:
    kari = volunteer(db, "Kari", birth_year=1990, languages=["no", "uk"], interests=["tur"],
                     postcode="0350", steps=("interview",), certificate=False)  # fmt: skip
    seeker = household(db, adults=[1980])
    waiting(db, seeker)
    [(candidate, problems)] = excluded_for_seeker(db, household_id=seeker, today=TODAY)
    assert isinstance(candidate, Candidate)
    assert (candidate.volunteer_id, candidate.age, candidate.capacity) == (kari, 36, 1)
    assert candidate.languages == frozenset({"no", "uk"})
    assert candidate.interests == frozenset({"tur"})
    assert candidate.area.postcode == "0350"
    assert candidate.missing_steps == ("Opplæring", "Taushetserklæring")
    assert not candidate.certificate_ok
    assert problems == ["Mangler: Opplæring, Taushetserklæring"]  # adults only: no certificate


def test_match_seeker_gives_the_seeker_the_ranking_and_who_was_left_out(db: Database) -> None:
    from app.services.matching import match_seeker

    arabic = volunteer(db, "Amir Haddad", languages=["ar", "no"], district="Lura")
    volunteer(db, "Per Pause", languages=["ar"])
    paused = [r for r in list_volunteers(db) if r.name == "Per Pause"][0].id
    change_status(db, paused, "paused", TODAY, "Ferie")
    family = household(db, adults=[1980], district="Lura")
    pairing = waiting(db, family)
    found = match_seeker(db, pairing_id=pairing, today=TODAY)
    assert found.seeker.area.district == "Lura"
    assert [m.candidate.volunteer_id for m in found.ranked] == [arabic]
    assert [(c.name, problems) for c, problems in found.left_out] == [
        ("Per Pause", ["Frivilligen har pause"])
    ]
    assert [m.candidate.volunteer_id for m in found.ranked] == [
        m.candidate.volunteer_id for m in rank_for_seeker(db, pairing_id=pairing, today=TODAY)
    ]
