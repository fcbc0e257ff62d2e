"""Small read helpers the activity screens need that the core services do not (yet) offer.

Additive only: nothing here changes a rule. Each function is one short read transaction and
returns plain dataclasses, so the views never touch the ORM.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.db import Database
from app.models import ScheduleRule
from app.services.activities import load_activity
from app.services.schedule import WeeklyRule


@dataclass(frozen=True)
class RuleInfo:
    """A stored weekly rule with its ID, so the schedule tab can offer "Endre" on it."""

    id: str
    rule: WeeklyRule


def list_rules(db: Database, activity_id: str) -> list[RuleInfo]:
    """The activity's weekly rules, by weekday and start time."""
    with db.read() as session:
        activity = load_activity(session, activity_id)
        rows = session.scalars(
            select(ScheduleRule).where(ScheduleRule.activity_id == activity.id)
        ).all()
        result = [
            RuleInfo(
                r.uuid,
                WeeklyRule(r.weekday, r.every_weeks, r.start_time, r.end_time, r.first_date,
                           r.last_date),
            )
            for r in rows
        ]  # fmt: skip
    return sorted(result, key=lambda r: (r.rule.weekday, r.rule.start))


def activity_period_end(start: dt.date, end: dt.date | None, today: dt.date) -> dt.date:
    """The last day worth listing sessions for: the activity's end, or a year ahead."""
    return end or max(start, today) + dt.timedelta(days=366)
