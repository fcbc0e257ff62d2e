"""Who needs a police certificate, and whose is valid: the reads the volunteer list makes.

The need follows from roles (see `app.services.certificates`). These functions are plain,
portable SQL through a `Reader`, because the volunteer list shows a badge while the window starts,
before SQLAlchemy is imported; the certificate rules call the same `requiring_roles` inside their
sessions (`session_reader`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from app.db import Database, Reader
from app.i18n import _
from app.services.volunteer_list import as_date, placeholders

BADGE_OK = "ok"
BADGE_MISSING = "missing"


def valid_on(status: str, expires: dt.date | None, on: dt.date) -> bool:
    """The one validity rule: shown without remarks and not expired on `on`. A renewal being
    requested does not take validity away before the old certificate expires (`expires_on` is
    kept until then; a result with remarks has none)."""
    return status in ("cleared", "requested") and expires is not None and expires >= on


def requiring_roles(
    read: Reader, on: dt.date, person_ids: list[int] | None = None
) -> dict[int, list[str]]:
    """Per person, the roles held on `on`, or planned to start later, that need a certificate
    ("Leksehjelp (leksehjelper)"). A planned role counts: the certificate takes weeks to come."""
    day = on.isoformat()
    sql = (
        "SELECT tm.person_id, a.name, tm.role FROM team_members tm"
        " JOIN activities a ON a.id = tm.activity_id"
        " JOIN volunteers v ON v.person_id = tm.person_id"
        " WHERE a.requires_certificate = 1"
        " AND (tm.to_date IS NULL OR tm.to_date >= ?)"
        # An ended volunteer holds no role; a paused one keeps theirs.
        " AND (v.status != 'ended' OR v.status_date > ?)"
    )
    params: list[object] = [day, day]
    if person_ids is not None:
        sql += f" AND tm.person_id IN ({placeholders(person_ids)})"
        params += person_ids
    roles: dict[int, list[str]] = defaultdict(list)
    for person_id, activity, role in read(sql, params):
        roles[person_id].append(f"{activity} ({role})" if role else activity)
    return roles


def validity_by_volunteer(db: Database, today: dt.date | None = None) -> dict[str, bool]:
    """For each volunteer whose roles need a certificate: is theirs valid today? A read only
    (no bringing records up to date), so lists that show a badge stay cheap."""
    today = today or dt.date.today()
    with db.plain_read() as read:
        roles = requiring_roles(read, today)
        certs = {
            pid: (status, as_date(expires))
            for pid, status, expires in read(
                "SELECT person_id, status, expires_on FROM certificates"
            )
        }
        uuids = dict(read("SELECT id, uuid FROM people"))
    return {
        uuids[pid]: pid in certs and valid_on(*certs[pid], today) for pid in roles if pid in uuids
    }


def certificate_badges(db: Database, today: dt.date | None = None) -> dict[str, str]:
    """volunteer_id -> `ok`/`missing`, from one read-only query (the list stays fast)."""
    return {
        volunteer_id: BADGE_OK if valid else BADGE_MISSING
        for volunteer_id, valid in validity_by_volunteer(db, today).items()
    }


def generic_state(state: str | None) -> str:
    """The only words about a certificate shown outside the responsible staff's screen."""
    if state is None:
        return ""
    return _("Politiattest OK") if state == BADGE_OK else _("Har ikke gyldig politiattest")
