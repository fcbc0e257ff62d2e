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
    ("Leksehjelp (leksehjelper)", "Vennefamilie (kobling)"). A planned role counts: the
    certificate takes weeks to come. Roles are team memberships of activities marked "krever
    politiattest", membership of a programme whose pairings may involve children
    (`_member_roles_sql`), and places in proposed or active pairings of a programme whose
    certificate rule applies (`_pairing_roles_sql`)."""
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
    member = _("frivillig i programmet")
    for person_id, programme in read(*_member_roles_sql(on, person_ids)):
        roles[person_id].append(f"{programme} ({member})")
    pairing = _("kobling")
    for person_id, programme in read(*_pairing_roles_sql(on, person_ids)):
        text = f"{programme} ({pairing})"
        if text not in roles[person_id]:
            roles[person_id].append(text)
    return roles


def _member_roles_sql(on: dt.date, person_ids: list[int] | None) -> tuple[str, list[object]]:
    """Volunteers taken into a programme whose pairings may involve children (certificate rule
    `always` or `children`): the centre asks for a certificate at intake, before any proposal."""
    day = on.isoformat()
    sql = (
        "SELECT pm.person_id, pr.name FROM programme_volunteers pm"
        " JOIN programmes pr ON pr.id = pm.programme_id"
        " JOIN volunteers v ON v.person_id = pm.person_id"
        " WHERE pr.certificate IN ('always', 'children')"
        " AND (pm.to_date IS NULL OR pm.to_date >= ?)"
        " AND (v.status != 'ended' OR v.status_date > ?)"
    )
    params: list[object] = [day, day]
    if person_ids is not None:
        sql += f" AND pm.person_id IN ({placeholders(person_ids)})"
        params += person_ids
    return sql + " ORDER BY pr.name", params


def _pairing_roles_sql(on: dt.date, person_ids: list[int] | None) -> tuple[str, list[object]]:
    """Volunteers in a proposed or active pairing whose programme needs a certificate: always,
    or (rule `children`) when the household, or the participant or their household, has someone
    under 18 on `on` (the age they turn that year, as everywhere). `app.services.matching` applies
    the same rule when it ranks and when a pairing is proposed or started."""
    day = on.isoformat()
    # Under 18 on `on`: born after the year `on` minus 18, and not after `on`'s year.
    minor = [on.year - 17, on.year]
    minors_in = (
        "SELECT 1 FROM household_members hm LEFT JOIN people hp ON hp.id = hm.person_id"
        " WHERE hm.household_id = {household}"
        " AND COALESCE(hm.birth_year, hp.birth_year) BETWEEN ? AND ?"
    )
    sql = (
        "SELECT pv.person_id, pr.name FROM pairing_volunteers pv"
        " JOIN pairings p ON p.id = pv.pairing_id"
        " JOIN programmes pr ON pr.id = p.programme_id"
        " JOIN volunteers v ON v.person_id = pv.person_id"
        " WHERE p.status IN ('proposed', 'active')"
        " AND (v.status != 'ended' OR v.status_date > ?)"
        " AND (pr.certificate = 'always' OR (pr.certificate = 'children' AND ("
        f" EXISTS ({minors_in.format(household='p.household_id')})"
        " OR EXISTS (SELECT 1 FROM people pp WHERE pp.id = p.participant_id"
        " AND pp.birth_year BETWEEN ? AND ?)"
        " OR EXISTS (SELECT 1 FROM household_members own WHERE own.person_id = p.participant_id"
        f" AND EXISTS ({minors_in.format(household='own.household_id')})))))"
    )
    params: list[object] = [day, *minor, *minor, *minor]
    if person_ids is not None:
        sql += f" AND pv.person_id IN ({placeholders(person_ids)})"
        params += person_ids
    return sql + " ORDER BY pr.name", params


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
        holders = list(roles)
        uuids = dict(read(f"SELECT id, uuid FROM people WHERE id IN ({placeholders(holders)})",
                          holders)) if holders else {}  # fmt: skip
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
