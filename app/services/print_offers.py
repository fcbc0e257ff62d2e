"""What the centre offers, as the participant printouts need it: the activity overview (the
leaflet), the interest form's choices and the consent form's contact block.

Plain frozen dataclasses out, no Qt and no reportlab; the renderers in `app/reports/` (
`activity_overview`, `interest_form`, `consent_form`) only lay these out. The activities come
from `app.services.activities` (the list, its types and places); this module adds what the
leaflet needs besides: the weekly times of each schedule rule, the next dates of an activity
that has no weekly rule, the ages, the description and the coordinator (the activity's contact).

Two hooks are here on purpose:

- `partner_offers()`: there is no register of partner organisations yet. When it exists, the
  interest form gets their offers from this function, and the form prints them as a section of
  its own; until then it returns nothing and the section is left out.
- the centre has no phone number or e-mail address among its settings yet; `CentreContact` has
  the fields, filled from the settings once they are there (`_centre_contact`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from app.db import Database
from app.services.activities import list_activities, list_activity_types
from app.services.centre_info import get_centre
from app.services.codes import BUILTIN_ACTIVITY_TYPES

# An activity without a weekly rule shows this many of its next sessions, if any are planned
# within this many days.
NEXT_DATES = 4
NEXT_DATES_WITHIN_DAYS = 183


@dataclass(frozen=True)
class CentreContact:
    """The centre as a participant printout names it: who we are and how to reach us."""

    name: str
    address: str = ""
    postcode: str = ""
    place: str = ""
    municipality: str = ""
    manager_name: str = ""
    phone: str = ""  # not among the centre's settings yet: always "" for now
    email: str = ""  # likewise
    logo: bytes | None = None

    @property
    def postcode_place(self) -> str:
        return f"{self.postcode} {self.place}".strip()


@dataclass(frozen=True)
class WeeklyTime:
    """One weekly rule: a weekday (0 = Monday), the times, and whether it runs every other week."""

    weekday: int
    start: dt.time
    end: dt.time
    every_weeks: int = 1
    first_date: dt.date | None = None  # set when the rule has not started yet


@dataclass(frozen=True)
class SessionTime:
    """One planned session of an activity without a weekly rule."""

    date: dt.date
    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class OfferedActivity:
    """One running activity as the leaflet shows it. Names are as the centre wrote them."""

    id: str
    name: str
    type_code: str
    type_name: str  # the centre's own name for its own types; the Bokmål name for built-in ones
    builtin_type: bool
    description: str
    place_name: str | None
    place_address: str | None
    target_groups: tuple[str, ...]  # codes of `codes.TARGET_GROUPS`
    min_age: int | None
    max_age: int | None
    languages: tuple[str, ...]  # ISO 639 codes
    weekly: tuple[WeeklyTime, ...]
    dates: tuple[SessionTime, ...]  # the next sessions, when there is no weekly rule
    start_date: dt.date
    end_date: dt.date | None
    contact_name: str | None  # the activity's coordinator

    @property
    def first_weekday(self) -> int:
        """For sorting: the weekday it first meets in a week (7 for one-off dates)."""
        if self.weekly:
            return min(w.weekday for w in self.weekly)
        return 7


@dataclass(frozen=True)
class ActivityOverview:
    """The activity overview: the centre and its running activities, sorted by name."""

    centre: CentreContact
    activities: tuple[OfferedActivity, ...]
    on: dt.date


@dataclass(frozen=True)
class InterestChoice:
    """One tick box on the interest form: an activity type (built-in or the centre's own)."""

    code: str
    name: str  # the Bokmål name of a built-in type, or the centre's own type's name
    builtin: bool


@dataclass(frozen=True)
class PartnerOffer:
    """An offer of a partner organisation (a sports club, a choir ...); none exist yet."""

    id: str
    organisation: str
    name: str


@dataclass(frozen=True)
class InterestForm:
    """The choices on the interest form."""

    centre: CentreContact
    activity_types: tuple[InterestChoice, ...]
    partner_offers: tuple[PartnerOffer, ...]


@dataclass(frozen=True)
class ConsentForm:
    """What the consent form names: the centre and who answers questions about privacy."""

    centre: CentreContact


# -- the centre -------------------------------------------------------------------------------


def _centre_contact(db: Database) -> CentreContact:
    info = get_centre(db)
    # Hook: when the centre's settings get a phone number and an e-mail address, fill them here.
    return CentreContact(
        name=info.name.strip(),
        address=info.address.strip(),
        postcode=info.postcode.strip(),
        place=info.place.strip(),
        municipality=info.municipality.strip(),
        manager_name=info.manager_name.strip(),
        logo=info.logo,
    )


def centre_contact(db: Database) -> CentreContact:
    """The centre's name, address, manager and logo, from the centre's settings."""
    return _centre_contact(db)


# -- the activity overview --------------------------------------------------------------------


@dataclass(frozen=True)
class _Extra:
    min_age: int | None
    max_age: int | None
    description: str
    coordinator: str | None
    address: str


def activity_overview(db: Database, on: dt.date | None = None) -> ActivityOverview:
    """Every activity running on `on` (today): not ended, and with a schedule.

    "With a schedule" means a weekly rule that has not run out, or (for an activity without one,
    such as an information meeting) a session planned within the next six months. An activity
    that starts later but already has its schedule is included; the leaflet says from when.
    """
    from app.models import Activity, Place, ScheduleRule, Session, Staff

    on = on or dt.date.today()
    rows = [r for r in list_activities(db) if r.end_date is None or r.end_date >= on]
    types = {t.code: t for t in list_activity_types(db)}
    weekly: dict[str, list[WeeklyTime]] = defaultdict(list)
    dates: dict[str, list[SessionTime]] = defaultdict(list)
    extras: dict[str, _Extra] = {}
    with db.read() as session:
        uuid_of = dict(session.execute(select(Activity.id, Activity.uuid)).tuples().all())
        query = (
            select(Activity.uuid, Activity.min_age, Activity.max_age, Activity.description,
                   Staff.name, Place.address)
            .outerjoin(Staff, Staff.id == Activity.coordinator_id)
            .outerjoin(Place, Place.id == Activity.place_id)
        )  # fmt: skip
        for uuid, min_age, max_age, description, coordinator, address in session.execute(query):
            extras[uuid] = _Extra(
                min_age, max_age, (description or "").strip(), coordinator, (address or "").strip()
            )
        for rule in session.scalars(select(ScheduleRule).where(ScheduleRule.last_date >= on)):
            weekly[uuid_of[rule.activity_id]].append(
                WeeklyTime(
                    weekday=rule.weekday,
                    start=rule.start_time,
                    end=rule.end_time,
                    every_weeks=rule.every_weeks,
                    first_date=rule.first_date if rule.first_date > on else None,
                )
            )
        upcoming = (
            select(Session.activity_id, Session.date, Session.start_time, Session.end_time)
            .where(Session.date >= on)
            .where(Session.date <= on + dt.timedelta(days=NEXT_DATES_WITHIN_DAYS))
            .where(Session.cancelled.is_(False))
            .order_by(Session.date, Session.start_time)
        )
        for activity_id, day, start, end in session.execute(upcoming):
            dates[uuid_of[activity_id]].append(SessionTime(day, start, end))
    offered = []
    for row in rows:
        times = tuple(sorted(weekly.get(row.id, ()), key=lambda w: (w.weekday, w.start)))
        next_dates = () if times else tuple(dates.get(row.id, ())[:NEXT_DATES])
        if not times and not next_dates:
            continue
        extra = extras.get(row.id, _Extra(None, None, "", None, ""))
        kind = types.get(row.type_code)
        builtin = row.type_code in BUILTIN_ACTIVITY_TYPES
        offered.append(
            OfferedActivity(
                id=row.id,
                name=row.name,
                type_code=row.type_code,
                type_name=BUILTIN_ACTIVITY_TYPES[row.type_code]
                if builtin
                else (kind.name if kind else row.type_name),
                builtin_type=builtin,
                description=extra.description,
                place_name=row.place,
                place_address=extra.address or None,
                target_groups=row.target_groups,
                min_age=extra.min_age,
                max_age=extra.max_age,
                languages=row.languages,
                weekly=times,
                dates=next_dates,
                start_date=row.start_date,
                end_date=row.end_date,
                contact_name=extra.coordinator,
            )
        )
    return ActivityOverview(centre=_centre_contact(db), activities=tuple(offered), on=on)


# -- the interest form ------------------------------------------------------------------------


def partner_offers(db: Database) -> list[PartnerOffer]:  # noqa: ARG001 - the hook's signature
    """The partner organisations' offers for the interest form: none until a register exists.

    HOOK: there is no register of partner organisations and their offers yet (DOMAIN.md, "The
    municipality": map the local associations, map what newcomers want, connect the two). When
    it exists, return its current offers here, sorted as the form should list them; the interest
    form then prints them under their own heading with a tick box each.
    """
    return []


def interest_form(db: Database) -> InterestForm:
    """The tick boxes of the interest form: the activity types (built-in first, in their fixed
    order, then the centre's own by name), and the partner offers (none yet, see
    `partner_offers`). The built-in "Annet" is left out: the form has its own "something else"
    line."""
    builtin = []
    own = []
    for kind in list_activity_types(db):
        if kind.builtin and kind.code in BUILTIN_ACTIVITY_TYPES:
            if kind.code != "annet":
                builtin.append(
                    InterestChoice(kind.code, BUILTIN_ACTIVITY_TYPES[kind.code], builtin=True)
                )
        else:
            own.append(InterestChoice(kind.code, kind.name, builtin=False))
    order = list(BUILTIN_ACTIVITY_TYPES)
    builtin.sort(key=lambda c: order.index(c.code))
    own.sort(key=lambda c: c.name.casefold())
    return InterestForm(
        centre=_centre_contact(db),
        activity_types=tuple(builtin + own),
        partner_offers=tuple(partner_offers(db)),
    )


# -- the consent form -------------------------------------------------------------------------


def consent_form(db: Database) -> ConsentForm:
    """The consent form's data: the centre (its name, address and manager)."""
    return ConsentForm(centre=_centre_contact(db))
