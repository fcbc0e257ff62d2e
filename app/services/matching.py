"""Matching from the database: load seekers and volunteers, then let `matching_rules` decide.

This module only reads. It turns rows into the `Seeker`s and `Candidate`s of
`app.services.matching_rules` and calls its ranking and hard rules, so the matching screen, the
`dugnad match` command and the pairing services (`propose`, `activate`) obey the same rules.

Loading is set-based: a handful of portable SQL statements over all volunteers (or all waiting
seekers) at once, never one query per volunteer, so ranking 2,000 volunteers for one household
stays well under 200 ms.

What the rules need, and where it comes from:

* a volunteer's ID is their person's UUID (as everywhere outside the database);
* languages and interest tags of the person; a household's are the union of its members';
* the area: the person's postcode and district, else their household's;
* ages from birth years (the age they turn in that year, as `app.services.age_bands`), so a
  household's children are its members under 18;
* a volunteer family: the volunteer's household and its children's ages;
* current load: the volunteer's pairings that are `proposed` or `active`;
* missing onboarding steps: the programme's required steps that the centre uses (a step the
  centre has switched off is never missing) and the volunteer has not done, in users' words;
* the certificate: valid on the day by `certificate_need.valid_on`. A programme with the rule
  `children` needs one when the seeker (a household, or a participant and their household) has
  someone under 18; `certificate_need.requiring_roles` applies the same rule in SQL.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.orm import Session as OrmSession

from app.db import Database, Reader, session_reader
from app.errors import NotFound, ValidationFailed
from app.i18n import _
from app.services.age_bands import age_at
from app.services.certificate_need import valid_on
from app.services.codes import ONBOARDING_STEPS, label
from app.services.matching_rules import (
    Area,
    Candidate,
    Match,
    Requirements,
    Seeker,
    excluded,
    hard_rule_problems,
    rank_candidates,
    rank_seekers,
)
from app.services.onboarding import enabled_steps
from app.services.text import sort_key
from app.services.volunteer_list import as_date

ADULT_AGE = 18
OPEN_STATUSES = ("waiting", "proposed")
LOAD_STATUSES = ("proposed", "active")
# SQLite allows 32,766 parameters (999 before 3.32); stay far below either.
CHUNK = 500


@dataclass(frozen=True)
class Terms:
    """What a programme demands of its volunteers (from the `programmes` row)."""

    pk: int
    id: str
    name: str
    certificate: str  # always, children, never
    required_steps: tuple[str, ...]
    min_age: int


@dataclass(frozen=True)
class SeekerRef:
    """A seeker to load: a participant's or a household's row id, and the pairing's wish."""

    participant_pk: int | None
    household_pk: int | None
    gender_wish: str | None = None
    waiting_since: dt.date | None = None


@dataclass(frozen=True)
class LoadedSeeker:
    seeker: Seeker
    # Someone under 18: the household's member, or the participant or one of their household.
    has_minor: bool


@dataclass(frozen=True)
class SeekerMatch:
    """One waiting pairing a volunteer fits, for the volunteer's view of the waiting list."""

    pairing_id: str
    programme_id: str
    programme: str
    match: Match


# -- small helpers ------------------------------------------------------------------------------


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def read_in(
    read: Reader, sql: str, ids: Iterable[int], params: Sequence[Any] = ()
) -> list[tuple[Any, ...]]:
    """Run `sql` whose `{ids}` is an IN list, in chunks; `params` come before the ids."""
    values = sorted(set(ids))
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(values), CHUNK):
        chunk = values[start : start + CHUNK]
        rows += read(sql.format(ids=_marks(chunk)), [*params, *chunk])
    return rows


def needs_certificate(rule: str, has_minor: bool) -> bool:
    """The programme's certificate rule for one seeker (`children`: someone under 18)."""
    return rule == "always" or (rule == "children" and has_minor)


def requirements(terms: Terms, loaded: LoadedSeeker) -> Requirements:
    return Requirements(
        needs_certificate=needs_certificate(terms.certificate, loaded.has_minor),
        min_age=terms.min_age,
    )


def _age(birth_year: int | None, on: dt.date) -> int | None:
    age = age_at(birth_year, on)
    return age if age is not None and age >= 0 else None


def _is_minor(age: int | None) -> bool:
    return age is not None and age < ADULT_AGE


# -- programmes -------------------------------------------------------------------------------

_TERMS_SQL = "SELECT id, uuid, name, certificate, required_steps, min_age FROM programmes"


def _terms(row: tuple[Any, ...]) -> Terms:
    pk, uuid, name, certificate, steps, min_age = row
    codes = tuple(s.strip() for s in (steps or "").split(",") if s.strip())
    return Terms(pk, uuid, name, certificate, codes, min_age)


def terms_by_pk(read: Reader, pk: int) -> Terms:
    [row] = read(_TERMS_SQL + " WHERE id = ?", [pk])
    return _terms(row)


def resolve_terms(session: OrmSession, name_or_id: str) -> Terms:
    from app.services.programmes import find_programme_in

    return terms_by_pk(session_reader(session), find_programme_in(session, name_or_id).id)


# -- seekers -----------------------------------------------------------------------------------


def load_seekers(read: Reader, refs: Sequence[SeekerRef], on: dt.date) -> list[LoadedSeeker]:
    """The seekers of `refs`, in the same order, from a few set-based statements."""
    part_pks = {r.participant_pk for r in refs if r.participant_pk is not None}
    own_household: dict[int, int] = {}
    if part_pks:
        sql = "SELECT person_id, household_id FROM household_members WHERE person_id IN ({ids})"
        own_household = dict(read_in(read, sql, part_pks))  # type: ignore[arg-type]
    household_pks = {r.household_pk for r in refs if r.household_pk is not None}
    household_pks |= set(own_household.values())
    households: dict[int, tuple[str, str, str | None, str | None]] = {}
    members: dict[int, list[tuple[int | None, int | None]]] = defaultdict(list)
    if household_pks:
        sql = "SELECT id, uuid, name, postcode, district FROM households WHERE id IN ({ids})"
        households = {row[0]: row[1:] for row in read_in(read, sql, household_pks)}
        sql = (
            "SELECT hm.household_id, hm.person_id, COALESCE(hm.birth_year, pp.birth_year)"
            " FROM household_members hm LEFT JOIN people pp ON pp.id = hm.person_id"
            " WHERE hm.household_id IN ({ids}) ORDER BY hm.id"
        )
        for household_pk, person_pk, birth_year in read_in(read, sql, household_pks):
            members[household_pk].append((person_pk, birth_year))
    person_pks = set(part_pks)
    for household_pk in {r.household_pk for r in refs if r.household_pk is not None}:
        person_pks |= {pk for pk, _year in members[household_pk] if pk is not None}
    people: dict[int, tuple[Any, ...]] = {}
    languages: dict[int, list[str]] = defaultdict(list)
    interests: dict[int, list[str]] = defaultdict(list)
    if person_pks:
        sql = (
            "SELECT id, uuid, name, birth_year, postcode, district FROM people WHERE id IN ({ids})"
        )
        people = {row[0]: row[1:] for row in read_in(read, sql, person_pks)}
        sql = (
            "SELECT person_id, code FROM person_languages WHERE person_id IN ({ids})"
            " ORDER BY person_id, position"
        )
        for pk, code in read_in(read, sql, person_pks):
            languages[pk].append(code)
        sql = (
            "SELECT pt.person_id, t.name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id"
            " WHERE pt.kind = 'interest' AND pt.person_id IN ({ids})"
        )
        for pk, name in read_in(read, sql, person_pks):
            interests[pk].append(name)

    def ages(household_pk: int) -> list[int]:
        found = (_age(year, on) for _pk, year in members.get(household_pk, []))
        return [a for a in found if a is not None]

    result: list[LoadedSeeker] = []
    for ref in refs:
        if ref.participant_pk is not None:
            uuid, name, birth_year, postcode, district = people[ref.participant_pk]
            household_pk = own_household.get(ref.participant_pk)
            household = households.get(household_pk) if household_pk is not None else None
            age = _age(birth_year, on)
            if household is not None and not (postcode or district):
                postcode, district = household[2], household[3]
            has_minor = _is_minor(age) or (
                household_pk is not None and any(_is_minor(a) for a in ages(household_pk))
            )
            seeker = Seeker(
                id=uuid, kind="participant", name=name,
                languages=frozenset(languages.get(ref.participant_pk, [])),
                interests=frozenset(interests.get(ref.participant_pk, [])),
                area=Area(postcode=postcode, district=district),
                adult_ages=(age,) if age is not None and not _is_minor(age) else (),
                children_ages=(age,) if _is_minor(age) else (),
                gender_preference=ref.gender_wish, person_ids=frozenset({uuid}),
                household_id=household[0] if household is not None else None,
                waiting_since=ref.waiting_since,
            )  # fmt: skip
        else:
            assert ref.household_pk is not None
            uuid, name, postcode, district = households[ref.household_pk]
            member_pks = [pk for pk, _year in members.get(ref.household_pk, []) if pk is not None]
            all_ages = ages(ref.household_pk)
            has_minor = any(_is_minor(a) for a in all_ages)
            seeker = Seeker(
                id=uuid, kind="household", name=name,
                languages=frozenset(c for pk in member_pks for c in languages.get(pk, [])),
                interests=frozenset(t for pk in member_pks for t in interests.get(pk, [])),
                area=Area(postcode=postcode, district=district),
                adult_ages=tuple(sorted(a for a in all_ages if not _is_minor(a))),
                children_ages=tuple(sorted(a for a in all_ages if _is_minor(a))),
                gender_preference=ref.gender_wish,
                person_ids=frozenset(people[pk][0] for pk in member_pks if pk in people),
                household_id=uuid, waiting_since=ref.waiting_since,
            )  # fmt: skip
        result.append(LoadedSeeker(seeker, has_minor))
    return result


# -- volunteers --------------------------------------------------------------------------------


def load_candidates(
    session: OrmSession,
    terms: Terms,
    on: dt.date,
    *,
    person_pks: Iterable[int] | None = None,
    exclude_pairing_pk: int | None = None,
    active_only: bool = False,
) -> dict[int, Candidate]:
    """Per person row id, the volunteers as the rules see them for `terms` on `on`.

    Without `person_pks`: every volunteer who has not ended (an ended one is never suggested),
    or with `active_only` the active ones (for ranking: the status rule drops the rest anyway).
    With `person_pks`: exactly those, whatever their status, so the status rule can speak.
    `exclude_pairing_pk` leaves that pairing out of the load (it is the one being decided).
    """
    read = session_reader(session)
    if person_pks is None:
        scope = "v.status = 'active'" if active_only else "v.status != 'ended'"
        scope_params: list[object] = []
        wanted = None
    else:
        wanted = sorted(set(person_pks))
        if not wanted:
            return {}
        scope, scope_params = f"v.person_id IN ({_marks(wanted)})", list(wanted)

    base = read(
        "SELECT p.id, p.uuid, p.name, p.sort_name, v.status, p.gender, p.birth_year,"
        " p.postcode, p.district, v.max_pairings"
        f" FROM volunteers v JOIN people p ON p.id = v.person_id WHERE {scope}",
        scope_params,
    )
    languages: dict[int, list[str]] = defaultdict(list)
    for pk, code in read(
        "SELECT pl.person_id, pl.code FROM person_languages pl"
        f" JOIN volunteers v ON v.person_id = pl.person_id WHERE {scope}",
        scope_params,
    ):
        languages[pk].append(code)
    interests: dict[int, list[str]] = defaultdict(list)
    for pk, name in read(
        "SELECT pt.person_id, t.name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id"
        f" JOIN volunteers v ON v.person_id = pt.person_id WHERE pt.kind = 'interest' AND {scope}",
        scope_params,
    ):
        interests[pk].append(name)
    household: dict[int, tuple[str, str | None, str | None]] = {}
    children: dict[int, list[int]] = defaultdict(list)
    for pk, h_uuid, h_postcode, h_district, birth_year in read(
        "SELECT hm.person_id, h.uuid, h.postcode, h.district,"
        " COALESCE(m.birth_year, mp.birth_year)"
        " FROM household_members hm JOIN volunteers v ON v.person_id = hm.person_id"
        " JOIN households h ON h.id = hm.household_id"
        " JOIN household_members m ON m.household_id = h.id"
        f" LEFT JOIN people mp ON mp.id = m.person_id WHERE {scope}",
        scope_params,
    ):
        household[pk] = (h_uuid, h_postcode, h_district)
        age = _age(birth_year, on)
        if _is_minor(age):
            children[pk].append(age)  # type: ignore[arg-type]
    load_sql = (
        "SELECT pv.person_id, COUNT(*) FROM pairing_volunteers pv"
        " JOIN pairings pa ON pa.id = pv.pairing_id"
        f" JOIN volunteers v ON v.person_id = pv.person_id"
        f" WHERE pa.status IN ({_marks(LOAD_STATUSES)}) AND pa.id != ? AND {scope}"
        " GROUP BY pv.person_id"
    )
    load = dict(read(load_sql, [*LOAD_STATUSES, exclude_pairing_pk or -1, *scope_params]))
    enabled = enabled_steps(session)
    required = [s for s in terms.required_steps if s in enabled]
    done: dict[int, set[str]] = defaultdict(set)
    if required:
        for pk, step in read(
            "SELECT o.person_id, o.step FROM onboarding_steps o"
            " JOIN volunteers v ON v.person_id = o.person_id"
            f" WHERE o.step IN ({_marks(required)}) AND {scope}",
            [*required, *scope_params],
        ):
            done[pk].add(step)
    certificate_ok: set[int] = set()
    for pk, status, expires in read(
        "SELECT c.person_id, c.status, c.expires_on FROM certificates c"
        f" JOIN volunteers v ON v.person_id = c.person_id WHERE {scope}",
        scope_params,
    ):
        if valid_on(status, as_date(expires), on):
            certificate_ok.add(pk)

    result: dict[int, Candidate] = {}
    for pk, uuid, name, sort_name, status, gender, birth_year, postcode, district, cap in base:
        own = household.get(pk)
        if own is not None and not (postcode or district):
            postcode, district = own[1], own[2]
        result[pk] = Candidate(
            volunteer_id=uuid, person_id=uuid, name=name, sort_name=sort_name or name,
            status=status, gender=gender or "unknown", age=_age(birth_year, on),
            languages=frozenset(languages.get(pk, [])),
            interests=frozenset(interests.get(pk, [])),
            area=Area(postcode=postcode, district=district),
            household_id=own[0] if own is not None else None,
            children_ages=tuple(sorted(children.get(pk, []))),
            active_pairings=int(load.get(pk, 0)), capacity=int(cap if cap is not None else 1),
            missing_steps=tuple(label(ONBOARDING_STEPS, s) for s in required
                                if s not in done.get(pk, set())),
            certificate_ok=pk in certificate_ok,
        )  # fmt: skip
    return result


# -- one seeker --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeekerSituation:
    """A seeker resolved for matching: who, under which programme, from which pairing."""

    loaded: LoadedSeeker
    terms: Terms
    pairing_pk: int | None
    pairing_id: str | None

    @property
    def requirements(self) -> Requirements:
        return requirements(self.terms, self.loaded)


def pairing_situation(session: OrmSession, pairing_pk: int, on: dt.date) -> SeekerSituation:
    """The seeker of one pairing, with its programme's terms, as the rules see them on `on`."""
    read = session_reader(session)
    [(uuid, participant, household, wish, referred, programme)] = read(
        "SELECT uuid, participant_id, household_id, gender_wish, referred_on, programme_id"
        " FROM pairings WHERE id = ?",
        [pairing_pk],
    )
    ref = SeekerRef(participant, household, wish, as_date(referred))
    [loaded] = load_seekers(read, [ref], on)
    return SeekerSituation(loaded, terms_by_pk(read, programme), pairing_pk, uuid)


def _seeker_pk(read: Reader, table: str, uuid: str) -> int:
    if table == "households":
        rows = read("SELECT id FROM households WHERE uuid = ?", [uuid])
        if not rows:
            raise NotFound(_("Fant ingen husstand med ID {id}.").format(id=uuid))
    else:
        rows = read(
            "SELECT p.id FROM people p JOIN participants pa ON pa.person_id = p.id"
            " WHERE p.uuid = ?",
            [uuid],
        )
        if not rows:
            raise NotFound(_("Fant ingen deltaker med ID {id}.").format(id=uuid))
    return int(rows[0][0])


def seeker_situation(
    session: OrmSession,
    *,
    pairing_id: str | None = None,
    household_id: str | None = None,
    participant_id: str | None = None,
    programme: str | None = None,
    on: dt.date,
) -> SeekerSituation:
    """Resolve who is matched and under which programme's terms.

    A pairing brings its own programme and gender wish. A household or participant uses their
    open (waiting or proposed) pairing: the one in `programme` when given, else the only one. With
    none, `programme` is needed unless the centre runs just one programme.
    """
    given = [x for x in (pairing_id, household_id, participant_id) if x is not None]
    if len(given) != 1:
        raise ValidationFailed({"seeker": _("Velg én kobling, én husstand eller én deltaker.")})
    read = session_reader(session)
    if pairing_id is not None:
        rows = read("SELECT id FROM pairings WHERE uuid = ?", [pairing_id])
        if not rows:
            raise NotFound(_("Fant ingen kobling med ID {id}.").format(id=pairing_id))
        return pairing_situation(session, rows[0][0], on)
    column = "household_id" if household_id is not None else "participant_id"
    seeker_pk = _seeker_pk(
        read, "households" if household_id else "participants", household_id or participant_id or ""
    )
    wanted = resolve_terms(session, programme) if programme is not None else None
    open_pairings = read(
        "SELECT pa.id, pa.programme_id, pr.name FROM pairings pa"
        " JOIN programmes pr ON pr.id = pa.programme_id"
        f" WHERE pa.{column} = ? AND pa.status IN ({_marks(OPEN_STATUSES)}) ORDER BY pa.id",
        [seeker_pk, *OPEN_STATUSES],
    )
    if wanted is not None:
        open_pairings = [row for row in open_pairings if row[1] == wanted.pk]
    if len(open_pairings) == 1:
        return pairing_situation(session, open_pairings[0][0], on)
    if len(open_pairings) > 1:
        names = sorted({row[2] for row in open_pairings}, key=sort_key)
        raise ValidationFailed(
            {"programme": _("Venter i flere programmer ({names}). Velg ett av dem.").format(
                names=", ".join(names))}
        )  # fmt: skip
    if wanted is None:
        active = read(_TERMS_SQL + " WHERE active = ? ORDER BY name", [True])
        if len(active) != 1:
            names = sorted((row[2] for row in active), key=sort_key)
            raise ValidationFailed(
                {"programme": _("Velg et program: {names}.").format(names=", ".join(names))}
            )
        wanted = _terms(active[0])
    ref = SeekerRef(
        participant_pk=seeker_pk if participant_id else None,
        household_pk=seeker_pk if household_id else None,
    )
    [loaded] = load_seekers(read, [ref], on)
    return SeekerSituation(loaded, wanted, None, None)


def volunteer_problems(
    session: OrmSession, situation: SeekerSituation, person_pks: Iterable[int], on: dt.date
) -> list[tuple[Candidate, list[str]]]:
    """For the pairing services: each volunteer and the hard rules they would break (or [])."""
    candidates = load_candidates(
        session, situation.terms, on, person_pks=person_pks,
        exclude_pairing_pk=situation.pairing_pk,
    )  # fmt: skip
    req = situation.requirements
    seeker = situation.loaded.seeker
    return [(c, hard_rule_problems(seeker, c, req)) for c in candidates.values()]


# -- public reads ------------------------------------------------------------------------------


def _situation_and_candidates(
    db: Database,
    pairing_id: str | None,
    household_id: str | None,
    participant_id: str | None,
    programme: str | None,
    today: dt.date | None,
    active_only: bool,
) -> tuple[SeekerSituation, list[Candidate]]:
    on = today or dt.date.today()
    with db.read() as session:
        situation = seeker_situation(
            session, pairing_id=pairing_id, household_id=household_id,
            participant_id=participant_id, programme=programme, on=on,
        )  # fmt: skip
        candidates = load_candidates(
            session, situation.terms, on, exclude_pairing_pk=situation.pairing_pk,
            active_only=active_only,
        )  # fmt: skip
    return situation, list(candidates.values())


def rank_for_seeker(
    db: Database,
    *,
    pairing_id: str | None = None,
    household_id: str | None = None,
    participant_id: str | None = None,
    programme: str | None = None,
    limit: int | None = None,
    today: dt.date | None = None,
) -> list[Match]:
    """The volunteers allowed for one seeker, best first, each with its reasons."""
    if limit is not None and limit < 0:
        raise ValidationFailed({"limit": _("Antallet kan ikke være negativt.")})
    situation, candidates = _situation_and_candidates(
        db, pairing_id, household_id, participant_id, programme, today, active_only=True
    )
    return rank_candidates(situation.loaded.seeker, candidates, situation.requirements, limit)


@dataclass(frozen=True)
class SeekerMatches:
    """Everything the matching screen shows for one seeker, from one load of the candidates."""

    seeker: Seeker
    ranked: list[Match]
    left_out: list[tuple[Candidate, list[str]]]


def match_seeker(
    db: Database,
    *,
    pairing_id: str | None = None,
    household_id: str | None = None,
    participant_id: str | None = None,
    programme: str | None = None,
    today: dt.date | None = None,
) -> SeekerMatches:
    """The seeker, the volunteers allowed (best first) and those left out with why."""
    situation, candidates = _situation_and_candidates(
        db, pairing_id, household_id, participant_id, programme, today, active_only=False
    )
    seeker, req = situation.loaded.seeker, situation.requirements
    return SeekerMatches(
        seeker, rank_candidates(seeker, candidates, req), excluded(seeker, candidates, req)
    )


def excluded_for_seeker(
    db: Database,
    *,
    pairing_id: str | None = None,
    household_id: str | None = None,
    participant_id: str | None = None,
    programme: str | None = None,
    today: dt.date | None = None,
) -> list[tuple[Candidate, list[str]]]:
    """The volunteers (not ended) left out for one seeker, by name, with the rules they break."""
    situation, candidates = _situation_and_candidates(
        db, pairing_id, household_id, participant_id, programme, today, active_only=False
    )
    return excluded(situation.loaded.seeker, candidates, situation.requirements)


def rank_for_volunteer(
    db: Database, volunteer_id: str, limit: int | None = None, today: dt.date | None = None
) -> list[SeekerMatch]:
    """The waiting list as one volunteer sees it: the seekers they may take, best first."""
    if limit is not None and limit < 0:
        raise ValidationFailed({"limit": _("Antallet kan ikke være negativt.")})
    on = today or dt.date.today()
    with db.read() as session:
        read = session_reader(session)
        found = read(
            "SELECT p.id FROM people p JOIN volunteers v ON v.person_id = p.id WHERE p.uuid = ?",
            [volunteer_id],
        )
        if not found:
            raise NotFound(_("Fant ingen frivillig med ID {id}.").format(id=volunteer_id))
        person_pk = found[0][0]
        waiting = read(
            "SELECT pa.id, pa.uuid, pa.participant_id, pa.household_id, pa.gender_wish,"
            " pa.referred_on, pa.programme_id FROM pairings pa WHERE pa.status = 'waiting'"
            " ORDER BY pa.id"
        )
        refs = [
            SeekerRef(part, hh, wish, as_date(referred))
            for _pk, _uuid, part, hh, wish, referred, _programme in waiting
        ]
        seekers = load_seekers(read, refs, on)
        terms = {pk: terms_by_pk(read, pk) for pk in {row[6] for row in waiting}}
        candidates = {
            pk: load_candidates(session, t, on, person_pks=[person_pk]).get(person_pk)
            for pk, t in terms.items()
        }
    base = next((c for c in candidates.values() if c is not None), None)
    if base is None:
        return []
    # The required steps differ per programme: check each seeker against the volunteer as that
    # programme sees them, then rank the allowed ones together (their steps are all done).
    allowed: list[tuple[Seeker, Requirements]] = []
    where: dict[int, tuple[str, Terms]] = {}
    for row, loaded in zip(waiting, seekers, strict=True):
        own = candidates[row[6]]
        req = requirements(terms[row[6]], loaded)
        if own is None or hard_rule_problems(loaded.seeker, own, req):
            continue
        allowed.append((loaded.seeker, req))
        where[id(loaded.seeker)] = (row[1], terms[row[6]])
    ranked = rank_seekers(replace(base, missing_steps=()), allowed, limit)
    return [
        SeekerMatch(pairing_id=where[id(m.seeker)][0], programme_id=where[id(m.seeker)][1].id,
                    programme=where[id(m.seeker)][1].name, match=m)
        for m in ranked
    ]  # fmt: skip
