"""Demo police certificates: a record for every volunteer who needs one, in every state.

The need follows from team spells on activities that require a certificate (the same rule as
`app.services.certificates.requiring_roles`). Each record gets a story that the services would
have written: `needed` when the role began, then request → shown (cleared, or with remarks) →
expired → requested again, renewal after renewal, with dates that `certificate_rules.check_shown`
accepts (issued after the request, shown within three weeks of issue, never in the future).

The plans are made before the rosters, so the demo rosters obey the rule that protects children:
nobody is on the roster of such an activity, on or after the day the record began, without a
certificate valid that day (`CertificatePlans.valid_on`). Most records are `cleared`; the rest
spread over `needed`, `requested` (some waiting more than six weeks), `cleared` expiring within
the reminder lead time (it happens by itself), `not_cleared` and `expired`. Former holders whose
role ended within the grace period keep their record, marked with `no_role_since`.

Random choices come from their own `random.Random`, seeded from the demo seed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from app.services.certificate_rules import CertificatePolicy, add_months, expires_on

STATES = ("needed", "requested", "cleared", "not_cleared", "expired")
# Weights of the final state of a record beyond the ones every demo shows (see `_QUOTA`): most
# volunteers who have held the role a while are cleared; new ones are often still on the way.
_WEIGHTS = {"cleared": 80, "needed": 3, "requested": 6, "not_cleared": 2, "expired": 9}
_NEW_WEIGHTS = {"cleared": 35, "needed": 30, "requested": 35, "not_cleared": 0, "expired": 0}
NEW_ROLE_DAYS = 120
# One of each first (when some holder allows it), so that even the small demo shows them all.
_QUOTA = ("needed", "requested_long", "requested", "not_cleared", "expired", "cleared_soon")
LONG_WAIT_DAYS = 42  # "more than 6 weeks stands out"


@dataclass(frozen=True)
class TeamSpell:
    """A volunteer's time on the team of an activity that requires a certificate."""

    person_id: int
    from_date: dt.date
    to_date: dt.date | None
    # The spell began when the demo's recorded history begins (the small demo's year): the role
    # itself may be older.
    clipped: bool


class Holder(Protocol):
    """What the plans need to know of a demo volunteer (`demo_activities.DemoVolunteer`)."""

    person_id: int
    start: dt.date
    status: str
    status_date: dt.date


@dataclass
class Plan:
    """One certificate record and its history, as the services would have left them."""

    person_id: int
    needed_since: dt.date
    status: str = "needed"
    requested_on: dt.date | None = None
    shown_on: dt.date | None = None
    issued_on: dt.date | None = None
    expires_on: dt.date | None = None
    no_role_since: dt.date | None = None
    # (date, from, to, by staff): from None to "needed" first.
    events: list[tuple[dt.date, str | None, str, bool]] = field(default_factory=list)
    valid: list[tuple[dt.date, dt.date]] = field(default_factory=list)

    def move(self, on: dt.date, to: str, by_staff: bool) -> None:
        self.events.append((on, self.status if self.events else None, to, by_staff))
        self.status = to


class CertificatePlans:
    """The records the demo writes, and who may be rostered when."""

    def __init__(self, plans: Mapping[int, Plan]) -> None:
        self.plans = dict(plans)

    def valid_on(self, person_id: int, day: dt.date) -> bool:
        """May the volunteer serve in an activity that requires a certificate on `day`?

        Before the record began (an older, deleted record) the demo does not know; it allows it.
        """
        plan = self.plans.get(person_id)
        if plan is None or day < plan.needed_since:
            return True
        return any(shown <= day <= until for shown, until in plan.valid)

    def rows(
        self,
        staff_ids: Sequence[int],
        rng: random.Random,
        uuids: Iterator[str],
    ) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
        """Rows for `certificates` and `certificate_events`, with explicit integer keys."""
        records: list[dict[str, object]] = []
        events: list[dict[str, object]] = []
        for cert_id, person_id in enumerate(sorted(self.plans), start=1):
            plan = self.plans[person_id]
            checker = None
            history = []
            for on, from_status, to_status, by_staff in plan.events:
                staff = rng.choice(staff_ids) if by_staff and staff_ids else None
                if to_status in ("cleared", "not_cleared"):
                    checker = staff
                history.append({"id": len(events) + len(history) + 1, "uuid": next(uuids),
                                "certificate_id": cert_id, "on_date": on,
                                "from_status": from_status, "to_status": to_status,
                                "staff_id": staff})  # fmt: skip
            events += history
            records.append({
                "id": cert_id, "uuid": next(uuids), "person_id": person_id,
                "status": plan.status, "needed_since": plan.needed_since,
                "requested_on": plan.requested_on, "shown_on": plan.shown_on,
                "issued_on": plan.issued_on, "expires_on": plan.expires_on,
                "checked_by_id": checker if plan.shown_on else None,
                "no_role_since": plan.no_role_since,
            })  # fmt: skip
        return records, events


class _Planner:
    def __init__(self, rng: random.Random, today: dt.date, policy: CertificatePolicy) -> None:
        self.rng = rng
        self.today = today
        self.policy = policy

    def _day(self, first: dt.date, last: dt.date) -> dt.date:
        return first + dt.timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def _expiry(self, issued: dt.date) -> dt.date:
        return expires_on(issued, self.policy)

    # -- one cycle: requested → shown (→ expired) --------------------------------------------
    def _cycle(
        self, plan: Plan, requested: dt.date, issued: dt.date, upto: dt.date, remarks: bool
    ) -> None:
        """Requested on `requested`, issued on `issued`, shown within three weeks (by `upto`)."""
        rng = self.rng
        shown = min(upto, issued + dt.timedelta(days=rng.choice((0, 1, 2, 3, 5, 7, 10, 14, 21))))
        plan.move(requested, "requested", True)
        plan.requested_on = requested
        plan.shown_on, plan.issued_on = shown, issued
        if remarks:
            plan.expires_on = None
            plan.move(shown, "not_cleared", True)
            return
        plan.expires_on = self._expiry(issued)
        plan.move(shown, "cleared", True)
        plan.valid.append((shown, plan.expires_on))
        if plan.expires_on < self.today:
            plan.move(plan.expires_on, "expired", False)

    def _wait(self) -> int:
        """Days from the request to the issue date: 2–4 weeks, up to 6 in busy periods."""
        return self.rng.choice((3, 5, 8, 10, 12, 14, 16, 18, 21, 24, 28, 35, 42))

    def _earlier(self, plan: Plan, before: dt.date) -> None:
        """Renewal cycles that fit between the need and `before` (a request after an expiry)."""
        rng = self.rng
        cycles: list[tuple[dt.date, dt.date]] = []
        while True:
            expired = before - dt.timedelta(days=rng.randint(0, 45))
            issued = add_months(expired, -12 * self.policy.renewal_years)
            while self._expiry(issued) > expired:
                issued -= dt.timedelta(days=1)
            requested = issued - dt.timedelta(days=self._wait())
            if requested < plan.needed_since:
                break
            cycles.append((requested, issued))
            before = requested
        for requested, issued in reversed(cycles):
            self._cycle(plan, requested, issued, issued + dt.timedelta(days=21), remarks=False)

    # -- the final state -----------------------------------------------------------------------
    def feasible(self, state: str, since: dt.date, upto: dt.date) -> bool:
        today = self.today
        if state in ("cleared", "requested", "not_cleared", "needed"):
            return since <= upto
        if state == "requested_long":
            return (upto - since).days > LONG_WAIT_DAYS + 1 and upto == today
        if state == "cleared_soon":
            lead = today + dt.timedelta(days=self.policy.reminder_days)
            return self._expiry(since) <= lead and self._expiry(min(upto, today)) >= today
        if state == "expired":
            return self._expiry(since + dt.timedelta(days=45)) < today
        raise ValueError(state)

    def build(self, person_id: int, since: dt.date, upto: dt.date, state: str) -> Plan:
        """A record that began on `since` and stands in `state` on `upto` (today, or the end of
        the role for a former holder within the grace period)."""
        rng, today = self.rng, self.today
        plan = Plan(person_id, since)
        plan.move(since, "needed", False)
        if state == "needed":
            return plan
        if state in ("requested", "requested_long"):
            longest = min((upto - since).days, 90)
            if state == "requested_long":
                waited = rng.randint(LONG_WAIT_DAYS + 1, max(LONG_WAIT_DAYS + 1, longest))
            else:
                waited = rng.randint(min(1, longest), min(longest, 40))
            requested = upto - dt.timedelta(days=waited)
            if rng.random() < 0.6:
                self._earlier(plan, requested)  # a renewal: asked again after it expired
            plan.move(requested, "requested", True)
            plan.requested_on = requested
            return plan
        if state == "not_cleared":
            shown = self._day(since, upto)
            requested = max(since, shown - dt.timedelta(days=self._wait() + 7))
            issued = max(requested, shown - dt.timedelta(days=rng.randint(0, 21)))
            self._cycle(plan, requested, issued, shown, remarks=True)
            return plan
        if state == "expired":
            # Issued so long ago that it expired before today.
            latest = add_months(today, -12 * self.policy.renewal_years) - dt.timedelta(days=1)
            issued = self._day(since + dt.timedelta(days=45), latest)
            while self._expiry(issued) >= today:
                issued -= dt.timedelta(days=1)
        else:
            lowest = add_months(today, -12 * self.policy.renewal_years)
            if state == "cleared_soon":
                lead = today + dt.timedelta(days=self.policy.reminder_days)
                highest = add_months(lead, -12 * self.policy.renewal_years)
            else:
                highest = upto
            issued = self._day(max(since, lowest), min(highest, upto))
            while self._expiry(issued) < today:
                issued += dt.timedelta(days=1)
        requested = max(since, issued - dt.timedelta(days=self._wait()))
        if requested > since + dt.timedelta(days=120):
            self._earlier(plan, requested)
        self._cycle(plan, requested, issued, upto, remarks=False)
        return plan


def plan_certificates(
    *,
    seed: int,
    today: dt.date,
    policy: CertificatePolicy,
    spells: Sequence[TeamSpell],
    volunteers: Mapping[int, Holder],
    history_start: dt.date | None,
) -> CertificatePlans:
    """Decide every demo record: for current holders, for those who joined a team that starts
    later (the need begins at once), and for former holders within the grace period."""
    rng = random.Random(f"dugnad-certificates-{seed}")
    planner = _Planner(rng, today, policy)
    by_person: dict[int, list[TeamSpell]] = {}
    for spell in spells:
        by_person.setdefault(spell.person_id, []).append(spell)

    wanted: list[tuple[int, dt.date, dt.date, dt.date | None]] = []  # person, since, upto, gone
    for person_id in sorted(by_person):
        v = volunteers[person_id]
        holds_until = v.status_date - dt.timedelta(days=1) if v.status == "ended" else None

        def end(spell: TeamSpell, until: dt.date | None = holds_until) -> dt.date | None:
            if until is None:
                return spell.to_date
            return until if spell.to_date is None else min(spell.to_date, until)

        spans = [(s, end(s)) for s in by_person[person_id]]
        spans = [(s, e) for s, e in spans if e is None or e >= s.from_date]
        current = [s for s, e in spans if s.from_date <= today and (e is None or e >= today)]
        later = [s for s, e in spans if s.from_date > today]
        if current:
            first = min(current, key=lambda s: s.from_date)
            since = first.from_date
            if first.clipped and history_start is not None:
                since = planner._day(max(v.start, history_start - dt.timedelta(days=6 * 365)),
                                     since)  # fmt: skip
            wanted.append((person_id, since, today, None))
        elif later:
            joined = max(v.start, today - dt.timedelta(days=rng.randint(0, 20)))
            wanted.append((person_id, min(joined, today), today, None))
        else:
            ended = max(e for _s, e in spans if e is not None) if spans else None
            if ended is not None and (today - ended).days <= policy.grace_days:
                first = min(s.from_date for s, _e in spans)
                wanted.append((person_id, first, ended, ended + dt.timedelta(days=1)))

    states: dict[int, str] = {}
    order = list(range(len(wanted)))
    rng.shuffle(order)
    # Paused volunteers first: they are on no roster anyway, so their state costs no session.
    order.sort(key=lambda i: volunteers[wanted[i][0]].status != "paused")
    for state in _QUOTA:
        for i in order:
            person_id, since, upto, gone = wanted[i]
            if person_id not in states and gone is None and planner.feasible(state, since, upto):
                states[person_id] = state
                break
    plans: dict[int, Plan] = {}
    for person_id, since, upto, gone in wanted:
        state = states.get(person_id)
        if state is None:
            weights = _NEW_WEIGHTS if (upto - since).days < NEW_ROLE_DAYS else _WEIGHTS
            choices = [s for s in weights if weights[s] and planner.feasible(s, since, upto)]
            if gone is not None:
                choices = [s for s in choices if s != "expired"]
            state = rng.choices(choices, [weights[s] for s in choices])[0]
        plan = planner.build(person_id, since, upto, state)
        plan.no_role_since = gone
        plans[person_id] = plan
    return CertificatePlans(plans)
