"""Demo activities: places, sessions, teams, rosters, enrolment and attendance for the demo centre.

`fill_activities` runs inside `fill_demo`'s one transaction, after the volunteers exist. Sessions
fall on the dates `app.services.schedule.generate_dates` gives (public and the centre's school
holidays skipped), so the demo obeys the same calendar as the app. Rows are written with bulk
`insert()` executemany, one batch per activity, with explicit integer keys (the tables were just
emptied), which keeps `dugnad demo --size large` (about 600,000 attendance marks) fast.

Everything random comes from one `random.Random` seeded from the demo seed, so the same seed
gives the same activities, dates, rosters and counts (UUIDs are random, as everywhere).
"""

from __future__ import annotations

import datetime as dt
import os
import random
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import String, insert, literal, select
from sqlalchemy.orm import Session as OrmSession

from app.models import (
    Activity,
    ActivityLanguage,
    ActivityType,
    Certificate,
    CertificateEvent,
    Consent,
    Course,
    CourseAttendance,
    Enrolment,
    Headcount,
    OnboardingStep,
    Participant,
    ParticipantAttendance,
    Person,
    PersonLanguage,
    Place,
    RosterEntry,
    ScheduleRule,
    SchoolHoliday,
    Session,
    Staff,
    TeamMember,
    VolunteerAttendance,
    VolunteerHours,
)
from app.models.attendance import AGE_BAND_COLUMNS
from app.services.age_bands import age_at
from app.services.certificates import policy
from app.services.codes import AGE_BANDS, TARGET_GROUPS
from app.services.demo_activity_data import (
    CANCEL_REASONS,
    DISTRICTS,
    HOURS_NOTES,
    LARGE_TEMPLATES,
    PARTICIPANT_POOL_WEIGHTS,
    PLACES,
    PROFILES,
    SMALL_ACTIVITIES,
    TRIP_PLACES,
    ActivitySpec,
    Profile,
)
from app.services.demo_certificates import CertificatePlans, TeamSpell, plan_certificates
from app.services.demo_names import NAME_POOLS
from app.services.demo_onboarding import plan_onboarding
from app.services.holidays import Period, easter_sunday
from app.services.schedule import MAX_PERIOD_YEARS, WeeklyRule, generate_dates, session_hours
from app.services.text import fold, sort_key

LARGE_ACTIVITIES = 150
LARGE_YEARS = 10
FUTURE_DAYS = 120  # "a term" of planned sessions after today
AGE_COLUMN = dict(zip(AGE_BANDS, AGE_BAND_COLUMNS, strict=True))
ADULT_AGE = 18
YOUTH_ROLE_AGE = 16  # the age rule: 18, or 16 in a youth role (`app.services.teams`)


def activity_count(size: str) -> int:
    """How many activities the demo of `size` makes (for progress reporting)."""
    return len(SMALL_ACTIVITIES) if size == "small" else LARGE_ACTIVITIES


@dataclass(frozen=True)
class DemoVolunteer:
    """What the activity demo needs to know of a demo volunteer."""

    person_id: int
    start: dt.date
    status: str
    status_date: dt.date
    birth_year: int | None = None

    def can_serve(self, day: dt.date) -> bool:
        """Active on `day`: started, and not (yet) paused or ended."""
        return self.start <= day and (self.status == "active" or day < self.status_date)


def _uuids() -> Iterator[str]:
    """Random version-4 UUID strings, made in batches (much faster than uuid4() per row)."""
    while True:
        raw = os.urandom(16 * 4096).hex()
        for i in range(0, len(raw), 32):
            h = raw[i : i + 32]
            variant = "89ab"[int(h[16], 16) & 3]
            yield f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-{h[20:]}"


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def school_holidays(first_year: int, last_year: int) -> list[Period]:
    """The school holidays of a Rogaland school, as a centre would enter them."""
    periods = []
    for year in range(first_year, last_year + 1):
        winter = dt.date.fromisocalendar(year, 9, 1)
        autumn = dt.date.fromisocalendar(year, 40, 1)
        easter = easter_sunday(year)
        periods += [
            Period(dt.date(year, 1, 1), dt.date(year, 1, 2), f"Juleferie {year - 1}/{year}"),
            Period(winter, winter + dt.timedelta(days=4), f"Vinterferie {year}"),
            Period(easter - dt.timedelta(days=6), easter + dt.timedelta(days=1),
                   f"Påskeferie {year}"),
            Period(dt.date(year, 6, 21), dt.date(year, 8, 17), f"Sommerferie {year}"),
            Period(autumn, autumn + dt.timedelta(days=4), f"Høstferie {year}"),
            Period(dt.date(year, 12, 21), dt.date(year, 12, 31), f"Juleferie {year}/{year + 1}"),
        ]  # fmt: skip
    return periods


@dataclass
class _Participant:
    person_id: int
    birth_year: int
    gender: str
    first_seen: dt.date


@dataclass
class _Occupant:
    """One participant holding one place of a fixed group for a while."""

    person_id: int
    enrolled_on: dt.date
    left_on: dt.date | None  # the first day no longer in the group


@dataclass
class _Member:
    person_id: int
    role: str
    from_date: dt.date
    to_date: dt.date | None
    volunteer: DemoVolunteer
    youth_role: bool = False

    def serves(self, day: dt.date) -> bool:
        in_team = self.from_date <= day and (self.to_date is None or day <= self.to_date)
        return in_team and self.volunteer.can_serve(day)


@dataclass
class _Plan:
    """One demo activity: its spec, name, place and the period its sessions cover."""

    spec: ActivitySpec
    name: str
    place: str
    first: dt.date
    last: dt.date
    ended: bool
    profile: Profile = field(init=False)

    def __post_init__(self) -> None:
        profile = PROFILES[self.spec.profile]
        low = profile.min_age if self.spec.min_age is None else self.spec.min_age
        high = profile.max_age if self.spec.max_age is None else self.spec.max_age
        self.profile = replace(profile, min_age=low, max_age=high)


class _Builder:
    def __init__(
        self,
        session: OrmSession,
        rng: random.Random,
        today: dt.date,
        now: dt.datetime,
        volunteers: Sequence[DemoVolunteer],
        next_person_id: int,
    ) -> None:
        self.session = session
        self.rng = rng
        self.today = today
        self.now = now
        self.volunteers = list(volunteers)
        self.next_person_id = next_person_id
        self.uuid = _uuids()
        self.stamp = literal(now.strftime("%Y-%m-%d %H:%M:%S.%f"), String)
        self.staff_ids = list(session.scalars(select(Staff.id).order_by(Staff.id)))
        self.type_ids = dict(session.execute(select(ActivityType.code, ActivityType.id)).all())
        self.place_ids: dict[str, int] = {}
        self.participants: list[_Participant] = []
        self.new_people: list[dict[str, object]] = []
        self.person_languages: list[dict[str, object]] = []
        self.teams_of: Counter[int] = Counter()
        self.busy: dict[tuple[int, dt.date], list[tuple[dt.time, dt.time]]] = {}
        self.hours_logged: list[dict[str, object]] = []
        self.ids = Counter[str]()
        self.periods: list[Period] = []
        self.certificates = CertificatePlans({})

    # -- helpers -----------------------------------------------------------------------------
    def _next_id(self, table: str) -> int:
        self.ids[table] += 1
        return self.ids[table]

    def _record(self, table: str, **values: object) -> dict[str, object]:
        return {"id": self._next_id(table), "uuid": next(self.uuid), **values}

    def _insert(self, model: type, rows: list[dict[str, object]]) -> None:
        """Core executemany (the ORM's bulk path costs several times more per row)."""
        if not rows:
            return
        table = model.__table__  # type: ignore[attr-defined]
        statement = insert(table)
        if "created_at" in table.c:
            # One stamp for every row, bound as text in SQLAlchemy's own SQLite storage format:
            # converting a datetime per row was a third of the large demo's time.
            statement = statement.values(created_at=self.stamp, updated_at=self.stamp)
        self.session.connection().execute(statement, rows)

    # -- reference data ----------------------------------------------------------------------
    def add_places(self, names: Sequence[str]) -> None:
        rows = []
        for name in names:
            if name not in self.place_ids:
                row = self._record("places", name=name, address=PLACES.get(name))
                self.place_ids[name] = int(row["id"])  # type: ignore[call-overload]
                rows.append(row)
        self._insert(Place, rows)

    def add_school_holidays(self, first_year: int, last_year: int) -> None:
        self.periods = school_holidays(first_year, last_year)
        rows = [self._record("school_holidays", name=p.name, start_date=p.start, end_date=p.end)
                for p in self.periods]  # fmt: skip
        self._insert(SchoolHoliday, rows)

    # -- people ------------------------------------------------------------------------------
    def _new_participant(self, day: dt.date, profile: Profile) -> _Participant:
        rng = self.rng
        pools = list(PARTICIPANT_POOL_WEIGHTS)
        pool = rng.choices(pools, [PARTICIPANT_POOL_WEIGHTS[p] for p in pools])[0]
        female, male, family, _extra = NAME_POOLS[pool]
        gender = profile.gender or rng.choices(["female", "male", "other", "unknown"],
                                               [50, 47, 1, 2])[0]  # fmt: skip
        first = rng.choice(female if gender == "female" else male if gender == "male"
                           else female + male)  # fmt: skip
        name = f"{first} {rng.choice(family)}"
        birth_year = day.year - rng.randint(profile.min_age, profile.max_age)
        person_id = self.next_person_id
        self.next_person_id += 1
        self.new_people.append(
            {"id": person_id, "uuid": next(self.uuid), "name": name, "sort_name": sort_key(name),
             "search_text": fold(name), "birth_year": birth_year, "gender": gender}
        )  # fmt: skip
        codes = [pool] if pool == "no" else [pool] + (["no"] if rng.random() < 0.5 else [])
        self.person_languages += [
            {"person_id": person_id, "code": c, "position": n} for n, c in enumerate(codes)
        ]
        found = _Participant(person_id, birth_year, gender, day)
        self.participants.append(found)
        return found

    def _fits(self, who: _Participant, profile: Profile, day: dt.date) -> bool:
        age = day.year - who.birth_year
        gender_ok = profile.gender is None or who.gender == profile.gender
        return gender_ok and profile.min_age <= age <= profile.max_age

    def participant_for(self, plan: _Plan, day: dt.date, taken: set[int]) -> _Participant:
        """Someone who fits the activity on `day`: often a participant the centre knows."""
        rng = self.rng
        if self.participants and rng.random() < 0.8:
            for _try in range(12):
                who = rng.choice(self.participants)
                if who.person_id not in taken and self._fits(who, plan.profile, day):
                    who.first_seen = min(who.first_seen, day)
                    return who
        return self._new_participant(day, plan.profile)

    def volunteer_for(self, day: dt.date, taken: set[int], youth: bool) -> DemoVolunteer | None:
        """Someone free to join a team on `day`, old enough (16 in a youth activity, else 18)."""
        rng = self.rng
        minimum = YOUTH_ROLE_AGE if youth else ADULT_AGE
        for attempt in range(60):
            v = rng.choice(self.volunteers)
            limit = 1 if attempt < 30 else 2  # most serve one team, some two
            old_enough = v.birth_year is None or day.year - v.birth_year >= minimum
            if (v.person_id not in taken and self.teams_of[v.person_id] < limit
                    and v.can_serve(day) and old_enough):  # fmt: skip
                return v
        return None

    # -- one activity ------------------------------------------------------------------------
    def add_activity(self, plan: _Plan, team: list[_Member]) -> None:
        rng, spec, today = self.rng, plan.spec, self.today
        activity = self._record(
            "activities", name=plan.name, name_folded=fold(plan.name),
            type_id=self.type_ids[spec.type_code],
            target_groups=",".join(g for g in TARGET_GROUPS if g in spec.target_groups),
            min_age=spec.min_age, max_age=spec.max_age, place_id=self.place_ids[plan.place],
            coordinator_id=rng.choice(self.staff_ids), volunteers_needed=spec.volunteers_needed,
            requires_certificate=spec.requires_certificate,
            capacity=spec.capacity if spec.group_size else None, counting=spec.counting,
            start_date=plan.first, end_date=plan.last if plan.ended else None,
            description=spec.description or None,
        )  # fmt: skip
        activity_id = int(activity["id"])  # type: ignore[call-overload]
        languages = [{"activity_id": activity_id, "code": c, "position": n}
                     for n, c in enumerate(spec.languages)]  # fmt: skip

        # Sessions: the dates the schedule rules give, holidays skipped.
        periods = [p for p in self.periods if p.end >= plan.first and p.start <= plan.last]
        weekday = spec.weekday if spec.weekday is not None else rng.choice((1, 2, 3))
        every = spec.every_weeks if spec.weekday is not None else 1
        weekly = WeeklyRule(weekday, every, spec.start, spec.end, plan.first, plan.last)
        dates, _skipped = generate_dates(weekly, periods)
        rules, rule_id, rule_from = [], None, plan.last + dt.timedelta(days=1)
        if spec.weekday is None:  # one-off sessions: about one in `every_weeks` weeks
            offset = rng.randrange(spec.every_weeks)
            dates = [d for i, d in enumerate(dates) if i % spec.every_weeks == offset]
        else:
            # The current rule covers at most the last three years (as the form allows);
            # older sessions stay as they were generated, outside any rule. It starts on one of
            # the series' dates, so saving it again keeps every-other-week on the same weeks.
            earliest = _years_before(plan.last, MAX_PERIOD_YEARS)
            later = [d for d in dates if d >= earliest]
            rule_from = later[0] if later and later[0] != dates[0] else plan.first
            rule = self._record(
                "schedule_rules", activity_id=activity_id, weekday=spec.weekday,
                every_weeks=spec.every_weeks, start_time=spec.start, end_time=spec.end,
                first_date=rule_from, last_date=plan.last,
            )  # fmt: skip
            rules.append(rule)
            rule_id = rule["id"]
        length = session_hours(spec.start, spec.end)
        sessions = []
        for day in dates:
            past = day < today
            cancelled = rng.random() < (0.03 if past else 0.02)
            recent = day >= today - dt.timedelta(days=14)
            recorded = past and not cancelled and rng.random() < (0.6 if recent else 0.98)
            place_id = None
            if spec.type_code == "tur" and rng.random() < 0.4:
                place_id = self.place_ids[rng.choice(TRIP_PLACES)]
            sessions.append(self._record(
                "sessions", activity_id=activity_id,
                rule_id=rule_id if day >= rule_from else None, date=day,
                start_time=spec.start, end_time=spec.end, place_id=place_id,
                volunteers_needed=None, cancelled=cancelled,
                cancel_reason=rng.choice(CANCEL_REASONS) if cancelled else None,
                attendance_recorded=recorded, note=None,
            ))  # fmt: skip

        roster, volunteer_attendance = self._rosters(plan, sessions, team, length)
        enrolments, slots = self._enrolment(plan, activity_id)
        participant_attendance, headcounts = self._attendance(plan, sessions, slots)

        self._flush_people()
        self._insert(Activity, [activity])
        self._insert(ActivityLanguage, languages)
        self._insert(ScheduleRule, rules)
        self._insert(Session, sessions)
        self._insert(TeamMember, [
            self._record("team_members", activity_id=activity_id, person_id=m.person_id,
                         role=m.role, from_date=m.from_date, to_date=m.to_date,
                         youth_role=m.youth_role)
            for m in team
        ])  # fmt: skip
        self._insert(RosterEntry, roster)
        self._insert(Enrolment, enrolments)
        self._insert(VolunteerAttendance, volunteer_attendance)
        self._insert(ParticipantAttendance, participant_attendance)
        self._insert(Headcount, headcounts)
        self._log_hours(team, activity_id)

    def team(self, plan: _Plan) -> list[_Member]:
        """Team slots filled one volunteer after another over the activity's life."""
        rng, spec = self.rng, plan.spec
        youth = "youth" in spec.target_groups
        members: list[_Member] = []
        taken: set[int] = set()
        # Activities that require a police certificate keep a couple more on the team: some are
        # always waiting for theirs.
        extra = 2 if spec.requires_certificate else 0
        for slot in range(spec.volunteers_needed + rng.randint(1, 3) + extra):
            role = spec.roles[slot % len(spec.roles)]
            day = plan.first
            while day <= plan.last:
                volunteer = self.volunteer_for(day, taken, youth)
                if volunteer is None:
                    day += dt.timedelta(days=60)
                    continue
                taken.add(volunteer.person_id)
                self.teams_of[volunteer.person_id] += 1
                until = day + dt.timedelta(days=int(rng.expovariate(1 / 900)) + 30)
                if volunteer.status == "ended":
                    until = min(until, volunteer.status_date)
                young = volunteer.birth_year is not None and day.year - volunteer.birth_year < 18
                if until >= plan.last:
                    to_date = plan.last if plan.ended else None
                    members.append(_Member(volunteer.person_id, role, day, to_date, volunteer,
                                           young))  # fmt: skip
                    break
                members.append(_Member(volunteer.person_id, role, day, until, volunteer, young))
                day = until + dt.timedelta(days=rng.randint(7, 60))
        return members

    def _rosters(
        self, plan: _Plan, sessions: list[dict[str, object]], team: list[_Member], length: float
    ) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
        rng, spec, today = self.rng, plan.spec, self.today
        # The rule that protects children: a certificate valid that day (see demo_certificates).
        valid = self.certificates.valid_on if spec.requires_certificate else None
        roster: list[dict[str, object]] = []
        present: list[dict[str, object]] = []
        for row in sessions:
            day: dt.date = row["date"]  # type: ignore[assignment]
            start, end = spec.start, spec.end
            free = [
                m for m in team
                if m.serves(day)
                and (valid is None or valid(m.person_id, day))
                and not any(s < end and start < e for s, e in self.busy.get((m.person_id, day), ()))
            ]  # fmt: skip
            rng.shuffle(free)
            wanted = spec.volunteers_needed
            draw = rng.random()
            if draw < 0.12:
                wanted -= rng.randint(1, 2)  # understaffed: nobody could come
            elif draw < 0.2:
                wanted += 1
            chosen = free[: max(0, wanted)]
            ahead = (day - today).days
            for m in chosen:
                self.busy.setdefault((m.person_id, day), []).append((start, end))
                confirmed = ahead < 0 or rng.random() < (0.9 if ahead <= 14 else 0.5)
                roster.append(self._record("roster_entries", session_id=row["id"],
                                           person_id=m.person_id, role=m.role,
                                           confirmed=confirmed))  # fmt: skip
            if not row["attendance_recorded"]:
                continue
            came = [m for m in chosen if rng.random() < 0.93]
            extra = [m for m in free[len(chosen) :] if rng.random() < 0.05]
            for m in came + extra:
                hours = length + (0.5 if rng.random() < 0.15 else 0.0)
                present.append(self._record("volunteer_attendance", session_id=row["id"],
                                            person_id=m.person_id, hours=hours))  # fmt: skip
        return roster, present

    def _enrolment(
        self, plan: _Plan, activity_id: int
    ) -> tuple[list[dict[str, object]], list[list[_Occupant]]]:
        """Fixed groups: places held one after another, then a waiting list when full."""
        rng, spec = self.rng, plan.spec
        if spec.counting == "headcount" or not spec.group_size:
            return [], []
        rows: list[dict[str, object]] = []
        slots: list[list[_Occupant]] = []
        taken: set[int] = set()
        horizon = min(plan.last, self.today)
        for _slot in range(spec.group_size):
            occupants: list[_Occupant] = []
            day = plan.first + dt.timedelta(days=rng.randint(0, 20))
            while day <= horizon:
                who = self.participant_for(plan, day, taken)
                taken.add(who.person_id)
                signed_up = day - dt.timedelta(days=rng.randint(0, 40))
                who.first_seen = min(who.first_seen, signed_up)
                stays = dt.timedelta(days=int(rng.expovariate(1 / 700)) + 60)
                aged_out = dt.date(who.birth_year + plan.profile.max_age + 1, 6, 20)
                left: dt.date | None = min(day + stays, aged_out)
                if left > horizon:
                    left = plan.last + dt.timedelta(days=1) if plan.ended else None
                occupants.append(_Occupant(who.person_id, day, left))
                rows.append(self._record(
                    "enrolments", activity_id=activity_id, person_id=who.person_id,
                    status="enrolled" if left is None else "left", signed_up_on=signed_up,
                    enrolled_on=day, left_on=left,
                ))  # fmt: skip
                if left is None or left > horizon:
                    break
                day = left + dt.timedelta(days=rng.randint(0, 30))
                if not plan.ended:
                    # Taken again by today at the latest: a running fixed group is full. `left`
                    # is always after `day`, so this ends.
                    day = min(day, horizon)
            slots.append(occupants)
        if not plan.ended and spec.waiting:
            waiting_days = sorted(rng.sample(range(5, 150), spec.waiting), reverse=True)
            for ago in waiting_days:
                day = self.today - dt.timedelta(days=ago)
                who = self.participant_for(plan, day, taken)
                taken.add(who.person_id)
                rows.append(self._record(
                    "enrolments", activity_id=activity_id, person_id=who.person_id,
                    status="waiting", signed_up_on=day, enrolled_on=None, left_on=None,
                ))  # fmt: skip
        return rows, slots

    def _attendance(
        self, plan: _Plan, sessions: list[dict[str, object]], slots: list[list[_Occupant]]
    ) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
        rng, spec = self.rng, plan.spec
        marks: list[dict[str, object]] = []
        counts: list[dict[str, object]] = []
        pointers = [0] * len(slots)
        chance = 0.82 if plan.profile.max_age < ADULT_AGE else 0.87
        members = {o.person_id for occupants in slots for o in occupants}
        for row in sessions:
            if not row["attendance_recorded"]:
                continue
            day: dt.date = row["date"]  # type: ignore[assignment]
            session_id = row["id"]
            for n, occupants in enumerate(slots):
                i = pointers[n]
                while i < len(occupants) and (left := occupants[i].left_on) and left <= day:
                    i += 1
                pointers[n] = i
                if i < len(occupants) and occupants[i].enrolled_on <= day and rng.random() < chance:
                    marks.append({"id": self._next_id("participant_attendance"),
                                  "uuid": next(self.uuid), "session_id": session_id,
                                  "person_id": occupants[i].person_id})  # fmt: skip
            if spec.counting == "both" and self.participants and rng.random() < 0.25:
                picked = (rng.choice(self.participants) for _ in range(rng.randint(1, 2)))
                walk_ins = {who.person_id: who for who in picked}
                for who in walk_ins.values():
                    if who.person_id not in members and self._fits(who, plan.profile, day):
                        who.first_seen = min(who.first_seen, day)
                        marks.append(self._record("participant_attendance", session_id=session_id,
                                                  person_id=who.person_id))  # fmt: skip
            if spec.headcount:
                count = self._headcount(plan, session_id)
                if count is not None:
                    counts.append(count)
        return marks, counts

    def _headcount(self, plan: _Plan, session_id: object) -> dict[str, object] | None:
        rng, mean = self.rng, plan.spec.headcount
        total = max(0, round(rng.gauss(mean, mean * 0.3)))
        if total == 0:
            return None
        row = self._record("headcounts", session_id=session_id, total=total, female=None,
                           male=None, other=None, gender_unknown=None,
                           **dict.fromkeys(AGE_BAND_COLUMNS))  # fmt: skip
        if rng.random() < 0.6:  # split by gender
            gender = plan.profile.gender
            if gender is None:
                female = round(total * rng.uniform(0.4, 0.7))
            else:
                female = total if gender == "female" else 0
            male = total - female if gender else round((total - female) * rng.uniform(0.8, 1))
            other = 1 if gender is None and total - female - male > 1 and rng.random() < 0.1 else 0
            row |= {"female": female, "male": male, "other": other,
                    "gender_unknown": total - female - male - other}  # fmt: skip
        if rng.random() < 0.45:  # split by age band, maybe for only some of them
            known = total - rng.randint(0, total // 4)
            bands = list(plan.profile.age_weights)
            drawn = Counter(rng.choices(bands, list(plan.profile.age_weights.values()), k=known))
            row |= {column: drawn.get(code, 0) for code, column in AGE_COLUMN.items()}
        return row

    def _log_hours(self, team: list[_Member], activity_id: int) -> None:
        """Hours given outside sessions: driving, events, board work."""
        rng = self.rng
        for member in team:
            for _n in range(rng.choices((0, 1, 2, 3), (5, 3, 2, 1))[0]):
                first = max(member.from_date, self.today - dt.timedelta(days=3 * 365))
                last = min(member.to_date or self.today, self.today)
                if last <= first:
                    continue
                category = rng.choices(("driving", "event", "board", "other", "activity"),
                                       (4, 3, 1, 2, 2))[0]  # fmt: skip
                note = rng.choice(HOURS_NOTES[category]) if category in HOURS_NOTES else None
                self.hours_logged.append(self._record(
                    "volunteer_hours", person_id=member.person_id,
                    date=first + dt.timedelta(days=rng.randint(0, (last - first).days)),
                    activity_id=activity_id if category == "activity" else None,
                    category=category, hours=rng.choice((1.0, 1.5, 2.0, 3.0, 4.0, 6.0)),
                    note=note,
                ))  # fmt: skip

    def _flush_people(self) -> None:
        self._insert(Person, self.new_people)
        self._insert(PersonLanguage, self.person_languages)
        self.new_people, self.person_languages = [], []

    # -- at the end --------------------------------------------------------------------------
    def finish(self) -> None:
        """Participant roles and consents (a guardian's for a child), and logged hours."""
        rng = self.rng
        self._flush_people()
        participants, consents = [], []
        for who in self.participants:
            registered = who.first_seen
            child = (age_at(who.birth_year, registered) or 0) < ADULT_AGE
            participants.append(self._record("participants", person_id=who.person_id,
                                             registered_on=registered))  # fmt: skip
            consents.append(self._record(
                "consents", person_id=who.person_id, purpose="registration", given_on=registered,
                method=rng.choices(("oral", "written"), (3, 2))[0],
                given_by="guardian" if child else "self", staff_id=rng.choice(self.staff_ids),
                withdrawn_on=None,
            ))  # fmt: skip
        self._insert(Participant, participants)
        self._insert(Consent, consents)
        self._insert(VolunteerHours, self.hours_logged)

    # -- police certificates and onboarding (app.services.demo_certificates, demo_onboarding) ---
    def plan_certificates(
        self, plans: list[_Plan], teams: list[list[_Member]], seed: int,
        history_start: dt.date | None,
    ) -> None:  # fmt: skip
        """Decide every certificate record before the rosters, which must obey them."""
        spells = [
            TeamSpell(m.person_id, m.from_date, m.to_date,
                      clipped=history_start is not None and m.from_date == plan.first)
            for plan, team in zip(plans, teams, strict=True) if plan.spec.requires_certificate
            for m in team
        ]  # fmt: skip
        self.certificates = plan_certificates(
            seed=seed, today=self.today, policy=policy(self.session), spells=spells,
            volunteers={v.person_id: v for v in self.volunteers}, history_start=history_start,
        )  # fmt: skip

    def add_certificates_and_onboarding(self, seed: int, on_team: set[int]) -> None:
        records, events = self.certificates.rows(self.staff_ids, self.rng, self.uuid)
        self._insert(Certificate, records)
        self._insert(CertificateEvent, events)
        onboarding = plan_onboarding(seed=seed, today=self.today, volunteers=self.volunteers,
                                     on_team=on_team, staff_ids=self.staff_ids,
                                     uuids=self.uuid)  # fmt: skip
        self._insert(Course, onboarding.courses)
        self._insert(CourseAttendance, onboarding.attendance)
        self._insert(OnboardingStep, onboarding.steps)


def _plans(size: str, rng: random.Random, today: dt.date) -> list[_Plan]:
    """Which activities run, where, and from when to when."""
    future = today + dt.timedelta(days=FUTURE_DAYS)
    if size == "small":
        first = today - dt.timedelta(days=365)
        plans = []
        for spec in SMALL_ACTIVITIES:
            if spec.ended_months_ago:
                last = today - dt.timedelta(days=30 * spec.ended_months_ago)
                plans.append(_Plan(spec, spec.name, spec.place, first, last, ended=True))
            else:
                plans.append(_Plan(spec, spec.name, spec.place, first, future, ended=False))
        return plans
    specs = [spec for spec, _w in LARGE_TEMPLATES]
    weights = [w for _s, w in LARGE_TEMPLATES]
    names: Counter[str] = Counter()
    plans = []
    for _n in range(LARGE_ACTIVITIES):
        spec = rng.choices(specs, weights)[0]
        district = rng.choice(DISTRICTS)
        base = spec.name.removesuffix(" på biblioteket")
        name = f"{base} {district}"
        names[name] += 1
        if names[name] > 1:
            name = f"{name} {names[name]}"
        place = f"{district} bydelshus" if district != "Sentrum" else "Frivilligsentralen"
        if spec.type_code == "tur":
            place = spec.place
        if spec.counting != "headcount":
            capacity = rng.randint(55, 90)
            spec = _with_group(spec, capacity, rng.randint(capacity - 8, capacity),
                               rng.randint(0, 8))  # fmt: skip
        first = today - dt.timedelta(days=rng.randint(120, 365 * LARGE_YEARS))
        if rng.random() < 0.35:
            plans.append(_Plan(spec, name, place, first, future, ended=False))
            continue
        last = first + dt.timedelta(days=rng.randint(240, 3 * 365))
        if last >= today:
            plans.append(_Plan(spec, name, place, first, future, ended=False))
        else:
            plans.append(_Plan(spec, name, place, first, last, ended=True))
    return plans


def _with_group(spec: ActivitySpec, capacity: int, size: int, waiting: int) -> ActivitySpec:
    return replace(spec, capacity=capacity, group_size=size,
                   waiting=waiting if size == capacity else 0)  # fmt: skip


def fill_activities(
    session: OrmSession,
    *,
    size: str,
    seed: int,
    today: dt.date,
    now: dt.datetime,
    volunteers: Sequence[DemoVolunteer],
    next_person_id: int,
    step: Callable[[], None],
) -> None:
    """Add the demo activities and everything on them, inside the caller's transaction.

    `step()` is called after each activity: the caller reports progress and may stop there.
    """
    rng = random.Random(f"dugnad-activities-{seed}")
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        # A bigger page cache for this long transaction: the indexes of 600,000 attendance rows
        # outgrow the default 2 MB and every insert would then go to the file for its pages.
        previous = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        connection.exec_driver_sql("PRAGMA cache_size=-262144")  # 256 MB
    try:
        builder = _Builder(session, rng, today, now, volunteers, next_person_id)
        plans = _plans(size, rng, today)
        builder.add_places(list(PLACES) + sorted({p.place for p in plans}))
        first_year = min(p.first for p in plans).year
        builder.add_school_holidays(first_year, max(p.last for p in plans).year)
        # Teams first, so that certificates can be planned before any roster is made.
        teams = [builder.team(plan) for plan in plans]
        builder.plan_certificates(plans, teams, seed, history_start=(
            min(p.first for p in plans) if size == "small" else None))  # fmt: skip
        for plan, team in zip(plans, teams, strict=True):
            builder.add_activity(plan, team)
            step()
        builder.finish()
        builder.add_certificates_and_onboarding(seed, {m.person_id for t in teams for m in t})
    finally:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql(f"PRAGMA cache_size={int(previous)}")
