"""Demo onboarding: steps for every volunteer, a small course register, and new volunteers
somewhere on the way (registered → interview → training → confidentiality → ready).

Volunteers who started long ago went through every step soon after they started. Active
volunteers who started within the last four months and are on no team yet are still on the
way, spread over the steps; some of them have waited more than two weeks (the onboarding board
shows them first). The course register covers the last two years: the basic course every five to
seven weeks and a few themed courses, with who attended; attending the basic course is the
training step. Older training happened before the register and has a date only.

Random choices come from their own `random.Random`, seeded from the demo seed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

NEW_DAYS = 120  # "new volunteers": started within this many days
REGISTER_DAYS = 730  # the course register covers the last two years
BASIC_COURSE = "Grunnkurs for frivillige"
THEMED_COURSES = (
    "Førstehjelpskurs",
    "Kurs for leksehjelpere",
    "Taushetsplikt og personvern",
    "Inkludering og kulturforståelse",
    "Språkvenn: samtaletrening på enkel norsk",
)
# The step a new volunteer waits for (the board's words), dealt out in turn.
WAITING_FOR = ("interview", "training", "confidentiality", "ready")


class Newcomer(Protocol):
    person_id: int
    start: dt.date
    status: str


@dataclass
class OnboardingRows:
    courses: list[dict[str, object]]
    attendance: list[dict[str, object]]
    steps: list[dict[str, object]]


def plan_onboarding(
    *,
    seed: int,
    today: dt.date,
    volunteers: Sequence[Newcomer],
    on_team: Collection[int],
    staff_ids: Sequence[int],
    uuids: Iterator[str],
) -> OnboardingRows:
    """Rows for `courses`, `course_attendance` and `onboarding_steps` (explicit integer keys)."""
    rng = random.Random(f"dugnad-onboarding-{seed}")
    first = today - dt.timedelta(days=REGISTER_DAYS)
    basic: list[dt.date] = []
    day = first + dt.timedelta(days=(1 - first.weekday()) % 7)  # a Tuesday
    while day <= today:
        basic.append(day)
        day += dt.timedelta(days=rng.choice((35, 42, 49)))
    courses: list[dict[str, object]] = []
    attendance: list[dict[str, object]] = []
    course_of_day: dict[dt.date, int] = {}
    for held_on in basic:
        courses.append({"id": len(courses) + 1, "uuid": next(uuids), "name": BASIC_COURSE,
                        "held_on": held_on})  # fmt: skip
        course_of_day[held_on] = len(courses)

    newcomers = [v for v in volunteers if v.status == "active" and v.person_id not in on_team
                 and v.start >= today - dt.timedelta(days=NEW_DAYS)]  # fmt: skip
    rng.shuffle(newcomers)
    waiting = {v.person_id: WAITING_FOR[n % len(WAITING_FOR)] for n, v in enumerate(newcomers)}

    steps: list[dict[str, object]] = []

    def done(person_id: int, step: str, on: dt.date) -> None:
        steps.append({"id": len(steps) + 1, "uuid": next(uuids), "person_id": person_id,
                      "step": step, "done_on": on, "staff_id": rng.choice(staff_ids)})  # fmt: skip

    for v in volunteers:
        goal = waiting.get(v.person_id, "ready")
        if goal == "interview":
            continue
        interview = min(today, v.start + dt.timedelta(days=rng.randint(1, 12)))
        done(v.person_id, "interview", interview)
        if goal == "training":
            continue
        i = bisect.bisect_left(basic, interview)
        if i < len(basic):
            training = basic[i]
            attendance.append({"course_id": course_of_day[training], "person_id": v.person_id})
        elif interview >= first:
            continue  # no basic course since the interview: waiting for training
        else:
            training = min(today, interview + dt.timedelta(days=rng.randint(3, 40)))
        done(v.person_id, "training", training)
        if goal == "confidentiality":
            continue
        signed = training + dt.timedelta(days=rng.choice((0, 0, 0, 1, 2, 5, 7)))
        if signed > today:
            continue
        done(v.person_id, "confidentiality", signed)

    # Themed courses: volunteers who were there, drawn from those active then.
    attended = {(a["course_id"], a["person_id"]) for a in attendance}
    for name in THEMED_COURSES:
        held_on = first + dt.timedelta(days=rng.randint(30, REGISTER_DAYS - 10))
        courses.append({"id": len(courses) + 1, "uuid": next(uuids), "name": name,
                        "held_on": held_on})  # fmt: skip
        able = [v.person_id for v in volunteers if v.start <= held_on and v.status == "active"]
        for person_id in rng.sample(able, k=min(len(able), rng.randint(6, 16))):
            if (len(courses), person_id) not in attended:
                attendance.append({"course_id": len(courses), "person_id": person_id})
    return OnboardingRows(courses, attendance, steps)
