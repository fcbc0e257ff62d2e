"""Matching rules: hard rules never broken by a suggestion, scores explained and in range."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.matching_rules import (
    Area,
    Candidate,
    Requirements,
    Seeker,
    excluded,
    hard_rule_problems,
    rank_candidates,
    rank_seekers,
    score,
)
from app.services.text import sort_key


def seeker(**changes: object) -> Seeker:
    base = Seeker(
        id="s1",
        kind="participant",
        name="Amal Hassan",
        languages=frozenset(),
        interests=frozenset(),
        area=Area(postcode=None, district=None),
        adult_ages=(),
        children_ages=(),
        gender_preference=None,
        person_ids=frozenset({"p-seeker"}),
        household_id=None,
        waiting_since=dt.date(2026, 1, 1),
    )
    return dataclasses.replace(base, **changes)


def candidate(volunteer_id: str = "v1", **changes: object) -> Candidate:
    base = Candidate(
        volunteer_id=volunteer_id,
        person_id=f"p-{volunteer_id}",
        name=f"Frivillig {volunteer_id}",
        sort_name=f"frivillig {volunteer_id}",
        status="active",
        gender="female",
        age=40,
        languages=frozenset(),
        interests=frozenset(),
        area=Area(postcode=None, district=None),
        household_id=None,
        children_ages=(),
        active_pairings=0,
        capacity=1,
        missing_steps=(),
        certificate_ok=True,
    )
    return dataclasses.replace(base, **changes)


NO_CERT = Requirements(needs_certificate=False)


# --- Hand-built cases -----------------------------------------------------------------------


def test_shared_arabic_and_district_beats_shared_interest() -> None:
    amal = seeker(
        languages=frozenset({"ar", "nb"}),
        interests=frozenset({"fotball"}),
        area=Area(postcode="0560", district="Grünerløkka"),
    )
    arabic = candidate("v1", languages=frozenset({"ar", "en"}), area=Area("0190", "grünerløkka"))
    football = candidate("v2", interests=frozenset({"Fotball"}), area=Area("1337", "Sandvika"))
    ranked = rank_candidates(amal, [football, arabic], NO_CERT)
    assert [m.candidate.volunteer_id for m in ranked] == ["v1", "v2"]
    assert ranked[0].reasons == ("Snakker arabisk", "Samme bydel")
    assert ranked[1].reasons == ("Begge er interessert i fotball",)
    assert ranked[0].score > ranked[1].score


def test_family_with_children_prefers_volunteer_family_with_children_of_same_age() -> None:
    family = seeker(kind="household", adult_ages=(35, 33), children_ages=(7, 10))
    single = candidate("v1", name="Anne", sort_name="anne", age=34)
    volunteer_family = candidate(
        "v2", name="Åse", sort_name="åse", age=34, household_id="h-v", children_ages=(8,)
    )
    ranked = rank_candidates(family, [single, volunteer_family], NO_CERT)
    assert [m.candidate.volunteer_id for m in ranked] == ["v2", "v1"]
    assert "Familie med barn på samme alder" in ranked[0].reasons
    assert ranked[0].score - ranked[1].score == 15


def test_reasons_name_languages_interests_and_load() -> None:
    amal = seeker(
        languages=frozenset({"ar", "nb"}),
        interests=frozenset({"fotball", "matlaging", "sjakk"}),
        area=Area(postcode="0560", district=None),
    )
    busy = candidate(
        languages=frozenset({"no", "ar"}),
        interests=frozenset({"Matlaging", "fotball"}),
        area=Area(postcode="0562", district=None),
        active_pairings=1,
        capacity=2,
    )
    points, reasons = score(amal, busy)
    assert reasons == (
        "Snakker arabisk og norsk",
        "Begge er interessert i fotball og matlaging",
        "Bor i nærheten",
        "Har allerede 1 pågående kobling",
    )
    assert points == 35 + 15 + 10 - 10


def test_shared_mother_tongue_counts_more_than_norwegian() -> None:
    amal = seeker(languages=frozenset({"ar", "nb"}))
    assert (
        score(amal, candidate(languages=frozenset({"ar"})))[0]
        > score(amal, candidate(languages=frozenset({"nb"})))[0]
    )
    assert score(amal, candidate(languages=frozenset({"nn"})))[1] == ("Snakker norsk",)


def test_distance_steps() -> None:
    here = seeker(area=Area("0560", "Sagene"))
    assert score(here, candidate(area=Area("0560", None))) == (15, ("Samme postnummer",))
    assert score(here, candidate(area=Area("0190", "sagene"))) == (15, ("Samme bydel",))
    assert score(here, candidate(area=Area("0565", None))) == (10, ("Bor i nærheten",))
    assert score(here, candidate(area=Area("0590", None))) == (5, ("Bor i samme område",))
    assert score(here, candidate(area=Area("5003", None))) == (0, ())
    assert score(seeker(), candidate()) == (0, ())


def test_age_closeness() -> None:
    adult = seeker(adult_ages=(30,))
    assert score(adult, candidate(age=33)) == (10, ("Omtrent like gamle",))
    assert score(adult, candidate(age=39)) == (5, ("Nokså like gamle",))
    assert score(adult, candidate(age=60)) == (0, ())


def test_load_penalty_clamps_at_zero() -> None:
    assert score(seeker(), candidate(active_pairings=3, capacity=5)) == (
        0,
        ("Har allerede 3 pågående koblinger",),
    )


def test_hard_rules_each_explained() -> None:
    req = Requirements(needs_certificate=True, min_age=18)
    broken = candidate(
        status="paused",
        active_pairings=2,
        capacity=2,
        missing_steps=("intervju", "opplæring"),
        certificate_ok=False,
        age=17,
        gender="unknown",
    )
    problems = hard_rule_problems(seeker(gender_preference="female"), broken, req)
    assert problems == [
        "Frivilligen har pause",
        "Har ikke plass til flere koblinger (2 av 2)",
        "Mangler: intervju, opplæring",
        "Mangler gyldig politiattest",
        "Er under 18 år",
        "Ønsker en kvinnelig frivillig",
    ]
    assert hard_rule_problems(seeker(), candidate(age=None), NO_CERT) == ["Alderen er ukjent"]
    assert hard_rule_problems(seeker(), candidate(status="ended"), NO_CERT) == [
        "Frivilligen har sluttet"
    ]
    assert hard_rule_problems(seeker(), candidate(), req) == []


def test_never_paired_with_self_or_own_household() -> None:
    family = seeker(kind="household", person_ids=frozenset({"p-a", "p-v1"}), household_id="h1")
    assert hard_rule_problems(family, candidate("v1"), NO_CERT) == ["Kan ikke kobles med seg selv"]
    assert hard_rule_problems(family, candidate("v9", household_id="h1"), NO_CERT) == [
        "Kan ikke kobles med sin egen husstand"
    ]
    assert (
        rank_candidates(family, [candidate("v1"), candidate("v9", household_id="h1")], NO_CERT)
        == []
    )


def test_excluded_explains_who_is_left_out() -> None:
    ok, paused = candidate("v1"), candidate("v2", status="paused")
    assert excluded(seeker(), [ok, paused], NO_CERT) == [(paused, ["Frivilligen har pause"])]


def test_rank_seekers_prefers_longest_waiting_on_equal_score() -> None:
    volunteer = candidate()
    early = seeker(id="s2", name="Zainab", waiting_since=dt.date(2025, 3, 1))
    late = seeker(id="s1", name="Aisha", waiting_since=dt.date(2026, 1, 1))
    unknown = seeker(id="s0", name="Abdi", waiting_since=None)
    wants_man = seeker(id="s3", gender_preference="male")
    ranked = rank_seekers(
        volunteer, [(late, NO_CERT), (unknown, NO_CERT), (wants_man, NO_CERT), (early, NO_CERT)]
    )
    assert [m.seeker.id for m in ranked] == ["s2", "s1", "s0"]
    assert len(rank_seekers(volunteer, [(late, NO_CERT), (early, NO_CERT)], limit=1)) == 1


def test_limit() -> None:
    pool = [candidate(f"v{i}") for i in range(5)]
    assert len(rank_candidates(seeker(), pool, NO_CERT, limit=2)) == 2
    assert len(rank_candidates(seeker(), pool, NO_CERT)) == 5


# --- Properties ------------------------------------------------------------------------------

LANGS = st.frozensets(st.sampled_from(["ar", "nb", "no", "nn", "en", "uk", "so", "ti"]), max_size=4)
TAGS = st.frozensets(st.sampled_from(["fotball", "Fotball", "sjakk", "matlaging", "turer"]))
AREAS = st.builds(
    Area,
    postcode=st.one_of(st.none(), st.sampled_from(["0560", "0562", "0590", "1337", "5003", ""])),
    district=st.one_of(st.none(), st.sampled_from(["Sagene", "sagene", "Grorud", ""])),
)
AGES = st.tuples() | st.lists(st.integers(0, 17), max_size=3).map(tuple)
PEOPLE = st.sampled_from(["p1", "p2", "p3", "p4"])
HOUSEHOLDS = st.one_of(st.none(), st.sampled_from(["h1", "h2"]))

SEEKERS = st.builds(
    Seeker,
    id=st.sampled_from(["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"]),
    kind=st.sampled_from(["participant", "household"]),
    name=st.sampled_from(["Amal", "Olena", "Ahmed", "Øyvind"]),
    languages=LANGS,
    interests=TAGS,
    area=AREAS,
    adult_ages=st.lists(st.integers(18, 80), max_size=2).map(tuple),
    children_ages=AGES,
    gender_preference=st.sampled_from([None, "female", "male"]),
    person_ids=st.frozensets(PEOPLE, min_size=1, max_size=3),
    household_id=HOUSEHOLDS,
    waiting_since=st.one_of(st.none(), st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31))),
)


@st.composite
def candidates(draw: st.DrawFn, volunteer_id: str) -> Candidate:
    return Candidate(
        volunteer_id=volunteer_id,
        person_id=draw(PEOPLE),
        name=draw(st.sampled_from(["Kari", "Ola", "Åse", "Per"])),
        sort_name=draw(st.sampled_from(["nordmann, kari", "Nordmann, Ola", "Ås, Åse", "ås, per"])),
        status=draw(st.sampled_from(["active", "active", "paused", "ended"])),
        gender=draw(st.sampled_from(["female", "male", "other", "unknown"])),
        age=draw(st.one_of(st.none(), st.integers(14, 90))),
        languages=draw(LANGS),
        interests=draw(TAGS),
        area=draw(AREAS),
        household_id=draw(HOUSEHOLDS),
        children_ages=draw(AGES),
        active_pairings=draw(st.integers(0, 6)),
        capacity=draw(st.integers(0, 4)),
        missing_steps=draw(st.sampled_from([(), (), ("intervju",), ("intervju", "opplæring")])),
        certificate_ok=draw(st.booleans()),
    )


@st.composite
def pools(draw: st.DrawFn) -> list[Candidate]:
    size = draw(st.integers(0, 12))
    return [draw(candidates(f"v{i:02}")) for i in range(size)]


REQS = st.builds(Requirements, needs_certificate=st.booleans(), min_age=st.sampled_from([16, 18]))


def breaks_a_hard_rule(s: Seeker, c: Candidate, req: Requirements) -> bool:
    """The hard rules written out again, independently of the module."""
    return (
        c.status != "active"
        or c.active_pairings >= c.capacity
        or bool(c.missing_steps)
        or (req.needs_certificate and not c.certificate_ok)
        or c.age is None
        or c.age < req.min_age
        or (s.gender_preference is not None and c.gender != s.gender_preference)
        or c.person_id in s.person_ids
        or (c.household_id is not None and c.household_id == s.household_id)
    )


@settings(max_examples=300)
@given(SEEKERS, pools(), REQS)
def test_no_suggestion_breaks_a_hard_rule(
    s: Seeker, pool: list[Candidate], req: Requirements
) -> None:
    ranked = rank_candidates(s, pool, req)
    for match in ranked:
        assert not breaks_a_hard_rule(s, match.candidate, req)
    left_out = excluded(s, pool, req)
    assert all(problems for _c, problems in left_out)
    assert {c.volunteer_id for c, _p in left_out} == {
        c.volunteer_id for c in pool if breaks_a_hard_rule(s, c, req)
    }
    assert len(ranked) + len(left_out) == len(pool)


@given(SEEKERS, candidates("v1"))
def test_score_stays_in_range_and_explained(s: Seeker, c: Candidate) -> None:
    points, reasons = score(s, c)
    assert 0 <= points <= 100
    assert all(isinstance(r, str) and r for r in reasons)
    assert (c.active_pairings > 0) == any(r.startswith("Har allerede") for r in reasons)
    if c.active_pairings > 0:
        assert reasons[-1].startswith("Har allerede")


@given(SEEKERS, pools(), REQS, st.randoms(use_true_random=False))
def test_ranking_is_deterministic(
    s: Seeker, pool: list[Candidate], req: Requirements, rnd: random.Random
) -> None:
    ranked = rank_candidates(s, pool, req)
    shuffled = pool[:]
    rnd.shuffle(shuffled)
    assert rank_candidates(s, shuffled, req) == ranked
    for a, b in zip(ranked, ranked[1:], strict=False):
        assert a.score >= b.score
        if a.score == b.score:
            key_a = (a.candidate.active_pairings, sort_key(a.candidate.sort_name))
            key_b = (b.candidate.active_pairings, sort_key(b.candidate.sort_name))
            assert key_a <= key_b


@given(
    candidates("v1"),
    st.lists(st.tuples(SEEKERS, REQS), max_size=8, unique_by=lambda pair: pair[0].id),
    st.randoms(use_true_random=False),
)
def test_rank_seekers_keeps_hard_rules_and_is_deterministic(
    c: Candidate, pairs: list[tuple[Seeker, Requirements]], rnd: random.Random
) -> None:
    ranked = rank_seekers(c, pairs)
    for match in ranked:
        req = next(r for s, r in pairs if s is match.seeker)
        assert not breaks_a_hard_rule(match.seeker, c, req)
    shuffled = pairs[:]
    rnd.shuffle(shuffled)
    assert [(m.seeker, m.score) for m in rank_seekers(c, shuffled)] == [
        (m.seeker, m.score) for m in ranked
    ]
