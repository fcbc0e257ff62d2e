"""Demo data: a realistic, deterministic centre to try Dugnad with or to measure it on.

`small` is a centre of about 150 volunteers and a dozen activities with a year of sessions behind
and a term ahead; `large` is the performance dataset (2,000 volunteers, 150 activities, ten years
of sessions, about 600,000 attendance marks). The same seed always gives the same data. Later
issues add their own tables to both sizes here (activities: `app.services.demo_activities`;
participants, households and pairings: `app.services.demo_pairings`).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from sqlalchemy import delete, func, insert, select

from app.db import Database
from app.errors import Cancelled, DugnadError
from app.i18n import _
from app.models import (
    ActivityType,
    Base,
    Centre,
    Person,
    PersonLanguage,
    PersonTag,
    Staff,
    Tag,
    Volunteer,
    VolunteerStatusChange,
)
from app.models.base import new_uuid, utcnow
from app.services.centre_info import has_people
from app.services.codes import AVAILABILITY_SLOTS
from app.services.demo_activities import DemoVolunteer, activity_count, fill_activities
from app.services.demo_names import (
    DISTRICT_OF_POSTCODE,
    END_REASONS,
    INTERESTS,
    NAME_POOLS,
    PAUSE_REASONS,
    PLACES,
    POOL_WEIGHTS,
    SIZES,
    SKILLS,
    STREETS,
)
from app.services.demo_pairings import fill_pairings
from app.services.text import fold, sort_key
from app.services.volunteer_list import INTEREST, SKILL
from app.services.volunteers import build_search_text

Progress = Callable[[int, int], None]


def _mobile(rng: random.Random, used: set[str]) -> str:
    while True:
        number = f"+47{rng.choice('49')}{rng.randrange(10_000_000):07d}"
        if number not in used:
            used.add(number)
            return number


def _email(first: str, last: str, n: int) -> str:
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ł": "l", "ś": "s", "ń": "n"})
    local = f"{first}.{last}".lower().translate(table).replace("-", "").replace(" ", "")
    domain = ("gmail.com", "hotmail.com", "online.no", "outlook.com")[n % 4]
    return f"{fold(local)}{n % 97 if n % 5 == 0 else ''}@{domain}"


def _clear(session) -> None:  # type: ignore[no-untyped-def]
    """Delete every row but the centre's settings and the built-in activity types.

    Children before parents (foreign keys are on). The built-in types are reference data that
    migration 0002 seeds; a centre's own types go with the rest.
    """
    for table in reversed(Base.metadata.sorted_tables):
        if table.name in ("centre", "alembic_version"):
            continue
        if table.name == ActivityType.__tablename__:
            session.execute(delete(table).where(table.c.builtin.is_(False)))
        else:
            session.execute(delete(table))


def fill_demo(
    db: Database,
    size: str = "small",
    seed: int = 1,
    force: bool = False,
    progress: Progress | None = None,
    today: dt.date | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> int:
    """Fill `db` with demo data and mark it as a demo database; return the number of volunteers.

    Volunteers first, then activities with their sessions, teams, rosters, participants and
    attendance (`app.services.demo_activities`), then the participant register, households,
    programmes and pairings (`app.services.demo_pairings`). `progress(done, total)` counts
    volunteers and then activities (weighted by the time they take). Refuses a database that
    already holds people unless `force`, which replaces its content. When `should_stop()` turns
    true the work stops with `Cancelled` and nothing is changed: it all happens in one
    transaction.
    """
    if size not in SIZES:
        raise DugnadError(_("Ukjent størrelse «{size}». Velg small eller large.").format(size=size))
    if has_people(db) and not force:
        raise DugnadError(
            _(
                "Databasen har allerede personer i seg. Bruk --force for å erstatte innholdet "
                "med demodata, eller velg en annen fil med --db."
            )
        )
    today = today or dt.date.today()
    rng = random.Random(seed)
    count = SIZES[size]
    now = utcnow()
    pools = list(POOL_WEIGHTS)
    weights = [POOL_WEIGHTS[p] for p in pools]
    used_phones: set[str] = set()
    # Activities take most of the time (sessions and attendance), so each counts for more.
    per_activity = max(1, 4 * count // activity_count(size))
    total = count + per_activity * activity_count(size)

    def check(done: int) -> None:
        if should_stop and should_stop():
            raise Cancelled(_("Avbrutt. Ingenting er endret."))
        if progress:
            progress(done, total)

    with db.write() as session:
        _clear(session)
        centre = session.scalars(select(Centre)).first() or Centre()
        centre.name = centre.name or "Sandnes frivilligsentral"
        centre.orgnr = centre.orgnr or "974624486"
        centre.address = centre.address or "Langgata 8"
        centre.postcode = centre.postcode or "4306"
        centre.place = centre.place or "Sandnes"
        centre.municipality = centre.municipality or "Sandnes"
        centre.manager_name = centre.manager_name or "Kari Nordmann"
        centre.is_demo = True
        session.add(centre)
        session.add_all(
            [
                Staff(name="Kari Nordmann", title="Daglig leder", active=True),
                Staff(name="Ahmad Karimi", title="Koordinator", active=True),
                Staff(name="Ingrid Sæther", title="Koordinator", active=True),
            ]
        )
        tag_names = list(SKILLS) + list(INTERESTS)
        tag_ids = {}
        for name in tag_names:
            tag = Tag(name=name, name_folded=fold(name))
            session.add(tag)
            session.flush()
            tag_ids[name] = tag.id

        people, languages, tags, volunteers, history = [], [], [], [], []
        for i in range(1, count + 1):
            pool = rng.choices(pools, weights)[0]
            female_names, male_names, family_names, extra_languages = NAME_POOLS[pool]
            gender = rng.choices(["female", "male", "other", "unknown"], [52, 44, 1, 3])[0]
            first = rng.choice(female_names if gender == "female" else male_names)
            name = f"{first} {rng.choice(family_names)}"
            codes = ["no"] if pool == "no" or rng.random() < 0.8 else []
            if pool != "no":
                codes.insert(0, pool)
            codes += rng.sample(extra_languages, k=rng.randint(0, 2))
            codes = list(dict.fromkeys(codes))
            skills = rng.sample(SKILLS, k=rng.randint(0, 3))
            interests = rng.sample(INTERESTS, k=rng.randint(0, 2))
            phone = _mobile(rng, used_phones) if rng.random() < 0.95 else None
            email = _email(first, name.split(" ", 1)[1], i) if rng.random() < 0.85 else None
            postcode, place = rng.choice(PLACES)
            started_ago = rng.randint(0, 3650)
            if started_ago < 365:
                # A tenth started within the last year; put them in its last four months, so
                # that the onboarding board has new volunteers on the way.
                started_ago //= 3
            start = today - dt.timedelta(days=started_ago)
            status = rng.choices(["active", "paused", "ended"], [78, 8, 14])[0]
            status_date = start
            reason = None
            if status != "active":
                status_date = start + dt.timedelta(
                    days=rng.randint(0, max(0, (today - start).days))
                )
                reason = rng.choice(PAUSE_REASONS if status == "paused" else END_REASONS)
            people.append(
                {
                    "id": i,
                    "uuid": new_uuid(),
                    "name": name,
                    "sort_name": sort_key(name),
                    "search_text": build_search_text(name, email, phone, codes, skills + interests),
                    "phone": phone,
                    "email": email,
                    "address": f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
                    "postcode": postcode,
                    "place": place,
                    "district": DISTRICT_OF_POSTCODE.get(postcode),
                    "birth_year": today.year - rng.randint(17, 82),
                    "gender": gender,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            languages += [{"person_id": i, "code": c, "position": n} for n, c in enumerate(codes)]
            tags += [{"person_id": i, "tag_id": tag_ids[s], "kind": SKILL} for s in skills]
            tags += [{"person_id": i, "tag_id": tag_ids[t], "kind": INTEREST} for t in interests]
            slots = rng.sample(AVAILABILITY_SLOTS, k=rng.randint(0, 4))
            volunteers.append(
                {
                    "id": i,
                    "uuid": new_uuid(),
                    "person_id": i,
                    "start_date": start,
                    "status": status,
                    "status_date": status_date,
                    "status_reason": reason,
                    "availability": ",".join(s for s in AVAILABILITY_SLOTS if s in slots),
                    "notes": None,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            history.append(_change(i, "active", start, None, now))
            if status != "active":
                history.append(_change(i, status, status_date, reason, now))
            if i % 100 == 0:
                check(i)
        session.execute(insert(Person), people)
        session.execute(insert(PersonLanguage), languages)
        session.execute(insert(PersonTag), tags)
        session.execute(insert(Volunteer), volunteers)
        session.execute(insert(VolunteerStatusChange), history)
        session.flush()
        done = count

        def step() -> None:
            nonlocal done
            done += per_activity
            check(done)

        demo_volunteers = [
            DemoVolunteer(
                v["person_id"], v["start_date"], v["status"], v["status_date"], p["birth_year"]
            )  # fmt: skip
            for v, p in zip(volunteers, people, strict=True)
        ]
        fill_activities(
            session,
            size=size,
            seed=seed,
            today=today,
            now=now,
            volunteers=demo_volunteers,
            next_person_id=count + 1,
            step=step,
        )
        fill_pairings(
            session,
            size=size,
            seed=seed,
            today=today,
            now=now,
            volunteers=demo_volunteers,
            next_person_id=(session.scalar(select(func.max(Person.id))) or 0) + 1,
        )
    if progress:
        progress(total, total)
    return count


def _change(
    volunteer_id: int, status: str, on: dt.date, reason: str | None, now: dt.datetime
) -> dict[str, object]:
    return {
        "uuid": new_uuid(),
        "volunteer_id": volunteer_id,
        "status": status,
        "changed_on": on,
        "reason": reason,
        "created_at": now,
        "updated_at": now,
    }
