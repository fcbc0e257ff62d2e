"""Demo participants, households, programmes and pairings, with their follow-ups and meetings.

`fill_pairings` runs at the end of `fill_demo`'s one transaction, after the volunteers and the
activities (whose participants already stand in the register). It tops the participant register
up to the size's total (`demo_names.PARTICIPANTS`) with people referred for pairings and others,
each with a registration consent (a parent's for a child in a family, a verge's for an
unaccompanied minor), and adds participant families, a few volunteer families, the three
programmes, and pairings in every state: a waiting list, proposals, active pairings with their
follow-up plan (most past follow-ups done, some overdue) and ended ones with a reason and outcomes.

Proposed and active pairings obey the hard rules of matching (`app.services.matching_rules`):
an active adult volunteer, the programme's onboarding steps done, room for another pairing
(`max_pairings`, counting proposed and active ones), a stated gender wish met, and a valid police
certificate where the seeker is or has a child (the demo adds a cleared certificate, with its
history, for a volunteer who has no record yet; one with another record is not chosen).

The plan is made without the database (`plan_pairings`, from what `load_known` read), so the
large plan can be checked quickly; the rows are written with bulk `insert()` executemany and
explicit integer keys, like the rest of the demo. Random choices come from their own
`random.Random`, seeded from the demo seed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import String, bindparam, func, insert, literal, select, update
from sqlalchemy.orm import Session as OrmSession

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
    Staff,
    Tag,
    Volunteer,
)
from app.services.age_bands import age_at
from app.services.certificate_need import valid_on
from app.services.certificate_rules import CertificatePolicy, add_months, expires_on
from app.services.certificates import policy as certificate_policy
from app.services.demo_activities import DemoVolunteer, _uuids
from app.services.demo_activity_data import PARTICIPANT_POOL_WEIGHTS
from app.services.demo_names import (
    DISTRICT_OF_POSTCODE,
    DISTRICTS,
    FOLLOW_UPS,
    FORMER_PARTICIPANTS,
    HOUSEHOLDS,
    INTERESTS,
    MEMBERS_WAITING,
    NAME_POOLS,
    PAIRING_YEARS,
    PAIRINGS,
    PARTICIPANTS,
    VOLUNTEER_FAMILIES,
)
from app.services.followup_schedule import due_dates, from_text
from app.services.text import sort_key
from app.services.volunteer_list import INTEREST
from app.services.volunteers import build_search_text

ADULT_AGE = 18
STEPS = ("interview", "training", "confidentiality")


@dataclass(frozen=True)
class ProgrammeSpec:
    name: str
    months: int
    hours_per_month: float
    follow_up_plan: str
    certificate: str  # always, children, never
    weight: int  # share of the demo's pairings


PROGRAMMES: tuple[ProgrammeSpec, ...] = (
    ProgrammeSpec("Flyktningguide", 12, 8.0, "2w,1m,*2m", "children", 50),
    ProgrammeSpec("Vennefamilie", 12, 8.0, "2w,1m,*2m", "children", 30),
    ProgrammeSpec("Mentor", 6, 4.0, "1m,*1m", "never", 20),
)

END_REASONS = {"completed": 60, "moved": 12, "volunteer_left": 10, "participant_left": 10,
               "other": 8}  # fmt: skip
REFERRERS = {"refugee_service": 35, "introduction": 25, "nav": 10, "reception_centre": 10,
             "self": 12, "other": 8}  # fmt: skip
FOLLOW_UP_NOTES: dict[str, tuple[str, ...]] = {
    "good": (
        "Går fint, de treffes hver uke.",
        "Har vært på tur sammen.",
        "Familien er fornøyd.",
        "Hjelper med lekser og skjema.",
        "Godt i gang.",
        "Har vært på biblioteket og i svømmehallen.",
        "Snakker mer norsk nå.",
    ),
    "some_concern": (
        "Vanskelig å finne tid til å møtes.",
        "Språket er en utfordring, bruker oversetter på mobilen.",
        "Den frivillige har mye på jobb.",
        "Familien har flyttet til ny leilighet.",
    ),
    "needs_follow_up": (
        "Trenger en samtale med koordinator.",
        "Deltakeren ønsker en ny frivillig.",
        "Den frivillige vil avslutte.",
        "Lite kontakt siste måned.",
    ),
}
MEETING_NOTES = ("Kafé", "Tur i Sandvedparken", "Fotballkamp", "Middag hjemme", "Biblioteket",
                 "Handletur", "Svømmehallen", "Lekser")  # fmt: skip
WAITING_NOTES = (
    "Ønsker helst noen som snakker samme språk.",
    "Vil helst bli ringt, ikke få melding.",
    "Kan møtes på ettermiddagen.",
    "Ønsker hjelp med norsk og jobbsøking.",
)
# First names of children who are household members only (not registered themselves).
CHILD_NAMES = {
    "female": ("Sara", "Lina", "Maja", "Emma", "Hana", "Yasmin", "Mila", "Nora"),
    "male": ("Adam", "Noah", "Elias", "Yusuf", "Ali", "Filip", "Omar", "Jonas"),
}


# -- what the demo already holds -----------------------------------------------------------------


@dataclass(eq=False)
class Helper:
    """A demo volunteer as the pairing demo sees them."""

    person_id: int
    volunteer_id: int
    name: str
    start: dt.date
    status: str
    status_date: dt.date
    birth_year: int | None
    gender: str
    postcode: str | None
    languages: frozenset[str]
    max_pairings: int = 1
    load: int = 0  # proposed and active pairings
    family_id: int | None = None

    @property
    def district(self) -> str | None:
        return DISTRICT_OF_POSTCODE.get(self.postcode or "")

    def served(self, first: dt.date, last: dt.date) -> bool:
        """A volunteer the whole time from `first` to `last`."""
        return self.start <= first and (self.status == "active" or self.status_date > last)


@dataclass(frozen=True)
class CertificateFacts:
    status: str
    shown_on: dt.date | None
    expires_on: dt.date | None


@dataclass
class Known:
    """What `plan_pairings` needs to know of the demo so far (`load_known` reads it)."""

    helpers: list[Helper]
    staff_ids: list[int]
    tag_ids: dict[str, int]
    participants: int  # already registered (the activity demo's)
    steps: dict[int, dict[str, dt.date]]  # person → step → done on
    certificates: dict[int, CertificateFacts]
    phones: set[str]
    policy: CertificatePolicy
    next_ids: dict[str, int]  # table → first free id


_ID_TABLES = (Person, Participant, Consent, Household, HouseholdMember, Programme, Pairing,
              FollowUp, PairingMeeting, ProgrammeVolunteer, OnboardingStep,
              Certificate)  # fmt: skip


def load_known(session: OrmSession, volunteers: Sequence[DemoVolunteer]) -> Known:
    facts = {
        person_id: (volunteer_id, name, gender, postcode)
        for person_id, volunteer_id, name, gender, postcode in session.execute(
            select(Person.id, Volunteer.id, Person.name, Person.gender, Person.postcode).join(
                Volunteer, Volunteer.person_id == Person.id
            )
        )
    }
    spoken: dict[int, set[str]] = {}
    for person_id, code in session.execute(
        select(PersonLanguage.person_id, PersonLanguage.code).join(
            Volunteer, Volunteer.person_id == PersonLanguage.person_id
        )
    ):
        spoken.setdefault(person_id, set()).add(code)
    helpers = []
    for v in sorted(volunteers, key=lambda v: v.person_id):
        volunteer_id, name, gender, postcode = facts[v.person_id]
        helpers.append(Helper(v.person_id, volunteer_id, name, v.start, v.status, v.status_date,
                              v.birth_year, gender, postcode,
                              frozenset(spoken.get(v.person_id, ()))))  # fmt: skip
    steps: dict[int, dict[str, dt.date]] = {}
    for person_id, step, done_on in session.execute(
        select(OnboardingStep.person_id, OnboardingStep.step, OnboardingStep.done_on)
    ):
        steps.setdefault(person_id, {})[step] = done_on
    certificates = {
        person_id: CertificateFacts(status, shown, expires)
        for person_id, status, shown, expires in session.execute(
            select(
                Certificate.person_id,
                Certificate.status,
                Certificate.shown_on,
                Certificate.expires_on,
            )
        )  # fmt: skip
    }
    next_ids = {}
    for model in (*_ID_TABLES, CertificateEvent):
        table = model.__table__  # type: ignore[attr-defined]
        next_ids[table.name] = (session.scalar(select(func.max(table.c.id))) or 0) + 1
    return Known(
        helpers=helpers,
        staff_ids=list(session.scalars(select(Staff.id).order_by(Staff.id))),
        tag_ids={name: id_ for name, id_ in session.execute(select(Tag.name, Tag.id))},
        participants=session.scalar(select(func.count()).select_from(Participant)) or 0,
        steps=steps,
        certificates=certificates,
        phones={p for p in session.scalars(select(Person.phone)) if p},
        policy=certificate_policy(session),
        next_ids=next_ids,
    )


# -- the plan -------------------------------------------------------------------------------------


@dataclass
class Member:
    """Someone in a participant household, or a single participant: named (registered) or not."""

    first: str
    family: str
    gender: str
    birth_year: int | None
    named: bool
    pool: str
    person_id: int | None = None

    def child_on(self, day: dt.date) -> bool:
        age = age_at(self.birth_year, day)
        return age is not None and age < ADULT_AGE


@dataclass
class Seeker:
    """A participant household or a single participant, as referred for pairing (or not)."""

    kind: str  # household, single
    members: list[Member]
    district: str
    postcode: str
    registered_on: dt.date
    referred_by: str
    unaccompanied: bool = False  # enslig mindreårig: a verge consents
    household_id: int | None = None
    gender_wish: str | None = None

    @property
    def languages(self) -> set[str]:
        return {code for m in self.members for code in _codes_of(m.pool)}

    def has_children(self, days: Sequence[dt.date]) -> bool:
        return any(m.child_on(day) for m in self.members for day in days)


@functools.cache
def _folded_word(code: str | None, tag: str | None) -> str:
    """One language's or tag's part of a search text, folded once."""
    return build_search_text("", None, None, [code] if code else [], [tag] if tag else [])


def _search_text(name: str, phone: str | None, codes: list[str], tags: list[str]) -> str:
    """`build_search_text(name, None, phone, codes, tags)`, with the repeated words cached."""
    parts = [build_search_text(name, None, phone, [], [])]
    parts += [_folded_word(code, None) for code in codes]
    parts += [_folded_word(None, tag) for tag in tags]
    return " ".join(p for p in parts if p)


def _codes_of(pool: str) -> tuple[str, ...]:
    return ("no",) if pool == "no" else (pool, "no")


@dataclass
class Skeleton:
    """One pairing before its seeker and volunteers are chosen."""

    programme: int  # index into PROGRAMMES
    status: str
    referred_on: dt.date
    proposed_on: dt.date | None = None
    start: dt.date | None = None
    agreement: dt.date | None = None
    end: dt.date | None = None
    end_reason: str | None = None
    seeker: Seeker | None = None
    helpers: list[Helper] = field(default_factory=list)
    former: Helper | None = None  # the seeker is now a volunteer ("ble selv frivillig")
    id: int = 0


@dataclass
class PairingRows:
    """The rows `fill_pairings` writes, by model, and the volunteers' raised `max_pairings`."""

    rows: dict[type, list[dict[str, object]]]
    max_pairings: dict[int, int]  # volunteer id → max pairings (only those above 1)

    def count(self, model: type) -> int:
        return len(self.rows.get(model, []))


class _Planner:
    def __init__(self, known: Known, size: str, seed: int, today: dt.date,
                 uuids: Iterator[str]) -> None:  # fmt: skip
        self.known = known
        self.size = size
        self.rng = random.Random(f"dugnad-pairings-{seed}")
        self.today = today
        self.uuid = uuids
        self.ids = dict(known.next_ids)
        self.rows: dict[type, list[dict[str, object]]] = {}
        self.steps = {p: dict(s) for p, s in known.steps.items()}
        self.certificates = dict(known.certificates)
        self.plans = [from_text(p.follow_up_plan) for p in PROGRAMMES]
        self.programme_ids: list[int] = []
        self.phones = set(known.phones)
        # Adults only, in a stable order: the pool every choice draws from.
        self.pool = [h for h in known.helpers if h.birth_year is not None
                     and today.year - h.birth_year >= ADULT_AGE]  # fmt: skip
        self.families: list[Helper] = []
        self.by_start = sorted(self.pool, key=lambda h: (h.start, h.person_id))
        self.starts = [h.start for h in self.by_start]

    # -- helpers -----------------------------------------------------------------------------
    def _id(self, table: str) -> int:
        self.ids[table] = self.ids.get(table, 1) + 1
        return self.ids[table] - 1

    def _add(self, model: type, **values: object) -> dict[str, object]:
        """A row for `model`, with the next id and a UUID unless `values` brings an id."""
        table = model.__table__  # type: ignore[attr-defined]
        if "uuid" in table.c and "id" not in values:
            values = {"id": self._id(table.name), "uuid": next(self.uuid), **values}
        self.rows.setdefault(model, []).append(values)
        return values

    def _day(self, first: dt.date, last: dt.date) -> dt.date:
        return first + dt.timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def _ago(self, low: int, high: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(low, high))

    def _staff(self) -> int | None:
        return self.rng.choice(self.known.staff_ids) if self.known.staff_ids else None

    def _phone(self) -> str:
        while True:
            number = f"+47{self.rng.choice('49')}{self.rng.randrange(10_000_000):07d}"
            if number not in self.phones:
                self.phones.add(number)
                return number

    # -- programmes and pairing dates ------------------------------------------------------------
    def programmes(self) -> None:
        for spec in PROGRAMMES:
            row = self._add(Programme, name=spec.name, months=spec.months,
                            hours_per_month=spec.hours_per_month,
                            follow_up_plan=spec.follow_up_plan, certificate=spec.certificate,
                            required_steps=",".join(STEPS), min_age=ADULT_AGE,
                            active=True)  # fmt: skip
            self.programme_ids.append(int(row["id"]))  # type: ignore[call-overload]

    def skeletons(self) -> list[Skeleton]:
        rng, today = self.rng, self.today
        weights = [p.weight for p in PROGRAMMES]
        history = 365 * PAIRING_YEARS[self.size]
        found: list[Skeleton] = []
        for status, count in PAIRINGS[self.size].items():
            for _n in range(count):
                programme = rng.choices(range(len(PROGRAMMES)), weights)[0]
                months = PROGRAMMES[programme].months
                pairing = Skeleton(programme, status, today)
                if status == "waiting":
                    # Most were referred lately; a long tail has waited most of a year.
                    pairing.referred_on = self._ago(0, rng.choice((45, 90, 180, 330)))
                elif status == "proposed":
                    pairing.proposed_on = self._ago(0, 21)
                    pairing.referred_on = pairing.proposed_on - dt.timedelta(
                        days=rng.randint(14, 240)
                    )
                else:
                    if status == "active":
                        start = self._ago(3, 30 * months + 45)
                    else:
                        reason = rng.choices(list(END_REASONS), list(END_REASONS.values()))[0]
                        latest = 30 * months + 20 if reason == "completed" else 40
                        start = self._ago(latest, max(latest, history))
                        planned = add_months(start, months)
                        if reason == "completed":
                            end = planned + dt.timedelta(days=rng.randint(-14, 14))
                        else:
                            end = start + dt.timedelta(days=rng.randint(30, 30 * months - 20))
                        pairing.end = min(end, today - dt.timedelta(days=1))
                        pairing.end_reason = reason
                    pairing.start = start
                    pairing.agreement = min(today, start + dt.timedelta(
                        days=rng.choice((0, 0, 0, 2, 5, 7))))  # fmt: skip
                    pairing.proposed_on = start - dt.timedelta(days=rng.randint(3, 25))
                    pairing.referred_on = pairing.proposed_on - dt.timedelta(
                        days=rng.randint(10, 150)
                    )
                found.append(pairing)
        return found

    # -- people -----------------------------------------------------------------------------------
    def _member(self, pool: str, gender: str, age: int, on: dt.date, named: bool,
                family: str | None = None) -> Member:  # fmt: skip
        female, male, families, _extra = NAME_POOLS[pool]
        if named:
            first = self.rng.choice(female if gender == "female" else male)
        else:
            first = self.rng.choice(CHILD_NAMES["female" if gender == "female" else "male"])
        return Member(first, family or self.rng.choice(families), gender,
                      min(on.year - age, self.today.year), named, pool)  # fmt: skip

    def _place(self) -> tuple[str, str]:
        names = list(DISTRICTS)
        district = self.rng.choices(names, [DISTRICTS[n][1] for n in names])[0]
        return district, self.rng.choice(DISTRICTS[district][0])

    def _pool(self) -> str:
        pools = list(PARTICIPANT_POOL_WEIGHTS)
        return self.rng.choices(pools, [PARTICIPANT_POOL_WEIGHTS[p] for p in pools])[0]

    def _referrer(self) -> str:
        return self.rng.choices(list(REFERRERS), list(REFERRERS.values()))[0]

    def household(self, on: dt.date, children: bool) -> Seeker:
        """A participant family registered on `on`: one or two adults and maybe children."""
        rng = self.rng
        pool = self._pool()
        contact_gender = rng.choices(("female", "male"), (60, 40))[0]
        contact = self._member(pool, contact_gender, rng.randint(22, 55), on, named=True)
        members = [contact]
        if rng.random() < 0.7:
            other = "male" if contact_gender == "female" else "female"
            age = max(ADULT_AGE, on.year - (contact.birth_year or 0) + rng.randint(-6, 6))
            members.append(self._member(pool, other, age, on, named=rng.random() < 0.55,
                                        family=contact.family))  # fmt: skip
        if children:
            for _n in range(rng.choices((1, 2, 3, 4, 5), (25, 35, 22, 12, 6))[0]):
                age = rng.randint(0, 17)
                gender = rng.choice(("female", "male"))
                # Teenagers are often registered themselves (leksehjelp, ungdomsgruppe).
                named = age >= 13 and rng.random() < 0.3
                members.append(self._member(pool, gender, age, on, named=named,
                                            family=contact.family))  # fmt: skip
        district, postcode = self._place()
        seeker = Seeker("household", members, district, postcode, on, self._referrer())
        if rng.random() < 0.05:
            seeker.gender_wish = "female"
        return seeker

    def single(self, on: dt.date, unaccompanied: bool = False, young: bool = False) -> Seeker:
        rng = self.rng
        pool = self._pool()
        if unaccompanied:
            pool = rng.choice(("prs", "ti", "so", "ar"))
            gender = rng.choices(("male", "female"), (85, 15))[0]
            age = rng.randint(15, 17)
        else:
            gender = rng.choices(("female", "male", "other", "unknown"), (52, 45, 1, 2))[0]
            age = rng.randint(18, 35) if young else rng.randint(18, 70)
        member = self._member(pool, gender, age, on, named=True)
        district, postcode = self._place()
        referrer = rng.choice(("refugee_service", "reception_centre")) if unaccompanied \
            else self._referrer()  # fmt: skip
        seeker = Seeker("single", [member], district, postcode, on, referrer, unaccompanied)
        if gender in ("female", "male") and rng.random() < 0.15:
            seeker.gender_wish = gender  # a woman who wants a woman, a man who wants a man
        return seeker

    def seekers(self, skeletons: list[Skeleton], former: list[Helper]) -> list[Seeker]:
        """A seeker for every pairing, then families and people who wait for nothing (yet)."""
        rng = self.rng
        households_left = HOUSEHOLDS[self.size] - VOLUNTEER_FAMILIES[self.size]
        seekers: list[Seeker] = []
        formers = list(reversed(former))
        for pairing in skeletons:
            on = pairing.referred_on - dt.timedelta(days=rng.randint(0, 60))
            name = PROGRAMMES[pairing.programme].name
            if pairing.status == "ended" and name == "Flyktningguide" and formers:
                pairing.former = formers.pop()
                continue
            household = households_left > 0 and (
                name == "Vennefamilie" or (name == "Flyktningguide" and rng.random() < 0.45)
            )
            if household:
                households_left -= 1
                seeker = self.household(on, children=name == "Vennefamilie" or rng.random() < 0.7)
            else:
                unaccompanied = name == "Flyktningguide" and rng.random() < 0.2
                seeker = self.single(on, unaccompanied, young=name == "Mentor")
            pairing.seeker = seeker
            seekers.append(seeker)
        for _n in range(households_left):
            seekers.append(self.household(self._ago(0, 365 * PAIRING_YEARS[self.size]),
                                          children=rng.random() < 0.75))  # fmt: skip
        # The register's total: singles fill up, or named partners and teenagers in families
        # become unnamed members when the families alone would pass it.
        budget = PARTICIPANTS[self.size] - self.known.participants - len(former)
        named = sum(m.named for s in seekers for m in s.members)
        optional = [m for s in seekers if s.kind == "household" for m in s.members[1:] if m.named]
        rng.shuffle(optional)
        while named > budget and optional:
            optional.pop().named = False
            named -= 1
        if named > budget:
            raise ValueError(f"{named} participants do not fit in {budget}")
        for _n in range(budget - named):
            seekers.append(self.single(self._ago(0, 365 * PAIRING_YEARS[self.size])))
        return seekers

    def formers(self) -> list[Helper]:
        """Volunteers who came as participants a year or two before they started."""
        rng = self.rng
        able = [h for h in self.pool if h.languages - {"no", "en", "sv", "de", "es", "fr"}
                and h.start <= self.today - dt.timedelta(days=30)
                and h.start >= self.today - dt.timedelta(days=365 * 8)
                and h.start.year - (h.birth_year or 0) >= ADULT_AGE + 3]  # fmt: skip
        return rng.sample(able, k=min(len(able), FORMER_PARTICIPANTS[self.size]))

    # -- volunteers -------------------------------------------------------------------------------
    def volunteer_families(self) -> None:
        rng, today = self.rng, self.today
        able = [h for h in self.pool if h.status == "active" and 28 <= today.year - (
            h.birth_year or 0) <= 55 and self._onboarded(h, today)
            and self._certificate_ok(h, today)]  # fmt: skip
        for helper in rng.sample(able, k=min(len(able), VOLUNTEER_FAMILIES[self.size])):
            family = helper.name.split(" ", 1)[-1]
            household = self._add(Household, name=f"Familien {family}", kind="volunteer",
                                   contact_person_id=helper.person_id,
                                   postcode=helper.postcode, district=helper.district,
                                   notes=None)  # fmt: skip
            helper.family_id = int(household["id"])  # type: ignore[call-overload]
            self._add(
                HouseholdMember,
                household_id=helper.family_id,
                person_id=helper.person_id,
                first_name=None,
                birth_year=helper.birth_year,
                gender=helper.gender,
            )
            partner = "male" if helper.gender == "female" else "female"
            self._add(HouseholdMember, household_id=helper.family_id, person_id=None,
                      first_name=None, birth_year=helper.birth_year + rng.randint(-4, 4),  # type: ignore[operator]
                      gender=partner)  # fmt: skip
            for _n in range(rng.randint(1, 3)):
                gender = rng.choice(("female", "male"))
                self._add(
                    HouseholdMember,
                    household_id=helper.family_id,
                    person_id=None,
                    first_name=rng.choice(CHILD_NAMES[gender]),
                    birth_year=today.year - rng.randint(2, 16),
                    gender=gender,
                )
            self.families.append(helper)

    def _onboarded(self, helper: Helper, on: dt.date) -> bool:
        done = self.steps.get(helper.person_id, {})
        return all(step in done and done[step] <= on for step in STEPS)

    def _certificate_ok(self, helper: Helper, on: dt.date) -> bool:
        """Valid today and already on `on`, or no record yet (the demo then adds one)."""
        cert = self.certificates.get(helper.person_id)
        if cert is None:
            return True
        return (valid_on(cert.status, cert.expires_on, self.today)
                and cert.shown_on is not None and cert.shown_on <= on)  # fmt: skip

    def _allowed(self, h: Helper, pairing: Skeleton, needs_certificate: bool,
                 strict: bool = True, room: bool = False) -> bool:  # fmt: skip
        """May `h` take `pairing` now (proposed or active) without breaking a hard rule?

        Not `strict`: onboarding steps may be missing (the demo then adds them). `room`: as if
        the volunteer had room for one more pairing."""
        on = pairing.proposed_on or self.today
        seeker = pairing.seeker
        return (
            h.status == "active"
            and h.start <= on - dt.timedelta(days=14)
            and (h.birth_year is not None and on.year - h.birth_year >= ADULT_AGE)
            and (h.load < h.max_pairings or room)
            and (seeker is None or seeker.gender_wish is None or h.gender == seeker.gender_wish)
            and (not needs_certificate or self._certificate_ok(h, on))
            and (not strict or self._onboarded(h, on))
            and h not in pairing.helpers
        )

    def _served(self, h: Helper, pairing: Skeleton) -> bool:
        assert pairing.proposed_on is not None and pairing.end is not None
        first = pairing.proposed_on - dt.timedelta(days=30)
        return (h.served(first, pairing.end) and h.birth_year is not None
                and first.year - h.birth_year >= ADULT_AGE and h not in pairing.helpers
                and h is not pairing.former)  # fmt: skip

    def _fit(self, h: Helper, pairing: Skeleton) -> float:
        seeker = pairing.seeker
        points = self.rng.random()
        if seeker is not None:
            shared = h.languages & seeker.languages
            points += 3 if shared - {"no"} else 0
            points += 2 if h.district and h.district == seeker.district else 0
            # Not someone who looks like a relative (the name pools are small).
            points -= 10 if h.name.rsplit(" ", 1)[-1] in {m.family for m in seeker.members} else 0
        if h.family_id is not None and PROGRAMMES[pairing.programme].name == "Vennefamilie":
            points += 3
        return points

    def _pick(self, pairing: Skeleton, test: object, started_by: dt.date) -> Helper | None:
        """The best fitting of up to ten volunteers who started by `started_by` and pass `test`,
        drawn at random."""
        rng = self.rng
        pool = self.by_start[: bisect.bisect_right(self.starts, started_by)]
        if not pool:
            return None
        found: list[Helper] = []
        for _try in range(400):
            h = pool[rng.randrange(len(pool))]
            if h not in found and test(h):  # type: ignore[operator]
                found.append(h)
                if len(found) == 10:
                    break
        if not found:
            found = [h for h in pool if test(h)]  # type: ignore[operator]
        return max(found, key=lambda h: self._fit(h, pairing)) if found else None

    def needs_certificate(self, pairing: Skeleton) -> bool:
        spec = PROGRAMMES[pairing.programme]
        if spec.certificate == "always":
            return True
        if spec.certificate == "never" or pairing.seeker is None:
            return False
        days = [d for d in (pairing.proposed_on, pairing.start, self.today) if d is not None]
        return pairing.seeker.has_children(days)

    def assign(self, skeletons: list[Skeleton]) -> None:
        """Volunteers for every pairing but the waiting ones; proposed and active ones first,
        so that they get the volunteers the hard rules allow."""
        rng = self.rng
        for helper in rng.sample(self.pool, k=len(self.pool) // 8):
            if helper.status == "active":
                helper.max_pairings = rng.choice((2, 2, 2, 3))
        order = [p for p in skeletons if p.status in ("active", "proposed")]
        order += [p for p in skeletons if p.status == "ended"]
        for pairing in order:
            wanted = rng.choices((1, 2, 3, 4), (90, 5, 2, 3))[0]
            on = pairing.proposed_on or self.today
            if pairing.status == "ended":
                first = on - dt.timedelta(days=30)
                for _n in range(wanted):
                    found = self._pick(
                        pairing,
                        lambda h, p=pairing: self._served(h, p) and self._onboarded(h, self.today),
                        first,
                    ) or self._pick(pairing, lambda h, p=pairing: self._served(h, p), first)
                    if found is not None:
                        pairing.helpers.append(found)
                for helper in pairing.helpers:
                    self._complete(helper, pairing, needs_certificate=False)
                continue
            needs = self.needs_certificate(pairing)
            if PROGRAMMES[pairing.programme].name == "Vennefamilie" and rng.random() < 0.6:
                family = [h for h in self.families if self._allowed(h, pairing, needs)]
                if family:
                    pairing.helpers.append(rng.choice(family))
                    wanted = 1
            started = on - dt.timedelta(days=14)
            while len(pairing.helpers) < wanted:
                found = self._pick(
                    pairing, lambda h, p=pairing, n=needs: self._allowed(h, p, n), started
                ) or self._pick(
                    pairing,
                    lambda h, p=pairing, n=needs: self._allowed(h, p, n, strict=False),
                    started,
                )
                if found is None:
                    # Nobody has room: a volunteer who would take one more says yes.
                    found = self._pick(
                        pairing,
                        lambda h, p=pairing, n=needs: self._allowed(h, p, n, room=True),
                        started,
                    )
                    if found is None:
                        break
                    found.max_pairings = found.load + 1
                pairing.helpers.append(found)
            for helper in pairing.helpers:
                helper.load += 1
                self._complete(helper, pairing, needs)
            if not pairing.helpers:  # no volunteer at all: still on the waiting list
                pairing.status = "waiting"
                pairing.proposed_on = pairing.start = pairing.agreement = None

    def _complete(self, helper: Helper, pairing: Skeleton, needs_certificate: bool) -> None:
        """Onboarding steps and a certificate, where the pairing needs them and they are missing."""
        rng = self.rng
        on = pairing.proposed_on or self.today
        done = self.steps.setdefault(helper.person_id, {})
        day = max(helper.start, on - dt.timedelta(days=rng.randint(20, 60)))
        for step in STEPS:
            if step not in done:
                day = min(on, day + dt.timedelta(days=rng.randint(0, 5)))
                done[step] = day
                self._add(OnboardingStep, person_id=helper.person_id, step=step, done_on=day,
                          staff_id=self._staff())  # fmt: skip
        if needs_certificate and helper.person_id not in self.certificates:
            self._certificate(helper, on)

    def memberships(self, skeletons: list[Skeleton]) -> None:
        """Who is taken into which programme: everyone in a proposed or active pairing, the
        volunteer families (Vennefamilie), some volunteers still waiting for their first pairing,
        and, until their last pairing ended, those who were paired before.

        Membership of a programme whose pairings may involve children is a role that needs a
        police certificate (`certificate_need.requiring_roles`): a current member without any
        record gets one shown at intake, as the centre asks for it then."""
        rng, today = self.rng, self.today
        spans: dict[tuple[int, int], list[object]] = {}  # (programme, person) → from, to, helper

        def join(programme: int, helper: Helper, on: dt.date, until: dt.date | None) -> None:
            on = max(helper.start, on)
            key = (programme, helper.person_id)
            if key not in spans:
                spans[key] = [on, until, helper]
                return
            span = spans[key]
            span[0] = min(span[0], on)  # type: ignore[type-var]
            if span[1] is not None:
                span[1] = None if until is None else max(span[1], until)  # type: ignore[type-var]

        for pairing in skeletons:
            if not pairing.helpers:
                continue
            assert pairing.proposed_on is not None
            until = pairing.end if pairing.status == "ended" else None
            on = pairing.proposed_on - dt.timedelta(days=rng.randint(0, 45))
            for helper in pairing.helpers:
                join(pairing.programme, helper, on, until)
        family = next(n for n, p in enumerate(PROGRAMMES) if p.name == "Vennefamilie")
        for helper in self.families:
            join(family, helper, self._ago(30, 700), None)
        current = {person for (_p, person), span in spans.items() if span[1] is None}
        free = [h for h in self.pool if h.status == "active" and h.person_id not in current
                and self._onboarded(h, today) and self._certificate_ok(h, today)]  # fmt: skip
        weights = [p.weight for p in PROGRAMMES]
        for helper in rng.sample(free, k=min(len(free), MEMBERS_WAITING[self.size])):
            programme = rng.choices(range(len(PROGRAMMES)), weights)[0]
            join(programme, helper, self._ago(10, 400), None)
        for (programme, person_id), (since, until, helper) in sorted(spans.items()):
            assert isinstance(helper, Helper)
            if until is not None and helper.status == "ended":
                until = min(until, helper.status_date)  # type: ignore[type-var]
            self._add(ProgrammeVolunteer, programme_id=self.programme_ids[programme],
                      person_id=person_id, from_date=since, to_date=until)  # fmt: skip
            needs = PROGRAMMES[programme].certificate in ("always", "children")
            if needs and until is None and person_id not in self.certificates:
                # Shown at intake, or at the latest renewal for a member of long standing.
                shown = max(since, self._ago(30, 700))  # type: ignore[type-var]
                self._certificate(helper, shown)

    def _certificate(self, helper: Helper, on: dt.date) -> None:
        """Asked for when the pairing was in view, shown without remarks before the proposal."""
        rng = self.rng
        shown = max(helper.start, on - dt.timedelta(days=rng.randint(0, 10)))
        issued = shown - dt.timedelta(days=rng.choice((0, 1, 2, 3, 5, 7, 10)))
        requested = issued - dt.timedelta(days=rng.choice((8, 10, 12, 14, 16, 18, 21, 24, 28)))
        needed = requested - dt.timedelta(days=rng.randint(0, 5))
        expires = expires_on(issued, self.known.policy)
        checker = self._staff()
        cert = self._add(Certificate, person_id=helper.person_id, status="cleared",
                         needed_since=needed, requested_on=requested, shown_on=shown,
                         issued_on=issued, expires_on=expires, checked_by_id=checker,
                         no_role_since=None)  # fmt: skip
        for day, before, after, staff in ((needed, None, "needed", None),
                                          (requested, "needed", "requested", self._staff()),
                                          (shown, "requested", "cleared", checker)):  # fmt: skip
            self._add(CertificateEvent, certificate_id=cert["id"], on_date=day,
                      from_status=before, to_status=after, staff_id=staff)  # fmt: skip
        self.certificates[helper.person_id] = CertificateFacts("cleared", shown, expires)

    # -- rows -------------------------------------------------------------------------------------
    def people(self, seekers: list[Seeker], former: list[Helper],
               skeletons: list[Skeleton]) -> None:  # fmt: skip
        rng, tags = self.rng, self.known.tag_ids
        interests = [t for t in INTERESTS if t in tags]
        for seeker in seekers:
            household_id = None
            if seeker.kind == "household":
                contact = seeker.members[0]
                household_id = self._id("households")
                seeker.household_id = household_id
            for member in seeker.members:
                if not member.named:
                    continue
                person_id = self._id("people")
                member.person_id = person_id
                name = f"{member.first} {member.family}"
                if seeker.kind == "single" and rng.random() < 0.1:
                    name = f"{member.first} {member.family[0]}."  # first name and initial
                codes = list(_codes_of(member.pool))
                if member.pool != "no" and rng.random() < 0.35:
                    codes.remove("no")  # not yet
                if rng.random() < 0.3:
                    codes.append("en")
                liked = rng.sample(interests, k=rng.randint(0, min(3, len(interests))))
                phone = self._phone() if not member.child_on(self.today) and rng.random() < 0.45 \
                    else None  # fmt: skip
                self._add(Person, id=person_id, uuid=next(self.uuid), name=name,
                          sort_name=sort_key(name),
                          search_text=_search_text(name, phone, codes, liked),
                          phone=phone, email=None, address=None, postcode=seeker.postcode,
                          place="Sandnes", district=seeker.district,
                          birth_year=member.birth_year, gender=member.gender)  # fmt: skip
                self.rows.setdefault(PersonLanguage, []).extend(
                    {"person_id": person_id, "code": c, "position": n} for n, c in enumerate(codes)
                )
                self.rows.setdefault(PersonTag, []).extend(
                    {"person_id": person_id, "tag_id": tags[t], "kind": INTEREST} for t in liked
                )
                background = ("other" if member.pool == "no" else rng.choices(
                    ("immigrant", "born_to_immigrants", None), (80, 6, 14))[0])  # fmt: skip
                self._participant(person_id, seeker.registered_on, member, background,
                                  seeker.referred_by, None)  # fmt: skip
                giver = "self"
                if member.child_on(seeker.registered_on):
                    giver = "verge" if seeker.unaccompanied else "guardian"
                self._consent(person_id, seeker.registered_on, giver)
            if household_id is not None:
                contact = seeker.members[0]
                self._add(Household, id=household_id, uuid=next(self.uuid),
                          name=f"Familien {contact.family}", kind="participant",
                          contact_person_id=contact.person_id, postcode=seeker.postcode,
                          district=seeker.district, notes=None)  # fmt: skip
                for member in seeker.members:
                    self._add(HouseholdMember, household_id=household_id,
                              person_id=member.person_id,
                              first_name=None if member.named else member.first,
                              birth_year=member.birth_year, gender=member.gender)  # fmt: skip
        ended_of = {p.former.person_id: p for p in skeletons if p.former is not None}
        for helper in former:
            pairing = ended_of.get(helper.person_id)
            registered = (pairing.referred_on if pairing is not None
                          else helper.start - dt.timedelta(days=rng.randint(300, 700)))  # fmt: skip
            member = Member("", "", helper.gender, helper.birth_year, True, "")
            self._participant(
                helper.person_id,
                registered,
                member,
                "immigrant",
                rng.choice(("refugee_service", "introduction")),
                helper.start,
            )
            self._consent(helper.person_id, registered, "self")

    def _participant(self, person_id: int, registered: dt.date, member: Member,
                     background: str | None, referred_by: str,
                     became_volunteer: dt.date | None) -> None:  # fmt: skip
        arrival = None
        if background == "immigrant" and self.rng.random() < 0.6:
            arrival = registered.year - self.rng.choice((0, 0, 0, 1, 1, 2, 3, 5))
        self._add(Participant, person_id=person_id, registered_on=registered,
                  age_band=None, arrival_year=arrival, background=background,
                  referred_by=referred_by, became_volunteer_on=became_volunteer)  # fmt: skip

    def _consent(self, person_id: int, given_on: dt.date, given_by: str) -> None:
        self._add(Consent, person_id=person_id, purpose="registration", given_on=given_on,
                  method=self.rng.choices(("oral", "written"), (3, 2))[0], given_by=given_by,
                  staff_id=self._staff(), withdrawn_on=None)  # fmt: skip

    def former_pairings(self, skeletons: list[Skeleton]) -> None:
        """The pairings of volunteers who came as participants: ended as they started."""
        for pairing in skeletons:
            helper = pairing.former
            if helper is None:
                continue
            start = helper.start - dt.timedelta(days=self.rng.randint(200, 500))
            pairing.start, pairing.agreement = start, start
            pairing.proposed_on = start - dt.timedelta(days=self.rng.randint(3, 25))
            pairing.referred_on = pairing.proposed_on - dt.timedelta(days=self.rng.randint(10, 90))
            pairing.end = min(add_months(start, 12), self.today - dt.timedelta(days=1))
            pairing.end_reason = "completed"

    def pairings(self, skeletons: list[Skeleton]) -> None:
        rng = self.rng
        for pairing in skeletons:
            seeker = pairing.seeker
            participant_id = household_id = None
            if pairing.former is not None:
                participant_id = pairing.former.person_id
            elif seeker is not None and seeker.kind == "household":
                household_id = seeker.household_id
            elif seeker is not None:
                participant_id = seeker.members[0].person_id
            notes = rng.choice(WAITING_NOTES) if pairing.status == "waiting" \
                and rng.random() < 0.2 else None  # fmt: skip
            row = self._add(Pairing, programme_id=self.programme_ids[pairing.programme],
                            participant_id=participant_id, household_id=household_id,
                            status=pairing.status, referred_on=pairing.referred_on,
                            gender_wish=seeker.gender_wish if seeker else None,
                            proposed_on=pairing.proposed_on, start_date=pairing.start,
                            agreement_date=pairing.agreement, end_date=pairing.end,
                            end_reason=pairing.end_reason, notes=notes)  # fmt: skip
            pairing.id = int(row["id"])  # type: ignore[call-overload]
            self.rows.setdefault(PairingVolunteer, []).extend(
                {"pairing_id": pairing.id, "person_id": h.person_id} for h in pairing.helpers
            )
            if pairing.status == "ended":
                self._outcomes(pairing)
            if pairing.status in ("active", "ended"):
                self._follow_ups(pairing)
                self._meetings(pairing)

    def _outcomes(self, pairing: Skeleton) -> None:
        rng = self.rng
        if pairing.former is not None:
            chosen = ["became_volunteer", "still_in_contact"]
        else:
            seeker, end = pairing.seeker, pairing.end or self.today
            completed = pairing.end_reason == "completed"
            chances = {"child_activity": 0.45 if completed else 0.1,
                       "still_in_contact": 0.5 if completed else 0.15,
                       "work_or_education": 0.35 if completed else 0.1}  # fmt: skip
            if seeker is None or not seeker.has_children([end]):
                del chances["child_activity"]
            chosen = [o for o, chance in chances.items() if rng.random() < chance]
        self.rows.setdefault(PairingOutcome, []).extend(
            {"pairing_id": pairing.id, "outcome": o} for o in chosen
        )

    def _done(self, pairing: Skeleton, on: dt.date, due: dt.date | None) -> dict[str, object]:
        rng = self.rng
        how = rng.choices(("good", "some_concern", "needs_follow_up"), (75, 18, 7))[0]
        note = rng.choice(FOLLOW_UP_NOTES[how]) if rng.random() < 0.7 else None
        return self._add(FollowUp, pairing_id=pairing.id, due_on=due, done_on=on,
                         kind=rng.choices(("phone", "meeting", "message"), (5, 3, 2))[0],
                         staff_id=self._staff(), how=how, note=note)  # fmt: skip

    def _last_day(self, pairing: Skeleton) -> dt.date:
        return min(pairing.end or self.today, self.today)

    def _follow_ups(self, pairing: Skeleton) -> None:
        rng, today = self.rng, self.today
        assert pairing.start is not None
        spec = PROGRAMMES[pairing.programme]
        planned_end = add_months(pairing.start, spec.months)
        until = planned_end if pairing.end is None else min(planned_end, pairing.end)
        dues = due_dates(self.plans[pairing.programme], pairing.start, until)
        past = [d for d in dues if d <= today]
        first, last = pairing.start + dt.timedelta(days=1), self._last_day(pairing)
        for due in dues:
            if due > today:  # planned, not due yet
                self._add(FollowUp, pairing_id=pairing.id, due_on=due, done_on=None, kind=None,
                          staff_id=None, how=None, note=None)  # fmt: skip
                continue
            if pairing.status == "active":
                # Overdue: most often the latest one, sometimes an older one forgotten.
                missed = rng.random() < (0.3 if due == past[-1] else 0.06)
                if missed:
                    self._add(FollowUp, pairing_id=pairing.id, due_on=due, done_on=None,
                              kind=None, staff_id=None, how=None, note=None)  # fmt: skip
                    continue
            elif rng.random() < 0.08:
                continue  # an ended pairing's missed follow-up was dropped when it ended
            on = due + dt.timedelta(days=rng.randint(-4, 12))
            self._done(pairing, min(max(on, first), last), due)

    def _meetings(self, pairing: Skeleton) -> None:
        rng = self.rng
        assert pairing.start is not None
        if rng.random() < 0.5:
            return
        last = self._last_day(pairing)
        months = max(1, (last - pairing.start).days // 30)
        for _n in range(min(12, max(1, round(months * rng.uniform(0.3, 1.2))))):
            self._add(
                PairingMeeting,
                pairing_id=pairing.id,
                met_on=self._day(pairing.start, last),
                hours=rng.choice((1.0, 1.5, 2.0, 2.0, 2.5, 3.0, 4.0)),
                note=rng.choice(MEETING_NOTES) if rng.random() < 0.4 else None,
            )

    def unplanned(self, skeletons: list[Skeleton]) -> None:
        """Follow-ups logged without a plan: a call after a worry, a chat at the café."""
        rng, target = self.rng, FOLLOW_UPS[self.size]
        going = [p for p in skeletons if p.start is not None and self._last_day(p) > p.start]
        if not going:
            return
        if target is None:
            extra = [p for p in going if rng.random() < 0.1]
        else:
            extra = [rng.choice(going) for _n in range(target - self.count(FollowUp))]
        for pairing in extra:
            assert pairing.start is not None
            on = self._day(pairing.start + dt.timedelta(days=1), self._last_day(pairing))
            self._done(pairing, on, None)

    def ensure_overdue(self, skeletons: list[Skeleton]) -> None:
        """At least one overdue follow-up, whatever the dice said: the list must show one."""
        rows = self.rows.get(FollowUp, [])
        today = self.today
        if any(r["done_on"] is None and r["due_on"] is not None and r["due_on"] < today  # type: ignore[operator]
               for r in rows):  # fmt: skip
            return
        active = {p.id for p in skeletons if p.status == "active"}
        for row in rows:
            if row["pairing_id"] in active and row["due_on"] is not None \
                    and row["due_on"] < today:  # type: ignore[operator]  # fmt: skip
                row.update(done_on=None, kind=None, staff_id=None, how=None, note=None)
                return

    def count(self, model: type) -> int:
        return len(self.rows.get(model, []))


def plan_pairings(known: Known, *, size: str, seed: int, today: dt.date,
                  uuids: Iterator[str] | None = None) -> PairingRows:  # fmt: skip
    """Every row of the pairing demo, without touching the database."""
    planner = _Planner(known, size, seed, today, uuids or _uuids())
    planner.programmes()
    skeletons = planner.skeletons()
    former = planner.formers()
    planner.volunteer_families()
    seekers = planner.seekers(skeletons, former)
    planner.former_pairings(skeletons)
    planner.assign(skeletons)
    planner.memberships(skeletons)
    planner.people(seekers, former, skeletons)
    planner.pairings(skeletons)
    planner.unplanned(skeletons)
    planner.ensure_overdue(skeletons)
    raised = {h.volunteer_id: h.max_pairings for h in known.helpers if h.max_pairings > 1}
    return PairingRows(planner.rows, raised)


# Parents before children (foreign keys are on).
_ORDER = (Programme, Person, PersonLanguage, PersonTag, Participant, Consent, Household,
          HouseholdMember, Pairing, PairingVolunteer, PairingOutcome, FollowUp, PairingMeeting,
          ProgrammeVolunteer, OnboardingStep, Certificate, CertificateEvent)  # fmt: skip


def fill_pairings(
    session: OrmSession,
    *,
    size: str,
    seed: int,
    today: dt.date,
    now: dt.datetime,
    volunteers: Sequence[DemoVolunteer],
    next_person_id: int | None = None,
) -> PairingRows:
    """Add the pairing demo inside the caller's transaction (see the module docstring)."""
    known = load_known(session, volunteers)
    if next_person_id is not None:
        known.next_ids["people"] = max(known.next_ids["people"], next_person_id)
    planned = plan_pairings(known, size=size, seed=seed, today=today)
    connection = session.connection()
    stamp = literal(now.strftime("%Y-%m-%d %H:%M:%S.%f"), String)
    for model in _ORDER:
        rows = planned.rows.get(model)
        if not rows:
            continue
        table = model.__table__  # type: ignore[attr-defined]
        statement = insert(table)
        if "created_at" in table.c:
            statement = statement.values(created_at=stamp, updated_at=stamp)
        connection.execute(statement, rows)
    if planned.max_pairings:
        connection.execute(
            update(Volunteer.__table__)
            .where(Volunteer.__table__.c.id == bindparam("volunteer_id"))
            .values(max_pairings=bindparam("max_pairings")),
            [{"volunteer_id": v, "max_pairings": n} for v, n in planned.max_pairings.items()],
        )
    return planned
