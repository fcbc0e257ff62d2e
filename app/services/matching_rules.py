"""Explainable matching of volunteers and seekers for pairings, without a database.

A coordinator pairs a volunteer (or a volunteer family) with a refugee participant or household
(DOMAIN.md, "Pairings"). This module only suggests: it never decides, so every suggestion carries
its reasons in plain Norwegian, and every candidate left out carries the rules it broke.

Two kinds of rule, kept strictly apart:

* **Hard rules** (`hard_rule_problems`) exclude a candidate outright and are never weights: the
  volunteer is not active, has no free capacity, has onboarding steps missing, lacks a police
  certificate the pairing needs, is too young or of unknown age, does not meet a stated gender
  preference (unknown gender does not meet one), or would be paired with themselves or their own
  household.
* **Soft criteria** (`score`) order the candidates that remain, 0..100 after clamping:

  ============================  =====  ====================================================
  Criterion                     Max    Points
  ============================  =====  ====================================================
  Shared languages              40     best shared language: another language than Norwegian
                                       or English 30, English 20, Norwegian 10; +5 for each
                                       further shared language. A shared language of the
                                       seeker's own is the big win; Norwegian they practise
                                       in the introduction programme anyway.
  Shared interests              20     10 for the first, +5 for each further one.
  Distance                      15     same postcode or same district 15, same first three
                                       postcode digits 10, same first two 5.
  Family composition            15     seeker with children and a volunteer family with
                                       children: nearest ages within 2 years 15, within 5
                                       years 10, otherwise 5.
  Age and life situation        10     an adult in the seeker within 5 years of the
                                       volunteer's age 10, within 10 years 5.
  Current load                  -10    per pairing the volunteer already has going, always
                                       shown as a reason so the coordinator sees why.
  ============================  =====  ====================================================

  The positive maxima add up to exactly 100. Reasons are listed strongest first; the load reason
  comes last.

Ranking is fully deterministic, so the same data always shows the same list: score, then fewer
current pairings, then name, then id (`rank_candidates`); for one volunteer's view of the waiting
list: score, then longest waiting, then name, then id (`rank_seekers`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from babel.lists import format_list

from app.i18n import _, ngettext
from app.i18n.formatting import babel_locale, format_number
from app.services.languages import language_name
from app.services.text import fold, sort_key

# Weights (see the table in the module docstring).
LANGUAGE_MAX = 40
LANGUAGE_OWN = 30
LANGUAGE_BRIDGE = 20
LANGUAGE_NORWEGIAN = 10
LANGUAGE_EXTRA = 5
INTEREST_MAX = 20
INTEREST_FIRST = 10
INTEREST_EXTRA = 5
DISTANCE_SAME = 15
DISTANCE_NEAR = 10
DISTANCE_AREA = 5
FAMILY_SAME_AGE = 15
FAMILY_CLOSE_AGE = 10
FAMILY_ANY = 5
AGE_CLOSE = 10
AGE_NEAR = 5
LOAD_PENALTY = 10

# Norwegian under any of its codes counts as one language: "no", Bokmål "nb", Nynorsk "nn".
NORWEGIAN_CODES = frozenset({"no", "nb", "nn"})
NORWEGIAN = "no"
# A common second language: useful to talk in, but rarely anyone's own.
BRIDGE_LANGUAGES = frozenset({"en"})


@dataclass(frozen=True)
class Area:
    """Where someone lives, as far as matching cares: close is better for meeting often.

    `district` is a city district (bydel) typed by people, so it is compared folded.
    """

    postcode: str | None
    district: str | None


@dataclass(frozen=True)
class Seeker:
    """Who waits for a pairing: one participant or a whole household.

    For a household, `languages` is the union of its members' languages and `person_ids` holds
    every member, so nobody is paired with their own family. A single child participant is in
    `children_ages`, not `adult_ages`. `gender_preference` ("female", "male" or None) is a stated
    wish about the volunteer's gender, and a hard rule.
    """

    id: str
    kind: str  # "participant" or "household"
    name: str
    languages: frozenset[str]
    interests: frozenset[str]
    area: Area
    adult_ages: tuple[int, ...]
    children_ages: tuple[int, ...]
    gender_preference: str | None
    person_ids: frozenset[str]
    household_id: str | None
    waiting_since: dt.date | None


@dataclass(frozen=True)
class Candidate:
    """A volunteer who might be paired, with what the hard rules and the score need to know.

    A volunteer family is a volunteer with a `household_id` and `children_ages`. `missing_steps`
    are the names of required onboarding steps not yet done, already worded for users.
    `certificate_ok` says whether a police certificate is valid for the pairing's start.
    """

    volunteer_id: str
    person_id: str
    name: str
    sort_name: str
    status: str  # "active", "paused" or "ended"
    gender: str  # "female", "male", "other" or "unknown"
    age: int | None
    languages: frozenset[str]
    interests: frozenset[str]
    area: Area
    household_id: str | None
    children_ages: tuple[int, ...]
    active_pairings: int
    capacity: int
    missing_steps: tuple[str, ...]
    certificate_ok: bool


@dataclass(frozen=True)
class Requirements:
    """What a pairing demands of the volunteer, resolved by the caller per programme and seeker.

    A certificate follows from the role (e.g. a pairing with children), not from the person.
    """

    needs_certificate: bool
    min_age: int = 18


@dataclass(frozen=True)
class Match:
    """One suggestion: who with whom, how good (0..100) and why, strongest reason first."""

    candidate: Candidate
    seeker: Seeker
    score: int
    reasons: tuple[str, ...]


# --- Hard rules -------------------------------------------------------------------------------


def hard_rule_problems(seeker: Seeker, candidate: Candidate, req: Requirements) -> list[str]:
    """Every hard rule the pairing would break, as plain sentences; empty when it is allowed."""
    problems: list[str] = []
    if candidate.person_id in seeker.person_ids:
        problems.append(_("Kan ikke kobles med seg selv"))
    elif candidate.household_id is not None and candidate.household_id == seeker.household_id:
        problems.append(_("Kan ikke kobles med sin egen husstand"))
    if candidate.status != "active":
        if candidate.status == "paused":
            problems.append(_("Frivilligen har pause"))
        elif candidate.status == "ended":
            problems.append(_("Frivilligen har sluttet"))
        else:
            problems.append(_("Frivilligen er ikke aktiv"))
    if candidate.active_pairings >= candidate.capacity:
        problems.append(
            _("Har ikke plass til flere koblinger ({active} av {capacity})").format(
                active=format_number(candidate.active_pairings),
                capacity=format_number(candidate.capacity),
            )
        )
    if candidate.missing_steps:
        problems.append(_("Mangler: {steps}").format(steps=", ".join(candidate.missing_steps)))
    if req.needs_certificate and not candidate.certificate_ok:
        problems.append(_("Mangler gyldig politiattest"))
    if candidate.age is None:
        problems.append(_("Alderen er ukjent"))
    elif candidate.age < req.min_age:
        problems.append(_("Er under {age} år").format(age=format_number(req.min_age)))
    wish = seeker.gender_preference
    if wish is not None and candidate.gender != wish:
        if wish == "female":
            problems.append(_("Ønsker en kvinnelig frivillig"))
        elif wish == "male":
            problems.append(_("Ønsker en mannlig frivillig"))
        else:
            problems.append(_("Ønsker en frivillig av et annet kjønn"))
    return problems


# --- Score ------------------------------------------------------------------------------------


def _join(items: list[str]) -> str:
    """ "a, b og c" in the UI language."""
    return format_list(items, locale=babel_locale())


def _norm_language(code: str) -> str:
    code = code.strip().lower()
    return NORWEGIAN if code in NORWEGIAN_CODES else code


def _language_tier(code: str) -> int:
    if code == NORWEGIAN:
        return LANGUAGE_NORWEGIAN
    if code in BRIDGE_LANGUAGES:
        return LANGUAGE_BRIDGE
    return LANGUAGE_OWN


def _languages(seeker: Seeker, candidate: Candidate) -> tuple[int, str | None]:
    shared = {_norm_language(c) for c in seeker.languages} & {
        _norm_language(c) for c in candidate.languages
    }
    shared.discard("")
    if not shared:
        return 0, None
    names = {code: language_name(code) for code in shared}
    ordered = sorted(shared, key=lambda c: (-_language_tier(c), sort_key(names[c]), c))
    points = _language_tier(ordered[0]) + LANGUAGE_EXTRA * (len(ordered) - 1)
    reason = _("Snakker {languages}").format(languages=_join([names[c] for c in ordered]))
    return min(points, LANGUAGE_MAX), reason


def _interests(seeker: Seeker, candidate: Candidate) -> tuple[int, str | None]:
    theirs = {fold(tag) for tag in candidate.interests}
    shared = {fold(tag): tag for tag in seeker.interests if fold(tag) and fold(tag) in theirs}
    if not shared:
        return 0, None
    names = sorted(shared.values(), key=lambda tag: (sort_key(tag), tag))
    points = INTEREST_FIRST + INTEREST_EXTRA * (len(names) - 1)
    reason = _("Begge er interessert i {interests}").format(interests=_join(names))
    return min(points, INTEREST_MAX), reason


def _postcode(area: Area) -> str:
    return "".join((area.postcode or "").split())


def _distance(seeker: Seeker, candidate: Candidate) -> tuple[int, str | None]:
    mine, theirs = _postcode(seeker.area), _postcode(candidate.area)
    if mine and mine == theirs:
        return DISTANCE_SAME, _("Samme postnummer")
    district = fold(seeker.area.district).strip()
    if district and district == fold(candidate.area.district).strip():
        return DISTANCE_SAME, _("Samme bydel")
    if len(mine) == 4 and len(theirs) == 4 and mine.isdigit() and theirs.isdigit():
        if mine[:3] == theirs[:3]:
            return DISTANCE_NEAR, _("Bor i nærheten")
        if mine[:2] == theirs[:2]:
            return DISTANCE_AREA, _("Bor i samme område")
    return 0, None


def _family(seeker: Seeker, candidate: Candidate) -> tuple[int, str | None]:
    if not seeker.children_ages or not candidate.children_ages:
        return 0, None
    gap = min(abs(a - b) for a in seeker.children_ages for b in candidate.children_ages)
    if gap <= 2:
        return FAMILY_SAME_AGE, _("Familie med barn på samme alder")
    if gap <= 5:
        return FAMILY_CLOSE_AGE, _("Familie med barn på omtrent samme alder")
    return FAMILY_ANY, _("Begge er familier med barn")


def _age(seeker: Seeker, candidate: Candidate) -> tuple[int, str | None]:
    if candidate.age is None or not seeker.adult_ages:
        return 0, None
    gap = min(abs(age - candidate.age) for age in seeker.adult_ages)
    if gap <= 5:
        return AGE_CLOSE, _("Omtrent like gamle")
    if gap <= 10:
        return AGE_NEAR, _("Nokså like gamle")
    return 0, None


_CRITERIA = (_languages, _interests, _distance, _family, _age)


def score(seeker: Seeker, candidate: Candidate) -> tuple[int, tuple[str, ...]]:
    """How well the two fit, 0..100, and why in plain Norwegian, strongest reason first.

    Hard rules are not looked at here: call `hard_rule_problems` (or rank, which does both).
    """
    found: list[tuple[int, int, str]] = []
    total = 0
    for order, criterion in enumerate(_CRITERIA):
        points, reason = criterion(seeker, candidate)
        total += points
        if reason is not None:
            found.append((-points, order, reason))
    reasons = [reason for _points, _order, reason in sorted(found)]
    load = max(candidate.active_pairings, 0)
    if load:
        total -= LOAD_PENALTY * load
        reasons.append(
            ngettext(
                "Har allerede {n} pågående kobling", "Har allerede {n} pågående koblinger", load
            ).format(n=format_number(load))
        )
    return max(0, min(100, total)), tuple(reasons)


# --- Ranking ----------------------------------------------------------------------------------


def _check_limit(limit: int | None) -> None:
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0, got {limit}")


def _match(seeker: Seeker, candidate: Candidate) -> Match:
    points, reasons = score(seeker, candidate)
    return Match(candidate=candidate, seeker=seeker, score=points, reasons=reasons)


def rank_candidates(
    seeker: Seeker,
    candidates: Iterable[Candidate],
    req: Requirements,
    limit: int | None = None,
) -> list[Match]:
    """The volunteers allowed for `seeker`, best first.

    Order: score (high first), fewer current pairings, name, volunteer id.
    """
    _check_limit(limit)
    matches = [_match(seeker, c) for c in candidates if not hard_rule_problems(seeker, c, req)]
    matches.sort(
        key=lambda m: (
            -m.score,
            m.candidate.active_pairings,
            sort_key(m.candidate.sort_name),
            m.candidate.sort_name,
            m.candidate.volunteer_id,
        )
    )
    return matches if limit is None else matches[:limit]


def rank_seekers(
    candidate: Candidate,
    seekers_with_req: Iterable[tuple[Seeker, Requirements]],
    limit: int | None = None,
) -> list[Match]:
    """The seekers `candidate` may be paired with, best first: one volunteer's view of the list.

    Order: score (high first), longest waiting (unknown waiting last), name, id.
    """
    _check_limit(limit)
    matches = [
        _match(seeker, candidate)
        for seeker, req in seekers_with_req
        if not hard_rule_problems(seeker, candidate, req)
    ]
    matches.sort(
        key=lambda m: (
            -m.score,
            m.seeker.waiting_since is None,
            m.seeker.waiting_since or dt.date.min,
            sort_key(m.seeker.name),
            m.seeker.name,
            m.seeker.id,
        )
    )
    return matches if limit is None else matches[:limit]


def excluded(
    seeker: Seeker, candidates: Iterable[Candidate], req: Requirements
) -> list[tuple[Candidate, list[str]]]:
    """The volunteers left out for `seeker` and why, by name: for a "why not X?" view."""
    left_out = [
        (c, problems) for c in candidates if (problems := hard_rule_problems(seeker, c, req))
    ]
    left_out.sort(key=lambda pair: (sort_key(pair[0].sort_name), pair[0].volunteer_id))
    return left_out
