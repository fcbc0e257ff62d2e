"""Test data, not tests: a small centre with volunteers in every certificate state and
onboarding step, built with the services (for the certificate and onboarding view tests and the
screenshots)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.db import Database
from app.services.activities import ActivityInput, create_activity
from app.services.centre import add_staff, update_centre
from app.services.certificate_rules import add_months
from app.services.certificates import record_shown, request_certificate
from app.services.onboarding import record_step
from app.services.teams import add_team_member
from app.services.volunteers import VolunteerInput, create_volunteer

TODAY = dt.date.today()


@dataclass
class CertificateCentre:
    staff: str
    activity: str
    volunteers: dict[str, str] = field(default_factory=dict)


def build_certificate_centre(db: Database) -> CertificateCentre:
    update_centre(db, name="Fjellby frivilligsentral", address="Kirkeveien 4", postcode="4306",
                  place="Sandnes", orgnr="974624486", manager_name="Hilde Åsheim")  # fmt: skip
    staff = add_staff(db, "Hilde Åsheim", "Daglig leder")
    activity = create_activity(
        db,
        ActivityInput(name="Leksehjelp", type_code="leksehjelp", target_groups=["children"],
                      requires_certificate=True, start_date=TODAY - dt.timedelta(days=2000)),
    )  # fmt: skip
    centre = CertificateCentre(staff, activity)
    start = TODAY - dt.timedelta(days=1500)
    names = {
        "needed": "Kari Ødegård",
        "waiting": "Ola Nordmann",
        "waiting_long": "Amina Hassan",
        "cleared": "Per Ås",
        "expiring": "Zahra Karimi",
        "expired": "Olena Kovalenko",
        "not_cleared": "Jonas Berg",
        "no_role": "Sofie Lie",
    }
    for key, name in names.items():
        volunteer = create_volunteer(db, VolunteerInput(name=name, birth_year=1985,
                                                        start_date=start))  # fmt: skip
        centre.volunteers[key] = volunteer
        if key != "no_role":
            add_team_member(db, activity, volunteer, "leksehjelper", start)
    v = centre.volunteers
    request_certificate(db, v["waiting"], TODAY - dt.timedelta(days=10), staff)
    request_certificate(db, v["waiting_long"], TODAY - dt.timedelta(days=50), staff)
    request_certificate(db, v["cleared"], TODAY - dt.timedelta(days=30), staff)
    record_shown(
        db,
        v["cleared"],
        shown_on=TODAY - dt.timedelta(days=5),
        issued_on=TODAY - dt.timedelta(days=12),
        without_remarks=True,
        staff_id=staff,
    )
    issued = add_months(TODAY, -36) + dt.timedelta(days=30)
    record_shown(db, v["expiring"], shown_on=issued + dt.timedelta(days=5), issued_on=issued,
                 without_remarks=True, staff_id=staff)  # fmt: skip
    issued = add_months(TODAY, -36) - dt.timedelta(days=20)
    record_shown(db, v["expired"], shown_on=issued + dt.timedelta(days=5), issued_on=issued,
                 without_remarks=True, staff_id=staff)  # fmt: skip
    record_shown(
        db,
        v["not_cleared"],
        shown_on=TODAY - dt.timedelta(days=3),
        issued_on=TODAY - dt.timedelta(days=9),
        without_remarks=False,
        staff_id=staff,
    )
    # Onboarding: some new volunteers at different steps.
    new_start = TODAY - dt.timedelta(days=40)
    for key, name in {"new_1": "Lina Haugen", "new_2": "Yonas Tesfay",
                      "new_3": "Marta Nowak", "new_4": "Ahmad Rahimi"}.items():  # fmt: skip
        v[key] = create_volunteer(db, VolunteerInput(name=name, start_date=new_start))
    record_step(db, v["new_2"], "interview", TODAY - dt.timedelta(days=30), staff)
    record_step(db, v["new_3"], "interview", TODAY - dt.timedelta(days=20), staff)
    record_step(db, v["new_3"], "training", TODAY - dt.timedelta(days=6), staff)
    for key in ("needed", "waiting", "waiting_long", "cleared", "expiring", "expired",
                "not_cleared", "no_role"):  # fmt: skip
        for step in ("interview", "training", "confidentiality"):
            record_step(db, v[key], step, TODAY - dt.timedelta(days=60), staff)
    return centre
